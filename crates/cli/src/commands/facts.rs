//! `cli facts`: every figure of the story as one JSON object per line (JSON Lines).

use super::Outcome;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;
use story::format::{format_fact, format_when};
use story::{facts, Fact, Lang};

pub fn run(_args: &[String]) -> Outcome {
    let mut out = std::io::stdout().lock();
    for f in facts() {
        writeln!(out, "{}", record(f))?;
    }
    Ok(ExitCode::SUCCESS)
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
        for f in facts() {
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
        let f = story::fact("payments.value_per_transaction").unwrap();
        let r = record(&f);
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
        let r = record(&story::fact("tally.training.attendees").unwrap());
        assert_eq!(r["section"], "一场专题培训 悉心");
        assert_eq!(r["date"], "2020-06-19");
        assert_eq!(r["date_en"], "19 June 2020");
        assert_eq!(r["display_en"], "70+ companies");
        assert_eq!(r["derived"], false);
        assert_eq!(r["formula"], Value::Null);
    }
}
