//! The "七个一" tally: the lead figure, then one card per "one" in a grid that reflows with
//! the widget's width, each figure counting up once when it scrolls into view, and the data.
//!
//! Drawn without a framework (issue 12; docs/architecture.md, "A live layer without Yew"):
//! [`view`] is its one element tree, which the static layer writes as HTML
//! ([`static_html`]) and [`live::LiveTally`] builds in the browser and then drives; the cards'
//! open state is one reducer (`state.rs`).

pub mod live;
pub mod state;
pub mod view;

#[cfg(feature = "pictures")]
use crate::download::ImageFormat;
use crate::{frame, frame_classes, Layer, Visibility};
use story::config::TallyOptions;
use story::{ui::UiText, WidgetConfig, WidgetOptions};
use viz::tally::{build_view, TallyView};
#[cfg(feature = "pictures")]
use web_sys::Element;

/// The tally's view model: the cards the options choose (all of the story's by default).
fn view_of(config: &WidgetConfig) -> Option<TallyView> {
    let options = match &config.options {
        WidgetOptions::Tally(o) => o.clone(),
        _ => TallyOptions::all(config.story),
    };
    build_view(config.story, &options, config.lang)
}

/// Offers the image of the tally configured by `config`, `width` CSS px wide, in the colours
/// `el` (the `.tally` element on screen) has now; false when it cannot be made.
#[cfg(feature = "pictures")]
pub fn offer_image(config: &WidgetConfig, el: &Element, width: f64, format: ImageFormat) -> bool {
    use crate::payments::canvas;
    use viz::chart::ChartStyle;
    use viz::tally::drawing::{TallyColors, TallyPicture};
    let Some(v) = view_of(config) else {
        return false;
    };
    let style = ChartStyle::new(canvas::palette(el));
    let fallback = TallyColors::LIGHT;
    let colors = TallyColors {
        heart: canvas::colour(el, "--heart", fallback.heart),
        card: canvas::colour(el, "--card", fallback.card),
        highlight: canvas::colour(el, "--hl", fallback.highlight),
    };
    let picture = TallyPicture::new(config.story, &v, width, colors, &style);
    let name = viz::table::file_name(
        config.story,
        story::WidgetKind::Tally,
        None,
        v.lang,
        format.extension(),
    );
    crate::download::offer_picture(&picture, &style, format, &name).is_ok()
}

/// The tally's static layer: its frame and tree as HTML, controls inert.
pub fn static_html(config: &WidgetConfig) -> String {
    let view = view_of(config);
    framed(config, view.as_ref(), Visibility::default(), Layer::Static).to_html()
}

/// The tally in its frame, for both layers: `view`'s tree, or the error box when the story
/// has none of the configured cards.
pub(crate) fn framed(
    config: &WidgetConfig,
    view: Option<&TallyView>,
    visibility: Visibility,
    layer: Layer,
) -> crate::dom::Node {
    let body = match view {
        Some(v) => view::tally(
            v,
            config.story,
            state::TallyState::default(),
            layer.is_static(),
        ),
        None => crate::components::error_box::error_box(
            config.lang,
            UiText::NotInStory.get(config.lang).into(),
        ),
    };
    let kind = story::WidgetKind::Tally.name();
    frame(
        kind,
        frame_classes(config.theme, visibility, layer),
        vec![body],
    )
}
