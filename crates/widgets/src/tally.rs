//! The "七个一" tally: the lead figure, then one card per "one" in a grid that reflows with
//! the widget's width, each figure counting up once when it scrolls into view, and the data.
//!
//! Kept to two components (this one and [`Figure`], which owns the per-figure hooks) because
//! every Yew component costs about 1.5 KB of WASM; cards are plain functions, their open
//! state one reducer here (`state.rs`), and one keydown listener on the list handles Escape for all cards.

mod figure;
pub mod state;

pub use figure::Figure;

use crate::components::{error_box, source_note, DataTable};
use crate::download::ImageFormat;
use crate::el::{classes, vtag};
use crate::hooks::use_reduced_motion;
use state::{Action, TallyState};
use story::config::TallyOptions;
use story::{ui::UiText, Lang, WidgetConfig, WidgetOptions};
use viz::tally::{build_view, CardView, TallyView};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TallyProps {
    pub config: WidgetConfig,
    /// What the host tells the widget (layer, visibility, width at mount); see [`crate::WidgetHost`].
    #[prop_or_default]
    pub host: crate::WidgetHost,
    /// True: every figure shows its final value at once, whatever the reader's setting (tests,
    /// static previews). False: follow `prefers-reduced-motion`.
    #[prop_or_default]
    pub reduced_motion: bool,
}

/// The tally's view model: the cards the options choose (all of the story's by default).
fn view_of(config: &WidgetConfig) -> Option<TallyView> {
    let options = match &config.options {
        WidgetOptions::Tally(o) => o.clone(),
        _ => TallyOptions::all(config.story),
    };
    build_view(config.story, &options, config.lang)
}

/// Offers the image of the tally configured by `config`, `width` CSS px wide, in the colours
/// `el` (the `.tally` element on screen) has now; false when it cannot be made.
#[cfg(feature = "pictures")]
pub fn offer_image(config: &WidgetConfig, el: &Element, width: f64, format: ImageFormat) -> bool {
    use crate::payments::canvas;
    use viz::chart::ChartStyle;
    use viz::tally::drawing::{TallyColors, TallyPicture};
    let Some(v) = view_of(config) else {
        return false;
    };
    let style = ChartStyle::new(canvas::palette(el));
    let fallback = TallyColors::LIGHT;
    let colors = TallyColors {
        heart: canvas::colour(el, "--heart", fallback.heart),
        card: canvas::colour(el, "--card", fallback.card),
        highlight: canvas::colour(el, "--hl", fallback.highlight),
    };
    let picture = TallyPicture::new(config.story, &v, width, colors, &style);
    let name = viz::table::file_name(
        config.story,
        story::WidgetKind::Tally,
        None,
        v.lang,
        format.extension(),
    );
    crate::download::offer_picture(&picture, &style, format, &name).is_ok()
}

#[function_component]
pub fn Tally(props: &TallyProps) -> Html {
    let reduced_motion = use_reduced_motion() || props.reduced_motion;
    let inert = props.host.layer.is_static();
    let view = use_memo(props.config.clone(), view_of);
    let open = use_reducer(TallyState::default);
    let root = use_node_ref();
    let Some(v) = view.as_ref() else {
        let lang = props.config.lang;
        return error_box(lang, UiText::NotInStory.get(lang).into());
    };
    let lang = v.lang;

    let on_toggle = {
        let d = open.dispatcher();
        Callback::from(move |card: usize| d.dispatch(Action::Toggle(card)))
    };
    let on_keydown = {
        let open = open.clone();
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            let Some(card) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".card").ok().flatten())
            else {
                return;
            };
            let section = card.get_attribute("data-section");
            let Some(view) = view.as_ref() else {
                return;
            };
            let index = view
                .cards
                .iter()
                .position(|c| Some(c.id) == section.as_deref());
            let Some(index) = index.filter(|&i| open.is_open(i)) else {
                return;
            };
            e.prevent_default();
            open.dispatch(Action::Close(index));
            let button = card.query_selector(".card-btn").ok().flatten();
            if let Some(b) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                let _ = b.focus();
            }
        })
    };

    // The image downloads: the chosen cards at the tally's width, in its colours, drawn when
    // asked (by the full module for every other variant: `download::request_image`).
    let on_image = {
        let root = root.clone();
        #[cfg(feature = "pictures")]
        let config = props.config.clone();
        Callback::from(move |(format, done): (ImageFormat, Callback<bool>)| {
            let Some(el) = root.cast::<Element>() else {
                return done.emit(false);
            };
            let width = el.get_bounding_client_rect().width();
            #[cfg(feature = "pictures")]
            done.emit(offer_image(&config, &el, width, format));
            #[cfg(not(feature = "pictures"))]
            crate::download::request_image(&el, format, None, (width, 0.0), move |ok| {
                done.emit(ok)
            });
        })
    };

    html! {
        <div class="tally" ref={root} lang={lang.pick("zh-CN", "en")}>
            <header class="head">
                <h2 class="title">{ v.title }</h2>
                if let Some(lead) = &v.lead {
                    <p class="lead">
                        <Figure figure={lead.clone()} {reduced_motion} class="big" />
                        <span class="label">{ lead.label }</span>
                    </p>
                }
            </header>
            <ol class="cards" onkeydown={on_keydown}>
                { for v.cards.iter().enumerate().map(|(i, c)| {
                    card(c, open.is_open(i), lang, reduced_motion, inert, on_toggle.reform(move |_: MouseEvent| i))
                }) }
            </ol>
            <DataTable table={v.table.clone()} {lang} on_image={Some(on_image)} {inert} />
            { source_note(lang, props.config.story, v.source, [UiText::FigureDates.get(lang), v.dates_note.as_str()].concat().into()) }
        </div>
    }
}

/// One card: the 心 word and the "one" in a real disclosure button (click, tap, Enter, Space),
/// the headline figure, and the details it opens (every figure with its date, the citation).
/// `inert` (the static layer): the button is there, so nothing moves when the live widget
/// takes over, but inert, as nothing can open it before a script runs.
fn card(
    card: &CardView,
    open: bool,
    lang: Lang,
    reduced_motion: bool,
    inert: bool,
    on_toggle: Callback<MouseEvent>,
) -> Html {
    let mut panel_id = String::from("tally-");
    panel_id.push_str(card.id);
    let front = html! {
            <div class="front">
                <h3 class="card-h">
                    <button type="button" class="card-btn" inert={inert}
                        aria-expanded={if open { "true" } else { "false" }}
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
                        <Figure figure={h.clone()} {reduced_motion} />
                        <span class="label">{ h.label }</span>
                    </p>
                } else if let Some(about) = card.about {
                    <p class="lede about">
                        <span class="nofig">{ UiText::NoFigure.get(lang) }</span>
                        <span class="label">{ about }</span>
                    </p>
                }
            </div>
    };
    let details = html! {
            <div class="details" id={panel_id} hidden={!open}>
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
    };
    let highlight = if card.highlight { "hl" } else { "" };
    let mut item = vtag!("li", [
        "data-section" => card.id,
        "class" => classes(&["card", highlight]),
    ], [front, details]);
    item.key = Some(card.id.into());
    item.into()
}
