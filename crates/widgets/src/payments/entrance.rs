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

/// Entrance progress for the current `key`.
#[hook]
pub fn use_entrance<K: PartialEq + Clone + 'static>(key: K, reduced: bool) -> f64 {
    let progress = use_state(|| if reduced { 1.0 } else { 0.0 });
    {
        let progress = progress.clone();
        use_effect_with((key, reduced), move |(_, reduced)| {
            let run = Rc::new(Run {
                frame: RefCell::new(None),
                start: Cell::new(None),
                progress: progress.clone(),
            });
            if *reduced {
                progress.set(1.0);
            } else {
                progress.set(0.0);
                schedule(run.clone());
            }
            // Dropping the handle cancels the pending frame and breaks the Rc cycle.
            move || drop(run.frame.borrow_mut().take())
        });
    }
    *progress
}
