//! Eased progress of a count-up, driven by requestAnimationFrame.

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use viz::easing::cubic_out;
use yew::prelude::*;

type Slot = Rc<RefCell<Option<AnimationFrame>>>;

/// Eased progress of a figure's count-up, given `in_view` from [`super::use_in_view`].
///
/// It starts at 1.0, the resting frame the static layer shows, so the live widget never
/// resets a figure the reader has already seen. Only a figure first observed outside the
/// viewport (nobody saw it) drops to 0.0, then counts up over `duration_ms` once it comes into
/// view. With `reduced_motion` it is 1.0 throughout. The pending frame is cancelled on
/// unmount, so no frame outlives the component.
#[hook]
pub fn use_count_up(in_view: Option<bool>, reduced_motion: bool, duration_ms: f64) -> f64 {
    let progress = use_state(|| 1.0_f64);
    let slot: Slot = use_mut_ref(|| None);
    // Set when the figure was first seen outside the viewport: it then counts up, once.
    let armed = use_mut_ref(|| false);
    {
        let set = progress.setter();
        use_effect_with((in_view, reduced_motion), move |&(in_view, reduced)| {
            let was_armed = *armed.borrow();
            match in_view {
                Some(false) if !reduced && !was_armed => {
                    *armed.borrow_mut() = true;
                    set.set(0.0);
                }
                Some(true) if !reduced && was_armed => {
                    *armed.borrow_mut() = false;
                    schedule(slot.clone(), set, None, duration_ms);
                }
                _ => {}
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
