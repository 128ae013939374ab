//! A story as the toolkit sees it: units, source sections, facts and the tally's layout, all
//! read from a story folder (`data/stories/<id>/`) at build time. Nothing here names a story:
//! the types are the toolkit, the data is generated from the files by `build.rs`.

use crate::config::{Lang, SeriesPoint};
#[allow(unused_imports)] // the generated statics use whichever of these the stories need
use crate::{
    config::SeriesDate,
    facts::{Date, MoreMark, Qualifier, When},
};

/// zh-CN and English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang` (in a one-language build, the build's language: [`Lang::pick`]).
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// What a figure counts or measures; counts carry their Chinese measure word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub id: &'static str,
    pub zh: &'static str,
    pub en_one: &'static str,
    pub en_many: &'static str,
    /// Whether the unit counts whole things (shown without decimals below 万 / a million).
    pub count: bool,
}

impl Unit {
    /// Stable machine name (used in JSON output, configs and CSV).
    pub const fn id(&self) -> &'static str {
        self.id
    }

    pub const fn is_count(&self) -> bool {
        self.count
    }

    /// The Chinese measure word or unit written right after the number.
    pub const fn zh(&self) -> &'static str {
        self.zh
    }

    /// English unit word, singular or plural.
    pub const fn en(&self, plural: bool) -> &'static str {
        if plural {
            self.en_many
        } else {
            self.en_one
        }
    }
}

/// A section of the source: its heading as printed, and our translation.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// Stable id used in configs (`data-sections="policy,training"`), JSON and element ids.
    pub id: &'static str,
    pub heading: Text,
}

/// Sections are equal when their ids are: the build refuses two sections with one id in a
/// story, and options only ever compare sections of one story.
impl PartialEq for Section {
    fn eq(&self, other: &Section) -> bool {
        self.id == other.id
    }
}

impl Eq for Section {}

impl Section {
    pub const fn id(&self) -> &'static str {
        self.id
    }

    pub const fn heading_zh(&self) -> &'static str {
        self.heading.zh
    }

    pub const fn heading_en(&self) -> &'static str {
        self.heading.en
    }
}

/// How a derived figure was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derivation {
    pub formula_zh: &'static str,
    pub formula_en: &'static str,
    /// Ids of the facts the formula reads, in formula order.
    pub inputs: &'static [&'static str],
}

/// One figure of a story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    /// Stable id, unique in its story.
    pub id: &'static str,
    pub value: f64,
    pub unit: &'static Unit,
    pub qualifier: Qualifier,
    /// Date or period the source gives for the figure.
    pub date: Option<When>,
    pub section: &'static Section,
    /// Short label, our own words.
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// The figure as the source prints it (a few characters around the number), for
    /// provenance. Empty for derived figures.
    pub source_zh: &'static str,
    pub derived: Option<Derivation>,
}

/// One card of a tally: a section, its title, and the figure it leads with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub section: &'static Section,
    pub title: Text,
    /// A short word after the title (the 心 word of Wangting's seven ones).
    pub heart: Option<Text>,
    /// The figure shown big; `None` when the source gives none.
    pub headline: Option<&'static Fact>,
    /// What the section is about, for a card without figures.
    pub about: Option<Text>,
}

/// The tally's layout: a lead figure above cards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    pub title: Text,
    /// The section whose heading the tally cites.
    pub source: &'static Section,
    pub lead: &'static Fact,
    /// File name of the CSV download.
    pub csv: &'static str,
    pub cards: &'static [Card],
}

/// One figure a line chart can show: the reported total, and the reported points when the
/// source gives more than a total.
#[derive(Debug, Clone, Copy)]
pub struct Metric {
    /// Stable id, the chart's `metric` option.
    pub id: &'static str,
    /// Short name for the metric switch.
    pub label: Text,
    /// The fact holding the reported total (its unit is the metric's).
    pub total: &'static Fact,
    /// Points the source reports, oldest first; empty when it gives only the total.
    pub series: &'static [SeriesPoint],
}

/// Metrics are equal when their ids are (unique in a chart, checked by the build): the chart
/// compares its current metric on every render, which should not walk the total's fact.
impl PartialEq for Metric {
    fn eq(&self, other: &Metric) -> bool {
        self.id == other.id
    }
}

impl Metric {
    pub const fn unit(&self) -> &'static Unit {
        self.total.unit
    }
}

/// The line chart's layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chart {
    pub title: Text,
    /// The section whose heading the chart cites.
    pub source: &'static Section,
    /// File name of the CSV download.
    pub csv: &'static str,
    /// Word after the year of a "since" total's start point (推广 / launch).
    pub start: Option<Text>,
    /// The metrics, the first being the default.
    pub metrics: &'static [Metric],
    /// Derived figures the chart explains with their formulas.
    pub derived: &'static [&'static Fact],
}

impl Chart {
    pub fn metric(&self, id: &str) -> Option<&'static Metric> {
        let metrics: &'static [Metric] = self.metrics;
        metrics.iter().find(|m| m.id == id)
    }
}

/// An area of the map: a district of the story's GeoJSON.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Stable id, unique in the map.
    pub id: &'static str,
    /// The district's administrative code in the geometry (`adcode`).
    pub code: u32,
    pub name: Text,
    /// Prefecture-level city, when the region lies in one below its province.
    pub city: Option<Text>,
    /// Province or municipality.
    pub province: Text,
    /// Colour role, 1 to 6 (the stylesheet's region palette).
    pub colour: u8,
}

/// Where a link's connector crosses the two regions' shared border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A representative point of the border: the source says not where (drawn as such).
    SharedBorder,
    /// The point of the border nearest the GeoJSON place with this `name_zh` (approximate).
    NearPlace(&'static str),
}

/// A link between two regions, completed at a date.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// Stable id, unique in the map.
    pub id: &'static str,
    pub from: &'static Region,
    pub to: &'static Region,
    pub date: When,
    /// The event, in lists of milestones.
    pub label: Text,
    /// Where, when the source says.
    pub place: Option<Text>,
    /// What it carries.
    pub carries: Text,
    /// The figure of its capacity, when the source gives one.
    pub capacity: Option<&'static Fact>,
    pub anchor: Anchor,
}

/// Links are equal when their ids are (unique in a map, checked by the build).
impl PartialEq for Link {
    fn eq(&self, other: &Link) -> bool {
        self.id == other.id
    }
}

/// One step of the map's timeline.
#[derive(Debug, Clone, Copy)]
pub struct Milestone {
    /// Stable id, the grid map's `step` option.
    pub id: &'static str,
    pub date: When,
    pub label: Text,
    /// Links completed at this step.
    pub completes: &'static [&'static Link],
    /// Whether the zone's outline is highlighted from this step on.
    pub outline: bool,
    /// Caption text after the label, with slots (see [`crate::slots`]).
    pub more: Option<Text>,
}

/// Milestones are equal when their ids are (unique in a map, checked by the build).
impl PartialEq for Milestone {
    fn eq(&self, other: &Milestone) -> bool {
        self.id == other.id
    }
}

/// The grid map of a story: regions of its GeoJSON, links, the timeline and its own words.
/// The geometry itself is built by `viz` from the same folder.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Map {
    pub title: Text,
    /// The section whose heading the map cites.
    pub source: &'static Section,
    /// Credit line of the geometry.
    pub attribution: Text,
    /// What the regions form together.
    pub zone: Text,
    /// Accessible name of the drawing.
    pub drawing: Text,
    /// The flow-direction toggle.
    pub reverse: Text,
    /// What a link's capacity figure is.
    pub capacity: Text,
    /// The text alternative's opening, with slots (see [`crate::slots`]).
    pub description: Text,
    pub regions: &'static [Region],
    /// In the order they were completed.
    pub links: &'static [Link],
    /// Oldest first.
    pub milestones: &'static [Milestone],
}

impl Map {
    pub fn milestone(&self, id: &str) -> Option<&'static Milestone> {
        let all: &'static [Milestone] = self.milestones;
        all.iter().find(|m| m.id == id)
    }

    /// The region with this administrative code.
    pub fn region_by_code(&self, code: u32) -> Option<&'static Region> {
        let all: &'static [Region] = self.regions;
        all.iter().find(|r| r.code == code)
    }
}

/// A story: everything the widgets draw, with where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Story {
    pub id: &'static str,
    pub title: Text,
    /// The source, named for credit lines.
    pub source: Text,
    /// When the source was published.
    pub published: When,
    pub units: &'static [Unit],
    /// Source sections, in source order.
    pub sections: &'static [Section],
    /// Every figure, in source order; derived figures follow their inputs.
    pub facts: &'static [Fact],
    pub tally: Option<Tally>,
    pub chart: Option<Chart>,
    pub map: Option<Map>,
}

/// Stories are equal when their ids are: the build refuses two folders with one id, so an id
/// names one story (and comparing props does not walk every fact).
impl PartialEq for Story {
    fn eq(&self, other: &Story) -> bool {
        self.id == other.id
    }
}

impl Story {
    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&'static Fact> {
        let facts: &'static [Fact] = self.facts;
        facts.iter().find(|f| f.id == id)
    }

    /// The facts of one section, in source order.
    pub fn facts_in(&self, section: &Section) -> impl Iterator<Item = &'static Fact> {
        let facts: &'static [Fact] = self.facts;
        let id = section.id;
        facts.iter().filter(move |f| f.section.id == id)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&'static Section> {
        let sections: &'static [Section] = self.sections;
        sections.iter().find(|s| s.id == id)
    }

    /// The sections that have a card in the story's tally, in its order.
    pub fn tally_sections(&self) -> impl Iterator<Item = &'static Section> {
        self.tally
            .into_iter()
            .flat_map(|t| t.cards.iter().map(|c| c.section))
    }

    /// The chart's metrics, the first being the default (none without a chart).
    pub fn metrics(&self) -> &'static [Metric] {
        self.chart.map_or(&[], |c| c.metrics)
    }

    /// The map's milestones, oldest first (none without a map).
    pub fn milestones(&self) -> &'static [Milestone] {
        self.map.map_or(&[], |m| m.milestones)
    }

    pub fn unit(&self, id: &str) -> Option<&'static Unit> {
        let units: &'static [Unit] = self.units;
        units.iter().find(|u| u.id == id)
    }
}

/// Every story this build embeds (the folders of `data/stories/`, or `STORY_DIRS`).
pub fn stories() -> &'static [&'static Story] {
    &STORIES
}

/// The embedded story with this id.
pub fn story(id: &str) -> Option<&'static Story> {
    STORIES.iter().copied().find(|s| s.id == id)
}

/// The story a placeholder gets when it names none: the first embedded one.
pub fn default_story() -> &'static Story {
    STORIES[0]
}

// Generated by build.rs from the story folders.
include!(concat!(env!("OUT_DIR"), "/stories.rs"));
