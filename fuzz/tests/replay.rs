//! The committed corpus and every regression found pass the properties, and a short run of
//! the generator does too (a smoke test: the real runs are `cargo xtask fuzz`).

use parse_fuzz::{case_input, TARGETS};
use std::path::Path;

fn inputs_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let data = std::fs::read(&path).ok()?;
            Some((path.display().to_string(), data))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_corpus_and_the_regressions_pass_every_property() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for t in TARGETS {
        for folder in ["corpus", "regressions"] {
            for (path, data) in inputs_under(&root.join(folder).join(t.name)) {
                if let Err(why) = (t.check)(&data) {
                    panic!("{path}: {why}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= TARGETS.len(), "only {checked} inputs found");
}

#[test]
fn a_short_generated_run_passes_every_property_and_reaches_both_answers() {
    for t in TARGETS {
        let (mut accepted, mut refused) = (0, 0);
        for index in 0..300 {
            let data = case_input(t, 7, index);
            match (t.check)(&data) {
                Ok(label) if label.starts_with("accepted") => accepted += 1,
                Ok(_) => refused += 1,
                Err(why) => panic!("{} case {index}: {why}", t.name),
            }
        }
        assert!(
            accepted > 20 && refused > 20,
            "{}: {accepted} accepted, {refused} refused",
            t.name
        );
    }
}
