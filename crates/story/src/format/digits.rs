//! The one digit writer: every number the project writes (figures, dates, SVG coordinates,
//! CSV cells, messages) ends up here.
//!
//! It pushes ASCII digits itself and never goes through core's float `Display` or `format!`
//! on a float, which would link several KiB of float formatting code into the WASM
//! (docs/architecture.md). A float is first rounded to a whole count of 10^-decimals units
//! ([`round`]); the units are then written as digits ([`push_units`]).

use super::FormatError;

/// Most decimals any writer asks for: 10^18 still fits a `u64`.
pub const MAX_DECIMALS: u32 = 18;

/// Appends `n` in decimal: `0`, `18446744073709551615`.
pub fn push_uint(out: &mut String, n: u64) {
    push_padded(out, n, 1);
}

/// Appends `n` in decimal, left-padded with zeros to `width` digits: `007`, `2020`.
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let (buf, start) = digits_of(n);
    let digits = buf.get(start..).unwrap_or(&[]);
    for _ in digits.len()..width {
        out.push('0');
    }
    for &b in digits {
        out.push(char::from(b));
    }
}

/// Appends `v` with an ASCII minus (SVG, CSS and CSV want `-`, not `−`): `-120`.
pub fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    push_uint(out, v.unsigned_abs());
}

/// Appends `n` with `sep` between groups of three digits, if any: `1,300`, `1300`.
pub fn push_grouped(out: &mut String, n: u64, sep: Option<char>) {
    let (buf, start) = digits_of(n);
    let digits = buf.get(start..).unwrap_or(&[]);
    for (i, &b) in digits.iter().enumerate() {
        let left = digits.len() - i;
        if let Some(c) = sep {
            if i > 0 && left % 3 == 0 {
                out.push(c);
            }
        }
        out.push(char::from(b));
    }
}

/// Appends `units / 10^decimals`: the whole part (grouped with `sep`), then the decimals,
/// all of them, or only up to the last non-zero one when `trim` (no point if none is left).
pub fn push_units(out: &mut String, units: u64, decimals: u32, sep: Option<char>, trim: bool) {
    let decimals = decimals.min(MAX_DECIMALS);
    let unit = 10u64.pow(decimals);
    push_grouped(out, units / unit, sep);
    let mut frac = units % unit;
    let mut width = decimals as usize;
    if trim {
        if frac == 0 {
            return;
        }
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
    }
    if width > 0 {
        out.push('.');
        push_padded(out, frac, width);
    }
}

/// A float rounded for writing: `units` of 10^-`decimals`, and its sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounded {
    /// True only when the rounded value is below zero: -0.04 to one decimal is plain `0`.
    pub negative: bool,
    pub units: u64,
    pub decimals: u32,
}

/// `v` rounded half away from zero to `decimals` places (at most [`MAX_DECIMALS`]).
///
/// Where `|v| × 10^decimals` would not fit a `u64` (from about 1.8e13 at six decimals), fewer
/// decimals are kept: an `f64` that large has no such decimals to give. Refuses NaN and the
/// infinities, and magnitudes of 2^64 (about 1.8e19) and more, which do not fit even whole.
pub fn round(v: f64, decimals: u32) -> Result<Rounded, FormatError> {
    if !v.is_finite() {
        return Err(FormatError::NotFinite);
    }
    // 2^64 is exact in f64; `as u64` below saturates, so stay strictly under it.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    let mut decimals = decimals.min(MAX_DECIMALS);
    loop {
        let scaled = (v.abs() * 10u64.pow(decimals) as f64).round();
        if scaled < LIMIT {
            return Ok(Rounded {
                negative: v < 0.0 && scaled != 0.0,
                units: scaled as u64,
                decimals,
            });
        }
        if decimals == 0 {
            return Err(FormatError::TooLarge);
        }
        decimals -= 1;
    }
}

/// Appends `v` with at most `decimals` decimals, trailing zeros dropped, ASCII minus:
/// `12.5`, `-0.3`, `500000000`. Writes nothing on error.
pub fn push_decimal(out: &mut String, v: f64, decimals: u32) -> Result<(), FormatError> {
    push_rounded(out, round(v, decimals)?, true);
    Ok(())
}

/// Appends `v` with exactly `decimals` decimals, ASCII minus: `0.500`, `0.29297`.
/// Writes nothing on error.
pub fn push_fixed(out: &mut String, v: f64, decimals: u32) -> Result<(), FormatError> {
    push_rounded(out, round(v, decimals)?, false);
    Ok(())
}

fn push_rounded(out: &mut String, r: Rounded, trim: bool) {
    if r.negative {
        out.push('-');
    }
    push_units(out, r.units, r.decimals, None, trim);
}

/// The ASCII digits of `n`, right-aligned in a buffer, and where they start.
fn digits_of(n: u64) -> ([u8; 20], usize) {
    let mut buf = [b'0'; 20];
    let mut start = buf.len();
    let mut n = n;
    while let Some(slot) = start.checked_sub(1).and_then(|i| buf.get_mut(i)) {
        *slot = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    (buf, start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    fn decimal(v: f64, decimals: u32) -> String {
        with(|s| push_decimal(s, v, decimals).unwrap())
    }

    fn fixed(v: f64, decimals: u32) -> String {
        with(|s| push_fixed(s, v, decimals).unwrap())
    }

    #[test]
    fn unsigned_integers_print_like_display_from_zero_to_the_largest() {
        for n in [0, 7, 10, 4096, 1_000_000, u64::MAX] {
            assert_eq!(with(|s| push_uint(s, n)), n.to_string());
        }
    }

    #[test]
    fn signed_integers_print_like_display_including_the_smallest() {
        for v in [0, 7, -7, -120, i64::MAX, i64::MIN] {
            assert_eq!(with(|s| push_int(s, v)), v.to_string());
        }
    }

    #[test]
    fn padding_fills_with_zeros_and_never_cuts() {
        assert_eq!(with(|s| push_padded(s, 7, 3)), "007");
        assert_eq!(with(|s| push_padded(s, 0, 2)), "00");
        assert_eq!(with(|s| push_padded(s, 2020, 2)), "2020");
        assert_eq!(with(|s| push_padded(s, 0, 0)), "0");
    }

    #[test]
    fn grouping_puts_a_separator_every_three_digits_from_the_right() {
        assert_eq!(with(|s| push_grouped(s, 0, Some(','))), "0");
        assert_eq!(with(|s| push_grouped(s, 999, Some(','))), "999");
        assert_eq!(with(|s| push_grouped(s, 1300, Some(','))), "1,300");
        assert_eq!(with(|s| push_grouped(s, 1_234_567, Some(','))), "1,234,567");
        assert_eq!(
            with(|s| push_grouped(s, u64::MAX, Some(','))),
            "18,446,744,073,709,551,615"
        );
        assert_eq!(with(|s| push_grouped(s, 1_234_567, None)), "1234567");
    }

    #[test]
    fn units_keep_or_trim_their_decimals() {
        assert_eq!(
            with(|s| push_units(s, 123_450, 2, Some(','), true)),
            "1,234.5"
        );
        assert_eq!(with(|s| push_units(s, 123_450, 2, None, false)), "1234.50");
        assert_eq!(with(|s| push_units(s, 500, 2, None, true)), "5");
        assert_eq!(with(|s| push_units(s, 5, 3, None, false)), "0.005");
        assert_eq!(with(|s| push_units(s, 42, 0, None, false)), "42");
    }

    #[test]
    fn zero_and_negative_zero_are_plain_zero() {
        assert_eq!(decimal(0.0, 2), "0");
        assert_eq!(decimal(-0.0, 2), "0");
        assert_eq!(fixed(-0.0, 2), "0.00");
        // Rounds to zero: no minus sign on a zero.
        assert_eq!(decimal(-0.04, 1), "0");
    }

    #[test]
    fn negatives_take_an_ascii_minus() {
        assert_eq!(decimal(-3.0, 6), "-3");
        assert_eq!(decimal(-0.34, 1), "-0.3");
        assert_eq!(fixed(-1.0, 2), "-1.00");
    }

    #[test]
    fn decimals_round_half_away_from_zero_and_drop_trailing_zeros() {
        assert_eq!(decimal(12.46, 1), "12.5");
        assert_eq!(decimal(12.0, 1), "12");
        assert_eq!(decimal(2.5, 6), "2.5");
        assert_eq!(decimal(0.000_001, 6), "0.000001");
        assert_eq!(decimal(0.000_000_4, 6), "0");
        assert_eq!(decimal(-2.5, 0), "-3");
    }

    #[test]
    fn rounding_carries_into_the_whole_part() {
        assert_eq!(decimal(9.996, 2), "10");
        assert_eq!(decimal(99.95, 1), "100");
        assert_eq!(fixed(0.9999, 3), "1.000");
        assert_eq!(decimal(-9.999_999_9, 6), "-10");
        // 9.995 is stored as 9.99499999999999957…: it rounds down, as core's Display does.
        assert_eq!(decimal(9.995, 2), format!("{:.2}", 9.995));
    }

    #[test]
    fn fixed_keeps_every_decimal() {
        assert_eq!(fixed(0.5, 3), "0.500");
        assert_eq!(fixed(0.0421, 3), "0.042");
        assert_eq!(fixed(0.292_968_75, 5), "0.29297");
        assert_eq!(fixed(1.0, 0), "1");
    }

    #[test]
    fn wan_and_yi_boundaries_are_written_in_full() {
        assert_eq!(decimal(9_999.0, 6), "9999");
        assert_eq!(decimal(10_000.0, 6), "10000");
        assert_eq!(decimal(99_999_999.0, 6), "99999999");
        assert_eq!(decimal(100_000_000.0, 6), "100000000");
        assert_eq!(decimal(12_345.0, 6), "12345");
    }

    #[test]
    fn huge_values_keep_their_whole_part_and_give_up_decimals() {
        assert_eq!(decimal(1e14, 6), "100000000000000");
        assert_eq!(decimal(9e18, 6), "9000000000000000000");
        assert_eq!(decimal(1e18, 18), "1000000000000000000");
        assert_eq!(round(1e14, 6).unwrap().decimals, 5);
    }

    #[test]
    fn values_beyond_u64_nan_and_infinity_are_refused_and_write_nothing() {
        for (v, e) in [
            (f64::NAN, FormatError::NotFinite),
            (f64::INFINITY, FormatError::NotFinite),
            (f64::NEG_INFINITY, FormatError::NotFinite),
            (2e19, FormatError::TooLarge),
            (-1e300, FormatError::TooLarge),
        ] {
            let mut s = String::new();
            assert_eq!(push_decimal(&mut s, v, 2), Err(e));
            assert_eq!(push_fixed(&mut s, v, 2), Err(e));
            assert_eq!(s, "");
        }
    }

    #[test]
    fn more_decimals_than_fit_are_capped() {
        assert_eq!(round(0.5, 40).unwrap().decimals, MAX_DECIMALS);
        assert_eq!(decimal(0.5, 40), "0.5");
    }

    proptest! {
        #[test]
        fn decimals_read_back_within_half_a_unit(v in -1e12..1e12f64, d in 0u32..7) {
            let s = decimal(v, d);
            let back: f64 = s.parse().unwrap();
            let half = 0.5 / 10f64.powi(d as i32);
            // Half a unit, plus the float error of scaling by 10^d.
            prop_assert!((back - v).abs() <= half + v.abs() * 1e-15, "{v} -> {s}");
        }

        #[test]
        fn decimals_typed_by_hand_come_back_unchanged(n in -10_000_000i64..10_000_000, d in 0u32..4) {
            // What an editor types (a few decimals) survives exactly.
            let text = with(|s| push_units(s, n.unsigned_abs(), d, None, true));
            let text = if n < 0 { format!("-{text}") } else { text };
            let v: f64 = text.parse().unwrap();
            prop_assert_eq!(decimal(v, 6), text);
        }

        #[test]
        fn grouping_only_adds_separators(n in any::<u64>()) {
            let grouped = with(|s| push_grouped(s, n, Some(',')));
            prop_assert_eq!(grouped.replace(',', ""), n.to_string());
        }
    }
}
