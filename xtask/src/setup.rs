//! Installs what is missing, idempotently: the wasm target, wasm-bindgen-cli at the version in
//! Cargo.lock, Debian's Chromium, ChromeDriver, CJK fonts and brotli, and the npm packages.

use crate::util::{self, exec, output, step, Error, FileAction, Result};
use std::process::Command;

const APT_PACKAGES: &[&str] = &["chromium", "chromium-driver", "fonts-noto-cjk", "brotli"];

pub fn run() -> Result {
    step("setup: checking tools");
    wasm_target()?;
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
