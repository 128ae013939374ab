//! A tooltip box over a drawing (the map's districts and links, the chart's points): a heading
//! and lines, placed at its anchor through the CSSOM (inline `style` attributes would break a
//! strict CSP), so the same markup and placement serve every widget.

use web_sys::HtmlElement;
use yew::prelude::*;

/// The box: `class` places it, `heading` and `lines` fill it. `id` names it for
/// `aria-describedby`; `announced: false` hides it from assistive technology where a live
/// region speaks for it.
pub fn tooltip(
    class: Classes,
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
    html! {
        <div {class} {id} {role} aria-hidden={hidden} ref={node}>
            if let Some(h) = heading { <strong>{ h }</strong> }
            { for lines.into_iter().map(|t| html! { <span>{ t }</span> }) }
        </div>
    }
}

/// Moves the box behind `node` to `left`, `top` (CSS lengths, e.g. `42.5%` or `120px`).
pub fn place(node: &NodeRef, left: &str, top: &str) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let style = el.style();
        let _ = style.set_property("left", left);
        let _ = style.set_property("top", top);
    }
}
