//! Easing functions on `0..=1`. Inputs outside the range are clamped; NaN counts as 0, so an
//! animation fed a bad clock shows its start rather than garbage.

fn unit(t: f64) -> f64 {
    if t.is_nan() {
        0.0
    } else {
        t.clamp(0.0, 1.0)
    }
}

pub fn linear(t: f64) -> f64 {
    unit(t)
}

pub fn cubic_in(t: f64) -> f64 {
    let t = unit(t);
    t * t * t
}

pub fn cubic_out(t: f64) -> f64 {
    let u = 1.0 - unit(t);
    1.0 - u * u * u
}

/// d3's `easeCubicInOut`: slow, fast, slow.
pub fn cubic_in_out(t: f64) -> f64 {
    let t = unit(t) * 2.0;
    if t <= 1.0 {
        t * t * t / 2.0
    } else {
        let u = t - 2.0;
        (u * u * u + 2.0) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [fn(f64) -> f64; 4] = [linear, cubic_in, cubic_out, cubic_in_out];

    #[test]
    fn every_easing_starts_at_0_and_ends_at_1() {
        for f in ALL {
            assert_eq!(f(0.0), 0.0);
            assert_eq!(f(1.0), 1.0);
        }
    }

    #[test]
    fn out_of_range_inputs_are_clamped() {
        for f in ALL {
            assert_eq!(f(-3.0), 0.0);
            assert_eq!(f(7.0), 1.0);
            assert_eq!(f(f64::INFINITY), 1.0);
        }
    }

    #[test]
    fn nan_counts_as_the_start() {
        for f in ALL {
            assert_eq!(f(f64::NAN), 0.0);
        }
    }

    #[test]
    fn cubic_in_is_slow_first_and_cubic_out_fast_first() {
        assert!(cubic_in(0.5) < 0.5);
        assert!(cubic_out(0.5) > 0.5);
        assert_eq!(cubic_in_out(0.5), 0.5);
    }

    #[test]
    fn easings_never_decrease() {
        for f in ALL {
            let mut last = 0.0;
            for i in 0..=100 {
                let v = f(i as f64 / 100.0);
                assert!(v >= last);
                last = v;
            }
        }
    }
}
