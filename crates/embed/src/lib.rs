//! The WASM entry: finds widget placeholders, reads their configs, mounts widgets into
//! shadow roots and reports errors in the placeholder's own box. Nothing else lives here.

use story::WidgetConfig;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use widgets::{Widget, WidgetProps};

const SELECTOR: &str = "[data-widget]";

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(SELECTOR) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(&el);
        }
    }
}

fn data_attributes(el: &Element) -> Vec<(String, String)> {
    el.get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let value = el.get_attribute(&name)?;
            Some((name.strip_prefix("data-")?.to_owned(), value))
        })
        .collect()
}

fn mount(host: &Element) {
    let attrs = data_attributes(host);
    let config = WidgetConfig::from_attributes(attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
        return;
    };
    let Some(document) = host.owner_document() else {
        return;
    };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    if shadow.append_child(&root).is_err() {
        return;
    }
    match config {
        Ok(config) => {
            let ready_host = host.clone();
            let props = WidgetProps {
                config,
                on_ready: yew::Callback::from(move |_| {
                    let _ = ready_host.set_attribute("data-widget-ready", "");
                }),
            };
            yew::Renderer::<Widget>::with_root_and_props(root, props).render();
        }
        Err(err) => {
            let message = err.to_string();
            root.set_text_content(Some(&message));
            let _ = host.set_attribute("data-widget-error", "");
            web_sys::console::error_1(&JsValue::from_str(&message));
        }
    }
}
