//! The WASM entry: finds widget placeholders, reads their configs, mounts widgets into
//! shadow roots and reports errors in the placeholder's own box. Nothing else lives here.
//!
//! One instance serves the whole page: placeholders present at start and added later are
//! registered, mounted when they come within about one viewport of the screen, told when they
//! scroll out of view or the tab is hidden, and unmounted when they leave the document. The only
//! global name is `window.FeatureWidgets` (`{ version, variant, mount(element),
//! unmount(element) }`, and `image(…)` in the full module: pictures.rs), and
//! `window.FeatureWidgetsFull` for the full module when it runs beside the lean one (handoff.rs)
//! or draws the other module's images. The contract is documented in `docs/embedding.md`.

mod custom_element;
mod dom_slot;
mod error;
mod handoff;
mod host_theme;
#[cfg(feature = "pictures")]
mod pictures;
mod placeholder;
mod registry;
mod shadow;
mod slot;

pub use error::Error;
use handoff::Role;
use registry::Embed;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Window};

/// The global name of the page's first module.
const GLOBAL: &str = "FeatureWidgets";
/// The global name of the full module started beside a lean one.
const GLOBAL_BESIDE: &str = "FeatureWidgetsFull";

/// The WASM's allocator: talc (well kept, checked under Miri, made for WebAssembly) is 1.4 KB
/// brotli lighter than std's dlmalloc. The module is single-threaded (no `atomics`), which is
/// what talc's WASM allocator requires.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
    let role = match running_variant(&window, GLOBAL) {
        None => Role::First,
        // The lean module handed placeholders over and the entry module loaded this one.
        Some(first)
            if handoff::FULL
                && !matches!(first.as_str(), "full" | "")
                && running_variant(&window, GLOBAL_BESIDE).is_none() =>
        {
            Role::Beside
        }
        Some(_) => {
            web_sys::console::warn_1(&JsValue::from_str(
                "feature widgets: another copy already serves this page; this one stays idle",
            ));
            return;
        }
    };
    let Some(embed) = Embed::new(&window, role) else {
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
    publish_api(
        &window,
        match role {
            Role::First => GLOBAL,
            Role::Beside => GLOBAL_BESIDE,
        },
    );
    host_theme::watch(&window);
    with_embed(Embed::scan);
}

/// The variant of the module that published the API `global` (`"lean"`, `"full"`; `""` for a
/// build from before variants), or `None` when none did.
fn running_variant(window: &Window, global: &str) -> Option<String> {
    let api = js_sys::Reflect::get(window, &JsValue::from_str(global))
        .ok()
        .filter(|api| api.is_object())?;
    js_sys::Reflect::has(&api, &JsValue::from_str("mount"))
        .ok()
        .filter(|has| *has)?;
    let variant = js_sys::Reflect::get(&api, &JsValue::from_str("variant")).ok();
    Some(variant.and_then(|v| v.as_string()).unwrap_or_default())
}

/// Defines `window[global]`, frozen. Its closures live as long as the page.
fn publish_api(window: &Window, global: &str) {
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
    let fields = [
        ("version", JsValue::from_str(env!("CARGO_PKG_VERSION"))),
        ("variant", JsValue::from_str(handoff::VARIANT)),
        ("mount", mount.into_js_value()),
        ("unmount", unmount.into_js_value()),
        // The images of widgets a module without the image code shows (pictures.rs).
        #[cfg(feature = "pictures")]
        (
            "image",
            Closure::<dyn Fn(JsValue, JsValue, JsValue, JsValue, JsValue) -> bool>::new(
                |host, format, figure, width, height| {
                    pictures::offer(&host, &format, &figure, &width, &height)
                },
            )
            .into_js_value(),
        ),
    ];
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), &value);
    }
    let _ = js_sys::Reflect::set(
        window,
        &JsValue::from_str(global),
        &js_sys::Object::freeze(&api),
    );
}
