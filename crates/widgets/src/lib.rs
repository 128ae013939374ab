//! Yew components for the feature widgets, and their shared parts.
//!
//! Components receive view models built by `viz` from `story` facts; they never compute
//! figures themselves. The `embed` crate mounts [`Widget`] into a placeholder's shadow root and
//! adopts [`stylesheet`] there.

pub mod components;
pub mod grid_map;
pub mod hooks;
pub mod payments;
pub mod tally;

use story::{Theme, WidgetConfig, WidgetKind};
use yew::prelude::*;

/// The CSS a widget of `kind` needs inside its shadow root: the shared base, then its own sheet.
pub fn stylesheet(kind: WidgetKind) -> String {
    let own = match kind {
        WidgetKind::Tally => include_str!("tally.css"),
        WidgetKind::Payments => include_str!("payments.css"),
        WidgetKind::GridMap => include_str!("grid_map.css"),
    };
    [include_str!("base.css"), own].concat()
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: WidgetConfig,
    /// Fired once after the widget's first render, so the host can mark the placeholder ready.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The root of every widget: the themed frame and the component for the configured kind.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let config = props.config.clone();
    let theme = match config.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let body = match config.kind {
        WidgetKind::Tally => html! { <tally::Tally {config} /> },
        WidgetKind::Payments => html! { <payments::Payments {config} /> },
        WidgetKind::GridMap => html! { <grid_map::GridMap {config} /> },
    };
    html! {
        <section class={classes!("widget", theme)} data-kind={props.config.kind.name()}>
            { body }
        </section>
    }
}
