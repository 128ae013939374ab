//! The tally as a drawing, for its images (PNG and SVG downloads, `cli render tally --format
//! svg`): the lead figure set big, then the cards in a grid of one, two or three columns as
//! the widget's own stylesheet arranges them at that width, each with its short word, its
//! title, its headline figure and label (or the note that the source gives none). The title,
//! source and credit are the image's frame ([`crate::image::Image`]). Generic over plotters'
//! [`DrawingBackend`], like the chart.

use super::{split_numeral, CardView, FigureView, TallyView};
use crate::chart::{paint, pt, text, wrap, ChartStyle, Res, Rgb};
use crate::image::{source_line, Image, Picture, MARGIN};
use crate::surface::{Dyn, DynRes};
use crate::text::width as text_width;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::DrawingBackend;
use story::ui::UiText;
use story::Story;

/// The tally's own colours (tally.css: `--heart`, `--card`, `--hl`), besides the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TallyColors {
    pub heart: Rgb,
    pub card: Rgb,
    pub highlight: Rgb,
}

impl TallyColors {
    /// tally.css, light theme.
    pub const LIGHT: TallyColors = TallyColors {
        heart: (0xb3, 0x26, 0x1e),
        card: (0xf5, 0xf6, 0xf8),
        highlight: (0xfc, 0xf0, 0xee),
    };
    /// tally.css, dark theme.
    pub const DARK: TallyColors = TallyColors {
        heart: (0xff, 0x8f, 0x84),
        card: (0x1c, 0x21, 0x27),
        highlight: (0x2a, 0x1e, 0x1f),
    };
}

/// Column breakpoints of tally.css's container queries (the widget's content width, CSS px).
const TWO_COLUMNS: f64 = 420.0;
const THREE_COLUMNS: f64 = 640.0;
const GAP: f64 = 12.0;
const PAD_X: f64 = 14.0;
const PAD_Y: f64 = 12.0;

/// Text sizes (CSS px): the lead's number and its unit, a card's number and unit, its title,
/// short word and labels.
const LEAD_N: f64 = 48.0;
const LEAD_U: f64 = 18.0;
const CARD_N: f64 = 30.0;
const CARD_U: f64 = 15.0;
const TITLE: f64 = 16.0;
const HEART: f64 = 13.0;
const LABEL: f64 = 13.0;

/// One card placed: its box and its wrapped text.
#[derive(Debug, Clone, PartialEq)]
struct Placed<'a> {
    card: &'a CardView,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    title: Vec<String>,
    label: Vec<String>,
}

/// Where everything goes at a width.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyDrawing<'a> {
    view: &'a TallyView,
    pub width: f64,
    pub height: f64,
    lead_label: Vec<String>,
    cards: Vec<Placed<'a>>,
}

/// How many card columns tally.css shows at `width`.
pub fn columns(width: f64) -> usize {
    if width >= THREE_COLUMNS {
        3
    } else if width >= TWO_COLUMNS {
        2
    } else {
        1
    }
}

fn line_h(px: f64) -> f64 {
    px * 1.4
}

/// The figure's text around its number (`1300` `余家`), for setting the number big.
fn numeral(f: &FigureView) -> (&str, &str, &str) {
    split_numeral(&f.text)
}

fn card_height(card: &CardView, title: &[String], label: &[String]) -> f64 {
    let heart = if card.heart.is_empty() {
        0.0
    } else {
        line_h(HEART) + 6.0
    };
    let figure = if card.headline.is_some() {
        CARD_N * 1.15
    } else {
        line_h(LABEL)
    };
    PAD_Y
        + heart
        + line_h(TITLE) * title.len() as f64
        + 8.0
        + figure
        + line_h(LABEL) * label.len() as f64
        + PAD_Y
}

/// Lays `view` out at `width` CSS px.
pub fn layout<'a>(view: &'a TallyView, width: f64) -> TallyDrawing<'a> {
    let width = width.max(120.0);
    let mut y = 0.0;
    // The lead: a rule, the number set big, its label.
    let lead_label = match &view.lead {
        Some(lead) => {
            let label = wrap(lead.label, LABEL + 1.0, width);
            y += 4.0 + 10.0 + LEAD_N * 1.1 + line_h(LABEL + 1.0) * label.len() as f64 + 16.0;
            label
        }
        None => Vec::new(),
    };
    let cols = columns(width);
    let card_w = (width - GAP * (cols as f64 - 1.0)) / cols as f64;
    let inner = card_w - 2.0 * PAD_X;
    let mut cards = Vec::with_capacity(view.cards.len());
    for row in view.cards.chunks(cols) {
        let mut placed: Vec<Placed> = row
            .iter()
            .enumerate()
            .map(|(i, card)| {
                let title = wrap(card.title, TITLE, inner);
                let label = match (&card.headline, card.about) {
                    (Some(h), _) => wrap(h.label, LABEL, inner),
                    (None, Some(about)) => wrap(about, LABEL, inner),
                    (None, None) => Vec::new(),
                };
                let h = card_height(card, &title, &label);
                Placed {
                    card,
                    x: (card_w + GAP) * i as f64,
                    y,
                    w: card_w,
                    h,
                    title,
                    label,
                }
            })
            .collect();
        let row_h = placed.iter().map(|p| p.h).fold(0.0, f64::max);
        for p in &mut placed {
            p.h = row_h;
        }
        y += row_h + GAP;
        cards.extend(placed);
    }
    TallyDrawing {
        view,
        width,
        height: (y - GAP).max(1.0).ceil(),
        lead_label,
        cards,
    }
}

/// A number with its text before and after, on one baseline: `top` is where text of size
/// `big` starts. Returns the width used.
fn draw_numeral<DB: DrawingBackend>(
    db: &mut DB,
    (pre, num, post): (&str, &str, &str),
    (x, top): (f64, f64),
    (big, small): (f64, f64),
    rgb: Rgb,
    style: &ChartStyle,
) -> Res<DB> {
    // Text is placed by its top; a smaller size starts lower, so the baselines meet.
    let small_top = top + (big - small) * 0.76;
    let mut at = x;
    for (part, px, top) in [
        (pre, small, small_top),
        (num, big, top),
        (post, small, small_top),
    ] {
        if part.is_empty() {
            continue;
        }
        text(
            db,
            part,
            (at, top),
            (HPos::Left, VPos::Top),
            (rgb, px, true),
            style,
        )?;
        at += text_width(part, px);
    }
    Ok(())
}

/// Draws the layout from `left` CSS px right of the origin; the background is the caller's
/// (the image's frame).
pub fn draw<DB: DrawingBackend>(
    db: &mut DB,
    tally: &TallyDrawing,
    colors: &TallyColors,
    style: &ChartStyle,
    left: f64,
) -> Res<DB> {
    let pal = style.palette;
    if let Some(lead) = &tally.view.lead {
        let rule = (pt(left, 0.0), pt(left + tally.width, 4.0));
        db.draw_rect(rule.0, rule.1, &paint(pal.fg), true)?;
        draw_numeral(
            db,
            numeral(lead),
            (left, 14.0),
            (LEAD_N, LEAD_U),
            colors.heart,
            style,
        )?;
        let mut y = 14.0 + LEAD_N * 1.1;
        for line in &tally.lead_label {
            let look = (pal.muted, LABEL + 1.0, false);
            text(db, line, (left, y), (HPos::Left, VPos::Top), look, style)?;
            y += line_h(LABEL + 1.0);
        }
    }
    for p in &tally.cards {
        let card = p.card;
        let (ground, edge) = if card.highlight {
            (colors.highlight, colors.heart)
        } else {
            (colors.card, pal.grid)
        };
        let x0 = left + p.x;
        db.draw_rect(pt(x0, p.y), pt(x0 + p.w, p.y + p.h), &paint(ground), true)?;
        db.draw_rect(pt(x0, p.y), pt(x0 + p.w, p.y + 3.0), &paint(edge), true)?;
        let x = x0 + PAD_X;
        let mut y = p.y + PAD_Y;
        if !card.heart.is_empty() {
            // Bold runs wider than the regular estimate.
            let w = text_width(card.heart, HEART) * 1.08 + 12.0;
            let h = line_h(HEART);
            db.draw_rect(pt(x, y), pt(x + w, y + h), &paint(colors.heart), false)?;
            let look = (colors.heart, HEART, true);
            let at = (x + 6.0, y + (h - HEART) / 2.0);
            text(db, card.heart, at, (HPos::Left, VPos::Top), look, style)?;
            y += h + 6.0;
        }
        for line in &p.title {
            let look = (pal.fg, TITLE, true);
            text(db, line, (x, y), (HPos::Left, VPos::Top), look, style)?;
            y += line_h(TITLE);
        }
        y += 8.0;
        match &card.headline {
            Some(h) => {
                draw_numeral(db, numeral(h), (x, y), (CARD_N, CARD_U), pal.fg, style)?;
                y += CARD_N * 1.15;
            }
            None => {
                let look = (colors.heart, LABEL, true);
                let none = UiText::NoFigure.get(tally.view.lang);
                text(db, none, (x, y), (HPos::Left, VPos::Top), look, style)?;
                y += line_h(LABEL);
            }
        }
        let colour = if card.headline.is_some() {
            pal.muted
        } else {
            pal.fg
        };
        for line in &p.label {
            let look = (colour, LABEL, false);
            text(db, line, (x, y), (HPos::Left, VPos::Top), look, style)?;
            y += line_h(LABEL);
        }
    }
    Ok(())
}

/// The tally as an image: its title, the drawing at `width`, the source line and the dates of
/// its figures.
pub struct TallyPicture<'a> {
    image: Image,
    drawing: TallyDrawing<'a>,
    colors: TallyColors,
}

impl<'a> TallyPicture<'a> {
    pub fn new(
        story: &Story,
        view: &'a TallyView,
        width: f64,
        colors: TallyColors,
        style: &ChartStyle,
    ) -> TallyPicture<'a> {
        // Inside the image's margins, as the title and footer are.
        let drawing = layout(view, width - 2.0 * MARGIN);
        let source = source_line(story, view.source, view.lang);
        let dates = [UiText::FigureDates.get(view.lang), view.dates_note.as_str()].concat();
        let size = (drawing.width + 2.0 * MARGIN, drawing.height);
        let image = Image::new(view.title, &[&source, &dates], size, view.lang, style);
        TallyPicture {
            image,
            drawing,
            colors,
        }
    }
}

impl Picture for TallyPicture<'_> {
    fn image(&self) -> &Image {
        &self.image
    }

    fn draw_body(&self, db: &mut Dyn, style: &ChartStyle) -> DynRes {
        draw(db, &self.drawing, &self.colors, style, MARGIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Palette;
    use crate::svg::Svg;
    use story::config::TallyOptions;
    use story::Lang;

    fn view(lang: Lang) -> TallyView {
        let story = story::default_story();
        super::super::build_view(story, &TallyOptions::all(story), lang).unwrap()
    }

    #[test]
    fn cards_sit_in_as_many_columns_as_the_stylesheet_shows() {
        assert_eq!(columns(320.0), 1);
        assert_eq!(columns(420.0), 2);
        assert_eq!(columns(736.0), 3);
        let v = view(Lang::Zh);
        let narrow = layout(&v, 320.0);
        let wide = layout(&v, 736.0);
        assert_eq!(narrow.cards.len(), v.cards.len());
        assert!(narrow.height > wide.height, "one column is taller");
        // Cards of a row share their top and height; none overlaps the next row.
        for pair in wide.cards.windows(2) {
            let [a, b] = pair else { continue };
            assert!(b.y == a.y || b.y >= a.y + a.h + GAP - 0.01);
        }
        assert!(wide.cards.iter().all(|c| c.x + c.w <= 736.0 + 0.01));
    }

    #[test]
    fn the_drawing_shows_the_lead_every_card_and_their_figures() {
        for lang in [Lang::Zh, Lang::En] {
            let v = view(lang);
            let lay = layout(&v, 640.0);
            let mut svg = Svg::new((640, lay.height as u32), "");
            let style = ChartStyle::new(Palette::LIGHT);
            draw(&mut svg, &lay, &TallyColors::LIGHT, &style, 0.0).unwrap();
            let out = svg.finish();
            let lead = v.lead.as_ref().unwrap();
            let (_, num, _) = split_numeral(&lead.text);
            assert!(out.contains(&format!(">{num}</text>")), "lead {num}");
            for card in &v.cards {
                assert!(
                    out.contains(card.title) || card.title.chars().count() > 12,
                    "{}",
                    card.title
                );
                if let Some(h) = &card.headline {
                    let (_, num, _) = split_numeral(&h.text);
                    assert!(out.contains(&format!(">{num}</text>")), "{}", h.text);
                }
            }
            // The highlighted card and the hearts are drawn in the heart colour.
            assert!(out.contains("#b3261e"));
        }
    }

    #[test]
    fn a_tally_of_chosen_sections_draws_only_those_cards() {
        let story = story::default_story();
        let options = TallyOptions::all(story);
        let mut two = options.clone();
        two.sections.truncate(2);
        let v = super::super::build_view(story, &two, Lang::En).unwrap();
        let lay = layout(&v, 736.0);
        assert_eq!(lay.cards.len(), 2);
    }
}
