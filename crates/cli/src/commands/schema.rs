//! `cli schema`: prints the JSON Schema of widget configurations for the stories this build
//! embeds. The hand-written schema (`story::config::SCHEMA_JSON`) gives every option; the
//! values that come from the stories (story ids, tally sections, chart metrics) are filled in
//! here, with one rule per story so that an editor's tool offers each story's own values.

use super::Outcome;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;
use story::{stories, Story};

pub fn run(_args: &[String]) -> Outcome {
    let text = serde_json::to_string_pretty(&schema()?)?;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(ExitCode::SUCCESS)
}

fn sections(s: &Story) -> Vec<&'static str> {
    s.tally_sections().map(|section| section.id).collect()
}

fn metrics(s: &Story) -> Vec<&'static str> {
    s.metrics().iter().map(|m| m.id).collect()
}

/// Every value of `f` over all stories, first appearance first.
fn union(f: fn(&Story) -> Vec<&'static str>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for s in stories() {
        for v in f(s) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

pub fn schema() -> Result<Value, serde_json::Error> {
    let mut schema: Value = serde_json::from_str(story::config::SCHEMA_JSON)?;
    let default = story::default_story();
    let ids: Vec<&str> = stories().iter().map(|s| s.id).collect();
    set(&mut schema, &["properties", "story", "enum"], json!(ids));
    set(
        &mut schema,
        &["properties", "story", "default"],
        json!(default.id),
    );
    // Without `src`, the values of every embedded story (with `src`, the file's own, checked
    // when the page reads it): filled into the hand-written schema's rule for that case.
    let without_src = json!({ "properties": {
        "sections": { "items": { "enum": union(sections) } },
        "highlight": { "enum": union(sections) },
        "metric": { "enum": union(metrics) }
    } });
    if let Some(rule) = schema
        .get_mut("allOf")
        .and_then(Value::as_array_mut)
        .and_then(|rules| rules.iter_mut().find(|r| is_without_src(&r["if"])))
    {
        if let Some(rule) = rule.as_object_mut() {
            rule.insert("then".into(), without_src);
        }
    }
    if let Some(first) = metrics(default).first() {
        set(
            &mut schema,
            &["properties", "metric", "default"],
            json!(first),
        );
    }
    // Per story: its own sections and metrics. A placeholder without `story` gets the default.
    let rules: Vec<Value> = stories()
        .iter()
        .map(|s| {
            // Only without `src`: a file's story brings its own sections and metrics.
            let names = if s.id == default.id {
                json!({ "anyOf": [
                    { "not": { "required": ["story"] } },
                    { "required": ["story"], "properties": { "story": { "const": s.id } } }
                ], "not": { "required": ["src"] } })
            } else {
                json!({ "required": ["story"], "properties": { "story": { "const": s.id } },
                        "not": { "required": ["src"] } })
            };
            json!({
                "if": names,
                "then": { "properties": {
                    "sections": { "items": { "enum": sections(s) } },
                    "highlight": { "enum": sections(s) },
                    "metric": { "enum": metrics(s) }
                } }
            })
        })
        .collect();
    if let Some(all_of) = schema.get_mut("allOf").and_then(Value::as_array_mut) {
        all_of.extend(rules);
    }
    Ok(schema)
}

/// Whether a rule's `if` is the hand-written schema's "without `src`" alone.
fn is_without_src(condition: &Value) -> bool {
    condition == &json!({ "not": { "required": ["src"] } })
}

/// Sets the member at `path`, making the objects on the way (serde_json's `IndexMut` panics on
/// a non-object, which this shipped schema never is, but the workspace lints hold anyway).
fn set(v: &mut Value, path: &[&str], new: Value) {
    let mut cur = v;
    for key in path {
        let Some(obj) = cur.as_object_mut() else {
            return;
        };
        cur = obj.entry(*key).or_insert_with(|| json!({}));
    }
    *cur = new;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_every_embedded_story_with_its_own_sections_and_metrics() {
        let s = schema().unwrap();
        let ids: Vec<&str> = stories().iter().map(|s| s.id).collect();
        assert_eq!(s["properties"]["story"]["enum"], json!(ids));
        let rules = s["allOf"].as_array().unwrap();
        for st in stories() {
            let rule = rules
                .iter()
                .find(|r| r["if"].to_string().contains(&format!("\"{}\"", st.id)))
                .unwrap();
            assert_eq!(
                rule["then"]["properties"]["sections"]["items"]["enum"],
                json!(sections(st))
            );
            assert_eq!(
                rule["then"]["properties"]["metric"]["enum"],
                json!(metrics(st))
            );
        }
        let without_src = rules.iter().find(|r| is_without_src(&r["if"])).unwrap();
        assert_eq!(
            without_src["then"]["properties"]["highlight"]["enum"],
            json!([
                "policy",
                "training",
                "visit",
                "volunteer",
                "order",
                "activist",
                "problem"
            ])
        );
    }
}
