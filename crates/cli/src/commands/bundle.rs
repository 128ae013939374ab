//! `cli bundle <story folder>`: the folder as one story bundle file (the form a placeholder's
//! `data-src` reads at run time), so an editor starts from a valid file. The story's fields
//! come first, then `facts`, `tally` and `chart`, each metric with its `series.csv` points
//! inline; the map is left out (it is build-time only). The result is checked by the page's
//! own reader before it is printed: the command never writes a bundle the page would refuse.

use super::Outcome;
use crate::Error;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use story::config::json::{self, Json};

pub fn run(args: &[String]) -> Outcome {
    let [dir] = args else {
        eprintln!("usage: cli bundle <story folder>");
        return Ok(ExitCode::from(2));
    };
    print!("{}", bundle(Path::new(dir))?);
    Ok(ExitCode::SUCCESS)
}

/// The bundle of the story folder `dir`, checked.
pub fn bundle(dir: &Path) -> Result<String, Error> {
    let story = object(dir, "story.json")?.ok_or_else(|| missing(dir, "story.json"))?;
    let facts = object(dir, "facts.json")?.ok_or_else(|| missing(dir, "facts.json"))?;
    let mut out: Vec<(String, Json)> = without_schema(story);
    if let Some(list) = facts.into_iter().find(|(k, _)| k == "facts") {
        out.push(list);
    }
    if let Some(tally) = object(dir, "tally.json")? {
        out.push(("tally".into(), Json::Obj(without_schema(tally))));
    }
    if let Some(chart) = object(dir, "chart.json")? {
        let mut chart = without_schema(chart);
        let series = read(dir, "series.csv")?.unwrap_or_default();
        for (key, value) in &mut chart {
            if let (true, Json::Arr(metrics)) = (key == "metrics", value) {
                for metric in metrics.iter_mut() {
                    add_points(metric, &series);
                }
            }
        }
        out.push(("chart".into(), Json::Obj(chart)));
    }
    let mut text = String::new();
    write(&mut text, &Json::Obj(out), 0);
    text.push('\n');
    let name = dir
        .file_name()
        .map(|n| format!("{}.json", n.to_string_lossy()))
        .unwrap_or_default();
    story::bundle::read_bundle(&name, &text).map_err(|e| Error::Bundle(format!("{e:?}")))?;
    Ok(text)
}

fn missing(dir: &Path, name: &str) -> Error {
    Error::Bundle(format!("{}: a story folder needs {name}", dir.display()))
}

fn read(dir: &Path, name: &str) -> Result<Option<String>, Error> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// A folder's JSON file, which must hold an object.
fn object(dir: &Path, name: &str) -> Result<Option<Vec<(String, Json)>>, Error> {
    let Some(text) = read(dir, name)? else {
        return Ok(None);
    };
    match json::parse(&text) {
        Ok(Json::Obj(members)) => Ok(Some(members)),
        Ok(_) => Err(Error::Bundle(format!("{name}: not a JSON object"))),
        Err(e) => Err(Error::Bundle(format!(
            "{name}:{}:{}: not valid JSON",
            e.line, e.column
        ))),
    }
}

/// `$schema` points at the schema from the folder's place; a bundle lives elsewhere.
fn without_schema(members: Vec<(String, Json)>) -> Vec<(String, Json)> {
    members
        .into_iter()
        .filter(|(k, _)| k != "$schema")
        .collect()
}

/// `"points"` of the metric from `series.csv` (`metric,date,value` lines); the bundle's reader
/// checks them.
fn add_points(metric: &mut Json, csv: &str) {
    let Json::Obj(members) = metric else { return };
    let id = members.iter().find_map(|(k, v)| match (k.as_str(), v) {
        ("id", Json::Str(s)) => Some(s.clone()),
        _ => None,
    });
    let points: Vec<Json> = csv
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split(',').map(str::trim);
            let (m, date, value) = (cols.next()?, cols.next()?, cols.next()?);
            (Some(m) == id.as_deref()).then(|| {
                Json::Obj(vec![
                    ("date".into(), Json::Str(date.into())),
                    ("value".into(), Json::Num(value.parse().unwrap_or(f64::NAN))),
                ])
            })
        })
        .collect();
    if !points.is_empty() {
        members.push(("points".into(), Json::Arr(points)));
    }
}

/// Pretty JSON: one field a line, so that a message's line number finds one field; objects and
/// arrays of plain values that fit a short line stay on one (a label, a point).
fn write(out: &mut String, v: &Json, indent: usize) {
    let flat = flat(v);
    if flat.len() <= 90 {
        out.push_str(&flat);
        return;
    }
    let pad = "  ".repeat(indent + 1);
    match v {
        Json::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                write(out, item, indent + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}]", "  ".repeat(indent));
        }
        Json::Obj(members) => {
            out.push_str("{\n");
            for (i, (k, item)) in members.iter().enumerate() {
                let _ = write!(out, "{pad}{}: ", string(k));
                write(out, item, indent + 1);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}}}", "  ".repeat(indent));
        }
        _ => out.push_str(&flat),
    }
}

/// `v` on one line.
fn flat(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Num(n) => n.to_string(),
        Json::Str(s) => string(s),
        Json::Arr(items) => {
            let parts: Vec<String> = items.iter().map(flat).collect();
            format!("[{}]", parts.join(", "))
        }
        Json::Obj(members) => {
            let parts: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}: {}", string(k), flat(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn the_shipped_test_bundle_is_the_riverton_folder_s_bundle() {
        let made = bundle(&root().join("tests/fixtures/stories/test-riverton"));
        let shipped = std::fs::read_to_string(root().join("www/test/stories/test-riverton.json"));
        assert_eq!(
            made.ok(),
            shipped.ok(),
            "run: cargo run -p cli -- bundle tests/fixtures/stories/test-riverton > www/test/stories/test-riverton.json"
        );
    }

    #[test]
    fn every_story_folder_makes_a_bundle_the_page_reads_with_the_same_figures() {
        let made = bundle(&root().join("data/stories/suzhou-2020-07"));
        let text = made.unwrap_or_default();
        let read = story::bundle::read_bundle("suzhou.json", &text);
        let built = story::default_story();
        let Ok(read) = read else {
            panic!("{read:?}");
        };
        assert_eq!(read.facts, built.facts);
        assert_eq!(read.tally, built.tally);
        assert_eq!(read.chart, built.chart);
    }
}
