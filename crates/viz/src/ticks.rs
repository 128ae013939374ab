//! Round tick values for a numeric interval, the d3-array way: steps of 1, 2 or 5 times a
//! power of ten, computed by integer multiples so that 0.1 + 0.2 never shows up as a label.

/// Most ticks ever returned, whatever `count` asks for (a guard against absurd inputs).
pub const MAX_TICKS: usize = 1000;

const E10: f64 = 7.071_067_811_865_476; // sqrt(50)
const E5: f64 = 3.162_277_660_168_379_5; // sqrt(10)
const E2: f64 = std::f64::consts::SQRT_2;

/// `10^p` for an integer-valued `p`, by squaring: exact up to 10^22 (the largest power of ten a
/// double holds exactly), `1 / 10^-p` below 1 (one rounding). Not `powf`: libm's `pow` is
/// 1.2 KB of WASM, and this gives the same bits natively (the static layer) and in the browser.
fn pow10(p: f64) -> f64 {
    if p.is_nan() {
        return p;
    }
    // Beyond ±400 every double power of ten is 0 or infinite anyway.
    let mut e = p.abs().min(400.0) as u32;
    let (mut result, mut base) = (1.0, 10.0_f64);
    while e > 0 {
        if e & 1 == 1 {
            result *= base;
        }
        base *= base;
        e >>= 1;
    }
    if p < 0.0 {
        1.0 / result
    } else {
        result
    }
}

/// `(i1, i2, inc)`: ticks are `i * inc` for `i` in `i1..=i2` when `inc > 0`, or `i / -inc` when
/// `inc < 0` (steps below 1, kept as integer divisors for exact decimals). `start <= stop`.
fn spec(start: f64, stop: f64, count: f64) -> (f64, f64, f64) {
    let step = (stop - start) / count.max(0.0);
    let power = step.log10().floor();
    let error = step / pow10(power);
    let factor = if error >= E10 {
        10.0
    } else if error >= E5 {
        5.0
    } else if error >= E2 {
        2.0
    } else {
        1.0
    };
    let (mut i1, mut i2, inc);
    if power < 0.0 {
        let n = pow10(-power) / factor;
        i1 = (start * n).round();
        i2 = (stop * n).round();
        if i1 / n < start {
            i1 += 1.0;
        }
        if i2 / n > stop {
            i2 -= 1.0;
        }
        inc = -n;
    } else {
        let n = pow10(power) * factor;
        i1 = (start / n).round();
        i2 = (stop / n).round();
        if i1 * n < start {
            i1 += 1.0;
        }
        if i2 * n > stop {
            i2 -= 1.0;
        }
        inc = n;
    }
    if i2 < i1 && (0.5..2.0).contains(&count) {
        return spec(start, stop, count * 2.0);
    }
    (i1, i2, inc)
}

/// About `count` round values between `start` and `stop` inclusive, in the order of the
/// arguments. Empty for `count == 0` or non-finite bounds; `[start]` when both bounds are equal.
pub fn ticks(start: f64, stop: f64, count: usize) -> Vec<f64> {
    if count == 0 || !start.is_finite() || !stop.is_finite() {
        return Vec::new();
    }
    if start == stop {
        return vec![start];
    }
    let reverse = stop < start;
    let (lo, hi) = if reverse {
        (stop, start)
    } else {
        (start, stop)
    };
    let (i1, i2, inc) = spec(lo, hi, count as f64);
    if i1.is_nan() || i2.is_nan() || i2 < i1 || !inc.is_finite() || inc == 0.0 {
        return Vec::new();
    }
    let n = (i2 - i1 + 1.0).min(MAX_TICKS as f64) as usize;
    let at = |i: f64| if inc < 0.0 { i / -inc } else { i * inc };
    (0..n)
        .map(|k| {
            let k = k as f64;
            if reverse {
                at(i2 - k)
            } else {
                at(i1 + k)
            }
        })
        .collect()
}

/// The tick step as d3's `tickIncrement`: positive for steps >= 1, negative `-n` for a step of
/// `1/n`. NaN or 0 when no step exists (non-finite bounds, `count == 0`, equal bounds).
pub fn tick_increment(start: f64, stop: f64, count: usize) -> f64 {
    if count == 0 || !start.is_finite() || !stop.is_finite() || start == stop {
        return f64::NAN;
    }
    spec(start.min(stop), start.max(stop), count as f64).2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_exact_where_doubles_can_hold_them() {
        for k in 0..=22 {
            let exact: f64 = format!("1e{k}").parse().unwrap();
            assert_eq!(pow10(f64::from(k)), exact, "10^{k}");
            let tenth: f64 = format!("1e-{k}").parse().unwrap();
            assert_eq!(pow10(-f64::from(k)), tenth, "10^-{k}");
        }
        assert_eq!(pow10(500.0), f64::INFINITY);
        assert_eq!(pow10(-500.0), 0.0);
        assert!(pow10(f64::NAN).is_nan());
    }

    #[test]
    fn ticks_of_zero_to_one_are_exact_tenths() {
        assert_eq!(
            ticks(0.0, 1.0, 10),
            vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
        );
    }

    #[test]
    fn ticks_use_steps_of_one_two_or_five() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 5e8, 5), vec![0.0, 1e8, 2e8, 3e8, 4e8, 5e8]);
        assert_eq!(ticks(0.0, 9e10, 4), vec![0.0, 2e10, 4e10, 6e10, 8e10]);
        assert_eq!(ticks(1.0, 9.0, 2), vec![5.0]);
    }

    #[test]
    fn ticks_of_a_reversed_interval_descend() {
        assert_eq!(ticks(1.0, 0.0, 2), vec![1.0, 0.5, 0.0]);
    }

    #[test]
    fn ticks_of_an_empty_interval_are_the_bound() {
        assert_eq!(ticks(3.0, 3.0, 5), vec![3.0]);
    }

    #[test]
    fn zero_count_gives_no_ticks() {
        assert!(ticks(0.0, 1.0, 0).is_empty());
    }

    #[test]
    fn nan_or_infinite_bounds_give_no_ticks() {
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(ticks(f64::NEG_INFINITY, f64::INFINITY, 5).is_empty());
    }

    #[test]
    fn huge_counts_are_capped() {
        assert!(ticks(0.0, 1e12, usize::MAX).len() <= MAX_TICKS);
    }

    #[test]
    fn tick_increment_is_negative_for_steps_below_one() {
        assert_eq!(tick_increment(0.0, 1.0, 10), -10.0);
        assert_eq!(tick_increment(0.0, 10.0, 5), 2.0);
        assert!(tick_increment(0.0, 0.0, 5).is_nan());
        assert!(tick_increment(0.0, f64::NAN, 5).is_nan());
    }
}
