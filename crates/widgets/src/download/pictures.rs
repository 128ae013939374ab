//! The image code (feature `pictures`): the full module's only, see the parent module.

use super::{offer_text, offer_url, ImageFormat, PNG_SCALE};
use crate::payments::backend::{canvas_font, Canvas2d};
use crate::Error;
use plotters_backend::DrawingErrorKind;
use viz::chart::ChartStyle;
use viz::image::{Image, Origin, Picture};
use viz::map::scene::{Anchor, Scene, Shape};
use viz::surface::{Dyn, SurfaceError};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

fn drawing_failed<E: std::error::Error + Send + Sync>(_: DrawingErrorKind<E>) -> Error {
    Error::Canvas
}

/// A canvas for `image` at [`PNG_SCALE`], its context drawing in CSS px.
fn png_canvas(image: &Image) -> Result<(HtmlCanvasElement, Canvas2d), Error> {
    let size = image.size();
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or(Error::Canvas)?;
    canvas.set_width((f64::from(size.0) * PNG_SCALE) as u32);
    canvas.set_height((f64::from(size.1) * PNG_SCALE) as u32);
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or(Error::Canvas)?;
    ctx.set_transform(PNG_SCALE, 0.0, 0.0, PNG_SCALE, 0.0, 0.0)
        .map_err(|_| Error::Canvas)?;
    Ok((canvas, Canvas2d::new(ctx, size)))
}

/// Offers the PNG drawn on `canvas`.
fn offer_png(canvas: &HtmlCanvasElement, name: &str) -> Result<(), Error> {
    let url = canvas.to_data_url().map_err(|_| Error::Canvas)?;
    offer_url(&url, name)
}

/// Offers a chart's or a tally's image.
pub fn offer_picture(
    picture: &dyn Picture,
    style: &ChartStyle,
    format: ImageFormat,
    name: &str,
) -> Result<(), Error> {
    match format {
        ImageFormat::Svg => {
            let svg = picture.to_svg(style).map_err(drawing_failed)?;
            offer_text(&svg, "image/svg+xml", name)
        }
        ImageFormat::Png => {
            let (canvas, mut backend) = png_canvas(picture.image())?;
            picture.draw(&mut backend, style).map_err(drawing_failed)?;
            offer_png(&canvas, name)
        }
    }
}

/// Offers the map's image: `image`'s frame around `scene`.
pub fn offer_scene(
    image: &Image,
    scene: &Scene,
    style: &ChartStyle,
    format: ImageFormat,
    name: &str,
) -> Result<(), Error> {
    match format {
        ImageFormat::Svg => {
            let svg = image
                .to_svg(style, &mut |svg: &mut Dyn| {
                    let mut body = String::new();
                    scene.push_svg(&mut body);
                    Origin::raw(svg, &body);
                    Ok(())
                })
                .map_err(drawing_failed)?;
            offer_text(&svg, "image/svg+xml", name)
        }
        ImageFormat::Png => {
            let (canvas, mut backend) = png_canvas(image)?;
            let ctx = backend.context().clone();
            image
                .draw(&mut Dyn(&mut backend), style, &mut |_: &mut Dyn| {
                    paint_scene(&ctx, scene)
                        .map_err(|_| DrawingErrorKind::DrawingError(SurfaceError))
                })
                .map_err(drawing_failed)?;
            offer_png(&canvas, name)
        }
    }
}

/// Paints `scene` at the origin: each path through `Path2D` (the SVG path text as
/// the live map has it), strokes at their on-screen width whatever the path's scale, labels
/// with their halo under the fill, as the stylesheet's `paint-order: stroke` draws them.
fn paint_scene(ctx: &CanvasRenderingContext2d, scene: &Scene) -> Result<(), Error> {
    for mark in scene.marks.iter().filter(|m| !m.paint.is_invisible()) {
        let paint = &mark.paint;
        ctx.save();
        let painted = (|| -> Result<(), Error> {
            ctx.set_global_alpha(paint.opacity.clamp(0.0, 1.0));
            let scale = match &mark.shape {
                Shape::Path { scale, .. } if *scale > 0.0 => *scale,
                _ => 1.0,
            };
            let stroke = |ctx: &CanvasRenderingContext2d| -> Option<()> {
                let colour = paint.stroke.as_deref()?;
                ctx.set_stroke_style_str(colour);
                ctx.set_line_width(paint.stroke_width / scale);
                let dash = js_sys::Array::new();
                for d in &paint.dash {
                    dash.push(&JsValue::from_f64(d / scale));
                }
                let _ = ctx.set_line_dash(&dash);
                let round = if paint.round { "round" } else { "butt" };
                ctx.set_line_cap(round);
                ctx.set_line_join(if paint.round { "round" } else { "miter" });
                Some(())
            };
            match &mark.shape {
                Shape::Path { d, .. } => {
                    ctx.scale(scale, scale).map_err(|_| Error::Canvas)?;
                    let path =
                        web_sys::Path2d::new_with_path_string(d).map_err(|_| Error::Canvas)?;
                    if let Some(fill) = paint.fill.as_deref() {
                        ctx.set_fill_style_str(fill);
                        let rule = if paint.even_odd {
                            web_sys::CanvasWindingRule::Evenodd
                        } else {
                            web_sys::CanvasWindingRule::Nonzero
                        };
                        ctx.fill_with_path_2d_and_winding(&path, rule);
                    }
                    if stroke(ctx).is_some() {
                        ctx.stroke_with_path(&path);
                    }
                }
                Shape::Circle { x, y, r } => {
                    ctx.begin_path();
                    ctx.arc(*x, *y, *r, 0.0, std::f64::consts::TAU)
                        .map_err(|_| Error::Canvas)?;
                    if let Some(fill) = paint.fill.as_deref() {
                        ctx.set_fill_style_str(fill);
                        ctx.fill();
                    }
                    if stroke(ctx).is_some() {
                        ctx.stroke();
                    }
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
                    ctx.set_font(&canvas_font(*italic, *bold, *px, viz::chart::FONT_STACK));
                    ctx.set_text_align(match anchor {
                        Anchor::Start => "left",
                        Anchor::Middle => "center",
                        Anchor::End => "right",
                    });
                    ctx.set_text_baseline("alphabetic");
                    if stroke(ctx).is_some() {
                        ctx.stroke_text(text, *x, *y).map_err(|_| Error::Canvas)?;
                    }
                    if let Some(fill) = paint.fill.as_deref() {
                        ctx.set_fill_style_str(fill);
                        ctx.fill_text(text, *x, *y).map_err(|_| Error::Canvas)?;
                    }
                }
            }
            Ok(())
        })();
        ctx.restore();
        painted?;
    }
    Ok(())
}
