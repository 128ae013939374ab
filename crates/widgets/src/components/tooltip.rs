//! A tooltip box over a drawing (the map's districts and links, the chart's points): a heading
//! and lines, placed at its anchor through the CSSOM (inline `style` attributes would break a
//! strict CSP), so the same markup and placement serve every widget.

use crate::el::{el, text, vtag, Value};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew::virtual_dom::VList;

/// The box: `class` (the names, see `el::classes`) places it, `heading` and `lines` fill it. `id` names it for
/// `aria-describedby`; `announced: false` hides it from assistive technology where a live
/// region speaks for it.
pub fn tooltip(
    class: Value,
    id: Option<AttrValue>,
    node: NodeRef,
    announced: bool,
    heading: Option<String>,
    lines: Vec<String>,
) -> Html {
    let (role, hidden) = if announced {
        (Some("tooltip"), None)
    } else {
        (None, Some("true"))
    };
    let heading = match heading {
        Some(h) => el!("strong", [], [text(h)]),
        None => Html::default(),
    };
    let lines = lines.into_iter().map(|t| el!("span", [], [text(t)]));
    let lines = VList::with_children(lines.collect(), None).into();
    let mut tip = vtag!("div", [
        "id" => id,
        "role" => role,
        "aria-hidden" => hidden,
        "class" => class,
    ], [heading, lines]);
    tip.node_ref = node;
    tip.into()
}

/// Moves the box behind `node` to `left`, `top` (CSS lengths, e.g. `42.5%` or `120px`).
pub fn place(node: &NodeRef, left: &str, top: &str) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        place_element(&el, left, top);
    }
}

/// [`place`] for a box built without Yew.
pub fn place_element(el: &web_sys::Element, left: &str, top: &str) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let style = el.style();
        let _ = style.set_property("left", left);
        let _ = style.set_property("top", top);
    }
}
