//! Interface text shared by the widgets (buttons, notes, headings), in zh-CN and en.
//! One place for every string of chrome, so a widget never hard-codes reader-facing words.

use crate::config::{Lang, WidgetKind};
use crate::model::Story;

/// A piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiText {
    DownloadCsv,
    /// The image downloads of a widget's current view.
    DownloadPng,
    DownloadSvg,
    /// An image download could not be made (no canvas, a canvas call failed).
    ImageFailed,
    /// A long data table's button: `{0}` is its number of rows.
    ShowTable,
    /// Labels of the citation rows under a downloaded CSV's figures.
    CiteSource,
    CiteSection,
    CiteDate,
    CiteNote,
    /// The story a widget was pointed at has no data for it.
    NotInStory,
    DataTableNote,
    SourcePrefix,
    /// Between a source and its section: 原文报道，2020年7月 · “section”.
    SectionSeparator,
    /// Before the tally's list of which figure holds as of which date.
    FigureDates,
    /// Who made the graphic: the credit line under every widget and in its images.
    Credit,
    Close,
    Play,
    Pause,
    Previous,
    Next,
    // ---- payments chart ----
    /// Legend of the metric switch.
    PaymentsChoose,
    PaymentsMonthNotReported,
    /// After the report month: "2020年7月报道" / "July 2020 report".
    PaymentsReport,
    /// Label of the dashed connector between the two reported points.
    PaymentsConnector,
    /// Note under the chart when only the source's totals are drawn.
    PaymentsNoteTotals,
    /// Note under the chart when an editor-supplied series is drawn.
    PaymentsNoteSeries,
    /// Note under the chart when the source's own points are drawn.
    PaymentsNoteReported,
    PaymentsUnitPrefix,
    /// Accessible description of the default view: {0} title, {1} launch, {2} report, {3} total.
    PaymentsDescribeTotals,
    /// Accessible description of a series: {0} title, {1} count, {2} first date, {3} first value,
    /// {4} last date, {5} last value, {6} highest value.
    PaymentsDescribeSeries,
    /// One point, for the tooltip and the live region: {0} date, {1} value.
    PaymentsPoint,
    /// Hint on the focusable chart area.
    PaymentsKeys,
    PaymentsComputed,
    PaymentsReported,
    PaymentsFormula,
    PaymentsDate,
    PaymentsAsReported,
    PaymentsLoading,
    /// A series file could not be loaded: {0} URL, {1} reason.
    PaymentsLoadFailed,
    /// {0}: HTTP status code.
    PaymentsHttpStatus,
    /// {0}: HTTP status code (404 or 410).
    PaymentsNotFound,
    /// {0}: HTTP status code (5xx).
    PaymentsServerError,
    /// {0}: the limit in KiB.
    PaymentsTooLarge,
    /// {0}: offset of the first byte that is not UTF-8.
    PaymentsNotUtf8,
    /// The address answered with an HTML page (a CMS's error or login page, a wrong path).
    PaymentsHtml,
    /// {0}: the time-out in seconds.
    PaymentsTimedOut,
    PaymentsNetworkError,
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
    /// Grid map: the time scrubber.
    Timeline,
    /// Grid map: the list of timeline steps.
    Steps,
    /// Grid map: the geometry could not be decoded.
    MapError,
    /// Grid map: note beside a link drawn at a representative point of the shared border.
    LocationNotReported,
    /// Grid map: note beside a link drawn near, not at, its reported place.
    Approximate,
    /// Grid map: tooltip and table text when the source names no place.
    PlaceNotReported,
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
            UiText::NotInStory => (
                "所选故事没有这个组件的数据。",
                "The chosen story has no data for this widget.",
            ),
            UiText::DownloadCsv => ("下载数据（CSV）", "Download the data (CSV)"),
            UiText::DownloadPng => ("下载图片（PNG）", "Download the image (PNG)"),
            UiText::DownloadSvg => ("下载矢量图（SVG）", "Download the vector image (SVG)"),
            UiText::ImageFailed => (
                "无法生成图片：此浏览器未能绘制。请改用数据下载。",
                "The image could not be made: this browser could not draw it. Download the data instead.",
            ),
            UiText::ShowTable => ("数据表（{0}行）", "Data table ({0} rows)"),
            UiText::CiteSource => ("来源", "Source"),
            UiText::CiteSection => ("所引段落", "Section"),
            UiText::CiteDate => ("日期", "Date"),
            UiText::CiteNote => ("说明", "Note"),
            UiText::DataTableNote => ("本图表的全部数据", "All figures in this graphic"),
            UiText::SourcePrefix => ("来源：", "Source: "),
            UiText::SectionSeparator => (" · ", " · "),
            UiText::FigureDates => ("各数字的时点：", "Figures as of: "),
            UiText::Credit => ("图表：Feature widgets", "Graphic: Feature widgets"),
            UiText::Close => ("关闭", "Close"),
            UiText::Play => ("播放", "Play"),
            UiText::Pause => ("暂停", "Pause"),
            UiText::Previous => ("上一步", "Previous"),
            UiText::Next => ("下一步", "Next"),
            UiText::PaymentsChoose => ("选择指标", "Choose a figure"),
            UiText::PaymentsMonthNotReported => ("（月份未公布）", "(month not reported)"),
            UiText::PaymentsReport => ("报道", " report"),
            UiText::PaymentsConnector => (
                "虚线仅连接两个公布的数值，不代表实际走势",
                "Straight line only joins the two reported points; not the actual trend",
            ),
            UiText::PaymentsNoteTotals => (
                "仅有累计总数，中间数值未公布。",
                "Reported totals; intermediate values not reported.",
            ),
            UiText::PaymentsNoteSeries => (
                "折线数据由编辑提供；原文只公布累计总数。",
                "Line data supplied by the editors; the source reports only cumulative totals.",
            ),
            UiText::PaymentsNoteReported => (
                "数值均为原文公布的数字。",
                "Values as reported by the source.",
            ),
            UiText::PaymentsUnitPrefix => ("单位：", "Unit: "),
            UiText::PaymentsDescribeTotals => (
                "折线图：{0}。从{1}时的0，累计到{2}的{3}。原文只公布了累计总数，两点之间的虚线只是把它们连起来，不代表实际走势。",
                "Line chart: {0}. From 0 at the {1} to {3} at the {2}. The source reports only cumulative totals; the dashed straight line only joins the two points and does not show the actual trend.",
            ),
            UiText::PaymentsDescribeSeries => (
                "折线图：{0}，共{1}个数据点，从{2}的{3}到{4}的{5}，最高为{6}。",
                "Line chart: {0}, {1} points, from {3} in {2} to {5} in {4}; highest {6}.",
            ),
            UiText::PaymentsPoint => ("{0}：{1}", "{0}: {1}"),
            UiText::PaymentsKeys => (
                "图表，可用左右方向键逐点查看数值",
                "Chart; use the Left and Right arrow keys to step through the points",
            ),
            UiText::PaymentsComputed => ("推算数字", "Computed figures"),
            UiText::PaymentsReported => ("原文公布的累计总数", "Reported totals"),
            UiText::PaymentsFormula => ("计算方法：", "Formula: "),
            UiText::PaymentsDate => ("时间", "Date"),
            UiText::PaymentsAsReported => ("原文表述", "As reported"),
            UiText::PaymentsLoading => ("正在加载数据……", "Loading data…"),
            UiText::PaymentsLoadFailed => (
                "无法加载数据文件 {0}：{1}",
                "Could not load the data file {0}: {1}",
            ),
            UiText::PaymentsHttpStatus => ("服务器返回 HTTP {0}", "the server answered HTTP {0}"),
            UiText::PaymentsNotFound => (
                "服务器上没有这个文件（HTTP {0}），请检查地址",
                "there is no such file on the server (HTTP {0}); check the address",
            ),
            UiText::PaymentsServerError => (
                "服务器出错（HTTP {0}），请稍后再试",
                "the server failed (HTTP {0}); try again later",
            ),
            UiText::PaymentsTooLarge => (
                "文件超过 {0} KB 的上限",
                "the file is larger than the {0} KB limit",
            ),
            UiText::PaymentsNotUtf8 => (
                "文件不是 UTF-8 编码的文本（第 {0} 字节起无法读取）",
                "the file is not UTF-8 text (unreadable from byte {0})",
            ),
            UiText::PaymentsHtml => (
                "该地址返回的是网页（HTML），不是 JSON 数据，请检查地址",
                "the address returned a web page (HTML), not JSON data; check the address",
            ),
            UiText::PaymentsTimedOut => (
                "{0} 秒内没有收到完整的文件",
                "the file did not arrive within {0} seconds",
            ),
            UiText::PaymentsNetworkError => ("网络错误", "network error"),
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
            UiText::Timeline => ("时间轴", "Timeline"),
            UiText::Steps => ("时间节点", "Milestones"),
            UiText::MapError => ("地图数据无法读取", "The map data could not be read"),
            UiText::LocationNotReported => ("示意位置", "location not reported"),
            UiText::Approximate => ("位置示意", "approximate"),
            UiText::PlaceNotReported => ("报道未说明地点", "location not reported"),
            UiText::ColumnFrom => ("起", "From"),
            UiText::ColumnTo => ("止", "To"),
            UiText::ColumnDate => ("贯通时间", "Completed"),
            UiText::ColumnPlace => ("地点", "Place"),
            UiText::ColumnCarries => ("内容", "Carries"),
            UiText::ColumnCapacity => ("可转供负荷（千伏安）", "Transferable load (kVA)"),
        };
        lang.pick(zh, en)
    }
}

/// A widget's title, shown above it and in its static fallback: from the story's data (the
/// tally's and the chart's files), "" when the story lacks that widget.
pub fn widget_title(story: &Story, kind: WidgetKind, lang: Lang) -> &'static str {
    match kind {
        WidgetKind::Tally => story.tally.map_or("", |t| t.title.get(lang)),
        WidgetKind::Payments => story.chart.map_or("", |c| c.title.get(lang)),
        WidgetKind::GridMap => story.map.map_or("", |m| m.title.get(lang)),
    }
}

/// Fills `{0}`…`{9}` in a [`UiText`] template with `args` (missing arguments become empty).
/// Small on purpose: no `format!` in the WASM path.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        let mut chars = tail.chars();
        chars.next();
        match (chars.next(), chars.next()) {
            (Some(d @ '0'..='9'), Some('}')) => {
                let i = (d as usize).wrapping_sub('0' as usize);
                out.push_str(args.get(i).copied().unwrap_or(""));
                rest = tail.get(3..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_numbered_placeholders_in_any_order() {
        assert_eq!(fill("{1} then {0}", &["a", "b"]), "b then a");
    }

    #[test]
    fn fill_leaves_other_braces_and_drops_missing_arguments() {
        assert_eq!(fill("{x} {3}.", &["a"]), "{x} .");
        assert_eq!(fill("end {", &[]), "end {");
    }
}
