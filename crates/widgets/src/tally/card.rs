//! One card of the tally: the 心 word, the "one", its headline figure, and details that open
//! from a real disclosure button (click, tap, Enter, Space; Escape closes and returns focus).

use super::figure::Figure;
use story::{ui::UiText, Lang};
use viz::tally::CardView;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: CardView,
    pub lang: Lang,
    pub reduced_motion: bool,
}

#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let open = use_state(|| false);
    let button = use_node_ref();
    let card = &props.card;
    let lang = props.lang;

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_keydown = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |e: KeyboardEvent| {
            if *open && e.key() == "Escape" {
                e.prevent_default();
                open.set(false);
                if let Some(b) = button.cast::<HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let mut panel_id = String::from("tally-");
    panel_id.push_str(card.id);

    html! {
        <li class={classes!("card", card.highlight.then_some("hl"), (*open).then_some("open"))}
            data-section={card.id} onkeydown={on_keydown}>
            <div class="front">
                <h3 class="card-h">
                    <button type="button" class="card-btn" ref={button}
                        aria-expanded={if *open { "true" } else { "false" }}
                        aria-controls={panel_id.clone()} onclick={on_toggle}>
                        <span class="heart">{ card.heart }</span>
                        <span class="one">{ card.title }</span>
                        if card.highlight {
                            <span class="visually-hidden">{ UiText::Highlighted.get(lang) }</span>
                        }
                        <span class="mark" aria-hidden="true"></span>
                    </button>
                </h3>
                if let Some(h) = &card.headline {
                    <p class="lede">
                        <Figure figure={h.clone()} reduced_motion={props.reduced_motion} />
                        <span class="label">{ h.label }</span>
                    </p>
                } else if let Some(about) = card.about {
                    <p class="lede about">
                        <span class="nofig">{ UiText::NoFigure.get(lang) }</span>
                        <span class="label">{ about }</span>
                    </p>
                }
            </div>
            <div class="details" id={panel_id} hidden={!*open}>
                if !card.figures.is_empty() {
                    <ul class="facts">
                        { for card.figures.iter().map(|f| html! {
                            <li>
                                <span class="v">{ &f.text }</span>
                                <span class="l">{ f.label }</span>
                                if let Some(d) = &f.date {
                                    <span class="d">{ d }</span>
                                }
                            </li>
                        }) }
                    </ul>
                }
                <p class="cite">{ UiText::SourcePrefix.get(lang) }{ card.citation }</p>
            </div>
        </li>
    }
}
