//! One figure that counts up when it scrolls into view. The visible, animated number is
//! `aria-hidden`; a visually hidden twin always holds the final text, so screen readers never
//! hear an intermediate number.

use crate::el::{classes, el, vtag};
use crate::hooks::{use_count_up, use_in_view};
use viz::tally::{split_numeral, FigureView, COUNT_UP_MS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub figure: FigureView,
    pub reduced_motion: bool,
    /// A class beside `fig` (`big` for the lead figure), or empty.
    #[prop_or_default]
    pub class: &'static str,
}

/// A figure's text split into qualifier, number and unit, for styling.
fn numeral(class: &'static str, text: &str) -> Html {
    let (lead, num, trail) = split_numeral(text);
    let parts = html! {
        <>
            if !lead.is_empty() {
                <span class="q">{ lead.to_owned() }</span>
            }
            <span class="n">{ num.to_owned() }</span>
            <span class="u">{ trail.to_owned() }</span>
        </>
    };
    el!("span", ["class" => class], [parts])
}

#[function_component]
pub fn Figure(props: &FigureProps) -> Html {
    let node = use_node_ref();
    let in_view = use_in_view(node.clone());
    let progress = use_count_up(in_view, props.reduced_motion, COUNT_UP_MS);
    let frame = props.figure.frame_text(progress);
    let inner = html! {
        <>
            // The final text, invisible, shares a grid cell with the counting one so the figure
            // keeps its final width from the first frame: no layout shift while it counts.
            <span class="stack" aria-hidden="true">
                { numeral("ghost", &props.figure.text) }
                { numeral("shown", &frame) }
            </span>
            <span class="visually-hidden final">{ &props.figure.text }</span>
        </>
    };
    let mut fig = vtag!("span", ["class" => classes(&["fig", props.class])], [inner]);
    fig.node_ref = node;
    fig.into()
}
