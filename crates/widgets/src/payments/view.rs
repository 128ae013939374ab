//! The payments chart as one element tree ([`crate::dom`]), for both layers: the static layer
//! writes it as HTML with the chart drawn as SVG, the live layer builds it with a canvas there
//! and then changes only what its state, its `src` file and its metric switch drive (`live.rs`).
//!
//! The markup is the Yew component's it replaced, attribute for attribute: the static layer
//! written from this tree was byte for byte what Yew's server renderer wrote (zh, en, each
//! metric), but for quotes in text, which `push_escaped` writes as entities.

use crate::components::data_table::data_table;
use crate::components::source_note::source_note;
use crate::dom::{el, flag, text, v, Node, Text};
use story::model::{Chart, Metric};
use story::{ui::UiText, Lang, Story};
use viz::payments::{derived, reported, ChartView};

/// The id of the chart's description (`aria-describedby` of the plot).
pub const DESCRIPTION_ID: &str = "payments-desc";

/// What the chart shows besides its view: the metric chosen, a `src` file's failure message,
/// the note under the chart (the view's, or "loading" while a file is read), the drawing in the
/// chart box (the static layer's SVG; a canvas in the browser) and the live region's text.
pub struct Shown<'a> {
    pub metric: &'static Metric,
    pub error: Option<&'a str>,
    pub note: Text,
    pub drawing: Vec<Node>,
    pub announced: Text,
    /// The static layer: controls in place but inert, nothing takes focus.
    pub inert: bool,
}

/// The chart's tree.
pub fn payments(view: &ChartView, story: &'static Story, chart: &Chart, shown: Shown) -> Node {
    let lang = view.lang;
    let inert = shown.inert;
    let mut children = vec![title(view), metrics(chart, shown.metric, lang, inert)];
    if let Some(message) = shown.error {
        children.push(error(message));
    }
    children.push(el(
        "div",
        [
            ("tabindex", (!inert).then_some("0".into())),
            ("role", v("group")),
            ("aria-label", v(UiText::PaymentsKeys.get(lang))),
            ("aria-describedby", v(DESCRIPTION_ID)),
            ("class", v("plot")),
        ],
        vec![el("div", [("class", v("chart-box"))], shown.drawing)],
    ));
    children.push(description(view));
    children.push(el(
        "p",
        [("aria-live", v("polite")), ("class", v("visually-hidden"))],
        vec![text(shown.announced)],
    ));
    children.push(derived_figures(story, chart, lang, inert));
    children.push(source_note(lang, story, view.source, shown.note));
    children.push(data_table(&view.table, lang, inert));
    el("div", [("class", v("payments"))], children)
}

/// The chart's title.
pub fn title(view: &ChartView) -> Node {
    el(
        "h2",
        [("class", v("title"))],
        vec![text(view.title.clone())],
    )
}

/// The chart's description for screen readers (what the plot's `aria-describedby` names).
pub fn description(view: &ChartView) -> Node {
    el(
        "p",
        [("id", v(DESCRIPTION_ID)), ("class", v("visually-hidden"))],
        vec![text(view.description.clone())],
    )
}

/// A `src` file's failure, said where the chart is.
pub fn error(message: &str) -> Node {
    el(
        "p",
        [("role", v("alert")), ("class", v("error"))],
        vec![text(message.to_owned())],
    )
}

/// The metric switch: a radio button per metric of the chart, `metric` checked.
fn metrics(chart: &Chart, metric: &'static Metric, lang: Lang, inert: bool) -> Node {
    let mut children = vec![el(
        "legend",
        [("class", v("visually-hidden"))],
        vec![text(UiText::PaymentsChoose.get(lang))],
    )];
    children.extend(chart.metrics.iter().map(|m: &'static Metric| {
        el(
            "label",
            [("class", v("metric"))],
            vec![
                el(
                    "input",
                    // Yew's order (value and checked are properties there).
                    [
                        ("value", v(m.id)),
                        ("checked", flag("checked", std::ptr::eq(m, metric))),
                        ("type", v("radio")),
                        ("name", v("metric")),
                        ("inert", flag("inert", inert)),
                    ],
                    vec![],
                ),
                el("span", [], vec![text(m.label.get(lang))]),
            ],
        )
    }));
    el("fieldset", [("class", v("metrics"))], children)
}

/// Figures computed from the reported totals, each with its formula on hover and focus; in
/// the static layer (`inert`) the figures show and their formula buttons are disabled.
fn derived_figures(story: &Story, chart: &Chart, lang: Lang, inert: bool) -> Node {
    let reported = reported(chart, lang).into_iter().map(|(label, value)| {
        el(
            "div",
            [("class", v("figure"))],
            vec![
                el("dt", [], vec![text(label)]),
                el("dd", [("class", v("total"))], vec![text(value)]),
            ],
        )
    });
    let computed = derived(story, chart, lang).into_iter().map(|d| {
        let id: Text = d.id.replace('.', "-").into();
        let formula = [UiText::PaymentsFormula.get(lang), d.formula.as_str()].concat();
        el(
            "div",
            [("class", v("figure"))],
            vec![
                el("dt", [], vec![text(d.label)]),
                el(
                    "dd",
                    [],
                    vec![
                        el(
                            "button",
                            [
                                ("type", v("button")),
                                ("aria-describedby", Some(id.clone())),
                                ("inert", flag("inert", inert)),
                                ("class", v("value")),
                            ],
                            vec![text(d.value)],
                        ),
                        el(
                            "span",
                            [
                                ("role", v("tooltip")),
                                ("id", Some(id)),
                                ("class", v("formula")),
                            ],
                            vec![text(formula)],
                        ),
                    ],
                ),
            ],
        )
    });
    el(
        "div",
        [("class", v("derived"))],
        vec![
            el(
                "h3",
                [("class", v("derived-title"))],
                vec![text(UiText::PaymentsReported.get(lang))],
            ),
            el("dl", [("class", v("reported"))], reported.collect()),
            el(
                "h3",
                [("class", v("derived-title"))],
                vec![text(UiText::PaymentsComputed.get(lang))],
            ),
            el("dl", [], computed.collect()),
        ],
    )
}

/// The tooltip over the point the reader is on: its announcement, placed at the start, the
/// end or the middle of the line (so it stays inside the box). Hidden from assistive
/// technology: the live region speaks for it.
pub fn tip(announce: &str, edge: &'static str) -> Node {
    el(
        "div",
        [
            ("aria-hidden", v("true")),
            ("class", crate::dom::classes(&["tip", edge])),
        ],
        vec![el("span", [], vec![text(announce.to_owned())])],
    )
}
