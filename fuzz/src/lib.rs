//! Fuzzing of every parser that reads outside input, and the adversarial-document report.
//!
//! Each parser is a [`Target`]: how to build inputs for it (valid ones, often broken on
//! purpose), and the properties its answer must have. The same targets serve three runners:
//! `cargo xtask fuzz` (the structured generator, stable Rust), the cargo-fuzz targets in
//! `fuzz/libfuzzer/` (coverage-guided, nightly), and the replay test of the committed corpus
//! and regressions (`cargo test -p parse-fuzz`). A new parser (a story file, a `data-src`
//! file) is one more entry in [`TARGETS`] and a three-line file in `fuzz/libfuzzer/`.
//!
//! Properties, for every input: no panic; an error is specific (its message, in zh and en,
//! names its field, stays short and shows no invisible characters); on JSON that serde_json
//! reads, our reader agrees with it (values, and acceptance); what a parser accepts meets its
//! contract (a series is sorted and finite, a URL stays on the page's origin).

pub mod gen;
pub mod oracle;
pub mod report;
pub mod rng;
mod targets;

pub use targets::TARGETS;

use rng::Rng;

/// One parser under test.
pub struct Target {
    pub name: &'static str,
    /// Builds an input (bytes, as libFuzzer hands them over).
    pub generate: fn(&mut Rng) -> Vec<u8>,
    /// Runs the parser and checks the properties; `Ok` names the outcome (`accepted`, or
    /// the error's kind), `Err` says which property failed.
    pub check: fn(&[u8]) -> Result<String, String>,
    /// Runs the parser alone and describes its answer (for the report).
    pub answer: fn(&[u8]) -> String,
}

/// The target called `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The input of case `index` of `target` in a run seeded with `seed`.
pub fn case_input(target: &Target, seed: u64, index: u64) -> Vec<u8> {
    let mut rng =
        Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407) ^ name_hash(target.name));
    (target.generate)(&mut rng)
}

fn name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// For libFuzzer: checks one input and panics (a crash for libFuzzer) if a property fails.
#[allow(clippy::panic)] // A panic is how a libFuzzer target reports a finding.
pub fn fuzz_one(name: &str, data: &[u8]) {
    let Some(t) = target(name) else {
        panic!("no fuzz target named {name}");
    };
    if let Err(why) = (t.check)(data) {
        panic!("{name}: {why}\ninput: {:?}", String::from_utf8_lossy(data));
    }
}
