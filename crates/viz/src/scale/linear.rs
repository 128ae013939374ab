//! A linear scale, after d3-scale's `scaleLinear`, as an immutable value with `with_*` methods.

use crate::ticks::{tick_increment, ticks};

/// Maps `domain` linearly onto `range`. Defaults: domain and range `[0, 1]`, no clamping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    domain: (f64, f64),
    range: (f64, f64),
    clamp: bool,
}

impl Default for Linear {
    fn default() -> Self {
        Linear::new()
    }
}

impl Linear {
    pub const fn new() -> Linear {
        Linear {
            domain: (0.0, 1.0),
            range: (0.0, 1.0),
            clamp: false,
        }
    }

    pub const fn with_domain(self, d0: f64, d1: f64) -> Linear {
        Linear {
            domain: (d0, d1),
            ..self
        }
    }

    pub const fn with_range(self, r0: f64, r1: f64) -> Linear {
        Linear {
            range: (r0, r1),
            ..self
        }
    }

    /// With clamping, values outside the domain map to the nearest end of the range.
    pub const fn with_clamp(self, clamp: bool) -> Linear {
        Linear { clamp, ..self }
    }

    pub const fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub const fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The range value for `x`. NaN gives NaN; an empty domain maps everything to the middle of
    /// the range (d3's choice); infinities extrapolate (or clamp).
    pub fn apply(&self, x: f64) -> f64 {
        interpolate(self.range, normalize(self.domain, x, self.clamp))
    }

    /// The domain value for a range value `y`; the inverse of [`Linear::apply`].
    pub fn invert(&self, y: f64) -> f64 {
        interpolate(self.domain, normalize(self.range, y, self.clamp))
    }

    /// About `count` round values inside the domain, in domain order.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        ticks(self.domain.0, self.domain.1, count)
    }

    /// Extends the domain to round values so that its ends fall on ticks of about `count`.
    /// Leaves an empty or non-finite domain as it is.
    pub fn nice(self, count: usize) -> Linear {
        let (d0, d1) = self.domain;
        let reverse = d1 < d0;
        let (mut start, mut stop) = if reverse { (d1, d0) } else { (d0, d1) };
        let mut previous = f64::NAN;
        for _ in 0..10 {
            let step = tick_increment(start, stop, count);
            if step == previous {
                break;
            }
            if step > 0.0 {
                start = (start / step).floor() * step;
                stop = (stop / step).ceil() * step;
            } else if step < 0.0 {
                start = (start * step).ceil() / step;
                stop = (stop * step).floor() / step;
            } else {
                return self;
            }
            previous = step;
        }
        if reverse {
            self.with_domain(stop, start)
        } else {
            self.with_domain(start, stop)
        }
    }
}

fn normalize((a, b): (f64, f64), x: f64, clamp: bool) -> f64 {
    let span = b - a;
    let t = if span == 0.0 {
        if x.is_nan() || span.is_nan() {
            f64::NAN
        } else {
            0.5
        }
    } else {
        (x - a) / span
    };
    if clamp {
        // `clamp` keeps NaN as NaN.
        t.clamp(0.0, 1.0)
    } else {
        t
    }
}

fn interpolate((a, b): (f64, f64), t: f64) -> f64 {
    if t.is_infinite() {
        // a + inf * (b - a) is NaN when b == a; keep the direction instead.
        return if b == a { a } else { t * (b - a).signum() };
    }
    a * (1.0 - t) + b * t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_scale_is_the_identity_on_zero_to_one() {
        let s = Linear::new();
        assert_eq!(s.domain(), (0.0, 1.0));
        assert_eq!(s.range(), (0.0, 1.0));
        assert_eq!(s.apply(0.25), 0.25);
    }

    #[test]
    fn apply_maps_the_domain_onto_the_range() {
        let s = Linear::new().with_domain(0.0, 5e8).with_range(300.0, 20.0);
        assert_eq!(s.apply(0.0), 300.0);
        assert_eq!(s.apply(5e8), 20.0);
        assert_eq!(s.apply(2.5e8), 160.0);
    }

    #[test]
    fn apply_extrapolates_outside_the_domain_unless_clamped() {
        let s = Linear::new().with_domain(0.0, 10.0).with_range(0.0, 100.0);
        assert_eq!(s.apply(20.0), 200.0);
        assert_eq!(s.apply(-1.0), -10.0);
        let c = s.with_clamp(true);
        assert_eq!(c.apply(20.0), 100.0);
        assert_eq!(c.apply(-1.0), 0.0);
    }

    #[test]
    fn invert_undoes_apply() {
        let s = Linear::new()
            .with_domain(2019.0, 2020.5)
            .with_range(40.0, 340.0);
        for x in [2019.0, 2019.75, 2020.5, 2021.0] {
            assert!((s.invert(s.apply(x)) - x).abs() < 1e-9, "{x}");
        }
        assert_eq!(s.invert(190.0), 2019.75);
    }

    #[test]
    fn nan_input_gives_nan() {
        let s = Linear::new().with_domain(0.0, 10.0).with_range(0.0, 100.0);
        assert!(s.apply(f64::NAN).is_nan());
        assert!(s.invert(f64::NAN).is_nan());
        assert!(s.with_clamp(true).apply(f64::NAN).is_nan());
    }

    #[test]
    fn infinite_input_extrapolates_to_infinity_or_clamps() {
        let s = Linear::new().with_domain(0.0, 10.0).with_range(100.0, 0.0);
        assert_eq!(s.apply(f64::INFINITY), f64::NEG_INFINITY);
        assert_eq!(s.apply(f64::NEG_INFINITY), f64::INFINITY);
        assert_eq!(s.with_clamp(true).apply(f64::INFINITY), 0.0);
    }

    #[test]
    fn an_empty_domain_maps_to_the_middle_of_the_range() {
        let s = Linear::new().with_domain(0.0, 0.0).with_range(0.0, 100.0);
        assert_eq!(s.apply(0.0), 50.0);
        assert_eq!(s.apply(7.0), 50.0);
    }

    #[test]
    fn an_empty_range_inverts_to_the_middle_of_the_domain() {
        let s = Linear::new().with_domain(0.0, 10.0).with_range(3.0, 3.0);
        assert_eq!(s.invert(3.0), 5.0);
    }

    #[test]
    fn a_nan_domain_gives_nan() {
        let s = Linear::new().with_domain(f64::NAN, 1.0);
        assert!(s.apply(0.5).is_nan());
        assert!(s.ticks(5).is_empty());
    }

    #[test]
    fn ticks_follow_the_domain() {
        let s = Linear::new().with_domain(0.0, 3e8);
        assert_eq!(s.ticks(3), vec![0.0, 1e8, 2e8, 3e8]);
        assert_eq!(
            Linear::new().with_domain(1.0, 0.0).ticks(2),
            vec![1.0, 0.5, 0.0]
        );
    }

    #[test]
    fn nice_extends_the_domain_to_round_values() {
        assert_eq!(
            Linear::new().with_domain(0.0, 4.7e8).nice(5).domain(),
            (0.0, 5e8)
        );
        assert_eq!(
            Linear::new().with_domain(0.12, 0.87).nice(10).domain(),
            (0.1, 0.9)
        );
        assert_eq!(
            Linear::new().with_domain(1.1, 10.9).nice(10).domain(),
            (1.0, 11.0)
        );
    }

    #[test]
    fn nice_keeps_a_reversed_domain_reversed() {
        assert_eq!(
            Linear::new().with_domain(4.7e8, 0.0).nice(5).domain(),
            (5e8, 0.0)
        );
    }

    #[test]
    fn nice_leaves_empty_and_non_finite_domains_alone() {
        assert_eq!(
            Linear::new().with_domain(0.0, 0.0).nice(5).domain(),
            (0.0, 0.0)
        );
        let inf = Linear::new().with_domain(0.0, f64::INFINITY).nice(5);
        assert_eq!(inf.domain(), (0.0, f64::INFINITY));
        assert!(Linear::new()
            .with_domain(f64::NAN, 1.0)
            .nice(5)
            .domain()
            .0
            .is_nan());
    }

    #[test]
    fn a_scale_is_a_copyable_value() {
        let a = Linear::new().with_domain(0.0, 2.0);
        let b = a.with_range(0.0, 10.0);
        assert_eq!(a.range(), (0.0, 1.0));
        assert_eq!(b.apply(1.0), 5.0);
    }
}
