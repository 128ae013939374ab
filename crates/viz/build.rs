//! Build step: reads `data/geo/demo-zone.geojson`, runs the geometry pipeline (the same source
//! files as the crate's `geo` modules, included with `#[path]`) and writes the compact map
//! blob to `OUT_DIR/demo-zone.gmap`, which `src/geo.rs` embeds with `include_bytes!`.
#![allow(dead_code)]

#[path = "src/geo/clip.rs"]
mod clip;
#[path = "src/geo/codec.rs"]
mod codec;
#[path = "build/geojson.rs"]
mod geojson;
#[path = "src/geo/measure.rs"]
mod measure;
#[path = "src/geo/model.rs"]
mod model;
#[path = "src/geo/pipeline.rs"]
mod pipeline;
#[path = "src/projection.rs"]
mod projection;
#[path = "src/geo/simplify.rs"]
mod simplify;
#[path = "src/geo/topology.rs"]
mod topology;

/// Mirrors the crate's module tree so the shared files' `crate::geo::...` paths resolve.
mod geo {
    pub(crate) use super::{clip, measure, model, simplify, topology};
}

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let source = manifest.join("../../data/geo/demo-zone.geojson");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=build/geojson.rs");
    println!("cargo:rerun-if-changed=src/projection.rs");
    println!("cargo:rerun-if-changed=src/geo");
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", source.display())));
    let (features, bounds) = geojson::read(&text).unwrap_or_else(|e| fail(&e));
    let (map, stats) =
        pipeline::build_map(&features, geojson::options(bounds)).unwrap_or_else(|e| fail(&e));
    let blob = codec::encode(&map);
    match codec::decode(&blob) {
        Ok(back) if back == map => {}
        Ok(_) => fail("map blob does not round-trip"),
        Err(e) => fail(&format!("map blob does not decode: {e}")),
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("demo-zone.gmap");
    std::fs::write(&out, &blob).unwrap_or_else(|e| fail(&format!("cannot write blob: {e}")));
    // Size and point counts: `cargo test -p viz demo_zone_blob_is_small -- --nocapture` or
    // `cargo run -p cli -- render grid-map`.
    let _ = stats;
}

fn fail(msg: &str) -> ! {
    eprintln!("viz build: {msg}");
    std::process::exit(1)
}
