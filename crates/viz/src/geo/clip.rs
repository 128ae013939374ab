//! Sutherland–Hodgman clipping of a ring to an axis-aligned box. Build step only (the WASM
//! never clips); also compiled into `build.rs`.

/// Clips the closed ring `ring` (first point not repeated) to the box `[[x0, y0], [x1, y1]]`.
/// The result may be empty; edges along the box are kept, which is right for filled areas.
pub fn clip_ring(ring: &[[f64; 2]], b: [[f64; 2]; 2]) -> Vec<[f64; 2]> {
    let [[x0, y0], [x1, y1]] = b;
    let mut out = ring.to_vec();
    // (axis, limit, keep values greater than the limit)
    for (axis, limit, keep_above) in [(0, x0, true), (0, x1, false), (1, y0, true), (1, y1, false)]
    {
        let inside = |p: &[f64; 2]| {
            let v = if axis == 0 { p[0] } else { p[1] };
            if keep_above {
                v >= limit
            } else {
                v <= limit
            }
        };
        let cross = |a: [f64; 2], b: [f64; 2]| {
            let (va, vb) = if axis == 0 {
                (a[0], b[0])
            } else {
                (a[1], b[1])
            };
            let t = (limit - va) / (vb - va);
            let mut p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
            if axis == 0 {
                p[0] = limit;
            } else {
                p[1] = limit;
            }
            p
        };
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            return out;
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(&prev), inside(&cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross(prev, cur)),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_inside_the_box_is_unchanged() {
        let r = vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0]];
        assert_eq!(clip_ring(&r, [[0.0, 0.0], [5.0, 5.0]]), r);
    }

    #[test]
    fn a_ring_across_the_west_edge_is_cut_on_that_edge() {
        let r = vec![[-2.0, 1.0], [2.0, 1.0], [2.0, 3.0], [-2.0, 3.0]];
        let c = clip_ring(&r, [[0.0, 0.0], [5.0, 5.0]]);
        assert!(c.iter().all(|p| p[0] >= 0.0));
        assert_eq!(c.iter().filter(|p| p[0] == 0.0).count(), 2);
    }

    #[test]
    fn a_ring_outside_the_box_vanishes() {
        let r = vec![[-3.0, 1.0], [-2.0, 1.0], [-2.0, 3.0]];
        assert!(clip_ring(&r, [[0.0, 0.0], [5.0, 5.0]]).is_empty());
        assert!(clip_ring(&[], [[0.0, 0.0], [5.0, 5.0]]).is_empty());
    }
}
