//! Whether an element has come into the viewport. Latched: once seen, it stays true, so
//! whatever it starts (a count-up) runs once.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

type Callback = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

/// True once the element behind `node` has intersected the viewport. Where there is no
/// IntersectionObserver (or no element), it is true at once, so nothing waits forever.
#[hook]
pub fn use_in_view(node: NodeRef) -> bool {
    let seen = use_state(|| false);
    {
        let set = seen.setter();
        use_effect_with(node, move |node| {
            let watch = node
                .cast::<Element>()
                .and_then(|el| observe(&el, set.clone()));
            if watch.is_none() {
                set.set(true);
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

fn observe(el: &Element, set: UseStateSetter<bool>) -> Option<(IntersectionObserver, Callback)> {
    let callback: Callback = Closure::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let hit = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if hit {
                set.set(true);
                observer.disconnect();
            }
        },
    );
    let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some((observer, callback))
}
