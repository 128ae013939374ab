//! A plotters [`DrawingBackend`] over a 2D canvas context, for the payments chart.
//!
//! Why not `plotters-canvas`: it builds colour and font strings with `format!` on `f64`
//! (`rgba(r,g,b,{alpha})`, `{size}px`), which links core's float formatting (about 12 KiB of
//! WASM before wasm-opt) for strings we can build from integers. It also ignores stroke widths
//! and looks canvases up by document id (we live in a shadow root); this one takes the element's
//! context, honours `stroke_width` and writes `#rrggbb` colours and integer pixel font sizes.

use crate::Error;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use web_sys::CanvasRenderingContext2d;

type Res = Result<(), DrawingErrorKind<Error>>;

/// Draws in CSS pixels on `ctx` (whose transform maps them to device pixels).
pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl Canvas2d {
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Canvas2d {
        Canvas2d { ctx, size }
    }

    /// The context, for drawing that is not plotters' (the map's paths in its PNG).
    #[cfg(feature = "pictures")]
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.ctx
    }

    fn fill(&self, c: BackendColor) {
        self.ctx.set_fill_style_str(&css_color(c));
    }

    fn stroke(&self, style: &impl BackendStyle) {
        self.ctx.set_stroke_style_str(&css_color(style.color()));
        self.ctx.set_line_width(f64::from(style.stroke_width()));
    }

    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

/// Images move the origin with the context's transform: the chart and the tally then draw
/// through this backend exactly as on screen.
impl viz::image::Origin for Canvas2d {
    fn shift(&mut self, dx: f64, dy: f64) {
        self.ctx.save();
        let _ = self.ctx.translate(dx, dy);
    }

    fn restore(&mut self) {
        self.ctx.restore();
    }
}

fn hex(out: &mut String, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for nibble in [byte >> 4, byte & 15] {
        out.push(char::from(
            DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
        ));
    }
}

/// `#rrggbb`, or `#rrggbbaa` when translucent: no float formatting.
fn css_color(c: BackendColor) -> String {
    let mut s = String::with_capacity(9);
    s.push('#');
    hex(&mut s, c.rgb.0);
    hex(&mut s, c.rgb.1);
    hex(&mut s, c.rgb.2);
    if c.alpha < 1.0 {
        hex(&mut s, (c.alpha.clamp(0.0, 1.0) * 255.0).round() as u8);
    }
    s
}

/// `ctx.font` for a plotters text style: its weight, its size in whole pixels, its family stack.
fn css_font(style: &impl BackendTextStyle) -> String {
    let font_style = style.style();
    canvas_font(
        matches!(font_style, FontStyle::Italic),
        matches!(font_style, FontStyle::Bold),
        style.size().round().max(1.0),
        style.family().as_str(),
    )
}

/// `ctx.font`: `[italic ][bold ]<px>px <family>`, the size with at most two decimals. Every
/// canvas text of ours (the chart's, the downloaded images') is set through this.
pub(crate) fn canvas_font(italic: bool, bold: bool, px: f64, family: &str) -> String {
    let mut s = String::new();
    if italic {
        s.push_str("italic ");
    }
    if bold {
        s.push_str("bold ");
    }
    viz::svg::push_number(&mut s, px, 2);
    s.push_str("px ");
    s.push_str(family);
    s
}

impl DrawingBackend for Canvas2d {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }

    fn present(&mut self) -> Res {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        self.fill(color);
        self.ctx
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        self.stroke(style);
        // Half-pixel offset: 1 px lines on whole coordinates stay sharp.
        self.ctx.begin_path();
        self.ctx
            .move_to(f64::from(from.0) + 0.5, f64::from(from.1) + 0.5);
        self.ctx
            .line_to(f64::from(to.0) + 0.5, f64::from(to.1) + 0.5);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        self.stroke(style);
        self.trace(path);
        self.ctx.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        self.fill(style.color());
        self.trace(vert);
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(|_| DrawingErrorKind::DrawingError(Error::Canvas))?;
        if fill {
            self.fill(style.color());
            self.ctx.fill();
        } else {
            self.stroke(style);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        let anchor = style.anchor();
        self.ctx.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.fill(style.color());
        self.ctx.set_font(&css_font(style));
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| DrawingErrorKind::DrawingError(Error::Canvas))
    }
}
