//! Reads a story's GeoJSON (the form of `data/geo/demo-zone.geojson`, see `data/geo/README.md`)
//! into pipeline features. Build step
//! only: `serde_json` is a build-dependency and never reaches the WASM.

use crate::model::PlaceRole;
use crate::pipeline::{Options, SourceFeature, SourceKind};
use serde_json::Value;

static NULL: Value = Value::Null;

/// `v[name]` without the panicking `Index` (absent fields read as null).
fn field<'a>(v: &'a Value, name: &str) -> &'a Value {
    v.get(name).unwrap_or(&NULL)
}

fn position(v: &Value) -> Result<[f64; 2], String> {
    match v.as_array().map(Vec::as_slice) {
        Some([x, y, ..]) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => Ok([x, y]),
            _ => Err("position is not numeric".into()),
        },
        _ => Err("position is not an array of two numbers".into()),
    }
}

fn line(v: &Value) -> Result<Vec<[f64; 2]>, String> {
    v.as_array()
        .ok_or("line is not an array")?
        .iter()
        .map(position)
        .collect()
}

fn polygon(v: &Value) -> Result<Vec<Vec<[f64; 2]>>, String> {
    v.as_array()
        .ok_or("polygon is not an array")?
        .iter()
        .map(line)
        .collect()
}

/// Every ring of a Polygon or MultiPolygon (parts flattened: we fill with even-odd).
fn rings(geometry: &Value) -> Result<Vec<Vec<[f64; 2]>>, String> {
    let coords = field(geometry, "coordinates");
    match field(geometry, "type").as_str() {
        Some("Polygon") => polygon(coords),
        Some("MultiPolygon") => {
            let mut out = Vec::new();
            for p in coords.as_array().ok_or("MultiPolygon is not an array")? {
                out.extend(polygon(p)?);
            }
            Ok(out)
        }
        other => Err(format!("expected a polygon, got {other:?}")),
    }
}

/// The features in file order and the map box (the provinces' `clipped_to_bbox`).
pub fn read(text: &str) -> Result<(Vec<SourceFeature>, [[f64; 2]; 2]), String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("geojson: {e}"))?;
    let mut out = Vec::new();
    let mut bounds = None;
    for f in field(&doc, "features").as_array().ok_or("no features")? {
        let p = field(f, "properties");
        let s = |k: &str| field(p, k).as_str().unwrap_or_default().to_owned();
        let (name_zh, name_en) = (s("name_zh"), s("name_en"));
        let g = field(f, "geometry");
        let kind = match (s("kind").as_str(), s("role").as_str()) {
            ("province", "area") => {
                if let Some([w, so, e, n]) = field(p, "clipped_to_bbox")
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_f64).collect::<Vec<_>>())
                    .as_deref()
                {
                    bounds = Some([[*w, *so], [*e, *n]]);
                }
                SourceKind::Province { rings: rings(g)? }
            }
            ("province", "border") => SourceKind::Border {
                line: line(field(g, "coordinates"))?,
            },
            ("district", _) => SourceKind::District {
                code: s("adcode")
                    .parse()
                    .map_err(|_| format!("{name_zh}: bad adcode"))?,
                rings: rings(g)?,
            },
            ("lake", _) => SourceKind::Lake { rings: rings(g)? },
            ("place", role) => SourceKind::Place {
                role: if role == "district_seat" {
                    PlaceRole::DistrictSeat
                } else {
                    PlaceRole::Town
                },
                district: s("in_district"),
                at: position(field(g, "coordinates"))?,
            },
            (kind, role) => return Err(format!("{name_zh}: unknown kind {kind}/{role}")),
        };
        out.push(SourceFeature {
            name_zh,
            name_en,
            kind,
        });
    }
    let bounds = match bounds {
        Some(b) => b,
        None => districts_box(&out).ok_or("no district to draw")?,
    };
    Ok((out, bounds))
}

/// The map box when no province gives one (`clipped_to_bbox`): the districts' extent with a
/// margin of a tenth on every side.
fn districts_box(features: &[SourceFeature]) -> Option<[[f64; 2]; 2]> {
    let points = features.iter().flat_map(|f| match &f.kind {
        SourceKind::District { rings, .. } => rings.iter().flatten().copied().collect(),
        _ => Vec::new(),
    });
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for [x, y] in points {
        lo = [lo[0].min(x), lo[1].min(y)];
        hi = [hi[0].max(x), hi[1].max(y)];
    }
    let pad = [(hi[0] - lo[0]) / 10.0, (hi[1] - lo[1]) / 10.0];
    (lo[0] < hi[0] && lo[1] < hi[1]).then(|| {
        [
            [lo[0] - pad[0], lo[1] - pad[1]],
            [hi[0] + pad[0], hi[1] + pad[1]],
        ]
    })
}

/// The build options for this map: a 4096-wide grid, simplified for a 1200 px drawing.
pub fn options(bounds: [[f64; 2]; 2]) -> Options {
    Options {
        bounds,
        grid: 4096,
        target_px: 1200.0,
        min_area_px2: 30.0,
    }
}
