//! The error box shows whatever it is given as text, never as markup.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use story::Lang;
use wasm_bindgen_test::*;
use widgets::{FailedWidget, FailedWidgetProps};

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

#[wasm_bindgen_test]
async fn error_box_renders_a_hostile_message_as_text_not_html() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = FailedWidgetProps {
        lang: Lang::En,
        message: HOSTILE.into(),
    };
    let app = yew::Renderer::<FailedWidget>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let message = root.query_selector(".error-box-message").unwrap().unwrap();
    assert_eq!(message.text_content().unwrap(), HOSTILE);
    assert_eq!(
        message.child_element_count(),
        0,
        "message must hold no elements"
    );
    assert!(root.query_selector("img, script").unwrap().is_none());
    let title = root.query_selector(".error-box-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "This widget cannot be shown");
    let alert = root.query_selector("[role=alert]").unwrap();
    assert!(alert.is_some(), "the box is announced to screen readers");
    app.destroy();
}

#[wasm_bindgen_test]
async fn error_box_title_follows_the_language() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = FailedWidgetProps {
        lang: Lang::Zh,
        message: "x".into(),
    };
    let _app = yew::Renderer::<FailedWidget>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let title = root.query_selector(".error-box-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "此组件无法显示");
}
