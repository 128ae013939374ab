//! Build step: for every embedded story with a `map.json` (the same folders as `story`'s
//! build: `STORY_DIRS` or every folder of `data/stories/`), reads the GeoJSON it names, runs
//! the geometry pipeline (the same source files as the crate's `geo` modules, included with
//! `#[path]`) and writes a compact map blob per story, listed by story id in
//! `OUT_DIR/maps.rs`, which `src/geo.rs` includes. The story's own build checks the rest of
//! `map.json` (and that its regions and anchors exist in the GeoJSON).
#![allow(dead_code)]

#[path = "src/geo/clip.rs"]
mod clip;
#[path = "src/geo/codec.rs"]
mod codec;
#[path = "../story/build/dirs.rs"]
mod dirs;
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

use serde_json::Value;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../..");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build/geojson.rs");
    println!("cargo:rerun-if-changed=src/projection.rs");
    println!("cargo:rerun-if-changed=src/geo");
    println!("cargo:rerun-if-changed=../story/build/dirs.rs");
    let dirs = dirs::story_dirs(&root).unwrap_or_else(|e| fail(&e));
    let mut list = String::new();
    let mut count = 0;
    for (n, dir) in dirs.iter().enumerate() {
        let Some((id, geometry)) = story_map(dir) else {
            continue;
        };
        let blob = build_blob(&geometry);
        let out = out_dir.join(format!("map-{n}.gmap"));
        std::fs::write(&out, &blob).unwrap_or_else(|e| fail(&format!("cannot write blob: {e}")));
        list.push_str(&format!(
            "    ({id:?}, include_bytes!({:?})),\n",
            out.display().to_string()
        ));
        count += 1;
    }
    let code = format!(
        "/// Each embedded story's encoded map geometry, by story id.\npub static MAPS: [(&str, &[u8]); {count}] = [\n{list}];\n"
    );
    std::fs::write(out_dir.join("maps.rs"), code)
        .unwrap_or_else(|e| fail(&format!("cannot write maps.rs: {e}")));
}

/// The story id and the GeoJSON path of a folder's `map.json`, when it has one. Mistakes in
/// the file are the story build's to report (with line and field); here only what the
/// geometry needs is read.
fn story_map(dir: &Path) -> Option<(String, PathBuf)> {
    let read = |name: &str| -> Option<Value> {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).ok()?;
        serde_json::from_str(&text).ok()
    };
    let map = read("map.json")?;
    let geometry = dir.join(map.get("geometry")?.as_str()?);
    let id = read("story.json")?.get("id")?.as_str()?.to_owned();
    println!("cargo:rerun-if-changed={}", geometry.display());
    Some((id, geometry))
}

/// The encoded map of one GeoJSON file, checked to decode to what was encoded.
fn build_blob(source: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(source)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", source.display())));
    let at = |e: String| format!("{}: {e}", source.display());
    let (features, bounds) = geojson::read(&text).unwrap_or_else(|e| fail(&at(e)));
    let (map, _stats) =
        pipeline::build_map(&features, geojson::options(bounds)).unwrap_or_else(|e| fail(&at(e)));
    let blob = codec::encode(&map);
    match codec::decode(&blob) {
        Ok(back) if back == map => {}
        Ok(_) => fail(&at("map blob does not round-trip".into())),
        Err(e) => fail(&at(format!("map blob does not decode: {e}"))),
    }
    // Size and point counts: `cargo test -p viz blob_is_small -- --nocapture`.
    blob
}

fn fail(msg: &str) -> ! {
    eprintln!("viz build: {msg}");
    std::process::exit(1)
}
