//! The error box: a widget's own box saying, in the reader's language, why it cannot be shown.
//!
//! The message is rendered as a text node, never parsed as HTML, so whatever an editor typed
//! into a placeholder comes back as plain text.

use story::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub lang: Lang,
    /// What went wrong: which option, what value, what is allowed.
    pub message: AttrValue,
}

#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let (lang, title) = props.lang.pick(
        ("zh-CN", "此组件无法显示"),
        ("en", "This widget cannot be shown"),
    );
    html! {
        <div class="error-box" role="alert" {lang}>
            <p class="error-box-title">{ title }</p>
            <p class="error-box-message">{ props.message.clone() }</p>
        </div>
    }
}
