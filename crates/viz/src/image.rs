//! A widget as an image: its title over the drawing, the source line, notes and the credit
//! under it, on the theme's background. One layout for every image of every widget: the
//! cli's SVG files (`cli render --format svg`), and the reader's PNG and SVG downloads, which
//! draw the same [`Image`] on a canvas or into [`Svg`]. It draws through plotters' backend
//! trait, like the chart, on [`Dyn`] (one compiled copy for every backend, see
//! [`crate::surface`]); a backend takes part by moving its origin ([`Origin`]).

use crate::chart::{paint, pt, text, wrap, ChartStyle, Res, Rgb};
use crate::surface::{Dyn, DynRes, Surface, SurfaceError};
use crate::svg::Svg;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{DrawingBackend, DrawingErrorKind};
use story::format::escape::push_escaped;
use story::ui::UiText;
use story::{Lang, Story};

/// The line that cites where a widget's figures come from, as the widget shows it under the
/// drawing: `来源：<source> · <section>`.
pub fn source_line(story: &Story, section: &str, lang: Lang) -> String {
    [
        UiText::SourcePrefix.get(lang),
        story.source.get(lang),
        UiText::SectionSeparator.get(lang),
        section,
    ]
    .concat()
}

/// How a block of text over or under the drawing looks.
struct TextBlock {
    /// Text size in CSS px.
    px: f64,
    line_h: f64,
    /// Space above the first line and below the last.
    pad: f64,
    rgb: Rgb,
    bold: bool,
}

impl TextBlock {
    fn title(style: &ChartStyle) -> TextBlock {
        let px = style.font_px * 1.4;
        TextBlock {
            px,
            line_h: px * 1.35,
            pad: 6.0,
            rgb: style.palette.fg,
            bold: true,
        }
    }

    fn footer(style: &ChartStyle) -> TextBlock {
        TextBlock {
            px: style.font_px,
            line_h: style.font_px * 1.4,
            pad: 4.0,
            rgb: style.palette.muted,
            bold: false,
        }
    }

    fn wrapped<'a>(&self, lines: impl IntoIterator<Item = &'a str>, width: f64) -> Vec<String> {
        lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .flat_map(|l| wrap(l, self.px, width - 2.0 * MARGIN))
            .collect()
    }

    fn height(&self, lines: &[String]) -> f64 {
        (self.line_h * lines.len() as f64 + 2.0 * self.pad).ceil()
    }

    fn draw<DB: DrawingBackend>(
        &self,
        db: &mut DB,
        lines: &[String],
        top: f64,
        style: &ChartStyle,
    ) -> Res<DB> {
        for (i, line) in lines.iter().enumerate() {
            let at = (MARGIN, top + self.pad + self.line_h * i as f64);
            let look = (self.rgb, self.px, self.bold);
            text(db, line, at, (HPos::Left, VPos::Top), look, style)?;
        }
        Ok(())
    }
}

/// Space left and right of the title and footer text (CSS px).
pub const MARGIN: f64 = 8.0;

/// An image's layout: the title wrapped to the drawing's width on top, the drawing (the body)
/// under it, then the footer: the given lines (source line, notes) and the credit.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub width: f64,
    /// Where the body starts (CSS px from the top).
    pub body_top: f64,
    pub body_height: f64,
    /// The whole image's height.
    pub height: f64,
    /// For assistive technology (the SVG's `<title>`).
    pub title: String,
    title_lines: Vec<String>,
    footer_lines: Vec<String>,
}

impl Image {
    /// The layout for a body of `(width, height)` CSS px; empty footer lines are left out and
    /// the credit line is added in `lang`.
    pub fn new(
        title: &str,
        footer: &[&str],
        (width, body_height): (f64, f64),
        lang: Lang,
        style: &ChartStyle,
    ) -> Image {
        let width = width.max(1.0).ceil();
        let body_height = body_height.max(1.0).ceil();
        let title_lines = TextBlock::title(style).wrapped([title], width);
        let credit = UiText::Credit.get(lang);
        let footer_lines =
            TextBlock::footer(style).wrapped(footer.iter().copied().chain([credit]), width);
        let body_top = TextBlock::title(style).height(&title_lines);
        let footer_h = TextBlock::footer(style).height(&footer_lines);
        Image {
            width,
            body_top,
            body_height,
            height: body_top + body_height + footer_h,
            title: title.to_owned(),
            title_lines,
            footer_lines,
        }
    }

    /// The image's size in whole CSS px.
    pub fn size(&self) -> (u32, u32) {
        (self.width as u32, self.height.ceil() as u32)
    }

    /// The whole image: the background, the title, the footer, and the body as `body` draws
    /// it at the origin, which is moved under the title first. The one composition of every
    /// widget image, on any backend.
    pub fn draw(
        &self,
        db: &mut Dyn,
        style: &ChartStyle,
        body: &mut dyn FnMut(&mut Dyn) -> DynRes,
    ) -> DynRes {
        db.draw_rect(
            (0, 0),
            pt(self.width, self.height.ceil()),
            &paint(style.palette.bg),
            true,
        )?;
        TextBlock::title(style).draw(db, &self.title_lines, 0.0, style)?;
        let footer_top = self.body_top + self.body_height;
        TextBlock::footer(style).draw(db, &self.footer_lines, footer_top, style)?;
        Origin::shift(db, 0.0, self.body_top);
        let drawn = body(db);
        Origin::restore(db);
        drawn
    }

    /// The image as a standalone SVG document: `role="img"` with the title for assistive
    /// technology, then [`Image::draw`] (a body of its own markup goes in through
    /// [`Svg::raw`]).
    pub fn to_svg(
        &self,
        style: &ChartStyle,
        body: &mut dyn FnMut(&mut Dyn) -> DynRes,
    ) -> Result<String, DrawingErrorKind<SurfaceError>> {
        let mut svg = Svg::new(self.size(), " role=\"img\"");
        let mut title = String::from("<title>");
        push_escaped(&mut title, &self.title);
        title.push_str("</title>");
        svg.raw(&title);
        self.draw(&mut Dyn(&mut svg), style, body)?;
        Ok(svg.finish())
    }
}

/// A widget's image whose body is a drawing on any backend (the chart, the tally): what both
/// the cli's SVG files and the reader's downloads render.
pub trait Picture {
    fn image(&self) -> &Image;
    /// Draws the body at the origin.
    fn draw_body(&self, db: &mut Dyn, style: &ChartStyle) -> DynRes;

    /// The whole image on `surface`.
    fn draw(&self, surface: &mut dyn Surface, style: &ChartStyle) -> DynRes {
        let mut body = |db: &mut Dyn| self.draw_body(db, style);
        self.image().draw(&mut Dyn(surface), style, &mut body)
    }

    /// The whole image as an SVG document.
    fn to_svg(&self, style: &ChartStyle) -> Result<String, DrawingErrorKind<SurfaceError>> {
        self.image()
            .to_svg(style, &mut |db: &mut Dyn| self.draw_body(db, style))
    }
}

/// A backend that can move its origin: a canvas's transform, an SVG group. A body (the chart,
/// the tally, the map) is drawn at its own origin once the origin has moved under the title,
/// so its drawing code is the one the widget runs (no second instance of it for an offset
/// backend in the WASM).
pub trait Origin: DrawingBackend {
    /// Moves the origin by (`dx`, `dy`) CSS px until the matching [`Origin::restore`].
    fn shift(&mut self, dx: f64, dy: f64);
    fn restore(&mut self);
    /// Markup of the caller's own (an SVG body written elsewhere); only [`Svg`] takes it.
    fn raw(&mut self, _markup: &str) {}
}

impl Origin for Svg {
    fn shift(&mut self, dx: f64, dy: f64) {
        self.open_group(dx, dy);
    }

    fn restore(&mut self) {
        self.close_group();
    }

    fn raw(&mut self, markup: &str) {
        Svg::raw(self, markup);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Palette;

    fn image(lang: Lang) -> Image {
        let style = ChartStyle::new(Palette::LIGHT);
        Image::new(
            "望亭镇“七个一”",
            &["来源：苏州日报 · 一节", "", "a note"],
            (320.0, 200.0),
            lang,
            &style,
        )
    }

    #[test]
    fn the_body_sits_between_the_title_and_the_footer() {
        let img = image(Lang::Zh);
        assert!(img.body_top > 16.0, "a title line: {}", img.body_top);
        let footer = img.height - img.body_top - img.body_height;
        // Source, note and credit: three lines of footer text, the empty line left out.
        assert!(
            (3.0 * 12.0 * 1.4..5.0 * 12.0 * 1.4).contains(&footer),
            "{footer}"
        );
        assert_eq!(img.size(), (320, img.height.ceil() as u32));
    }

    #[test]
    fn the_svg_has_the_title_the_footer_the_credit_and_the_body_below_the_title() {
        let img = image(Lang::En);
        let style = ChartStyle::new(Palette::LIGHT);
        let svg = img
            .to_svg(&style, &mut |db: &mut Dyn| {
                db.draw_rect((0, 0), (10, 10), &paint((1, 2, 3)), true)
            })
            .unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" width=\"320\""),
            "{svg:.80}"
        );
        assert!(svg.contains("<title>望亭镇“七个一”</title>"));
        assert!(svg.contains(">来源：苏州日报 · 一节</text>"), "{svg}");
        assert!(svg.contains(">a note</text>"));
        assert!(
            svg.contains(">Graphic: Feature widgets</text>"),
            "the credit"
        );
        let body = format!(
            "<g transform=\"translate(0 {})\"><rect x=\"0\" y=\"0\" width=\"10\"",
            img.body_top
        );
        assert!(svg.contains(&body), "{svg}");
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn a_long_title_wraps_to_the_width() {
        let style = ChartStyle::new(Palette::LIGHT);
        let long =
            "Cross-province 10 kV interconnection in the Yangtze River Delta demonstration zone";
        let narrow = Image::new(long, &[], (200.0, 100.0), Lang::En, &style);
        let wide = Image::new(long, &[], (900.0, 100.0), Lang::En, &style);
        assert!(narrow.body_top > wide.body_top);
    }

    #[test]
    fn the_source_line_cites_the_story_and_the_section() {
        let story = story::default_story();
        let line = source_line(story, "节", Lang::Zh);
        assert_eq!(line, format!("来源：{} · 节", story.source.zh));
    }
}
