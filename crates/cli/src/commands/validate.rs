//! `cli validate <config.json>`: checks a widget configuration the way a placeholder's JSON
//! block is checked, and prints the editor-facing verdict in zh-CN and English.

use super::Outcome;
use crate::Error;
use std::process::ExitCode;
use story::{Lang, WidgetConfig, WidgetOptions};

pub fn run(args: &[String]) -> Outcome {
    let [path] = args else {
        eprintln!("usage: cli validate <config.json>");
        return Ok(ExitCode::from(2));
    };
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    let (line, ok) = verdict(&text);
    println!("{line}");
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The text to print and whether the configuration is valid.
pub fn verdict(text: &str) -> (String, bool) {
    match WidgetConfig::parse([], Some(text)) {
        Ok(c) => (
            format!(
                "ok: {} widget, lang {}, theme {:?}; {}",
                c.kind.name(),
                c.lang.name(),
                c.theme,
                options(&c.options)
            ),
            true,
        ),
        Err(e) => (
            format!(
                "invalid:\n  {}\n  {}",
                e.message(Lang::Zh),
                e.message(Lang::En)
            ),
            false,
        ),
    }
}

fn options(o: &WidgetOptions) -> String {
    match o {
        WidgetOptions::Tally(t) => {
            let ids: Vec<&str> = t.sections.iter().map(|s| s.id()).collect();
            format!(
                "sections {}, highlight {}",
                ids.join(","),
                t.highlight.map_or("none", |s| s.id())
            )
        }
        WidgetOptions::Payments(p) => format!(
            "metric {}, series {}, src {}",
            p.metric.id,
            p.series
                .as_ref()
                .map_or("none".into(), |s| format!("{} points", s.points.len())),
            p.src.as_deref().unwrap_or("none")
        ),
        WidgetOptions::GridMap(g) => format!("step {}, autoplay {}", g.step.id, g.autoplay),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_config_says_ok_with_the_widget() {
        let (line, ok) = verdict(r#"{"widget": "grid-map", "step": "2019-09"}"#);
        assert!(ok);
        assert!(line.starts_with("ok: grid-map widget, lang zh"), "{line}");
    }

    #[test]
    fn an_invalid_config_prints_both_languages() {
        let (line, ok) = verdict(r#"{"widget": "tally", "lang": "fr"}"#);
        assert!(!ok);
        assert!(line.contains("不支持 \"fr\""), "{line}");
        assert!(
            line.contains("Option `lang`: \"fr\" is not supported."),
            "{line}"
        );
    }
}
