//! A story's map as the widget shows it: the milestones as timeline steps, the links matched
//! to the geometry's connectors by the pair of districts they join, tooltip text for every
//! district and link, captions, a text description and the data table, all built from the
//! story's `map.json` and facts in the reader's language (no name or figure is typed here).

use super::links::{link_geometry, Link, LinkAt, LinkSpec};
use super::MapModel;
use crate::geo::GeoMap;
use crate::table::{citation, file_name, raw_number, Cell, TableView};
use crate::timeline::Changes;
use story::facts::{self, Map, Milestone, Region};
use story::slots::{pieces, Piece};
use story::ui::{widget_title, UiText};
use story::{format_fact, format_when, Lang, Story, WidgetKind};

/// What a timeline step changes: the links it completes (indices into [`GridStory::links`])
/// and whether it is the step at which the zone's outline is highlighted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    pub links: Vec<usize>,
    pub zone: bool,
}

impl Changes for Change {
    fn items(&self) -> &[usize] {
        &self.links
    }
}

/// One step of the map's timeline: a story milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct StepInfo {
    /// The milestone id (the `step` option).
    pub id: &'static str,
    /// The milestone's date in the reader's language.
    pub date: String,
    /// Date, what happened, and the figures of that step.
    pub caption: String,
    pub change: Change,
}

/// A district of the zone with its tooltip text.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictInfo {
    /// Administrative code (matches the geometry's district).
    pub code: u32,
    pub name: &'static str,
    /// Province, and city where there is one: `江苏 · 苏州`, `Suzhou, Jiangsu`.
    pub within: String,
    /// Accessible name: name and province/city.
    pub label: String,
}

/// A link of the story matched to its connector, with its tooltip text.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkInfo {
    pub id: &'static str,
    /// The connector in grid units, drawn from the story's `from` to its `to`.
    pub geo: Link,
    /// `From—To`.
    pub title: String,
    /// Date, place (or that none is reported), what it carries, capacity when known.
    pub lines: Vec<String>,
    /// Accessible name: the title and every line.
    pub label: String,
    /// The link's capacity figure when the source gives one, formatted.
    pub capacity: Option<String>,
}

/// Everything the grid map shows besides the geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct GridStory {
    pub districts: Vec<DistrictInfo>,
    pub links: Vec<LinkInfo>,
    pub steps: Vec<StepInfo>,
    /// What the map shows, as prose (the text alternative).
    pub description: String,
    pub table: TableView,
    /// The source: the map's section heading.
    pub source: &'static str,
    /// Accessible name of the drawing.
    pub drawing: &'static str,
    /// The flow-direction toggle.
    pub reverse: &'static str,
    /// Credit line of the geometry.
    pub attribution: &'static str,
}

impl GridStory {
    /// Index of the step with milestone id `id`.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

/// The connector for the story link `l`, oriented from its `from` to its `to`. `None` if the
/// two districts share no border in the geometry.
pub fn link_between(map: &GeoMap, l: &facts::Link) -> Option<Link> {
    link_geometry(
        map,
        LinkSpec {
            a: l.from.code,
            b: l.to.code,
            at: l.anchor,
        },
    )
}

fn name(r: &Region, lang: Lang) -> &'static str {
    r.name.get(lang)
}

/// `江苏 · 苏州` / `Suzhou, Jiangsu`; `上海` / `Shanghai`.
fn within(r: &Region, lang: Lang) -> String {
    let mut s = String::new();
    match (lang.pick(Lang::Zh, Lang::En), r.city) {
        (Lang::Zh, Some(city)) => {
            s.push_str(r.province.zh);
            s.push_str(" · ");
            s.push_str(city.zh);
        }
        (Lang::En, Some(city)) => {
            s.push_str(city.en);
            s.push_str(", ");
            s.push_str(r.province.en);
        }
        _ => s.push_str(r.province.get(lang)),
    }
    s
}

/// Punctuation between clauses, list items and label/value.
struct Punct {
    colon: &'static str,
    comma: &'static str,
    list: &'static str,
    and: &'static str,
    stop: &'static str,
    dash: &'static str,
}

fn punct(lang: Lang) -> Punct {
    lang.pick(
        Punct {
            colon: "：",
            comma: "，",
            list: "、",
            and: "、",
            stop: "。",
            dash: "—",
        },
        Punct {
            colon: ": ",
            comma: ", ",
            list: ", ",
            and: " and ",
            stop: ". ",
            dash: " – ",
        },
    )
}

/// Joins `items` as a list: `a、b、c` / `a, b and c`.
fn join_list(items: &[&str], p: &Punct) -> String {
    let mut s = String::new();
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(if i + 1 == n { p.and } else { p.list });
        }
        s.push_str(item);
    }
    s
}

/// What the slots of a map text stand for in one language.
struct Slots<'a> {
    story: &'a Story,
    map: &'a Map,
    /// The regions' names as a list (`{regions}`).
    regions: &'a str,
    /// With province and city (`{regions:full}`).
    full: &'a str,
    lang: Lang,
}

impl Slots<'_> {
    /// `text` with every slot filled; the build has checked each slot names something.
    fn fill(&self, text: &str) -> String {
        let mut s = String::new();
        for piece in pieces(text) {
            match piece {
                Piece::Text(t) => s.push_str(t),
                Piece::Slot {
                    name: "regions",
                    arg: "full",
                } => s.push_str(self.full),
                Piece::Slot {
                    name: "regions", ..
                } => s.push_str(self.regions),
                Piece::Slot { name: "zone", .. } => s.push_str(self.map.zone.get(self.lang)),
                Piece::Slot { name: "fact", arg } => {
                    if let Some(f) = self.story.fact(arg) {
                        s.push_str(&format_fact(f, self.lang));
                    }
                }
                Piece::Slot { name: "place", arg } => {
                    let link = self.map.links.iter().find(|l| l.id == arg);
                    if let Some(place) = link.and_then(|l| l.place) {
                        s.push_str(place.get(self.lang));
                    }
                }
                Piece::Slot { .. } => {}
            }
        }
        s
    }
}

fn capacity_of(l: &facts::Link, lang: Lang) -> Option<String> {
    l.capacity.map(|f| format_fact(f, lang))
}

fn link_info(smap: &Map, l: &facts::Link, geo: Link, lang: Lang) -> LinkInfo {
    let p = punct(lang);
    let mut title = String::from(name(l.from, lang));
    title.push_str(p.dash);
    title.push_str(name(l.to, lang));
    let mut lines = vec![format_when(l.date, lang)];
    let mut place = String::from(
        l.place
            .map_or(UiText::PlaceNotReported.get(lang), |t| t.get(lang)),
    );
    if matches!(geo.at, LinkAt::NearPlace(_)) {
        // The place has no open coordinate: say that the drawn point is approximate.
        place.push_str(lang.pick("（图中", " (on the map: "));
        place.push_str(UiText::Approximate.get(lang));
        place.push_str(lang.pick("）", ")"));
    }
    lines.push(place);
    lines.push(l.carries.get(lang).to_owned());
    let capacity = capacity_of(l, lang);
    if let Some(c) = &capacity {
        let mut line = String::from(smap.capacity.get(lang));
        line.push_str(p.colon);
        line.push_str(c);
        lines.push(line);
    }
    let mut label = title.clone();
    for line in &lines {
        label.push_str(p.comma);
        label.push_str(line);
    }
    LinkInfo {
        id: l.id,
        geo,
        title,
        lines,
        label,
        capacity,
    }
}

/// The caption of milestone `m`: its date and label, then its `more` text with the story's
/// names and formatted figures.
fn caption(m: &Milestone, slots: &Slots) -> String {
    let lang = slots.lang;
    let p = punct(lang);
    let mut s = format_when(m.date, lang);
    s.push_str(p.colon);
    s.push_str(m.label.get(lang));
    if let Some(more) = m.more {
        s.push_str(&slots.fill(more.get(lang)));
    }
    s.push_str(p.stop.trim_end());
    capitalise(s)
}

/// The first letter in upper case (English dates such as "around 11:00" open a caption).
fn capitalise(mut s: String) -> String {
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The map `smap` of `story` over its model `model` (built from the same `smap`) in `lang`:
/// districts, links matched to the geometry (links the geometry cannot draw are left out),
/// the milestones as steps, captions, description and data table.
pub fn grid_story(story: &Story, smap: &Map, model: &MapModel, lang: Lang) -> GridStory {
    let p = punct(lang);
    let districts: Vec<DistrictInfo> = smap
        .regions
        .iter()
        .map(|r| {
            let within = within(r, lang);
            let mut label = String::from(name(r, lang));
            label.push_str(lang.pick("（", " ("));
            label.push_str(&within);
            label.push_str(lang.pick("）", ")"));
            DistrictInfo {
                code: r.code,
                name: name(r, lang),
                within,
                label,
            }
        })
        .collect();
    let mut drawn: Vec<&'static facts::Link> = Vec::new();
    let mut links = Vec::new();
    let all: &'static [facts::Link] = smap.links;
    for (l, geo) in all.iter().zip(&model.links) {
        if let Some(geo) = *geo {
            drawn.push(l);
            links.push(link_info(smap, l, geo, lang));
        }
    }
    let names: Vec<&str> = districts.iter().map(|d| d.name).collect();
    let regions = join_list(&names, &p);
    let full = full_region_list(smap, &districts, lang, &p);
    let slots = Slots {
        story,
        map: smap,
        regions: &regions,
        full: &full,
        lang,
    };
    let mut steps: Vec<StepInfo> = Vec::new();
    let mut outline = false;
    for m in smap.milestones {
        let change = Change {
            links: m
                .completes
                .iter()
                .filter_map(|a| drawn.iter().position(|l| l.id == a.id))
                .collect(),
            zone: m.outline && !outline,
        };
        outline |= m.outline;
        steps.push(StepInfo {
            id: m.id,
            date: format_when(m.date, lang),
            caption: caption(m, &slots),
            change,
        });
    }
    let description = describe(&steps, smap, &slots);
    let table = table(story, smap, &links, &drawn, lang);
    GridStory {
        districts,
        links,
        steps,
        description,
        table,
        source: smap.source.heading.get(lang),
        drawing: smap.drawing.get(lang),
        reverse: smap.reverse.get(lang),
        attribution: smap.attribution.get(lang),
    }
}

/// The regions as a list: `上海青浦区、江苏苏州吴江区…` (province, city, name) /
/// `Qingpu District (Shanghai), …` (their accessible names).
fn full_region_list(smap: &Map, districts: &[DistrictInfo], lang: Lang, p: &Punct) -> String {
    let names: Vec<String> = match lang.pick(Lang::Zh, Lang::En) {
        Lang::Zh => smap
            .regions
            .iter()
            .map(|r| {
                let mut s = String::from(r.province.zh);
                s.push_str(r.city.map_or("", |c| c.zh));
                s.push_str(r.name.zh);
                s
            })
            .collect(),
        Lang::En => districts.iter().map(|d| d.label.clone()).collect(),
    };
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    join_list(&names, p)
}

/// The text alternative: the map's description, then each step's caption.
fn describe(steps: &[StepInfo], smap: &Map, slots: &Slots) -> String {
    let lang = slots.lang;
    let mut s = slots.fill(smap.description.get(lang));
    s.push_str(lang.pick("", " "));
    for step in steps {
        s.push_str(&step.caption);
        s.push_str(lang.pick("", " "));
    }
    s.trim_end().to_owned()
}

fn table(
    story: &Story,
    smap: &Map,
    links: &[LinkInfo],
    drawn: &[&facts::Link],
    lang: Lang,
) -> TableView {
    let rows = links
        .iter()
        .zip(drawn)
        .map(|(info, l)| {
            let place = l
                .place
                .map_or(UiText::PlaceNotReported.get(lang), |t| t.get(lang));
            let capacity = match (l.capacity, &info.capacity) {
                (Some(f), Some(shown)) => Cell::new(shown.clone(), raw_number(f.value)),
                _ => Cell::text(""),
            };
            vec![
                Cell::text(name(l.from, lang)),
                Cell::text(name(l.to, lang)),
                Cell::new(format_when(l.date, lang), l.date.iso()),
                Cell::text(place),
                Cell::text(l.carries.get(lang)),
                capacity,
            ]
        })
        .collect();
    TableView {
        caption: widget_title(story, WidgetKind::GridMap, lang).to_owned(),
        headers: [
            UiText::ColumnFrom,
            UiText::ColumnTo,
            UiText::ColumnDate,
            UiText::ColumnPlace,
            UiText::ColumnCarries,
            UiText::ColumnCapacity,
        ]
        .iter()
        .map(|t| t.get(lang).to_owned())
        .collect(),
        rows,
        file_name: file_name(story, WidgetKind::GridMap, None, lang, "csv"),
        citation: citation(story, Some(smap.source), lang),
    }
}

/// The frame of the map's image: the widget's title over the drawing of `size` (CSS px), the
/// source line and the geography's attribution under it.
pub fn image(
    story: &Story,
    grid: &GridStory,
    size: (f64, f64),
    lang: Lang,
    style: &crate::chart::ChartStyle,
) -> crate::image::Image {
    let title = widget_title(story, WidgetKind::GridMap, lang);
    let source = crate::image::source_line(story, grid.source, lang);
    crate::image::Image::new(title, &[&source, grid.attribution], size, lang, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{codes, load};
    use crate::timeline::{Step, Timeline};

    fn suzhou() -> &'static Story {
        story::story("suzhou-2020-07").unwrap()
    }

    fn smap() -> &'static Map {
        suzhou().map.as_ref().unwrap()
    }

    fn story(lang: Lang) -> GridStory {
        let model = MapModel::new(&load(suzhou()).unwrap(), smap());
        grid_story(suzhou(), smap(), &model, lang)
    }

    #[test]
    fn the_steps_are_the_story_milestones() {
        let s = story(Lang::Zh);
        let ids: Vec<&str> = s.steps.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["2019-09", "2019-10", "2020-06"]);
        assert_eq!(s.step_index("2019-10"), Some(1));
        assert_eq!(s.step_index("2021-01"), None);
    }

    #[test]
    fn the_first_step_adds_two_links_the_second_none_the_third_one() {
        let s = story(Lang::En);
        let ids = |i: usize| -> Vec<&str> {
            s.steps[i]
                .change
                .links
                .iter()
                .map(|&k| s.links[k].id)
                .collect()
        };
        assert_eq!(ids(0), ["wujiang-qingpu", "qingpu-jiashan"]);
        assert!(ids(1).is_empty());
        assert_eq!(ids(2), ["wujiang-jiashan"]);
        assert!(!s.steps[0].change.zone);
        assert!(s.steps[1].change.zone);
        assert!(!s.steps[2].change.zone);
    }

    #[test]
    fn story_links_match_connectors_by_region_pair_in_story_direction() {
        let s = story(Lang::Zh);
        assert_eq!(s.links.len(), 3);
        for (info, l) in s.links.iter().zip(smap().links) {
            assert_eq!(info.id, l.id);
            assert_eq!(info.geo.a, l.from.code);
            assert_eq!(info.geo.b, l.to.code);
        }
        // Drawn from the story's `from` (Wujiang) into its `to` (Jiashan), whichever way the
        // pair is asked for, across the same anchor.
        let last = &s.links[2].geo;
        let m = load(suzhou()).unwrap();
        let spec = LinkSpec {
            a: codes::JIASHAN,
            b: codes::WUJIANG,
            at: last.at,
        };
        let raw = link_geometry(&m, spec).unwrap();
        assert_eq!(last.anchor, raw.anchor);
        assert_eq!(last.at, LinkAt::NearPlace("黎里镇"));
    }

    #[test]
    fn a_pair_without_a_shared_border_has_no_connector() {
        let m = load(suzhou()).unwrap();
        let l = smap().links[0];
        let to_itself = facts::Link { to: l.from, ..l };
        assert!(link_between(&m, &to_itself).is_none());
    }

    #[test]
    fn captions_carry_the_formatted_dates() {
        for lang in [Lang::Zh, Lang::En] {
            let s = story(lang);
            for (step, m) in s.steps.iter().zip(smap().milestones) {
                let date = format_when(m.date, lang);
                // English captions open with a capital ("Around 11:00 on ...").
                let opening = step.caption.get(..date.len()).unwrap().to_lowercase();
                assert_eq!(opening, date.to_lowercase(), "{}", step.caption);
                assert_eq!(step.date, date);
            }
        }
    }

    #[test]
    fn the_last_caption_gives_the_place_and_the_formatted_load() {
        let zh = story(Lang::Zh);
        let load = format_fact(suzhou().fact("grid.load").unwrap(), Lang::Zh);
        assert_eq!(load, "约4000千伏安");
        assert!(zh.steps[2].caption.contains(&load));
        assert!(zh.steps[2].caption.contains("史北村"));
        let en = story(Lang::En);
        assert!(en.steps[2].caption.contains("about 4,000 kVA"));
        assert!(en.steps[1].caption.contains("2,300"));
    }

    #[test]
    fn only_the_new_link_has_a_capacity() {
        let s = story(Lang::En);
        let caps: Vec<Option<&str>> = s.links.iter().map(|l| l.capacity.as_deref()).collect();
        assert_eq!(caps, [None, None, Some("about 4,000 kVA")]);
    }

    #[test]
    fn link_tooltips_say_when_no_place_is_reported() {
        let s = story(Lang::En);
        assert_eq!(s.links[0].title, "Wujiang District – Qingpu District");
        assert_eq!(s.links[0].lines[0], "September 2019");
        assert_eq!(s.links[0].lines[1], "location not reported");
        assert!(s.links[2].lines[1].starts_with("Shibei village"));
        assert!(s.links[2].lines[1].ends_with("(on the map: approximate)"));
        assert_eq!(
            s.links[2].lines.last().unwrap(),
            "transferable load: about 4,000 kVA"
        );
        assert!(s.links[2].label.contains("2020"));
    }

    #[test]
    fn districts_name_their_province_and_city() {
        let zh = story(Lang::Zh);
        let wj = zh
            .districts
            .iter()
            .find(|d| d.code == codes::WUJIANG)
            .unwrap();
        assert_eq!(wj.within, "江苏 · 苏州");
        assert_eq!(wj.label, "吴江区（江苏 · 苏州）");
        let en = story(Lang::En);
        let qp = en
            .districts
            .iter()
            .find(|d| d.code == codes::QINGPU)
            .unwrap();
        assert_eq!(qp.within, "Shanghai");
        assert_eq!(en.districts[1].within, "Suzhou, Jiangsu");
    }

    #[test]
    fn the_description_names_the_zone_areas_and_every_step() {
        let zh = story(Lang::Zh);
        assert!(zh.description.contains("上海青浦区"));
        assert!(zh.description.contains("江苏苏州吴江区"));
        for step in &zh.steps {
            assert!(zh.description.contains(&step.caption));
        }
        let en = story(Lang::En);
        assert!(en.description.starts_with("The map shows"));
        assert!(en
            .description
            .contains("Wujiang District (Suzhou, Jiangsu) and Jiashan County (Jiaxing, Zhejiang)"));
        assert!(en.steps[2].caption.starts_with("Around 11:00"));
    }

    #[test]
    fn the_table_has_one_row_per_link_and_raw_csv_values() {
        let t = story(Lang::Zh).table;
        assert_eq!(t.headers.len(), 6);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            t.file_name,
            format!("{}-grid-map-zh.csv", story::default_story().id)
        );
        let csv = t.to_csv();
        assert!(csv.contains("吴江区,嘉善县,2020-06-30T11:00"), "{csv}");
        let figures = csv.split("\r\n\r\n").next().unwrap_or_default();
        assert!(figures.ends_with(",4000"), "{figures}");
        assert_eq!(t.rows[2][5].display, "约4000千伏安");
        assert_eq!(t.rows[0][3].display, "报道未说明地点");
    }

    #[test]
    fn the_source_is_the_grid_story_heading() {
        assert_eq!(
            story(Lang::Zh).source,
            suzhou().section("grid").unwrap().heading.zh
        );
        assert_eq!(
            story(Lang::En).source,
            suzhou().section("grid").unwrap().heading.en
        );
    }

    #[test]
    fn steps_drive_a_timeline_with_multi_link_changes() {
        let s = story(Lang::Zh);
        let tl = Timeline::new(
            s.steps
                .iter()
                .map(|st| Step {
                    id: st.id.to_owned(),
                    date: st.date.clone(),
                    change: st.change.clone(),
                    duration: 3.0,
                    enter: 1.5,
                })
                .collect(),
        );
        assert_eq!(tl.step_of(0), Some(0));
        assert_eq!(tl.step_of(1), Some(0));
        assert_eq!(tl.step_of(2), Some(2));
        assert_eq!(tl.item_shown_at(4.0, 1), 1.0);
        assert_eq!(tl.item_shown_at(4.0, 2), 0.0);
        assert_eq!(tl.item_shown_at(9.0, 2), 1.0);
    }
}
