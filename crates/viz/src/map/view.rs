//! The grid story as the map shows it: the story's milestones as timeline steps, its links
//! matched to the geometry's connectors by the pair of districts they join, tooltip text for
//! every district and link, captions, a text description and the data table, all built from
//! `story` facts in the reader's language (no figure is typed here).

use super::links::{demo_zone_links, link_geometry, Link, LinkAt};
use crate::geo::{codes, GeoMap};
use crate::table::{citation, file_name, raw_number, Cell, TableView};
use crate::timeline::Changes;
use story::facts::{self, Milestone, Region, RegionId, ZONE};
use story::ui::{widget_title, UiText};
use story::{format_fact, format_when, Fact, Lang, Story, WidgetKind};

/// What a timeline step changes: the links it completes (indices into [`GridStory::links`])
/// and whether it is the step at which the zone was approved (its outline is highlighted).
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
    /// The milestone id (the `step` option): `2019-09`, ...
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
    /// `吴江区—青浦区`.
    pub title: String,
    /// Date, place (or that none is reported), what it carries, capacity when known.
    pub lines: Vec<String>,
    /// Accessible name: the title and every line.
    pub label: String,
    /// The transferable load when the source gives one (`约4000千伏安`).
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
    /// The source: the grid story's section heading.
    pub source: &'static str,
}

impl GridStory {
    /// Index of the step with milestone id `id`.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

/// Administrative code of a region of the story.
pub fn region_code(r: RegionId) -> u32 {
    match r {
        RegionId::Qingpu => codes::QINGPU,
        RegionId::Wujiang => codes::WUJIANG,
        RegionId::Jiashan => codes::JIASHAN,
    }
}

/// The connector for the story link between `from` and `to`: the geometry's spec for that
/// pair of districts (in either order), oriented from `from` to `to`. `None` if the geometry
/// has no link for the pair or the districts share no border.
pub fn link_between(map: &GeoMap, from: RegionId, to: RegionId) -> Option<Link> {
    let (a, b) = (region_code(from), region_code(to));
    let spec = demo_zone_links()
        .into_iter()
        .find(|s| (s.a, s.b) == (a, b) || (s.a, s.b) == (b, a))?;
    let g = link_geometry(map, spec)?;
    Some(if g.a == a {
        g
    } else {
        Link {
            a: g.b,
            b: g.a,
            from: g.to,
            to: g.from,
            ..g
        }
    })
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn name(r: &Region, lang: Lang) -> &'static str {
    pick(lang, r.name_zh, r.name_en)
}

/// `江苏 · 苏州` / `Suzhou, Jiangsu`; `上海` / `Shanghai`.
fn within(r: &Region, lang: Lang) -> String {
    let mut s = String::new();
    match (lang, r.city_zh, r.city_en) {
        (Lang::Zh, Some(city), _) => {
            s.push_str(r.province_zh);
            s.push_str(" · ");
            s.push_str(city);
        }
        (Lang::En, _, Some(city)) => {
            s.push_str(city);
            s.push_str(", ");
            s.push_str(r.province_en);
        }
        _ => s.push_str(pick(lang, r.province_zh, r.province_en)),
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
    match lang {
        Lang::Zh => Punct {
            colon: "：",
            comma: "，",
            list: "、",
            and: "、",
            stop: "。",
            dash: "—",
        },
        Lang::En => Punct {
            colon: ": ",
            comma: ", ",
            list: ", ",
            and: " and ",
            stop: ". ",
            dash: " – ",
        },
    }
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

fn capacity_of(story: &Story, l: &facts::Link, lang: Lang) -> Option<String> {
    l.capacity_fact
        .and_then(|id| story.fact(id))
        .map(|f| format_fact(f, lang))
}

fn link_info(story: &Story, l: &facts::Link, geo: Link, lang: Lang) -> LinkInfo {
    let p = punct(lang);
    let mut title = String::from(name(l.from.region(), lang));
    title.push_str(p.dash);
    title.push_str(name(l.to.region(), lang));
    let mut lines = vec![format_when(l.date, lang)];
    let mut place = String::from(match (lang, l.place_zh, l.place_en) {
        (Lang::Zh, Some(place), _) | (Lang::En, _, Some(place)) => place,
        _ => UiText::PlaceNotReported.get(lang),
    });
    if matches!(geo.at, LinkAt::NearPlace(_)) {
        // The village has no open coordinate: say that the drawn point is approximate.
        place.push_str(pick(lang, "（图中", " (on the map: "));
        place.push_str(UiText::Approximate.get(lang));
        place.push_str(pick(lang, "）", ")"));
    }
    lines.push(place);
    lines.push(pick(lang, l.carries_zh, l.carries_en).to_owned());
    let capacity = capacity_of(story, l, lang);
    if let Some(c) = &capacity {
        let mut line = String::from(UiText::TransferableLoad.get(lang));
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

/// The caption of milestone `m`: its date and label, then what the step adds in figures: the
/// zone's areas and size at its approval, the place and capacity of a link it completes.
fn caption(story: &Story, m: &Milestone, added: &[&facts::Link], zone: bool, lang: Lang) -> String {
    let p = punct(lang);
    let mut s = format_when(m.date, lang);
    s.push_str(p.colon);
    s.push_str(pick(lang, m.label_zh, m.label_en));
    if zone {
        let names: Vec<&str> = facts::regions().iter().map(|r| name(r, lang)).collect();
        s.push_str(pick(lang, "，范围包括", ", covering "));
        s.push_str(&join_list(&names, &p));
        if let Some(area) = story.fact(ZONE.area_fact) {
            s.push_str(p.comma);
            s.push_str(&format_fact(area, lang));
        }
    }
    for l in added {
        if let Some(place) = pick_opt(lang, l.place_zh, l.place_en) {
            s.push_str(pick(lang, "；贯通地点在", "; it closed at "));
            s.push_str(place);
        }
        if let Some(c) = capacity_of(story, l, lang) {
            s.push_str(pick(lang, "，", "; "));
            s.push_str(UiText::TransferableLoad.get(lang));
            s.push_str(pick(lang, "", " "));
            s.push_str(&c);
            s.push_str(pick(
                lang,
                "，三地互济互保",
                ", so the three areas back each other up",
            ));
        }
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

fn pick_opt(
    lang: Lang,
    zh: Option<&'static str>,
    en: Option<&'static str>,
) -> Option<&'static str> {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The grid story for the map `map` in `lang`: districts, links matched to the geometry
/// (story links the geometry cannot draw are left out), the milestones as steps, captions,
/// description and data table.
pub fn grid_story(story: &Story, map: &GeoMap, lang: Lang) -> GridStory {
    let p = punct(lang);
    let districts: Vec<DistrictInfo> = facts::regions()
        .iter()
        .map(|r| {
            let within = within(r, lang);
            let mut label = String::from(name(r, lang));
            label.push_str(pick(lang, "（", " ("));
            label.push_str(&within);
            label.push_str(pick(lang, "）", ")"));
            DistrictInfo {
                code: region_code(r.id),
                name: name(r, lang),
                within,
                label,
            }
        })
        .collect();
    let mut drawn: Vec<&'static facts::Link> = Vec::new();
    let mut links = Vec::new();
    for l in facts::links() {
        if let Some(geo) = link_between(map, l.from, l.to) {
            drawn.push(l);
            links.push(link_info(story, l, geo, lang));
        }
    }
    let mut steps: Vec<StepInfo> = Vec::new();
    let mut before: &[&str] = &[];
    for m in facts::milestones() {
        let added: Vec<&facts::Link> = drawn
            .iter()
            .copied()
            .filter(|l| m.links.contains(&l.id) && !before.contains(&l.id))
            .collect();
        let change = Change {
            links: added
                .iter()
                .filter_map(|a| drawn.iter().position(|l| l.id == a.id))
                .collect(),
            zone: m.date == ZONE.approved,
        };
        steps.push(StepInfo {
            id: m.id,
            date: format_when(m.date, lang),
            caption: caption(story, m, &added, change.zone, lang),
            change,
        });
        before = m.links;
    }
    let description = describe(&steps, &districts, lang, &p);
    let table = table(story, &links, &drawn, lang);
    GridStory {
        districts,
        links,
        steps,
        description,
        table,
        source: story
            .section(ZONE.section)
            .map_or("", |s| s.heading.get(lang)),
    }
}

/// The text alternative: what the map shows, then each step's caption.
fn describe(steps: &[StepInfo], districts: &[DistrictInfo], lang: Lang, p: &Punct) -> String {
    let names: Vec<String> = match lang {
        // 上海青浦区、江苏苏州吴江区、浙江嘉兴嘉善县
        Lang::Zh => facts::regions()
            .iter()
            .map(|r| {
                let mut s = String::from(r.province_zh);
                s.push_str(r.city_zh.unwrap_or(""));
                s.push_str(r.name_zh);
                s
            })
            .collect(),
        // Qingpu District (Shanghai), ...
        Lang::En => districts.iter().map(|d| d.label.clone()).collect(),
    };
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut s = String::from(pick(lang, "地图显示", "The map shows the "));
    s.push_str(pick(lang, ZONE.name_zh, ZONE.name_en));
    s.push_str(pick(lang, "的两区一县：", ": "));
    s.push_str(&join_list(&names, p));
    s.push_str(pick(
        lang,
        "，以及三地之间的10千伏配电网互联。",
        ", and the 10 kV distribution-grid links between them. ",
    ));
    for step in steps {
        s.push_str(&step.caption);
        s.push_str(pick(lang, "", " "));
    }
    s.trim_end().to_owned()
}

fn table(story: &Story, links: &[LinkInfo], drawn: &[&facts::Link], lang: Lang) -> TableView {
    let rows = links
        .iter()
        .zip(drawn)
        .map(|(info, l)| {
            let place = pick_opt(lang, l.place_zh, l.place_en)
                .unwrap_or(UiText::PlaceNotReported.get(lang));
            let capacity_fact: Option<&Fact> = l.capacity_fact.and_then(|id| story.fact(id));
            let capacity = match (capacity_fact, &info.capacity) {
                (Some(f), Some(shown)) => Cell::new(shown.clone(), raw_number(f.value)),
                _ => Cell::text(""),
            };
            vec![
                Cell::text(name(l.from.region(), lang)),
                Cell::text(name(l.to.region(), lang)),
                Cell::new(format_when(l.date, lang), l.date.iso()),
                Cell::text(place),
                Cell::text(pick(lang, l.carries_zh, l.carries_en)),
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
        file_name: file_name(story, WidgetKind::GridMap, None, lang),
        citation: citation(story, story.section(ZONE.section), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::load;
    use crate::timeline::{Step, Timeline};

    fn story(lang: Lang) -> GridStory {
        grid_story(story::default_story(), &load().unwrap(), lang)
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
        for (info, l) in s.links.iter().zip(facts::links()) {
            assert_eq!(info.id, l.id);
            assert_eq!(info.geo.a, region_code(l.from));
            assert_eq!(info.geo.b, region_code(l.to));
        }
        // The geometry lists the last pair as Jiashan -> Wujiang; the story as Wujiang -> Jiashan.
        let last = &s.links[2].geo;
        let m = load().unwrap();
        let raw = link_geometry(&m, demo_zone_links()[2]).unwrap();
        assert_eq!((last.from, last.to), (raw.to, raw.from));
        assert_eq!(last.anchor, raw.anchor);
        assert_eq!(last.at, LinkAt::NearPlace("黎里镇"));
    }

    #[test]
    fn a_pair_without_a_shared_border_has_no_connector() {
        let m = load().unwrap();
        assert!(link_between(&m, RegionId::Qingpu, RegionId::Qingpu).is_none());
    }

    #[test]
    fn captions_carry_the_formatted_dates() {
        for lang in [Lang::Zh, Lang::En] {
            let s = story(lang);
            for (step, m) in s.steps.iter().zip(facts::milestones()) {
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
        let load = format_fact(story::default_story().fact("grid.load").unwrap(), Lang::Zh);
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
            story::default_story().section("grid").unwrap().heading.zh
        );
        assert_eq!(
            story(Lang::En).source,
            story::default_story().section("grid").unwrap().heading.en
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
