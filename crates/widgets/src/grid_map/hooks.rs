//! The grid map's animation clock (`requestAnimationFrame` while playing). Its width comes from
//! the shared [`crate::hooks::use_size`].

use super::state::{Action, MapState};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

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
