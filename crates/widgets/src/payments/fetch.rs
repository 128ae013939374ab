//! Loads an editor's series file (`src`, already checked to be a same-origin relative URL)
//! with the browser's `fetch`, then validates it with `story::config::parse_series`.
//! Plain web-sys + `JsFuture`: lighter than gloo-net, which brings serde along.

use crate::Error;
use story::config::{parse_series, Series};
use story::Unit;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The series, or why not: the file could not be fetched, or its content was refused.
pub async fn load(src: &str, unit: &'static Unit) -> Result<Series, Error> {
    let network = || Error::Network { src: src.into() };
    let window = web_sys::window().ok_or_else(network)?;
    let response = JsFuture::from(window.fetch_with_str(src))
        .await
        .map_err(|_| network())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| network())?;
    if !response.ok() {
        return Err(Error::Http {
            src: src.into(),
            status: response.status(),
        });
    }
    let text = JsFuture::from(response.text().map_err(|_| network())?)
        .await
        .map_err(|_| network())?
        .as_string()
        .unwrap_or_default();
    parse_series(&text, unit).map_err(|e| Error::File {
        src: src.into(),
        source: e.into(),
    })
}
