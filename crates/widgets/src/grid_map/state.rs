//! The grid map's state: an animation clock over the timeline, play/pause, and the flow
//! direction. One reducer ([`MapState::reduce`]) with an [`Action`] enum; pure, so it is tested natively.

use std::rc::Rc;
use viz::map::view::Change;
use viz::timeline::{Timeline, TimelineState};

/// One step per story milestone; a step completes a set of links (maybe none) and may be the
/// zone's approval.
pub type MapTimeline = Timeline<Change>;

#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// Clock time in seconds, always within the timeline.
    pub t: f64,
    pub playing: bool,
    /// `prefers-reduced-motion: reduce`: steps appear whole, no eased growth.
    pub reduced_motion: bool,
    /// Flow runs from each link's second district to its first.
    pub reversed: bool,
    timeline: Rc<MapTimeline>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    TogglePlay,
    Pause,
    /// Advance the clock by this many seconds (from the animation frame).
    Tick(f64),
    /// Jump to a clock time (the scrubber); pauses.
    Seek(f64),
    /// Play once from the first step (autoplay when first seen).
    PlayFromStart,
    Next,
    Prev,
    First,
    Last,
    /// Jump to the resting frame of step `i`; pauses.
    Step(usize),
    ReducedMotion(bool),
    ReverseFlow,
}

/// Longest tick honoured, so a frame after a background tab does not skip whole steps.
const MAX_TICK: f64 = 0.25;

impl MapState {
    /// A paused state at the resting frame of step `step` (clamped to the last).
    pub fn new(timeline: Rc<MapTimeline>, step: usize) -> Self {
        MapState {
            t: timeline.rest_of(step),
            playing: false,
            reduced_motion: false,
            reversed: false,
            timeline,
        }
    }

    pub fn timeline(&self) -> &MapTimeline {
        &self.timeline
    }

    /// What to draw now. Under reduced motion the current step is shown whole.
    pub fn view(&self) -> TimelineState {
        let t = if self.reduced_motion {
            self.timeline.rest_of(self.timeline.step_at(self.t))
        } else {
            self.t
        };
        self.timeline.state_at(t).unwrap_or(TimelineState {
            step: 0,
            progress: 1.0,
        })
    }

    /// How much of link `link` is drawn (0..=1).
    pub fn link_shown(&self, link: usize) -> f64 {
        self.timeline.item_shown(self.view(), link)
    }

    /// How strongly the zone's outline is drawn (0..=1): from the step of its approval on.
    pub fn zone_shown(&self) -> f64 {
        let view = self.view();
        self.timeline
            .steps()
            .iter()
            .position(|s| s.change.zone)
            .map_or(0.0, |i| view.shown(i))
    }

    fn with(self: Rc<Self>, t: f64, playing: bool) -> Rc<Self> {
        let t = self.timeline.clamp(t);
        if t == self.t && playing == self.playing {
            return self;
        }
        Rc::new(MapState {
            t,
            playing,
            ..(*self).clone()
        })
    }
}

impl MapState {
    /// The state after `action`: this one itself when nothing changed.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let tl = self.timeline.clone();
        let end = tl.total();
        let now = self.t;
        match action {
            Action::TogglePlay if self.playing => self.with(now, false),
            Action::TogglePlay => {
                // Playing from the last step (the default final frame) starts over.
                let last = tl.len().saturating_sub(1);
                let t = if tl.step_at(now) >= last { 0.0 } else { now };
                self.with(t, true)
            }
            Action::PlayFromStart => self.with(0.0, true),
            Action::Pause => self.with(now, false),
            Action::Tick(dt) => {
                if !self.playing || !dt.is_finite() || dt <= 0.0 {
                    return self;
                }
                let t = now + dt.min(MAX_TICK);
                self.with(t, t < end)
            }
            Action::Seek(t) => self.with(if t.is_nan() { now } else { t }, false),
            Action::Next => self.with(tl.next(now), false),
            Action::Prev => self.with(tl.prev(now), false),
            Action::First => self.with(tl.first(), false),
            Action::Last => self.with(tl.last(), false),
            Action::Step(i) => self.with(tl.rest_of(i), false),
            Action::ReducedMotion(on) => {
                if on == self.reduced_motion {
                    return self;
                }
                Rc::new(MapState {
                    reduced_motion: on,
                    ..(*self).clone()
                })
            }
            Action::ReverseFlow => Rc::new(MapState {
                reversed: !self.reversed,
                ..(*self).clone()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use viz::timeline::Step;

    /// Like the story: two links, then the zone, then the last link; plus an empty opening.
    fn timeline() -> Rc<MapTimeline> {
        let step = |id: &str, links: &[usize], zone| Step {
            id: id.into(),
            date: String::new(),
            change: Change {
                links: links.to_vec(),
                zone,
            },
            duration: 3.0,
            enter: 1.5,
        };
        Rc::new(Timeline::new(vec![
            step("intro", &[], false),
            step("a", &[0, 1], false),
            step("b", &[], true),
            step("c", &[2], false),
        ]))
    }

    fn state() -> Rc<MapState> {
        Rc::new(MapState {
            t: 0.0,
            ..MapState::new(timeline(), 0)
        })
    }

    #[test]
    fn toggle_play_starts_and_stops_the_clock() {
        let s = state().reduce(Action::TogglePlay);
        assert!(s.playing);
        assert!(!s.reduce(Action::TogglePlay).playing);
    }

    #[test]
    fn ticks_advance_only_while_playing() {
        let paused = state().reduce(Action::Tick(0.1));
        assert_eq!(paused.t, 0.0);
        let playing = state().reduce(Action::TogglePlay).reduce(Action::Tick(0.1));
        assert!((playing.t - 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_long_tick_is_capped() {
        let s = state()
            .reduce(Action::TogglePlay)
            .reduce(Action::Tick(30.0));
        assert_eq!(s.t, MAX_TICK);
    }

    #[test]
    fn nan_and_negative_ticks_are_ignored() {
        let s = state().reduce(Action::TogglePlay);
        assert_eq!(s.clone().reduce(Action::Tick(f64::NAN)).t, 0.0);
        assert_eq!(s.reduce(Action::Tick(-1.0)).t, 0.0);
    }

    #[test]
    fn the_clock_stops_at_the_end() {
        let mut s = state().reduce(Action::TogglePlay);
        for _ in 0..100 {
            s = s.reduce(Action::Tick(0.2));
        }
        assert_eq!(s.t, 12.0);
        assert!(!s.playing);
        assert_eq!(s.link_shown(2), 1.0);
    }

    #[test]
    fn playing_from_the_end_starts_over() {
        let s = state().reduce(Action::Last).reduce(Action::TogglePlay);
        assert_eq!(s.t, 0.0);
        assert!(s.playing);
        let rest = state().reduce(Action::Step(3)).reduce(Action::TogglePlay);
        assert_eq!(rest.t, 0.0, "the final frame counts as the end");
    }

    #[test]
    fn a_new_state_rests_on_the_given_step() {
        let s = MapState::new(timeline(), 3);
        assert_eq!(s.t, 10.5);
        assert!(!s.playing);
        assert_eq!(s.link_shown(2), 1.0);
        let clamped = MapState::new(timeline(), 99);
        assert_eq!(clamped.t, 10.5);
    }

    #[test]
    fn play_from_start_rewinds_and_plays() {
        let s = state().reduce(Action::Last).reduce(Action::PlayFromStart);
        assert_eq!(s.t, 0.0);
        assert!(s.playing);
        assert_eq!(s.link_shown(0), 0.0);
    }

    #[test]
    fn one_step_brings_in_two_links_together() {
        let s = state().reduce(Action::Seek(3.75));
        assert_eq!(s.link_shown(0), s.link_shown(1));
        assert!(s.link_shown(0) > 0.0 && s.link_shown(0) < 1.0);
        assert_eq!(s.link_shown(2), 0.0);
    }

    #[test]
    fn the_zone_outline_shows_from_its_step_on() {
        assert_eq!(state().reduce(Action::Step(1)).zone_shown(), 0.0);
        assert_eq!(state().reduce(Action::Step(2)).zone_shown(), 1.0);
        assert_eq!(state().reduce(Action::Step(3)).zone_shown(), 1.0);
    }

    #[test]
    fn seeking_pauses_and_clamps() {
        let s = state()
            .reduce(Action::TogglePlay)
            .reduce(Action::Seek(99.0));
        assert_eq!(s.t, 12.0);
        assert!(!s.playing);
        assert_eq!(state().reduce(Action::Seek(-4.0)).t, 0.0);
        assert_eq!(state().reduce(Action::Seek(f64::NAN)).t, 0.0);
    }

    #[test]
    fn next_and_prev_land_on_resting_frames() {
        let s = state().reduce(Action::Next);
        assert_eq!(s.t, 4.5);
        assert_eq!(s.link_shown(0), 1.0);
        assert_eq!(s.link_shown(1), 1.0);
        assert_eq!(s.link_shown(2), 0.0);
        let s = s.reduce(Action::Next).reduce(Action::Prev);
        assert_eq!(s.t, 4.5);
        assert_eq!(state().reduce(Action::First).t, 1.5);
        assert_eq!(state().reduce(Action::Step(3)).t, 10.5);
    }

    #[test]
    fn mid_entry_a_link_is_partly_drawn() {
        let s = state().reduce(Action::Seek(3.75));
        let shown = s.link_shown(0);
        assert!(shown > 0.0 && shown < 1.0);
    }

    #[test]
    fn reduced_motion_shows_the_current_step_whole() {
        let s = state()
            .reduce(Action::ReducedMotion(true))
            .reduce(Action::Seek(3.1));
        assert_eq!(s.link_shown(0), 1.0);
    }

    #[test]
    fn reverse_flow_toggles() {
        let s = state().reduce(Action::ReverseFlow);
        assert!(s.reversed);
        assert!(!s.reduce(Action::ReverseFlow).reversed);
    }

    #[test]
    fn an_unknown_link_is_not_drawn() {
        assert_eq!(state().reduce(Action::Last).link_shown(9), 0.0);
    }
}
