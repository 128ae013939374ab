//! Loads an editor's series file (`src`, already checked to be a same-origin relative URL)
//! with the browser's `fetch`, then reads it with `story::config::read_series_file`.
//!
//! Bounded both ways: the whole load is aborted after `SERIES_TIMEOUT_MS`, and the body is
//! read chunk by chunk and cancelled once it passes `MAX_SERIES_BYTES` (an announced
//! `Content-Length` over the limit is refused before reading), so a wrong address that serves a
//! video or a stalled server costs neither memory nor a spinner for ever. The bytes are decoded
//! by `story`, which names invalid UTF-8 instead of letting `Response.text()` replace it.
//! Plain web-sys + `JsFuture`: lighter than gloo-net, which brings serde along.

use crate::Error;
use gloo::timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use story::config::{
    read_series_file, Series, SeriesFileError, MAX_SERIES_BYTES, SERIES_TIMEOUT_MS,
};
use story::Unit;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// The series in `src` (in the metric's `unit`), or why it cannot be used. `controller` aborts
/// the request: the caller aborts it when the chart goes away, this function when the time is
/// up or the body too big.
pub async fn load(
    src: &str,
    unit: &'static Unit,
    controller: AbortController,
) -> Result<Series, Error> {
    let timed_out = Rc::new(Cell::new(false));
    let _deadline = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        Timeout::new(SERIES_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    // A rejected promise after the deadline is the abort, not the network.
    let lost = || {
        if timed_out.get() {
            SeriesFileError::TimedOut
        } else {
            SeriesFileError::Network
        }
    };
    let result = match fetch_bytes(src, &controller, &lost).await {
        Ok(body) => read_series_file(&body, unit),
        Err(e) => Err(e),
    };
    if result.is_err() {
        // Stop whatever is still downloading.
        controller.abort();
    }
    result.map_err(|source| Error::SeriesFile {
        src: src.into(),
        source,
    })
}

async fn fetch_bytes(
    src: &str,
    controller: &AbortController,
    lost: &impl Fn() -> SeriesFileError,
) -> Result<Vec<u8>, SeriesFileError> {
    let window = web_sys::window().ok_or_else(lost)?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(src, &init))
        .await
        .map_err(|_| lost())?
        .dyn_into()
        .map_err(|_| lost())?;
    if !response.ok() {
        return Err(SeriesFileError::Status(response.status()));
    }
    // The announced (possibly compressed) length already over the limit: refuse unread.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if announced.is_some_and(|n| n > MAX_SERIES_BYTES) {
        return Err(SeriesFileError::TooLarge);
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().dyn_into().map_err(|_| lost())?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| lost())?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| lost())?
            .dyn_into()
            .map_err(|_| lost())?;
        if bytes.len().saturating_add(value.length() as usize) > MAX_SERIES_BYTES {
            let _ = reader.cancel();
            return Err(SeriesFileError::TooLarge);
        }
        bytes.extend(value.to_vec());
    }
}
