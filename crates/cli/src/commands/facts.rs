//! `cli facts [--story ID]`: every figure of each story as one JSON object per line (JSON
//! Lines), then every dated milestone its map shows (`"kind": "milestone"`).

use super::Outcome;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;
use story::facts::When;
use story::format::{format_fact, format_when};
use story::{stories, Fact, Lang, Story, Text};

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

/// Every dated event the map's timeline shows: each link when it was completed, and each
/// milestone that completes no link (such as an approval), with the section that reports it.
pub fn milestone_records(s: &Story) -> Vec<Value> {
    let Some(map) = s.map else {
        return Vec::new();
    };
    let dated = |date: When, id: &str, label: Text| {
        json!({
            "story": s.id,
            "kind": "milestone",
            "id": id,
            "date": date.iso(),
            "date_zh": format_when(date, Lang::Zh),
            "date_en": format_when(date, Lang::En),
            "label_zh": label.zh,
            "label_en": label.en,
            "section": map.source.heading_zh(),
            "section_en": map.source.heading_en(),
            "section_id": map.source.id(),
        })
    };
    let links = map.links.iter().map(|l| dated(l.date, l.id, l.label));
    let others = map
        .milestones
        .iter()
        .filter(|m| m.completes.is_empty())
        .map(|m| dated(m.date, m.id, m.label));
    let mut out: Vec<Value> = links.chain(others).collect();
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
        // The approval completes no link: it is listed as the milestone itself.
        assert_eq!(m[2]["id"], "2019-10");
        assert_eq!(
            m[2]["label_en"],
            "State Council approves the demonstration zone"
        );
        assert_eq!(m[3]["label_zh"], "吴江区—嘉善县互联贯通");
    }
}
