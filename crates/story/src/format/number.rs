//! Numbers with 万/亿 (zh) or thousands separators and million/billion (en), plus compact ticks.

use crate::config::Lang;
use thiserror::Error;

/// Largest magnitude we format (10^18); beyond it figures are certainly a mistake.
pub const MAX_ABS: f64 = 1e18;

/// Why a number cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FormatError {
    #[error("not a finite number")]
    NotFinite,
    #[error("negative value where only counts make sense")]
    Negative,
    /// Above [`MAX_ABS`] for a figure; 2^64 or more for plain digits.
    #[error("magnitude too large")]
    TooLarge,
}

/// How to group and scale: tiers of (divisor, suffix), ascending, and a thousands separator.
pub(super) struct Style {
    tiers: &'static [(f64, &'static str)],
    sep: Option<char>,
}

const ZH: Style = Style {
    tiers: &[(1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿")],
    sep: None,
};

const EN: Style = Style {
    tiers: &[
        (1.0, ""),
        (1e6, " million"),
        (1e9, " billion"),
        (1e12, " trillion"),
    ],
    sep: Some(','),
};

const EN_COMPACT: Style = Style {
    tiers: &[(1.0, ""), (1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")],
    sep: Some(','),
};

pub(super) fn style(lang: Lang) -> &'static Style {
    lang.pick(&ZH, &EN)
}

/// A number split for rendering: sign, value in hundredths of the tier, tier suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Parts {
    negative: bool,
    hundredths: u64,
    suffix: &'static str,
    sep: Option<char>,
}

impl Parts {
    /// Splits a non-negative value. `whole` rounds unscaled values to integers (counts).
    pub(super) fn of(value: f64, whole: bool, style: &Style) -> Result<Parts, FormatError> {
        let p = Parts::signed(value, whole, style)?;
        if p.negative {
            return Err(FormatError::Negative);
        }
        Ok(p)
    }

    fn signed(value: f64, whole: bool, style: &Style) -> Result<Parts, FormatError> {
        if !value.is_finite() {
            return Err(FormatError::NotFinite);
        }
        let v = value.abs();
        if v > MAX_ABS {
            return Err(FormatError::TooLarge);
        }
        let tiers = style.tiers;
        let mut idx = tiers.iter().rposition(|&(div, _)| v >= div).unwrap_or(0);
        let mut hundredths = round_at(v, tiers, idx, whole);
        // Rounding can reach the next tier (9999.999万 -> 1亿): move up once.
        if let (Some(&(div, _)), Some(&(next, _))) = (tiers.get(idx), tiers.get(idx + 1)) {
            if hundredths as f64 / 100.0 * div >= next {
                idx += 1;
                hundredths = round_at(v, tiers, idx, whole);
            }
        }
        let suffix = tiers.get(idx).map_or("", |&(_, s)| s);
        Ok(Parts {
            negative: value < 0.0 && hundredths != 0,
            hundredths,
            suffix,
            sep: style.sep,
        })
    }

    pub(super) fn has_suffix(&self) -> bool {
        !self.suffix.is_empty()
    }

    pub(super) fn is_one(&self) -> bool {
        self.hundredths == 100 && self.suffix.is_empty()
    }

    pub(super) fn push_to(&self, out: &mut String) {
        if self.negative {
            out.push('−');
        }
        super::digits::push_units(out, self.hundredths, 2, self.sep, true);
        out.push_str(self.suffix);
    }
}

fn round_at(v: f64, tiers: &[(f64, &str)], idx: usize, whole: bool) -> u64 {
    let div = tiers.get(idx).map_or(1.0, |&(d, _)| d);
    // `as` saturates; v <= MAX_ABS keeps every tier far below u64::MAX.
    if idx == 0 && whole {
        v.round() as u64 * 100
    } else {
        (v / div * 100.0).round() as u64
    }
}

fn render(parts: Parts) -> String {
    let mut s = String::new();
    parts.push_to(&mut s);
    s
}

/// A non-negative number for reading: zh "1300", "2.3万", "5亿"; en "1,300", "500 million".
pub fn format_number(value: f64, lang: Lang) -> Result<String, FormatError> {
    Parts::of(value, false, style(lang)).map(render)
}

/// A compact axis label; negative values allowed: zh "2亿", "5000万"; en "200M", "1.5K".
pub fn format_tick(value: f64, lang: Lang) -> Result<String, FormatError> {
    let style = lang.pick(&ZH, &EN_COMPACT);
    Parts::signed(value, false, style).map(render)
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn zh(v: f64) -> String {
        format_number(v, Lang::Zh).unwrap()
    }

    fn en(v: f64) -> String {
        format_number(v, Lang::En).unwrap()
    }

    /// Reads back what `format_number` / `format_tick` wrote.
    fn parse(s: &str) -> f64 {
        let (sign, s) = match s.strip_prefix('−') {
            Some(rest) => (-1.0, rest),
            None => (1.0, s),
        };
        let scales = [
            ("万亿", 1e12),
            ("亿", 1e8),
            ("万", 1e4),
            (" trillion", 1e12),
            (" billion", 1e9),
            (" million", 1e6),
            ("T", 1e12),
            ("B", 1e9),
            ("M", 1e6),
            ("K", 1e3),
        ];
        let (num, mul) = scales
            .iter()
            .find_map(|(suf, m)| s.strip_suffix(suf).map(|n| (n, *m)))
            .unwrap_or((s, 1.0));
        sign * num.replace(',', "").parse::<f64>().unwrap() * mul
    }

    #[test]
    fn zero_is_zero_in_both_languages() {
        assert_eq!(zh(0.0), "0");
        assert_eq!(en(0.0), "0");
        assert_eq!(format_tick(0.0, Lang::En).unwrap(), "0");
    }

    #[test]
    fn negative_zero_is_plain_zero() {
        assert_eq!(zh(-0.0), "0");
        assert_eq!(format_tick(-0.0, Lang::Zh).unwrap(), "0");
    }

    #[test]
    fn zh_below_wan_is_plain_digits_without_separators() {
        assert_eq!(zh(1300.0), "1300");
        assert_eq!(zh(8950.0), "8950");
        assert_eq!(zh(9999.0), "9999");
    }

    #[test]
    fn zh_switches_to_wan_at_ten_thousand() {
        assert_eq!(zh(10000.0), "1万");
        assert_eq!(zh(23000.0), "2.3万");
        assert_eq!(zh(2_000_000.0), "200万");
    }

    #[test]
    fn zh_switches_to_yi_at_one_hundred_million() {
        assert_eq!(zh(99_990_000.0), "9999万");
        assert_eq!(zh(100_000_000.0), "1亿");
        assert_eq!(zh(500_000_000.0), "5亿");
        assert_eq!(zh(90_000_000_000.0), "900亿");
    }

    #[test]
    fn rounding_up_to_the_next_unit_carries_over() {
        assert_eq!(zh(99_999_999.0), "1亿");
        assert_eq!(zh(9999.999), "1万");
        assert_eq!(en(999_999_999.0), "1 billion");
    }

    #[test]
    fn decimals_are_rounded_to_two_places_and_trailing_zeros_dropped() {
        assert_eq!(zh(12_345.0), "1.23万");
        assert_eq!(zh(180.0), "180");
        assert_eq!(zh(2.5), "2.5");
        assert_eq!(en(0.005), "0.01");
        assert_eq!(en(1_234.567), "1,234.57");
    }

    #[test]
    fn very_large_values_use_the_top_unit() {
        assert_eq!(zh(1e12), "1万亿");
        assert_eq!(zh(1e16), "10000万亿");
        assert_eq!(en(1e15), "1,000 trillion");
        assert_eq!(zh(MAX_ABS), "1000000万亿");
    }

    #[test]
    fn values_beyond_the_maximum_are_refused() {
        assert_eq!(format_number(1e19, Lang::Zh), Err(FormatError::TooLarge));
        assert_eq!(format_tick(-1e19, Lang::En), Err(FormatError::TooLarge));
    }

    #[test]
    fn nan_and_infinity_are_refused() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_number(v, Lang::Zh), Err(FormatError::NotFinite));
            assert_eq!(format_tick(v, Lang::En), Err(FormatError::NotFinite));
        }
    }

    #[test]
    fn negative_numbers_are_refused_but_negative_ticks_are_allowed() {
        assert_eq!(format_number(-5.0, Lang::En), Err(FormatError::Negative));
        assert_eq!(format_tick(-200_000_000.0, Lang::Zh).unwrap(), "−2亿");
        assert_eq!(format_tick(-1500.0, Lang::En).unwrap(), "−1.5K");
    }

    #[test]
    fn en_uses_thousands_separators_below_a_million() {
        assert_eq!(en(1300.0), "1,300");
        assert_eq!(en(999_999.0), "999,999");
        assert_eq!(en(2_000_000.0), "2 million");
        assert_eq!(en(500_000_000.0), "500 million");
        assert_eq!(en(90_000_000_000.0), "90 billion");
    }

    #[test]
    fn ticks_are_compact() {
        assert_eq!(format_tick(200_000_000.0, Lang::Zh).unwrap(), "2亿");
        assert_eq!(format_tick(50_000_000.0, Lang::Zh).unwrap(), "5000万");
        assert_eq!(format_tick(1500.0, Lang::Zh).unwrap(), "1500");
        assert_eq!(format_tick(200_000_000.0, Lang::En).unwrap(), "200M");
        assert_eq!(format_tick(90_000_000_000.0, Lang::En).unwrap(), "90B");
        assert_eq!(format_tick(999.0, Lang::En).unwrap(), "999");
        assert_eq!(format_tick(1000.0, Lang::En).unwrap(), "1K");
    }

    proptest! {
        #[test]
        fn formatting_then_reading_back_stays_within_rounding(v in 0.0..1e17f64) {
            for lang in [Lang::Zh, Lang::En] {
                let back = parse(&format_number(v, lang).unwrap());
                // Two decimals of the chosen unit: relative error <= 0.5% once scaled.
                prop_assert!((back - v).abs() <= 0.005 * v.max(1.0), "{v} -> {back}");
            }
        }

        #[test]
        fn integers_below_ten_thousand_round_trip_exactly(n in 0u32..10_000) {
            let v = f64::from(n);
            prop_assert_eq!(parse(&format_number(v, Lang::Zh).unwrap()), v);
            prop_assert_eq!(parse(&format_number(v, Lang::En).unwrap()), v);
        }

        #[test]
        fn formatting_is_monotonic(a in 0.0..1e17f64, b in 0.0..1e17f64) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            for lang in [Lang::Zh, Lang::En] {
                let (l, h) = (
                    parse(&format_number(lo, lang).unwrap()),
                    parse(&format_number(hi, lang).unwrap()),
                );
                prop_assert!(l <= h, "{lo} -> {l}, {hi} -> {h}");
            }
        }

        #[test]
        fn ticks_are_symmetric_around_zero(v in -1e17..1e17f64) {
            for lang in [Lang::Zh, Lang::En] {
                let pos = format_tick(v.abs(), lang).unwrap();
                let neg = format_tick(-v.abs(), lang).unwrap();
                let minus = format!("−{}", pos);
                prop_assert!(neg == pos || neg == minus, "{} vs {}", neg, pos);
                let back = parse(&pos);
                prop_assert!((back - v.abs()).abs() <= 0.005 * v.abs().max(1.0));
            }
        }
    }
}
