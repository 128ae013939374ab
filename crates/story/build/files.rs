//! The files of a story folder as serde types: what an editor may write, field by field.
//! `deny_unknown_fields` everywhere, so a misspelt key is an error with its line, not ignored.

use serde::Deserialize;

/// zh-CN and English text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// `story.json`: what the story is, its units and its source sections.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools (JSON Schema), not read here
    pub schema: Option<String>,
    pub id: String,
    pub title: Text,
    pub source: Source,
    pub units: Vec<UnitDef>,
    pub sections: Vec<SectionDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub zh: String,
    pub en: String,
    /// When the source was published (`2020-07`).
    pub date: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub id: String,
    /// Measure word or unit written after the number in Chinese.
    pub zh: String,
    /// English singular and plural.
    pub en: [String; 2],
    /// Whether the unit counts whole things (default true).
    #[serde(default = "yes")]
    pub count: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    pub id: String,
    /// The heading as the source prints it, and our translation.
    pub heading: Text,
}

/// `facts.json`: every figure, stated or derived.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools (JSON Schema), not read here
    pub schema: Option<String>,
    pub facts: Vec<FactDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    pub id: String,
    pub value: f64,
    pub unit: String,
    /// `exact`, `more-than:余`, `more-than:多`, `over`, `nearly`, `about`, `at-least`; for a
    /// derived figure, computed from its inputs when left out.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// When the figure holds (`2020-03`, `2020-06-19`, `2020-H1`, `2019..`, ...); for a derived
    /// figure, its first input's date when left out.
    #[serde(default)]
    pub date: Option<String>,
    pub section: String,
    pub label: Text,
    /// The figure as the source prints it (stated figures only).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub derived: Option<Derived>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    /// `<fact id> / <fact id>` (also `*`, `+`, `-`).
    pub formula: String,
    /// The formula in words.
    pub zh: String,
    pub en: String,
}

/// `tally.json`: the tally's layout.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools (JSON Schema), not read here
    pub schema: Option<String>,
    pub title: Text,
    /// Section whose heading the tally cites as its source.
    pub source: String,
    /// The figure above the cards.
    pub lead: String,
    /// File name of the CSV download.
    pub csv: String,
    /// Why the layout is as it is (for editors; not shown).
    #[serde(default)]
    #[allow(dead_code)] // notes for editors, not shown
    pub why: Option<String>,
    pub cards: Vec<CardDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardDef {
    pub section: String,
    pub title: Text,
    /// A short word after the title (the 心 word of the seven ones).
    #[serde(default)]
    pub heart: Option<Text>,
    /// The figure shown big; every figure of the section is listed on the card.
    #[serde(default)]
    pub headline: Option<String>,
    /// What the section is about, for a card without figures.
    #[serde(default)]
    pub about: Option<Text>,
    #[serde(default)]
    #[allow(dead_code)] // notes for editors, not shown
    pub why: Option<String>,
}

/// `chart.json`: the line chart's metrics (each a reported total, and reported points when
/// the source gives them in `series.csv`) and the derived figures it explains.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools (JSON Schema), not read here
    pub schema: Option<String>,
    pub title: Text,
    /// Section whose heading the chart cites as its source.
    pub source: String,
    /// File name of the CSV download.
    pub csv: String,
    /// Word after the year of a "since" total's start point (推广 / launch).
    #[serde(default)]
    pub start: Option<Text>,
    #[serde(default)]
    #[allow(dead_code)] // notes for editors, not shown
    pub why: Option<String>,
    pub metrics: Vec<MetricDef>,
    /// Derived facts the chart explains with their formulas.
    #[serde(default)]
    pub derived: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    pub id: String,
    pub label: Text,
    /// The fact holding the reported total.
    pub total: String,
}
