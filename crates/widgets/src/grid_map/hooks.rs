//! Hooks of the grid map: the drawing width (a `ResizeObserver` on the figure) and the
//! animation clock (`requestAnimationFrame` while playing).

use super::state::{Action, MapState};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Layout width before the first measurement.
pub const DEFAULT_WIDTH: u32 = 720;

/// Widths are laid out in 40 px buckets from 320 to 1200 px, so resizing re-lays labels
/// only now and then.
pub fn bucket(width: f64) -> u32 {
    if !width.is_finite() || width <= 0.0 {
        return DEFAULT_WIDTH;
    }
    let w = width.clamp(320.0, 1200.0) as u32;
    (w / 40 * 40).max(320)
}

/// The bucketed content width of the element behind `node`, first estimated from the
/// placeholder's width at mount (`host_width`, less the frame's padding) so the first render is
/// laid out for the box it fills.
#[hook]
pub fn use_width(node: NodeRef, host_width: Option<f64>) -> u32 {
    let width = use_state_eq(|| {
        host_width.map_or(DEFAULT_WIDTH, |w| bucket(w - 2.0 * crate::FRAME_PADDING))
    });
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observed = node.cast::<Element>().and_then(|el| {
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            // Zero while the live root waits hidden behind the static layer:
                            // keep the width it was first laid out for.
                            let w = entry.content_rect().width();
                            if w > 0.0 {
                                width.set(bucket(w));
                            }
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _closure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}

/// Dispatches `Action::Tick` on every animation frame while `playing`.
#[hook]
pub fn use_clock(playing: bool, dispatch: UseReducerDispatcher<MapState>) {
    use_effect_with(playing, move |&playing| {
        let frame: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
        if playing {
            schedule(frame.clone(), dispatch, None);
        }
        move || {
            frame.borrow_mut().take();
        }
    });
}

fn schedule(
    slot: Rc<RefCell<Option<AnimationFrame>>>,
    dispatch: UseReducerDispatcher<MapState>,
    last: Option<f64>,
) {
    let next = slot.clone();
    let handle = request_animation_frame(move |now| {
        if let Some(last) = last {
            dispatch.dispatch(Action::Tick((now - last) / 1000.0));
        }
        schedule(next, dispatch, Some(now));
    });
    if let Ok(mut s) = slot.try_borrow_mut() {
        *s = Some(handle);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_snap_to_40_px_buckets_within_320_and_1200() {
        assert_eq!(bucket(100.0), 320);
        assert_eq!(bucket(655.0), 640);
        assert_eq!(bucket(5000.0), 1200);
        assert_eq!(bucket(f64::NAN), DEFAULT_WIDTH);
        assert_eq!(bucket(0.0), DEFAULT_WIDTH);
    }
}
