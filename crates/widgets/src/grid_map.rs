//! The grid-map widget.

use story::WidgetConfig;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GridMapProps {
    pub config: WidgetConfig,
}

#[function_component]
pub fn GridMap(props: &GridMapProps) -> Html {
    let _ = &props.config;
    html! { <h2 class="title">{ "10千伏电网跨省互联" }</h2> }
}
