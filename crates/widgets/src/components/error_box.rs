//! The error box: a widget's own box saying, in the reader's language, why it cannot be shown.
//!
//! The message is rendered as a text node, never parsed as HTML, so whatever an editor typed
//! into a placeholder comes back as plain text. Two renderers of the same markup while the chart
//! and the map are Yew components: [`error_box_tree`] for the kinds drawn without Yew (and the
//! embed's error slots in a module without Yew kinds), [`error_box`] for the Yew kinds. A bridge from the tree to Yew's nodes
//! (`VTag::add_attribute`) was measured: it brings Yew's map-backed attributes into the WASM,
//! +3.9 KB brotli on every module. The second goes with the last Yew kind.

use crate::dom::{el, text, v, Node, Text};
use story::Lang;
use yew::prelude::*;

/// The error box saying `message` (which option, what value, what is allowed).
pub fn error_box_tree(lang: Lang, message: Text) -> Node {
    let (lang, title) = lang.pick(
        ("zh-CN", "此组件无法显示"),
        ("en", "This widget cannot be shown"),
    );
    el(
        "div",
        [
            ("role", v("alert")),
            ("lang", v(lang)),
            ("class", v("error-box")),
        ],
        vec![
            el("p", [("class", v("error-box-title"))], vec![text(title)]),
            el(
                "p",
                [("class", v("error-box-message"))],
                vec![text(message)],
            ),
        ],
    )
}

/// [`error_box_tree`] for the Yew kinds.
pub fn error_box(lang: Lang, message: AttrValue) -> Html {
    let (lang, title) = lang.pick(
        ("zh-CN", "此组件无法显示"),
        ("en", "This widget cannot be shown"),
    );
    html! {
        <div class="error-box" role="alert" {lang}>
            <p class="error-box-title">{ title }</p>
            <p class="error-box-message">{ message }</p>
        </div>
    }
}
