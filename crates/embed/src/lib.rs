//! The WASM entry: finds widget placeholders, reads their configs, mounts widgets into
//! shadow roots and reports errors in the placeholder's own box. Nothing else lives here.
//!
//! One instance serves the whole page: placeholders present at start and added later are
//! registered, mounted when they come within about one viewport of the screen, told when they
//! scroll out of view or the tab is hidden, and unmounted when they leave the document. The only
//! global name is `window.FeatureWidgets` (`{ version, mount(element), unmount(element) }`).
//! The contract is documented in `docs/embedding.md`.

mod custom_element;
mod error;
mod handoff;
mod host_theme;
mod placeholder;
mod registry;
mod shadow;
mod slot;

pub use error::Error;
use registry::Embed;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Window};

/// The one global name this module defines.
const GLOBAL: &str = "FeatureWidgets";

thread_local! {
    static EMBED: RefCell<Option<Embed>> = const { RefCell::new(None) };
}

/// Runs `f` on the page's embed state, if started. Observer callbacks are asynchronous, so a
/// nested call cannot happen in practice; if it did, it is skipped instead of panicking.
pub(crate) fn with_embed<R>(f: impl FnOnce(&mut Embed) -> R) -> Option<R> {
    EMBED.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Called by the wasm-bindgen glue once the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if already_running(&window) {
        web_sys::console::warn_1(&JsValue::from_str(
            "feature widgets: another copy already serves this page; this one stays idle",
        ));
        return;
    }
    let Some(embed) = Embed::new(&window) else {
        web_sys::console::error_1(&JsValue::from_str(
            &[
                "feature widgets: ",
                &Error::NoObservers.message(story::Lang::En),
            ]
            .concat(),
        ));
        return;
    };
    EMBED.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(embed);
        }
    });
    publish_api(&window);
    host_theme::watch(&window);
    with_embed(Embed::scan);
}

fn already_running(window: &Window) -> bool {
    js_sys::Reflect::get(window, &JsValue::from_str(GLOBAL))
        .ok()
        .filter(|api| api.is_object())
        .and_then(|api| js_sys::Reflect::has(&api, &JsValue::from_str("mount")).ok())
        .unwrap_or(false)
}

/// Defines `window.FeatureWidgets`, frozen. Its two closures live as long as the page.
fn publish_api(window: &Window) {
    let api = js_sys::Object::new();
    let mount = Closure::<dyn Fn(JsValue) -> bool>::new(|el: JsValue| {
        el.dyn_into::<Element>()
            .ok()
            .and_then(|el| with_embed(|embed| embed.mount_now(el)))
            .unwrap_or(false)
    });
    let unmount = Closure::<dyn Fn(JsValue) -> bool>::new(|el: JsValue| {
        el.dyn_into::<Element>()
            .ok()
            .and_then(|el| with_embed(|embed| embed.unmount(&el)))
            .unwrap_or(false)
    });
    let fields: [(&str, JsValue); 3] = [
        ("version", JsValue::from_str(env!("CARGO_PKG_VERSION"))),
        ("mount", mount.into_js_value()),
        ("unmount", unmount.into_js_value()),
    ];
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), &value);
    }
    let _ = js_sys::Reflect::set(
        window,
        &JsValue::from_str(GLOBAL),
        &js_sys::Object::freeze(&api),
    );
}
