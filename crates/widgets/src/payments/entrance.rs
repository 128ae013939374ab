//! The line's entrance: progress 0 → 1 over [`DURATION_MS`] with requestAnimationFrame,
//! restarted whenever `key` changes, cancelled on unmount, skipped under reduced motion.

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

pub const DURATION_MS: f64 = 800.0;

struct Run {
    frame: RefCell<Option<AnimationFrame>>,
    start: Cell<Option<f64>>,
    progress: UseStateHandle<f64>,
}

fn schedule(run: Rc<Run>) {
    let next = run.clone();
    let handle = request_animation_frame(move |now| {
        let start = next.start.get().unwrap_or(now);
        next.start.set(Some(start));
        let t = ((now - start) / DURATION_MS).clamp(0.0, 1.0);
        // Ease out (cubic): quick start, gentle arrival.
        next.progress.set(1.0 - (1.0 - t).powi(3));
        if t < 1.0 {
            schedule(next.clone());
        } else {
            next.frame.borrow_mut().take();
        }
    });
    *run.frame.borrow_mut() = Some(handle);
}

/// Progress of the line's entrance for the current `key` (the metric shown): 1.0 on the first
/// render, the resting frame the static layer shows (the chart is already drawn when the live
/// widget takes over), then 0.0 -> 1.0 over [`DURATION_MS`] each time `key` changes. With
/// `reduced` it is always 1.0.
#[hook]
pub fn use_entrance<K: PartialEq + Clone + 'static>(key: K, reduced: bool) -> f64 {
    let progress = use_state(|| 1.0);
    let shown = use_mut_ref(|| None::<K>);
    {
        let progress = progress.clone();
        use_effect_with((key, reduced), move |(key, reduced)| {
            let run = Rc::new(Run {
                frame: RefCell::new(None),
                start: Cell::new(None),
                progress: progress.clone(),
            });
            let changed = shown.borrow().as_ref().is_some_and(|k| k != key);
            *shown.borrow_mut() = Some(key.clone());
            if *reduced || !changed {
                progress.set(1.0);
            } else {
                progress.set(0.0);
                schedule(run.clone());
            }
            move || drop(run.frame.borrow_mut().take())
        });
    }
    *progress
}
