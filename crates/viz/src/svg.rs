//! The one SVG writer: a plotters [`DrawingBackend`] that writes SVG elements into a string.
//! The static layer's chart, the cli's SVG files and the readers' SVG downloads all go
//! through it, so a chart or a frame looks the same in each.
//!
//! Why not `plotters-svg`: it writes numbers with `format!` (font sizes and opacities are
//! floats), which links core's float formatting (~10 KiB of WASM) into the module that offers
//! SVG downloads; this one writes digits with `story::format::digits` and escapes text with
//! `story::format::escape`. Elements and attributes are the ones plotters-svg writes, and
//! text keeps its `dy` offsets for the anchor, so the drawings are the same.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use story::format::digits::{push_decimal, push_int, push_uint};
use story::format::escape::push_escaped;

type Res = Result<(), DrawingErrorKind<std::fmt::Error>>;

/// An SVG document being written: `<svg width height viewBox xmlns>` and what is drawn on it.
#[derive(Debug, Clone)]
pub struct Svg {
    out: String,
    size: (u32, u32),
}

impl Svg {
    /// A document `size` CSS px large, `attrs` (already escaped, e.g. ` role="img"`) on its
    /// root element.
    pub fn new(size: (u32, u32), attrs: &str) -> Svg {
        let mut out = String::from("<svg");
        out.push_str(attrs);
        for (name, v) in [("width", size.0), ("height", size.1)] {
            push_attr(&mut out, name, |s| push_uint(s, u64::from(v)));
        }
        out.push_str(" viewBox=\"0 0 ");
        push_uint(&mut out, u64::from(size.0));
        out.push(' ');
        push_uint(&mut out, u64::from(size.1));
        out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\">");
        Svg { out, size }
    }

    /// Appends markup as it is: the caller's own elements (a title, a stylesheet, a drawing
    /// written elsewhere). Text in it must already be escaped.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Opens a group whose content is moved by (`dx`, `dy`); [`Svg::close_group`] ends it.
    pub fn open_group(&mut self, dx: f64, dy: f64) {
        self.out.push_str("<g transform=\"translate(");
        push_number(&mut self.out, dx, 2);
        self.out.push(' ');
        push_number(&mut self.out, dy, 2);
        self.out.push_str(")\">");
    }

    pub fn close_group(&mut self) {
        self.out.push_str("</g>");
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// ` name="value"`, the value written by `value`.
pub(crate) fn push_attr(out: &mut String, name: &str, value: impl FnOnce(&mut String)) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    value(out);
    out.push('"');
}

/// `#rrggbb`.
pub fn push_color(out: &mut String, rgb: (u8, u8, u8)) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for byte in [rgb.0, rgb.1, rgb.2] {
        for nibble in [byte >> 4, byte & 15] {
            let digit = DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0');
            out.push(char::from(digit));
        }
    }
}

/// A number with up to `decimals` decimals; non-finite values write `0`.
pub fn push_number(out: &mut String, v: f64, decimals: u32) {
    if push_decimal(out, v, decimals).is_err() {
        out.push('0');
    }
}

fn push_point(out: &mut String, (x, y): BackendCoord) {
    push_int(out, i64::from(x));
    out.push(',');
    push_int(out, i64::from(y));
    out.push(' ');
}

impl Svg {
    /// Opens `<tag` when `c` shows at all; false (and nothing written) when it is transparent,
    /// as plotters-svg leaves such shapes out.
    fn begin(&mut self, tag: &str, c: BackendColor) -> bool {
        if c.alpha <= 0.0 {
            return false;
        }
        self.out.push('<');
        self.out.push_str(tag);
        true
    }

    fn int(&mut self, name: &str, v: i32) {
        push_attr(&mut self.out, name, |s| push_int(s, i64::from(v)));
    }

    fn paint(&mut self, name: &str, color: Option<BackendColor>) {
        match color {
            Some(c) => push_attr(&mut self.out, name, |s| push_color(s, c.rgb)),
            None => push_attr(&mut self.out, name, |s| s.push_str("none")),
        }
    }

    fn opacity(&mut self, c: BackendColor) {
        push_attr(&mut self.out, "opacity", |s| push_number(s, c.alpha, 3));
    }

    fn stroke_width(&mut self, style: &impl BackendStyle) {
        push_attr(&mut self.out, "stroke-width", |s| {
            push_uint(s, u64::from(style.stroke_width()))
        });
    }

    /// The paint of a shape that is either filled or outlined, and the end of its tag.
    fn filled_or_outlined(&mut self, c: BackendColor, fill: bool, style: &impl BackendStyle) {
        self.opacity(c);
        self.paint("fill", fill.then_some(c));
        self.paint("stroke", (!fill).then_some(c));
        if !fill {
            self.stroke_width(style);
        }
        self.out.push_str("/>");
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for p in path {
            push_point(&mut self.out, p);
        }
        self.out.push('"');
    }
}

impl DrawingBackend for Svg {
    type ErrorType = std::fmt::Error;

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
        if self.begin("rect", color) {
            self.int("x", point.0);
            self.int("y", point.1);
            self.out
                .push_str(" width=\"1\" height=\"1\" stroke=\"none\"");
            self.opacity(color);
            self.paint("fill", Some(color));
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Res {
        let c = s.color();
        if self.begin("line", c) {
            self.opacity(c);
            self.paint("stroke", Some(c));
            self.stroke_width(s);
            self.int("x1", from.0);
            self.int("y1", from.1);
            self.int("x2", to.0);
            self.int("y2", to.1);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Res {
        let c = s.color();
        if self.begin("rect", c) {
            self.int("x", upper_left.0);
            self.int("y", upper_left.1);
            self.int("width", bottom_right.0.saturating_sub(upper_left.0));
            self.int("height", bottom_right.1.saturating_sub(upper_left.1));
            self.filled_or_outlined(c, fill, s);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        let c = s.color();
        if self.begin("polyline", c) {
            self.out.push_str(" fill=\"none\"");
            self.opacity(c);
            self.paint("stroke", Some(c));
            self.stroke_width(s);
            self.points(path);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res {
        let c = s.color();
        if self.begin("polygon", c) {
            self.opacity(c);
            self.paint("fill", Some(c));
            self.points(path);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Res {
        let c = s.color();
        if self.begin("circle", c) {
            self.int("cx", center.0);
            self.int("cy", center.1);
            push_attr(&mut self.out, "r", |o| push_uint(o, u64::from(radius)));
            self.filled_or_outlined(c, fill, s);
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Res {
        let c = s.color();
        if !self.begin("text", c) {
            return Ok(());
        }
        let anchor = s.anchor();
        self.int("x", pos.0);
        self.int("y", pos.1);
        // The offsets plotters-svg uses, so text sits where the canvas puts it.
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.76em\"",
            VPos::Center => " dy=\"0.5ex\"",
            VPos::Bottom => " dy=\"-0.5ex\"",
        });
        self.out.push_str(match anchor.h_pos {
            HPos::Left => " text-anchor=\"start\"",
            HPos::Right => " text-anchor=\"end\"",
            HPos::Center => " text-anchor=\"middle\"",
        });
        push_attr(&mut self.out, "font-family", |o| {
            push_escaped(o, s.family().as_str())
        });
        push_attr(&mut self.out, "font-size", |o| push_number(o, s.size(), 2));
        self.opacity(c);
        self.paint("fill", Some(c));
        match s.style() {
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic => self.out.push_str(" font-style=\"italic\""),
            _ => {}
        }
        self.out.push('>');
        push_escaped(&mut self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Look(BackendColor);
    impl BackendStyle for Look {
        fn color(&self) -> BackendColor {
            self.0
        }
    }

    const RED: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (0xc0, 0x39, 0x2b),
    };

    #[test]
    fn a_document_has_its_size_and_namespace() {
        let svg = Svg::new((640, 480), " role=\"img\"").finish();
        assert_eq!(
            svg,
            "<svg role=\"img\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\" xmlns=\"http://www.w3.org/2000/svg\"></svg>\n"
        );
    }

    #[test]
    fn shapes_are_written_with_integer_coordinates_and_hex_colours() {
        let mut svg = Svg::new((10, 10), "");
        svg.draw_rect((1, 2), (5, 7), &Look(RED), true).unwrap();
        svg.fill_polygon([(0, 0), (3, -4)], &Look(RED)).unwrap();
        svg.draw_circle((3, 3), 2, &Look(RED), false).unwrap();
        let out = svg.finish();
        assert!(out.contains("<rect x=\"1\" y=\"2\" width=\"4\" height=\"5\" opacity=\"1\" fill=\"#c0392b\" stroke=\"none\"/>"), "{out}");
        assert!(out.contains("<polygon opacity=\"1\" fill=\"#c0392b\" points=\"0,0 3,-4 \"/>"));
        assert!(out.contains("<circle cx=\"3\" cy=\"3\" r=\"2\" opacity=\"1\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1\"/>"));
    }

    #[test]
    fn transparent_shapes_are_left_out() {
        let mut svg = Svg::new((10, 10), "");
        let clear = BackendColor {
            alpha: 0.0,
            rgb: (0, 0, 0),
        };
        svg.draw_line((0, 0), (1, 1), &Look(clear)).unwrap();
        assert!(!svg.finish().contains("<line"));
    }
}
