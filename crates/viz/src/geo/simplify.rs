//! Visvalingam–Whyatt line simplification: repeatedly drop the vertex whose triangle with its
//! neighbours has the smallest area, until every remaining triangle is at least `min_area`.
//! End points are always kept, so arcs still meet at their junctions. Build step only; also
//! compiled into `build.rs`.

fn area(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

/// Simplifies `points`, keeping the two ends and at least `min_keep` points.
pub fn visvalingam(points: &[[f64; 2]], min_area: f64, min_keep: usize) -> Vec<[f64; 2]> {
    let mut pts = points.to_vec();
    let floor = min_keep.max(2);
    while pts.len() > floor {
        let smallest = pts
            .windows(3)
            .enumerate()
            .filter_map(|(i, w)| match w {
                [a, b, c] => Some((i + 1, area(*a, *b, *c))),
                _ => None,
            })
            .min_by(|x, y| x.1.total_cmp(&y.1));
        match smallest {
            Some((i, a)) if a < min_area => {
                pts.remove(i);
            }
            _ => break,
        }
    }
    pts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collinear_points_are_dropped_and_ends_kept() {
        let line = [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]];
        assert_eq!(visvalingam(&line, 0.1, 2), vec![[0.0, 0.0], [3.0, 0.0]]);
    }

    #[test]
    fn a_big_bump_survives_a_small_threshold() {
        let line = [[0.0, 0.0], [1.0, 5.0], [2.0, 0.0]];
        assert_eq!(visvalingam(&line, 1.0, 2).len(), 3);
        assert_eq!(visvalingam(&line, 10.0, 2).len(), 2);
    }

    #[test]
    fn min_keep_holds_a_closed_ring_open() {
        let ring = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert_eq!(visvalingam(&ring, 1e9, 4).len(), 4);
    }

    #[test]
    fn short_inputs_come_back_unchanged() {
        assert!(visvalingam(&[], 1.0, 2).is_empty());
        assert_eq!(visvalingam(&[[1.0, 1.0]], 1.0, 2), vec![[1.0, 1.0]]);
    }
}
