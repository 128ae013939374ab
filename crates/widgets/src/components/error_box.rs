//! The error box: a widget's own box saying, in the reader's language, why it cannot be shown.
//!
//! The message is rendered as a text node, never parsed as HTML, so whatever an editor typed
//! into a placeholder comes back as plain text. A function, not a component: it has no state,
//! and a component type costs its own copy of Yew's lifecycle code in the WASM (issue 12).

use story::Lang;
use yew::prelude::*;

/// The error box saying `message` (which option, what value, what is allowed).
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
