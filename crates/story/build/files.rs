//! `map.json` as serde types: what an editor may write, field by field. `deny_unknown_fields`
//! everywhere, so a misspelt key is an error with its line, not ignored. (The other files of a
//! folder are read by the decoder the page runs on editors' bundles too, `src/data.rs`; the
//! map is build-time only.)

use serde::Deserialize;

/// zh-CN and English text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
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
