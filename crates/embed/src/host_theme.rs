//! Themes that follow the host page. A widget with `theme` `auto` takes the page's own dark
//! switch when the page declares one, and otherwise keeps following `prefers-color-scheme`
//! (through base.css's media query). The rule, in order of precedence (docs/embedding.md,
//! Themes that follow the host page):
//!
//! 1. the widget's own `theme="light"` / `"dark"`;
//! 2. `<body>`, then `<html>`: `data-theme`, then `data-bs-theme` (`dark` / `light`), then a
//!    class (`dark` or `theme-dark` / `light` or `theme-light`);
//! 3. the root's computed `color-scheme` when it names one scheme only (`dark`, `only light`);
//! 4. the reader's `prefers-color-scheme`.
//!
//! One `MutationObserver` for the page watches those attributes on `<html>` and `<body>` (a
//! stylesheet's `color-scheme` that a class switches is read again on the class change); when
//! the answer changes, every mounted widget re-renders with it.

use crate::registry::Embed;
use crate::with_embed;
use std::cell::{Cell, RefCell};
use story::{Theme, WidgetConfig};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit, Window};

/// The attributes on `<html>` and `<body>` that can carry the page's theme.
const WATCHED: [&str; 4] = ["class", "style", "data-theme", "data-bs-theme"];

struct Watch {
    _observer: MutationObserver,
    _on_change: Closure<dyn FnMut()>,
}

thread_local! {
    /// The page's declared theme, `None` when it declares none.
    static PAGE_THEME: Cell<Option<Theme>> = const { Cell::new(None) };
    /// Lives as long as the page.
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
}

/// Reads the page's theme and watches `<html>` and `<body>` for changes to it.
pub(crate) fn watch(window: &Window) {
    let Some(document) = window.document() else {
        return;
    };
    PAGE_THEME.set(page_theme(window, &document));
    let on_change = {
        let (window, document) = (window.clone(), document.clone());
        Closure::<dyn FnMut()>::new(move || {
            let theme = page_theme(&window, &document);
            if PAGE_THEME.replace(theme) != theme {
                with_embed(Embed::refresh_all);
            }
        })
    };
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    let watched: js_sys::Array = WATCHED.iter().map(|name| JsValue::from_str(name)).collect();
    options.set_attribute_filter(&watched);
    let body: Option<Element> = document.body().map(Into::into);
    for root in [document.document_element(), body].into_iter().flatten() {
        let _ = observer.observe_with_options(&root, &options);
    }
    WATCH.set(Some(Watch {
        _observer: observer,
        _on_change: on_change,
    }));
}

/// `config` with an `auto` theme replaced by the page's declared one, if any.
pub(crate) fn follow_page(mut config: WidgetConfig) -> WidgetConfig {
    if config.theme == Theme::Auto {
        config.theme = PAGE_THEME.get().unwrap_or(Theme::Auto);
    }
    config
}

fn page_theme(window: &Window, document: &Document) -> Option<Theme> {
    let html = document.document_element()?;
    let body: Option<Element> = document.body().map(Into::into);
    let declared = body.iter().chain([&html]).find_map(declared_theme);
    declared.or_else(|| color_scheme(window, &html))
}

/// The theme an element's attributes or classes declare.
fn declared_theme(el: &Element) -> Option<Theme> {
    let attributes = ["data-theme", "data-bs-theme"]
        .into_iter()
        .find_map(|name| named_theme(&el.get_attribute(name)?));
    attributes.or_else(|| {
        let classes = el.class_list();
        let has = |names: [&str; 2]| names.iter().any(|name| classes.contains(name));
        if has(["dark", "theme-dark"]) {
            Some(Theme::Dark)
        } else if has(["light", "theme-light"]) {
            Some(Theme::Light)
        } else {
            None
        }
    })
}

fn named_theme(value: &str) -> Option<Theme> {
    match value.trim() {
        "dark" => Some(Theme::Dark),
        "light" => Some(Theme::Light),
        _ => None,
    }
}

/// The root's computed `color-scheme` when it names exactly one of the two schemes.
fn color_scheme(window: &Window, html: &Element) -> Option<Theme> {
    let style = window.get_computed_style(html).ok()??;
    let value = style.get_property_value("color-scheme").ok()?;
    let words = || value.split_ascii_whitespace();
    let dark = words().any(|w| w == "dark");
    let light = words().any(|w| w == "light");
    match (dark, light) {
        (true, false) => Some(Theme::Dark),
        (false, true) => Some(Theme::Light),
        _ => None,
    }
}
