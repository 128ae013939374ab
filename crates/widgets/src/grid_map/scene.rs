//! Reads the map on screen as a [`Scene`] for its images: every path, circle and label of the
//! live SVG with the paint the widget's stylesheet computes for it now (the theme, the step
//! shown, the flow's direction). The stylesheet stays the only place that says which colour
//! a district or a link takes; the image copies what the reader sees.

use story::config::json::decimal_to_f64;
use viz::map::scene::{Anchor, Mark, Paint, Scene, Shape};
use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Element};

/// A number from CSS or SVG text: `1.5`, `1.5px`; `None` for anything else.
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    decimal_to_f64(text.strip_suffix("px").unwrap_or(text))
}

/// A computed colour, `None` for `none` and fully transparent ones.
fn colour(text: String) -> Option<String> {
    let clear = text == "none"
        || text == "transparent"
        || text.starts_with("url(")
        || (text.starts_with("rgba(") && text.ends_with(", 0)"));
    (!clear && !text.is_empty()).then_some(text)
}

fn paint(style: &CssStyleDeclaration, dashed: bool) -> Paint {
    let get = |name: &str| style.get_property_value(name).unwrap_or_default();
    let dash = if dashed {
        get("stroke-dasharray")
            .split([',', ' '])
            .filter_map(number)
            .collect()
    } else {
        Vec::new()
    };
    Paint {
        fill: colour(get("fill")),
        stroke: colour(get("stroke")),
        stroke_width: number(&get("stroke-width")).unwrap_or(1.0),
        dash,
        round: get("stroke-linecap") == "round" || get("stroke-linejoin") == "round",
        even_odd: get("fill-rule") == "evenodd",
        opacity: number(&get("opacity")).unwrap_or(1.0),
    }
}

fn attr(el: &Element, name: &str) -> f64 {
    el.get_attribute(name)
        .as_deref()
        .and_then(number)
        .unwrap_or(0.0)
}

/// The scale of the group a geography path is drawn under (`scale(0.29297)`), else 1.
fn group_scale(el: &Element) -> f64 {
    el.closest("g[transform]")
        .ok()
        .flatten()
        .and_then(|g| g.get_attribute("transform"))
        .and_then(|t| {
            let inner = t.trim().strip_prefix("scale(")?.strip_suffix(')')?;
            number(inner)
        })
        .unwrap_or(1.0)
}

/// The marks of `svg` (the map drawing on screen, `width` × `height` CSS px).
pub fn read(svg: &Element, (width, height): (f64, f64)) -> Scene {
    let mut scene = Scene {
        width,
        height,
        marks: Vec::new(),
    };
    let (Some(window), Ok(nodes)) = (
        web_sys::window(),
        svg.query_selector_all("path, circle, text"),
    ) else {
        return scene;
    };
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(style) = window.get_computed_style(&el).ok().flatten() else {
            continue;
        };
        if style.get_property_value("display").ok().as_deref() == Some("none")
            || style.get_property_value("visibility").ok().as_deref() == Some("hidden")
        {
            continue;
        }
        // A dash against `pathLength` (the cable as it is drawn in) is a share of the path, not
        // px: the resting view draws it whole, so the image draws it solid.
        let dashed = !el.has_attribute("pathLength");
        let shape = match el.tag_name().as_str() {
            "path" => Shape::Path {
                d: el.get_attribute("d").unwrap_or_default(),
                scale: group_scale(&el),
            },
            "circle" => Shape::Circle {
                x: attr(&el, "cx"),
                y: attr(&el, "cy"),
                r: attr(&el, "r"),
            },
            "text" => {
                let get = |name: &str| style.get_property_value(name).unwrap_or_default();
                Shape::Text {
                    x: attr(&el, "x"),
                    y: attr(&el, "y"),
                    text: el.text_content().unwrap_or_default().trim().to_owned(),
                    anchor: Anchor::parse(&get("text-anchor")),
                    px: number(&get("font-size")).unwrap_or(12.0),
                    bold: number(&get("font-weight")).is_some_and(|w| w >= 600.0),
                    italic: get("font-style") == "italic",
                }
            }
            _ => continue,
        };
        scene.marks.push(Mark {
            shape,
            paint: paint(&style, dashed),
        });
    }
    scene
}
