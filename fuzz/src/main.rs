//! `parse-fuzz`: runs the structured fuzzer, prints the adversarial-document report, writes
//! seed inputs for libFuzzer and checks single files. Run through `cargo xtask fuzz` and
//! `cargo xtask parse-report` (release build).

use parse_fuzz::{case_input, report, target, Target, TARGETS};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

const HELP: &str = "\
parse-fuzz <command>

  fuzz [--cases N] [--target NAME] [--seed S]   N generated cases per target (default 250000)
  report                                         adversarial documents: size, time, answer
  corpus --per-target N --out DIR                write N generated inputs (up to 4 KiB) per target to DIR/<target>/
  check TARGET FILE...                           check files (libFuzzer artifacts, regressions)
  targets                                        list the targets
";

/// Largest input `corpus` writes.
const SEED_MAX_BYTES: usize = 4096;

/// The case being checked, written out by the panic hook (release builds abort on panic).
static CURRENT: Mutex<Option<(&'static str, Vec<u8>)>> = Mutex::new(None);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("fuzz") => fuzz(rest),
        Some("report") => {
            report::print();
            Ok(())
        }
        Some("corpus") => corpus(rest),
        Some("check") => check_files(rest),
        Some("targets") => {
            for t in TARGETS {
                println!("{}", t.name);
            }
            Ok(())
        }
        _ => Err(HELP.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn option<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{name} needs a value\n\n{HELP}")),
    }
}

fn chosen_targets(args: &[String]) -> Result<Vec<&'static Target>, String> {
    match option::<String>(args, "--target")? {
        None => Ok(TARGETS.iter().collect()),
        Some(name) => target(&name)
            .map(|t| vec![t])
            .ok_or_else(|| format!("no target {name}; targets: {}", names())),
    }
}

fn names() -> String {
    TARGETS
        .iter()
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn regressions_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("regressions")
        .join(target)
}

fn file_name(data: &[u8]) -> String {
    let h = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{h:016x}")
}

/// Keeps a failing input where the replay test finds it.
fn save_regression(target: &str, data: &[u8]) -> PathBuf {
    let dir = regressions_dir(target);
    let path = dir.join(file_name(data));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(&path, data);
    path
}

fn fuzz(args: &[String]) -> Result<(), String> {
    let cases: u64 = option(args, "--cases")?.unwrap_or(250_000);
    let seed: u64 = option(args, "--seed")?.unwrap_or(1);
    let targets = chosen_targets(args)?;
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(Some((name, data))) = CURRENT.lock().map(|c| c.clone()) {
            let path = save_regression(name, &data);
            eprintln!("\n{name}: PANIC on the input saved to {}", path.display());
        }
        default_hook(info);
    }));
    let mut failures = 0;
    let mut total = 0;
    println!("seed {seed}, {cases} cases per target");
    for t in targets {
        let started = Instant::now();
        let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
        for index in 0..cases {
            let data = case_input(t, seed, index);
            if let Ok(mut c) = CURRENT.lock() {
                *c = Some((t.name, data.clone()));
            }
            match (t.check)(&data) {
                Ok(label) => *outcomes.entry(label).or_default() += 1,
                Err(why) => {
                    failures += 1;
                    let path = save_regression(t.name, &data);
                    println!(
                        "{} case {index}: {why}\n  input saved to {}",
                        t.name,
                        path.display()
                    );
                }
            }
        }
        total += cases;
        println!(
            "{:<14} {cases} cases in {:.1} s, {} outcomes:",
            t.name,
            started.elapsed().as_secs_f64(),
            outcomes.len()
        );
        let mut by_count: Vec<(String, u64)> = outcomes.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (label, n) in by_count {
            println!("    {n:>9}  {label}");
        }
    }
    println!("{total} cases in total, {failures} failed");
    if failures == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failures} cases failed; inputs in fuzz/regressions/"
        ))
    }
}

fn corpus(args: &[String]) -> Result<(), String> {
    let per_target: u64 = option(args, "--per-target")?.unwrap_or(200);
    let out: PathBuf = option::<String>(args, "--out")?
        .ok_or_else(|| format!("--out is needed\n\n{HELP}"))?
        .into();
    for t in chosen_targets(args)? {
        let dir = out.join(t.name);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut written = 0;
        let mut index = 0;
        while written < per_target {
            let data = case_input(t, 0x00C0_FFEE, index);
            index += 1;
            // The committed corpus stays small; documents at the limits are the report's.
            if data.len() > SEED_MAX_BYTES {
                continue;
            }
            std::fs::write(dir.join(file_name(&data)), &data).map_err(|e| e.to_string())?;
            written += 1;
        }
    }
    Ok(())
}

fn check_files(args: &[String]) -> Result<(), String> {
    let (Some(name), files) = (args.first(), args.get(1..).unwrap_or(&[])) else {
        return Err(HELP.into());
    };
    let t = target(name).ok_or_else(|| format!("no target {name}; targets: {}", names()))?;
    let mut failed = 0;
    for f in files {
        let data = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        match (t.check)(&data) {
            Ok(label) => println!("{f}: {label}"),
            Err(why) => {
                failed += 1;
                println!("{f}: FAILED {why}");
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} files failed"))
    }
}
