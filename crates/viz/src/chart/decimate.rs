//! A long line drawn with the vertices its pixels need. A line of 5,000 points over a few
//! hundred pixel columns draws as many segments as there are points, nearly all of them inside
//! one column; the canvas pays for each. Per column, the first, lowest, highest and last point
//! (in their order: "M4") draw the same pixels as all of them, so the line keeps its shape, its
//! first and last points and every spike. Only the drawing is decimated: the table, the CSV and
//! keyboard stepping keep every point.

/// Indices of the points of the polyline `points` (pixel positions, x not decreasing) to draw:
/// for each run of consecutive points in one pixel column (`floor(x)`), its first, lowest,
/// highest and last point, in their original order and each once. Keeps everything when no
/// two points share a column.
pub fn per_column(points: &[(f64, f64)]) -> Vec<usize> {
    let mut kept = Vec::with_capacity(points.len().min(4096));
    let mut start = 0;
    while start < points.len() {
        let column = points.get(start).map_or(0.0, |p| p.0.floor());
        let mut end = start + 1;
        let (mut low, mut high) = (start, start);
        while let Some(p) = points.get(end) {
            if p.0.floor() != column {
                break;
            }
            let y = |i: usize| points.get(i).map_or(p.1, |q| q.1);
            if p.1 < y(low) {
                low = end;
            }
            if p.1 > y(high) {
                high = end;
            }
            end += 1;
        }
        let mut run = [start, low, high, end - 1];
        run.sort_unstable();
        for i in run {
            if kept.last() != Some(&i) {
                kept.push(i);
            }
        }
        start = end;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rising, noisy line of `n` points over `width` pixels.
    fn noisy(n: usize, width: f64) -> Vec<(f64, f64)> {
        let mut state: u32 = 7;
        (0..n)
            .map(|i| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let noise = f64::from(state >> 16) / 65_536.0 * 40.0;
                (i as f64 * width / n as f64, 300.0 - i as f64 * 0.05 + noise)
            })
            .collect()
    }

    #[test]
    fn sparse_points_are_all_kept() {
        let pts = [(0.0, 5.0), (10.0, 1.0), (20.0, 9.0)];
        assert_eq!(per_column(&pts), [0, 1, 2]);
    }

    #[test]
    fn nothing_in_nothing_out_and_one_point_stays() {
        assert!(per_column(&[]).is_empty());
        assert_eq!(per_column(&[(3.5, 2.0)]), [0]);
    }

    #[test]
    fn a_long_line_keeps_at_most_four_points_a_column() {
        let pts = noisy(5000, 330.0);
        let kept = per_column(&pts);
        assert!(kept.len() <= 4 * 331, "{}", kept.len());
        assert!(kept.len() >= 330, "{}", kept.len());
    }

    #[test]
    fn the_first_and_last_points_stay() {
        let pts = noisy(5000, 330.0);
        let kept = per_column(&pts);
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&4999));
    }

    #[test]
    fn every_columns_extremes_stay_in_order() {
        let pts = noisy(5000, 330.0);
        let kept = per_column(&pts);
        assert!(kept.windows(2).all(|w| w[0] < w[1]), "in order, each once");
        for column in 0..330 {
            let c = f64::from(column);
            let in_column = |i: &usize| pts[*i].0.floor() == c;
            let all: Vec<f64> = (0..pts.len()).filter(in_column).map(|i| pts[i].1).collect();
            let drawn: Vec<f64> = kept
                .iter()
                .filter(|i| in_column(i))
                .map(|&i| pts[i].1)
                .collect();
            let lo = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert_eq!(lo(&drawn), lo(&all), "column {column}");
            assert_eq!(hi(&drawn), hi(&all), "column {column}");
        }
    }

    #[test]
    fn a_spike_inside_a_column_is_drawn() {
        let mut pts: Vec<(f64, f64)> = (0..100).map(|i| (10.0 + i as f64 / 200.0, 50.0)).collect();
        pts[37].1 = 2.0;
        pts[61].1 = 90.0;
        assert_eq!(per_column(&pts), [0, 37, 61, 99]);
    }

    #[test]
    fn not_a_number_positions_do_not_panic() {
        let pts = [(f64::NAN, 1.0), (f64::NAN, f64::NAN), (2.0, 3.0)];
        let kept = per_column(&pts);
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&2));
    }
}
