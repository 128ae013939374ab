//! `cli render payments --lang zh|en --out FILE [--metric M] [--theme light|dark]`: the payments
//! chart as a static SVG (print, no-JS fallback, social card), drawn by the same
//! `viz::chart::draw` as the canvas in the browser.

use super::Outcome;
use crate::Error;
use plotters_backend::DrawingBackend;
use plotters_svg::SVGBackend;
use std::process::ExitCode;
use story::format::escape::push_escaped;
use story::model::{Chart, Metric};
use story::ui::UiText;
use story::{Lang, Story};
use viz::chart::{self, ChartStyle, Frame, Palette};
use viz::payments::build_view;

const USAGE: &str =
    "usage: cli render payments --lang zh|en --out FILE [--metric transactions|value|merchants|fees] [--theme light|dark]";

/// Size of the chart (without its footer) in CSS pixels.
pub const SIZE: (u32, u32) = (640, 400);

pub fn run(args: &[String]) -> Outcome {
    let mut lang = Lang::Zh;
    let mut out = None;
    let story = story::default_story();
    let Some(chart) = story.chart else {
        eprintln!("the story {} has no chart", story.id);
        return Ok(ExitCode::from(2));
    };
    let mut metric = None;
    let mut palette = Palette::LIGHT;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().map(String::as_str);
        match (flag.as_str(), value) {
            ("--lang", Some("zh")) => lang = Lang::Zh,
            ("--lang", Some("en")) => lang = Lang::En,
            ("--out", Some(path)) => out = Some(path.to_owned()),
            ("--theme", Some("light")) => palette = Palette::LIGHT,
            ("--theme", Some("dark")) => palette = Palette::DARK,
            ("--metric", Some(m)) => match chart.metric(m) {
                Some(x) => metric = Some(x),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let Some(out) = out else { return usage() };
    let Some(metric) = metric.or(chart.metrics.first()) else {
        return usage();
    };
    std::fs::write(&out, svg(story, &chart, metric, lang, palette)?).map_err(|source| {
        Error::Write {
            path: out.clone(),
            source,
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

fn usage() -> Outcome {
    eprintln!("{USAGE}");
    Ok(ExitCode::from(2))
}

/// The chart as a standalone SVG document with a title, a description and the note.
pub fn svg(
    story: &Story,
    chart: &Chart,
    metric: &'static Metric,
    lang: Lang,
    palette: Palette,
) -> Result<String, Error> {
    let view = build_view(story, chart, metric, None, lang);
    let mut style = ChartStyle::new(palette);
    style.font_px = 13.0;
    // plotters-svg writes font-size = size / 1.24.
    style.backend_text_scale = 1.24;
    let (w, h) = (f64::from(SIZE.0), f64::from(SIZE.1));
    let mut source = String::from(UiText::SourcePrefix.get(lang));
    source.push_str(view.source);
    let footer = [view.title.as_str(), view.note.as_str(), source.as_str()];
    let footer_h = chart::footer_height(&footer, w, &style).ceil();
    let mut buf = String::new();
    {
        let mut db = SVGBackend::with_string(&mut buf, (SIZE.0, SIZE.1 + footer_h as u32));
        let lay = chart::layout(&view, w, h, &style);
        chart::draw(&mut db, &view, &lay, &style, Frame::DONE)?;
        chart::draw_footer(&mut db, &footer, h, w, &style)?;
        db.present()?;
    }
    Ok(with_title(&buf, &view.title, &view.description))
}

/// Adds `<title>` and `<desc>` right after the opening `<svg …>` tag, for screen readers.
fn with_title(svg: &str, title: &str, desc: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_owned();
    };
    let (head, tail) = svg.split_at(end + 1);
    let mut out = String::with_capacity(svg.len() + title.len() + desc.len() + 64);
    out.push_str(&head.replacen("<svg ", "<svg role=\"img\" ", 1));
    out.push_str("\n<title>");
    push_escaped(&mut out, title);
    out.push_str("</title>\n<desc>");
    push_escaped(&mut out, desc);
    out.push_str("</desc>");
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg_of(metric: &str, lang: Lang, palette: Palette) -> Result<String, Error> {
        let story = story::default_story();
        let chart = story.chart.unwrap();
        svg(story, &chart, chart.metric(metric).unwrap(), lang, palette)
    }

    #[test]
    fn zh_svg_has_axis_labels_reported_values_and_the_note() {
        let s = svg_of("transactions", Lang::Zh, Palette::LIGHT).unwrap();
        assert!(s.starts_with("<svg role=\"img\""), "{}", &s[..80]);
        for text in [
            ">\n1亿\n<",
            ">\n5亿\n<",
            ">\n0\n<", // y ticks
            "2019年推广",
            "（月份未公布）",
            "2020年7月", // x labels
            "近5亿笔",   // the reported total
            "单位：笔",
            "仅有累计总数，中间数值未公布",
            "<title>e支付收款码累计交易笔数</title>",
        ] {
            assert!(s.contains(text), "missing {text}");
        }
        assert!(s.contains("font-family=\"PingFang SC, Noto Sans CJK SC"));
    }

    #[test]
    fn en_svg_uses_million_and_billion_and_says_the_line_only_joins_two_points() {
        let s = svg_of("value", Lang::En, Palette::DARK).unwrap();
        for text in [
            ">\n20B\n<",
            "over 90 billion yuan",
            "2019 launch",
            "(month not reported)",
            "July 2020",
            "Straight line only joins",
            "intermediate values not reported",
            "fill=\"#14181D\"",
        ] {
            assert!(s.contains(text), "missing {text}");
        }
    }

    #[test]
    fn the_connector_is_dashed_not_one_line() {
        let s = svg_of("fees", Lang::Zh, Palette::LIGHT).unwrap();
        // Dashes are polygons in the accent colour: many, not one.
        let dashes = s.matches("<polygon opacity=\"1\" fill=\"#0B5394\"").count();
        assert!(dashes > 10, "{dashes} dashes");
    }

    #[test]
    fn bad_arguments_print_usage_and_exit_2() {
        let code = run(&["--lang".into(), "fr".into()]).unwrap();
        assert_eq!(code, ExitCode::from(2));
        let code = run(&["--lang".into(), "zh".into()]).unwrap();
        assert_eq!(code, ExitCode::from(2));
    }
}
