//! The payments widget.

use story::WidgetConfig;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaymentsProps {
    pub config: WidgetConfig,
}

#[function_component]
pub fn Payments(props: &PaymentsProps) -> Html {
    let _ = &props.config;
    html! { <h2 class="title">{ "e支付收款码" }</h2> }
}
