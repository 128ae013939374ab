//! The map projection: an equirectangular projection scaled by `cos(lat0)` (a plate carrée
//! with true scale along the standard parallel `lat0`). Over a 1° × 0.7° area the scale error
//! is well under 1 %, so a conic or transverse projection would not change the drawing.
//!
//! As in d3-geo, a projection is a value: a raw projection plus scale and translate, with
//! [`Projection::fit_extent`] to fit a lon/lat box into a pixel box. It is immutable; the
//! `with_*` methods return a new value. This file is also compiled into `build.rs` (via
//! `#[path]`), so the build step and the runtime share one implementation.

/// An equirectangular projection centred on `(lon0, lat0)`, x to the east, y to the south
/// (screen convention), in units of `scale` per radian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat0: f64,
    /// `cos(lat0)`, the east-west shrink factor.
    k: f64,
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Projection {
    /// A projection centred on `(lon0, lat0)` with scale 1 and no translation.
    pub fn new(lon0: f64, lat0: f64) -> Self {
        Projection {
            lon0,
            lat0,
            k: lat0.to_radians().cos(),
            scale: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }

    /// The same projection with another scale (units per radian).
    pub fn with_scale(self, scale: f64) -> Self {
        Projection { scale, ..self }
    }

    /// The same projection with another translation (where the centre lands).
    pub fn with_translate(self, tx: f64, ty: f64) -> Self {
        Projection { tx, ty, ..self }
    }

    pub fn center(&self) -> [f64; 2] {
        [self.lon0, self.lat0]
    }

    pub fn scale(&self) -> f64 {
        self.scale
    }

    pub fn translate(&self) -> [f64; 2] {
        [self.tx, self.ty]
    }

    /// Projects `[lon, lat]` in degrees to `[x, y]`.
    pub fn apply(&self, lonlat: [f64; 2]) -> [f64; 2] {
        let [rx, ry] = self.raw(lonlat);
        [rx * self.scale + self.tx, ry * self.scale + self.ty]
    }

    /// Inverse of [`Projection::apply`]; `None` when the scale is zero or not finite.
    pub fn invert(&self, xy: [f64; 2]) -> Option<[f64; 2]> {
        let s = self.scale * self.k;
        if s == 0.0 || !s.is_finite() || self.scale == 0.0 {
            return None;
        }
        let [x, y] = xy;
        let rx = (x - self.tx) / s;
        let ry = (y - self.ty) / self.scale;
        Some([self.lon0 + rx.to_degrees(), self.lat0 - ry.to_degrees()])
    }

    /// Scale and translate chosen so that the lon/lat box `bounds` (`[[west, south], [east,
    /// north]]`) fits centred inside the pixel box `extent` (`[[x0, y0], [x1, y1]]`), like
    /// d3's `fitExtent`. A degenerate or non-finite box returns the projection unchanged.
    pub fn fit_extent(self, extent: [[f64; 2]; 2], bounds: [[f64; 2]; 2]) -> Self {
        let [[w, s], [e, n]] = bounds;
        let [x0, y0] = self.raw([w, n]);
        let [x1, y1] = self.raw([e, s]);
        let (rw, rh) = (x1 - x0, y1 - y0);
        let [[ex0, ey0], [ex1, ey1]] = extent;
        let (ew, eh) = (ex1 - ex0, ey1 - ey0);
        let sizes_ok = [rw, rh, ew, eh].iter().all(|v| v.is_finite() && *v > 0.0);
        let scale = (ew / rw).min(eh / rh);
        if !(sizes_ok && scale.is_finite() && scale > 0.0) {
            return self;
        }
        let tx = ex0 + (ew - scale * rw) / 2.0 - scale * x0;
        let ty = ey0 + (eh - scale * rh) / 2.0 - scale * y0;
        Projection {
            scale,
            tx,
            ty,
            ..self
        }
    }

    /// Width over height of the lon/lat box `bounds` once projected.
    pub fn aspect(&self, bounds: [[f64; 2]; 2]) -> f64 {
        let [[w, s], [e, n]] = bounds;
        let [x0, y0] = self.raw([w, n]);
        let [x1, y1] = self.raw([e, s]);
        (x1 - x0) / (y1 - y0)
    }

    /// The parameters `[lon0, lat0, cos(lat0), scale, tx, ty]`, for serialising. The cosine is
    /// stored so that decoding needs no trigonometry (libm's `cos` costs ~6 KB of WASM).
    pub fn to_parts(self) -> [f64; 6] {
        [self.lon0, self.lat0, self.k, self.scale, self.tx, self.ty]
    }

    /// Rebuilds a projection from [`Projection::to_parts`].
    pub fn from_parts(parts: [f64; 6]) -> Self {
        let [lon0, lat0, k, scale, tx, ty] = parts;
        Projection {
            lon0,
            lat0,
            k,
            scale,
            tx,
            ty,
        }
    }

    fn raw(&self, [lon, lat]: [f64; 2]) -> [f64; 2] {
        [
            (lon - self.lon0).to_radians() * self.k,
            -(lat - self.lat0).to_radians(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: [f64; 2], b: [f64; 2]) -> bool {
        (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9
    }

    #[test]
    fn the_centre_projects_to_the_translation() {
        let p = Projection::new(121.0, 31.0)
            .with_scale(1000.0)
            .with_translate(50.0, 60.0);
        assert!(close(p.apply([121.0, 31.0]), [50.0, 60.0]));
    }

    #[test]
    fn east_is_right_and_north_is_up() {
        let p = Projection::new(121.0, 31.0).with_scale(1000.0);
        let [x, y] = p.apply([121.1, 31.1]);
        assert!(x > 0.0);
        assert!(y < 0.0);
    }

    #[test]
    fn a_degree_of_longitude_is_cos_lat0_of_a_degree_of_latitude() {
        let p = Projection::new(121.0, 31.0).with_scale(1000.0);
        let dx = p.apply([122.0, 31.0])[0] - p.apply([121.0, 31.0])[0];
        let dy = p.apply([121.0, 30.0])[1] - p.apply([121.0, 31.0])[1];
        assert!((dx / dy - 31f64.to_radians().cos()).abs() < 1e-12);
    }

    #[test]
    fn invert_undoes_apply() {
        let p = Projection::new(120.85, 31.025)
            .with_scale(12345.0)
            .with_translate(7.0, -3.0);
        let ll = [120.70686, 30.99409];
        let back = p.invert(p.apply(ll)).unwrap();
        assert!(close(back, ll));
    }

    #[test]
    fn invert_with_zero_scale_is_none() {
        let p = Projection::new(120.0, 31.0).with_scale(0.0);
        assert_eq!(p.invert([1.0, 1.0]), None);
    }

    #[test]
    fn fit_extent_puts_the_box_corners_on_the_extent_edges() {
        let bounds = [[120.3, 30.7], [121.4, 31.35]];
        let p = Projection::new(120.85, 31.025).fit_extent([[0.0, 0.0], [1000.0, 1000.0]], bounds);
        let [x0, y0] = p.apply([120.3, 31.35]);
        let [x1, y1] = p.apply([121.4, 30.7]);
        // Wider than tall: fills the width, centred vertically.
        assert!((x0 - 0.0).abs() < 1e-9 && (x1 - 1000.0).abs() < 1e-9);
        assert!(((y0 + y1) / 2.0 - 500.0).abs() < 1e-9);
        assert!(y1 - y0 < 1000.0);
    }

    #[test]
    fn fit_extent_of_a_degenerate_box_changes_nothing() {
        let p = Projection::new(120.0, 31.0);
        let q = p.fit_extent([[0.0, 0.0], [10.0, 10.0]], [[120.0, 31.0], [120.0, 31.0]]);
        assert_eq!(p, q);
        let r = p.fit_extent(
            [[0.0, 0.0], [10.0, 10.0]],
            [[f64::NAN, 31.0], [121.0, 32.0]],
        );
        assert_eq!(p, r);
    }

    #[test]
    fn parts_round_trip() {
        let p = Projection::new(120.85, 31.025)
            .with_scale(3.5)
            .with_translate(1.0, 2.0);
        assert_eq!(Projection::from_parts(p.to_parts()), p);
    }
}
