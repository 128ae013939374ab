//! The feature widgets and their shared parts.
//!
//! Each kind draws from view models built by `viz` from `story` facts; it never computes figures
//! itself. The tally and the chart are [`dom`] trees for both layers with a live controller
//! (`tally::live::LiveTally`, `payments::live::LivePayments`); the map is still a Yew
//! component, mounted through [`Widget`]. The `embed` crate mounts them into a placeholder's
//! shadow root and adopts [`stylesheet`] there.

pub mod components;
pub mod dom;
pub mod download;
pub mod el;
mod error;
pub mod grid_map;
pub mod hooks;
mod motion;
pub mod payments;
#[cfg(feature = "src")]
pub mod src_file;
#[cfg(feature = "ssr")]
pub mod static_layer;
pub mod tally;

pub use error::Error;
use story::{Lang, Theme, WidgetConfig, WidgetKind};
use yew::prelude::*;

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
        // A module variant without this kind never mounts it (see [`Widget`]).
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

/// What the host (the embed) tells a widget kind's component, handed down by [`Widget`] as
/// the `host` prop (a prop, not a Yew context: the context provider is a component type of its
/// own and each costs a copy of Yew's lifecycle code in the WASM, issue 12). The default is
/// the live layer, visible, with no measured width: what a test that mounts a kind alone wants.
#[derive(Clone, PartialEq, Default)]
pub struct WidgetHost {
    /// The widget's current [`Visibility`]: pause animation loops and timers while inactive.
    pub visibility: Visibility,
    /// Called with an editor-facing message when the widget cannot render; the host then marks
    /// the placeholder `data-widget-error` and logs the message. The widget shows an
    /// [`components::error_box`] itself.
    pub on_error: Callback<String>,
    /// Whether this is the live widget or its static layer.
    pub layer: Layer,
    /// The placeholder's width when the widget mounted (CSS px), so the first render is laid
    /// out for the box it will fill and nothing moves when the first measurement arrives.
    pub width: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: WidgetConfig,
    /// Updated by the host as the widget scrolls in and out of view or the tab is hidden.
    #[prop_or_default]
    pub visibility: Visibility,
    /// Fired once after the widget's first render, so the host can mark the placeholder ready.
    #[prop_or_default]
    pub on_ready: Callback<()>,
    /// Fired with an editor-facing message when the widget cannot render.
    #[prop_or_default]
    pub on_error: Callback<String>,
    #[prop_or_default]
    pub layer: Layer,
    /// The placeholder's width at mount (CSS px), measured by the host.
    #[prop_or_default]
    pub width: Option<f64>,
}

/// The root of every widget: the themed frame, the component for the configured kind (handed
/// the [`WidgetHost`]), and `on_ready` after the first render. The frame carries the class
/// `paused` while the widget is not [`Visibility::active`], which pauses CSS animations (see
/// base.css).
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let config = props.config.clone();
    // Read by the Yew kinds' arms below; a build with none of them leaves it unused.
    #[cfg_attr(not(feature = "grid-map"), allow(unused_variables))]
    let host = WidgetHost {
        visibility: props.visibility,
        on_error: props.on_error.clone(),
        layer: props.layer,
        width: props.width,
    };
    let body = match config.kind {
        #[cfg(feature = "grid-map")]
        WidgetKind::GridMap => html! { <grid_map::GridMap {config} {host} /> },
        // A module variant built without this kind (its cargo feature) hands such a
        // placeholder to the full module before mounting it (embed's handoff.rs). The tally
        // and the chart are drawn without Yew (`tally::live`, `payments::live`, their
        // `static_html`): the embed and the static layer never hand them to this component.
        #[allow(unreachable_patterns)]
        _ => html! {},
    };
    el::el!("section", [
        "data-kind" => props.config.kind.name(),
        "class" => el::classes(&frame_classes(props.config.theme, props.visibility, props.layer)),
    ], [body])
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
pub fn frame(kind: &'static str, classes: [&'static str; 4], body: dom::Node) -> dom::Node {
    dom::el(
        "section",
        [
            ("data-kind", dom::v(kind)),
            ("class", dom::classes(&classes)),
        ],
        vec![body],
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

#[derive(Properties, PartialEq)]
pub struct FailedWidgetProps {
    pub lang: Lang,
    pub message: AttrValue,
}

/// What the host renders instead of [`Widget`] when a placeholder's configuration is invalid:
/// the same frame, holding only the error box.
pub fn failed_tree(lang: Lang, message: dom::Text) -> dom::Node {
    dom::el(
        "section",
        [
            ("data-kind", dom::v("error")),
            ("class", dom::v("widget auto")),
        ],
        vec![components::error_box::error_box_tree(lang, message)],
    )
}

/// [`failed_tree`] for Yew: the embed's error slots in a module with Yew kinds, and the
/// component tests' [`FailedWidget`].
pub fn failed_widget(lang: Lang, message: AttrValue) -> Html {
    html! {
        <section class="widget auto" data-kind="error">
            { components::error_box(lang, message) }
        </section>
    }
}

/// [`failed_widget`] as a root of its own, for tests and hosts that mount it alone.
#[function_component]
pub fn FailedWidget(props: &FailedWidgetProps) -> Html {
    failed_widget(props.lang, props.message.clone())
}
