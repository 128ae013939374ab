//! Minifies the widget stylesheets into OUT_DIR; `stylesheet()` includes the minified copies.
//! The sources in src/ keep their comments (why a rule exists); readers download none of them.

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
}

fn fail(message: &str) -> ! {
    eprintln!("widgets build script: {message}");
    std::process::exit(1)
}
