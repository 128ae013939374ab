//! Plane geometry on map points: point in polygon, distances, lengths along a line, and the
//! pole of inaccessibility used for district labels. Also compiled into `build.rs`.

/// A point in map units, as floats.
pub type P = [f64; 2];

pub fn to_f(p: [i32; 2]) -> P {
    [f64::from(p[0]), f64::from(p[1])]
}

fn sub(a: P, b: P) -> P {
    [a[0] - b[0], a[1] - b[1]]
}

/// The length of `a`. Plain `sqrt(x² + y²)`, not `f64::hypot`: hypot guards against overflow
/// far beyond map coordinates and links libm's 1.4 KB implementation into the WASM (sqrt is
/// one instruction).
pub fn hypot(a: P) -> f64 {
    (a[0] * a[0] + a[1] * a[1]).sqrt()
}

/// Whether `p` is inside the closed ring `ring` (first point need not repeat), by ray casting.
pub fn in_ring(p: P, ring: &[P]) -> bool {
    let mut inside = false;
    let mut prev = match ring.last() {
        Some(&q) => q,
        None => return false,
    };
    for &q in ring {
        if (q[1] > p[1]) != (prev[1] > p[1]) {
            let x = prev[0] + (p[1] - prev[1]) / (q[1] - prev[1]) * (q[0] - prev[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
        prev = q;
    }
    inside
}

/// Even-odd point in polygon over several rings (outer rings and holes alike).
pub fn in_rings(p: P, rings: &[Vec<P>]) -> bool {
    rings.iter().filter(|r| in_ring(p, r)).count() % 2 == 1
}

/// The point of segment `a`–`b` nearest to `p`, and where along it (0..1).
pub fn nearest_on_segment(p: P, a: P, b: P) -> (P, f64) {
    let d = sub(b, a);
    let len2 = d[0] * d[0] + d[1] * d[1];
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ([a[0] + t * d[0], a[1] + t * d[1]], t)
}

/// Distance from `p` to the nearest edge of any ring (rings are closed).
pub fn distance_to_rings(p: P, rings: &[Vec<P>]) -> f64 {
    let mut best = f64::INFINITY;
    for ring in rings {
        let Some(&last) = ring.last() else { continue };
        let mut prev = last;
        for &q in ring {
            let (n, _) = nearest_on_segment(p, prev, q);
            best = best.min(hypot(sub(p, n)));
            prev = q;
        }
    }
    best
}

/// Length of an open polyline.
pub fn length(line: &[P]) -> f64 {
    line.windows(2)
        .map(|w| match w {
            [a, b] => hypot(sub(*b, *a)),
            _ => 0.0,
        })
        .sum()
}

/// The point at distance `s` along `line` (clamped to its ends) and the unit tangent there.
pub fn point_along(line: &[P], s: f64) -> Option<(P, P)> {
    let mut left = s.max(0.0);
    let mut last = None;
    for w in line.windows(2) {
        let [a, b] = match w {
            [a, b] => [*a, *b],
            _ => continue,
        };
        let seg = hypot(sub(b, a));
        if seg == 0.0 {
            continue;
        }
        let tangent = [(b[0] - a[0]) / seg, (b[1] - a[1]) / seg];
        if left <= seg {
            let t = left / seg;
            return Some((
                [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])],
                tangent,
            ));
        }
        left -= seg;
        last = Some((b, tangent));
    }
    last
}

/// The point of `line` nearest to `p` and its distance along the line.
pub fn nearest_on_line(p: P, line: &[P]) -> Option<(P, f64)> {
    let mut best: Option<(P, f64, f64)> = None;
    let mut walked = 0.0;
    for w in line.windows(2) {
        let [a, b] = match w {
            [a, b] => [*a, *b],
            _ => continue,
        };
        let (n, t) = nearest_on_segment(p, a, b);
        let d = hypot(sub(p, n));
        let seg = hypot(sub(b, a));
        if best.is_none_or(|(_, _, bd)| d < bd) {
            best = Some((n, walked + t * seg, d));
        }
        walked += seg;
    }
    best.map(|(n, s, _)| (n, s))
}

/// The point inside `area` (even-odd rings), outside every ring of `holes`, farthest from all
/// their edges and from the points `avoid`: a grid search refined three times. `None` if no
/// grid point qualifies.
pub fn pole_of_inaccessibility(area: &[Vec<P>], holes: &[Vec<P>], avoid: &[P]) -> Option<P> {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for p in area.iter().flatten() {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    if !(lo[0] < hi[0] && lo[1] < hi[1]) {
        return None;
    }
    let score = |p: P| {
        if !in_rings(p, area) || holes.iter().any(|h| in_ring(p, h)) {
            return f64::NEG_INFINITY;
        }
        let near = avoid
            .iter()
            .map(|q| hypot(sub(p, *q)))
            .fold(f64::INFINITY, f64::min);
        distance_to_rings(p, area)
            .min(distance_to_rings(p, holes))
            .min(near)
    };
    const N: usize = 48;
    let mut best: Option<(P, f64)> = None;
    let mut step = [(hi[0] - lo[0]) / N as f64, (hi[1] - lo[1]) / N as f64];
    let mut origin = lo;
    let mut span = N;
    for _ in 0..4 {
        for i in 0..=span {
            for j in 0..=span {
                let p = [
                    origin[0] + i as f64 * step[0],
                    origin[1] + j as f64 * step[1],
                ];
                let s = score(p);
                if s.is_finite() && best.is_none_or(|(_, b)| s > b) {
                    best = Some((p, s));
                }
            }
        }
        let (c, _) = best?;
        // Refine around the best point: a 2-step window at a quarter of the step.
        origin = [c[0] - step[0], c[1] - step[1]];
        step = [step[0] / 4.0, step[1] / 4.0];
        span = 8;
    }
    best.map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<P> {
        vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]
    }

    #[test]
    fn a_point_inside_a_square_is_inside() {
        assert!(in_ring([5.0, 5.0], &square()));
        assert!(!in_ring([15.0, 5.0], &square()));
        assert!(!in_ring([5.0, 5.0], &[]));
    }

    #[test]
    fn a_hole_excludes_its_inside_under_even_odd() {
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let rings = vec![square(), hole];
        assert!(!in_rings([5.0, 5.0], &rings));
        assert!(in_rings([2.0, 2.0], &rings));
    }

    #[test]
    fn distance_to_a_square_edge() {
        assert!((distance_to_rings([5.0, 3.0], &[square()]) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn point_along_a_bent_line_walks_both_segments() {
        let line = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(length(&line), 20.0);
        let (p, t) = point_along(&line, 15.0).unwrap();
        assert_eq!(p, [10.0, 5.0]);
        assert_eq!(t, [0.0, 1.0]);
        // Past the end clamps to the last point.
        assert_eq!(point_along(&line, 99.0).unwrap().0, [10.0, 10.0]);
        assert!(point_along(&[[1.0, 1.0]], 0.0).is_none());
    }

    #[test]
    fn nearest_on_line_projects_onto_the_closest_segment() {
        let line = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        let (p, s) = nearest_on_line([12.0, 7.0], &line).unwrap();
        assert_eq!(p, [10.0, 7.0]);
        assert_eq!(s, 17.0);
    }

    #[test]
    fn the_pole_of_a_square_is_its_centre_and_avoids_holes() {
        let p = pole_of_inaccessibility(&[square()], &[], &[]).unwrap();
        assert!((p[0] - 5.0).abs() < 0.2 && (p[1] - 5.0).abs() < 0.2);
        let lake = vec![[3.0, 3.0], [7.0, 3.0], [7.0, 7.0], [3.0, 7.0]];
        let q = pole_of_inaccessibility(&[square()], std::slice::from_ref(&lake), &[]).unwrap();
        assert!(!in_ring(q, &lake));
        assert!(in_ring(q, &square()));
    }

    #[test]
    fn the_pole_keeps_away_from_points_to_avoid() {
        let q = pole_of_inaccessibility(&[square()], &[], &[[5.0, 5.0]]).unwrap();
        assert!((q[0] - 5.0).hypot(q[1] - 5.0) > 1.0);
    }

    #[test]
    fn the_pole_of_an_empty_area_is_none() {
        assert!(pole_of_inaccessibility(&[], &[], &[]).is_none());
    }
}
