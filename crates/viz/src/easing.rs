//! Easing curves for animations: progress in, eased progress out, both in `0.0..=1.0`.

/// Cubic ease-out: fast start, gentle landing. Input is clamped to `0.0..=1.0`; NaN counts as
/// finished (1.0), so a broken clock never leaves a figure stuck mid-way.
pub fn ease_out_cubic(t: f64) -> f64 {
    let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
    let rest = 1.0 - t;
    1.0 - rest * rest * rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ease_out_cubic_starts_at_zero_and_ends_at_one() {
        assert_eq!(ease_out_cubic(0.0), 0.0);
        assert_eq!(ease_out_cubic(1.0), 1.0);
    }

    #[test]
    fn ease_out_cubic_is_past_the_middle_at_half_time() {
        assert_eq!(ease_out_cubic(0.5), 0.875);
    }

    #[test]
    fn ease_out_cubic_never_goes_backwards() {
        let mut last = 0.0;
        for i in 0..=100 {
            let e = ease_out_cubic(f64::from(i) / 100.0);
            assert!(e >= last);
            last = e;
        }
    }

    #[test]
    fn ease_out_cubic_clamps_out_of_range_input() {
        assert_eq!(ease_out_cubic(-3.0), 0.0);
        assert_eq!(ease_out_cubic(7.0), 1.0);
        assert_eq!(ease_out_cubic(f64::INFINITY), 1.0);
    }

    #[test]
    fn ease_out_cubic_treats_nan_as_finished() {
        assert_eq!(ease_out_cubic(f64::NAN), 1.0);
    }
}
