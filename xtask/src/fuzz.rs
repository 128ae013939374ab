//! `cargo xtask fuzz` and `cargo xtask parse-report`: fuzzing of the parsers that read outside
//! input, and the adversarial-document report (both in `fuzz/`, crate `parse-fuzz`). Neither
//! is part of `cargo xtask test`, which replays only the committed corpus and regressions.

use crate::util::{self, exec, step, Error, FileAction, Result};
use std::process::Command;

/// The nightly cargo-fuzz builds with (libFuzzer needs sanitizer flags): the same pinned
/// nightly as the release WASM, so a machine holds one.
const NIGHTLY: &str = crate::setup::RELEASE_TOOLCHAIN;
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// `cargo xtask fuzz [--cases N] [--target T] [--seed S]`: the structured generator (stable,
/// release build). `cargo xtask fuzz --libfuzzer T [--seconds N]`: cargo-fuzz on target T,
/// starting from and adding to `fuzz/corpus/T`, then minimising that corpus.
pub fn run(args: &[String]) -> Result {
    match args.iter().position(|a| a == "--libfuzzer") {
        Some(i) => {
            let target = args.get(i + 1).ok_or(Error::MissingValue {
                option: "--libfuzzer",
                what: "a target: json, widget-config, series, url",
            })?;
            let seconds = args
                .iter()
                .position(|a| a == "--seconds")
                .and_then(|j| args.get(j + 1))
                .map_or("300", String::as_str);
            libfuzzer(target, seconds)
        }
        None => {
            step("fuzz: structured generator (release build)");
            exec(parse_fuzz().arg("fuzz").args(args))
        }
    }
}

/// `cargo xtask parse-report`.
pub fn report() -> Result {
    step("parse-report: adversarial documents through every parser (release build)");
    exec(parse_fuzz().arg("report"))
}

fn parse_fuzz() -> Command {
    let mut c = util::cargo();
    c.args(["run", "--quiet", "--release", "-p", "parse-fuzz", "--"]);
    c
}

fn cargo_fuzz() -> Command {
    let mut c = Command::new("rustup");
    c.args(["run", NIGHTLY, "cargo", "fuzz"]);
    c
}

fn libfuzzer(target: &str, seconds: &str) -> Result {
    let has_nightly =
        util::output(Command::new("rustup").args(["run", NIGHTLY, "rustc", "--version"])).is_some();
    if !has_nightly {
        step(&format!("fuzz: installing {NIGHTLY}"));
        exec(Command::new("rustup").args([
            "toolchain",
            "install",
            NIGHTLY,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
        ]))?;
    }
    let version = util::output(cargo_fuzz().arg("--version")).unwrap_or_default();
    if !version.contains(CARGO_FUZZ_VERSION) {
        step(&format!("fuzz: installing cargo-fuzz {CARGO_FUZZ_VERSION}"));
        exec(util::cargo().args([
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
        ]))?;
    }
    let corpus = format!("fuzz/corpus/{target}");
    let corpus_dir = util::root().join(&corpus);
    std::fs::create_dir_all(&corpus_dir).map_err(Error::io(FileAction::Create, &corpus_dir))?;
    step(&format!("fuzz: libFuzzer on {target} for {seconds} s"));
    exec(
        cargo_fuzz()
            .args([
                "run",
                "--fuzz-dir",
                "fuzz/libfuzzer",
                "-O",
                target,
                &corpus,
                "--",
            ])
            .arg(format!("-max_total_time={seconds}")),
    )?;
    step(&format!("fuzz: minimising {corpus}"));
    // A set cover of the edges reached (not of every hit count): the corpus is committed, so
    // it stays around a hundred KB.
    exec(cargo_fuzz().args([
        "cmin",
        "--fuzz-dir",
        "fuzz/libfuzzer",
        "-O",
        target,
        &corpus,
        "--",
        "-set_cover_merge=1",
        "-use_counters=0",
    ]))
}
