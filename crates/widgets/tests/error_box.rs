//! The error box shows whatever it is given as text, never as markup.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use story::Lang;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The embed's error box for `message`, built into `parent`.
fn show(parent: &Element, lang: Lang, message: &str) -> Element {
    let document = gloo::utils::document();
    let node = widgets::failed_tree(lang, message.to_owned().into())
        .build(&document)
        .unwrap();
    parent.append_child(&node).unwrap();
    parent.clone()
}

const HOSTILE: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

#[wasm_bindgen_test]
async fn error_box_renders_a_hostile_message_as_text_not_html() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let root = show(&root, Lang::En, HOSTILE);

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
}

#[wasm_bindgen_test]
async fn error_box_title_follows_the_language() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let root = show(&root, Lang::Zh, "x");
    let title = root.query_selector(".error-box-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "此组件无法显示");
}
