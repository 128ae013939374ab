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

/// `map.json`: the grid map's regions (districts of the GeoJSON), the links between them, the
/// timeline's milestones, and the interface text particular to the story.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools (JSON Schema), not read here
    pub schema: Option<String>,
    pub title: Text,
    /// Section whose heading the map cites as its source.
    pub source: String,
    /// The GeoJSON file, relative to the story folder (read by `viz`'s build).
    pub geometry: String,
    /// Credit line shown under the map.
    pub attribution: Text,
    /// The licences of the geometry, in full (for editors; not shown).
    #[allow(dead_code)] // notes for editors, not shown
    pub licences: String,
    /// What the regions form together (`{zone}` in texts).
    pub zone: Text,
    pub text: MapText,
    #[serde(default)]
    #[allow(dead_code)] // notes for editors, not shown
    pub why: Option<String>,
    pub regions: Vec<RegionDef>,
    pub links: Vec<LinkDef>,
    pub milestones: Vec<MilestoneDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapText {
    /// Accessible name of the drawing.
    pub drawing: Text,
    /// The flow-direction toggle.
    pub reverse: Text,
    /// What a link's capacity figure is.
    pub capacity: Text,
    /// The text alternative's opening, with slots such as `{zone}` and `{regions:full}`.
    pub description: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    pub id: String,
    /// The district's `adcode` in the GeoJSON.
    pub code: u32,
    pub name: Text,
    #[serde(default)]
    pub city: Option<Text>,
    pub province: Text,
    /// Colour role 1 to 6 (the stylesheet's region palette, light and dark).
    pub colour: u8,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkDef {
    pub id: String,
    pub from: String,
    pub to: String,
    pub date: String,
    /// The event, for lists of milestones (`cli facts`).
    pub label: Text,
    #[serde(default)]
    pub place: Option<Text>,
    pub carries: Text,
    /// Fact giving the link's capacity.
    #[serde(default)]
    pub capacity: Option<String>,
    pub anchor: AnchorDef,
}

/// `"shared-border"`, or `{ "near": "<place name_zh in the GeoJSON>" }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum AnchorDef {
    Named(String),
    Near { near: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneDef {
    pub id: String,
    pub date: String,
    pub label: Text,
    /// Links completed at this step.
    #[serde(default)]
    pub completes: Vec<String>,
    /// Whether the zone's outline is highlighted from this step on.
    #[serde(default)]
    pub outline: bool,
    /// Text after the label in the caption, with slots (`src/slots.rs`).
    #[serde(default)]
    pub more: Option<Text>,
}
