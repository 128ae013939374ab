//! The live tally, without Yew: the tree of [`super::view`] built once into the page, then
//! behaviour on it. Clicks and Escape reach one listener each on the card list (the reducer in
//! `state.rs` decides, and only the card's `aria-expanded` and `hidden` change); one
//! IntersectionObserver drives every figure's count-up, whose frames rewrite that figure's
//! shown numeral and nothing else; the data table's buttons have their own listeners.
//!
//! Dropping a [`LiveTally`] removes its elements, disconnects the observer, cancels pending
//! animation frames and removes every listener, so nothing outlives it.

use super::state::{Action, TallyState};
use super::view::numeral;
use crate::components::data_table::{listen, ImageMaker};
use crate::motion::{prefers_reduced_motion, REDUCED_MOTION};
use crate::{Layer, Visibility};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use story::{Theme, WidgetConfig};
use viz::easing::cubic_out;
use viz::tally::{FigureView, TallyView, COUNT_UP_MS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

/// A tally drawn into the page. Its elements go when it is dropped.
pub struct LiveTally {
    section: Element,
    theme: Theme,
    visibility: Visibility,
    _listeners: Vec<EventListener>,
    count_ups: Option<CountUps>,
}

type SeenCallback = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

/// The figures' count-ups: one observer for all, the figures' state, the observer's callback.
struct CountUps {
    observer: IntersectionObserver,
    figures: Rc<RefCell<Vec<Figure>>>,
    _on_seen: SeenCallback,
    _on_reduced: Option<EventListener>,
}

/// One figure's count-up: its `.fig` element, its view, whether it was first seen outside the
/// viewport (then it counts up, once, when it comes in) and its pending frame.
struct Figure {
    el: Element,
    view: FigureView,
    armed: bool,
    frame: Option<AnimationFrame>,
}

impl Drop for LiveTally {
    fn drop(&mut self) {
        if let Some(c) = &self.count_ups {
            c.observer.disconnect();
            for f in c.figures.borrow_mut().iter_mut() {
                f.frame = None;
            }
        }
        self.section.remove();
    }
}

impl LiveTally {
    /// Draws the tally of `config` at the end of `parent`. `reduced_motion`: every figure
    /// shows its final value at once, whatever the reader's setting (tests, previews); false
    /// follows `prefers-reduced-motion`. `None` when the document refuses an element.
    pub fn mount(
        parent: &Element,
        config: &WidgetConfig,
        visibility: Visibility,
        reduced_motion: bool,
    ) -> Option<LiveTally> {
        let doc = parent.owner_document()?;
        let view = super::view_of(config);
        let framed = super::framed(config, view.as_ref(), visibility, Layer::Live);
        let section = framed.build_element(&doc)?;
        let mut listeners = Vec::with_capacity(8);
        let list = section.query_selector(".cards").ok().flatten();
        if let (Some(list), Some(view)) = (list, &view) {
            listeners.extend(cards(&list, view));
        }
        let data = section.query_selector(".data").ok().flatten();
        if let (Some(data), Some(view)) = (data, &view) {
            let image = image_maker(&data, config);
            listeners.extend(listen(&data, &view.table, config.lang, image));
        }
        parent.append_child(&section).ok()?;
        let count_ups = match &view {
            Some(view) if !reduced_motion && !prefers_reduced_motion() => count_ups(&section, view),
            _ => None,
        };
        Some(LiveTally {
            section,
            theme: config.theme,
            visibility,
            _listeners: listeners,
            count_ups,
        })
    }

    /// Follows the page's theme and the widget's visibility (the frame's classes).
    pub fn update(&mut self, theme: Theme, visibility: Visibility) {
        if (theme, visibility.active()) == (self.theme, self.visibility.active()) {
            return;
        }
        self.theme = theme;
        self.visibility = visibility;
        crate::restyle_frame(&self.section, theme, visibility, Layer::Live);
    }
}

/// The cards' disclosure buttons: click toggles a card, Escape inside an open card closes it
/// and returns focus to its button.
fn cards(list: &Element, view: &TallyView) -> [EventListener; 2] {
    let state = Rc::new(Cell::new(TallyState::default()));
    let ids: Rc<[&'static str]> = view.cards.iter().map(|c| c.id).collect();
    let (s, i) = (state.clone(), ids.clone());
    let on_click = EventListener::new(list, "click", move |e| {
        let Some(button) = closest(e.target(), ".card-btn") else {
            return;
        };
        if let Some((index, card)) = card_of(&button, &i) {
            dispatch(&s, Action::Toggle(index), &card);
        }
    });
    // Not passive (gloo's default): Escape's default is cancelled, so it does not also close
    // whatever the host page binds to Escape.
    let active = EventListenerOptions::enable_prevent_default();
    let on_key = EventListener::new_with_options(list, "keydown", active, move |e| {
        let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if key.key() != "Escape" {
            return;
        }
        let Some(card) = closest(e.target(), ".card") else {
            return;
        };
        let Some((index, card)) = card_of(&card, &ids) else {
            return;
        };
        if !state.get().is_open(index) {
            return;
        }
        e.prevent_default();
        dispatch(&state, Action::Close(index), &card);
        let button = card.query_selector(".card-btn").ok().flatten();
        if let Some(b) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            let _ = b.focus();
        }
    });
    [on_click, on_key]
}

fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The card `el` is part of: its index among the tally's cards, and its element.
fn card_of(el: &Element, ids: &[&'static str]) -> Option<(usize, Element)> {
    let card = el.closest(".card").ok().flatten()?;
    let id = card.get_attribute("data-section")?;
    let index = ids.iter().position(|c| *c == id)?;
    Some((index, card))
}

/// Applies `action` and shows the card's new state (the only elements a card's state drives).
fn dispatch(state: &Cell<TallyState>, action: Action, card: &Element) {
    let (Action::Toggle(index) | Action::Close(index)) = action;
    let next = state.get().after(action);
    state.set(next);
    let open = next.is_open(index);
    if let Some(button) = card.query_selector(".card-btn").ok().flatten() {
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
    let details = card.query_selector(".details").ok().flatten();
    if let Some(d) = details.and_then(|d| d.dyn_into::<HtmlElement>().ok()) {
        d.set_hidden(!open);
    }
}

/// The image of the tally in `format`, at the width it has on screen.
fn image_maker(data: &Element, config: &WidgetConfig) -> ImageMaker {
    let data = data.clone();
    #[cfg(feature = "pictures")]
    let config = config.clone();
    #[cfg(not(feature = "pictures"))]
    let _ = config;
    Rc::new(move |format, done| {
        let Some(tally) = data.closest(".tally").ok().flatten() else {
            return done(false);
        };
        let width = tally.get_bounding_client_rect().width();
        #[cfg(feature = "pictures")]
        done(super::offer_image(&config, &tally, width, format));
        #[cfg(not(feature = "pictures"))]
        crate::download::request_image(&tally, format, None, (width, 0.0), done);
    })
}

/// Every figure's count-up. A figure starts at its final value, the resting frame the static
/// layer showed, so the live widget never resets a figure the reader has seen; one first
/// observed outside the viewport (nobody saw it) drops to zero and counts up once it comes in.
/// When the reader asks for reduced motion meanwhile, every figure shows its final value.
fn count_ups(section: &Element, view: &TallyView) -> Option<CountUps> {
    let shown: Vec<&FigureView> = view
        .lead
        .iter()
        .chain(view.cards.iter().filter_map(|c| c.headline.as_ref()))
        .collect();
    let list = section.query_selector_all(".fig").ok()?;
    let figures: Vec<Figure> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .zip(shown)
        .map(|(el, view)| Figure {
            el,
            view: view.clone(),
            armed: false,
            frame: None,
        })
        .collect();
    let figures = Rc::new(RefCell::new(figures));
    let seen = figures.clone();
    let on_seen: SeenCallback = Closure::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                    continue;
                };
                let target = entry.target();
                let index = seen.borrow().iter().position(|f| f.el == target);
                let Some(index) = index else {
                    continue;
                };
                let in_view = entry.is_intersecting();
                let mut all = seen.borrow_mut();
                let Some(figure) = all.get_mut(index) else {
                    continue;
                };
                if in_view {
                    // Seen: latched, so a figure counts up once and then keeps its value
                    // however often the reader scrolls past it.
                    observer.unobserve(&target);
                    if figure.armed {
                        figure.armed = false;
                        drop(all);
                        schedule(seen.clone(), index, None);
                    }
                } else if !figure.armed {
                    figure.armed = true;
                    show(figure, 0.0);
                }
            }
        },
    );
    let observer = IntersectionObserver::new(on_seen.as_ref().unchecked_ref()).ok()?;
    for f in figures.borrow().iter() {
        observer.observe(&f.el);
    }
    let on_reduced = web_sys::window()
        .and_then(|w| w.match_media(REDUCED_MOTION).ok().flatten())
        .map(|query| {
            let (all, target, observer) = (figures.clone(), query.clone(), observer.clone());
            EventListener::new(&query, "change", move |_| {
                if target.matches() {
                    observer.disconnect();
                    for f in all.borrow_mut().iter_mut() {
                        f.frame = None;
                        f.armed = false;
                        show(f, 1.0);
                    }
                }
            })
        });
    Some(CountUps {
        observer,
        figures,
        _on_seen: on_seen,
        _on_reduced: on_reduced,
    })
}

/// Shows the frame of `figure` at linear `progress` (eased here).
fn show(figure: &Figure, progress: f64) {
    let text = figure.view.frame_text(cubic_out(progress));
    let shown = figure.el.query_selector(".shown").ok().flatten();
    let doc = figure.el.owner_document();
    if let (Some(shown), Some(doc)) = (shown, doc) {
        if let Some(node) = numeral("shown", &text).build(&doc) {
            let _ = shown.replace_with_with_node_1(&node);
        }
    }
}

fn schedule(figures: Rc<RefCell<Vec<Figure>>>, index: usize, started: Option<f64>) {
    let next = figures.clone();
    let frame = request_animation_frame(move |now| {
        let start = started.unwrap_or(now);
        let t = if COUNT_UP_MS > 0.0 {
            (now - start) / COUNT_UP_MS
        } else {
            1.0
        };
        // NaN (a broken clock) ends the count-up.
        let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
        {
            let mut all = next.borrow_mut();
            let Some(figure) = all.get_mut(index) else {
                return;
            };
            show(figure, t);
            if t >= 1.0 {
                figure.frame = None;
                return;
            }
        }
        schedule(next, index, Some(start));
    });
    if let Some(figure) = figures.borrow_mut().get_mut(index) {
        figure.frame = Some(frame);
    }
}
