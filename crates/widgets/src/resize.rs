//! The size of an element as the browser lays it out: a `ResizeObserver` on it (its content
//! box), not window resizes, so a widget in a narrow column of a wide page knows its own width.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

/// An observer of one element's size; it disconnects when dropped (before its callback goes).
pub struct SizeObserver {
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_size` with the content size of `el` (width, height, CSS px) at each new layout.
/// Zero sizes are left out: a live root waits hidden behind the static layer (`display: none`)
/// and keeps the size it was first laid out for.
pub fn observe(el: &Element, mut on_size: impl FnMut(f64, f64) + 'static) -> Option<SizeObserver> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() else {
            return;
        };
        let rect = entry.content_rect();
        if rect.width() > 0.0 && rect.height() > 0.0 {
            on_size(rect.width(), rect.height());
        }
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(SizeObserver {
        observer,
        _on_resize: on_resize,
    })
}
