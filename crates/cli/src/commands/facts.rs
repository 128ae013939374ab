//! `cli facts [--story ID]`: every figure of each story as one JSON object per line (JSON
//! Lines), then every dated milestone its map shows (`"kind": "milestone"`).

use super::Outcome;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;
use story::facts::{links, milestones, region, When, ZONE};
use story::format::{format_fact, format_when};
use story::{stories, Fact, Lang, Story};

pub fn run(args: &[String]) -> Outcome {
    let chosen: Vec<&Story> = match args {
        [] => stories().to_vec(),
        [flag, id] if flag == "--story" => match story::story(id) {
            Some(s) => vec![s],
            None => {
                let ids: Vec<&str> = stories().iter().map(|s| s.id).collect();
                eprintln!("no story \"{id}\"; embedded: {}", ids.join(", "));
                return Ok(ExitCode::from(2));
            }
        },
        _ => {
            eprintln!("usage: cli facts [--story ID]");
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    for s in chosen {
        for f in s.facts {
            let mut r = record(f);
            if let Some(fields) = r.as_object_mut() {
                fields.insert("story".into(), json!(s.id));
            }
            writeln!(out, "{r}")?;
        }
        for m in milestone_records(s) {
            writeln!(out, "{m}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every dated event the map's timeline shows: each link when it was completed, and the
/// zone's approval, with the section that reports it.
pub fn milestone_records(s: &Story) -> Vec<Value> {
    let mut out = Vec::new();
    let section = |id: &str| s.section(id);
    let dated = |date: When, id: &str, zh: String, en: String, section_id: &str| {
        let sec = section(section_id);
        json!({
            "story": s.id,
            "kind": "milestone",
            "id": id,
            "date": date.iso(),
            "date_zh": format_when(date, Lang::Zh),
            "date_en": format_when(date, Lang::En),
            "label_zh": zh,
            "label_en": en,
            "section": sec.map(|x| x.heading_zh()),
            "section_en": sec.map(|x| x.heading_en()),
            "section_id": section_id,
        })
    };
    // The map draws only the story whose section the zone cites.
    if section(ZONE.section).is_none() || milestones().is_empty() {
        return out;
    }
    for l in links() {
        let (a, b) = (region(l.from), region(l.to));
        out.push(dated(
            l.date,
            l.id,
            format!("{}—{}互联贯通", a.name_zh, b.name_zh),
            format!("{}–{} link completed", a.name_en, b.name_en),
            l.section,
        ));
    }
    out.push(dated(
        ZONE.approved,
        "zone-approved",
        format!("{}批复建立{}", ZONE.approved_by_zh, ZONE.name_zh),
        format!("{} approves the {}", ZONE.approved_by_en, ZONE.name_en),
        ZONE.section,
    ));
    out.sort_by_key(|v| v["date"].as_str().map(str::to_owned));
    out
}

/// One fact as a JSON object.
pub fn record(f: &Fact) -> Value {
    json!({
        "id": f.id,
        "value": f.value,
        "unit": f.unit.id(),
        "unit_zh": f.unit.zh(),
        "qualifier": f.qualifier.id(),
        "section": f.section.heading_zh(),
        "section_en": f.section.heading_en(),
        "section_id": f.section.id(),
        "date": f.date.map(|d| d.iso()),
        "date_zh": f.date.map(|d| format_when(d, Lang::Zh)),
        "date_en": f.date.map(|d| format_when(d, Lang::En)),
        "label_zh": f.label_zh,
        "label_en": f.label_en,
        "source_zh": (!f.source_zh.is_empty()).then_some(f.source_zh),
        "derived": f.derived.is_some(),
        "formula": f.derived.map(|d| d.formula_en),
        "formula_zh": f.derived.map(|d| d.formula_zh),
        "inputs": f.derived.map(|d| d.inputs),
        "display_zh": format_fact(f, Lang::Zh),
        "display_en": format_fact(f, Lang::En),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_has_the_required_fields() {
        for f in story::default_story().facts {
            let r = record(f);
            for key in [
                "id",
                "value",
                "unit",
                "qualifier",
                "section",
                "section_en",
                "date",
                "label_zh",
                "label_en",
                "derived",
                "display_zh",
                "display_en",
            ] {
                assert!(r.get(key).is_some(), "{} lacks {key}", f.id);
            }
        }
    }

    #[test]
    fn a_derived_fact_carries_its_formula_and_inputs() {
        let f = story::default_story()
            .fact("payments.value_per_transaction")
            .unwrap();
        let r = record(f);
        assert_eq!(r["derived"], true);
        assert_eq!(r["formula"], "total value ÷ number of transactions");
        assert_eq!(
            r["inputs"],
            json!(["payments.value", "payments.transactions"])
        );
        assert_eq!(r["display_zh"], "约180元");
    }

    #[test]
    fn a_stated_fact_shows_section_heading_and_date() {
        let r = record(
            story::default_story()
                .fact("tally.training.attendees")
                .unwrap(),
        );
        assert_eq!(r["section"], "一场专题培训 悉心");
        assert_eq!(r["date"], "2020-06-19");
        assert_eq!(r["date_en"], "19 June 2020");
        assert_eq!(r["display_en"], "70+ companies");
        assert_eq!(r["derived"], false);
        assert_eq!(r["formula"], Value::Null);
    }

    #[test]
    fn milestones_list_the_two_2019_links_the_zone_and_the_2020_link_with_their_section() {
        let m = milestone_records(story::default_story());
        let dates: Vec<&str> = m.iter().filter_map(|r| r["date"].as_str()).collect();
        assert_eq!(
            dates,
            ["2019-09", "2019-09", "2019-10", "2020-06-30T11:00~"]
        );
        for r in &m {
            assert_eq!(r["kind"], "milestone");
            assert_eq!(r["section_id"], "grid");
            assert!(r["section"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(r["label_en"].as_str().is_some_and(|s| !s.is_empty()));
        }
        assert_eq!(m[2]["id"], "zone-approved");
    }
}
