//! Build step: reads every story folder (`data/stories/<id>/`, or the folders listed in
//! `STORY_DIRS`), validates it, and writes the stories as Rust statics to
//! `OUT_DIR/stories.rs`, which `src/model.rs` includes. An invalid story stops the build with
//! a message that names the file, line, field and what is allowed.

// What the build shares with the crate: the story files' decoder and validator (`src/data.rs`,
// also run on editors' bundles at run time) and what it uses. Not every item is used here.
#[allow(dead_code)]
#[path = "build/config.rs"]
mod config;
#[allow(dead_code, unused_imports)]
#[path = "src/data.rs"]
mod data;
#[path = "build/dirs.rs"]
mod dirs;
#[allow(dead_code)]
#[path = "build/facts.rs"]
mod facts;
#[path = "build/files.rs"]
mod files;
#[allow(dead_code)]
#[path = "build/format.rs"]
mod format;
#[path = "build/map.rs"]
mod map;
#[path = "src/slots.rs"]
mod slots;
#[path = "build/story.rs"]
mod story;
#[path = "build/when.rs"]
mod when;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../..");
    println!("cargo:rerun-if-changed=build");
    for shared in [
        "src/facts/iso.rs",
        "src/data.rs",
        "src/data",
        "src/config/json.rs",
        "src/format/digits.rs",
    ] {
        println!("cargo:rerun-if-changed={shared}");
    }
    println!("cargo:rerun-if-changed=src/slots.rs");
    let dirs = match dirs::story_dirs(&root) {
        Ok(d) => d,
        Err(e) => fail(&e),
    };
    let mut code = String::new();
    let mut ids = Vec::new();
    let mut loaded_articles = Vec::new();
    for (n, dir) in dirs.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", dir.display());
        let loaded = story::load(dir, &root).unwrap_or_else(|e| fail(&e));
        if ids.contains(&loaded.id) {
            fail(&format!(
                "{}: story id \"{}\" is used by two folders",
                dir.display(),
                loaded.id
            ));
        }
        for file in &loaded.files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        ids.push(loaded.id.clone());
        loaded_articles.push((loaded.id.clone(), loaded.articles.clone()));
        code.push_str(&loaded.rust(n));
    }
    code.push_str("/// Every story this build embeds, in `STORY_DIRS` order.\n");
    code.push_str("pub static STORIES: [&Story; ");
    code.push_str(&dirs.len().to_string());
    code.push_str("] = [");
    for n in 0..dirs.len() {
        code.push_str(&format!("&STORY_{n}, "));
    }
    code.push_str("];\n");
    code.push_str(&story::articles_rust(&loaded_articles));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("stories.rs");
    if let Err(e) = std::fs::write(&out, code) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("\nstory build: {msg}\n");
    println!("cargo:warning=story build: {msg}");
    std::process::exit(1)
}
