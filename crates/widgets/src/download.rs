//! The reader's downloads: the CSV of a widget's figures and the PNG and SVG images of its
//! current view, offered as files through a temporary link.
//!
//! Images are made only when the reader asks (nothing is drawn ahead), by the code the cli's
//! SVG files use: the frame is `viz::image::Image` (title, source line, notes, credit), the
//! chart and the tally draw through plotters' backend trait into `viz::svg::Svg` for the SVG
//! and onto a canvas of twice the CSS size for the PNG. The map's body is a `Scene` read off
//! the live SVG with its paint resolved (see `grid_map`), written as SVG or painted with
//! `Path2D`.
//!
//! **Only the full module draws images** (feature `pictures`, ~7.5 KB brotli: the frame, the
//! SVG writer, the tally's and the map's drawings, the PNG painting). Every other module variant
//! asks for them with [`request_image`]: an `IMAGE_EVENT` on the placeholder, which the entry
//! module answers by loading the full module (once, on the first request) and calling its
//! `FeatureWidgetsFull.image` (embed's `pictures.rs`), which draws the same image from the
//! placeholder's configuration and what the event says of the reader's view (the figure shown
//! and the drawing's size), reading colours and the map's marks off the same live elements.
//!
//! **Why not rasterise the SVG for the PNG**: drawing an SVG onto a canvas needs it loaded
//! into an `<img>` from a `blob:` or `data:` URL, which a strict CSP blocks (`img-src` falls
//! back to `default-src 'self'`, which matches neither scheme). A canvas of our own is not
//! subject to CSP, and `toDataURL` of a canvas never tainted by another origin always works.

use crate::Error;
#[cfg(feature = "pictures")]
pub use pictures::{offer_picture, offer_scene};
use wasm_bindgen::{JsCast, JsValue};

/// The image formats offered beside the CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Twice the CSS size ([`PNG_SCALE`]): sharp on high-density screens and in print.
    Png,
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }

    /// The format named by [`ImageFormat::extension`].
    pub fn parse(name: &str) -> Option<ImageFormat> {
        match name {
            "png" => Some(ImageFormat::Png),
            "svg" => Some(ImageFormat::Svg),
            _ => None,
        }
    }
}

/// Device pixels per CSS px in a PNG.
pub const PNG_SCALE: f64 = 2.0;

/// Offers `text` as a file of type `mime` named `name`.
pub fn offer_text(text: &str, mime: &str, name: &str) -> Result<(), Error> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| Error::Canvas)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| Error::Canvas)?;
    let offered = offer_url(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
    offered
}

/// Follows a temporary `<a download>` to `url` (never added to the page).
pub(crate) fn offer_url(url: &str, name: &str) -> Result<(), Error> {
    let a = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(Error::Canvas)?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// The event a module without the image code sends on the placeholder to have an image made
/// (see the module's documentation and xtask/src/entry.js).
pub const IMAGE_EVENT: &str = "feature-widgets-image";

/// Asks the page for the image of the widget that `el` is part of, in `format`: an
/// [`IMAGE_EVENT`] on its placeholder carrying the figure shown (the chart's metric, the map's
/// step; the file name names it), the drawing's `size` (CSS px) and `done`, which the entry
/// module calls with whether the file was offered. When no one answers the event (a page
/// without the entry module), `done(false)` at once.
pub fn request_image(
    el: &web_sys::Element,
    format: ImageFormat,
    figure: Option<&str>,
    size: (f64, f64),
    done: impl FnOnce(bool) + 'static,
) {
    let host = el
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .map(|shadow| shadow.host());
    let Ok(host) = host else {
        return done(false);
    };
    let detail = js_sys::Object::new();
    // Kept here too: when no one answers, it is called from this side.
    let done = wasm_bindgen::closure::Closure::once_into_js(move |ok: JsValue| {
        done(ok.as_bool() == Some(true))
    });
    let fields: [(&str, &JsValue); 5] = [
        ("format", &JsValue::from_str(format.extension())),
        ("figure", &figure.map_or(JsValue::NULL, JsValue::from_str)),
        ("width", &JsValue::from_f64(size.0)),
        ("height", &JsValue::from_f64(size.1)),
        ("done", &done),
    ];
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(name), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_detail(&detail);
    let event = web_sys::CustomEvent::new_with_event_init_dict(IMAGE_EVENT, &init);
    // Cancelled: the entry module took it and calls `done`.
    let answered = event
        .map(|event| host.dispatch_event(&event) == Ok(false))
        .unwrap_or(false);
    if !answered {
        if let Some(done) = done.dyn_ref::<js_sys::Function>() {
            let _ = done.call1(&JsValue::NULL, &JsValue::FALSE);
        }
    }
}

/// The image code: the full module's only.
#[cfg(feature = "pictures")]
mod pictures;
