//! The size of an element as the browser lays it out: a `ResizeObserver` on it (its content
//! box), not window resizes, so a widget in a narrow column of a wide page knows its own width.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The content size (width, height, CSS px) of the element behind `node`, `initial` until the
/// first measurement. Zero sizes are ignored: a live root waits hidden (`display: none`)
/// behind the static layer, and keeps the size it was first laid out for.
#[hook]
pub fn use_size(node: NodeRef, initial: Option<(f64, f64)>) -> Option<(f64, f64)> {
    let size = use_state_eq(move || initial);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let observed = node.cast::<Element>().and_then(|el| {
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            let rect = entry.content_rect();
                            if rect.width() > 0.0 && rect.height() > 0.0 {
                                size.set(Some((rect.width(), rect.height())));
                            }
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            // Disconnecting on unmount stops the callback before its closure is dropped.
            move || {
                if let Some((observer, _closure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *size
}
