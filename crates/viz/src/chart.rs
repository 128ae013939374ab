//! Draws a [`ChartView`] on any plotters [`DrawingBackend`]: a canvas in the browser, SVG in
//! the CLI. Only the backend trait is used (no plotters chart builder): axes, ticks and labels
//! come from the view model, positions from [`layout`], so hit-testing in the widget and the
//! drawing agree to the pixel.
//!
//! Backends differ in what they honour: the canvas backend ignores stroke widths and draws no
//! dashes, so thick and dashed lines are drawn as filled polygons, which every backend fills the
//! same way.

pub mod decimate;

use crate::image::{source_line, Image, Picture};
use crate::payments::{Align, ChartView, LineKind};
use crate::scale::Linear;
use crate::surface::{Dyn, DynRes};
use crate::text::{is_wide, width as text_width};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};
use story::Story;

/// A colour as red, green, blue.
pub type Rgb = (u8, u8, u8);

/// Colours of the chart, from the widget's theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub fg: Rgb,
    pub muted: Rgb,
    pub bg: Rgb,
    pub accent: Rgb,
    pub grid: Rgb,
}

impl Palette {
    /// The light theme of `base.css` (`--fg`, `--muted`, `--bg`, `--accent`, `--line`).
    pub const LIGHT: Palette = Palette {
        fg: (0x1a, 0x1a, 0x1a),
        muted: (0x55, 0x55, 0x55),
        bg: (0xff, 0xff, 0xff),
        accent: (0x0b, 0x53, 0x94),
        grid: (0xd0, 0xd4, 0xda),
    };
    /// The dark theme of `base.css`.
    pub const DARK: Palette = Palette {
        fg: (0xec, 0xef, 0xf3),
        muted: (0xb4, 0xbc, 0xc6),
        bg: (0x14, 0x18, 0x1d),
        accent: (0x7f, 0xb2, 0xea),
        grid: (0x3a, 0x42, 0x4c),
    };
}

/// Reads `#rgb` or `#rrggbb` (as CSS custom properties hold them); None otherwise.
pub fn parse_hex(text: &str) -> Option<Rgb> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |i: usize| -> Option<u8> {
        let c = *hex.as_bytes().get(i)?;
        (c as char).to_digit(16).map(|d| d as u8)
    };
    match hex.len() {
        3 => Some((digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        6 => Some((
            digit(0)? * 16 + digit(1)?,
            digit(2)? * 16 + digit(3)?,
            digit(4)? * 16 + digit(5)?,
        )),
        _ => None,
    }
}

/// A font stack that Chromium's canvas (`ctx.font`) and SVG (`font-family`) both read as is:
/// names unquoted (valid CSS identifiers), so nothing needs escaping. Plotters passes
/// `FontFamily::Name` through untouched, so readers' devices get their own CJK font.
pub const FONT_STACK: &str =
    "PingFang SC, Noto Sans CJK SC, Microsoft YaHei, Helvetica Neue, Arial, sans-serif";

/// How text and colours look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle<'a> {
    pub palette: Palette,
    pub font: &'a str,
    /// Body text size in CSS pixels.
    pub font_px: f64,
}

impl ChartStyle<'static> {
    pub const fn new(palette: Palette) -> ChartStyle<'static> {
        ChartStyle {
            palette,
            font: FONT_STACK,
            font_px: 12.0,
        }
    }
}

/// What changes between frames: entrance progress and the point under the crosshair.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    /// 0 = nothing drawn yet, 1 = the whole line.
    pub progress: f64,
    pub active: Option<usize>,
}

impl Frame {
    pub const DONE: Frame = Frame {
        progress: 1.0,
        active: None,
    };
}

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// Pixel geometry of a view at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub x: Linear,
    pub y: Linear,
    /// Each point's pixel position, in view order.
    pub points: Vec<(f64, f64)>,
    /// Indices of the points the line is drawn through ([`decimate::per_column`]): all of them
    /// unless several share a pixel column.
    pub line: Vec<usize>,
    /// Whether the line's vertices get dots: only when the points stand apart (10 px or more
    /// on average), since dots closer than their size merge into a band.
    pub dots: bool,
}

impl Layout {
    /// Index of the point nearest to pixel column `px` (None without points).
    pub fn nearest(&self, px: f64) -> Option<usize> {
        self.points
            .iter()
            .enumerate()
            .min_by(|a, b| {
                let (da, db) = ((a.1 .0 - px).abs(), (b.1 .0 - px).abs());
                da.total_cmp(&db)
            })
            .map(|(i, _)| i)
    }
}

/// Splits `text` into lines no wider than `max` (at spaces, or anywhere in CJK text).
pub fn wrap(text: &str, px: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let cjk = text.chars().any(is_wide);
    let pieces: Vec<String> = if cjk {
        text.chars().map(String::from).collect()
    } else {
        text.split(' ').map(String::from).collect()
    };
    for piece in pieces {
        let mut candidate = line.clone();
        if !cjk && !candidate.is_empty() {
            candidate.push(' ');
        }
        candidate.push_str(&piece);
        if text_width(&candidate, px) > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = piece;
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where everything goes at `width` × `height` CSS pixels.
pub fn layout(view: &ChartView, width: f64, height: f64, style: &ChartStyle) -> Layout {
    let px = style.font_px;
    let line_h = px * 1.3;
    let label_w = view
        .y_ticks
        .iter()
        .map(|t| text_width(&t.label, px))
        .fold(0.0, f64::max);
    let lines = view
        .x_ticks
        .iter()
        .map(|t| t.lines.len())
        .max()
        .unwrap_or(1) as f64;
    let plot = Rect {
        left: (label_w + 14.0).max(24.0).min(width * 0.4),
        top: line_h * 2.0,
        right: (width - 12.0).max(1.0),
        bottom: (height - lines * line_h - 12.0).max(line_h * 2.0 + 1.0),
    };
    let x = Linear::new()
        .with_domain(view.x_domain.0, view.x_domain.1)
        .with_range(plot.left, plot.right);
    let y = Linear::new()
        .with_domain(view.y_domain.0, view.y_domain.1)
        .with_range(plot.bottom, plot.top);
    let points: Vec<(f64, f64)> = view
        .points
        .iter()
        .map(|p| (x.apply(p.x), y.apply(p.value)))
        .collect();
    let gaps = points.len().saturating_sub(1).max(1) as f64;
    Layout {
        width,
        height,
        line: decimate::per_column(&points),
        dots: (plot.right - plot.left) / gaps >= 10.0,
        plot,
        x,
        y,
        points,
    }
}

pub(crate) type Res<DB> = Result<(), DrawingErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub(crate) struct Paint {
    pub(crate) color: BackendColor,
}

impl BackendStyle for Paint {
    fn color(&self) -> BackendColor {
        self.color
    }
}

pub(crate) fn paint(rgb: Rgb) -> Paint {
    Paint {
        color: BackendColor { alpha: 1.0, rgb },
    }
}

/// How a piece of text looks, as our drawings hand it to a backend.
pub struct Text<'a> {
    pub(crate) color: BackendColor,
    pub(crate) size: f64,
    pub(crate) family: &'a str,
    pub(crate) anchor: Pos,
    pub(crate) bold: bool,
}

impl BackendTextStyle for Text<'_> {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), std::fmt::Error> {
        let w = text_width(text, self.size) as i32;
        Ok(((0, 0), (w, self.size as i32)))
    }

    /// Only raster backends call this; ours draw text themselves (canvas, SVG).
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, std::fmt::Error> {
        Err(std::fmt::Error)
    }
}

pub(crate) fn pt(x: f64, y: f64) -> BackendCoord {
    // `as` saturates, NaN becomes 0: never a panic.
    (x.round() as i32, y.round() as i32)
}

/// A line `w` pixels wide as a filled quadrilateral.
fn thick<DB: DrawingBackend>(
    db: &mut DB,
    a: (f64, f64),
    b: (f64, f64),
    w: f64,
    rgb: Rgb,
) -> Res<DB> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len.is_nan() || len <= 0.0 {
        return Ok(());
    }
    let (nx, ny) = (-dy / len * w / 2.0, dx / len * w / 2.0);
    db.fill_polygon(
        [
            pt(a.0 + nx, a.1 + ny),
            pt(b.0 + nx, b.1 + ny),
            pt(b.0 - nx, b.1 - ny),
            pt(a.0 - nx, a.1 - ny),
        ],
        &paint(rgb),
    )
}

/// Dashes of `on` pixels every `on + off` from `a` towards `b`, stopping at `share` of the way.
fn dashed<DB: DrawingBackend>(
    db: &mut DB,
    a: (f64, f64),
    b: (f64, f64),
    share: f64,
    rgb: Rgb,
) -> Res<DB> {
    let (on, off, w) = (7.0, 5.0, 2.5);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len.is_nan() || len <= 0.0 {
        return Ok(());
    }
    let end = len * share.clamp(0.0, 1.0);
    let at = |d: f64| (a.0 + dx * d / len, a.1 + dy * d / len);
    let mut d = 0.0;
    while d < end {
        thick(db, at(d), at((d + on).min(end)), w, rgb)?;
        d += on + off;
    }
    Ok(())
}

pub(crate) fn text<DB: DrawingBackend>(
    db: &mut DB,
    s: &str,
    at: (f64, f64),
    anchor: (HPos, VPos),
    (rgb, px, bold): (Rgb, f64, bool),
    style: &ChartStyle,
) -> Res<DB> {
    let t = Text {
        color: BackendColor { alpha: 1.0, rgb },
        size: px,
        family: style.font,
        anchor: Pos::new(anchor.0, anchor.1),
        bold,
    };
    db.draw_text(s, &t, pt(at.0, at.1))
}

/// Draws one frame of `view` with geometry `lay`. The caller presents the backend.
pub fn draw<DB: DrawingBackend>(
    db: &mut DB,
    view: &ChartView,
    lay: &Layout,
    style: &ChartStyle,
    frame: Frame,
) -> Res<DB> {
    let pal = style.palette;
    let px = style.font_px;
    let line_h = px * 1.3;
    let plot = lay.plot;
    db.draw_rect((0, 0), pt(lay.width, lay.height), &paint(pal.bg), true)?;

    // Gridlines and y labels.
    for t in &view.y_ticks {
        let y = lay.y.apply(t.value);
        db.draw_line(pt(plot.left, y), pt(plot.right, y), &paint(pal.grid))?;
        text(
            db,
            &t.label,
            (plot.left - 6.0, y),
            (HPos::Right, VPos::Center),
            (pal.muted, px, false),
            style,
        )?;
    }
    text(
        db,
        &view.unit,
        (0.0, 2.0),
        (HPos::Left, VPos::Top),
        (pal.muted, px, false),
        style,
    )?;

    // x axis, ticks and labels.
    thick(
        db,
        (plot.left, plot.bottom),
        (plot.right, plot.bottom),
        1.5,
        pal.muted,
    )?;
    for t in &view.x_ticks {
        let x = lay.x.apply(t.value);
        db.draw_line(
            pt(x, plot.bottom),
            pt(x, plot.bottom + 5.0),
            &paint(pal.muted),
        )?;
        let h = match t.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let x = match t.align {
            Align::Start => x.max(0.0),
            _ => x,
        };
        for (i, line) in t.lines.iter().enumerate() {
            let y = plot.bottom + 8.0 + line_h * i as f64;
            let colour = if i == 0 { pal.fg } else { pal.muted };
            text(db, line, (x, y), (h, VPos::Top), (colour, px, false), style)?;
        }
    }

    // Connector label: bottom right of the plot, below a rising line and away from the
    // total's label at the top right.
    if let Some(label) = &view.connector {
        let sample = 22.0;
        let max = ((plot.right - plot.left) * 0.6 - sample - 6.0).max(px * 6.0);
        let lines = wrap(label, px, max);
        let widest = lines.iter().map(|l| text_width(l, px)).fold(0.0, f64::max);
        let x_text = plot.right - 4.0 - widest;
        let y0 = plot.bottom - 8.0 - line_h * lines.len() as f64;
        let x_sample = x_text - 6.0 - sample;
        let y_sample = y0 + line_h * 0.5;
        // The sample dash only where it stays clear of the line itself (narrow charts).
        let line_x = match (lay.points.first(), lay.points.last()) {
            (Some(a), Some(b)) if a.1 != b.1 => a.0 + (a.1 - y_sample) / (a.1 - b.1) * (b.0 - a.0),
            _ => f64::NEG_INFINITY,
        };
        if x_sample > line_x + 8.0 {
            dashed(
                db,
                (x_sample, y_sample),
                (x_sample + sample, y_sample),
                1.0,
                pal.accent,
            )?;
        }
        for (i, line) in lines.iter().enumerate() {
            let at = (x_text, y0 + line_h * i as f64);
            text(
                db,
                line,
                at,
                (HPos::Left, VPos::Top),
                (pal.fg, px, false),
                style,
            )?;
        }
    }

    // The line through its drawn vertices, drawn in up to `progress`.
    let pts = &lay.points;
    let line: Vec<(f64, f64)> = lay
        .line
        .iter()
        .filter_map(|&i| pts.get(i).copied())
        .collect();
    let progress = frame.progress.clamp(0.0, 1.0);
    let total: f64 = line
        .windows(2)
        .map(|w| match w {
            [a, b] => ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt(),
            _ => 0.0,
        })
        .sum();
    let mut budget = total * progress;
    let mut reached = usize::from(progress > 0.0 && !line.is_empty());
    for w in line.windows(2) {
        let [a, b] = w else { continue };
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if budget <= 0.0 {
            break;
        }
        let share = if len > 0.0 {
            (budget / len).min(1.0)
        } else {
            1.0
        };
        match view.kind {
            LineKind::Totals => dashed(db, *a, *b, share, pal.accent)?,
            LineKind::Series | LineKind::Reported => {
                let end = (a.0 + (b.0 - a.0) * share, a.1 + (b.1 - a.1) * share);
                thick(db, *a, end, 2.5, pal.accent)?;
                db.draw_circle(pt(a.0, a.1), 1, &paint(pal.accent), true)?;
            }
        }
        budget -= len;
        // At full progress every vertex is reached, whatever the rounding of the lengths.
        if share >= 1.0 || progress >= 1.0 {
            reached += 1;
        }
    }
    let dot = if view.kind == LineKind::Totals { 5 } else { 3 };
    for p in line.iter().take(if lay.dots { reached } else { 0 }) {
        db.draw_circle(pt(p.0, p.1), dot + 2, &paint(pal.bg), true)?;
        db.draw_circle(pt(p.0, p.1), dot, &paint(pal.accent), true)?;
    }
    // The last value, once the line has arrived.
    if let (Some(last), Some(lp), true) = (view.points.last(), pts.last(), progress >= 1.0) {
        let at = (lp.0, lp.1 - 10.0);
        text(
            db,
            &last.value_label,
            at,
            (HPos::Right, VPos::Bottom),
            (pal.fg, px * 1.15, true),
            style,
        )?;
    }

    // Crosshair on the active point.
    if let Some(p) = frame.active.and_then(|i| pts.get(i)) {
        db.draw_line(pt(p.0, plot.top), pt(p.0, plot.bottom), &paint(pal.muted))?;
        db.draw_line(pt(plot.left, p.1), pt(plot.right, p.1), &paint(pal.muted))?;
        db.draw_circle(pt(p.0, p.1), dot + 4, &paint(pal.fg), false)?;
    }
    Ok(())
}

/// The chart as an image (the reader's PNG and SVG downloads, the cli's SVG): the title over
/// it, the source line and the note under it, the chart at rest (the whole line, nothing
/// hovered) at the size given.
pub struct ChartPicture<'a> {
    image: Image,
    view: &'a ChartView,
    layout: Layout,
}

impl<'a> ChartPicture<'a> {
    pub fn new(
        story: &Story,
        view: &'a ChartView,
        (width, height): (f64, f64),
        style: &ChartStyle,
    ) -> ChartPicture<'a> {
        let source = source_line(story, view.source, view.lang);
        let footer = [source.as_str(), view.note.as_str()];
        let image = Image::new(&view.title, &footer, (width, height), view.lang, style);
        ChartPicture {
            layout: layout(view, image.width, image.body_height, style),
            image,
            view,
        }
    }
}

impl Picture for ChartPicture<'_> {
    fn image(&self) -> &Image {
        &self.image
    }

    fn draw_body(&self, db: &mut Dyn, style: &ChartStyle) -> DynRes {
        draw(db, self.view, &self.layout, style, Frame::DONE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build_view(metric: &str, series: Option<&story::config::Series>, lang: Lang) -> ChartView {
        let story = story::default_story();
        let chart = story.chart.unwrap();
        crate::payments::build_view(story, &chart, chart.metric(metric).unwrap(), series, lang)
    }
    use story::Lang;

    #[test]
    fn hex_colours_parse_in_long_and_short_form() {
        assert_eq!(parse_hex(" #0b5394"), Some((0x0b, 0x53, 0x94)));
        assert_eq!(parse_hex("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_hex("rgb(1,2,3)"), None);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#gggggg"), None);
    }

    #[test]
    fn layout_puts_the_launch_at_bottom_left_and_the_total_inside_the_plot() {
        let v = build_view("transactions", None, Lang::Zh);
        let l = layout(&v, 600.0, 375.0, &ChartStyle::new(Palette::LIGHT));
        let [(x0, y0), (x1, y1)] = l.points[..] else {
            panic!("two points")
        };
        assert_eq!((x0, y0), (l.plot.left, l.plot.bottom));
        assert_eq!(x1, l.plot.right);
        assert!(y1 > l.plot.top && y1 < l.plot.bottom);
    }

    #[test]
    fn nearest_finds_the_closest_point_by_column() {
        let v = build_view("value", None, Lang::En);
        let l = layout(&v, 400.0, 300.0, &ChartStyle::new(Palette::DARK));
        assert_eq!(l.nearest(0.0), Some(0));
        assert_eq!(l.nearest(399.0), Some(1));
        assert_eq!(l.nearest(f64::NAN), Some(0));
    }

    #[test]
    fn tiny_sizes_still_give_an_ordered_plot() {
        let v = build_view("fees", None, Lang::Zh);
        let l = layout(&v, 10.0, 10.0, &ChartStyle::new(Palette::LIGHT));
        assert!(l.plot.left < l.plot.right || l.plot.right >= 1.0);
        assert!(l.plot.top < l.plot.bottom);
    }

    /// An editor series of `n` daily points with noise, so that columns have extremes.
    fn long_series(n: usize) -> story::config::Series {
        let unit = story::default_story().chart.unwrap().metrics[0].unit();
        story::config::parse_series(&story::config::sample_series_json(n), unit).unwrap()
    }

    /// Counts what a drawing costs: polygons and circles handed to the backend.
    #[derive(Default)]
    struct Counting {
        polygons: usize,
        circles: usize,
    }

    impl DrawingBackend for Counting {
        type ErrorType = std::fmt::Error;
        fn get_size(&self) -> (u32, u32) {
            (375, 300)
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            _: BackendCoord,
            _: BackendColor,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            _: I,
            _: &S,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            self.polygons += 1;
            Ok(())
        }
        fn draw_circle<S: BackendStyle>(
            &mut self,
            _: BackendCoord,
            _: u32,
            _: &S,
            _: bool,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            self.circles += 1;
            Ok(())
        }
        fn draw_text<S: BackendTextStyle>(
            &mut self,
            _: &str,
            _: &S,
            _: BackendCoord,
        ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
    }

    impl Counting {
        /// What drawing `view` at its last frame hands to the backend.
        fn drawn(view: &ChartView, lay: &Layout) -> Counting {
            let mut db = Counting::default();
            draw(
                &mut db,
                view,
                lay,
                &ChartStyle::new(Palette::LIGHT),
                Frame::DONE,
            )
            .unwrap();
            db
        }
    }

    #[test]
    fn a_long_series_is_drawn_through_a_few_vertices_per_pixel_column() {
        let series = long_series(5000);
        let v = build_view("transactions", Some(&series), Lang::Zh);
        assert_eq!(v.points.len(), 5000, "the view keeps every point");
        assert_eq!(v.table.rows.len(), 5000, "so do the table and the CSV");
        let l = layout(&v, 375.0, 300.0, &ChartStyle::new(Palette::LIGHT));
        let columns = (l.plot.right - l.plot.left).ceil() as usize + 1;
        assert!(l.line.len() <= 4 * columns, "{} vertices", l.line.len());
        assert_eq!(l.line.first(), Some(&0));
        assert_eq!(l.line.last(), Some(&4999));
        assert!(!l.dots, "5,000 dots would merge into a band");
        let db = Counting::drawn(&v, &l);
        // One quadrilateral and one joint per drawn segment, plus the axis: not 5,000 of each.
        assert!(db.polygons <= l.line.len() + 1, "{} polygons", db.polygons);
        assert!(db.circles <= l.line.len(), "{} circles", db.circles);
    }

    #[test]
    fn a_short_series_is_drawn_through_every_point_with_dots() {
        let series = long_series(12);
        let v = build_view("transactions", Some(&series), Lang::En);
        let l = layout(&v, 375.0, 300.0, &ChartStyle::new(Palette::LIGHT));
        assert_eq!(l.line, (0..12).collect::<Vec<_>>());
        assert!(l.dots);
        let db = Counting::drawn(&v, &l);
        // A joint per segment, and a dot (ring and fill) per point.
        assert_eq!(db.circles, 11 + 2 * 12);
    }

    #[test]
    fn wrap_breaks_english_at_spaces_and_chinese_anywhere() {
        let en = wrap(
            "straight line only joins the two reported points",
            12.0,
            120.0,
        );
        assert!(en.len() > 1);
        assert!(en.iter().all(|l| text_width(l, 12.0) <= 120.0));
        assert_eq!(
            en.join(" "),
            "straight line only joins the two reported points"
        );
        let zh = wrap("虚线仅连接两个公布的数值", 12.0, 60.0);
        assert_eq!(zh, ["虚线仅连接", "两个公布的", "数值"]);
    }
}
