//! Eased progress of a count-up, driven by requestAnimationFrame.

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use viz::easing::cubic_out;
use yew::prelude::*;

type Slot = Rc<RefCell<Option<AnimationFrame>>>;

/// Eased progress from 0.0 to 1.0 over `duration_ms`, starting when `run` turns true, once.
/// With `reduced_motion` it is 1.0 at once (figures appear at their final value, no motion).
/// The pending frame is cancelled on unmount, so no frame outlives the component.
#[hook]
pub fn use_count_up(run: bool, reduced_motion: bool, duration_ms: f64) -> f64 {
    let progress = use_state(|| 0.0_f64);
    let slot: Slot = use_mut_ref(|| None);
    {
        let set = progress.setter();
        let done = *progress >= 1.0;
        use_effect_with((run, reduced_motion), move |&(run, reduced)| {
            if run && !reduced && !done {
                schedule(slot.clone(), set, None, duration_ms);
            }
            move || drop(slot.borrow_mut().take())
        });
    }
    if reduced_motion {
        1.0
    } else {
        cubic_out(*progress)
    }
}

fn schedule(slot: Slot, set: UseStateSetter<f64>, started: Option<f64>, duration_ms: f64) {
    let next = slot.clone();
    let frame = request_animation_frame(move |now| {
        let start = started.unwrap_or(now);
        let t = if duration_ms > 0.0 {
            (now - start) / duration_ms
        } else {
            1.0
        };
        // NaN (a broken clock) ends the animation.
        let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
        set.set(t);
        if t < 1.0 {
            schedule(next, set, Some(start), duration_ms);
        }
    });
    *slot.borrow_mut() = Some(frame);
}
