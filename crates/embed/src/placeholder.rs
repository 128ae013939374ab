//! Reading a placeholder: its `data-*` options, its JSON options block, and reporting state.

use story::Lang;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Every placeholder matches this (`<feature-widget>`: see custom_element.rs).
pub(crate) const SELECTOR: &str = "[data-widget], feature-widget";
/// Set once the widget has rendered.
pub(crate) const READY: &str = "data-widget-ready";
/// Set when the config is invalid or the widget cannot render.
pub(crate) const ERROR: &str = "data-widget-error";
/// Set while the placeholder's `src` file is read, before its widget is configured.
pub(crate) const LOADING: &str = "data-widget-loading";

/// The placeholder's `data-*` attributes without the prefix, leaving out the state attributes
/// this module sets itself (`data-widget-ready`, `data-widget-error`).
pub(crate) fn options(host: &Element) -> Vec<(String, String)> {
    if let Some(options) = crate::custom_element::options(host) {
        return options;
    }
    host.get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| name != READY && name != ERROR && name != LOADING)
        .filter_map(|name| {
            let value = host.get_attribute(&name)?;
            Some((name.strip_prefix("data-")?.to_owned(), value))
        })
        .collect()
}

/// The text of the placeholder's own `<script type="application/json">` child, if any.
pub(crate) fn json_options(host: &Element) -> Option<String> {
    host.query_selector(r#":scope > script[type="application/json"]"#)
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
}

/// The language for messages about this placeholder: English only when asked for, and the
/// build's language when this build lacks the one asked for (`Lang::pick`).
pub(crate) fn message_lang(options: &[(String, String)]) -> Lang {
    let asked = if options.iter().any(|(k, v)| k == "lang" && v == "en") {
        Lang::En
    } else {
        Lang::Zh
    };
    asked.pick(Lang::Zh, Lang::En)
}

/// Marks the placeholder failed and logs `message` to the console, with the element.
pub(crate) fn report_error(host: &Element, message: &str) {
    let _ = host.remove_attribute(READY);
    let _ = host.set_attribute(ERROR, "");
    web_sys::console::error_2(
        &JsValue::from_str(&["feature widgets: ", message].concat()),
        host,
    );
}

/// Marks the placeholder ready, unless the widget already reported an error.
pub(crate) fn report_ready(host: &Element) {
    if !host.has_attribute(ERROR) {
        let _ = host.set_attribute(READY, "");
    }
}

/// Marks the placeholder busy while its `src` file is read (`aria-busy` for assistive
/// technology, `data-widget-loading` for the page's styles), or no longer.
pub(crate) fn report_loading(host: &Element, loading: bool) {
    for name in [LOADING, "aria-busy"] {
        let _ = if loading {
            host.set_attribute(name, if name == LOADING { "" } else { "true" })
        } else {
            host.remove_attribute(name)
        };
    }
}

/// Forgets the placeholder's state, after its widget was unmounted.
pub(crate) fn clear_state(host: &Element) {
    let _ = host.remove_attribute(READY);
    let _ = host.remove_attribute(ERROR);
    report_loading(host, false);
}
