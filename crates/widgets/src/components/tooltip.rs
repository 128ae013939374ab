//! A tooltip box over a drawing (the map's districts and links, the chart's points), placed at
//! its anchor through the CSSOM: inline `style` attributes would break a strict CSP.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Moves the box `el` to `left`, `top` (CSS lengths, e.g. `42.5%` or `120px`).
pub fn place(el: &web_sys::Element, left: &str, top: &str) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let style = el.style();
        let _ = style.set_property("left", left);
        let _ = style.set_property("top", top);
    }
}
