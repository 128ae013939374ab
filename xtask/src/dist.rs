//! Builds the release bundle into `dist/`: the module variants (WASM through wasm-bindgen and
//! wasm-opt) and the entry module that picks one,
//! content-hashed file names, a stable `embed.js` loader, the pages, and precompressed copies.

use crate::glue;
use crate::setup::RELEASE_TOOLCHAIN;
use crate::util::{self, exec, step, Error, FileAction, Result};
use base64::Engine;
use sha2::{Digest, Sha384};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";
/// Extensions worth precompressing; the server picks `.br` or `.gz` by Accept-Encoding.
pub const COMPRESSIBLE: &[&str] = &[
    "wasm", "js", "mjs", "html", "css", "json", "svg", "csv", "txt",
];

pub fn run() -> Result {
    let root = util::root();
    build(&root.join("dist"), &root.join("target"), None, &VARIANTS)
}

/// The test bundle: the same build with the test fixture stories embedded beside the real
/// ones, into `target/fixture-dist/` (never `dist/`: fixtures never ship), with the fixture
/// pages of `tests/fixtures/pages/`. Its own target directory keeps the two builds from
/// invalidating each other.
pub fn fixture_bundle() -> Result<PathBuf> {
    let root = util::root();
    let out = root.join("target/fixture-dist");
    // The real stories first, so the default story (the first) stays the same as in dist/.
    let mut dirs = Vec::new();
    for parent in ["data/stories", "tests/fixtures/stories"] {
        let listed = root.join(parent);
        let mut found: Vec<String> = fs::read_dir(&listed)
            .map_err(Error::io(FileAction::List, &listed))?
            .flatten()
            .filter(|d| d.path().is_dir())
            .map(|d| format!("{parent}/{}", d.file_name().to_string_lossy()))
            .collect();
        found.sort();
        dirs.extend(found);
    }
    let stories = dirs.join(":");
    // The general variants only: the fixture pages mix kinds, languages and files; the others
    // are tested on dist/ (tests/module-variants.test.mjs).
    let general: Vec<Variant> = VARIANTS
        .into_iter()
        .filter(|v| matches!(v.name, "lean" | "full"))
        .collect();
    build(&out, &root.join("target/fixture"), Some(&stories), &general)?;
    copy_tree(&root.join("tests/fixtures/pages"), &out.join("fixture"))?;
    Ok(out)
}

/// Builds a bundle into `dist` from a release build in `target_dir`; `story_dirs` is passed
/// to the story crate's build as `STORY_DIRS` (default: every folder of `data/stories/`).
pub fn build(
    dist: &Path,
    target_dir: &Path,
    story_dirs: Option<&str>,
    variants: &[Variant],
) -> Result {
    let root = util::root();
    let dist = dist.to_path_buf();

    // Every variant is built and checked before dist/ is emptied.
    let mut built = Vec::new();
    for variant in variants {
        built.push(build_variant(variant, target_dir, story_dirs)?);
    }
    // The entry module takes the first variant that serves the page: the lightest first.
    built.sort_by_key(|b| b.wasm_bytes.len());

    step("dist: assembling dist/");
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).map_err(Error::io(FileAction::Create, &dist))?;
    let mut table = Vec::new();
    for built in &built {
        let variant = &built.variant;
        write(&dist.join(&built.wasm.name), &built.wasm_bytes)?;
        write(&dist.join(&built.module.name), built.glue.as_bytes())?;
        let list = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(",")
        };
        table.push(format!(
            "\"{}\":{{\"module\":\"{}\",\"moduleIntegrity\":\"{}\",\"wasm\":\"{}\",\"wasmIntegrity\":\"{}\",\"kinds\":[{}],\"langs\":[{}],\"src\":{}}}",
            variant.name,
            built.module.name,
            built.module.integrity,
            built.wasm.name,
            built.wasm.integrity,
            list(variant.kinds),
            list(variant.langs),
            variant.src
        ));
    }
    // The entry module: what snippets pin. It picks and starts a variant (entry.js).
    let kinds: Vec<String> = story::WidgetKind::ALL
        .iter()
        .map(|k| format!("\"{}\"", k.name()))
        .collect();
    let entry = include_str!("entry.js")
        .replace("VARIANTS;", &format!("{{{}}};", table.join(",")))
        .replace("WIDGET_KINDS;", &format!("[{}];", kinds.join(",")));
    step("dist: minifying the entry module (terser)");
    let entry = minify_js(&target_dir.join("wasm-bindgen"), &entry)?;
    let glue_name = format!("embed-{}.js", short_hash(entry.as_bytes()));
    write(&dist.join(&glue_name), entry.as_bytes())?;

    let loader = format!(
        "// Feature widgets loader. This name is stable; it starts the current content-hashed build.\n\
         // Published snippets load the hashed module directly, with SRI (see snippets.html).\n\
         import \"./{glue_name}\";\n"
    );
    write(&dist.join("embed.js"), loader.as_bytes())?;

    step("dist: JSON Schema of the widget configuration");
    let schema =
        util::capture(util::cargo().args(["run", "--quiet", "-p", "cli", "--", "schema"]))?;
    write(&dist.join("config.schema.json"), schema.as_bytes())?;

    step("dist: demo article pages (zh, en) from the story crate");
    for (lang, page) in [("zh", "index.html"), ("en", "index.en.html")] {
        let html = util::capture(util::cargo().args([
            "run",
            "--quiet",
            "-p",
            "cli",
            "--",
            "page",
            "--lang",
            lang,
            "--template",
            "index.html",
        ]))?;
        write(&dist.join(page), html.as_bytes())?;
    }
    copy_tree(&root.join("www"), &dist)?;
    minify_stylesheets(&dist)?;
    step("dist: the stylesheets the static layers link (widget-<kind>.css)");
    util::capture(
        util::cargo()
            .args(["run", "--quiet", "-p", "cli", "--", "stylesheets"])
            .arg(&dist),
    )?;

    // Stable names stay for pages in dist/; snippets pin hashed copies with SRI.
    let css = hashed_copy(&dist, "embed.css")?;
    let host_script = hashed_copy(&dist, "iframe-host.js")?;
    let module = Pinned {
        name: glue_name.clone(),
        integrity: sri(entry.as_bytes()),
    };
    let manifest = format!(
        "{{\n  \"loader\": \"embed.js\",\n  \"module\": \"{glue_name}\",\n  \"module_integrity\": \"{}\",\n  \"variants\": {{{}}},\n  \"stylesheet\": \"{}\",\n  \"stylesheet_integrity\": \"{}\"\n}}\n",
        module.integrity,
        table.join(","),
        css.name,
        css.integrity
    );
    write(&dist.join("build.json"), manifest.as_bytes())?;
    let mut static_sheets = Vec::new();
    for kind in story::WidgetKind::ALL {
        let name = format!("widget-{}.css", kind.name());
        static_sheets.push((kind, hashed_copy(&dist, &name)?));
    }
    crate::snippets::write_all(&dist, &module, &css, &host_script, &static_sheets)?;

    precompress(&dist)?;
    eprintln!("    {} ready: {glue_name}", dist.display());
    Ok(())
}

/// A module variant (see crates/embed/src/handoff.rs and entry.js): the same crates built with
/// some of `embed`'s cargo features: the widget kinds it draws (features named as the kinds) and
/// whether it reads editors' `src` files. `full` has them all and serves any placeholder.
#[derive(Clone, Copy)]
pub struct Variant {
    name: &'static str,
    kinds: &'static [&'static str],
    /// The languages whose text it carries (features `zh`, `en`).
    langs: &'static [&'static str],
    src: bool,
}

/// Every kind, named as `WidgetKind::name` and as embed's cargo features (checked in a test).
const ALL_KINDS: &[&str] = &["tally", "payments", "grid-map"];

const BOTH_LANGS: &[&str] = &["zh", "en"];

/// Every variant `cargo xtask dist` builds. Each adds a release build (~1 min).
const VARIANTS: [Variant; 7] = [
    // Everything but reading editors' `src` files: pages with several kinds and languages.
    Variant {
        name: "lean",
        kinds: ALL_KINDS,
        langs: BOTH_LANGS,
        src: false,
    },
    // Pages in one language (the demo article, most news pages).
    Variant {
        name: "zh",
        kinds: ALL_KINDS,
        langs: &["zh"],
        src: false,
    },
    Variant {
        name: "en",
        kinds: ALL_KINDS,
        langs: &["en"],
        src: false,
    },
    // Pages with one kind of widget (most articles embed one).
    Variant {
        name: "tally",
        kinds: &["tally"],
        langs: BOTH_LANGS,
        src: false,
    },
    Variant {
        name: "payments",
        kinds: &["payments"],
        langs: BOTH_LANGS,
        src: false,
    },
    Variant {
        name: "grid-map",
        kinds: &["grid-map"],
        langs: BOTH_LANGS,
        src: false,
    },
    Variant {
        name: "full",
        kinds: ALL_KINDS,
        langs: BOTH_LANGS,
        src: true,
    },
];

/// The variants built without some of embed's features (all but `full`), for clippy.
pub fn lean_variants() -> impl Iterator<Item = Variant> {
    VARIANTS.into_iter().filter(|v| !v.is_full())
}

/// The name of every variant, as its files are named (`embed-<name>-<hash>.…`).
pub fn variant_names() -> impl Iterator<Item = &'static str> {
    VARIANTS.into_iter().map(|v| v.name)
}

impl Variant {
    pub fn name(&self) -> &'static str {
        self.name
    }

    fn is_full(&self) -> bool {
        self.src && self.kinds.len() == ALL_KINDS.len() && self.langs.len() == BOTH_LANGS.len()
    }

    /// `--no-default-features --features …` for embed, or nothing for the full set.
    pub fn cargo_features(&self) -> Vec<String> {
        if self.is_full() {
            return Vec::new();
        }
        let mut features: Vec<&str> = self.kinds.to_vec();
        features.extend(self.langs);
        if self.src {
            features.push("src");
        }
        vec![
            "--no-default-features".into(),
            "--features".into(),
            features.join(","),
        ]
    }
}

/// A variant built, with its files' names: `embed-<variant>-<hash>.{js,wasm}`.
struct BuiltVariant {
    variant: Variant,
    module: Pinned,
    glue: String,
    wasm: Pinned,
    wasm_bytes: Vec<u8>,
}

/// Builds one variant: the release WASM, wasm-bindgen's glue, wasm-opt, shortened names, and the
/// glue's `start` (start.js), minified.
fn build_variant(
    variant: &Variant,
    target_dir: &Path,
    story_dirs: Option<&str>,
) -> Result<BuiltVariant> {
    let name = variant.name;
    let stage = target_dir.join("wasm-bindgen").join(name);
    step(&format!(
        "dist: cargo build of the {name} module (release, wasm32, {RELEASE_TOOLCHAIN}, std rebuilt for size)"
    ));
    let mut cargo = release_build();
    cargo.args(variant.cargo_features());
    // The name the module gives itself in `FeatureWidgets.variant` (embed's handoff.rs).
    cargo.env("FEATURE_WIDGETS_VARIANT", name);
    cargo.arg("--target-dir").arg(target_dir);
    match story_dirs {
        Some(dirs) => cargo.env("STORY_DIRS", dirs),
        None => cargo.env_remove("STORY_DIRS"),
    };
    exec(&mut cargo)?;

    step(&format!("dist: wasm-bindgen ({name})"));
    let _ = fs::remove_dir_all(&stage);
    exec(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "embed",
                "--out-dir",
            ])
            .arg(&stage)
            .arg(target_dir.join(format!("{TARGET}/release/embed.wasm"))),
    )?;

    step(&format!("dist: wasm-opt -Oz ({name})"));
    let raw_wasm = stage.join("embed_bg.wasm");
    let opt_wasm = stage.join("embed_bg.opt.wasm");
    let min_wasm = stage.join("embed_bg.min.wasm");
    exec(
        wasm_opt()
            .args([
                "-Oz",
                // Run the -Oz passes until nothing shrinks (-0.2 KiB after the flag below).
                "--converge",
                // Rust's stack sits below the data, from 1 MiB down; addresses under 1 KiB are
                // only reached in the last KiB before a stack overflow (which traps anyway), so
                // constant offsets may fold into loads and stores (-0.5 KiB).
                // (--zero-filled-memory was measured too: no change, so left out.)
                "--low-memory-unused",
            ])
            .arg(&raw_wasm)
            .arg("-o")
            .arg(&opt_wasm),
    )?;
    step(&format!(
        "dist: wasm-opt, import and export names minified ({name}; see glue.rs)"
    ));
    // A run of its own: --converge would repeat it and print a second, composed mapping. The
    // mapping of old to new names comes on standard output.
    let names = glue::NameMap::parse(&util::capture(
        wasm_opt()
            .arg("--minify-imports-and-exports-and-modules")
            .arg(&opt_wasm)
            .arg("-o")
            .arg(&min_wasm),
    )?)
    .map_err(Error::Glue)?;

    let wasm_bytes = read(&min_wasm)?;
    let wasm = Pinned {
        name: format!("embed-{name}-{}.wasm", short_hash(&wasm_bytes)),
        integrity: sri(&wasm_bytes),
    };

    // The glue looks for `embed_bg.wasm` beside itself; point it at the hashed file.
    let glue = String::from_utf8(read(&stage.join("embed.js"))?).map_err(|_| Error::NotUtf8 {
        what: "the wasm-bindgen glue".into(),
    })?;
    if !glue.contains("'embed_bg.wasm'") || !glue.contains("async function __wbg_init(") {
        return Err(Error::GlueChanged);
    }
    let interface = glue::Interface::read(&wasm_bytes).map_err(Error::Glue)?;
    let module = interface.import_module().map_err(Error::Glue)?;
    let glue = glue::rename(&glue, &names, module).map_err(Error::Glue)?;
    glue::check_links(&glue, &interface).map_err(Error::Glue)?;
    // The entry module requests the WASM (with its integrity) and hands the response to the
    // glue's `startFeatureWidgets` (start.js).
    let glue =
        glue.replace("'embed_bg.wasm'", &format!("'{}'", wasm.name)) + include_str!("start.js");
    step(&format!("dist: minifying the glue ({name}, terser)"));
    let glue = minify_js(&stage, &glue)?;
    Ok(BuiltVariant {
        variant: *variant,
        module: Pinned {
            name: format!("embed-{name}-{}.js", short_hash(glue.as_bytes())),
            integrity: sri(glue.as_bytes()),
        },
        glue,
        wasm,
        wasm_bytes,
    })
}

/// `cargo build` of the release WASM on [`RELEASE_TOOLCHAIN`]: std rebuilt with the crate's own
/// size settings (`-Zbuild-std`), and panics compiled to a bare trap (`immediate-abort`: no panic
/// hook, no message formatting). A reader sees the same as with `panic = "abort"` (the module
/// traps, JS gets `RuntimeError: unreachable`; entry.js then marks unfinished placeholders);
/// developers lose the panic message in the console, which only a panic-free code base affords.
fn release_build() -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", RELEASE_TOOLCHAIN, "cargo", "build", "--release"])
        .args(["--target", TARGET, "-p", "embed"])
        .arg("-Zbuild-std=std,panic_abort")
        // Flags for the target only (with --target, build scripts and proc macros keep theirs).
        // `fmt-debug=none`: `{:?}` prints nothing, so derived `Debug` impls compile to almost
        // nothing (nothing reader-facing uses `Debug`: messages are built from templates);
        // `location-detail=none`: no file/line/column constants for `#[track_caller]`, which
        // only panic messages read, and immediate-abort prints none. Together -365 B brotli.
        .env(
            "RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none",
        )
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        // Set by the stable cargo that runs xtask; the nightly cargo must find its own.
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("CARGO");
    cmd
}

/// wasm-opt from npm's binaryen (Debian's is too old for wasm-bindgen's output), with the WASM
/// features rustc's wasm32 target emits.
fn wasm_opt() -> Command {
    let mut cmd = Command::new(util::root().join("node_modules/.bin/wasm-opt"));
    cmd.args([
        "--enable-reference-types",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
    ]);
    cmd
}

/// The glue minified by terser (pinned in package.json): names of locals and functions, not of
/// properties, so the import object's keys stay as glue.rs renamed them.
fn minify_js(stage: &Path, js: &str) -> Result<String> {
    let input = stage.join("embed.full.js");
    let output = stage.join("embed.min.js");
    write(&input, js.as_bytes())?;
    exec(
        Command::new(util::root().join("node_modules/.bin/terser"))
            .arg(&input)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&output),
    )?;
    String::from_utf8(read(&output)?).map_err(|_| Error::NotUtf8 {
        what: "terser's output".into(),
    })
}

/// Minifies every stylesheet in `dist/` in place, before anything is hashed: the host stylesheet
/// the snippet pins, and the pages' own.
fn minify_stylesheets(dist: &Path) -> Result {
    for file in files_under(dist)? {
        if file.extension().is_some_and(|e| e == "css") {
            let css = String::from_utf8(read(&file)?).map_err(|_| Error::NotUtf8 {
                what: file.display().to_string(),
            })?;
            write(&file, css_min::minify(&css).as_bytes())?;
        }
    }
    Ok(())
}

/// A file published under a content-hashed name, with its Subresource Integrity value.
pub struct Pinned {
    pub name: String,
    pub integrity: String,
}

/// Copies `dist/<stem>.<ext>` to `dist/<stem>-<hash>.<ext>`.
fn hashed_copy(dist: &Path, name: &str) -> Result<Pinned> {
    let bytes = read(&dist.join(name))?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let hashed = format!("{stem}-{}.{ext}", short_hash(&bytes));
    write(&dist.join(&hashed), &bytes)?;
    Ok(Pinned {
        name: hashed,
        integrity: sri(&bytes),
    })
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(Error::io(FileAction::Read, path))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(Error::io(FileAction::Create, parent))?;
    }
    fs::write(path, bytes).map_err(Error::io(FileAction::Write, path))
}

fn copy_file(from: &Path, to: &Path) -> Result {
    write(to, &read(from)?)
}

fn copy_tree(from: &Path, to: &Path) -> Result {
    for entry in files_under(from)? {
        let rel = entry.strip_prefix(from)?;
        copy_file(&entry, &to.join(rel))?;
    }
    Ok(())
}

/// Every file below `dir`, sorted, so builds are reproducible.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = fs::read_dir(&d).map_err(Error::io(FileAction::List, &d))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// Subresource Integrity value (`sha384-…`) for a file's bytes.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

pub fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn precompress(dist: &Path) -> Result {
    for file in files_under(dist)? {
        if !is_compressible(&file) {
            continue;
        }
        run_quiet(
            Command::new("gzip")
                .args(["-9", "-k", "-n", "-f"])
                .arg(&file),
        )?;
        run_quiet(
            Command::new("brotli")
                .args(["-q", "11", "-k", "-f"])
                .arg(&file),
        )?;
    }
    Ok(())
}

fn run_quiet(cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(Error::start(cmd))?;
    status.success().then_some(()).ok_or_else(|| Error::Failed {
        command: format!("{cmd:?}"),
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variants_name_every_kind_and_only_full_has_everything() {
        let names: Vec<&str> = story::WidgetKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, ALL_KINDS);
        for v in VARIANTS {
            assert!(v.kinds.iter().all(|k| names.contains(k)), "{}", v.name);
            let everything = v.src && v.kinds.len() == names.len() && v.langs == BOTH_LANGS;
            assert_eq!(everything, v.name == "full", "{}", v.name);
            assert_eq!(v.cargo_features().is_empty(), everything, "{}", v.name);
        }
        let tally = VARIANTS
            .iter()
            .find(|v| v.name == "tally")
            .map(Variant::cargo_features);
        assert_eq!(
            tally,
            Some(vec![
                "--no-default-features".to_owned(),
                "--features".to_owned(),
                "tally,zh,en".to_owned()
            ])
        );
    }
}
