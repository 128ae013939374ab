//! The compact binary form of a [`GeoMap`]: varints, zigzag for signed values, arcs
//! delta-encoded point to point (TopoJSON style). Written by `build.rs`, read at runtime.
//! Also compiled into `build.rs` (via `#[path]`).
//!
//! Layout (all integers are LEB128 varints unless noted):
//! `"GMAP"`, version byte, width, height, 6 × f64 little-endian projection parts,
//! arc count, then per arc: point count, first point (zigzag x, y), then zigzag deltas;
//! feature count, then per feature: kind byte, name_zh, name_en (length + UTF-8), and
//! province/lake: rings; district: code, rings, label point; border: refs; place: role byte,
//! district index, point. Rings are a count then per ring a count and zigzag arc references.

use crate::geo::model::{arc_index, Feature, GeoMap, PlaceRole, Point, Shape};
use crate::projection::Projection;

const MAGIC: &[u8; 4] = b"GMAP";
const VERSION: u8 = 1;

const KIND_PROVINCE: u8 = 0;
const KIND_DISTRICT: u8 = 1;
const KIND_LAKE: u8 = 2;
const KIND_BORDER: u8 = 3;
const KIND_PLACE: u8 = 4;

/// Why a blob could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The blob does not start with the magic bytes.
    #[error("not a map blob")]
    NotAMap,
    /// A version this code cannot read.
    #[error("unsupported map blob version {0}")]
    Version(u8),
    /// The blob ends in the middle of a value, at this byte offset.
    #[error("map blob truncated at byte {0}")]
    Truncated(usize),
    /// A varint longer than its type allows, at this byte offset.
    #[error("varint overflow at byte {0}")]
    Overflow(usize),
    /// A name is not UTF-8, at this byte offset.
    #[error("name is not UTF-8 at byte {0}")]
    Utf8(usize),
    /// An unknown feature kind or place role byte.
    #[error("unknown kind {0}")]
    Kind(u8),
    /// An arc reference or district index out of range.
    #[error("reference {0} out of range")]
    Reference(i64),
    /// An arc with fewer than two points.
    #[error("arc {0} has fewer than two points")]
    ShortArc(usize),
    /// A point outside the grid.
    #[error("arc {0} leaves the grid")]
    OutOfGrid(usize),
    /// Bytes left after the last feature.
    #[error("unexpected bytes after byte {0}")]
    Trailing(usize),
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

struct Writer(Vec<u8>);

impl Writer {
    fn var(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn svar(&mut self, v: i64) {
        self.var(zigzag(v));
    }
    fn len(&mut self, n: usize) {
        self.var(n as u64);
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn point(&mut self, p: Point) {
        self.svar(i64::from(p[0]));
        self.svar(i64::from(p[1]));
    }
    fn refs(&mut self, refs: &[i32]) {
        self.len(refs.len());
        for &r in refs {
            self.svar(i64::from(r));
        }
    }
    fn rings(&mut self, rings: &[Vec<i32>]) {
        self.len(rings.len());
        for r in rings {
            self.refs(r);
        }
    }
}

/// Encodes a map. The inverse of [`decode`].
pub fn encode(map: &GeoMap) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.0.extend_from_slice(MAGIC);
    w.0.push(VERSION);
    w.var(u64::from(map.width));
    w.var(u64::from(map.height));
    for part in map.projection.to_parts() {
        w.0.extend_from_slice(&part.to_le_bytes());
    }
    w.len(map.arcs.len());
    for arc in &map.arcs {
        w.len(arc.len());
        let mut prev = [0i32; 2];
        for &p in arc {
            w.svar(i64::from(p[0]) - i64::from(prev[0]));
            w.svar(i64::from(p[1]) - i64::from(prev[1]));
            prev = p;
        }
    }
    w.len(map.features.len());
    for f in &map.features {
        let kind = match &f.shape {
            Shape::Province { .. } => KIND_PROVINCE,
            Shape::District { .. } => KIND_DISTRICT,
            Shape::Lake { .. } => KIND_LAKE,
            Shape::Border { .. } => KIND_BORDER,
            Shape::Place { .. } => KIND_PLACE,
        };
        w.0.push(kind);
        w.str(&f.name_zh);
        w.str(&f.name_en);
        match &f.shape {
            Shape::Province { rings } | Shape::Lake { rings } => w.rings(rings),
            Shape::District { code, rings, label } => {
                w.var(u64::from(*code));
                w.rings(rings);
                w.point(*label);
            }
            Shape::Border { line } => w.refs(line),
            Shape::Place { role, district, at } => {
                w.0.push(match role {
                    PlaceRole::Town => 0,
                    PlaceRole::DistrictSeat => 1,
                });
                w.var(u64::from(*district));
                w.point(*at);
            }
        }
    }
    w.0
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or(DecodeError::Truncated(self.pos))?;
        self.pos += 1;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(DecodeError::Truncated(self.pos))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(DecodeError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn var(&mut self) -> Result<u64, DecodeError> {
        let start = self.pos;
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(DecodeError::Overflow(start));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError::Overflow(start))
    }
    fn u32(&mut self) -> Result<u32, DecodeError> {
        let at = self.pos;
        u32::try_from(self.var()?).map_err(|_| DecodeError::Overflow(at))
    }
    fn i32(&mut self) -> Result<i32, DecodeError> {
        let at = self.pos;
        i32::try_from(unzigzag(self.var()?)).map_err(|_| DecodeError::Overflow(at))
    }
    /// A count of items that take at least one byte each: never more than the bytes left,
    /// so a corrupt count cannot make us allocate gigabytes.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let at = self.pos;
        let n = self.var()?;
        let left = self.bytes.len().saturating_sub(self.pos) as u64;
        if n > left {
            return Err(DecodeError::Truncated(at));
        }
        Ok(n as usize)
    }
    fn f64(&mut self) -> Result<f64, DecodeError> {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(buf))
    }
    fn str(&mut self) -> Result<String, DecodeError> {
        let n = self.count()?;
        let at = self.pos;
        let s = self.take(n)?;
        core::str::from_utf8(s)
            .map(str::to_owned)
            .map_err(|_| DecodeError::Utf8(at))
    }
    fn point(&mut self) -> Result<Point, DecodeError> {
        Ok([self.i32()?, self.i32()?])
    }
    fn refs(&mut self, arcs: usize) -> Result<Vec<i32>, DecodeError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let r = self.i32()?;
            if arc_index(r).0 >= arcs {
                return Err(DecodeError::Reference(i64::from(r)));
            }
            out.push(r);
        }
        Ok(out)
    }
    fn rings(&mut self, arcs: usize) -> Result<Vec<Vec<i32>>, DecodeError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.refs(arcs)?);
        }
        Ok(out)
    }
}

/// Decodes a blob written by [`encode`]. Never panics: a corrupt or truncated blob gives an
/// error.
pub fn decode(bytes: &[u8]) -> Result<GeoMap, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4).map_err(|_| DecodeError::NotAMap)? != MAGIC {
        return Err(DecodeError::NotAMap);
    }
    let version = r.byte()?;
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let width = r.u32()?;
    let height = r.u32()?;
    let mut parts = [0f64; 6];
    for p in parts.iter_mut() {
        *p = r.f64()?;
    }
    let projection = Projection::from_parts(parts);
    let in_grid = |p: Point| {
        (0..=i64::from(width)).contains(&i64::from(p[0]))
            && (0..=i64::from(height)).contains(&i64::from(p[1]))
    };
    let n_arcs = r.count()?;
    let mut arcs = Vec::with_capacity(n_arcs);
    for i in 0..n_arcs {
        let n = r.count()?;
        if n < 2 {
            return Err(DecodeError::ShortArc(i));
        }
        let mut arc = Vec::with_capacity(n);
        let mut prev = [0i32; 2];
        for _ in 0..n {
            let [dx, dy] = r.point()?;
            let p = [prev[0].saturating_add(dx), prev[1].saturating_add(dy)];
            if !in_grid(p) {
                return Err(DecodeError::OutOfGrid(i));
            }
            arc.push(p);
            prev = p;
        }
        arcs.push(arc);
    }
    let n_features = r.count()?;
    let mut features = Vec::with_capacity(n_features);
    let mut places = Vec::new();
    for _ in 0..n_features {
        let kind = r.byte()?;
        let name_zh = r.str()?;
        let name_en = r.str()?;
        let shape = match kind {
            KIND_PROVINCE => Shape::Province {
                rings: r.rings(n_arcs)?,
            },
            KIND_DISTRICT => Shape::District {
                code: r.u32()?,
                rings: r.rings(n_arcs)?,
                label: r.point()?,
            },
            KIND_LAKE => Shape::Lake {
                rings: r.rings(n_arcs)?,
            },
            KIND_BORDER => Shape::Border {
                line: r.refs(n_arcs)?,
            },
            KIND_PLACE => {
                let role = match r.byte()? {
                    0 => PlaceRole::Town,
                    1 => PlaceRole::DistrictSeat,
                    other => return Err(DecodeError::Kind(other)),
                };
                let district = r.u32()?;
                places.push(district);
                Shape::Place {
                    role,
                    district,
                    at: r.point()?,
                }
            }
            other => return Err(DecodeError::Kind(other)),
        };
        features.push(Feature {
            name_zh,
            name_en,
            shape,
        });
    }
    if r.pos != bytes.len() {
        return Err(DecodeError::Trailing(r.pos));
    }
    for d in places {
        let ok = features
            .get(d as usize)
            .is_some_and(|f| matches!(f.shape, Shape::District { .. }));
        if !ok {
            return Err(DecodeError::Reference(i64::from(d)));
        }
    }
    Ok(GeoMap {
        width,
        height,
        projection,
        arcs,
        features,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GeoMap {
        GeoMap {
            width: 100,
            height: 60,
            projection: Projection::new(120.85, 31.0).with_scale(2.0),
            arcs: vec![
                vec![[0, 0], [100, 0], [100, 60]],
                vec![[100, 60], [0, 60], [0, 0]],
            ],
            features: vec![
                Feature {
                    name_zh: "甲区".into(),
                    name_en: "A".into(),
                    shape: Shape::District {
                        code: 320509,
                        rings: vec![vec![0, 1]],
                        label: [50, 30],
                    },
                },
                Feature {
                    name_zh: "线".into(),
                    name_en: "Line".into(),
                    shape: Shape::Border { line: vec![-2] },
                },
                Feature {
                    name_zh: "镇".into(),
                    name_en: "Town".into(),
                    shape: Shape::Place {
                        role: PlaceRole::DistrictSeat,
                        district: 0,
                        at: [10, 20],
                    },
                },
            ],
        }
    }

    #[test]
    fn zigzag_round_trips_extremes() {
        for v in [0, 1, -1, 4096, -4096, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }

    #[test]
    fn decoding_an_encoded_map_gives_it_back() {
        let map = sample();
        assert_eq!(decode(&encode(&map)).unwrap(), map);
    }

    #[test]
    fn an_empty_blob_is_not_a_map() {
        assert_eq!(decode(&[]), Err(DecodeError::NotAMap));
        assert_eq!(decode(b"PNG\x89rest"), Err(DecodeError::NotAMap));
    }

    #[test]
    fn another_version_is_refused() {
        let mut blob = encode(&sample());
        blob[4] = 9;
        assert_eq!(decode(&blob), Err(DecodeError::Version(9)));
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let blob = encode(&sample());
        for n in 0..blob.len() {
            assert!(decode(&blob[..n]).is_err(), "prefix of {n} bytes decoded");
        }
    }

    #[test]
    fn trailing_bytes_are_an_error() {
        let mut blob = encode(&sample());
        blob.push(0);
        assert!(matches!(decode(&blob), Err(DecodeError::Trailing(_))));
    }

    #[test]
    fn a_huge_count_is_refused_without_allocating() {
        let mut blob = encode(&sample());
        // Arc count sits right after magic, version, width (1 byte), height (1 byte), 48 bytes.
        let at = 4 + 1 + 1 + 1 + 48;
        blob.splice(at..at + 1, [0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(matches!(decode(&blob), Err(DecodeError::Truncated(_))));
    }

    #[test]
    fn an_overlong_varint_is_an_overflow() {
        let mut blob = b"GMAP\x01".to_vec();
        blob.extend([0xff; 11]);
        assert!(matches!(decode(&blob), Err(DecodeError::Overflow(_))));
    }

    #[test]
    fn an_arc_reference_past_the_arcs_is_refused() {
        let mut map = sample();
        map.features[1].shape = Shape::Border { line: vec![5] };
        assert_eq!(decode(&encode(&map)), Err(DecodeError::Reference(5)));
    }

    #[test]
    fn a_place_in_a_feature_that_is_not_a_district_is_refused() {
        let mut map = sample();
        map.features[2].shape = Shape::Place {
            role: PlaceRole::Town,
            district: 1,
            at: [1, 1],
        };
        assert_eq!(decode(&encode(&map)), Err(DecodeError::Reference(1)));
    }

    #[test]
    fn a_point_off_the_grid_is_refused() {
        let mut map = sample();
        map.arcs[0][1] = [101, 0];
        assert_eq!(decode(&encode(&map)), Err(DecodeError::OutOfGrid(0)));
    }

    #[test]
    fn flipped_bytes_never_panic() {
        let blob = encode(&sample());
        for i in 0..blob.len() {
            for bit in 0..8 {
                let mut b = blob.clone();
                b[i] ^= 1 << bit;
                let _ = decode(&b);
            }
        }
        // Reaching here means no flip panicked; the untouched blob still decodes.
        assert!(decode(&blob).is_ok());
    }
}
