//! `cli render <widget> [--format html|svg] [--out FILE] [--OPTION VALUE]...`: a widget drawn
//! natively by its own components (`widgets::static_layer`), the code the browser runs: an HTML
//! document holding its static layer, or an SVG image framed as the reader's downloads are
//! (`viz::image`: the title, the drawing, the source line and the credit). Options are the placeholder's `data-*` options (`--lang en`,
//! `--theme dark`, `--metric value`, `--step 2019-10`, `--story ID`, ...), checked as the
//! embed checks them.

use super::Outcome;
use crate::Error;
use std::process::ExitCode;
use story::{Lang, WidgetConfig};
use widgets::static_layer::{document, Format};

pub const USAGE: &str = "usage: cli render <tally|payments|grid-map> [--format html|svg] [--out FILE] [--OPTION VALUE]...
  OPTION: any data-* option of a placeholder (lang, theme, story, metric, step, sections, ...)";

pub fn run(args: &[String]) -> Outcome {
    let Some((kind, rest)) = args.split_first() else {
        return Err(Error::Usage { usage: USAGE });
    };
    let mut format = Format::Html;
    let mut out = None;
    let mut options: Vec<(String, String)> = vec![(String::from("widget"), kind.clone())];
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let Some(name) = flag.strip_prefix("--") else {
            return Err(Error::UnknownArgument {
                command: "render",
                argument: flag.clone(),
                usage: USAGE,
            });
        };
        let value = it.next().cloned();
        match (name, value) {
            ("format", Some(v)) => {
                format = match v.as_str() {
                    "html" => Format::Html,
                    "svg" => Format::Svg,
                    _ => {
                        return Err(Error::BadValue {
                            option: "--format",
                            value: Some(v),
                            allowed: "html or svg",
                        })
                    }
                }
            }
            ("out", Some(v)) => out = Some(v),
            (name, Some(v)) => options.push((name.to_owned(), v)),
            (_, None) => return Err(Error::Usage { usage: USAGE }),
        }
    }
    let config =
        match WidgetConfig::parse(options.iter().map(|(k, v)| (k.as_str(), v.as_str())), None) {
            Ok(config) => config,
            Err(e) => {
                eprintln!("{}", e.message(Lang::En));
                return Ok(ExitCode::from(2));
            }
        };
    let text = document(config, format)?;
    match out {
        Some(path) => {
            std::fs::write(&path, text).map_err(|source| Error::Write { path, source })?
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(args: &[&str]) -> (ExitCode, String) {
        let dir = std::env::temp_dir().join(format!("cli-render-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("{}.out", args.join("_").replace(['-', ' '], "")));
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        all.push("--out".into());
        all.push(file.display().to_string());
        let code = run(&all).unwrap();
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        (code, text)
    }

    #[test]
    fn the_map_svg_has_districts_links_the_title_source_and_credit() {
        let (code, svg) = render(&["grid-map", "--format", "svg", "--lang", "en"]);
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(svg.starts_with("<svg role=\"img\""), "{:.120}", svg);
        assert_eq!(svg.matches("class=\"gm-dist ").count(), 3);
        assert_eq!(svg.matches("class=\"gm-link\"").count(), 3);
        assert!(svg.contains("<title>Yangtze Delta demonstration zone"));
        assert!(svg.contains("Source: "));
        assert!(svg.contains("GeoNames"));
        assert!(svg.contains("Graphic: Feature widgets"));
        assert!(svg.contains("<style>"), "the widget's stylesheet");
    }

    #[test]
    fn the_chart_svg_is_drawn_by_the_widgets_chart_code_in_the_chosen_theme() {
        let (code, svg) = render(&[
            "payments", "--format", "svg", "--lang", "zh", "--theme", "dark", "--metric", "value",
        ]);
        assert_eq!(code, ExitCode::SUCCESS);
        for text in [
            "超900亿元",
            "仅有累计总数",
            "来源：",
            "图表：Feature widgets",
            "fill=\"#14181d\"",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
    }

    #[test]
    fn the_tally_html_document_carries_its_static_layer_and_stylesheet() {
        let (code, html) = render(&["tally", "--lang", "zh"]);
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("<template shadowrootmode=\"open\"><style>"));
        assert!(html.contains("99名"));
    }

    #[test]
    fn the_tally_svg_draws_the_lead_the_chosen_cards_the_source_and_the_credit() {
        let (code, svg) = render(&[
            "tally",
            "--format",
            "svg",
            "--lang",
            "en",
            "--sections",
            "policy,training",
        ]);
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(svg.starts_with("<svg role=\"img\""), "{:.120}", svg);
        let story = story::default_story();
        for text in [
            story.source.en,
            "Graphic: Feature widgets",
            "Figures as of: ",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        // Two cards: two card grounds (#f5f6f8, or the highlight) under the lead.
        assert_eq!(svg.matches("fill=\"#f5f6f8\"").count(), 2, "{svg}");
    }

    #[test]
    fn bad_options_are_refused_as_the_embed_refuses_them() {
        let (code, _) = render(&["payments", "--metric", "nope"]);
        assert_eq!(code, ExitCode::from(2));
        assert!(run(&["payments".into(), "--format".into(), "png".into()]).is_err());
        assert!(run(&[]).is_err());
    }
}
