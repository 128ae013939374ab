//! The payments widget: what the ICBC e-payment collection code reached since its 2019 launch.
//!
//! The source reports cumulative totals only, so by default the chart shows the two points it
//! supports (zero at launch, the totals at the July 2020 report) joined by a labelled dashed
//! line; an editor may supply a real series (`series` or a same-origin `src` file). Drawn with
//! plotters on a canvas (`viz::chart`), the same code the CLI uses for its SVG fallback.

pub(crate) mod backend;
pub(crate) mod canvas;
#[cfg(feature = "ssr")]
pub(crate) mod drawing;
mod entrance;
pub mod state;

use crate::components::{error_box, place, source_note, tooltip, DataTable};
use crate::download::ImageFormat;
use crate::el::classes;
use crate::hooks::{use_reduced_motion, use_size};
use state::{Action, ChartState, Step};
use std::cell::RefCell;
use std::rc::Rc;
use story::config::Series;
#[cfg(feature = "src")]
use story::config::{series_in, SeriesFileError};
use story::format::digits::push_int;
use story::model::Metric;
use story::ui::UiText;
use story::{Lang, WidgetConfig, WidgetOptions};
use viz::chart::{layout, ChartStyle, Frame, Layout, Palette};
use viz::payments::{build_view, derived, reported, ChartView};
use web_sys::{Element, HtmlCanvasElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaymentsProps {
    pub config: WidgetConfig,
    /// What the host tells the widget (layer, visibility, width at mount); see [`crate::WidgetHost`].
    #[prop_or_default]
    pub host: crate::WidgetHost,
}

/// State of an editor's `src` file.
#[derive(Debug, Clone, PartialEq)]
// The lean module never reads one (handoff.rs in embed): `Ready` and `Failed` unused there.
#[cfg_attr(not(feature = "src"), allow(dead_code))]
enum Load {
    None,
    Loading,
    Ready(Series),
    Failed(String),
}

/// Fallback size before the first measurement (CSS pixels).
const DEFAULT_SIZE: (f64, f64) = (600.0, 375.0);

/// Below this width of the chart (CSS px) the chart box is narrow (payments.css's container
/// queries switch at the same width).
pub const NARROW_BELOW: f64 = 480.0;

/// The chart box's size for a chart `width` wide: the aspect ratios of payments.css.
pub fn box_size(width: f64) -> (f64, f64) {
    let ratio = if width < NARROW_BELOW {
        3.4 / 4.0
    } else {
        10.0 / 16.0
    };
    (width, width * ratio)
}

fn style() -> ChartStyle<'static> {
    ChartStyle::new(Palette::LIGHT)
}

/// A layout and what it was computed for. The layout depends on the view, the size and the
/// style's font size only (not on the palette), so one cache serves the drawing and the
/// pointer's hit test.
struct Drawn {
    view: Rc<ChartView>,
    size: (f64, f64),
    layout: Rc<Layout>,
}

impl Drawn {
    /// The layout of `view` at `width` x `height`: the cached one when it matches (sizes within
    /// half a pixel: the box's measured size and the canvas's bounding rectangle differ by
    /// rounding only), else a new one, cached.
    fn layout(
        cache: &RefCell<Option<Drawn>>,
        view: &Rc<ChartView>,
        width: f64,
        height: f64,
    ) -> Rc<Layout> {
        if let Some(d) = cache.borrow().as_ref() {
            let (w, h) = d.size;
            if Rc::ptr_eq(&d.view, view) && (w - width).abs() < 0.5 && (h - height).abs() < 0.5 {
                return d.layout.clone();
            }
        }
        let fresh = Rc::new(layout(view, width, height, &style()));
        *cache.borrow_mut() = Some(Drawn {
            view: view.clone(),
            size: (width, height),
            layout: fresh.clone(),
        });
        fresh
    }
}

/// Offers the image of `view` drawn at `size` (CSS px) in the colours the chart box `el` has
/// now; false when it cannot be made.
#[cfg(feature = "pictures")]
fn offer_chart(
    story: &'static story::Story,
    view: &ChartView,
    size: (f64, f64),
    el: &Element,
    lang: Lang,
    format: ImageFormat,
) -> bool {
    let mut st = style();
    st.palette = canvas::palette(el);
    let picture = viz::chart::ChartPicture::new(story, view, size, &st);
    let kind = story::WidgetKind::Payments;
    let name = viz::table::file_name(story, kind, Some(view.metric.id), lang, format.extension());
    crate::download::offer_picture(&picture, &st, format, &name).is_ok()
}

/// Offers the image of the chart configured by `config` showing the metric `metric` (an id of
/// the story's chart) at `size`, in the colours of the chart box `el` on screen: what a module
/// without the image code asks the full one for. The series is the configuration's (inline)
/// one: a chart that reads a `src` file is never drawn by such a module (embed's handoff.rs).
#[cfg(feature = "pictures")]
pub fn offer_image(
    config: &WidgetConfig,
    metric: &str,
    size: (f64, f64),
    el: &Element,
    format: ImageFormat,
) -> bool {
    let story = config.story;
    let (WidgetOptions::Payments(options), Some(chart)) = (&config.options, story.chart) else {
        return false;
    };
    let Some(metric) = chart.metric(metric) else {
        return false;
    };
    let series = options.series.as_ref().filter(|_| metric == options.metric);
    let view = build_view(story, &chart, metric, series, config.lang);
    offer_chart(story, &view, size, el, config.lang, format)
}

#[function_component]
pub fn Payments(props: &PaymentsProps) -> Html {
    let lang = props.config.lang;
    let story = props.config.story;
    // Before any hook, so the hooks below always run in the same order: a config with chart
    // options always has a story with a chart (the parser refuses anything else), so this
    // branch is the same on every render of one widget.
    let (WidgetOptions::Payments(options), Some(chart)) = (&props.config.options, story.chart)
    else {
        return error_box(lang, UiText::NotInStory.get(lang).into());
    };
    let options = options.clone();
    let state = use_reducer(|| ChartState::new(options.metric));
    let metric = state.metric;
    let load = use_state(|| {
        if options.src.is_some() {
            Load::Loading
        } else {
            Load::None
        }
    });
    let reduced = use_reduced_motion();
    // The static layer: drawn as SVG, controls disabled, nothing takes focus.
    let inert = props.host.layer.is_static();
    let progress = entrance::use_entrance(metric, reduced);

    let box_ref = use_node_ref();
    let canvas_ref = use_node_ref();
    let tip_ref = use_node_ref();

    // The editor's file, read once for the page (`src_file`): its series in the metric's unit.
    // The lean module has no `src_file`: it hands a chart with `src` to the full module before
    // mounting it (crates/embed/src/handoff.rs), so this never runs there.
    #[cfg(feature = "src")]
    {
        let load = load.clone();
        let src = options.src.clone();
        let m = options.metric;
        use_effect_with(src, move |src| {
            if let Some(src) = src.clone() {
                let address = src.clone();
                let done = move |file: crate::src_file::Loaded| {
                    let failed = |e: &SeriesFileError| Load::Failed(e.message(&src, lang));
                    load.set(match &*file {
                        Ok(f) => series_in(f, m.unit()).map_or_else(|e| failed(&e), Load::Ready),
                        Err(e) => failed(e),
                    });
                };
                crate::src_file::load(&address, Box::new(done));
            }
        });
    }

    let series: Option<Series> = if metric == options.metric {
        match (&options.series, &*load) {
            (Some(s), _) => Some(s.clone()),
            (None, Load::Ready(s)) => Some(s.clone()),
            _ => None,
        }
    } else {
        None
    };
    let view = use_memo((metric, series, lang), |(m, s, lang)| {
        build_view(story, &chart, m, s.as_ref(), *lang)
    });

    // The box's size, measured; until then the size the placeholder's width implies, so the
    // first frame is drawn at its final size even while the live root is still hidden behind
    // the static layer.
    let host_width = props.host.width;
    let size = use_size(
        box_ref.clone(),
        host_width.map(|w| box_size(w - 2.0 * crate::FRAME_PADDING)),
    );

    // The layout of the last drawing: entrance frames and pointer moves reuse it rather than
    // laying out every point again (5,000 points: a scale, a decimation and two lists each time).
    let drawn = use_mut_ref(|| None::<Drawn>);

    // Draw after every render that changes what is shown.
    {
        let drawn = drawn.clone();
        let canvas_ref = canvas_ref.clone();
        let box_ref = box_ref.clone();
        let tip_ref = tip_ref.clone();
        let view = view.clone();
        let (w, h) = size.unwrap_or(DEFAULT_SIZE);
        let frame = Frame {
            progress,
            active: state.active,
        };
        use_effect_with(
            (
                view,
                (w.to_bits(), h.to_bits()),
                progress.to_bits(),
                state.active,
            ),
            move |(view, _, _, _)| {
                let mut st = style();
                if let Some(el) = box_ref.cast::<Element>() {
                    st.palette = canvas::palette(&el);
                }
                let lay = Drawn::layout(&drawn, view, w, h);
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    if canvas::draw(&canvas, view, &lay, &st, frame) {
                        mark_first_draw();
                    }
                }
                if let Some(p) = frame.active.and_then(|i| lay.points.get(i)) {
                    place(&tip_ref, &px(p.0), &px(p.1));
                }
            },
        );
    }

    let points = view.points.len();
    let nearest = {
        let view = view.clone();
        let canvas_ref = canvas_ref.clone();
        move |client_x: i32| -> Option<usize> {
            let canvas = canvas_ref.cast::<Element>()?;
            let rect = canvas.get_bounding_client_rect();
            let lay = Drawn::layout(&drawn, &view, rect.width(), rect.height());
            lay.nearest(f64::from(client_x) - rect.left())
        }
    };
    let on_pointer = {
        let d = state.dispatcher();
        let nearest = nearest.clone();
        Callback::from(move |e: PointerEvent| d.dispatch(Action::Point(nearest(e.client_x()))))
    };
    let on_leave = {
        let d = state.dispatcher();
        Callback::from(move |_: PointerEvent| d.dispatch(Action::Leave))
    };
    let on_blur = {
        let d = state.dispatcher();
        Callback::from(move |_: FocusEvent| d.dispatch(Action::Leave))
    };
    let on_key = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let action = match Step::from_key(&key) {
                Some(step) => Action::Step { step, points },
                None if key == "Escape" => Action::Leave,
                None => return,
            };
            e.prevent_default();
            d.dispatch(action);
        })
    };

    let switch = chart.metrics.iter().map(|m: &'static Metric| {
        let checked = metric == m;
        let d = state.dispatcher();
        let onchange = Callback::from(move |_: Event| d.dispatch(Action::Metric(m)));
        html! {
            <label class="metric">
                <input type="radio" name="metric" value={m.id} checked={checked} inert={inert} {onchange} />
                <span>{ m.label.get(lang) }</span>
            </label>
        }
    });

    let tip = state.active.and_then(|i| view.points.get(i)).map(|p| {
        let edge = match state.active {
            Some(0) => "start",
            Some(i) if i + 1 == points => "end",
            _ => "middle",
        };
        // The live region announces keyboard steps; the box is for the eyes.
        tooltip(
            classes(&["tip", edge]),
            None,
            tip_ref.clone(),
            false,
            None,
            vec![p.announce.clone()],
        )
    });

    let announced = state
        .announced
        .and_then(|i| view.points.get(i))
        .map(|p| p.announce.clone())
        .unwrap_or_default();
    let error = match &*load {
        Load::Failed(message) => Some(html! { <p class="error" role="alert">{ message }</p> }),
        _ => None,
    };
    let note = match &*load {
        Load::Loading => UiText::PaymentsLoading.get(lang).to_owned(),
        _ => view.note.clone(),
    };
    let source = view.source;
    // The image downloads: the chart as shown (metric, series, size, theme), drawn when asked
    // (by the full module for every other variant: `download::request_image`).
    let on_image = {
        #[cfg(feature = "pictures")]
        let view = view.clone();
        let box_ref = box_ref.clone();
        let size = size.unwrap_or(DEFAULT_SIZE);
        Callback::from(move |(format, done): (ImageFormat, Callback<bool>)| {
            let Some(el) = box_ref.cast::<Element>() else {
                return done.emit(false);
            };
            #[cfg(feature = "pictures")]
            done.emit(offer_chart(story, &view, size, &el, lang, format));
            #[cfg(not(feature = "pictures"))]
            crate::download::request_image(&el, format, Some(metric.id), size, move |ok| {
                done.emit(ok)
            });
        })
    };

    html! {
        <div class="payments">
            <h2 class="title">{ &view.title }</h2>
            <fieldset class="metrics">
                <legend class="visually-hidden">{ UiText::PaymentsChoose.get(lang) }</legend>
                { for switch }
            </fieldset>
            { for error }
            <div class="plot" tabindex={(!inert).then_some("0")} role="group"
                aria-label={UiText::PaymentsKeys.get(lang)}
                aria-describedby="payments-desc"
                onkeydown={on_key} onblur={on_blur}
                onpointermove={on_pointer.clone()} onpointerdown={on_pointer}
                onpointerleave={on_leave}>
                <div class="chart-box" ref={box_ref}>
                    if inert {
                        { static_drawing(&view) }
                    } else {
                        <canvas ref={canvas_ref} aria-hidden="true"></canvas>
                    }
                    { for tip }
                </div>
            </div>
            <p id="payments-desc" class="visually-hidden">{ &view.description }</p>
            <p class="visually-hidden" aria-live="polite">{ announced }</p>
            { derived_figures(story, lang, inert) }
            { source_note(lang, story, source, note.into()) }
            <DataTable table={view.table.clone()} {lang} on_image={Some(on_image)} {inert} />
        </div>
    }
}

/// Figures computed from the reported totals, each with its formula on hover and focus; in
/// the static layer (`inert`) the figures show and their formula buttons are disabled.
fn derived_figures(story: &story::Story, lang: Lang, inert: bool) -> Html {
    html! {
        <div class="derived">
            <h3 class="derived-title">{ UiText::PaymentsReported.get(lang) }</h3>
            <dl class="reported">
                { for story.chart.iter().flat_map(|c| reported(c, lang)).map(|(label, value)| html! {
                    <div class="figure"><dt>{ label }</dt><dd class="total">{ value }</dd></div>
                }) }
            </dl>
            <h3 class="derived-title">{ UiText::PaymentsComputed.get(lang) }</h3>
            <dl>
                { for story.chart.iter().flat_map(|c| derived(story, c, lang)).map(|d| {
                    let id = d.id.replace('.', "-");
                    html! {
                        <div class="figure">
                            <dt>{ d.label }</dt>
                            <dd>
                                <button type="button" class="value" inert={inert} aria-describedby={id.clone()}>{ &d.value }</button>
                                <span role="tooltip" class="formula" id={id}>
                                    { UiText::PaymentsFormula.get(lang) }{ &d.formula }
                                </span>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </div>
    }
}

/// The chart's resting frame as SVG, for the static layer (native builds with `ssr`); empty
/// in the browser, which draws on the canvas instead.
fn static_drawing(view: &ChartView) -> Html {
    #[cfg(feature = "ssr")]
    {
        drawing::drawings(view).unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = view;
        Html::default()
    }
}

fn px(v: f64) -> String {
    let mut s = String::new();
    push_int(&mut s, v.round() as i64);
    s.push_str("px");
    s
}

/// A `performance.mark` once the first frame is on screen, for first-render timing.
fn mark_first_draw() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("payments-first-draw");
    }
}

/// The view the chart of the default story would show for the metric `id`, for tests.
pub fn view_for(id: &str, lang: Lang) -> Option<ChartView> {
    let story = story::default_story();
    let chart = story.chart?;
    Some(build_view(story, &chart, chart.metric(id)?, None, lang))
}
