//! The decoded map: shared arcs in integer map units and the features that reference them.
//! Also compiled into `build.rs` (via `#[path]`).

use crate::projection::Projection;

/// A point on the integer map grid (x east, y south).
pub type Point = [i32; 2];

/// A ring or line as arc references, TopoJSON style: `i >= 0` is arc `i` forwards, `i < 0` is
/// arc `!i` (that is `-i - 1`) backwards.
pub type ArcRefs = Vec<i32>;

/// The whole map: the grid extent, the projection from lon/lat to grid units, the arcs and the
/// features in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoMap {
    /// Grid width and height; every point lies in `0..=width`, `0..=height`.
    pub width: u32,
    pub height: u32,
    pub projection: Projection,
    pub arcs: Vec<Vec<Point>>,
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name_zh: String,
    pub name_en: String,
    pub shape: Shape,
}

/// Role of a place point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRole {
    Town,
    DistrictSeat,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A province's area, clipped to the map box (its straight box edges are not borders).
    Province { rings: Vec<ArcRefs> },
    /// A district (区/县), with its administrative code and a label point inside it, away from
    /// its edges and from lakes.
    District {
        code: u32,
        rings: Vec<ArcRefs>,
        label: Point,
    },
    /// A lake; later rings are islands (fill with even-odd).
    Lake { rings: Vec<ArcRefs> },
    /// A province border line.
    Border { line: ArcRefs },
    /// A named place; `district` is the index in `features` of the district it lies in.
    Place {
        role: PlaceRole,
        district: u32,
        at: Point,
    },
}

/// Index of arc reference `r` and whether it runs backwards.
pub fn arc_index(r: i32) -> (usize, bool) {
    if r >= 0 {
        (r as usize, false)
    } else {
        ((!r) as usize, true)
    }
}

impl GeoMap {
    /// The points of a ring or line given as arc references, joined without repeating the
    /// shared end points. `None` if a reference points past the arcs.
    pub fn resolve(&self, refs: &[i32]) -> Option<Vec<Point>> {
        let mut out: Vec<Point> = Vec::new();
        for &r in refs {
            let (i, back) = arc_index(r);
            let arc = self.arcs.get(i)?;
            let skip = usize::from(!out.is_empty());
            if back {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        Some(out)
    }

    /// Index and feature of the district with administrative code `code`.
    pub fn district(&self, code: u32) -> Option<(usize, &Feature)> {
        self.features
            .iter()
            .enumerate()
            .find(|(_, f)| matches!(f.shape, Shape::District { code: c, .. } if c == code))
    }

    /// Rings of an area feature (province, district or lake); empty for others.
    pub fn rings_of(feature: &Feature) -> &[ArcRefs] {
        match &feature.shape {
            Shape::Province { rings } | Shape::District { rings, .. } | Shape::Lake { rings } => {
                rings
            }
            Shape::Border { .. } | Shape::Place { .. } => &[],
        }
    }

    /// Resolved rings of an area feature.
    pub fn area_rings(&self, feature: &Feature) -> Vec<Vec<Point>> {
        Self::rings_of(feature)
            .iter()
            .filter_map(|r| self.resolve(r))
            .collect()
    }
}
