//! Loads an editor's series file (`src`, already checked to be a same-origin relative URL)
//! with the browser's `fetch`, then validates it with `story::config::parse_series`.
//! Plain web-sys + `JsFuture`: lighter than gloo-net, which brings serde along.

use story::config::{parse_series, Series};
use story::ui::{fill, UiText};
use story::Lang;
use story::Unit;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The series, or an editor-facing message in `lang` naming the file and the problem.
pub async fn load(src: &str, unit: &'static Unit, lang: Lang) -> Result<Series, String> {
    let failed = |reason: &str| fill(UiText::PaymentsLoadFailed.get(lang), &[src, reason]);
    let network = || failed(UiText::PaymentsNetworkError.get(lang));
    let window = web_sys::window().ok_or_else(network)?;
    let response = JsFuture::from(window.fetch_with_str(src))
        .await
        .map_err(|_| network())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| network())?;
    if !response.ok() {
        let status = response.status().to_string();
        return Err(failed(&fill(
            UiText::PaymentsHttpStatus.get(lang),
            &[&status],
        )));
    }
    let text = JsFuture::from(response.text().map_err(|_| network())?)
        .await
        .map_err(|_| network())?
        .as_string()
        .unwrap_or_default();
    parse_series(&text, unit).map_err(|e| failed(&e.message(lang)))
}
