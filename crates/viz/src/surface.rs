//! One copy of each drawing in the WASM, whatever it draws on. Our drawings (the chart, the
//! tally, an image's frame) are generic over plotters' [`DrawingBackend`], whose methods are
//! generic too, so each backend they meet compiles them again: the chart once for the canvas
//! and once for SVG, the tally twice, the frame once per body. [`Surface`] is the handful of
//! calls they make, object-safe and implemented for every backend that can move its origin;
//! [`Dyn`] is the one backend the drawings are compiled for, calling a surface through a
//! vtable. Measured on the release WASM: see docs/architecture.md ("Images").

use crate::chart::{Paint, Text};
use crate::image::Origin;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// A backend call failed (a canvas refused it); which one is the backend's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a drawing call failed")]
pub struct SurfaceError;

type Res = Result<(), SurfaceError>;

/// The calls our drawings make, in the forms they make them.
pub trait Surface {
    fn size(&self) -> (u32, u32);
    fn line(&mut self, from: BackendCoord, to: BackendCoord, color: BackendColor) -> Res;
    fn rect(&mut self, a: BackendCoord, b: BackendCoord, color: BackendColor, fill: bool) -> Res;
    fn polygon(&mut self, points: &[BackendCoord], color: BackendColor) -> Res;
    fn circle(&mut self, center: BackendCoord, r: u32, color: BackendColor, fill: bool) -> Res;
    fn text(&mut self, text: &str, look: &Text, at: BackendCoord) -> Res;
    fn shift(&mut self, dx: f64, dy: f64);
    fn restore(&mut self);
    fn raw(&mut self, markup: &str);
}

fn failed<E: std::error::Error + Send + Sync>(_: DrawingErrorKind<E>) -> SurfaceError {
    SurfaceError
}

fn paint(color: BackendColor) -> Paint {
    Paint { color }
}

impl<DB: Origin> Surface for DB {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }

    fn line(&mut self, from: BackendCoord, to: BackendCoord, color: BackendColor) -> Res {
        self.draw_line(from, to, &paint(color)).map_err(failed)
    }

    fn rect(&mut self, a: BackendCoord, b: BackendCoord, color: BackendColor, fill: bool) -> Res {
        self.draw_rect(a, b, &paint(color), fill).map_err(failed)
    }

    fn polygon(&mut self, points: &[BackendCoord], color: BackendColor) -> Res {
        self.fill_polygon(points.iter().copied(), &paint(color))
            .map_err(failed)
    }

    fn circle(&mut self, center: BackendCoord, r: u32, color: BackendColor, fill: bool) -> Res {
        self.draw_circle(center, r, &paint(color), fill)
            .map_err(failed)
    }

    fn text(&mut self, text: &str, look: &Text, at: BackendCoord) -> Res {
        self.draw_text(text, look, at).map_err(failed)
    }

    fn shift(&mut self, dx: f64, dy: f64) {
        Origin::shift(self, dx, dy);
    }

    fn restore(&mut self) {
        Origin::restore(self);
    }

    fn raw(&mut self, markup: &str) {
        Origin::raw(self, markup);
    }
}

/// The backend our drawings are compiled for: any [`Surface`] behind a reference.
pub struct Dyn<'a>(pub &'a mut dyn Surface);

/// What a drawing on [`Dyn`] returns.
pub type DynRes = Result<(), DrawingErrorKind<SurfaceError>>;

fn drawing(r: Res) -> DynRes {
    r.map_err(DrawingErrorKind::DrawingError)
}

impl DrawingBackend for Dyn<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        self.0.size()
    }

    fn ensure_prepared(&mut self) -> DynRes {
        Ok(())
    }

    fn present(&mut self) -> DynRes {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> DynRes {
        drawing(self.0.rect(point, (point.0 + 1, point.1 + 1), color, true))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
    ) -> DynRes {
        drawing(self.0.line(from, to, s.color()))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> DynRes {
        drawing(self.0.rect(a, b, s.color(), fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> DynRes {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        drawing(self.0.polygon(&points, s.color()))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> DynRes {
        drawing(self.0.circle(center, r, s.color(), fill))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, at: BackendCoord) -> DynRes {
        let family = s.family();
        let look = Text {
            color: s.color(),
            size: s.size(),
            family: family.as_str(),
            anchor: s.anchor(),
            bold: matches!(s.style(), FontStyle::Bold),
        };
        drawing(self.0.text(text, &look, at))
    }
}

impl Origin for Dyn<'_> {
    fn shift(&mut self, dx: f64, dy: f64) {
        self.0.shift(dx, dy);
    }

    fn restore(&mut self) {
        self.0.restore();
    }

    fn raw(&mut self, markup: &str) {
        self.0.raw(markup);
    }
}
