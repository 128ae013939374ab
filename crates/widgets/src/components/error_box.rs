//! The error box: a widget's own box saying, in the reader's language, why it cannot be shown.
//!
//! The message is rendered as a text node, never parsed as HTML, so whatever an editor typed
//! into a placeholder comes back as plain text. The kinds draw it in their frame when their story
//! lacks what they show; the embed's error slots draw it for a placeholder it cannot mount.

use crate::dom::{el, text, v, Node, Text};
use story::Lang;

/// The error box saying `message` (which option, what value, what is allowed).
pub fn error_box(lang: Lang, message: Text) -> Node {
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
