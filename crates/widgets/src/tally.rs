//! The tally widget.

use story::WidgetConfig;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TallyProps {
    pub config: WidgetConfig,
}

#[function_component]
pub fn Tally(props: &TallyProps) -> Html {
    let _ = &props.config;
    html! { <h2 class="title">{ "七个一" }</h2> }
}
