//! `cargo xtask <task>`: the project's one entry point for automation (after rust-analyzer's xtask).
//!
//! Each task is its own module. Every task that needs tools installs what is missing first,
//! idempotently, so a fresh machine needs nothing done by hand.

mod bench;
mod dist;
mod error;
mod fuzz;
mod glue;
mod serve;
mod setup;
mod size;
mod snippets;
mod test;
mod util;

use std::process::ExitCode;

pub(crate) const HELP: &str = "\
cargo xtask <task> [options]

Tasks:
  serve [--port N] [--no-build]   set up, build dist/ and serve it on 127.0.0.1 (default port 8000, or $PORT)
  test                            set up, then fmt, clippy, native tests, browser component tests,
                                  release build and end-to-end tests in headless Chromium
  dist                            set up and build the release bundle into dist/
  fixture-dist                    set up and build the test bundle (fixture stories embedded) into target/fixture-dist/
  size                            print raw, gzip -9 and brotli bytes of dist/ and compare with budgets.toml
  setup                           install what is missing (wasm target, wasm-bindgen-cli, chromium, npm packages)
  fuzz [--cases N] [--target T]   fuzz every parser of outside input (N cases per target; not part of `test`)
  fuzz --libfuzzer T [--seconds N]  cargo-fuzz on target T (pinned nightly), then minimise fuzz/corpus/T
  parse-report                    adversarial documents through every parser: size, time, answer
  bench [--runs N]                our three widgets beside the ECharts peer (bench/), same browser,
                                  medians and ratios at 1280 px and at 4x CPU / 375 px (builds dist/ if missing)
  bench --cost [--runs N]         cost against size: the payments chart at 2, 500, 5,000 points, the tally, the map
        [--dist DIR] [--before DIR]   measure another build than dist/; measure a second one in the same run
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(rest),
        Some("test") => test::run(rest),
        Some("dist") => setup::run().and_then(|_| dist::run()),
        Some("fixture-dist") => setup::run().and_then(|_| dist::fixture_bundle().map(|_| ())),
        Some("size") => size::run(),
        Some("setup") => setup::run(),
        Some("fuzz") => fuzz::run(rest),
        Some("parse-report") => fuzz::report(),
        Some("bench") => bench::run(rest),
        Some("help") | Some("--help") | Some("-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(error::Error::UnknownTask(other.to_owned())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
