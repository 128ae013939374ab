//! A timeline of steps for an animation clock: each step has an id, a date label, the change
//! it makes (generic `C`), a duration, and an entry transition at its start. [`Timeline::state_at`]
//! turns a clock time into the current step and its eased progress; the navigation methods
//! return clock times to jump to.
//!
//! A step's change may bring in several items at once (the grid map's first step completes two
//! links): with a change that is a set of item indices ([`Changes`]), [`Timeline::step_of`]
//! finds the step that brings an item in and [`Timeline::item_shown`] how much of it shows.

use crate::easing;

/// One step of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<C> {
    pub id: String,
    /// The date as the caller wants it shown (formatting belongs to `story`).
    pub date: String,
    /// What the step changes (for the grid map: which link closes).
    pub change: C,
    /// Seconds the step lasts, entry transition included.
    pub duration: f64,
    /// Seconds of the entry transition at the start of the step (at most `duration`).
    pub enter: f64,
}

/// Where the clock is: the current step, and its entry progress after easing (0..=1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineState {
    pub step: usize,
    pub progress: f64,
}

impl TimelineState {
    /// How much of step `i` is shown: 1 for earlier steps, the progress for the current one,
    /// 0 for later ones.
    pub fn shown(&self, i: usize) -> f64 {
        match i.cmp(&self.step) {
            core::cmp::Ordering::Less => 1.0,
            core::cmp::Ordering::Equal => self.progress,
            core::cmp::Ordering::Greater => 0.0,
        }
    }
}

/// A change that brings in a set of items (indices into the caller's list, e.g. links).
pub trait Changes {
    fn items(&self) -> &[usize];
}

impl Changes for Vec<usize> {
    fn items(&self) -> &[usize] {
        self
    }
}

/// Steps in order with their start times.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline<C> {
    steps: Vec<Step<C>>,
    starts: Vec<f64>,
    total: f64,
}

fn seconds(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

impl<C> Timeline<C> {
    /// A timeline of `steps`; negative or non-finite durations count as 0.
    pub fn new(steps: Vec<Step<C>>) -> Self {
        let mut steps = steps;
        let mut starts = Vec::with_capacity(steps.len());
        let mut total = 0.0;
        for s in steps.iter_mut() {
            s.duration = seconds(s.duration);
            s.enter = seconds(s.enter).min(s.duration);
            starts.push(total);
            total += s.duration;
        }
        Timeline {
            steps,
            starts,
            total,
        }
    }

    pub fn steps(&self) -> &[Step<C>] {
        &self.steps
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Total length in seconds.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Clamps a clock time into the timeline; NaN becomes 0.
    pub fn clamp(&self, t: f64) -> f64 {
        if t.is_nan() {
            0.0
        } else {
            // Not `f64::clamp`: with a bound known only at run time it keeps an assertion
            // whose message formats floats (~12 KB of WASM). `total` is never negative.
            t.max(0.0).min(self.total)
        }
    }

    /// The step running at time `t` (clamped; the last step at and past the end).
    pub fn step_at(&self, t: f64) -> usize {
        let t = self.clamp(t);
        let last = self.steps.len().saturating_sub(1);
        self.starts
            .iter()
            .zip(&self.steps)
            .position(|(s, st)| t < s + st.duration)
            .unwrap_or(last)
            .min(last)
    }

    /// The state at clock time `t`: before 0 (and NaN) is the start of the first step, past
    /// the end is the last step fully shown. `None` for an empty timeline.
    pub fn state_at(&self, t: f64) -> Option<TimelineState> {
        let t = self.clamp(t);
        let step = self.step_at(t);
        let s = self.steps.get(step)?;
        let start = self.starts.get(step).copied().unwrap_or(0.0);
        let raw = if s.enter > 0.0 {
            (t - start) / s.enter
        } else {
            1.0
        };
        Some(TimelineState {
            step,
            progress: easing::cubic_in_out(raw),
        })
    }

    /// Start time of step `i` (clamped to the last step).
    pub fn start_of(&self, i: usize) -> f64 {
        let i = i.min(self.steps.len().saturating_sub(1));
        self.starts.get(i).copied().unwrap_or(0.0)
    }

    /// The time at which step `i` has finished entering: its resting frame.
    pub fn rest_of(&self, i: usize) -> f64 {
        let i = i.min(self.steps.len().saturating_sub(1));
        self.start_of(i) + self.steps.get(i).map_or(0.0, |s| s.enter)
    }

    /// The resting frame of the step after the one at `t` (the last one at the end).
    pub fn next(&self, t: f64) -> f64 {
        self.rest_of(self.step_at(t).saturating_add(1))
    }

    /// The resting frame of the step before the one at `t` (the first one at the start).
    pub fn prev(&self, t: f64) -> f64 {
        self.rest_of(self.step_at(t).saturating_sub(1))
    }

    pub fn first(&self) -> f64 {
        self.rest_of(0)
    }

    pub fn last(&self) -> f64 {
        self.total
    }
}

impl<C: Changes> Timeline<C> {
    /// The first step whose change brings in `item`, if any.
    pub fn step_of(&self, item: usize) -> Option<usize> {
        self.steps
            .iter()
            .position(|s| s.change.items().contains(&item))
    }

    /// How much of `item` is shown in `state` (0..=1): fully once its step is past, the
    /// step's eased progress while it enters, 0 before it or if no step brings it in.
    pub fn item_shown(&self, state: TimelineState, item: usize) -> f64 {
        self.step_of(item).map_or(0.0, |i| state.shown(i))
    }

    /// How much of `item` is shown at clock time `t` (see [`Timeline::state_at`] for times
    /// outside the timeline).
    pub fn item_shown_at(&self, t: f64, item: usize) -> f64 {
        self.state_at(t).map_or(0.0, |s| self.item_shown(s, item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, change: u8) -> Step<u8> {
        Step {
            id: id.into(),
            date: String::new(),
            change,
            duration: 2.0,
            enter: 1.0,
        }
    }

    fn three() -> Timeline<u8> {
        Timeline::new(vec![step("a", 0), step("b", 1), step("c", 2)])
    }

    #[test]
    fn total_is_the_sum_of_durations() {
        assert_eq!(three().total(), 6.0);
        assert_eq!(three().len(), 3);
    }

    #[test]
    fn at_zero_the_first_step_starts_with_no_progress() {
        assert_eq!(
            three().state_at(0.0),
            Some(TimelineState {
                step: 0,
                progress: 0.0
            })
        );
    }

    #[test]
    fn halfway_through_an_entry_the_progress_is_eased() {
        let s = three().state_at(2.25).unwrap();
        assert_eq!(s.step, 1);
        assert_eq!(s.progress, easing::cubic_in_out(0.25));
        assert!(s.progress < 0.25);
    }

    #[test]
    fn after_the_entry_a_step_rests_fully_shown() {
        let s = three().state_at(3.5).unwrap();
        assert_eq!((s.step, s.progress), (1, 1.0));
    }

    #[test]
    fn a_negative_time_is_the_start() {
        assert_eq!(three().state_at(-5.0), three().state_at(0.0));
    }

    #[test]
    fn nan_is_the_start() {
        assert_eq!(three().state_at(f64::NAN), three().state_at(0.0));
        assert_eq!(three().step_at(f64::NAN), 0);
    }

    #[test]
    fn past_the_end_is_the_last_step_fully_shown() {
        let s = three().state_at(99.0).unwrap();
        assert_eq!((s.step, s.progress), (2, 1.0));
        assert_eq!(three().state_at(f64::INFINITY), Some(s));
        assert_eq!(three().state_at(6.0), Some(s));
    }

    #[test]
    fn an_empty_timeline_has_no_state() {
        let t: Timeline<u8> = Timeline::new(vec![]);
        assert_eq!(t.state_at(1.0), None);
        assert_eq!(t.total(), 0.0);
        assert_eq!(t.next(0.0), 0.0);
    }

    #[test]
    fn bad_durations_count_as_zero() {
        let mut a = step("a", 0);
        a.duration = f64::NAN;
        let mut b = step("b", 1);
        b.duration = -1.0;
        let t = Timeline::new(vec![a, b, step("c", 2)]);
        assert_eq!(t.total(), 2.0);
        assert_eq!(t.step_at(0.0), 2);
    }

    #[test]
    fn shown_is_full_for_past_steps_and_empty_for_future_ones() {
        let s = three().state_at(2.5).unwrap();
        assert_eq!(s.shown(0), 1.0);
        assert_eq!(s.shown(1), s.progress);
        assert_eq!(s.shown(2), 0.0);
    }

    #[test]
    fn next_and_prev_jump_between_resting_frames() {
        let t = three();
        assert_eq!(t.next(0.0), 3.0);
        assert_eq!(t.next(3.0), 5.0);
        assert_eq!(t.next(5.0), 5.0);
        assert_eq!(t.prev(5.0), 3.0);
        assert_eq!(t.prev(0.5), 1.0);
        assert_eq!(t.first(), 1.0);
        assert_eq!(t.last(), 6.0);
    }

    fn multi(id: &str, items: &[usize]) -> Step<Vec<usize>> {
        Step {
            id: id.into(),
            date: String::new(),
            change: items.to_vec(),
            duration: 2.0,
            enter: 1.0,
        }
    }

    /// Two items at once, then a step with none, then one more: the grid map's shape.
    fn grid() -> Timeline<Vec<usize>> {
        Timeline::new(vec![
            multi("2019-09", &[0, 1]),
            multi("2019-10", &[]),
            multi("2020-06", &[2]),
        ])
    }

    #[test]
    fn a_step_can_bring_in_several_items() {
        let t = grid();
        assert_eq!(t.step_of(0), Some(0));
        assert_eq!(t.step_of(1), Some(0));
        assert_eq!(t.step_of(2), Some(2));
        assert_eq!(t.step_of(3), None);
    }

    #[test]
    fn items_of_one_step_grow_together() {
        let t = grid();
        let a = t.item_shown_at(0.5, 0);
        assert!(a > 0.0 && a < 1.0);
        assert_eq!(a, t.item_shown_at(0.5, 1));
        assert_eq!(t.item_shown_at(0.5, 2), 0.0);
    }

    #[test]
    fn a_step_without_items_keeps_earlier_items_whole() {
        let t = grid();
        assert_eq!(t.item_shown_at(2.5, 0), 1.0);
        assert_eq!(t.item_shown_at(2.5, 1), 1.0);
        assert_eq!(t.item_shown_at(3.9, 2), 0.0);
    }

    #[test]
    fn before_the_start_no_item_shows() {
        let t = grid();
        for i in 0..3 {
            assert_eq!(t.item_shown_at(-1.0, i), 0.0);
        }
    }

    #[test]
    fn at_nan_no_item_shows() {
        let t = grid();
        for i in 0..3 {
            assert_eq!(t.item_shown_at(f64::NAN, i), 0.0);
        }
    }

    #[test]
    fn past_the_end_every_item_shows_whole() {
        let t = grid();
        for i in 0..3 {
            assert_eq!(t.item_shown_at(100.0, i), 1.0);
            assert_eq!(t.item_shown_at(f64::INFINITY, i), 1.0);
        }
    }

    #[test]
    fn an_item_no_step_brings_in_never_shows() {
        assert_eq!(grid().item_shown_at(100.0, 7), 0.0);
        let empty: Timeline<Vec<usize>> = Timeline::new(vec![]);
        assert_eq!(empty.item_shown_at(1.0, 0), 0.0);
    }
}
