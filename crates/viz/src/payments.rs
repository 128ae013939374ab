//! View model of the line chart (the payments chart of the first story): a metric as the
//! source reports it (a cumulative total, or reported points) or as an editor-supplied series.
//!
//! Size independent: pixel positions come later from [`crate::chart::layout`].

use crate::scale::Linear;
use crate::table::{citation, file_name, raw_number, Cell, TableView};
use story::config::{Series, SeriesDate, SeriesPoint};
use story::format::{format_qualified, format_tick, format_value, format_when};
use story::model::{Chart, Metric};
use story::shared::Shared;
use story::ui::{fill, UiText};
use story::{Fact, Lang, Qualifier, Story, Unit, When, WidgetKind};

/// How the line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The two points the source gives, joined by a dashed straight connector.
    Totals,
    /// An editor-supplied series, drawn as a solid line.
    Series,
    /// Points the source reports, drawn as a solid line.
    Reported,
}

/// Where an x-axis label sits relative to its tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// A y-axis tick: value and compact label ("2亿", "200M").
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// An x-axis tick: position in years and one or two lines of label.
#[derive(Debug, Clone, PartialEq)]
pub struct XTick {
    pub value: f64,
    pub lines: Vec<String>,
    pub align: Align,
}

/// A data point: position (fractional year, value) and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewPoint {
    pub x: f64,
    pub value: f64,
    /// "2019年推广（月份未公布）", "2020年7月报道", "2020年6月".
    pub date: String,
    /// "近5亿笔", "nearly 500 million transactions".
    pub value_label: String,
    /// Tooltip and live-region text: date and value.
    pub announce: String,
}

/// Everything the chart needs, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    pub lang: Lang,
    pub metric: &'static Metric,
    pub kind: LineKind,
    pub title: String,
    /// Axis unit, e.g. "单位：笔".
    pub unit: String,
    /// Shared ([`story::shared`]): the widget compares its view on every animation frame.
    pub points: Shared<ViewPoint>,
    pub x_domain: (f64, f64),
    pub y_domain: (f64, f64),
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<XTick>,
    /// Label of the dashed connector (totals only).
    pub connector: Option<String>,
    pub note: String,
    /// The source: the heading of the section the chart cites.
    pub source: &'static str,
    pub description: String,
    pub table: TableView,
}

/// A figure computed from two reported ones, with its formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub id: &'static str,
    pub label: &'static str,
    /// "约180元".
    pub value: String,
    /// "累计交易金额 ÷ 累计交易笔数 = 超900亿元 ÷ 近5亿笔".
    pub formula: String,
}

/// The view of `metric` of `chart`: the editor's `series` when given, otherwise the points
/// the source reports, otherwise its total. `published` is when the source reported it.
pub fn build_view(
    story: &Story,
    chart: &Chart,
    metric: &'static Metric,
    series: Option<&Series>,
    lang: Lang,
) -> ChartView {
    let total = metric.total;
    let title = label(total, lang);
    let unit = metric.unit();
    let mut unit_label = String::from(UiText::PaymentsUnitPrefix.get(lang));
    unit_label.push_str(lang.pick(unit.zh(), unit.en(true)));
    let (kind, points) = match series.filter(|s| !s.points.is_empty()) {
        Some(s) => (LineKind::Series, series_points(&s.points, s.unit, lang)),
        None if !metric.series.is_empty() => {
            (LineKind::Reported, series_points(metric.series, unit, lang))
        }
        None => (
            LineKind::Totals,
            total_points(total, chart, story.published, lang),
        ),
    };

    let first_x = points.first().map_or(0.0, |p| p.x);
    let last_x = points.last().map_or(1.0, |p| p.x);
    let max = points.iter().map(|p| p.value).fold(0.0, f64::max);
    // Headroom so the top point's label fits inside the plot; a flat zero line gets 0..1.
    let top = if max > 0.0 { max * 1.08 } else { 1.0 };
    let y = Linear::new().with_domain(0.0, top).nice(5);
    let y_ticks = y
        .ticks(5)
        .into_iter()
        .filter_map(|v| {
            Some(Tick {
                value: v,
                label: format_tick(v, lang).ok()?,
            })
        })
        .collect();
    let x_ticks = x_ticks(kind, &points, chart, story.published, lang);
    let description = describe(kind, title, &points, lang);
    let note = match kind {
        LineKind::Totals => UiText::PaymentsNoteTotals,
        LineKind::Series => UiText::PaymentsNoteSeries,
        LineKind::Reported => UiText::PaymentsNoteReported,
    }
    .get(lang);
    let mut table = table(title, &points, lang);
    table.file_name = file_name(story, WidgetKind::Payments, Some(metric.id), lang, "csv");
    // The chart's note says whose line it is (the source's or the editors'): the file keeps it.
    table.citation = citation(story, Some(chart.source), lang);
    table
        .citation
        .push((UiText::CiteNote.get(lang).into(), note.into()));
    let note = note.into();
    ChartView {
        lang,
        metric,
        kind,
        title: title.into(),
        unit: unit_label,
        x_domain: if first_x < last_x {
            (first_x, last_x)
        } else {
            (first_x - 0.5, first_x + 0.5)
        },
        y_domain: y.domain(),
        y_ticks,
        x_ticks,
        connector: (kind == LineKind::Totals && points.len() > 1)
            .then(|| UiText::PaymentsConnector.get(lang).into()),
        note,
        source: chart.source.heading.get(lang),
        description,
        table,
        points: points.into(),
    }
}

/// Every metric's reported total as the source gives it (label, figure): the chart's headline
/// figures, shown beside the chart whichever metric is drawn, so none needs a script to be seen.
pub fn reported(chart: &Chart, lang: Lang) -> Vec<(&'static str, String)> {
    chart
        .metrics
        .iter()
        .map(|m| (label(m.total, lang), story::format_fact(m.total, lang)))
        .collect()
}

/// The derived figures the chart explains, with their formulas.
pub fn derived(story: &Story, chart: &Chart, lang: Lang) -> Vec<Derived> {
    chart
        .derived
        .iter()
        .filter_map(|f| {
            let d = f.derived?;
            let mut formula = String::from(lang.pick(d.formula_zh, d.formula_en));
            let inputs: Vec<String> = d
                .inputs
                .iter()
                .filter_map(|id| story.fact(id))
                .map(|f| story::format_fact(f, lang))
                .collect();
            if !inputs.is_empty() {
                formula.push_str(" = ");
                formula.push_str(&inputs.join(" ÷ "));
            }
            Some(Derived {
                id: f.id,
                label: label(f, lang),
                value: story::format_fact(f, lang),
                formula,
            })
        })
        .collect()
}

fn label(f: &Fact, lang: Lang) -> &'static str {
    lang.pick(f.label_zh, f.label_en)
}

/// The year a "since" total started counting.
fn start_year(total: &Fact) -> Option<u16> {
    match total.date {
        Some(When::Since(y)) => Some(y),
        _ => None,
    }
}

/// Position of a month (its first day) in fractional years: July 2020 is 2020.5.
fn month_x(year: u16, month: u8) -> f64 {
    f64::from(year) + f64::from(month.saturating_sub(1)) / 12.0
}

fn date_x(d: SeriesDate) -> f64 {
    // Days as a share of an average month: close enough for a pixel position.
    month_x(d.year, d.month) + f64::from(d.day.unwrap_or(1).saturating_sub(1)) / 30.44 / 12.0
}

fn value_text(value: f64, unit: &Unit, q: Qualifier, lang: Lang) -> String {
    format_qualified(value, unit, q, lang).unwrap_or_else(|_| String::from("–"))
}

fn announce(date: &str, value: &str, lang: Lang) -> String {
    fill(UiText::PaymentsPoint.get(lang), &[date, value])
}

/// The start label in two parts: "2019年推广", "（月份未公布）"; "2019 launch", "(month not
/// reported)". The word after the year is the chart's (`start` in chart.json).
fn launch_label(year: u16, chart: &Chart, lang: Lang) -> (String, &'static str) {
    let mut first = format_when(When::Year(year), lang);
    first.push_str(chart.start.map_or("", |t| t.get(lang)));
    (first, UiText::PaymentsMonthNotReported.get(lang))
}

fn report_label(published: When, lang: Lang) -> String {
    let mut s = format_when(published, lang);
    s.push_str(UiText::PaymentsReport.get(lang));
    s
}

/// The points the source supports: zero at the start of a "since" total, and the total when
/// the source was published.
///
/// The zero at launch is itself a claim, and we make it knowingly: the figures are
/// cumulative counts "since the 2019 launch" (2019年推广以来), so by definition they stood at
/// zero when counting began. Only the launch *year* is reported, so the point sits at the
/// start of 2019 and its label says the month is not reported. Nothing between the two points
/// is known; the view draws no curve there, only a dashed connector that says so.
fn total_points(f: &Fact, chart: &Chart, published: When, lang: Lang) -> Vec<ViewPoint> {
    let report = report_label(published, lang);
    let reached = story::format_fact(f, lang);
    let (ry, rm) = match published {
        When::Month { year, month } | When::AsOf { year, month } => (year, month),
        When::Day(d) | When::Eve(d) | When::DayTime { date: d, .. } => (d.year, d.month),
        other => (other.year(), 1),
    };
    let mut points = Vec::with_capacity(2);
    if let Some(year) = start_year(f) {
        let (launch, month_note) = launch_label(year, chart, lang);
        let mut launch_full = launch;
        launch_full.push_str(lang.pick("", " "));
        launch_full.push_str(month_note);
        let zero = value_text(0.0, f.unit, Qualifier::Exact, lang);
        points.push(ViewPoint {
            x: f64::from(year),
            value: 0.0,
            announce: announce(&launch_full, &zero, lang),
            date: launch_full,
            value_label: zero,
        });
    }
    points.push(ViewPoint {
        x: month_x(ry, rm),
        value: f.value,
        announce: announce(&report, &reached, lang),
        date: report,
        value_label: reached,
    });
    points
}

fn series_points(points: &[SeriesPoint], unit: &Unit, lang: Lang) -> Vec<ViewPoint> {
    points
        .iter()
        .map(|p| {
            let when = match p.date.day {
                Some(day) => When::Day(story::facts::Date::new(p.date.year, p.date.month, day)),
                None => When::Month {
                    year: p.date.year,
                    month: p.date.month,
                },
            };
            let date = format_when(when, lang);
            let value_label = format_value(p.value, unit, lang).unwrap_or_else(|_| "–".into());
            ViewPoint {
                x: date_x(p.date),
                value: p.value,
                announce: announce(&date, &value_label, lang),
                date,
                value_label,
            }
        })
        .collect()
}

fn x_ticks(
    kind: LineKind,
    points: &[ViewPoint],
    chart: &Chart,
    published: When,
    lang: Lang,
) -> Vec<XTick> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    match kind {
        LineKind::Totals => {
            let mut ticks = Vec::with_capacity(2);
            if points.len() > 1 {
                let (launch, note) = launch_label(first.x as u16, chart, lang);
                ticks.push(XTick {
                    value: first.x,
                    lines: vec![launch, note.trim_start().into()],
                    align: Align::Start,
                });
            }
            ticks.push(XTick {
                value: last.x,
                lines: vec![format_when(published, lang), report_word(lang)],
                align: if points.len() > 1 {
                    Align::End
                } else {
                    Align::Middle
                },
            });
            ticks
        }
        LineKind::Series | LineKind::Reported => {
            let mut ticks = vec![XTick {
                value: first.x,
                lines: vec![first.date.clone()],
                align: Align::Start,
            }];
            let span = last.x - first.x;
            if span > 0.0 {
                let mut y = first.x.ceil();
                while y < last.x - 0.25 * span && ticks.len() < 12 {
                    if y > first.x + 0.25 * span {
                        ticks.push(XTick {
                            value: y,
                            lines: vec![format_when(When::Year(y as u16), lang)],
                            align: Align::Middle,
                        });
                    }
                    y += 1.0;
                }
                ticks.push(XTick {
                    value: last.x,
                    lines: vec![last.date.clone()],
                    align: Align::End,
                });
            }
            ticks
        }
    }
}

fn report_word(lang: Lang) -> String {
    UiText::PaymentsReport.get(lang).trim_start().into()
}

fn describe(kind: LineKind, title: &str, points: &[ViewPoint], lang: Lang) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return title.into();
    };
    match kind {
        LineKind::Totals => fill(
            UiText::PaymentsDescribeTotals.get(lang),
            &[title, &first.date, &last.date, &last.value_label],
        ),
        LineKind::Series | LineKind::Reported => {
            let highest = points
                .iter()
                .fold(first, |a, p| if p.value > a.value { p } else { a });
            fill(
                UiText::PaymentsDescribeSeries.get(lang),
                &[
                    title,
                    &points.len().to_string(),
                    &first.date,
                    &first.value_label,
                    &last.date,
                    &last.value_label,
                    &highest.value_label,
                ],
            )
        }
    }
}

fn table(title: &str, points: &[ViewPoint], lang: Lang) -> TableView {
    TableView {
        caption: title.into(),
        headers: vec![
            UiText::PaymentsDate.get(lang).into(),
            title.into(),
            UiText::PaymentsAsReported.get(lang).into(),
        ],
        rows: points
            .iter()
            .map(|p| {
                vec![
                    Cell::text(p.date.clone()),
                    Cell::new(p.value_label.clone(), raw_number(p.value)),
                    Cell::text(p.value_label.clone()),
                ]
            })
            .collect(),
        ..TableView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::config::parse_series;

    fn story() -> &'static Story {
        story::default_story()
    }

    fn chart() -> Chart {
        story().chart.unwrap()
    }

    fn m(id: &str) -> &'static Metric {
        chart().metric(id).unwrap()
    }

    fn view(metric: &'static Metric, series: Option<&Series>, lang: Lang) -> ChartView {
        build_view(story(), &chart(), metric, series, lang)
    }

    fn zh(metric: &'static Metric) -> ChartView {
        view(metric, None, Lang::Zh)
    }

    #[test]
    fn every_metrics_reported_total_is_listed_in_source_wording() {
        let story = story::default_story();
        let chart = story.chart.unwrap();
        let values: Vec<String> = reported(&chart, Lang::Zh)
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(values.len(), chart.metrics.len());
        assert!(values.contains(&String::from("近5亿笔")), "{values:?}");
        assert!(values.contains(&String::from("超900亿元")), "{values:?}");
    }

    #[test]
    fn the_report_date_is_the_articles_date() {
        let a = story::article::article(story(), Lang::Zh).unwrap().unwrap();
        let first_when = a.standfirst.iter().find_map(|s| match s {
            story::article::Span::When(w) => Some(*w),
            _ => None,
        });
        assert_eq!(first_when, Some(story().published));
        assert!(a.credit.contains("2020年7月"));
    }

    #[test]
    fn the_launch_year_comes_from_the_facts() {
        for m in chart().metrics {
            assert_eq!(start_year(m.total), Some(2019));
        }
    }

    #[test]
    fn totals_view_has_exactly_the_two_reported_points() {
        let v = zh(m("transactions"));
        assert_eq!(v.kind, LineKind::Totals);
        assert_eq!(v.points.len(), 2);
        assert_eq!((v.points[0].x, v.points[0].value), (2019.0, 0.0));
        assert_eq!((v.points[1].x, v.points[1].value), (2020.5, 5e8));
        assert_eq!(v.points[1].value_label, "近5亿笔");
        assert_eq!(v.points[0].date, "2019年推广（月份未公布）");
        assert_eq!(v.points[1].date, "2020年7月报道");
    }

    #[test]
    fn totals_view_labels_the_dashed_connector_and_the_note() {
        let v = zh(m("value"));
        assert_eq!(
            v.connector.as_deref(),
            Some(UiText::PaymentsConnector.get(Lang::Zh))
        );
        assert!(v.note.contains("仅有累计总数，中间数值未公布"));
        let en = view(m("value"), None, Lang::En);
        assert!(en.note.contains("intermediate values not reported"));
        assert_eq!(en.points[0].date, "2019 launch (month not reported)");
        assert_eq!(en.points[1].date, "July 2020 report");
        assert_eq!(en.points[1].value_label, "over 90 billion yuan");
    }

    #[test]
    fn y_axis_starts_at_zero_with_headroom_and_round_ticks() {
        let v = zh(m("transactions"));
        assert_eq!(v.y_domain, (0.0, 6e8));
        let labels: Vec<&str> = v.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "1亿", "2亿", "3亿", "4亿", "5亿", "6亿"]);
        let en = view(m("merchants"), None, Lang::En);
        let labels: Vec<&str> = en.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "500K", "1M", "1.5M", "2M", "2.5M"]);
    }

    #[test]
    fn every_metric_has_its_own_title_unit_and_total() {
        let v: Vec<ChartView> = chart().metrics.iter().map(zh).collect();
        assert_eq!(v[0].unit, "单位：笔");
        assert_eq!(v[1].unit, "单位：元");
        assert_eq!(v[2].unit, "单位：户");
        assert_eq!(v[3].points[1].value_label, "近3亿元");
        assert_eq!(v[2].title, "使用收款码的小微商户");
        assert_eq!(view(m("fees"), None, Lang::En).unit, "Unit: yuan");
    }

    #[test]
    fn x_ticks_are_the_launch_and_the_report_in_two_lines() {
        let v = zh(m("transactions"));
        assert_eq!(v.x_ticks.len(), 2);
        assert_eq!(v.x_ticks[0].lines, ["2019年推广", "（月份未公布）"]);
        assert_eq!(v.x_ticks[0].align, Align::Start);
        assert_eq!(v.x_ticks[1].lines, ["2020年7月", "报道"]);
        let en = view(m("transactions"), None, Lang::En);
        assert_eq!(en.x_ticks[0].lines, ["2019 launch", "(month not reported)"]);
        assert_eq!(en.x_ticks[1].lines, ["July 2020", "report"]);
    }

    #[test]
    fn the_description_says_what_is_known_in_both_languages() {
        let v = zh(m("transactions"));
        assert_eq!(
            v.description,
            "折线图：e支付收款码累计交易笔数。从2019年推广（月份未公布）时的0，累计到2020年7月报道的近5亿笔。原文只公布了累计总数，两点之间的虚线只是把它们连起来，不代表实际走势。"
        );
        let en = view(m("transactions"), None, Lang::En);
        assert!(en.description.starts_with(
            "Line chart: e-payment code transactions in total. From 0 at the 2019 launch (month not reported) to nearly 500 million transactions at the July 2020 report."
        ), "{}", en.description);
    }

    #[test]
    fn announcements_join_date_and_value() {
        let v = zh(m("fees"));
        assert_eq!(v.points[1].announce, "2020年7月报道：近3亿元");
        assert_eq!(v.points[0].announce, "2019年推广（月份未公布）：0元");
        let en = view(m("transactions"), None, Lang::En);
        assert_eq!(
            en.points[0].announce,
            "2019 launch (month not reported): 0 transactions"
        );
    }

    #[test]
    fn the_table_has_raw_numbers_for_csv_and_the_reported_wording() {
        let v = zh(m("value"));
        assert_eq!(
            v.table.file_name,
            format!("{}-payments-{}-zh.csv", story().id, v.metric.id)
        );
        assert_eq!(v.table.headers, ["时间", "累计交易金额", "原文表述"]);
        assert_eq!(v.table.rows[1][1].raw, "90000000000");
        assert_eq!(v.table.rows[1][2].display, "超900亿元");
        assert!(v
            .table
            .to_csv()
            .contains("2020年7月报道,90000000000,超900亿元"));
    }

    #[test]
    fn an_editor_series_is_drawn_as_a_line_with_its_own_dates() {
        let s = parse_series(
            r#"[{"date":"2019-06","value":0},{"date":"2019-12","value":1.5e8},{"date":"2020-06","value":4.8e8}]"#,
            m("transactions").unit(),
        )
        .unwrap();
        let v = view(m("transactions"), Some(&s), Lang::Zh);
        assert_eq!(v.kind, LineKind::Series);
        assert_eq!(v.connector, None);
        assert_eq!(v.points.len(), 3);
        assert_eq!(v.points[1].date, "2019年12月");
        assert_eq!(v.points[1].value_label, "1.5亿笔");
        assert_eq!(v.x_domain, (2019.0 + 5.0 / 12.0, 2020.0 + 5.0 / 12.0));
        assert!(v.note.contains("编辑"));
        assert!(v.description.contains("共3个数据点"), "{}", v.description);
        assert!(v.description.contains("最高为4.8亿笔"), "{}", v.description);
        let years: Vec<f64> = v.x_ticks.iter().map(|t| t.value).collect();
        assert_eq!(years.len(), 3);
        assert_eq!(years[1], 2020.0);
    }

    #[test]
    fn a_one_point_series_gets_a_domain_around_its_date() {
        let s = parse_series(
            r#"[{"date":"2020-06-15","value":7}]"#,
            m("merchants").unit(),
        )
        .unwrap();
        let v = view(m("merchants"), Some(&s), Lang::En);
        assert_eq!(v.points.len(), 1);
        assert!(v.x_domain.0 < v.points[0].x && v.points[0].x < v.x_domain.1);
        assert_eq!(v.points[0].date, "15 June 2020");
        assert_eq!(v.x_ticks.len(), 1);
    }

    #[test]
    fn an_all_zero_series_still_has_a_y_axis() {
        let s = parse_series(
            r#"[{"date":"2020-01","value":0},{"date":"2020-02","value":0}]"#,
            m("fees").unit(),
        )
        .unwrap();
        let v = view(m("fees"), Some(&s), Lang::Zh);
        assert_eq!(v.y_domain, (0.0, 1.0));
        assert!(!v.y_ticks.is_empty());
    }

    #[test]
    fn derived_figures_show_value_and_formula() {
        let d = derived(story(), &chart(), Lang::Zh);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].value, "约180元");
        assert_eq!(
            d[0].formula,
            "累计交易金额 ÷ 累计交易笔数 = 超900亿元 ÷ 近5亿笔"
        );
        assert_eq!(d[1].value, "约150元");
        let en = derived(story(), &chart(), Lang::En);
        assert_eq!(
            en[1].formula,
            "fees saved ÷ number of merchants = nearly 300 million yuan ÷ 2 million merchants"
        );
    }

    #[test]
    fn metric_labels_are_short_and_distinct() {
        let zh: Vec<&str> = chart().metrics.iter().map(|m| m.label.zh).collect();
        assert_eq!(zh, ["交易笔数", "交易金额", "商户数", "节省费用"]);
        assert_eq!(m("fees").label.get(Lang::En), "Fees saved");
    }
}
