//! `prefers-reduced-motion: reduce`, kept up to date while the widget lives.

use gloo::events::EventListener;
use yew::prelude::*;

const QUERY: &str = "(prefers-reduced-motion: reduce)";

/// True when the reader asked for reduced motion; re-renders when the preference changes.
#[hook]
pub fn use_reduced_motion() -> bool {
    let reduced = use_state(|| media_query().is_some_and(|m| m.matches()));
    {
        let reduced = reduced.clone();
        use_effect_with((), move |_| {
            let listener = media_query().map(|mql| {
                let target = mql.clone();
                EventListener::new(&mql, "change", move |_| reduced.set(target.matches()))
            });
            // Dropping the listener on unmount removes it.
            move || drop(listener)
        });
    }
    *reduced
}

fn media_query() -> Option<web_sys::MediaQueryList> {
    // Natively (the static layer) there is no window, and calling into one would panic.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.match_media(QUERY).ok().flatten()
}
