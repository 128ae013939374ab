//! `map.json`: the grid map's regions, links and milestones, checked against the story's facts
//! and sections and against its GeoJSON (district codes, place names), then written as Rust.

use crate::data::StoryDef;
use crate::files::{AnchorDef, MapFile, Text};
use crate::slots::{pieces, Piece, SLOT_NAMES};
use crate::story::{
    allowed, lit, opt_text, section_ref, some, static_array, text, unique_id, Source,
};
use crate::when::when_expr;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A checked map, with the GeoJSON file it draws.
pub struct LoadedMap {
    pub file: MapFile,
    pub geometry: PathBuf,
}

/// What the GeoJSON offers to refer to: district codes and place names.
struct Geo {
    districts: Vec<u32>,
    places: Vec<String>,
}

fn read_geo(path: &Path, src: &Source, name: &str) -> Result<Geo, String> {
    let fail = |what: String| src.error("geometry", name, &what);
    let text = std::fs::read_to_string(path)
        .map_err(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    let doc: Value = serde_json::from_str(&text)
        .map_err(|e| fail(format!("{} is not GeoJSON: {e}", path.display())))?;
    let mut geo = Geo {
        districts: Vec::new(),
        places: Vec::new(),
    };
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| fail(format!("{} has no \"features\"", path.display())))?;
    for f in features {
        let p = f.get("properties");
        let s = |k: &str| p.and_then(|p| p.get(k)).and_then(Value::as_str);
        match s("kind") {
            Some("district") => {
                if let Some(code) = s("adcode").and_then(|c| c.parse().ok()) {
                    geo.districts.push(code);
                }
            }
            Some("place") => geo.places.extend(s("name_zh").map(str::to_owned)),
            _ => {}
        }
    }
    Ok(geo)
}

/// Every slot of a map text names something the story has.
fn check_slots(
    src: &Source,
    field: &str,
    t: &Text,
    facts: &[&str],
    places: &[&str],
) -> Result<(), String> {
    for s in [&t.zh, &t.en] {
        for piece in pieces(s) {
            let Piece::Slot { name, arg } = piece else {
                continue;
            };
            let ok = match name {
                "regions" => arg.is_empty() || arg == "full",
                "zone" => arg.is_empty(),
                "fact" => facts.contains(&arg),
                "place" => places.contains(&arg),
                _ => false,
            };
            if !ok {
                let what = match name {
                    "fact" => format!("no fact \"{arg}\" in facts.json"),
                    "place" => format!("no link \"{arg}\" with a place"),
                    _ => format!(
                        "unknown slot {{{name}}} ({})",
                        allowed(SLOT_NAMES.iter().map(|n| format!("{{{n}}}")))
                    ),
                };
                return Err(src.error(field, s, &what));
            }
        }
    }
    Ok(())
}

pub fn load(
    dir: &Path,
    root: &Path,
    story: &StoryDef,
    fact_ids: &[&str],
) -> Result<Option<(LoadedMap, PathBuf)>, String> {
    let Some(src) = Source::read(dir, "map.json", root)? else {
        return Ok(None);
    };
    let m: MapFile = src.parse()?;
    section_ref(&src, story, "source", &m.source)?;
    let geometry = dir.join(&m.geometry);
    let geo = read_geo(&geometry, &src, &m.geometry)?;
    let regions: Vec<&str> = m.regions.iter().map(|r| r.id.as_str()).collect();
    if m.regions.is_empty() {
        return Err(src.error("regions", "regions", "needs at least one region"));
    }
    for (i, r) in m.regions.iter().enumerate() {
        let at = |f: &str| format!("regions[{i}].{f}");
        unique_id(&src, &at("id"), &r.id, regions.get(..i).unwrap_or(&[]))?;
        if !geo.districts.contains(&r.code) {
            return Err(src.error(
                &at("code"),
                &r.id,
                &format!(
                    "no district with adcode {} in {} ({})",
                    r.code,
                    m.geometry,
                    allowed(geo.districts.iter().map(u32::to_string))
                ),
            ));
        }
        if !(1..=6).contains(&r.colour) {
            return Err(src.error(&at("colour"), &r.id, "a colour role from 1 to 6"));
        }
    }
    let link_ids: Vec<&str> = m.links.iter().map(|l| l.id.as_str()).collect();
    for (i, l) in m.links.iter().enumerate() {
        let at = |f: &str| format!("links[{i}].{f}");
        unique_id(&src, &at("id"), &l.id, link_ids.get(..i).unwrap_or(&[]))?;
        for (field, end) in [("from", &l.from), ("to", &l.to)] {
            if !regions.contains(&end.as_str()) {
                return Err(src.error(
                    &at(field),
                    end,
                    &format!(
                        "unknown region \"{end}\" ({})",
                        allowed(regions.iter().map(|r| r.to_string()))
                    ),
                ));
            }
        }
        if l.from == l.to {
            return Err(src.error(&at("to"), &l.id, "a link joins two different regions"));
        }
        when_expr(&l.date).map_err(|e| src.error(&at("date"), &l.date, &e))?;
        if let Some(c) = &l.capacity {
            if !fact_ids.contains(&c.as_str()) {
                return Err(src.error(
                    &at("capacity"),
                    c,
                    &format!("no fact \"{c}\" in facts.json"),
                ));
            }
        }
        match &l.anchor {
            AnchorDef::Named(a) if a == "shared-border" => {}
            AnchorDef::Near { near } if geo.places.contains(near) => {}
            AnchorDef::Near { near } => {
                return Err(src.error(
                    &at("anchor.near"),
                    near,
                    &format!(
                        "no place \"{near}\" (name_zh) in {} ({})",
                        m.geometry,
                        allowed(geo.places.iter().cloned())
                    ),
                ))
            }
            AnchorDef::Named(a) => {
                return Err(src.error(
                    &at("anchor"),
                    a,
                    "allowed: \"shared-border\", or { \"near\": \"<place name_zh>\" }",
                ))
            }
        }
    }
    let places: Vec<&str> = m
        .links
        .iter()
        .filter(|l| l.place.is_some())
        .map(|l| l.id.as_str())
        .collect();
    check_slots(
        &src,
        "text.description",
        &m.text.description,
        fact_ids,
        &places,
    )?;
    if m.milestones.is_empty() {
        return Err(src.error("milestones", "milestones", "needs at least one milestone"));
    }
    let mut completed: Vec<&str> = Vec::new();
    let step_ids: Vec<&str> = m.milestones.iter().map(|s| s.id.as_str()).collect();
    for (i, s) in m.milestones.iter().enumerate() {
        let at = |f: &str| format!("milestones[{i}].{f}");
        unique_id(&src, &at("id"), &s.id, step_ids.get(..i).unwrap_or(&[]))?;
        when_expr(&s.date).map_err(|e| src.error(&at("date"), &s.date, &e))?;
        for (k, id) in s.completes.iter().enumerate() {
            if !link_ids.contains(&id.as_str()) {
                return Err(src.error(
                    &format!("milestones[{i}].completes[{k}]"),
                    id,
                    &format!(
                        "unknown link \"{id}\" ({})",
                        allowed(link_ids.iter().map(|l| l.to_string()))
                    ),
                ));
            }
            if completed.contains(&id.as_str()) {
                return Err(src.error(
                    &format!("milestones[{i}].completes[{k}]"),
                    id,
                    "completed by an earlier milestone",
                ));
            }
            completed.push(id);
        }
        if let Some(more) = &s.more {
            check_slots(&src, &at("more"), more, fact_ids, &places)?;
        }
    }
    if let Some(l) = m.links.iter().find(|l| !completed.contains(&l.id.as_str())) {
        return Err(src.error(
            "milestones",
            &l.id,
            &format!("no milestone completes link \"{}\"", l.id),
        ));
    }
    let map_path = dir.join("map.json");
    Ok(Some((LoadedMap { file: m, geometry }, map_path)))
}

impl LoadedMap {
    /// The map as Rust statics `S<n>_REGIONS`, `S<n>_LINKS`, `S<n>_MILESTONES`, and the
    /// expression of the story's `map` field (a `Map`).
    pub fn rust(
        &self,
        n: usize,
        out: &mut String,
        fact_static: &dyn Fn(&str) -> String,
        section_static: &dyn Fn(&str) -> String,
    ) -> String {
        let m = &self.file;
        let region = |id: &str| {
            let i = m.regions.iter().position(|r| r.id == id).unwrap_or(0);
            format!("&S{n}_REGIONS[{i}]")
        };
        let link = |id: &String| {
            let i = m.links.iter().position(|l| &l.id == id).unwrap_or(0);
            format!("&S{n}_LINKS[{i}]")
        };
        let regions: Vec<String> = m
            .regions
            .iter()
            .map(|r| {
                format!(
                    "Region {{ id: {}, code: {}, name: {}, city: {}, province: {}, colour: {} }}",
                    lit(&r.id),
                    r.code,
                    text(&r.name),
                    opt_text(&r.city),
                    text(&r.province),
                    r.colour
                )
            })
            .collect();
        static_array(out, &format!("S{n}_REGIONS"), "Region", &regions);
        let links: Vec<String> = m
            .links
            .iter()
            .map(|l| {
                let anchor = match &l.anchor {
                    AnchorDef::Near { near } => format!("Anchor::NearPlace({})", lit(near)),
                    AnchorDef::Named(_) => "Anchor::SharedBorder".into(),
                };
                format!(
                    "Link {{ id: {}, from: {}, to: {}, date: {}, label: {}, place: {}, carries: {}, capacity: {}, anchor: {anchor} }}",
                    lit(&l.id),
                    region(&l.from),
                    region(&l.to),
                    when_expr(&l.date).unwrap_or_default(),
                    text(&l.label),
                    opt_text(&l.place),
                    text(&l.carries),
                    some(l.capacity.as_deref().map(fact_static)),
                )
            })
            .collect();
        static_array(out, &format!("S{n}_LINKS"), "Link", &links);
        let milestones: Vec<String> = m
            .milestones
            .iter()
            .map(|s| {
                let completes: Vec<String> = s.completes.iter().map(link).collect();
                format!(
                    "Milestone {{ id: {}, date: {}, label: {}, completes: &[{}], outline: {}, more: {} }}",
                    lit(&s.id),
                    when_expr(&s.date).unwrap_or_default(),
                    text(&s.label),
                    completes.join(", "),
                    s.outline,
                    opt_text(&s.more)
                )
            })
            .collect();
        static_array(out, &format!("S{n}_MILESTONES"), "Milestone", &milestones);
        format!(
            "Map {{ title: {}, source: {}, attribution: {}, zone: {}, drawing: {}, reverse: {}, capacity: {}, description: {}, regions: &S{n}_REGIONS, links: &S{n}_LINKS, milestones: &S{n}_MILESTONES }}",
            text(&m.title),
            section_static(&m.source),
            text(&m.attribution),
            text(&m.zone),
            text(&m.text.drawing),
            text(&m.text.reverse),
            text(&m.text.capacity),
            text(&m.text.description),
        )
    }
}
