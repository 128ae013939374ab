//! The static layer: a widget rendered natively, from the same element tree the browser builds
//! (`<kind>::view`), into HTML that goes into the page before any script (feature `ssr`, native builds only: none of
//! this reaches the WASM).
//!
//! [`render`] gives the widget's `<section class="widget …">`: title, every headline figure,
//! the drawing (the map's SVG from its tree, the chart's SVG from plotters through `viz::svg`), the data table
//! for screen readers, the source and the credit line. [`shadow_template`] wraps it in a
//! declarative shadow root, so the host page's CSS cannot reach it (as it cannot reach the live
//! widget) and the live widget later takes over the same root at the same size.

use crate::payments::drawing;
use crate::Error;
use story::format::escape::push_escaped;
use story::{Lang, Theme, WidgetConfig, WidgetKind, WidgetOptions};
use viz::chart::{ChartPicture, Palette};
use viz::image::{Origin, Picture};
use viz::surface::Dyn;
use viz::tally::drawing::{TallyColors, TallyPicture};

/// The widget's static layer as HTML: its kind's tree, written (`<kind>::static_html`).
pub fn render(config: WidgetConfig) -> Result<String, Error> {
    match config.kind {
        #[cfg(feature = "tally")]
        WidgetKind::Tally => Ok(crate::tally::static_html(&config)),
        #[cfg(feature = "payments")]
        WidgetKind::Payments => crate::payments::static_html(&config),
        #[cfg(feature = "grid-map")]
        WidgetKind::GridMap => Ok(crate::grid_map::static_html(&config)),
        // The cli builds with every kind.
        #[allow(unreachable_patterns)]
        _ => Err(Error::Render(format!(
            "no {} in this build",
            config.kind.name()
        ))),
    }
}

/// A stylesheet the static layer links to: its URL and, when pinned, its SRI hash.
pub struct Stylesheet<'a> {
    pub href: &'a str,
    pub integrity: Option<&'a str>,
}

/// `html` inside a `<template shadowrootmode="open">` with its stylesheet linked first: the
/// parser attaches it as the placeholder's shadow root, no script needed. Linked, not inline:
/// a strict CSP (`style-src 'self'`) blocks `<style>` elements.
pub fn shadow_template(html: &str, sheet: &Stylesheet) -> String {
    let mut out = String::with_capacity(html.len() + 160);
    out.push_str("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"");
    push_escaped(&mut out, sheet.href);
    out.push('"');
    if let Some(integrity) = sheet.integrity {
        out.push_str(" integrity=\"");
        push_escaped(&mut out, integrity);
        out.push_str("\" crossorigin=\"anonymous\"");
    }
    out.push('>');
    out.push_str(html);
    out.push_str("</template>");
    out
}

/// A placeholder as a page or a snippet carries it: the `data-*` options (`widget`, `lang`,
/// ...; written in the order given), the static layer in a declarative shadow root (its
/// stylesheet linked), and the static fallback list in the light DOM for readers whose browser
/// has no declarative shadow DOM (feed readers, old browsers). `class` goes on the element.
/// `data-static` tells the host stylesheet (embed.css) that no size needs reserving.
pub fn placeholder(
    options: &[(&str, &str)],
    class: Option<&str>,
    sheet: &Stylesheet,
) -> Result<String, Error> {
    let config = WidgetConfig::parse(options.iter().copied(), None)?;
    let fallback = story::fallback::fallback(config.story, config.kind, config.lang).to_html();
    let section = render(config)?;
    let mut out = String::from("<div");
    if let Some(class) = class {
        out.push_str(" class=\"");
        push_escaped(&mut out, class);
        out.push('"');
    }
    for (name, value) in options {
        out.push_str(" data-");
        push_escaped(&mut out, name);
        out.push_str("=\"");
        push_escaped(&mut out, value);
        out.push('"');
    }
    out.push_str(" data-static>");
    out.push_str(&shadow_template(&section, sheet));
    out.push_str("\n  ");
    out.push_str(&fallback);
    out.push_str("\n</div>");
    Ok(out)
}

/// What `cli render` writes: a standalone HTML document, or an SVG image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Svg,
}

/// The widget as a standalone file: an HTML document holding the static layer (its stylesheet
/// inline: a file has no CSP), or an SVG image framed as the reader's downloads are
/// (`viz::image`: the title over the drawing, the source line, notes and credit under it).
pub fn document(config: WidgetConfig, format: Format) -> Result<String, Error> {
    match format {
        Format::Html => html_document(config),
        Format::Svg => svg_document(config),
    }
}

fn html_document(config: WidgetConfig) -> Result<String, Error> {
    let kind = config.kind;
    let lang = config.lang;
    let title = story::ui::widget_title(config.story, kind, lang);
    let section = render(config)?;
    let mut out = String::from("<!doctype html>\n<html lang=\"");
    out.push_str(html_lang(lang));
    out.push_str("\">\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    push_escaped(&mut out, title);
    out.push_str("</title>\n<div data-widget=\"");
    out.push_str(kind.name());
    out.push_str("\" data-static><template shadowrootmode=\"open\"><style>");
    out.push_str(&crate::stylesheet(kind));
    out.push_str("</style>");
    out.push_str(&section);
    out.push_str("</template></div>\n");
    Ok(out)
}

fn html_lang(lang: Lang) -> &'static str {
    lang.pick("zh-CN", "en")
}

fn svg_document(config: WidgetConfig) -> Result<String, Error> {
    let lang = config.lang;
    let story = config.story;
    let dark = config.theme == Theme::Dark;
    let mut style = drawing::style();
    if dark {
        style.palette = Palette::DARK;
    }
    let svg = match &config.options {
        WidgetOptions::Tally(options) => {
            let view = viz::tally::build_view(story, options, lang)
                .ok_or_else(|| Error::Render(String::from("the story has no tally")))?;
            let colors = if dark {
                TallyColors::DARK
            } else {
                TallyColors::LIGHT
            };
            TallyPicture::new(story, &view, SVG_WIDTH, colors, &style).to_svg(&style)
        }
        WidgetOptions::GridMap(_) => {
            let Some(smap) = story.map.as_ref() else {
                return Err(Error::Render(String::from("the story has no map")));
            };
            let model = crate::grid_map::map_model(story)
                .ok_or_else(|| Error::Render(String::from("the story's map has no geometry")))?;
            let grid = viz::map::view::grid_story(story, smap, &model, lang);
            let html = render(config)?;
            let (size, inner) = wide_map(&html)
                .ok_or_else(|| Error::Render(String::from("no map drawing in the widget")))?;
            let image = viz::map::view::image(story, &grid, size, lang, &style);
            // The widget's own markup and stylesheet, under the theme's classes.
            let mut body = String::from("<style>");
            body.push_str(&crate::stylesheet(WidgetKind::GridMap));
            body.push_str("</style><g class=\"widget ");
            body.push_str(if dark { "dark" } else { "light" });
            body.push_str("\"><g class=\"gm\"><svg x=\"0\" y=\"0");
            for (name, v) in [("width", size.0), ("height", size.1)] {
                body.push_str("\" ");
                body.push_str(name);
                body.push_str("=\"");
                push_number(&mut body, v);
            }
            body.push_str("\" viewBox=\"0 0 ");
            push_number(&mut body, size.0);
            body.push(' ');
            push_number(&mut body, size.1);
            body.push_str("\" class=\"zone-on\" overflow=\"visible\">");
            body.push_str(inner);
            body.push_str("</svg></g></g>");
            image.to_svg(&style, &mut |svg: &mut Dyn| {
                Origin::raw(svg, &body);
                Ok(())
            })
        }
        WidgetOptions::Payments(options) => {
            let chart = story
                .chart
                .ok_or_else(|| Error::Render(String::from("the story has no chart")))?;
            let series = options.series.as_ref();
            let view = viz::payments::build_view(story, &chart, options.metric, series, lang);
            ChartPicture::new(story, &view, SVG_CHART_SIZE, &style).to_svg(&style)
        }
    };
    svg.map_err(|e| Error::Render(e.to_string()))
}

/// The chart's size in its SVG image (CSS px).
const SVG_CHART_SIZE: (f64, f64) = (640.0, 400.0);

/// The tally's width in its SVG image (CSS px): three columns of cards.
const SVG_WIDTH: f64 = 720.0;

/// The wide drawing in the map widget's static layer: its viewBox size and its content.
fn wide_map(html: &str) -> Option<((f64, f64), &str)> {
    const OPEN: &str = "<svg viewBox=\"0 0 ";
    let wide = html.split(OPEN).skip(1).find(|part| {
        part.split('>')
            .next()
            .is_some_and(|tag| tag.contains("v-wide"))
    })?;
    let (size, _) = wide.split_once('"')?;
    let mut numbers = size.split(' ').map(str::parse::<f64>);
    let (width, height) = (numbers.next()?.ok()?, numbers.next()?.ok()?);
    let (_, after_tag) = wide.split_once('>')?;
    let (inner, _) = after_tag.split_once("</svg>")?;
    Some(((width, height), inner))
}

fn push_number(out: &mut String, v: f64) {
    viz::map::path::push1(out, v);
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::{Lang, WidgetKind};

    fn config(kind: WidgetKind, lang: Lang) -> WidgetConfig {
        let lang = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        WidgetConfig::parse([("widget", kind.name()), ("lang", lang)], None).unwrap()
    }

    #[test]
    fn the_tally_shows_every_headline_figure_at_its_final_value() {
        let html = render(config(WidgetKind::Tally, Lang::Zh)).unwrap();
        assert!(
            html.starts_with("<section data-kind=\"tally\" class=\"widget auto static\">"),
            "{html:.80}"
        );
        let story = story::default_story();
        let view =
            viz::tally::build_view(story, &story::config::TallyOptions::all(story), Lang::Zh)
                .unwrap();
        let lead = view.lead.as_ref().unwrap();
        assert!(html.contains(&lead.text), "lead {}", lead.text);
        for card in &view.cards {
            if let Some(h) = &card.headline {
                // The shown numeral is the final one, not a count-up frame at zero.
                let (_, num, _) = viz::tally::split_numeral(&h.text);
                let shown = format!("<span class=\"shown\"><span class=\"n\">{num}</span>");
                assert!(html.contains(&shown), "{}", h.text);
            }
        }
        assert_eq!(
            html.matches("class=\"n\">0</span>").count(),
            0,
            "a figure at zero"
        );
        assert!(html.contains("<table>"), "the data table");
        let source = format!("来源：{} · {}", story.source.get(Lang::Zh), view.source);
        assert!(html.contains(&source), "the source and its section");
        assert!(html.contains("图表：Feature widgets"), "the credit");
    }

    #[test]
    fn the_map_has_its_districts_links_and_a_drawing_for_narrow_and_wide_boxes() {
        let html = render(config(WidgetKind::GridMap, Lang::En)).unwrap();
        assert_eq!(html.matches("<svg").count(), 2, "narrow and wide drawings");
        assert!(
            html.contains("class=\"gm-map zone-on v-narrow\""),
            "{html:.400}"
        );
        assert!(html.contains("class=\"gm-map zone-on v-wide\""));
        assert_eq!(
            html.matches("class=\"gm-dist ").count(),
            6,
            "3 districts x 2"
        );
        assert_eq!(html.matches("class=\"gm-link\"").count(), 6, "3 links x 2");
        // Controls are there (the live widget keeps the same size) but inert.
        assert!(
            html.contains("inert=\"inert\" class=\"gm-play\""),
            "{html:.300}"
        );
        assert!(
            !html.contains("tabindex=\"0\""),
            "no focus stop without script"
        );
    }

    #[test]
    fn the_chart_is_drawn_as_svg_for_narrow_and_wide_boxes() {
        let html = render(config(WidgetKind::Payments, Lang::Zh)).unwrap();
        assert_eq!(html.matches("<svg").count(), 2, "{html:.300}");
        assert!(html.contains("近5亿笔"), "the reported total");
        assert!(!html.contains("<canvas"), "no empty canvas");
    }

    #[test]
    fn a_placeholder_carries_its_options_static_layer_and_fallback() {
        let sheet = Stylesheet {
            href: "widget-payments.css",
            integrity: None,
        };
        let html = placeholder(
            &[("widget", "payments"), ("lang", "en"), ("metric", "value")],
            Some("widget-slot"),
            &sheet,
        )
        .unwrap();
        assert!(html.starts_with(
            "<div class=\"widget-slot\" data-widget=\"payments\" data-lang=\"en\" data-metric=\"value\" data-static><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"widget-payments.css\"><section"
        ), "{html:.300}");
        assert!(
            html.contains("value=\"value\" checked"),
            "the chosen metric is shown"
        );
        assert!(html.contains("</template>\n  <div class=\"fw-fallback\">"));
        assert!(html.ends_with("</div>\n</div>"));
        // A bad option is refused with the embed's own message, not rendered.
        let bad = placeholder(&[("widget", "payments"), ("metric", "x")], None, &sheet);
        assert!(bad.is_err());
    }

    #[test]
    fn the_template_links_its_stylesheet_with_its_hash() {
        let t = shadow_template(
            "<section></section>",
            &Stylesheet {
                href: "w-1.css\"><script>",
                integrity: Some("sha384-x"),
            },
        );
        assert_eq!(
            t,
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"w-1.css&quot;&gt;&lt;script&gt;\" integrity=\"sha384-x\" crossorigin=\"anonymous\"><section></section></template>"
        );
    }
}
