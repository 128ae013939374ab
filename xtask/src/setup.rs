//! Installs what is missing, idempotently: the wasm target, the pinned nightly that builds the
//! release WASM, wasm-bindgen-cli at the version in Cargo.lock, Debian's Chromium, ChromeDriver,
//! CJK fonts and brotli, and the npm packages.

use crate::util::{self, exec, output, step, Error, FileAction, Result};
use std::process::Command;

/// poppler-utils: `pdftotext` reads the demo article's PDF in the print test.
const APT_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "brotli",
    "poppler-utils",
];

pub fn run() -> Result {
    step("setup: checking tools");
    wasm_target()?;
    release_toolchain()?;
    wasm_bindgen_cli()?;
    apt_packages()?;
    npm_packages()
}

fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The toolchain that builds the release WASM, and only that: pinned to a date so every machine
/// builds the same bytes. Everything else (fmt, clippy, native and browser tests) stays on
/// stable. Nightly because the release build rebuilds std for size (`-Zbuild-std`) and makes a
/// panic a bare trap (`-Cpanic=immediate-abort`): about 13 KiB brotli less (docs/architecture.md).
/// Moving the date: any nightly that builds `cargo xtask dist` and passes `cargo xtask test`.
pub const RELEASE_TOOLCHAIN: &str = "nightly-2026-05-20";

/// Installs [`RELEASE_TOOLCHAIN`] with the standard library's source (build-std needs it, and no
/// prebuilt wasm32 std). The minimal profile: no docs, clippy or rustfmt for this one.
fn release_toolchain() -> Result {
    let has_source = output(Command::new("rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        RELEASE_TOOLCHAIN,
    ]))
    .is_some_and(|list| list.lines().any(|l| l.trim() == "rust-src"));
    if has_source {
        return Ok(());
    }
    step(&format!(
        "setup: installing {RELEASE_TOOLCHAIN} with rust-src (the release WASM build)"
    ));
    exec(Command::new("rustup").args([
        "toolchain",
        "install",
        RELEASE_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let path = util::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(Error::io(FileAction::Read, &path))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(Error::NoWasmBindgenInLock)
}

fn wasm_bindgen_cli() -> Result {
    let want = locked_wasm_bindgen_version()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    step(&format!(
        "setup: installing wasm-bindgen-cli {want} (a few minutes)"
    ));
    exec(util::cargo().args([
        "install",
        "--locked",
        "wasm-bindgen-cli",
        "--version",
        &want,
    ]))
}

fn apt_packages() -> Result {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p]))
                .is_none_or(|s| !s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("setup: apt-get install {}", missing.join(" ")));
    exec(Command::new("apt-get").args(["update", "-qq"]))?;
    exec(
        Command::new("apt-get")
            .args(["install", "-y", "-qq"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn npm_packages() -> Result {
    let root = util::root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (marker.metadata(), lock.metadata()) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    step("setup: npm ci");
    exec(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}
