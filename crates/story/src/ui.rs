//! Interface text shared by the widgets (buttons, notes, headings), in zh-CN and en.
//! One place for every string of chrome, so a widget never hard-codes reader-facing words.

use crate::config::{Lang, WidgetKind};

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

/// A widget's title, shown above it and in its static fallback.
pub fn widget_title(kind: WidgetKind, lang: Lang) -> &'static str {
    let (zh, en) = match kind {
        WidgetKind::Tally => (
            "望亭“七个一”：党建赋能复工复产的数字",
            "Wangting's \"seven ones\": the figures behind the campaign",
        ),
        WidgetKind::Payments => (
            "工行e支付收款码：2019年推广以来的累计数字",
            "ICBC's e-payment collection code: totals since the 2019 launch",
        ),
        WidgetKind::GridMap => (
            "长三角示范区：10千伏配电网跨省互联",
            "Yangtze Delta demonstration zone: 10 kV grid links across provinces",
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
