//! Interface text shared by the widgets (buttons, notes, headings), in zh-CN and en.
//! One place for every string of chrome, so a widget never hard-codes reader-facing words.

use crate::config::Lang;

/// A piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiText {
    DownloadCsv,
    DataTableNote,
    SourcePrefix,
    Close,
    Play,
    Pause,
    Previous,
    Next,
    /// Data-table column headers shared by the widgets.
    ColSection,
    ColFigure,
    ColValue,
    ColRaw,
    ColUnit,
    ColQualifier,
    ColDate,
    /// Marks the card or item an editor chose to emphasise.
    Highlighted,
    /// Said where the source gives no figure (the tally's activist card).
    NoFigure,
    /// Group name for figures the source gives no date for.
    Undated,
}

impl UiText {
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            UiText::DownloadCsv => ("下载数据（CSV）", "Download the data (CSV)"),
            UiText::DataTableNote => ("本图表的全部数据", "All figures in this graphic"),
            UiText::SourcePrefix => ("来源：", "Source: "),
            UiText::Close => ("关闭", "Close"),
            UiText::Play => ("播放", "Play"),
            UiText::Pause => ("暂停", "Pause"),
            UiText::Previous => ("上一步", "Previous"),
            UiText::Next => ("下一步", "Next"),
            UiText::ColSection => ("部分", "Section"),
            UiText::ColFigure => ("指标", "Figure"),
            UiText::ColValue => ("数值", "Value"),
            UiText::ColRaw => ("原始数值", "Raw value"),
            UiText::ColUnit => ("单位", "Unit"),
            UiText::ColQualifier => ("限定", "Qualifier"),
            UiText::ColDate => ("日期", "Date"),
            UiText::Highlighted => ("（重点）", "(highlighted)"),
            UiText::NoFigure => ("原文未给出数字", "No figure in the source"),
            UiText::Undated => ("未注明日期", "Undated"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
