//! The live grid map, without Yew: the tree of [`super::view`] built once into the page for the
//! measured width, then behaviour on it. The `state.rs` reducer decides what the clock, the
//! controls and the keys do; then only what the state drives changes: the drawing's overlay
//! (links, places, labels: rebuilt, the geography under it stays), the play button's text, the
//! scrubber, the current milestone's button, the flow toggle and the caption. The tooltip
//! follows the pointer, taps and focus. The drawing is rebuilt only when the width bucket
//! changes.
//!
//! Rebuilding the overlay (or the drawing) would drop keyboard focus from a link (or a district)
//! while the map plays: the one that had it (by its `data-tip`) takes it back, without
//! scrolling.
//!
//! Dropping a [`LiveMap`] removes its elements, stops the clock, disconnects the resize
//! observer and removes every listener.

use super::state::{Action, MapState};
use super::view::{self, MapParts};
use super::{first_state, layout_at, load_model, Model};
use crate::components::data_table::{listen, ImageMaker};
use crate::components::tooltip::place;
use crate::motion::{prefers_reduced_motion, REDUCED_MOTION};
use crate::resize::SizeObserver;
use crate::{Layer, Visibility};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use story::{Theme, WidgetConfig, WidgetOptions};
use viz::map::tooltip::{percent, Target};
use viz::map::{self, Layout};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// A grid map drawn into the page. Its elements go when it is dropped.
pub struct LiveMap {
    section: Element,
    theme: Theme,
    map: Option<Rc<Live>>,
    _listeners: Vec<EventListener>,
    resize: Option<SizeObserver>,
}

/// The map's state and the elements it changes.
struct Live {
    config: WidgetConfig,
    model: Model,
    state: RefCell<Rc<MapState>>,
    /// The open tooltip; `pinned` by a tap or focus, so leaving with the pointer keeps it.
    tip: Cell<Option<Tip>>,
    /// The width bucket laid out, and its layout.
    width: Cell<u32>,
    layout: RefCell<Layout>,
    stage: Element,
    figure: Element,
    /// The drawing, and its pointer and focus listeners (replaced with it).
    svg: RefCell<Option<Element>>,
    svg_listeners: RefCell<Vec<EventListener>>,
    /// True while the drawing or its overlay is being replaced (their focus is given back).
    rebuilding: Cell<bool>,
    visibility: Cell<Visibility>,
    clock: RefCell<Option<AnimationFrame>>,
    /// Autoplay: play once from the first step the first time the map can be seen.
    autoplay: bool,
    autoplayed: Cell<bool>,
    data: RefCell<Vec<EventListener>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tip {
    target: Target,
    pinned: bool,
}

impl Drop for LiveMap {
    fn drop(&mut self) {
        self.resize = None;
        if let Some(live) = &self.map {
            live.clock.borrow_mut().take();
            live.svg_listeners.borrow_mut().clear();
            live.data.borrow_mut().clear();
        }
        self.section.remove();
    }
}

impl LiveMap {
    /// Draws the map of `config` at the end of `parent`, laid out for a placeholder `width`
    /// wide (CSS px) until its stage is measured. `reduced_motion`: steps appear whole and
    /// nothing plays by itself, whatever the reader's setting (tests, previews); false follows
    /// `prefers-reduced-motion`. `None` when the document refuses an element.
    pub fn mount(
        parent: &Element,
        config: &WidgetConfig,
        visibility: Visibility,
        width: Option<f64>,
        reduced_motion: bool,
    ) -> Option<LiveMap> {
        let doc = parent.owner_document()?;
        let Some(model) = load_model(config.story, config.lang) else {
            let section =
                super::framed(config, None, visibility, Layer::Live).build_element(&doc)?;
            parent.append_child(&section).ok()?;
            return Some(LiveMap {
                section,
                theme: config.theme,
                map: None,
                _listeners: Vec::new(),
                resize: None,
            });
        };
        let bucket = width.map_or(map::DEFAULT_WIDTH, |w| {
            map::width_bucket(w - 2.0 * crate::FRAME_PADDING)
        });
        let reduced = reduced_motion || prefers_reduced_motion();
        let state = Rc::new(first_state(&model, config)).reduce(Action::ReducedMotion(reduced));
        let layouts = [(None, layout_at(&model, bucket, config.lang))];
        let body = view::grid_map(&MapParts {
            story: config.story,
            model: &model,
            state: &state,
            layouts: &layouts,
            tip: None,
            lang: config.lang,
            inert: false,
        });
        let [(_, layout)] = layouts;
        let section =
            super::framed(config, Some(body), visibility, Layer::Live).build_element(&doc)?;
        let find = |selector: &str| section.query_selector(selector).ok().flatten();
        let (figure, stage) = (find(".gm")?, find(".gm-stage")?);
        let svg = find("svg.gm-map");
        let autoplay = matches!(&config.options, WidgetOptions::GridMap(o) if o.autoplay);
        let live = Rc::new(Live {
            config: config.clone(),
            model,
            state: RefCell::new(state),
            tip: Cell::new(None),
            width: Cell::new(bucket),
            layout: RefCell::new(layout),
            stage,
            figure,
            svg: RefCell::new(svg),
            svg_listeners: RefCell::new(Vec::new()),
            rebuilding: Cell::new(false),
            visibility: Cell::new(visibility),
            clock: RefCell::new(None),
            autoplay,
            autoplayed: Cell::new(false),
            data: RefCell::new(Vec::new()),
        });
        live.listen_to_svg();
        let mut listeners = controls(&live);
        if let Some(data) = find(".data") {
            let table = &live.model.story.table;
            let image = live.image_maker();
            *live.data.borrow_mut() = listen(&data, table, config.lang, image);
        }
        if !reduced_motion {
            listeners.extend(follow_reduced_motion(&live));
        }
        parent.append_child(&section).ok()?;
        let resize = observe_width(&live);
        live.maybe_autoplay();
        Some(LiveMap {
            section,
            theme: config.theme,
            map: Some(live),
            _listeners: listeners,
            resize,
        })
    }

    /// Follows the page's theme (the frame's classes) and the widget's visibility: the clock
    /// runs only while the map can be seen, and autoplay waits for the first time it can.
    pub fn update(&mut self, theme: Theme, visibility: Visibility) {
        self.theme = theme;
        crate::restyle_frame(&self.section, theme, visibility, Layer::Live);
        if let Some(live) = &self.map {
            live.visibility.set(visibility);
            live.run_clock();
            live.maybe_autoplay();
        }
    }
}

impl Live {
    fn state(&self) -> Rc<MapState> {
        self.state.borrow().clone()
    }

    /// Applies `action` and shows what it changed.
    fn dispatch(self: &Rc<Self>, action: Action) {
        let before = self.state();
        let after = before.clone().reduce(action);
        if Rc::ptr_eq(&before, &after) {
            return;
        }
        *self.state.borrow_mut() = after.clone();
        self.show_state(&after);
        if after.playing != before.playing {
            self.run_clock();
        }
    }

    /// The overlay, the controls and the caption for `state`.
    fn show_state(&self, state: &MapState) {
        let lang = self.config.lang;
        let story = &self.model.story;
        self.draw_overlay(state);
        let find = |selector: &str| self.figure.query_selector(selector).ok().flatten();
        // This runs on every clock tick: each write is skipped when nothing changed.
        if let Some(play) = find(".gm-play") {
            set_text(&play, view::play_label(state, lang));
        }
        let current = state.view().step;
        if let Some(scrub) = find(".gm-scrub").and_then(|s| s.dyn_into::<HtmlInputElement>().ok()) {
            let now_ms = (state.t * 1000.0).round() as usize;
            scrub.set_value(&view::int(now_ms));
            let date = story.steps.get(current).map(|s| s.date.as_str());
            set_attribute(&scrub, "aria-valuetext", date);
        }
        let steps = self.figure.query_selector_all(".gm-step").ok();
        for i in 0..steps.as_ref().map_or(0, |s| s.length()) {
            let step = steps
                .as_ref()
                .and_then(|s| s.item(i)?.dyn_into::<Element>().ok());
            if let Some(step) = step {
                let value = (i as usize == current).then_some("step");
                set_attribute(&step, "aria-current", value);
            }
        }
        if let Some(reverse) = find(".gm-reverse") {
            let pressed = if state.reversed { "true" } else { "false" };
            set_attribute(&reverse, "aria-pressed", Some(pressed));
        }
        if let Some(caption) = find(".gm-caption") {
            set_text(
                &caption,
                story.steps.get(current).map_or("", |s| s.caption.as_str()),
            );
        }
    }

    /// The drawing's overlay for `state`, in place of the one shown; a link that had keyboard
    /// focus takes it back.
    fn draw_overlay(&self, state: &MapState) {
        let Some(svg) = self.svg.borrow().clone() else {
            return;
        };
        let Some(doc) = svg.owner_document() else {
            return;
        };
        let focused = self.focused_target();
        // Removing a focused link fires `focusout` at once: not the reader letting go.
        self.rebuilding.set(true);
        while let Some(last) = svg.last_element_child() {
            if svg.first_element_child().as_ref() == Some(&last) {
                break;
            }
            last.remove();
        }
        self.rebuilding.set(false);
        let layout = self.layout.borrow();
        for node in view::overlay(&layout, &self.model.story, state, true) {
            if let Some(built) = node.build_svg(&doc) {
                let _ = svg.append_child(&built);
            }
        }
        set_attribute(&svg, "class", view::svg_classes(state, None).as_deref());
        if let Some(tip) = focused {
            refocus(&svg, &tip);
        }
    }

    /// The `data-tip` of the district or link that has keyboard focus, if one has.
    fn focused_target(&self) -> Option<String> {
        let root = self.stage.get_root_node();
        let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.active_element(),
            None => self.stage.owner_document()?.active_element(),
        }?;
        active
            .closest("[data-tip]")
            .ok()
            .flatten()?
            .get_attribute("data-tip")
    }

    /// The drawing for a new width bucket, with its listeners.
    fn redraw(self: &Rc<Self>) {
        let state = self.state();
        let layout = layout_at(&self.model, self.width.get(), self.config.lang);
        let parts = MapParts {
            story: self.config.story,
            model: &self.model,
            state: &state,
            layouts: &[],
            tip: None,
            lang: self.config.lang,
            inert: false,
        };
        let svg = view::svg(&parts, &layout, None);
        *self.layout.borrow_mut() = layout;
        let old = self.svg.borrow().clone();
        let doc = self.stage.owner_document();
        let focused = self.focused_target();
        if let (Some(old), Some(new)) = (old, doc.and_then(|d| svg.build_element(&d))) {
            // The new drawing goes in before the old one goes: removing a focused element fires
            // `focusout` at once, whose handlers may change the stage meanwhile (a `replaceWith`
            // then throws, leaving no drawing at all; seen in a component test).
            self.svg_listeners.borrow_mut().clear();
            let _ = self.stage.insert_before(&new, Some(&old));
            self.rebuilding.set(true);
            old.remove();
            self.rebuilding.set(false);
            *self.svg.borrow_mut() = Some(new.clone());
            self.listen_to_svg();
            self.show_tip();
            if let Some(tip) = focused {
                refocus(&new, &tip);
            }
        }
    }

    /// The tooltip for the open target, placed at its anchor (percent of the drawing).
    fn show_tip(&self) {
        let layout = self.layout.borrow();
        let target = self.tip.get().map(|t| t.target);
        let tip = view::tip(target, Some(&layout), &self.model.story);
        let old = self.stage.query_selector(".gm-tip").ok().flatten();
        let doc = self.stage.owner_document();
        let (Some(old), Some(new)) = (old, doc.and_then(|d| tip.build_element(&d))) else {
            return;
        };
        if let Some((x, y)) = target.and_then(|t| t.anchor(&layout)) {
            place(&new, &percent(x), &percent(y));
        }
        let _ = old.replace_with_with_node_1(&new);
    }

    fn set_tip(&self, tip: Option<Tip>) {
        if tip != self.tip.get() {
            self.tip.set(tip);
            self.show_tip();
        }
    }

    /// Shows the target under `event` (pinned for a tap or focus); over empty map a pinned
    /// tooltip stays and a hover one goes.
    fn point(&self, event: &web_sys::Event, pinned: bool) {
        match (target_of(event), self.tip.get()) {
            (Some(target), _) => self.set_tip(Some(Tip { target, pinned })),
            (None, Some(t)) if t.pinned && !pinned => {}
            _ => self.set_tip(None),
        }
    }

    /// Hides the tooltip, but one pinned when `keep_pinned`.
    fn hide(&self, keep_pinned: bool) {
        if !(keep_pinned && self.tip.get().is_some_and(|t| t.pinned)) {
            self.set_tip(None);
        }
    }

    /// The drawing's pointer and focus: hover shows a district's or a link's tooltip, a tap or
    /// focus pins it, leaving or blurring lets go.
    fn listen_to_svg(self: &Rc<Self>) {
        let Some(svg) = self.svg.borrow().clone() else {
            return;
        };
        let on = |name: &'static str, f: fn(&Live, &web_sys::Event)| {
            let weak = Rc::downgrade(self);
            EventListener::new(&svg, name, move |e| {
                if let Some(live) = weak.upgrade() {
                    f(&live, e);
                }
            })
        };
        *self.svg_listeners.borrow_mut() = vec![
            on("pointerover", |l, e| l.point(e, false)),
            on("click", |l, e| l.point(e, true)),
            on("focusin", |l, e| l.point(e, true)),
            on("pointerleave", |l, _| l.hide(true)),
            on("focusout", |l, _| {
                if !l.rebuilding.get() {
                    l.hide(false);
                }
            }),
        ];
    }

    /// Runs the clock while the map plays and can be seen, stops it otherwise.
    fn run_clock(self: &Rc<Self>) {
        let run = self.state().playing && self.visibility.get().active();
        if !run {
            self.clock.borrow_mut().take();
        } else if self.clock.borrow().is_none() {
            tick(Rc::downgrade(self), None);
        }
    }

    /// Autoplay, once, the first time the map can be seen (never under reduced motion).
    fn maybe_autoplay(self: &Rc<Self>) {
        let go = self.autoplay && !self.state().reduced_motion && self.visibility.get().active();
        if go && !self.autoplayed.replace(true) {
            self.dispatch(Action::PlayFromStart);
        }
    }

    /// The image downloads: the drawing on screen, read when asked, in the frame every widget
    /// image has; named after the step shown (drawn by the full module for every other
    /// variant: `download::request_image`).
    fn image_maker(self: &Rc<Self>) -> ImageMaker {
        let weak = Rc::downgrade(self);
        Rc::new(move |format, done| {
            let Some(live) = weak.upgrade() else {
                return done(false);
            };
            let Some(svg) = live.svg.borrow().clone() else {
                return done(false);
            };
            let state = live.state();
            let step = live.model.story.steps.get(state.view().step).map(|s| s.id);
            let size = {
                let l = live.layout.borrow();
                (l.width, l.height)
            };
            #[cfg(feature = "pictures")]
            {
                let (story, lang) = (live.config.story, live.config.lang);
                done(super::offer_drawing(
                    story,
                    &live.model,
                    step,
                    &svg,
                    size,
                    lang,
                    format,
                ));
            }
            #[cfg(not(feature = "pictures"))]
            crate::download::request_image(&svg, format, step, size, done);
        })
    }
}

/// Sets (or, for `None`, removes) the attribute `name` of `el` unless it already has that value.
fn set_attribute(el: &Element, name: &str, value: Option<&str>) {
    if el.get_attribute(name).as_deref() == value {
        return;
    }
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Sets the text of `el` unless it already has it.
fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Gives keyboard focus back to the district or link `tip` (its `data-tip`) in `svg`, rebuilt,
/// without scrolling.
fn refocus(svg: &Element, tip: &str) {
    let selector = ["[data-tip=\"", tip, "\"]"].concat();
    let target = svg.query_selector(&selector).ok().flatten();
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// The target tagged (`data-tip`) on the nearest element at or above the event's target.
fn target_of(e: &web_sys::Event) -> Option<Target> {
    let el: Element = e.target()?.dyn_into().ok()?;
    let tagged = el.closest("[data-tip]").ok()??;
    Target::parse(&tagged.get_attribute("data-tip")?)
}

/// One frame of the clock: the time since the last frame, then the next frame while playing.
fn tick(live: Weak<Live>, last: Option<f64>) {
    let Some(strong) = live.upgrade() else {
        return;
    };
    let frame = request_animation_frame(move |now| {
        let Some(this) = live.upgrade() else {
            return;
        };
        this.clock.borrow_mut().take();
        if let Some(last) = last {
            this.dispatch(Action::Tick((now - last) / 1000.0));
        }
        if this.state().playing && this.visibility.get().active() {
            tick(live, Some(now));
        }
    });
    *strong.clock.borrow_mut() = Some(frame);
}

/// The controls: play (Space and Enter toggle it and are not also a click), the scrubber (arrow
/// keys, Page Up/Down, Home and End step through the milestones), a milestone's button, the
/// flow's direction; Escape anywhere in the figure closes the tooltip.
fn controls(live: &Rc<Live>) -> Vec<EventListener> {
    let figure = &live.figure;
    let find = |selector: &str| figure.query_selector(selector).ok().flatten();
    let active = EventListenerOptions::enable_prevent_default();
    let mut listeners = Vec::with_capacity(7);
    let action_on = |el: &Element, action: Action| {
        let live = live.clone();
        EventListener::new(el, "click", move |_| live.dispatch(action))
    };
    if let Some(play) = find(".gm-play") {
        listeners.push(action_on(&play, Action::TogglePlay));
        let l = live.clone();
        listeners.push(EventListener::new_with_options(
            &play,
            "keydown",
            active,
            move |e| {
                let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                if matches!(key.as_deref(), Some(" " | "Enter")) {
                    e.prevent_default();
                    l.dispatch(Action::TogglePlay);
                }
            },
        ));
    }
    if let Some(reverse) = find(".gm-reverse") {
        listeners.push(action_on(&reverse, Action::ReverseFlow));
    }
    if let Some(scrub) = find(".gm-scrub") {
        let l = live.clone();
        listeners.push(EventListener::new(&scrub, "input", move |e| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            if let Some(input) = input {
                l.dispatch(Action::Seek(input.value_as_number() / 1000.0));
            }
        }));
        let l = live.clone();
        listeners.push(EventListener::new_with_options(
            &scrub,
            "keydown",
            active,
            move |e| {
                let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                let action = match key.as_deref() {
                    Some("ArrowLeft" | "ArrowDown" | "PageDown") => Action::Prev,
                    Some("ArrowRight" | "ArrowUp" | "PageUp") => Action::Next,
                    Some("Home") => Action::First,
                    Some("End") => Action::Last,
                    _ => return,
                };
                e.prevent_default();
                l.dispatch(action);
            },
        ));
    }
    if let Some(steps) = find(".gm-steps") {
        let l = live.clone();
        listeners.push(EventListener::new(&steps, "click", move |e| {
            let button = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".gm-step").ok().flatten());
            let id = button.and_then(|b| b.get_attribute("data-step"));
            if let Some(i) = id.and_then(|id| l.model.story.step_index(&id)) {
                l.dispatch(Action::Step(i));
            }
        }));
    }
    let l = live.clone();
    listeners.push(EventListener::new(figure, "keydown", move |e| {
        let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
        if key.as_deref() == Some("Escape") {
            l.hide(false);
        }
    }));
    listeners
}

/// Follows the reader's motion setting while the map is shown.
fn follow_reduced_motion(live: &Rc<Live>) -> Option<EventListener> {
    let query = web_sys::window()?.match_media(REDUCED_MOTION).ok()??;
    let (live, target) = (live.clone(), query.clone());
    Some(EventListener::new(&query, "change", move |_| {
        live.dispatch(Action::ReducedMotion(target.matches()));
    }))
}

/// Measures the stage as the browser lays it out and lays the map out again when its width
/// bucket changes.
fn observe_width(live: &Rc<Live>) -> Option<SizeObserver> {
    let weak = Rc::downgrade(live);
    crate::resize::observe(&live.stage, move |width, _| {
        let Some(live) = weak.upgrade() else {
            return;
        };
        let bucket = map::width_bucket(width);
        if bucket != live.width.replace(bucket) {
            live.redraw();
        }
    })
}
