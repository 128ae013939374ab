//! Minifies the widget stylesheets into OUT_DIR; `stylesheet()` includes the minified copies.
//! The sources in src/ keep their comments (why a rule exists); readers download none of them.
//!
//! Also writes `OUT_DIR/maps.rs`: every embedded story's map model (path strings, named
//! points, link connectors), computed here by `viz::map::MapModel::new` (the same function the
//! native tests check) from the geometry `viz`'s build encoded, so the WASM ships the result
//! instead of the decoder, the path writer and the connector search.

use std::path::Path;

/// Stylesheets under src/, by path; each is written to OUT_DIR under the same file name.
const SHEETS: &[&str] = &[
    "src/base.css",
    "src/components/error_box.css",
    "src/tally.css",
    "src/payments.css",
    "src/grid_map.css",
];

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    for sheet in SHEETS {
        println!("cargo:rerun-if-changed={sheet}");
        let css = std::fs::read_to_string(sheet)
            .unwrap_or_else(|e| fail(&format!("cannot read {sheet}: {e}")));
        let name = Path::new(sheet)
            .file_name()
            .unwrap_or_else(|| fail(&format!("{sheet} has no file name")));
        let out = Path::new(&out_dir).join(name);
        std::fs::write(&out, css_min::minify(&css))
            .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
    }
    write_maps(Path::new(&out_dir));
}

/// `MAPS`: each embedded story's id with its map model as statics.
fn write_maps(out_dir: &Path) {
    let mut code = String::from(
        "/// Each embedded story's map model, by story id (written by build.rs).\npub static MAPS: &[(&str, viz::map::model::StaticMap)] = &[\n",
    );
    for story in story::stories() {
        let Some(smap) = story.map.as_ref() else {
            continue;
        };
        let geometry = viz::geo::load(story)
            .unwrap_or_else(|e| fail(&format!("story {}: map geometry: {e}", story.id)));
        let model = viz::map::MapModel::new(&geometry, smap);
        code.push_str(&format!(
            "    ({:?}, {}),\n",
            story.id,
            viz::map::model::StaticMap::rust(&model)
        ));
    }
    code.push_str("];\n");
    let out = out_dir.join("maps.rs");
    std::fs::write(&out, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("widgets build script: {message}");
    std::process::exit(1)
}
