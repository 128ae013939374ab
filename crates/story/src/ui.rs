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
    /// Grid map: accessible name of the map drawing.
    MapTitle,
    /// Grid map: the time scrubber.
    Timeline,
    /// Grid map: the list of timeline steps.
    Steps,
    /// Grid map: the flow-direction toggle (the links work both ways).
    MutualBackup,
    /// Grid map: the geometry could not be decoded.
    MapError,
    /// Grid map: note beside a link drawn at a representative point of the shared border.
    LocationNotReported,
    /// Grid map: note beside a link drawn near, not at, its reported place.
    Approximate,
    /// Grid map: tooltip and table text when the source names no place.
    PlaceNotReported,
    /// Grid map: what a link can transfer.
    TransferableLoad,
    /// Grid map: the zone's outline.
    ZoneOutline,
    /// Grid map data table columns.
    ColumnFrom,
    ColumnTo,
    ColumnDate,
    ColumnPlace,
    ColumnCarries,
    ColumnCapacity,
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
            UiText::MapTitle => ("示范区地图", "Map of the demonstration zone"),
            UiText::Timeline => ("时间轴", "Timeline"),
            UiText::Steps => ("时间节点", "Milestones"),
            UiText::MutualBackup => ("互济互保（反向送电）", "Mutual backup (reverse flow)"),
            UiText::MapError => ("地图数据无法读取", "The map data could not be read"),
            UiText::LocationNotReported => ("示意位置", "location not reported"),
            UiText::Approximate => ("位置示意", "approximate"),
            UiText::PlaceNotReported => ("报道未说明地点", "location not reported"),
            UiText::TransferableLoad => ("可转供负荷", "transferable load"),
            UiText::ZoneOutline => ("示范区范围", "outline of the zone"),
            UiText::ColumnFrom => ("起", "From"),
            UiText::ColumnTo => ("止", "To"),
            UiText::ColumnDate => ("贯通时间", "Completed"),
            UiText::ColumnPlace => ("地点", "Place"),
            UiText::ColumnCarries => ("内容", "Carries"),
            UiText::ColumnCapacity => ("可转供负荷（千伏安）", "Transferable load (kVA)"),
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
