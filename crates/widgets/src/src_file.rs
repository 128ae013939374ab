//! An editor's `src` file (a story bundle for the tally or the chart, or a series for the
//! chart), already checked to be a same-origin relative URL, fetched with the browser's `fetch`
//! once per address for the page's life: every widget that names the same file shares one
//! request and one reading (a bundle's story is decoded and checked once, then kept).
//!
//! Bounded both ways: the whole load is aborted after `SERIES_TIMEOUT_MS`, and the body is
//! read chunk by chunk and cancelled once it passes `MAX_SERIES_BYTES` (an announced
//! `Content-Length` over the limit is refused before reading), so a wrong address that serves a
//! video or a stalled server costs neither memory nor a spinner for ever. The bytes are decoded
//! by `story` (`read_src_file`), which names invalid UTF-8 instead of letting `Response.text()`
//! replace it. Plain web-sys + `JsFuture`: lighter than gloo-net, which brings serde along.

use gloo::timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use story::config::{read_src_file, SeriesFileError, SrcFile, MAX_SERIES_BYTES, SERIES_TIMEOUT_MS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// A file as read: what it holds, or why it cannot be used. Shared by every widget naming it.
pub type Loaded = Rc<Result<SrcFile, SeriesFileError>>;

type Waiting = Vec<Box<dyn FnOnce(Loaded)>>;

enum Entry {
    /// Requested; these wait for it.
    Loading(Waiting),
    Done(Loaded),
}

thread_local! {
    /// Every file the page asked for, by address, in the order asked.
    static FILES: RefCell<Vec<(String, Entry)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `done` with the file at `src`, in a later task: soon when it was read before, or when
/// its one request ends. A widget that went away meanwhile is called all the same (its callback holds
/// a weak reference and does nothing); the request is not aborted, since others may wait for it.
pub fn load(src: &str, done: Box<dyn FnOnce(Loaded)>) {
    enum Next {
        Answer(Loaded),
        Fetch,
        Wait,
    }
    // Not generic: one copy of this in the WASM for every caller.
    let mut done = Some(done);
    let next = FILES.with(|files| {
        // Never borrowed twice: callbacks run outside the borrow.
        let Ok(mut files) = files.try_borrow_mut() else {
            return Next::Wait;
        };
        match files.iter_mut().find(|(s, _)| s == src) {
            Some((_, Entry::Done(loaded))) => Next::Answer(loaded.clone()),
            Some((_, Entry::Loading(waiting))) => {
                waiting.extend(done.take());
                Next::Wait
            }
            None => {
                let waiting = done.take().into_iter().collect();
                files.push((src.to_owned(), Entry::Loading(waiting)));
                Next::Fetch
            }
        }
    });
    match (next, done) {
        // Read before: answered in a task of its own all the same, so a caller never runs
        // `done` inside its own call (the embed holds its state while it asks).
        (Next::Answer(loaded), Some(done)) => {
            wasm_bindgen_futures::spawn_local(async move { done(loaded) });
        }
        (Next::Fetch, _) => {
            let src = src.to_owned();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = Rc::new(fetch(&src).await);
                finish(&src, loaded);
            });
        }
        _ => {}
    }
}

/// Keeps the file's result and calls everyone waiting for it.
fn finish(src: &str, loaded: Loaded) {
    let waiting = FILES.with(|files| {
        let mut files = files.try_borrow_mut().ok()?;
        let (_, entry) = files.iter_mut().find(|(s, _)| s == src)?;
        match std::mem::replace(entry, Entry::Done(loaded.clone())) {
            Entry::Loading(waiting) => Some(waiting),
            Entry::Done(_) => None,
        }
    });
    for done in waiting.unwrap_or_default() {
        done(loaded.clone());
    }
}

/// One request for `src`, within the time and size limits, read by `story`.
async fn fetch(src: &str) -> Result<SrcFile, SeriesFileError> {
    let Ok(controller) = AbortController::new() else {
        return Err(SeriesFileError::Network);
    };
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
        Ok(body) => read_src_file(src, &body),
        Err(e) => Err(e),
    };
    if result.is_err() {
        // Stop whatever is still downloading.
        controller.abort();
    }
    result
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
