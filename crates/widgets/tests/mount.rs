//! Component tests in headless Chromium (`cargo xtask test`, or
//! `wasm-pack test --headless --chrome crates/widgets`).
#![cfg(target_arch = "wasm32")]
// Tests may fail loudly: that is how they report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use story::{WidgetConfig, WidgetKind};
use wasm_bindgen_test::*;
use widgets::{Widget, WidgetProps};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn widget_renders_its_kind_and_reports_ready() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let ready = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = ready.clone();
    let props = yew::props!(WidgetProps {
        config: WidgetConfig::new(WidgetKind::GridMap).unwrap(),
        on_ready: yew::Callback::from(move |_| flag.set(true)),
    });
    yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(ready.get());
    let section = root.query_selector("section[data-kind=grid-map]").unwrap();
    assert!(section.is_some());
}
