//! Short SVG path strings: integer coordinates, relative `l` commands, no needless spaces;
//! one-decimal px numbers. Digits come from `story::format::digits` (no float `format!`,
//! which costs kilobytes of WASM).

use crate::geo::Point;
use story::format::digits::{self, push_int};

/// A number with at most one decimal (`12`, `12.5`, `-0.3`); non-finite values give `0`.
pub fn fmt1(v: f64) -> String {
    let mut s = String::new();
    push1(&mut s, v);
    s
}

/// Appends a number with at most one decimal; non-finite values give `0`.
pub fn push1(s: &mut String, v: f64) {
    crate::svg::push_number(s, v, 1);
}

/// `v` with exactly `decimals` decimals (`0.500`, `0.29297`); non-finite values give `0`.
pub fn fixed(v: f64, decimals: u32) -> String {
    let mut s = String::new();
    if digits::push_fixed(&mut s, v, decimals).is_err() {
        s.push('0');
    }
    s
}

/// Appends `n` after a separator: a space, unless the number starts with `-`.
fn push_sep_int(s: &mut String, v: i64, first: bool) {
    if !first && v >= 0 {
        s.push(' ');
    }
    push_int(s, v);
}

/// The path of a polyline (`closed`: a ring, ending in `z`) in grid units.
pub fn line_d(pts: &[Point], closed: bool) -> String {
    let mut s = String::new();
    let mut it = pts.iter();
    let Some(&[x0, y0]) = it.next() else {
        return s;
    };
    s.push('M');
    push_sep_int(&mut s, i64::from(x0), true);
    push_sep_int(&mut s, i64::from(y0), false);
    let mut prev = [x0, y0];
    let mut first = true;
    let n = pts.len();
    for (i, &[x, y]) in it.enumerate() {
        // A closed ring repeats its first point last: `z` draws that edge.
        if closed && i + 2 == n && [x, y] == [x0, y0] {
            break;
        }
        if first {
            s.push('l');
        }
        push_sep_int(&mut s, i64::from(x) - i64::from(prev[0]), first);
        push_sep_int(&mut s, i64::from(y) - i64::from(prev[1]), false);
        prev = [x, y];
        first = false;
    }
    if closed {
        s.push('z');
    }
    s
}

/// A path through px points with one-decimal coordinates (`M x y L x y ...`).
pub fn polyline_px(pts: &[[f64; 2]]) -> String {
    let mut s = String::new();
    for (i, p) in pts.iter().enumerate() {
        s.push(if i == 0 { 'M' } else { 'L' });
        push1(&mut s, p[0]);
        s.push(' ');
        push1(&mut s, p[1]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_numbers_drop_a_zero_decimal() {
        assert_eq!(fmt1(12.0), "12");
        assert_eq!(fmt1(12.46), "12.5");
        assert_eq!(fmt1(-0.34), "-0.3");
        assert_eq!(fmt1(-0.04), "0");
        assert_eq!(fmt1(f64::NAN), "0");
    }

    #[test]
    fn fixed_numbers_keep_their_decimals_and_nan_gives_zero() {
        assert_eq!(fixed(0.5, 3), "0.500");
        assert_eq!(fixed(f64::NAN, 3), "0");
    }

    #[test]
    fn a_ring_is_relative_and_closed() {
        let d = line_d(&[[10, 20], [15, 20], [15, 10], [10, 20]], true);
        assert_eq!(d, "M10 20l5 0 0-10z");
    }

    #[test]
    fn a_line_keeps_its_last_point() {
        assert_eq!(line_d(&[[1, 1], [3, 0]], false), "M1 1l2-1");
        assert_eq!(line_d(&[], false), "");
    }

    #[test]
    fn a_px_polyline_uses_one_decimal() {
        assert_eq!(polyline_px(&[[1.04, 2.0], [3.25, 4.0]]), "M1 2L3.3 4");
    }
}
