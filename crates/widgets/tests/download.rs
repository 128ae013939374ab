//! `download::request_image`: how a module without the image code asks the page for an image
//! (the page's side, xtask/src/entry.js, is tested end to end in tests/downloads.test.mjs).
#![cfg(target_arch = "wasm32")]
// Tests may fail loudly: that is how they report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};
use widgets::download::{request_image, ImageFormat, IMAGE_EVENT};

wasm_bindgen_test_configure!(run_in_browser);

/// A placeholder with an open shadow root holding `<div class="tally">`; returns both.
fn placeholder() -> (Element, Element) {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let drawing = document.create_element("div").unwrap();
    drawing.set_class_name("tally");
    shadow.append_child(&drawing).unwrap();
    (host, drawing)
}

/// What `done` was called with, and how often.
fn recorder() -> (Rc<RefCell<Vec<bool>>>, impl FnOnce(bool) + 'static) {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let sink = calls.clone();
    (calls, move |ok| sink.borrow_mut().push(ok))
}

#[wasm_bindgen_test]
fn the_request_reaches_the_page_on_the_placeholder_with_the_view_and_done() {
    let (host, drawing) = placeholder();
    let seen = Rc::new(RefCell::new(None::<(JsValue, JsValue)>));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(CustomEvent)>::new(move |e: CustomEvent| {
        e.prevent_default();
        let detail = e.detail();
        let get = |k: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(k)).unwrap();
        let view = js_sys::Array::of4(
            &get("format"),
            &get("figure"),
            &get("width"),
            &get("height"),
        );
        *sink.borrow_mut() = Some((e.target().unwrap().into(), view.into()));
        // The page answers later (it loads the full module first).
        let done: js_sys::Function = get("done").dyn_into().unwrap();
        done.call1(&JsValue::NULL, &JsValue::TRUE).unwrap();
    });
    let document = gloo::utils::document();
    document
        .add_event_listener_with_callback(IMAGE_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    let (calls, done) = recorder();
    request_image(
        &drawing,
        ImageFormat::Svg,
        Some("2019-10"),
        (640.0, 400.0),
        done,
    );
    document
        .remove_event_listener_with_callback(IMAGE_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    let (target, view) = seen
        .borrow_mut()
        .take()
        .expect("the event reached the document");
    assert_eq!(
        target,
        JsValue::from(host.clone()),
        "sent on the placeholder"
    );
    let view: js_sys::Array = view.dyn_into().unwrap();
    assert_eq!(view.get(0).as_string().as_deref(), Some("svg"));
    assert_eq!(view.get(1).as_string().as_deref(), Some("2019-10"));
    assert_eq!(view.get(2).as_f64(), Some(640.0));
    assert_eq!(view.get(3).as_f64(), Some(400.0));
    assert_eq!(*calls.borrow(), vec![true]);
    host.remove();
}

#[wasm_bindgen_test]
fn an_unanswered_request_fails_at_once() {
    let (host, drawing) = placeholder();
    let (calls, done) = recorder();
    request_image(&drawing, ImageFormat::Png, None, (300.0, 0.0), done);
    assert_eq!(*calls.borrow(), vec![false], "no one on the page answered");
    host.remove();
    // Outside a shadow root there is no placeholder to ask for.
    let loose = gloo::utils::document().create_element("div").unwrap();
    let (calls, done) = recorder();
    request_image(&loose, ImageFormat::Png, None, (300.0, 0.0), done);
    assert_eq!(*calls.borrow(), vec![false]);
}

#[wasm_bindgen_test]
fn formats_read_back_from_their_extensions() {
    for format in [ImageFormat::Png, ImageFormat::Svg] {
        assert_eq!(ImageFormat::parse(format.extension()), Some(format));
    }
    assert_eq!(ImageFormat::parse("exe"), None);
    assert_eq!(ImageFormat::parse("PNG"), None);
}
