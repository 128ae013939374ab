//! The "七个一" tally: the lead figure, then one card per "one" in a grid that reflows with
//! the widget's width, each figure counting up once when it scrolls into view, and the data.

mod card;
mod figure;

pub use card::Card;
pub use figure::Figure;

use crate::components::{DataTable, SourceNote};
use crate::hooks::use_reduced_motion;
use std::rc::Rc;
use story::config::TallyOptions;
use story::{Lang, WidgetConfig, WidgetOptions};
use viz::tally::{build_view, TallyView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TallyProps {
    pub config: WidgetConfig,
}

/// The widget: builds the view model from the config and follows the reader's motion setting.
#[function_component]
pub fn Tally(props: &TallyProps) -> Html {
    let reduced_motion = use_reduced_motion();
    let view = use_memo(props.config.clone(), |config| {
        let options = match &config.options {
            WidgetOptions::Tally(o) => o.clone(),
            _ => TallyOptions::default(),
        };
        build_view(&options, config.lang)
    });
    html! { <TallyBoard {view} {reduced_motion} /> }
}

#[derive(Properties, PartialEq)]
pub struct TallyBoardProps {
    pub view: Rc<TallyView>,
    /// True: every figure shows its final value at once, with no motion.
    pub reduced_motion: bool,
}

/// The tally drawn from a view model; `reduced_motion` is an input so tests can drive it.
#[function_component]
pub fn TallyBoard(props: &TallyBoardProps) -> Html {
    let view = &props.view;
    let lang = view.lang;
    let reduced_motion = props.reduced_motion;
    html! {
        <div class="tally" lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            <header class="head">
                <h2 class="title">{ view.title }</h2>
                if let Some(lead) = &view.lead {
                    <p class="lead">
                        <Figure figure={lead.clone()} {reduced_motion} class="big" />
                        <span class="label">{ lead.label }</span>
                    </p>
                }
            </header>
            <ol class="cards">
                { for view.cards.iter().map(|card| html! {
                    <Card key={card.id} card={card.clone()} {lang} {reduced_motion} />
                }) }
            </ol>
            <DataTable table={view.table.clone()} {lang} />
            <SourceNote {lang} source={view.source} note={AttrValue::from(view.dates_note.clone())} />
        </div>
    }
}
