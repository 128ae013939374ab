//! The feature widgets and their shared parts.
//!
//! Each kind draws from view models built by `viz` from `story` facts; it never computes figures
//! itself. Each kind is one [`dom`] tree for both layers (`<kind>::view`: written as HTML for
//! the static layer and the cli, built in the browser) and a live controller on it
//! (`tally::live::LiveTally`, `payments::live::LivePayments`, `grid_map::live::LiveMap`) that
//! changes only what the kind's reducer (`<kind>/state.rs`) says changed. No virtual DOM:
//! docs/architecture.md, "A live layer without Yew". The `embed` crate mounts them into a
//! placeholder's shadow root and adopts [`stylesheet`] there.

pub mod components;
pub mod dom;
pub mod download;
mod error;
pub mod grid_map;
mod motion;
pub mod payments;
pub mod resize;
#[cfg(feature = "src")]
pub mod src_file;
#[cfg(feature = "ssr")]
pub mod static_layer;
pub mod tally;

pub use error::Error;
use story::{Lang, Theme, WidgetKind};

/// A stylesheet from src/, as minified by build.rs (comments and indentation stay in the source).
macro_rules! minified_css {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $file))
    };
}

/// The CSS a widget of `kind` needs inside its shadow root: the shared base and error box, then
/// its own sheet.
pub fn stylesheet(kind: WidgetKind) -> String {
    let own = match kind {
        #[cfg(feature = "tally")]
        WidgetKind::Tally => minified_css!("tally.css"),
        #[cfg(feature = "payments")]
        WidgetKind::Payments => minified_css!("payments.css"),
        #[cfg(feature = "grid-map")]
        WidgetKind::GridMap => minified_css!("grid_map.css"),
        // A module variant without this kind never mounts it (embed's handoff.rs).
        #[allow(unreachable_patterns)]
        _ => "",
    };
    [BASE_CSS, ERROR_BOX_CSS, own].concat()
}

/// The CSS for a placeholder that only shows an error (its kind may be unknown).
pub fn error_stylesheet() -> String {
    [BASE_CSS, ERROR_BOX_CSS].concat()
}

const BASE_CSS: &str = minified_css!("base.css");
const ERROR_BOX_CSS: &str = minified_css!("error_box.css");

/// Whether a widget can be seen: near or in the viewport, and the page's tab in front.
/// Widgets pause animations, timers and animation frames unless [`Visibility::active`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    /// Some part of the widget is inside the viewport.
    pub on_screen: bool,
    /// The page's tab is not hidden (`document.hidden` is false).
    pub page_visible: bool,
}

impl Default for Visibility {
    /// Outside the embed (component tests, previews) a widget counts as seen.
    fn default() -> Self {
        Visibility {
            on_screen: true,
            page_visible: true,
        }
    }
}

impl Visibility {
    /// True when the reader can see the widget, so it may animate.
    pub fn active(self) -> bool {
        self.on_screen && self.page_visible
    }
}

/// The padding of the `.widget` frame on each side (base.css), in CSS px: a placeholder's
/// width less twice this is the width its content lays out in.
pub const FRAME_PADDING: f64 = 12.0;

/// Which of its two forms a widget draws. Both come from the same components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layer {
    /// In the browser: measured, interactive, animated.
    #[default]
    Live,
    /// Rendered natively into the page before any script runs (see [`static_layer`]): the
    /// resting frame, laid out for narrow and wide boxes at once (CSS container queries pick
    /// one), controls present but inert, so the live widget later takes over at the same size.
    Static,
}

impl Layer {
    /// True for the static layer.
    pub fn is_static(self) -> bool {
        self == Layer::Static
    }
}

/// The class names of a widget's frame (`<section class="widget …">`), for both renderers:
/// `widget`, the theme, `paused` while the widget is not [`Visibility::active`] (base.css
/// pauses CSS animations), `static` for the static layer.
pub fn frame_classes(theme: Theme, visibility: Visibility, layer: Layer) -> [&'static str; 4] {
    [
        "widget",
        theme_class(theme),
        if visibility.active() { "" } else { "paused" },
        if layer.is_static() { "static" } else { "" },
    ]
}

/// A widget's frame as a [`dom`] tree around `body`.
pub fn frame(kind: &'static str, classes: [&'static str; 4], body: Vec<dom::Node>) -> dom::Node {
    dom::el(
        "section",
        [
            ("data-kind", dom::v(kind)),
            ("class", dom::classes(&classes)),
        ],
        body,
    )
}

/// Gives a built frame (`section`) the classes of [`frame_classes`].
pub(crate) fn restyle_frame(
    section: &web_sys::Element,
    theme: Theme,
    visibility: Visibility,
    layer: Layer,
) {
    let classes = frame_classes(theme, visibility, layer);
    section.set_class_name(&dom::classes(&classes).unwrap_or_default());
}

fn theme_class(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

/// What the host renders instead of a widget when a placeholder's configuration is invalid:
/// the same frame, holding only the error box.
pub fn failed_tree(lang: Lang, message: dom::Text) -> dom::Node {
    dom::el(
        "section",
        [
            ("data-kind", dom::v("error")),
            ("class", dom::v("widget auto")),
        ],
        vec![components::error_box::error_box(lang, message)],
    )
}
