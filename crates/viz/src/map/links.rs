//! Where the link connectors go, computed from the geometry.
//!
//! A link whose place the source does not give is drawn across the two districts' shared
//! border at a representative point of that border (half way along it, moved off any lake)
//! and marked "location not reported"; one whose place has no open coordinate is anchored at
//! the point of the shared border nearest a named place of the GeoJSON (the story's
//! `map.json` says which), marked approximate.

use crate::geo::measure::{in_ring, in_rings, length, nearest_on_line, point_along, to_f, P};
use crate::geo::{arc_index, Feature, GeoMap, Shape};

/// How a link's anchor is chosen: the story's [`story::facts::Anchor`].
pub use story::facts::Anchor as LinkAt;

/// A link between districts `a` and `b` (administrative codes), drawn from `a` to `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpec {
    pub a: u32,
    pub b: u32,
    pub at: LinkAt,
}

/// A connector: from a point in district `a` across the border at `anchor` to a point in
/// district `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub at: LinkAt,
    pub from: P,
    pub anchor: P,
    pub to: P,
}

fn rings_f(map: &GeoMap, f: &Feature) -> Vec<Vec<P>> {
    map.area_rings(f)
        .into_iter()
        .map(|r| r.into_iter().map(to_f).collect())
        .collect()
}

/// The border shared by two area features, as one polyline in `a`'s ring direction: the first
/// run of arcs that both reference. Empty if they share none.
pub fn shared_border(map: &GeoMap, a: &Feature, b: &Feature) -> Vec<P> {
    let in_b: Vec<usize> = GeoMap::rings_of(b)
        .iter()
        .flatten()
        .map(|&r| arc_index(r).0)
        .collect();
    for ring in GeoMap::rings_of(a) {
        let shared: Vec<bool> = ring
            .iter()
            .map(|&r| in_b.contains(&arc_index(r).0))
            .collect();
        let n = shared.len();
        if !shared.iter().any(|&s| s) {
            continue;
        }
        // Start at a shared arc whose predecessor is not shared (or at 0 if all are).
        let start = (0..n)
            .find(|&i| shared.get(i) == Some(&true) && shared.get((i + n - 1) % n) == Some(&false))
            .unwrap_or(0);
        let run: Vec<i32> = (0..n)
            .map(|k| (start + k) % n)
            .take_while(|&i| shared.get(i) == Some(&true))
            .filter_map(|i| ring.get(i).copied())
            .collect();
        return map
            .resolve(&run)
            .unwrap_or_default()
            .into_iter()
            .map(to_f)
            .collect();
    }
    Vec::new()
}

/// The connector for `spec`, in grid units; `None` if a district is missing, the two are one,
/// or they share no border.
pub fn link_geometry(map: &GeoMap, spec: LinkSpec) -> Option<Link> {
    if spec.a == spec.b {
        return None;
    }
    let (_, fa) = map.district(spec.a)?;
    let (_, fb) = map.district(spec.b)?;
    let border = shared_border(map, fa, fb);
    let total = length(&border);
    if total <= 0.0 {
        return None;
    }
    let lakes: Vec<Vec<P>> = map
        .features
        .iter()
        .filter(|f| matches!(f.shape, Shape::Lake { .. }))
        .flat_map(|f| rings_f(map, f))
        .collect();
    let on_land = |p: P| !lakes.iter().any(|l| in_ring(p, l));
    let ra = rings_f(map, fa);
    let rb = rings_f(map, fb);
    let candidates: Vec<f64> = match spec.at {
        LinkAt::SharedBorder => {
            // Half way along; failing that, the nearest point along the border where the
            // anchor and both ends of the connector are on land.
            let mid = total / 2.0;
            let steps = 64;
            (0..=steps)
                .flat_map(|k| {
                    let d = total * f64::from(k) / f64::from(2 * steps);
                    [mid - d, mid + d]
                })
                .collect()
        }
        LinkAt::NearPlace(name) => {
            let place = map.features.iter().find_map(|f| match f.shape {
                Shape::Place { at, .. } if f.name_zh == name => Some(to_f(at)),
                _ => None,
            })?;
            vec![nearest_on_line(place, &border)?.1]
        }
    };
    let reach0 = f64::from(map.width) * 0.04;
    let mut fallback = None;
    for &s in &candidates {
        let Some((anchor, _)) = point_along(&border, s) else {
            continue;
        };
        // The border's direction over a window around the anchor, for a steadier normal.
        let w = total / 12.0;
        let (Some((p0, _)), Some((p1, _))) =
            (point_along(&border, s - w), point_along(&border, s + w))
        else {
            continue;
        };
        let (dx, dy) = (p1[0] - p0[0], p1[1] - p0[1]);
        let len = crate::geo::measure::hypot([dx, dy]);
        let normal = if len > 0.0 {
            [-dy / len, dx / len]
        } else {
            [0.0, 1.0]
        };
        let mut reach = reach0;
        for _ in 0..3 {
            let plus = [anchor[0] + normal[0] * reach, anchor[1] + normal[1] * reach];
            let minus = [anchor[0] - normal[0] * reach, anchor[1] - normal[1] * reach];
            let ends = if in_rings(plus, &ra) && in_rings(minus, &rb) {
                Some((plus, minus))
            } else if in_rings(minus, &ra) && in_rings(plus, &rb) {
                Some((minus, plus))
            } else {
                None
            };
            if let Some((from, to)) = ends {
                if on_land(anchor) && on_land(from) && on_land(to) {
                    return Some(link(spec, from, anchor, to));
                }
                fallback.get_or_insert(link(spec, from, anchor, to));
            }
            reach *= 0.7;
        }
        if fallback.is_none() {
            // A border too wiggly for a straight crossing: keep a short one along the normal.
            let plus = [anchor[0] + normal[0] * reach, anchor[1] + normal[1] * reach];
            let minus = [anchor[0] - normal[0] * reach, anchor[1] - normal[1] * reach];
            fallback = Some(link(spec, plus, anchor, minus));
        }
    }
    fallback
}

fn link(spec: LinkSpec, from: P, anchor: P, to: P) -> Link {
    Link {
        a: spec.a,
        b: spec.b,
        at: spec.at,
        from,
        anchor,
        to,
    }
}
