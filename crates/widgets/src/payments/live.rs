//! The live payments chart, without Yew: the tree of [`super::view`] built once into the page
//! with a canvas in its chart box, then behaviour on it. The `state.rs` reducer decides what
//! the pointer, the arrow keys, Escape and the metric switch do; what changes then is drawn and
//! nothing else: the canvas and the tooltip for the point the reader is on, the live region
//! for a keyboard step, and for another metric (or the editor's `src` file once read) the
//! parts that show the view: title, description, source note, data table, error line.
//!
//! Dropping a [`LivePayments`] removes its elements, disconnects its resize observer, cancels
//! the entrance's pending frame and removes every listener; a `src` file answered later finds
//! the chart gone and does nothing.

use super::state::{Action, ChartState, Step};
use super::view::{self, Shown};
use super::{box_size, canvas, series_for, shown, style, Drawn, Load, DEFAULT_SIZE};
use crate::components::data_table::{data_table, listen, ImageMaker};
use crate::components::source_note::source_note;
use crate::dom::Node;
use crate::resize::SizeObserver;
use crate::{Layer, Visibility};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use story::config::PaymentsOptions;
use story::model::Chart;
use story::{Theme, WidgetConfig, WidgetOptions};
use viz::chart::Frame;
use viz::easing::cubic_out;
use viz::payments::{build_view, ChartView};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

/// A payments chart drawn into the page. Its elements go when it is dropped.
pub struct LivePayments {
    section: Element,
    theme: Theme,
    visibility: Visibility,
    chart: Option<Rc<Live>>,
    _listeners: Vec<EventListener>,
    resize: Option<SizeObserver>,
}

/// The chart's state and the elements it changes.
struct Live {
    config: WidgetConfig,
    options: PaymentsOptions,
    chart: Chart,
    /// The `.payments` element (what the view's parts are looked up in).
    root: Element,
    chart_box: Element,
    canvas: HtmlCanvasElement,
    state: RefCell<ChartState>,
    load: RefCell<Load>,
    view: RefCell<Rc<ChartView>>,
    /// The chart box's size (CSS px), measured; before that, the one the host's width implies.
    size: Cell<Option<(f64, f64)>>,
    /// The layout of the last drawing, reused by entrance frames and the pointer.
    drawn: RefCell<Option<Drawn>>,
    /// The line's entrance, 0 -> 1 (1: the whole line).
    progress: Cell<f64>,
    entrance: RefCell<Option<AnimationFrame>>,
    /// The data table's listeners, replaced with the table.
    data: RefCell<Vec<EventListener>>,
    /// Every figure at its final value, whatever the reader's setting (tests, previews).
    reduced_motion: bool,
}

impl Drop for LivePayments {
    fn drop(&mut self) {
        self.resize = None;
        if let Some(live) = &self.chart {
            live.entrance.borrow_mut().take();
            live.data.borrow_mut().clear();
        }
        self.section.remove();
    }
}

impl LivePayments {
    /// Draws the chart of `config` at the end of `parent`, laid out for a placeholder `width`
    /// wide (CSS px) until its box is measured. `reduced_motion`: no entrance, whatever the
    /// reader's setting (tests, previews); false follows `prefers-reduced-motion`. `None` when
    /// the document refuses an element.
    pub fn mount(
        parent: &Element,
        config: &WidgetConfig,
        visibility: Visibility,
        width: Option<f64>,
        reduced_motion: bool,
    ) -> Option<LivePayments> {
        let doc = parent.owner_document()?;
        let (WidgetOptions::Payments(options), Some(chart)) = (&config.options, config.story.chart)
        else {
            let framed = super::framed(config, None, visibility, Layer::Live);
            let section = framed.build_element(&doc)?;
            parent.append_child(&section).ok()?;
            return Some(LivePayments {
                section,
                theme: config.theme,
                visibility,
                chart: None,
                _listeners: Vec::new(),
                resize: None,
            });
        };
        let (state, load, view) = super::first_view(config, options, &chart);
        let canvas = crate::dom::el("canvas", [("aria-hidden", crate::dom::v("true"))], vec![]);
        let shown = shown(&view, &state, &load, vec![canvas], false);
        let body = view::payments(&view, config.story, &chart, shown);
        let framed = super::framed(config, Some(body), visibility, Layer::Live);
        let section = framed.build_element(&doc)?;
        let find = |selector: &str| section.query_selector(selector).ok().flatten();
        let root = find(".payments")?;
        let chart_box = find(".chart-box")?;
        let plot = find(".plot")?;
        let fieldset = find(".metrics")?;
        let canvas = find("canvas")?.dyn_into::<HtmlCanvasElement>().ok()?;
        let live = Rc::new(Live {
            config: config.clone(),
            options: options.clone(),
            chart,
            root,
            chart_box,
            canvas,
            state: RefCell::new(state),
            load: RefCell::new(load),
            view: RefCell::new(Rc::new(view)),
            size: Cell::new(width.map(|w| box_size(w - 2.0 * crate::FRAME_PADDING))),
            drawn: RefCell::new(None),
            progress: Cell::new(1.0),
            entrance: RefCell::new(None),
            data: RefCell::new(Vec::new()),
            reduced_motion,
        });
        live.listen_to_data();
        let mut listeners = plot_listeners(&plot, &live);
        listeners.push(metric_switch(&fieldset, &live));
        parent.append_child(&section).ok()?;
        let resize = observe_size(&live);
        live.draw();
        #[cfg(feature = "src")]
        read_src(&live);
        Some(LivePayments {
            section,
            theme: config.theme,
            visibility,
            chart: Some(live),
            _listeners: listeners,
            resize,
        })
    }

    /// Follows the page's theme (the frame's classes, and the canvas redrawn in its colours)
    /// and the widget's visibility.
    pub fn update(&mut self, theme: Theme, visibility: Visibility) {
        if (theme, visibility.active()) == (self.theme, self.visibility.active()) {
            return;
        }
        let recolour = theme != self.theme;
        self.theme = theme;
        self.visibility = visibility;
        crate::restyle_frame(&self.section, theme, visibility, Layer::Live);
        if let Some(live) = self.chart.as_ref().filter(|_| recolour) {
            live.draw();
        }
    }
}

impl Live {
    /// Draws the current frame on the canvas and places the tooltip at the point the reader is
    /// on.
    fn draw(&self) {
        let mut st = style();
        st.palette = canvas::palette(&self.chart_box);
        let view = self.view.borrow().clone();
        let (w, h) = self.size.get().unwrap_or(DEFAULT_SIZE);
        let layout = Drawn::layout(&self.drawn, &view, w, h);
        let active = self.state.borrow().active;
        let frame = Frame {
            progress: self.progress.get(),
            active,
        };
        if canvas::draw(&self.canvas, &view, &layout, &st, frame) {
            super::mark_first_draw();
        }
        let tip = self.chart_box.query_selector(".tip").ok().flatten();
        if let (Some(tip), Some(p)) = (tip, active.and_then(|i| layout.points.get(i))) {
            crate::components::tooltip::place(&tip, &super::px(p.0), &super::px(p.1));
        }
    }

    /// Applies `action` and shows what it changed.
    fn dispatch(self: &Rc<Self>, action: Action) {
        let before = self.state.borrow().clone();
        let after = before.after(action);
        if after == before {
            return;
        }
        *self.state.borrow_mut() = after.clone();
        if after.metric != before.metric {
            self.show_view(true);
            return;
        }
        if after.announced != before.announced {
            self.announce();
        }
        self.show_tip();
        self.draw();
    }

    /// Builds the view for the current metric and series, shows its parts, and draws it (with
    /// the line's entrance when `enter`).
    fn show_view(self: &Rc<Self>, enter: bool) {
        let config = &self.config;
        let (story, lang) = (config.story, config.lang);
        let state = self.state.borrow().clone();
        let series = series_for(&self.options, state.metric, &self.load.borrow());
        let view = Rc::new(build_view(
            story,
            &self.chart,
            state.metric,
            series.as_ref(),
            lang,
        ));
        *self.view.borrow_mut() = view.clone();
        {
            let load = self.load.borrow();
            let shown: Shown = shown(&view, &state, &load, vec![], false);
            self.replace(".title", &view::title(&view));
            self.replace(
                &["#", view::DESCRIPTION_ID].concat(),
                &view::description(&view),
            );
            let note = source_note(lang, story, view.source, shown.note);
            self.replace(".source", &note);
            let error = self.root.query_selector(".error").ok().flatten();
            match (shown.error, error) {
                (Some(message), Some(e)) => e.set_text_content(Some(message)),
                (Some(message), None) => {
                    let plot = self.root.query_selector(".plot").ok().flatten();
                    let doc = self.root.owner_document();
                    if let (Some(plot), Some(doc)) = (plot, doc) {
                        if let Some(node) = view::error(message).build(&doc) {
                            let _ = self.root.insert_before(&node, Some(&plot));
                        }
                    }
                }
                (None, Some(e)) => e.remove(),
                (None, None) => {}
            }
        }
        self.replace(".data", &data_table(&view.table, lang, false));
        self.listen_to_data();
        self.announce();
        self.show_tip();
        if enter && !self.reduced_motion && !crate::motion::prefers_reduced_motion() {
            self.progress.set(0.0);
            enter_frame(Rc::downgrade(self), None);
        } else {
            self.entrance.borrow_mut().take();
            self.progress.set(1.0);
            self.draw();
        }
    }

    /// Replaces the first element matching `selector` with `node` built.
    fn replace(&self, selector: &str, node: &Node) {
        let old = self.root.query_selector(selector).ok().flatten();
        let doc = self.root.owner_document();
        if let (Some(old), Some(doc)) = (old, doc) {
            if let Some(new) = node.build(&doc) {
                let _ = old.replace_with_with_node_1(&new);
            }
        }
    }

    /// The data table's buttons, on the table shown now.
    fn listen_to_data(self: &Rc<Self>) {
        let Some(data) = self.root.query_selector(".data").ok().flatten() else {
            return;
        };
        let table = self.view.borrow().table.clone();
        let listeners = listen(&data, &table, self.config.lang, self.image_maker());
        *self.data.borrow_mut() = listeners;
    }

    /// The image downloads: the chart as shown (metric, series, size, theme), drawn when
    /// asked (by the full module for every other variant: `download::request_image`).
    fn image_maker(self: &Rc<Self>) -> ImageMaker {
        let weak = Rc::downgrade(self);
        Rc::new(move |format, done| {
            let Some(live) = weak.upgrade() else {
                return done(false);
            };
            let view = live.view.borrow().clone();
            let size = live.size.get().unwrap_or(DEFAULT_SIZE);
            let el = &live.chart_box;
            #[cfg(feature = "pictures")]
            {
                let (story, lang) = (live.config.story, live.config.lang);
                done(super::offer_chart(story, &view, size, el, lang, format));
            }
            #[cfg(not(feature = "pictures"))]
            crate::download::request_image(el, format, Some(view.metric.id), size, done);
        })
    }

    /// The live region: the point the last keyboard step reached.
    fn announce(&self) {
        let view = self.view.borrow();
        let announced = self.state.borrow().announced;
        let text = announced
            .and_then(|i| view.points.get(i))
            .map(|p| p.announce.as_str());
        let region = self.root.query_selector("[aria-live]").ok().flatten();
        if let Some(region) = region {
            region.set_text_content(Some(text.unwrap_or_default()));
        }
    }

    /// The tooltip over the point the reader is on (none when none is); `draw` places it.
    fn show_tip(&self) {
        if let Some(old) = self.chart_box.query_selector(".tip").ok().flatten() {
            old.remove();
        }
        let view = self.view.borrow();
        let active = self.state.borrow().active;
        let Some(point) = active.and_then(|i| view.points.get(i)) else {
            return;
        };
        let edge = match active {
            Some(0) => "start",
            Some(i) if i + 1 == view.points.len() => "end",
            _ => "middle",
        };
        let doc = self.chart_box.owner_document();
        if let Some(tip) = doc.and_then(|d| view::tip(&point.announce, edge).build(&d)) {
            let _ = self.chart_box.append_child(&tip);
        }
    }

    /// The point nearest the pointer's column at `client_x`.
    fn nearest(&self, client_x: i32) -> Option<usize> {
        let rect = self.canvas.get_bounding_client_rect();
        let view = self.view.borrow().clone();
        let layout = Drawn::layout(&self.drawn, &view, rect.width(), rect.height());
        layout.nearest(f64::from(client_x) - rect.left())
    }
}

/// One frame of the line's entrance (0 -> 1 over `entrance::DURATION_MS`, eased), and the next.
fn enter_frame(live: Weak<Live>, started: Option<f64>) {
    let Some(strong) = live.upgrade() else {
        return;
    };
    let frame = request_animation_frame(move |now| {
        let Some(this) = live.upgrade() else {
            return;
        };
        let start = started.unwrap_or(now);
        let t = (now - start) / super::ENTRANCE_MS;
        // NaN (a broken clock) ends the entrance.
        let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
        this.progress.set(cubic_out(t));
        this.draw();
        if t < 1.0 {
            enter_frame(live.clone(), Some(start));
        } else {
            this.entrance.borrow_mut().take();
        }
    });
    *strong.entrance.borrow_mut() = Some(frame);
}

/// The plot's pointer and keyboard: the nearest point under the pointer, arrow keys, Home and
/// End step through the points (announced), Escape, blur and the pointer leaving let go.
fn plot_listeners(plot: &Element, live: &Rc<Live>) -> Vec<EventListener> {
    let on_point = |live: Rc<Live>| {
        move |e: &web_sys::Event| {
            if let Some(p) = e.dyn_ref::<web_sys::PointerEvent>() {
                let point = live.nearest(p.client_x());
                live.dispatch(Action::Point(point));
            }
        }
    };
    let on_leave = |live: Rc<Live>| move |_: &web_sys::Event| live.dispatch(Action::Leave);
    let l = live.clone();
    // Not passive (gloo's default): the keys the chart uses do not also scroll the page.
    let active = EventListenerOptions::enable_prevent_default();
    let on_key = EventListener::new_with_options(plot, "keydown", active, move |e| {
        let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
            return;
        };
        let points = l.view.borrow().points.len();
        let action = match Step::from_key(&key) {
            Some(step) => Action::Step { step, points },
            None if key == "Escape" => Action::Leave,
            None => return,
        };
        e.prevent_default();
        l.dispatch(action);
    });
    vec![
        EventListener::new(plot, "pointermove", on_point(live.clone())),
        EventListener::new(plot, "pointerdown", on_point(live.clone())),
        EventListener::new(plot, "pointerleave", on_leave(live.clone())),
        EventListener::new(plot, "blur", on_leave(live.clone())),
        on_key,
    ]
}

/// The metric switch: the chosen metric's line is drawn, entering.
fn metric_switch(fieldset: &Element, live: &Rc<Live>) -> EventListener {
    let live = live.clone();
    EventListener::new(fieldset, "change", move |e| {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        let id = target.and_then(|t| t.get_attribute("value"));
        if let Some(metric) = id.and_then(|id| live.chart.metric(&id)) {
            live.dispatch(Action::Metric(metric));
        }
    })
}

/// Measures the chart box as the browser lays it out and redraws at each new size.
fn observe_size(live: &Rc<Live>) -> Option<SizeObserver> {
    let weak = Rc::downgrade(live);
    crate::resize::observe(&live.chart_box, move |w, h| {
        if let Some(live) = weak.upgrade().filter(|l| l.size.get() != Some((w, h))) {
            live.size.set(Some((w, h)));
            live.draw();
        }
    })
}

/// The editor's file, read once for the page (`src_file`): its series in the metric's unit,
/// or a message saying what is wrong with it. The lean module has no `src_file`: it hands a
/// chart with `src` to the full module before mounting it (crates/embed/src/handoff.rs).
#[cfg(feature = "src")]
fn read_src(live: &Rc<Live>) {
    use story::config::series_in;
    let Some(src) = live.options.src.clone() else {
        return;
    };
    let weak = Rc::downgrade(live);
    let (unit, lang) = (live.options.metric.unit(), live.config.lang);
    let done = move |file: crate::src_file::Loaded| {
        let Some(live) = weak.upgrade() else {
            return;
        };
        let failed = |e: &story::config::SeriesFileError| Load::Failed(e.message(&src, lang));
        let load = match &*file {
            Ok(f) => series_in(f, unit).map_or_else(|e| failed(&e), Load::Ready),
            Err(e) => failed(e),
        };
        *live.load.borrow_mut() = load;
        live.show_view(false);
    };
    let address = live.options.src.clone().unwrap_or_default();
    crate::src_file::load(&address, Box::new(done));
}
