//! Whether an element has come into the viewport. Latched: once seen, it stays seen, so
//! whatever it starts (a count-up) runs once.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

type Callback = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

/// `None` until the first observation of the element behind `node`, then `Some(false)` while
/// it has not yet been in the viewport and `Some(true)` once it has. Where there is no
/// IntersectionObserver (or no element), it is `Some(true)` at once, so nothing waits forever.
#[hook]
pub fn use_in_view(node: NodeRef) -> Option<bool> {
    let seen = use_state(|| None);
    {
        let set = seen.setter();
        use_effect_with(node, move |node| {
            let watch = node
                .cast::<Element>()
                .and_then(|el| observe(&el, set.clone()));
            if watch.is_none() {
                set.set(Some(true));
            }
            // Disconnecting on unmount stops the callback before its closure is dropped.
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    *seen
}

fn observe(
    el: &Element,
    set: UseStateSetter<Option<bool>>,
) -> Option<(IntersectionObserver, Callback)> {
    let callback: Callback = Closure::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let hit = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if hit {
                set.set(Some(true));
                observer.disconnect();
            } else {
                set.set(Some(false));
            }
        },
    );
    let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some((observer, callback))
}
