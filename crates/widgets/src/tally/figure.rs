//! One figure that counts up when it scrolls into view. The visible, animated number is
//! `aria-hidden`; a visually hidden twin always holds the final text, so screen readers never
//! hear an intermediate number.

use crate::hooks::{use_count_up, use_in_view};
use viz::tally::{split_numeral, FigureView, COUNT_UP_MS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub figure: FigureView,
    pub reduced_motion: bool,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Figure(props: &FigureProps) -> Html {
    let node = use_node_ref();
    let in_view = use_in_view(node.clone());
    let progress = use_count_up(in_view, props.reduced_motion, COUNT_UP_MS);
    let frame = props.figure.frame_text(progress);
    let (lead, num, trail) = split_numeral(&frame);
    html! {
        <span class={classes!("fig", props.class.clone())} ref={node}>
            <span class="shown" aria-hidden="true">
                if !lead.is_empty() {
                    <span class="q">{ lead }</span>
                }
                <span class="n">{ num }</span>
                <span class="u">{ trail }</span>
            </span>
            <span class="visually-hidden final">{ &props.figure.text }</span>
        </span>
    }
}
