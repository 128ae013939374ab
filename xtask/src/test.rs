//! `cargo xtask test`: every check CI runs, in order, failing fast.
//!
//! New wasm-bindgen tests (any `tests/*.rs` or `#[wasm_bindgen_test]` in the browser crates) and
//! new end-to-end tests (`tests/*.test.mjs`) are picked up without editing this file.

use crate::util::{self, exec, step, Error, Result};
use std::process::Command;
use std::time::Instant;

/// Crates whose tests run in headless Chromium through wasm-bindgen-test.
const BROWSER_CRATES: &[&str] = &["widgets", "embed"];

pub fn run(args: &[String]) -> Result {
    let started = Instant::now();
    let skip_setup = args.iter().any(|a| a == "--no-setup");
    if !skip_setup {
        crate::setup::run()?;
    }

    step("test: cargo fmt --check");
    exec(util::cargo().args(["fmt", "--all", "--check"]))?;

    step("test: cargo clippy (native, all targets)");
    exec(util::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("test: cargo clippy (wasm32, browser crates)");
    let mut clippy_wasm = util::cargo();
    clippy_wasm.args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
    ]);
    for c in BROWSER_CRATES {
        clippy_wasm.args(["-p", c]);
    }
    exec(clippy_wasm.args(["--", "-D", "warnings"]))?;
    for variant in crate::dist::lean_variants() {
        step(&format!(
            "test: cargo clippy (wasm32, the {} module variant)",
            variant.name()
        ));
        exec(
            util::cargo()
                .args([
                    "clippy",
                    "--target",
                    "wasm32-unknown-unknown",
                    "-p",
                    "embed",
                ])
                .args(variant.cargo_features())
                .args(["--", "-D", "warnings"]),
        )?;
    }
    step("test: native tests");
    exec(util::cargo().args(["test", "--workspace"]))?;

    step("test: component tests in headless Chromium (wasm-bindgen-test)");
    let mut wasm_test = util::cargo();
    wasm_test.args(["test", "--target", "wasm32-unknown-unknown"]);
    for c in BROWSER_CRATES {
        wasm_test.args(["-p", c]);
    }
    exec(
        wasm_test
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    crate::dist::run()?;
    crate::size::run()?;

    step("test: the test bundle with the fixture stories (tests/fixtures/stories)");
    let fixture = crate::dist::fixture_bundle()?;

    step("test: end-to-end tests in headless Chromium (tests/*.test.mjs)");
    let addr = crate::serve::spawn_background()?;
    let fixture_addr = crate::serve::spawn_background_at(fixture)?;
    let mut e2e: Vec<String> = crate::dist::files_under(&util::root().join("tests"))?
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(util::root()).ok()?.display().to_string();
            rel.ends_with(".test.mjs").then_some(rel)
        })
        .collect();
    e2e.sort();
    if e2e.is_empty() {
        return Err(Error::NoEndToEndTests);
    }
    exec(
        Command::new("node")
            .arg("--test")
            .arg("--test-concurrency=1")
            .args(&e2e)
            .env("BASE_URL", format!("http://{addr}"))
            .env("FIXTURE_URL", format!("http://{fixture_addr}")),
    )?;

    eprintln!(
        "\nall checks passed in {:.0} s",
        started.elapsed().as_secs_f32()
    );
    Ok(())
}
