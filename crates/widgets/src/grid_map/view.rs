//! The grid map as one element tree ([`crate::dom`]), for both layers: the static layer writes
//! it with a drawing for a narrow and a wide box, the live layer builds it for its measured
//! width and then changes only what the clock, the controls and the tooltip drive (`live.rs`).
//!
//! The markup is the Yew component's it replaced: the static layer written from this tree was
//! byte for byte what Yew's server renderer wrote (zh, en, each milestone), but for quotes in
//! text, which `push_escaped` writes as entities; since then the scrubber's `value` comes after
//! its range (see `controls`).
//!
//! Numbers are written by `viz::map::path` without float formatting; the geography's path
//! strings are built once per width (the static `<g>` under one `scale()`), the overlay (links,
//! places, labels) each time the clock moves.

use super::state::MapState;
use super::Model;
use crate::components::data_table::data_table;
use crate::components::source_note::source_note;
use crate::dom::{classes, el, flag, text, v, Node, Text};
use story::format::digits::push_uint;
use story::ui::UiText;
use story::{Lang, Story};
use viz::map::tooltip::{placement, Target};
use viz::map::view::GridStory;
use viz::map::{self, path::push1, Layout, LinkAt, MapPaths};

/// Ids are scoped to the widget's shadow root, so fixed names do not clash between widgets.
pub const DESCRIPTION_ID: &str = "gm-desc";
pub const TIP_ID: &str = "gm-tip";

pub fn int(v: usize) -> Text {
    let mut s = String::new();
    push_uint(&mut s, v as u64);
    s.into()
}

fn num(v: f64) -> Text {
    let mut s = String::new();
    push1(&mut s, v);
    s.into()
}

fn tag(prefix: char, i: usize) -> Text {
    let mut s = String::from(prefix);
    push_uint(&mut s, i as u64);
    s.into()
}

fn view_box(l: &Layout) -> Text {
    let mut s = String::from("0 0 ");
    push1(&mut s, l.width);
    s.push(' ');
    push1(&mut s, l.height);
    s.into()
}

/// `scale(0.29297)`: px per grid unit, five decimals.
fn scale(l: &Layout) -> Text {
    let mut s = String::from("scale(");
    s.push_str(&map::path::fixed(l.scale, 5));
    s.push(')');
    s.into()
}

/// Everything the map's tree is drawn from.
pub struct MapParts<'a> {
    pub story: &'static Story,
    pub model: &'a Model,
    pub state: &'a MapState,
    /// The drawings: one per layout, each with its variant class (the static layer's narrow and
    /// wide; the live layer's one has none).
    pub layouts: &'a [(Option<&'static str>, Layout)],
    pub tip: Option<Target>,
    pub lang: Lang,
    /// The static layer: controls in place but inert, nothing takes focus.
    pub inert: bool,
}

/// The map's tree: the figure (title, drawings, tooltip, description, controls, caption), the
/// data table and the source note.
pub fn grid_map(p: &MapParts) -> Vec<Node> {
    let story = &p.model.story;
    let mut stage: Vec<Node> = p
        .layouts
        .iter()
        .map(|(variant, l)| svg(p, l, *variant))
        .collect();
    let layout = p.layouts.first().map(|(_, l)| l);
    stage.push(tip(p.tip, layout, story));
    let title = story::ui::widget_title(p.story, story::WidgetKind::GridMap, p.lang);
    let figure = el(
        "figure",
        [("class", v("gm"))],
        vec![
            el("h2", [("class", v("gm-title"))], vec![text(title)]),
            el("div", [("class", v("gm-stage"))], stage),
            el(
                "p",
                [("id", v(DESCRIPTION_ID)), ("class", v("visually-hidden"))],
                vec![text(story.description.clone())],
            ),
            controls(p),
            caption(p.state, story),
        ],
    );
    vec![
        figure,
        data_table(&story.table, p.lang, p.inert),
        source_note(p.lang, p.story, story.source, story.attribution.into()),
    ]
}

/// One drawing: the geography under one `scale()`, then the overlay.
pub fn svg(p: &MapParts, l: &Layout, variant: Option<&'static str>) -> Node {
    let story = &p.model.story;
    let mut children = vec![geography(&p.model.map.paths, l, story, !p.inert)];
    children.extend(overlay(l, story, p.state, !p.inert));
    el(
        "svg",
        [
            ("viewBox", Some(view_box(l))),
            ("role", v("group")),
            ("aria-label", v(story.drawing)),
            ("aria-describedby", v(DESCRIPTION_ID)),
            ("class", svg_classes(p.state, variant)),
        ],
        children,
    )
}

/// The drawing's classes: `zone-on` once the zone's approval is shown whole.
pub fn svg_classes(state: &MapState, variant: Option<&'static str>) -> Option<Text> {
    let zone = if state.zone_shown() >= 1.0 {
        "zone-on"
    } else {
        ""
    };
    classes(&["gm-map", zone, variant.unwrap_or("")])
}

/// The static layers (provinces, districts, lakes, borders, zone outline) in grid units under
/// one `scale()`; districts are named, and focus stops when `focusable`.
fn geography(p: &MapPaths, l: &Layout, story: &GridStory, focusable: bool) -> Node {
    let layer = |items: &[map::FeaturePath], class: &'static str| -> Vec<Node> {
        items
            .iter()
            .map(|f| area(class, f.class, &f.d, None, false))
            .collect()
    };
    let mut children = layer(&p.provinces, "gm-prov");
    children.extend(p.districts.iter().map(|f| {
        let a11y = story
            .districts
            .iter()
            .position(|d| d.code == f.code)
            .and_then(|i| Some((i, story.districts.get(i)?.label.clone())));
        area("gm-dist", f.class, &f.d, a11y, focusable)
    }));
    children.extend(layer(&p.lakes, "gm-lake"));
    children.extend(layer(&p.borders, "gm-border"));
    children.push(area("gm-zone", "", &p.zone, None, false));
    el("g", [("transform", Some(scale(l)))], children)
}

/// One area or line of the geography; `a11y` makes it a named district, `focusable` a focus
/// stop too.
fn area(
    class: &'static str,
    slug: &'static str,
    d: &str,
    a11y: Option<(usize, String)>,
    focusable: bool,
) -> Node {
    let (tabindex, role, label, tip) = match a11y {
        Some((i, label)) => (
            v("0").filter(|_| focusable),
            v("img"),
            v(label),
            Some(tag('d', i)),
        ),
        None => (None, None, None, None),
    };
    el(
        "path",
        [
            ("d", v(d.to_owned())),
            ("vector-effect", v("non-scaling-stroke")),
            ("tabindex", tabindex),
            ("role", role),
            ("aria-label", label),
            ("data-tip", tip),
            ("class", classes(&[class, slug])),
        ],
        vec![],
    )
}

/// Everything that changes with the clock: links, places, labels of shown links. Links take
/// keyboard focus when `focusable`.
pub fn overlay(l: &Layout, story: &GridStory, state: &MapState, focusable: bool) -> Vec<Node> {
    let mut nodes = Vec::with_capacity(l.links.len() + l.places.len() + l.labels.len());
    for (i, link) in l.links.iter().enumerate() {
        let shown = state.link_shown(i);
        if let Some(info) = story.links.get(i).filter(|_| shown > 0.0) {
            nodes.push(draw_link(
                i,
                link,
                shown,
                &info.label,
                state.reversed,
                focusable,
            ));
        }
    }
    nodes.extend(
        l.places
            .iter()
            .map(|p| circle("gm-dot", p.x, p.y, if p.seat { "4" } else { "3" })),
    );
    let labels = l.labels.iter().filter(|x| match (x.link, x.kind) {
        (None, _) => true,
        // A capacity shows once its link is closed, a note while the link is drawn.
        (Some(i), map::LabelKind::Capacity) => state.link_shown(i) >= 1.0,
        (Some(i), _) => state.link_shown(i) > 0.0,
    });
    nodes.extend(labels.map(|x| {
        el(
            "text",
            [
                ("x", Some(num(x.x))),
                ("y", Some(num(x.y))),
                ("text-anchor", v(x.anchor.as_str())),
                ("font-size", Some(num(x.size))),
                ("aria-hidden", v("true")),
                ("class", v(x.kind.class())),
            ],
            vec![text(x.text.clone())],
        )
    }));
    nodes
}

fn draw_link(
    i: usize,
    link: &map::Link,
    shown: f64,
    label: &str,
    reversed: bool,
    focusable: bool,
) -> Node {
    let d: Text = map::path::polyline_px(&[link.from, link.anchor, link.to]).into();
    let whole = shown >= 1.0;
    let mut dash = map::path::fixed(shown.clamp(0.0, 1.0), 3);
    dash.push_str(" 1");
    let mut children = vec![
        el(
            "path",
            [("d", Some(d.clone())), ("class", v("gm-hit"))],
            vec![],
        ),
        el(
            "path",
            [
                ("d", Some(d.clone())),
                ("pathLength", v("1")),
                ("stroke-dasharray", v(dash)),
                ("class", v("gm-cable")),
            ],
            vec![],
        ),
    ];
    if whole {
        let class = if reversed { "gm-flow rev" } else { "gm-flow" };
        children.push(el("path", [("d", Some(d)), ("class", v(class))], vec![]));
    }
    children.push(circle("gm-end", link.from[0], link.from[1], "3.5"));
    if whole {
        children.push(circle("gm-end", link.to[0], link.to[1], "3.5"));
        if matches!(link.at, LinkAt::NearPlace(_)) {
            children.push(circle("gm-junction", link.anchor[0], link.anchor[1], "6"));
        }
    }
    el(
        "g",
        [
            ("data-link", Some(int(i))),
            ("data-tip", Some(tag('l', i))),
            ("tabindex", v("0").filter(|_| focusable)),
            ("role", v("img")),
            ("aria-label", v(label.to_owned())),
            ("class", v("gm-link")),
        ],
        children,
    )
}

fn circle(class: &'static str, x: f64, y: f64, r: &'static str) -> Node {
    el(
        "circle",
        [
            ("cx", Some(num(x))),
            ("cy", Some(num(y))),
            ("r", v(r)),
            ("class", v(class)),
        ],
        vec![],
    )
}

/// The tooltip of `target` over the drawing laid out as `layout`: always there, `closed`
/// (invisible) when nothing is open. Announced (`role="tooltip"`): a district or a link names
/// it with `aria-describedby`... and the reader's focus shows it.
pub fn tip(target: Option<Target>, layout: Option<&Layout>, story: &GridStory) -> Node {
    let open = target.zip(layout).and_then(|(t, l)| {
        let anchor = t.anchor(l)?;
        Some((placement(anchor, l), t.text(story)?))
    });
    let (class, heading, lines) = match open {
        Some(([side, place], (heading, lines))) => {
            (classes(&["gm-tip", side, place]), heading, lines)
        }
        None => (v("gm-tip closed"), String::new(), Vec::new()),
    };
    let mut children = vec![el("strong", [], vec![text(heading)])];
    children.extend(lines.into_iter().map(|t| el("span", [], vec![text(t)])));
    el(
        "div",
        [("id", v(TIP_ID)), ("role", v("tooltip")), ("class", class)],
        children,
    )
}

/// Play, the scrubber, a button per milestone, the flow's direction.
fn controls(p: &MapParts) -> Node {
    let (state, lang, inert) = (p.state, p.lang, p.inert);
    let story = &p.model.story;
    let view = state.view();
    let total_ms = (state.timeline().total() * 1000.0).round() as usize;
    let now_ms = (state.t * 1000.0).round() as usize;
    let current = story.steps.get(view.step);
    let steps = story
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            el(
                "li",
                [],
                vec![el(
                    "button",
                    [
                        ("type", v("button")),
                        ("data-step", v(s.id)),
                        ("aria-current", v("step").filter(|_| i == view.step)),
                        ("inert", flag("inert", inert)),
                        ("class", v("gm-step")),
                    ],
                    vec![text(s.date.clone())],
                )],
            )
        })
        .collect();
    el(
        "div",
        [("class", v("gm-controls"))],
        vec![
            el(
                "button",
                [
                    ("type", v("button")),
                    ("inert", flag("inert", inert)),
                    ("class", v("gm-play")),
                ],
                vec![text(play_label(state, lang))],
            ),
            el(
                "input",
                // `value` after the range it lies in: built in the browser, a value set before
                // `type` and `max` is clamped to the default range (0-100) and the thumb sits
                // at the start (Yew wrote it first, setting it as a property).
                [
                    ("type", v("range")),
                    ("min", v("0")),
                    ("max", Some(int(total_ms))),
                    ("step", v("10")),
                    ("value", Some(int(now_ms))),
                    ("aria-label", v(UiText::Timeline.get(lang))),
                    ("aria-valuetext", current.map(|s| s.date.clone().into())),
                    ("inert", flag("inert", inert)),
                    ("class", v("gm-scrub")),
                ],
                vec![],
            ),
            el(
                "ol",
                [
                    ("aria-label", v(UiText::Steps.get(lang))),
                    ("class", v("gm-steps")),
                ],
                steps,
            ),
            el(
                "button",
                [
                    ("type", v("button")),
                    (
                        "aria-pressed",
                        v(if state.reversed { "true" } else { "false" }),
                    ),
                    ("inert", flag("inert", inert)),
                    ("class", v("gm-reverse")),
                ],
                vec![text("⇄ "), text(story.reverse)],
            ),
        ],
    )
}

/// The play button's text: what pressing it does.
pub fn play_label(state: &MapState, lang: Lang) -> &'static str {
    if state.playing {
        UiText::Pause.get(lang)
    } else {
        UiText::Play.get(lang)
    }
}

/// The caption of the step shown, announced as it changes.
pub fn caption(state: &MapState, story: &GridStory) -> Node {
    let current = story.steps.get(state.view().step);
    el(
        "figcaption",
        [("aria-live", v("polite")), ("class", v("gm-caption"))],
        vec![text(current.map(|s| s.caption.clone()).unwrap_or_default())],
    )
}
