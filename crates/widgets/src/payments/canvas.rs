//! Draws the chart on a `<canvas>` through our plotters backend ([`super::backend`]): backing store at CSS size ×
//! devicePixelRatio for crisp lines on HiDPI screens, colours read from the widget's theme.

use viz::chart::{self, ChartStyle, Frame, Layout, Palette};
use viz::payments::ChartView;
use viz::surface::Dyn;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

/// Colours of the theme in force on `root` (its CSS custom properties), falling back to the
/// light palette for anything unreadable. Canvas cannot read CSS variables itself, and images
/// must carry the colours the reader sees.
pub fn palette(root: &Element) -> Palette {
    let fallback = Palette::LIGHT;
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(root).ok().flatten())
    else {
        return fallback;
    };
    let read = |name: &str, or: chart::Rgb| read_colour(&style, name).unwrap_or(or);
    Palette {
        fg: read("--fg", fallback.fg),
        muted: read("--muted", fallback.muted),
        bg: read("--bg", fallback.bg),
        accent: read("--accent", fallback.accent),
        grid: read("--line", fallback.grid),
    }
}

fn read_colour(style: &web_sys::CssStyleDeclaration, name: &str) -> Option<chart::Rgb> {
    chart::parse_hex(&style.get_property_value(name).ok()?)
}

/// One colour custom property (`#rgb` or `#rrggbb`) in force on `root`, else `or`.
#[cfg(feature = "pictures")]
pub fn colour(root: &Element, name: &str, or: chart::Rgb) -> chart::Rgb {
    web_sys::window()
        .and_then(|w| w.get_computed_style(root).ok().flatten())
        .and_then(|style| read_colour(&style, name))
        .unwrap_or(or)
}

/// Sizes the backing store and draws one frame. Returns false when nothing could be drawn.
pub fn draw(
    canvas: &HtmlCanvasElement,
    view: &ChartView,
    layout: &Layout,
    style: &ChartStyle,
    frame: Frame,
) -> bool {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    let (w, h) = (
        (layout.width * dpr).round() as u32,
        (layout.height * dpr).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return false;
    };
    // Draw in CSS pixels; the transform maps them onto device pixels.
    if ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).is_err() {
        return false;
    }
    let size = (layout.width as u32, layout.height as u32);
    let mut backend = super::backend::Canvas2d::new(ctx, size);
    // Through `Dyn`: the one compiled copy of the chart's drawing, shared with its images.
    chart::draw(&mut Dyn(&mut backend), view, layout, style, frame).is_ok()
}
