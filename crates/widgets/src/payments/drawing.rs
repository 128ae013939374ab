//! The chart's drawing in the static layer: `viz::chart::draw`, the code the canvas runs in the
//! browser, through our SVG writer (`viz::svg`), once for a narrow and once for a wide box (the
//! stylesheet's container queries show the one that fits, and size `.chart-box` the same way
//! for the live canvas, so the takeover moves nothing). Native only (feature `ssr`).

use crate::dom::Node;
use crate::Error;
use viz::chart::{self, ChartStyle, Frame, Palette};
use viz::payments::ChartView;
use viz::surface::Dyn;
use viz::svg::Svg;

/// The chart widths the static layer draws for (CSS px): the `.payments` content width at a
/// 375 px phone and in the demo article's column, on either side of [`super::NARROW_BELOW`].
pub const STATIC_WIDTHS: [(&str, f64); 2] = [("v-narrow", 320.0), ("v-wide", 736.0)];

/// The style of the static drawing: the light palette (payments.css maps its colours to the
/// theme's custom properties, so dark themes recolour it), text sized as on the canvas.
pub fn style() -> ChartStyle<'static> {
    ChartStyle::new(Palette::LIGHT)
}

/// The chart at rest (the whole line, nothing hovered) as one SVG element of `width` x
/// `height`. Text in it is escaped by the SVG writer.
pub fn svg(view: &ChartView, width: f64, height: f64, style: &ChartStyle) -> Result<String, Error> {
    let size = (width.round() as u32, height.round() as u32);
    let mut svg = Svg::new(size, "");
    let layout = chart::layout(view, width, height, style);
    chart::draw(&mut Dyn(&mut svg), view, &layout, style, Frame::DONE)
        .map_err(|e| Error::Render(e.to_string()))?;
    Ok(svg.finish())
}

/// Both static drawings, each classed with its variant and hidden from assistive technology
/// (the plot's label, description and data table speak for it, as for the canvas).
pub fn drawings(view: &ChartView) -> Result<Vec<Node>, Error> {
    let style = style();
    STATIC_WIDTHS
        .iter()
        .map(|(variant, width)| {
            let (width, height) = super::box_size(*width);
            let svg = svg(view, width, height, &style)?;
            let head = format!("<svg class=\"{variant}\" aria-hidden=\"true\" ");
            Ok(Node::Svg(svg.replacen("<svg ", &head, 1)))
        })
        .collect()
}
