//! The build step from lon/lat features to a [`GeoMap`]: clip lakes to the map box, find
//! shared arcs on the exact source vertices, project, simplify each arc once, quantise to the
//! integer grid, and place district labels. Pure and deterministic; `build.rs` runs it on
//! `data/geo/demo-zone.geojson` (also compiled there via `#[path]`).

use crate::geo::clip::clip_ring;
use crate::geo::measure::{pole_of_inaccessibility, to_f, P};
use crate::geo::model::{Feature, GeoMap, PlaceRole, Point, Shape};
use crate::geo::simplify::visvalingam;
use crate::geo::topology::{self, Key, PathKind};
use crate::projection::Projection;

/// A feature as read from the GeoJSON, coordinates in degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFeature {
    pub name_zh: String,
    pub name_en: String,
    pub kind: SourceKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SourceKind {
    Province {
        rings: Vec<Vec<[f64; 2]>>,
    },
    District {
        code: u32,
        rings: Vec<Vec<[f64; 2]>>,
    },
    Lake {
        rings: Vec<Vec<[f64; 2]>>,
    },
    Border {
        line: Vec<[f64; 2]>,
    },
    /// `district` is the `name_zh` of the district the point lies in.
    Place {
        role: PlaceRole,
        district: String,
        at: [f64; 2],
    },
}

/// Knobs of the build step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The map box `[[west, south], [east, north]]` in degrees; lakes are clipped to it.
    pub bounds: [[f64; 2]; 2],
    /// Grid width (the height follows from the box's aspect).
    pub grid: u32,
    /// The drawing width the simplification aims at, in px.
    pub target_px: f64,
    /// Smallest triangle kept by Visvalingam, in px² at `target_px`.
    pub min_area_px2: f64,
}

/// How many vertices the build kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    pub source_points: usize,
    pub arcs: usize,
    pub arc_points: usize,
}

const E5: f64 = 1e5;

fn key(p: [f64; 2]) -> Key {
    [(p[0] * E5).round() as i64, (p[1] * E5).round() as i64]
}

fn unkey(k: Key) -> [f64; 2] {
    [k[0] as f64 / E5, k[1] as f64 / E5]
}

/// Builds the map. Errors name what is wrong with the input.
pub fn build_map(features: &[SourceFeature], opt: Options) -> Result<(GeoMap, Stats), String> {
    let [[w, s], [e, n]] = opt.bounds;
    let base = Projection::new((w + e) / 2.0, (s + n) / 2.0);
    let aspect = base.aspect(opt.bounds);
    if !(aspect.is_finite() && aspect > 0.0) {
        return Err("map bounds are empty".into());
    }
    let width = opt.grid;
    let height = (f64::from(width) / aspect).round() as u32;
    let projection = base.fit_extent(
        [[0.0, 0.0], [f64::from(width), f64::from(height)]],
        opt.bounds,
    );
    let mut stats = Stats::default();

    // Every ring and line, in feature order, as exact keys; remember which paths each feature
    // owns.
    let mut paths: Vec<(PathKind, Vec<Key>)> = Vec::new();
    let mut owned: Vec<std::ops::Range<usize>> = Vec::new();
    for f in features {
        let start = paths.len();
        match &f.kind {
            SourceKind::Province { rings } | SourceKind::District { rings, .. } => {
                for r in rings {
                    stats.source_points += r.len();
                    paths.push((PathKind::Ring, r.iter().map(|&p| key(p)).collect()));
                }
            }
            SourceKind::Lake { rings } => {
                for r in rings {
                    stats.source_points += r.len();
                    let clipped = clip_ring(r, opt.bounds);
                    if clipped.len() >= 3 {
                        paths.push((PathKind::Ring, clipped.iter().map(|&p| key(p)).collect()));
                    }
                }
            }
            SourceKind::Border { line } => {
                stats.source_points += line.len();
                paths.push((PathKind::Line, line.iter().map(|&p| key(p)).collect()));
            }
            SourceKind::Place { .. } => stats.source_points += 1,
        }
        owned.push(start..paths.len());
    }

    let topo = topology::build(&paths);
    let scale = f64::from(width) / opt.target_px;
    let min_area = opt.min_area_px2 * scale * scale;
    let mut arcs: Vec<Vec<Point>> = Vec::with_capacity(topo.arcs.len());
    for arc in &topo.arcs {
        let closed = arc.len() > 2 && arc.first() == arc.last();
        let projected: Vec<P> = arc.iter().map(|&k| projection.apply(unkey(k))).collect();
        let kept = visvalingam(&projected, min_area, if closed { 4 } else { 2 });
        let mut q: Vec<Point> = Vec::with_capacity(kept.len());
        let last = kept.len().saturating_sub(1);
        for (i, p) in kept.iter().enumerate() {
            let pt = [
                (p[0].round() as i32).clamp(0, width as i32),
                (p[1].round() as i32).clamp(0, height as i32),
            ];
            // Drop quantised duplicates, but never an end point.
            if q.last() == Some(&pt) && i != last {
                continue;
            }
            if i == last && q.len() >= 2 && q.last() == Some(&pt) {
                q.pop();
            }
            q.push(pt);
        }
        if q.len() < 2 {
            q.push(q.first().copied().unwrap_or([0, 0]));
        }
        stats.arc_points += q.len();
        arcs.push(q);
    }
    stats.arcs = arcs.len();

    let refs_of = |range: &std::ops::Range<usize>| -> Vec<Vec<i32>> {
        range
            .clone()
            .filter_map(|i| topo.refs.get(i).cloned())
            .filter(|r| !r.is_empty())
            .collect()
    };
    let mut map = GeoMap {
        width,
        height,
        projection,
        arcs,
        features: Vec::new(),
    };
    for (f, range) in features.iter().zip(&owned) {
        let shape = match &f.kind {
            SourceKind::Province { .. } => Shape::Province {
                rings: refs_of(range),
            },
            SourceKind::District { code, .. } => Shape::District {
                code: *code,
                rings: refs_of(range),
                label: [0, 0],
            },
            SourceKind::Lake { .. } => Shape::Lake {
                rings: refs_of(range),
            },
            SourceKind::Border { .. } => Shape::Border {
                line: refs_of(range).into_iter().flatten().collect(),
            },
            SourceKind::Place { role, district, at } => {
                let d = features
                    .iter()
                    .position(|g| {
                        matches!(g.kind, SourceKind::District { .. }) && g.name_zh == *district
                    })
                    .ok_or_else(|| format!("place {}: no district named {district}", f.name_zh))?;
                let p = projection.apply(*at);
                Shape::Place {
                    role: *role,
                    district: d as u32,
                    at: [p[0].round() as i32, p[1].round() as i32],
                }
            }
        };
        map.features.push(Feature {
            name_zh: f.name_zh.clone(),
            name_en: f.name_en.clone(),
            shape,
        });
    }

    // District labels: inside the simplified district, off the lakes, far from the edges.
    let lakes: Vec<Vec<P>> = map
        .features
        .iter()
        .filter(|f| matches!(f.shape, Shape::Lake { .. }))
        .flat_map(|f| map.area_rings(f))
        .map(|r| r.into_iter().map(to_f).collect())
        .collect();
    let dots: Vec<P> = map
        .features
        .iter()
        .filter_map(|f| match f.shape {
            Shape::Place { at, .. } => Some(to_f(at)),
            _ => None,
        })
        .collect();
    let labels: Vec<Option<Point>> = map
        .features
        .iter()
        .map(|f| match f.shape {
            Shape::District { .. } => {
                let area: Vec<Vec<P>> = map
                    .area_rings(f)
                    .into_iter()
                    .map(|r| r.into_iter().map(to_f).collect())
                    .collect();
                pole_of_inaccessibility(&area, &lakes, &dots)
                    .map(|p| [p[0].round() as i32, p[1].round() as i32])
            }
            _ => None,
        })
        .collect();
    for (f, l) in map.features.iter_mut().zip(labels) {
        if let (Shape::District { label, .. }, Some(p)) = (&mut f.shape, l) {
            *label = p;
        }
    }
    Ok((map, stats))
}
