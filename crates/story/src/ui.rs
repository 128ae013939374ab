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
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
