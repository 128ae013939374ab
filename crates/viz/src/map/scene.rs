//! The map as the reader sees it, for its images: every area, line, dot and label of the
//! drawing on screen with its paint resolved (colours, widths, dashes, opacity, as the
//! widget's stylesheet computes them for the current theme, step and flow direction). The
//! browser reads it off the live SVG; [`Scene::push_svg`] writes it as self-contained SVG
//! (no classes, no stylesheet), and the widget paints the same marks on a canvas for the PNG.

use crate::svg::{push_attr, push_number};
use story::format::escape::push_escaped;

/// How a mark is painted. Colours are CSS colour text as computed (`rgb(…)`, `#…`), which
/// both SVG and a canvas read; `None` paints nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paint {
    pub fill: Option<String>,
    pub stroke: Option<String>,
    /// CSS px on screen, whatever the mark's own scale (the map's strokes do not scale).
    pub stroke_width: f64,
    /// Dash and gap lengths, CSS px; empty: solid.
    pub dash: Vec<f64>,
    /// Round caps and joins.
    pub round: bool,
    /// `fill-rule: evenodd` (lakes with islands).
    pub even_odd: bool,
    pub opacity: f64,
}

/// Where text is anchored horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// From SVG's `text-anchor` value; anything else is `start`.
    pub fn parse(text: &str) -> Anchor {
        match text {
            "middle" => Anchor::Middle,
            "end" => Anchor::End,
            _ => Anchor::Start,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// What a mark is.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// An SVG path (`d`), in units that `scale` maps to CSS px.
    Path {
        d: String,
        scale: f64,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
    },
    /// A label: its stroke (a halo in the background colour) is painted under its fill.
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        px: f64,
        bold: bool,
        italic: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub shape: Shape,
    pub paint: Paint,
}

/// The drawing: its size in CSS px and its marks in painting order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

fn attr(out: &mut String, name: &str, value: &str) {
    push_attr(out, name, |out| push_escaped(out, value));
}

fn num(out: &mut String, name: &str, v: f64) {
    push_attr(out, name, |out| push_number(out, v, 2));
}

impl Paint {
    /// Whether nothing of the mark would show.
    pub fn is_invisible(&self) -> bool {
        self.opacity <= 0.0 || (self.fill.is_none() && self.stroke.is_none())
    }

    fn push_svg(&self, out: &mut String, scale: f64) {
        attr(out, "fill", self.fill.as_deref().unwrap_or("none"));
        if self.even_odd {
            attr(out, "fill-rule", "evenodd");
        }
        match &self.stroke {
            Some(stroke) => {
                attr(out, "stroke", stroke);
                // Widths and dashes are on-screen px: in scaled units, divided by the scale.
                num(out, "stroke-width", self.stroke_width / scale);
                if !self.dash.is_empty() {
                    out.push_str(" stroke-dasharray=\"");
                    for (i, d) in self.dash.iter().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        push_number(out, d / scale, 2);
                    }
                    out.push('"');
                }
                if self.round {
                    out.push_str(" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
                }
            }
            None => attr(out, "stroke", "none"),
        }
        if self.opacity < 1.0 {
            num(out, "opacity", self.opacity);
        }
    }
}

impl Scene {
    /// Appends the drawing as one `<svg>` element at the origin of its parent: every mark with
    /// its paint as attributes, text escaped. Invisible marks are left out.
    pub fn push_svg(&self, out: &mut String) {
        out.push_str("<svg x=\"0\" y=\"0\"");
        num(out, "width", self.width);
        num(out, "height", self.height);
        out.push_str(" viewBox=\"0 0 ");
        push_number(out, self.width, 2);
        out.push(' ');
        push_number(out, self.height, 2);
        out.push_str("\" overflow=\"visible\">");
        for mark in self.marks.iter().filter(|m| !m.paint.is_invisible()) {
            match &mark.shape {
                Shape::Path { d, scale } => {
                    let scale = if *scale > 0.0 { *scale } else { 1.0 };
                    out.push_str("<path");
                    attr(out, "d", d);
                    if scale != 1.0 {
                        out.push_str(" transform=\"scale(");
                        push_number(out, scale, 5);
                        out.push_str(")\"");
                    }
                    mark.paint.push_svg(out, scale);
                    out.push_str("/>");
                }
                Shape::Circle { x, y, r } => {
                    out.push_str("<circle");
                    num(out, "cx", *x);
                    num(out, "cy", *y);
                    num(out, "r", *r);
                    mark.paint.push_svg(out, 1.0);
                    out.push_str("/>");
                }
                Shape::Text {
                    x,
                    y,
                    text,
                    anchor,
                    px,
                    bold,
                    italic,
                } => {
                    out.push_str("<text");
                    num(out, "x", *x);
                    num(out, "y", *y);
                    attr(out, "text-anchor", anchor.as_str());
                    attr(out, "font-family", crate::chart::FONT_STACK);
                    num(out, "font-size", *px);
                    if *bold {
                        out.push_str(" font-weight=\"bold\"");
                    }
                    if *italic {
                        out.push_str(" font-style=\"italic\"");
                    }
                    out.push_str(" paint-order=\"stroke\"");
                    mark.paint.push_svg(out, 1.0);
                    out.push('>');
                    push_escaped(out, text);
                    out.push_str("</text>");
                }
            }
        }
        out.push_str("</svg>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paint(fill: Option<&str>, stroke: Option<&str>) -> Paint {
        Paint {
            fill: fill.map(String::from),
            stroke: stroke.map(String::from),
            stroke_width: 1.5,
            opacity: 1.0,
            ..Paint::default()
        }
    }

    #[test]
    fn marks_are_written_with_their_paint_and_no_class() {
        let scene = Scene {
            width: 320.0,
            height: 200.5,
            marks: vec![
                Mark {
                    shape: Shape::Path {
                        d: "M0 0l10 10z".into(),
                        scale: 0.5,
                    },
                    paint: Paint {
                        dash: vec![6.0, 3.0],
                        ..paint(Some("rgb(220, 210, 238)"), Some("#fff"))
                    },
                },
                Mark {
                    shape: Shape::Text {
                        x: 10.0,
                        y: 20.0,
                        text: "吴江区 <b>".into(),
                        anchor: Anchor::Middle,
                        px: 12.0,
                        bold: true,
                        italic: false,
                    },
                    paint: paint(Some("#1a1a1a"), Some("#fff")),
                },
            ],
        };
        let mut out = String::new();
        scene.push_svg(&mut out);
        assert!(
            out.starts_with(
                "<svg x=\"0\" y=\"0\" width=\"320\" height=\"200.5\" viewBox=\"0 0 320 200.5\""
            ),
            "{out}"
        );
        // Strokes keep their on-screen width under the path's scale.
        assert!(out.contains("<path d=\"M0 0l10 10z\" transform=\"scale(0.5)\" fill=\"rgb(220, 210, 238)\" stroke=\"#fff\" stroke-width=\"3\" stroke-dasharray=\"12 6\"/>"), "{out}");
        assert!(out.contains(">吴江区 &lt;b&gt;</text>"));
        assert!(out.contains("text-anchor=\"middle\""));
        assert!(!out.contains("class="));
        assert!(out.ends_with("</svg>"));
    }

    #[test]
    fn invisible_marks_are_left_out() {
        let hidden = Mark {
            shape: Shape::Circle {
                x: 1.0,
                y: 1.0,
                r: 3.0,
            },
            paint: Paint {
                opacity: 0.0,
                ..paint(Some("#000"), None)
            },
        };
        let unpainted = Mark {
            shape: Shape::Circle {
                x: 1.0,
                y: 1.0,
                r: 3.0,
            },
            paint: paint(None, None),
        };
        let scene = Scene {
            width: 10.0,
            height: 10.0,
            marks: vec![hidden, unpainted],
        };
        let mut out = String::new();
        scene.push_svg(&mut out);
        assert!(!out.contains("<circle"), "{out}");
    }
}
