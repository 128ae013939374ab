//! Yew components for the feature widgets, and their shared parts.
//!
//! Components receive view models built by `viz` from `story` facts; they never compute
//! figures themselves. The `embed` crate mounts [`Widget`] into a placeholder's shadow root.

use story::{WidgetConfig, WidgetKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: WidgetConfig,
    /// Fired once after the widget's first render, so the host can mark the placeholder ready.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The root of every widget: picks the component for the configured kind.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let title = match props.config.kind {
        WidgetKind::Tally => "七个一",
        WidgetKind::Payments => "e支付收款码",
        WidgetKind::GridMap => "10千伏电网跨省互联",
    };
    html! {
        <section class="widget" data-kind={props.config.kind.name()}>
            <h2>{ title }</h2>
        </section>
    }
}
