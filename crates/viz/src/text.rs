//! The one text-width estimate, for laying out text before any font is at hand: chart
//! margins and wrapped notes, map label boxes and collisions, the cli's SVG.
//!
//! Neither plotters' backends nor a view model can measure text, and the reader's font is
//! unknown (PingFang SC, Noto Sans CJK SC, Microsoft YaHei ...). The widths per character
//! class are rounded up from Noto Sans CJK SC's advance widths (mean over the class, regular /
//! bold: capitals 0.636 / 0.668 em, lower case 0.530 / 0.566, digits 0.555 / 0.590, space
//! 0.224 / 0.227; ideographs 1), so boxes err on the wide side: a label a little too far from
//! its neighbour is better than two labels overlapping.
//!
//! This replaced two estimates that disagreed: the chart's (capitals and digits 0.62, all
//! else 0.52, so a space was as wide as a letter) and the map's (digits 0.55, narrower than
//! the bold digits its labels use).

/// Characters set one em wide: CJK ideographs, kana, hangul, full-width forms and punctuation
/// (everything from the CJK radicals block, U+2E80, up).
pub fn is_wide(c: char) -> bool {
    u32::from(c) >= 0x2e80
}

/// Estimated advance width of `text` at `px` pixels per em.
pub fn width(text: &str, px: f64) -> f64 {
    text.chars().map(em_width).sum::<f64>() * px
}

/// Advance width of one character, in ems.
fn em_width(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if c.is_ascii_uppercase() {
        0.66
    } else if c.is_ascii_digit() {
        0.62
    } else if c == ' ' {
        0.3
    } else {
        0.55
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_one_em_per_character() {
        assert_eq!(width("亿亿", 10.0), 20.0);
        assert_eq!(width("吴江区", 12.0), 36.0);
        assert_eq!(width("，", 10.0), 10.0);
    }

    #[test]
    fn latin_is_narrower_than_cjk_and_capitals_wider_than_lower_case() {
        assert!(width("ab", 10.0) < width("亿亿", 10.0));
        assert!(width("AB", 10.0) > width("ab", 10.0));
        assert!(width("a b", 10.0) < width("abc", 10.0));
    }

    #[test]
    fn mixed_text_adds_up_its_characters() {
        let mixed = width("10千伏", 10.0);
        assert!((mixed - (width("10", 10.0) + width("千伏", 10.0))).abs() < 1e-9);
    }

    #[test]
    fn empty_text_has_no_width_and_width_scales_with_size() {
        assert_eq!(width("", 10.0), 0.0);
        assert!((width("Wujiang", 20.0) - 2.0 * width("Wujiang", 10.0)).abs() < 1e-9);
    }

    #[test]
    fn the_wide_range_starts_at_cjk_radicals() {
        assert!(!is_wide('~'));
        assert!(!is_wide('—'));
        assert!(is_wide('\u{2e80}'));
        assert!(is_wide('区'));
        assert!(is_wide('か'));
    }
}
