//! JSON Schema of the widget configuration (hand-written; a test keeps it in step with the
//! parser). `cargo run -p cli -- schema` prints it.

/// The schema text (JSON Schema draft 2020-12).
pub const SCHEMA_JSON: &str = include_str!("widget-config.schema.json");

#[cfg(test)]
mod tests {
    use super::super::*;
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(SCHEMA_JSON).unwrap()
    }

    fn strings(v: &Value) -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn schema_properties_are_exactly_the_options_the_parser_accepts() {
        let s = schema();
        let mut props: Vec<String> = s["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        props.sort();
        let mut fields: Vec<String> = COMMON_FIELDS
            .iter()
            .chain(&TALLY_FIELDS)
            .chain(&PAYMENTS_FIELDS)
            .chain(&GRID_FIELDS)
            .map(|s| s.to_string())
            .collect();
        fields.sort();
        fields.dedup(); // `src` is an option of two widgets
        assert_eq!(props, fields);
        assert_eq!(s["additionalProperties"], Value::Bool(false));
    }

    #[test]
    fn schema_enums_match_the_parsers_tables() {
        let s = schema();
        let p = &s["properties"];
        // The built-in story's sections and metrics bind only without `src` (a bundle's own
        // are checked when the page reads it).
        let built_in = s["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["if"]["not"]["required"][0] == "src")
            .map(|r| &r["then"]["properties"])
            .unwrap();
        let story = crate::default_story();
        assert_eq!(strings(&p["widget"]["enum"]), WIDGET_NAMES);
        assert_eq!(strings(&p["lang"]["enum"]), LANG_NAMES);
        assert_eq!(strings(&p["theme"]["enum"]), THEME_NAMES);
        let metric_ids: Vec<&str> = story.chart.unwrap().metrics.iter().map(|m| m.id).collect();
        assert_eq!(strings(&built_in["metric"]["enum"]), metric_ids);
        let seven: Vec<&str> = story
            .tally
            .unwrap()
            .cards
            .iter()
            .map(|c| c.section.id())
            .collect();
        let ids: Vec<&str> = crate::stories().iter().map(|s| s.id).collect();
        assert_eq!(strings(&p["story"]["enum"]), ids);
        assert_eq!(strings(&built_in["highlight"]["enum"]), seven);
        assert_eq!(strings(&built_in["sections"]["items"]["enum"]), seven);
        let steps: Vec<&str> = story.milestones().iter().map(|m| m.id).collect();
        assert_eq!(strings(&p["step"]["enum"]), steps);
        assert_eq!(p["series"]["maxItems"], Value::from(MAX_POINTS));
    }

    #[test]
    fn schema_limits_each_widget_to_its_own_options() {
        let s = schema();
        let rules = s["allOf"].as_array().unwrap();
        for kind in WidgetKind::ALL {
            let rule = rules
                .iter()
                .find(|r| r["if"]["properties"]["widget"]["const"] == kind.name())
                .unwrap();
            let mut allowed = strings(&rule["then"]["propertyNames"]["enum"]);
            allowed.sort();
            let mut want: Vec<String> = COMMON_FIELDS
                .iter()
                .chain(kind.option_names())
                .map(|s| s.to_string())
                .collect();
            want.sort();
            assert_eq!(allowed, want, "{kind:?}");
        }
    }

    #[test]
    fn every_schema_example_is_accepted_by_the_parser() {
        let s = schema();
        let examples = s["examples"].as_array().unwrap();
        assert!(examples.len() >= 3);
        for ex in examples {
            let text = serde_json::to_string(ex).unwrap();
            WidgetConfig::parse([], Some(&text)).unwrap();
        }
    }
}
