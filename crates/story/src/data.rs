//! Story data as editors write it (a story folder's JSON files, or one story bundle file), read
//! and checked by one decoder and one validator for both uses: the build (`build.rs` includes
//! this file with `#[path]`) checks `data/stories/<id>/`, the page checks an editor's `data-src`
//! file (`crate::bundle`). So a mistake reads the same wherever it is found:
//! `riverton.json:36: facts[3].unit: unknown unit "stals" (allowed: …)`.
//!
//! Self-contained but for `config/json.rs` (the reader, which knows where each value starts)
//! and `facts/iso.rs` (dates), which the build includes too; no serde, so nothing here adds to
//! the WASM beyond the checks themselves.

#[path = "data/check.rs"]
mod check;
#[path = "data/decode.rs"]
mod decode;

pub use check::{check, check_point, Checked, CheckedFact, Input, Point, QUALIFIERS};
pub use decode::{decode_bundle, decode_chart, decode_facts, decode_story, decode_tally, Part};

use crate::config::json::{path_text, Step};
use std::fmt;

/// zh-CN and English text.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// `story.json` (or a bundle's top level): what the story is, its units and source sections.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDef {
    pub id: String,
    pub title: Text,
    pub source: SourceDef,
    pub units: Vec<UnitDef>,
    pub sections: Vec<SectionDef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceDef {
    pub zh: String,
    pub en: String,
    /// When the source was published (`2020-07`).
    pub date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDef {
    pub id: String,
    /// Measure word or unit written after the number in Chinese.
    pub zh: String,
    /// English singular and plural.
    pub en: [String; 2],
    /// Whether the unit counts whole things (default true).
    pub count: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionDef {
    pub id: String,
    /// The heading as the source prints it, and our translation.
    pub heading: Text,
}

/// One figure of `facts`, stated or derived.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDef {
    pub id: String,
    pub value: f64,
    pub unit: String,
    /// For a derived figure, computed from its inputs when left out.
    pub qualifier: Option<String>,
    /// For a derived figure, its first input's date when left out.
    pub date: Option<String>,
    pub section: String,
    pub label: Text,
    /// The figure as the source prints it (stated figures only).
    pub source: Option<String>,
    pub derived: Option<DerivedDef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DerivedDef {
    /// `<fact id> / <fact id>` (also `*`, `+`, `-`).
    pub formula: String,
    /// The formula in words.
    pub zh: String,
    pub en: String,
}

/// `tally.json` (a bundle's `tally`): the tally's layout.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyDef {
    pub title: Text,
    /// Section whose heading the tally cites as its source.
    pub source: String,
    /// The figure above the cards.
    pub lead: String,
    /// File name of the CSV download.
    pub csv: String,
    pub cards: Vec<CardDef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CardDef {
    pub section: String,
    pub title: Text,
    pub heart: Option<Text>,
    pub headline: Option<String>,
    pub about: Option<Text>,
}

/// `chart.json` (a bundle's `chart`): the line chart's metrics and the derived figures it
/// explains.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartDef {
    pub title: Text,
    pub source: String,
    pub csv: String,
    pub start: Option<Text>,
    pub metrics: Vec<MetricDef>,
    pub derived: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetricDef {
    pub id: String,
    pub label: Text,
    /// The fact holding the reported total.
    pub total: String,
}

/// Where a story file is wrong: `file:line: field: what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    /// The field's path (`facts[3].unit`); empty for the file as a whole.
    pub field: String,
    pub what: String,
}

impl DataError {
    pub fn new(file: &str, line: usize, path: &[Step], what: impl Into<String>) -> DataError {
        DataError {
            file: file.into(),
            line,
            field: path_text(path),
            what: what.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(&self.what)
    }
}

/// `allowed: a, b, c`.
pub fn allowed<'a>(list: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = list.collect();
    ["allowed: ", &v.join(", ")].concat()
}

/// An id: letters, digits, - _ .
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A path from steps: `steps![ "facts", i, "unit" ]`.
macro_rules! steps {
    ($($step:expr),* $(,)?) => {
        &[$($crate::config::json::Step::from($step)),*][..]
    };
}
pub(crate) use steps;

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use crate::bundle::{read_bundle, BundleError};

    /// The Riverton test story as a bundle (`cli bundle`'s output, shipped under dist/test/).
    const RIVERTON: &str = include_str!("../../../www/test/stories/test-riverton.json");

    /// The error of the bundle with the first `from` replaced by `to`.
    fn refused(from: &str, to: &str) -> String {
        assert!(RIVERTON.contains(from), "{from}");
        match read_bundle("riverton.json", &RIVERTON.replacen(from, to, 1)) {
            Err(BundleError::Story(e)) => e.to_string(),
            other => panic!("expected a story error, got {other:?}"),
        }
    }

    /// The line where `needle` first appears in the bundle.
    fn line_of(needle: &str) -> usize {
        let at = RIVERTON.find(needle).unwrap_or(0);
        RIVERTON[..at].matches('\n').count() + 1
    }

    #[test]
    fn the_riverton_bundle_reads_as_its_story() {
        let story = read_bundle("riverton.json", RIVERTON).unwrap();
        assert_eq!(story.id, "test-riverton");
        let tally = story.tally.unwrap();
        assert_eq!(tally.lead.id, "intro.residents");
        assert_eq!(tally.cards.len(), 4);
        assert_eq!(tally.cards[2].headline.map(|f| f.id), Some("harbour.catch"));
        let chart = story.chart.unwrap();
        let catch = chart.metric("catch").unwrap();
        assert_eq!(catch.total.unit.id, "tonnes");
        assert_eq!(catch.series.len(), 6);
        assert_eq!(catch.series[2].value, 420.0);
        assert_eq!(
            chart.derived[0].derived.unwrap().inputs,
            ["harbour.catch", "harbour.boats"]
        );
        assert!(story.map.is_none());
    }

    #[test]
    fn an_unknown_unit_names_file_line_field_and_the_units_allowed() {
        let line = line_of("\"unit\": \"stalls\"");
        assert_eq!(
            refused("\"unit\": \"stalls\"", "\"unit\": \"stals\""),
            format!("riverton.json:{line}: facts[3].unit: unknown unit \"stals\" (allowed: boats, people, tonnes, stalls, yuan, km2)")
        );
    }

    #[test]
    fn each_class_of_mistake_names_its_field_and_line() {
        let cases = [
            // Unknown section.
            (
                "\"section\": \"school\"",
                "\"section\": \"schol\"",
                "facts[7].section: unknown section \"schol\"",
            ),
            // A derived figure that its inputs do not give.
            (
                "\"value\": 62.35294117647059",
                "\"value\": 62",
                "facts[6].value: the formula gives 62.352941, the file says 62",
            ),
            // Qualifiers and dates.
            (
                "\"qualifier\": \"nearly\"",
                "\"qualifier\": \"almost\"",
                "facts[3].qualifier: unknown qualifier \"almost\"",
            ),
            (
                "\"date\": \"2020-09\"",
                "\"date\": \"2020-13\"",
                "facts[7].date: \"2020-13\" is not a date",
            ),
            // A tally card naming a fact the story does not have.
            (
                "\"headline\": \"market.stalls\"",
                "\"headline\": \"market.stall\"",
                "tally.cards[1].headline: no fact \"market.stall\"",
            ),
            // Chart metrics and their points.
            (
                "\"total\": \"catch.total\"",
                "\"total\": \"catch.totl\"",
                "chart.metrics[0].total: no fact \"catch.totl\"",
            ),
            (
                "{ \"date\": \"2020-03\", \"value\": 420 }",
                "{ \"date\": \"2020-01\", \"value\": 420 }",
                "chart.metrics[0].points[2].date: 2020-01 is not after the metric's previous point",
            ),
            // Unknown fields and wrong types.
            (
                "\"lead\": \"intro.residents\"",
                "\"leed\": \"intro.residents\"",
                "tally.leed: unknown field (allowed: title, source, lead, csv, cards)",
            ),
            (
                "\"value\": 930",
                "\"value\": \"930\"",
                "facts[7].value: expected a number, found \"930\"",
            ),
        ];
        for (from, to, expected) in cases {
            let line = line_of(from);
            let got = refused(from, to);
            let want = format!("riverton.json:{line}: {expected}");
            assert!(
                got.starts_with(&want),
                "{got}\n   does not start with\n{want}"
            );
        }
    }

    #[test]
    fn a_missing_field_names_the_object_that_lacks_it() {
        let got = refused("    \"csv\": \"test-riverton-tally.csv\",\n", "");
        let line = line_of("\"tally\": {");
        assert_eq!(
            got,
            format!("riverton.json:{line}: tally.csv: missing (required)")
        );
    }

    #[test]
    fn broken_json_is_a_json_error_with_its_line() {
        let text = RIVERTON.replacen("\"id\": \"ferry\",", "\"id\": \"ferry\"", 1);
        let Err(BundleError::Json(e)) = read_bundle("riverton.json", &text) else {
            panic!("expected broken JSON");
        };
        let message = e.message(crate::Lang::En);
        assert!(message.contains("riverton.json"), "{message}");
        assert!(
            message.contains(&format!("line {}", line_of("\"id\": \"ferry\","))),
            "{message}"
        );
    }
}
