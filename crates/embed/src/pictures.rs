//! `FeatureWidgetsFull.image(element, format, figure, width, height)`: the full module draws the
//! PNG or SVG of a widget that a module without the image code shows (widgets' `download.rs`
//! says why and how the request travels; xtask/src/entry.js answers it).
//!
//! The image is made from the placeholder's own configuration, read as the other module read
//! it, and from what the request says of the reader's view: the figure shown (the chart's
//! metric, the map's step) and the drawing's size in CSS px. Colours, and the map's marks, are
//! read off the live elements in the placeholder's shadow root, as for the module's own widgets.
//! Nothing in the request is trusted beyond that: an unknown format, figure or kind, a
//! placeholder without a valid configuration or without its drawing on screen gives `false`,
//! which the widget shows as its "could not be made" message.

use crate::placeholder;
use story::{WidgetConfig, WidgetKind};
use wasm_bindgen::JsValue;
use web_sys::Element;
use widgets::download::ImageFormat;

/// Where each kind's drawing is in its shadow root: the element whose size and colours the
/// image takes (the one the widget itself hands to `request_image`).
fn drawing_selector(kind: WidgetKind) -> &'static str {
    match kind {
        WidgetKind::Tally => ".tally",
        WidgetKind::Payments => ".chart-box",
        WidgetKind::GridMap => "svg.gm-map",
    }
}

/// Offers the image; false when it cannot be made (see the module's documentation).
pub(crate) fn offer(
    host: &JsValue,
    format: &JsValue,
    figure: &JsValue,
    width: &JsValue,
    height: &JsValue,
) -> bool {
    use wasm_bindgen::JsCast;
    let (Some(host), Some(format)) = (
        host.dyn_ref::<Element>(),
        format.as_string().as_deref().and_then(ImageFormat::parse),
    ) else {
        return false;
    };
    // A drawing's size: finite and within what a page lays out (a canvas refuses more).
    let size = |v: &JsValue| {
        v.as_f64()
            .filter(|v| v.is_finite() && (0.0..=10_000.0).contains(v))
    };
    let (Some(width), Some(height)) = (size(width), size(height)) else {
        return false;
    };
    let figure = figure.as_string();
    let options = placeholder::options(host);
    let json = placeholder::json_options(host);
    let attrs = options.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let Ok(config) = WidgetConfig::parse(attrs, json.as_deref()) else {
        return false;
    };
    let drawing = host
        .shadow_root()
        .and_then(|shadow| shadow.query_selector(drawing_selector(config.kind)).ok())
        .flatten();
    let Some(el) = drawing else {
        return false;
    };
    match config.kind {
        WidgetKind::Tally => widgets::tally::offer_image(&config, &el, width, format),
        WidgetKind::Payments => {
            let Some(metric) = figure else {
                return false;
            };
            widgets::payments::offer_image(&config, &metric, (width, height), &el, format)
        }
        WidgetKind::GridMap => {
            widgets::grid_map::offer_image(&config, figure.as_deref(), &el, (width, height), format)
        }
    }
}
