//! The map's drawing: the static geography (provinces, districts, lakes, borders, the zone's
//! outline) as one component that renders again only when the width bucket changes, and the
//! overlay that changes with the clock (links, places, labels). Repeated SVG elements go through
//! a few small helpers rather than one `html!` per call site (each expanded `html!` costs WASM),
//! built with [`crate::el`] so their computed classes are plain strings, not Yew `Classes`;
//! path strings are `Rc<str>` shared with the attributes; numbers are written by
//! `viz::map::path` without float formatting.

use super::state::MapState;
use super::Model;
use crate::el::{classes, el, text};
use std::rc::Rc;
use story::format::digits::push_uint;
use viz::map::view::GridStory;
use viz::map::{self, path::push1, Layout, LinkAt, MapPaths};
use yew::prelude::*;
use yew::virtual_dom::VList;

pub(super) fn int(v: usize) -> AttrValue {
    let mut s = String::new();
    push_uint(&mut s, v as u64);
    s.into()
}

pub(super) fn num(v: f64) -> AttrValue {
    let mut s = String::new();
    push1(&mut s, v);
    s.into()
}

pub(super) fn tag(prefix: char, i: usize) -> AttrValue {
    let mut s = String::from(prefix);
    push_uint(&mut s, i as u64);
    s.into()
}

pub(super) fn view_box(l: &Layout) -> AttrValue {
    let mut s = String::from("0 0 ");
    push1(&mut s, l.width);
    s.push(' ');
    push1(&mut s, l.height);
    s.into()
}

pub(super) trait ScaleAttr {
    fn scale_attr(&self) -> AttrValue;
}

impl ScaleAttr for Layout {
    /// `scale(0.29297)`: px per grid unit, five decimals.
    fn scale_attr(&self) -> AttrValue {
        let mut s = String::from("scale(");
        s.push_str(&map::path::fixed(self.scale, 5));
        s.push(')');
        s.into()
    }
}

#[derive(Properties)]
pub(super) struct GeographyProps {
    pub paths: Rc<MapPaths>,
    pub scale: AttrValue,
    pub story: Rc<Option<Model>>,
    /// Districts take keyboard focus (not in the static layer).
    pub focusable: bool,
}

impl PartialEq for GeographyProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.paths, &o.paths)
            && self.scale == o.scale
            && Rc::ptr_eq(&self.story, &o.story)
            && self.focusable == o.focusable
    }
}

/// The static layers (provinces, districts, lakes, borders, zone outline) in grid units under
/// one `scale()`: renders again only when the width bucket changes, not on every clock tick.
#[function_component]
pub(super) fn Geography(props: &GeographyProps) -> Html {
    let p = &props.paths;
    let districts = props.story.as_ref().as_ref().map(|m| &m.story.districts);
    let layer = |items: &[map::FeaturePath], class: &'static str| -> Html {
        items
            .iter()
            .map(|f| area(class, f.class, f.d.clone(), None, false))
            .collect()
    };
    let focusable = p
        .districts
        .iter()
        .map(|f| {
            let info =
                districts.and_then(|ds| ds.iter().position(|d| d.code == f.code).map(|i| (i, ds)));
            let a11y = info.and_then(|(i, ds)| Some((i, ds.get(i)?.label.clone())));
            area("gm-dist", f.class, f.d.clone(), a11y, props.focusable)
        })
        .collect::<Html>();
    el!("g", ["transform" => props.scale.clone()], [
        layer(&p.provinces, "gm-prov"),
        focusable,
        layer(&p.lakes, "gm-lake"),
        layer(&p.borders, "gm-border"),
        area("gm-zone", "", p.zone.clone(), None, false),
    ])
}

/// One area or line of the geography; `a11y` makes it a named district, `focusable` a focus
/// stop too.
pub(super) fn area(
    class: &'static str,
    slug: &'static str,
    d: Rc<str>,
    a11y: Option<(usize, String)>,
    focusable: bool,
) -> Html {
    let (tabindex, role, label, tip) = match a11y {
        Some((i, label)) => (
            focusable.then_some("0"),
            Some("img"),
            Some(AttrValue::from(label)),
            Some(tag('d', i)),
        ),
        None => (None, None, None, None),
    };
    el!("path", [
        "d" => AttrValue::Rc(d),
        "vector-effect" => "non-scaling-stroke",
        "tabindex" => tabindex,
        "role" => role,
        "aria-label" => label,
        "data-tip" => tip,
        "class" => classes(&[class, slug]),
    ])
}

/// Everything that changes with the clock: links, labels of shown links, dots. Links take
/// keyboard focus when `focusable`.
pub(super) fn draw_overlay(
    l: &Layout,
    story: &GridStory,
    state: &MapState,
    focusable: bool,
) -> Html {
    let links = l
        .links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let shown = state.link_shown(i);
            match story.links.get(i) {
                Some(info) if shown > 0.0 => draw_link(
                    i,
                    link,
                    shown,
                    info.label.clone(),
                    state.reversed,
                    focusable,
                ),
                _ => Html::default(),
            }
        })
        .collect::<Html>();
    let places = l
        .places
        .iter()
        .map(|p| circle("gm-dot", p.x, p.y, if p.seat { "4" } else { "3" }))
        .collect::<Html>();
    let labels = l
        .labels
        .iter()
        .filter(|x| match (x.link, x.kind) {
            (None, _) => true,
            // A capacity shows once its link is closed, a note while the link is drawn.
            (Some(i), map::LabelKind::Capacity) => state.link_shown(i) >= 1.0,
            (Some(i), _) => state.link_shown(i) > 0.0,
        })
        .map(|x| {
            el!("text", [
                "x" => num(x.x),
                "y" => num(x.y),
                "text-anchor" => x.anchor.as_str(),
                "font-size" => num(x.size),
                "aria-hidden" => "true",
                "class" => x.kind.class(),
            ], [text(x.text.clone())])
        })
        .collect::<Html>();
    VList::with_children(vec![links, places, labels], None).into()
}

pub(super) fn draw_link(
    i: usize,
    link: &map::Link,
    shown: f64,
    label: String,
    reversed: bool,
    focusable: bool,
) -> Html {
    let d = AttrValue::from(map::path::polyline_px(&[link.from, link.anchor, link.to]));
    let whole = shown >= 1.0;
    let mut dash = map::path::fixed(shown.clamp(0.0, 1.0), 3);
    dash.push_str(" 1");
    // Absent parts are empty placeholders, so the parts after them keep their places between
    // renders, as `html!`'s `if` does.
    let flow = if whole {
        let class = if reversed { "gm-flow rev" } else { "gm-flow" };
        el!("path", ["d" => d.clone(), "class" => class])
    } else {
        Html::default()
    };
    let ends = if whole {
        let junction = if matches!(link.at, LinkAt::NearPlace(_)) {
            circle("gm-junction", link.anchor[0], link.anchor[1], "6")
        } else {
            Html::default()
        };
        let to = circle("gm-end", link.to[0], link.to[1], "3.5");
        VList::with_children(vec![to, junction], None).into()
    } else {
        Html::default()
    };
    el!("g", [
        "data-link" => int(i),
        "data-tip" => tag('l', i),
        "tabindex" => focusable.then_some("0"),
        "role" => "img",
        "aria-label" => label,
        "class" => "gm-link",
    ], [
        el!("path", ["d" => d.clone(), "class" => "gm-hit"]),
        el!("path", [
            "d" => d,
            "pathLength" => "1",
            "stroke-dasharray" => dash,
            "class" => "gm-cable",
        ]),
        flow,
        circle("gm-end", link.from[0], link.from[1], "3.5"),
        ends,
    ])
}

pub(super) fn circle(class: &'static str, x: f64, y: f64, r: &'static str) -> Html {
    el!("circle", ["cx" => num(x), "cy" => num(y), "r" => r, "class" => class])
}
