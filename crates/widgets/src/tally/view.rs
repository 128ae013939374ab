//! The tally as one element tree ([`crate::dom`]), for both layers: the static layer writes it
//! as HTML, the live layer builds it in the browser and then only changes what its state and
//! count-ups drive (a card's `aria-expanded` and `hidden`, a figure's shown numeral).
//!
//! The markup is the Yew component's it replaced, attribute for attribute: the static layer
//! written from this tree was byte for byte what Yew's server renderer wrote (zh, en, a subset
//! with a highlighted card), but for quotes in text, which `push_escaped` writes as entities.

use super::state::TallyState;
use crate::components::data_table::data_table;
use crate::components::source_note::source_note;
use crate::dom::{classes, el, flag, text, v, Node, Text};
use story::{ui::UiText, Lang, Story};
use viz::tally::{split_numeral, CardView, FigureView, TallyView};

/// The tally's tree: `open` says which cards show their details; `inert` (the static layer)
/// leaves every control in place but inert.
pub fn tally(v_: &TallyView, story: &Story, open: TallyState, inert: bool) -> Node {
    let lang = v_.lang;
    let mut head = vec![el("h2", [("class", v("title"))], vec![text(v_.title)])];
    if let Some(lead) = &v_.lead {
        head.push(el(
            "p",
            [("class", v("lead"))],
            vec![
                figure(lead, "big"),
                el("span", [("class", v("label"))], vec![text(lead.label)]),
            ],
        ));
    }
    let cards = v_
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| card(c, open.is_open(i), lang, inert))
        .collect();
    let note = [UiText::FigureDates.get(lang), v_.dates_note.as_str()].concat();
    el(
        "div",
        [("lang", v(lang.pick("zh-CN", "en"))), ("class", v("tally"))],
        vec![
            el("header", [("class", v("head"))], head),
            el("ol", [("class", v("cards"))], cards),
            data_table(&v_.table, lang, inert),
            source_note(lang, story, v_.source, note.into()),
        ],
    )
}

/// A figure at rest: its final text, shown and (for the layout) ghosted, and for screen readers.
pub fn figure(f: &FigureView, class: &'static str) -> Node {
    el(
        "span",
        [("class", classes(&["fig", class]))],
        vec![
            el(
                "span",
                [("aria-hidden", v("true")), ("class", v("stack"))],
                vec![numeral("ghost", &f.text), numeral("shown", &f.text)],
            ),
            el(
                "span",
                [("class", v("visually-hidden final"))],
                vec![text(f.text.clone())],
            ),
        ],
    )
}

/// A figure's text split into qualifier, number and unit, for styling.
pub fn numeral(class: &'static str, t: &str) -> Node {
    let (lead, num, trail) = split_numeral(t);
    let mut parts = Vec::with_capacity(3);
    if !lead.is_empty() {
        parts.push(el("span", [("class", v("q"))], vec![text(lead.to_owned())]));
    }
    parts.push(el("span", [("class", v("n"))], vec![text(num.to_owned())]));
    parts.push(el(
        "span",
        [("class", v("u"))],
        vec![text(trail.to_owned())],
    ));
    el("span", [("class", v(class))], parts)
}

fn card(card: &CardView, open: bool, lang: Lang, inert: bool) -> Node {
    let panel_id: Text = ["tally-", card.id].concat().into();
    let mut button = vec![
        el("span", [("class", v("heart"))], vec![text(card.heart)]),
        el("span", [("class", v("one"))], vec![text(card.title)]),
    ];
    if card.highlight {
        button.push(el(
            "span",
            [("class", v("visually-hidden"))],
            vec![text(UiText::Highlighted.get(lang))],
        ));
    }
    button.push(el(
        "span",
        [("aria-hidden", v("true")), ("class", v("mark"))],
        vec![],
    ));
    let mut front = vec![el(
        "h3",
        [("class", v("card-h"))],
        vec![el(
            "button",
            [
                ("type", v("button")),
                ("aria-expanded", v(if open { "true" } else { "false" })),
                ("aria-controls", Some(panel_id.clone())),
                ("inert", flag("inert", inert)),
                ("class", v("card-btn")),
            ],
            button,
        )],
    )];
    if let Some(h) = &card.headline {
        front.push(el(
            "p",
            [("class", v("lede"))],
            vec![
                figure(h, ""),
                el("span", [("class", v("label"))], vec![text(h.label)]),
            ],
        ));
    } else if let Some(about) = card.about {
        front.push(el(
            "p",
            [("class", v("lede about"))],
            vec![
                el(
                    "span",
                    [("class", v("nofig"))],
                    vec![text(UiText::NoFigure.get(lang))],
                ),
                el("span", [("class", v("label"))], vec![text(about)]),
            ],
        ));
    }
    let mut details = Vec::with_capacity(2);
    if !card.figures.is_empty() {
        let facts = card
            .figures
            .iter()
            .map(|f| {
                let mut item = vec![
                    el("span", [("class", v("v"))], vec![text(f.text.clone())]),
                    el("span", [("class", v("l"))], vec![text(f.label)]),
                ];
                if let Some(d) = &f.date {
                    item.push(el("span", [("class", v("d"))], vec![text(d.clone())]));
                }
                el("li", [], item)
            })
            .collect();
        details.push(el("ul", [("class", v("facts"))], facts));
    }
    details.push(el(
        "p",
        [("class", v("cite"))],
        vec![text(UiText::SourcePrefix.get(lang)), text(card.citation)],
    ));
    el(
        "li",
        [
            ("data-section", v(card.id)),
            (
                "class",
                classes(&["card", if card.highlight { "hl" } else { "" }]),
            ),
        ],
        vec![
            el("div", [("class", v("front"))], front),
            el(
                "div",
                [
                    ("id", Some(panel_id)),
                    ("hidden", flag("hidden", !open)),
                    ("class", v("details")),
                ],
                details,
            ),
        ],
    )
}
