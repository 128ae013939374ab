//! The payments chart's state: which metric is drawn, which reported point the reader is on
//! (pointer or keyboard) and which one was last announced. One reducer ([`ChartState::after`]) with an [`Action`]
//! enum; pure, so it is tested natively.

use story::model::Metric;

#[derive(Debug, Clone, PartialEq)]
pub struct ChartState {
    pub metric: &'static Metric,
    /// The point under the crosshair, if any.
    pub active: Option<usize>,
    /// The point the live region last announced (keyboard steps only; pointer moves are silent).
    pub announced: Option<usize>,
}

/// A keyboard step along the points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Prev,
    First,
    Last,
}

impl Step {
    /// The step a key asks for, if any (ArrowRight/Left, Home, End).
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowRight" => Some(Step::Next),
            "ArrowLeft" => Some(Step::Prev),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// The reader chose another metric: its line is drawn, nothing is active.
    Metric(&'static Metric),
    /// The pointer is over this point (or none).
    Point(Option<usize>),
    /// A keyboard step among `points` points; the point reached is announced.
    Step { step: Step, points: usize },
    /// Escape, blur or the pointer leaving: nothing is active.
    Leave,
}

impl ChartState {
    pub fn new(metric: &'static Metric) -> Self {
        ChartState {
            metric,
            active: None,
            announced: None,
        }
    }

    /// The state after `action`.
    pub fn after(&self, action: Action) -> ChartState {
        let mut next = self.clone();
        match action {
            Action::Metric(metric) => {
                next.metric = metric;
                next.active = None;
            }
            Action::Point(point) => next.active = point,
            Action::Step { step, points } => {
                let Some(last) = points.checked_sub(1) else {
                    return next;
                };
                let to = match (step, self.active) {
                    (Step::Next, None) | (Step::First, _) => 0,
                    (Step::Prev, None) | (Step::Last, _) => last,
                    (Step::Next, Some(i)) => (i + 1).min(last),
                    (Step::Prev, Some(i)) => i.saturating_sub(1).min(last),
                };
                next.active = Some(to);
                next.announced = Some(to);
            }
            Action::Leave => next.active = None,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> &'static [Metric] {
        story::default_story().chart.unwrap().metrics
    }

    fn step(s: &ChartState, step: Step, points: usize) -> ChartState {
        s.after(Action::Step { step, points })
    }

    #[test]
    fn arrows_walk_the_points_and_stop_at_the_ends() {
        let s = ChartState::new(&metrics()[0]);
        let s = step(&s, Step::Next, 3);
        assert_eq!((s.active, s.announced), (Some(0), Some(0)));
        let s = step(
            &step(&step(&s, Step::Next, 3), Step::Next, 3),
            Step::Next,
            3,
        );
        assert_eq!(s.active, Some(2), "stops at the last point");
        let s = step(
            &step(&step(&s, Step::Prev, 3), Step::Prev, 3),
            Step::Prev,
            3,
        );
        assert_eq!(s.active, Some(0), "stops at the first point");
        assert_eq!(step(&s, Step::Last, 3).active, Some(2));
        assert_eq!(
            step(&ChartState::new(&metrics()[0]), Step::Prev, 3).active,
            Some(2),
            "left from nothing goes to the end"
        );
        assert_eq!(step(&s, Step::First, 3).announced, Some(0));
    }

    #[test]
    fn without_points_a_step_changes_nothing() {
        let s = ChartState::new(&metrics()[0]);
        assert_eq!(step(&s, Step::Next, 0), s);
    }

    #[test]
    fn a_shorter_series_clamps_a_stale_point() {
        let s = ChartState {
            active: Some(9),
            ..ChartState::new(&metrics()[0])
        };
        assert_eq!(step(&s, Step::Prev, 3).active, Some(2));
    }

    #[test]
    fn pointer_and_leave_set_and_clear_the_active_point_silently() {
        let s = ChartState::new(&metrics()[0]).after(Action::Point(Some(1)));
        assert_eq!((s.active, s.announced), (Some(1), None));
        assert_eq!(s.after(Action::Leave).active, None);
    }

    #[test]
    fn choosing_a_metric_clears_the_active_point() {
        let s = ChartState {
            active: Some(1),
            ..ChartState::new(&metrics()[0])
        };
        let s = s.after(Action::Metric(&metrics()[1]));
        assert_eq!((s.metric.id, s.active), (metrics()[1].id, None));
    }

    #[test]
    fn only_the_keys_that_step_are_steps() {
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("End"), Some(Step::Last));
        assert_eq!(Step::from_key("a"), None);
    }
}
