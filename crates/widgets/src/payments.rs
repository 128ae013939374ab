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
pub mod live;
pub mod state;
pub mod view;

use crate::components::error_box;
#[cfg(feature = "pictures")]
use crate::download::ImageFormat;
use state::ChartState;
use std::cell::RefCell;
use std::rc::Rc;
use story::config::{PaymentsOptions, Series};
use story::format::digits::push_int;
use story::model::Metric;
use story::ui::UiText;
#[cfg(any(feature = "pictures", feature = "ssr"))]
use story::WidgetOptions;
use story::{Lang, WidgetConfig};
use viz::chart::{layout, ChartStyle, Layout, Palette};
use viz::payments::{build_view, ChartView};
#[cfg(feature = "pictures")]
use web_sys::Element;

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

/// The line's entrance when the reader switches metric (ms).
pub const ENTRANCE_MS: f64 = 800.0;

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

/// The series the chart draws for `metric`: the editor's (inline, or read from its `src`
/// file), which belongs to the configured metric only.
fn series_for(options: &PaymentsOptions, metric: &'static Metric, load: &Load) -> Option<Series> {
    if metric != options.metric {
        return None;
    }
    match (&options.series, load) {
        (Some(s), _) => Some(s.clone()),
        (None, Load::Ready(s)) => Some(s.clone()),
        _ => None,
    }
}

/// How an editor's `src` file starts: being read, or none.
fn initial_load(options: &PaymentsOptions) -> Load {
    if options.src.is_some() {
        Load::Loading
    } else {
        Load::None
    }
}

/// The chart's first state (the configured metric, nothing active), its `src` file's (being
/// read, or none) and the view they show: where both layers start.
fn first_view(
    config: &WidgetConfig,
    options: &PaymentsOptions,
    chart: &story::model::Chart,
) -> (ChartState, Load, ChartView) {
    let state = ChartState::new(options.metric);
    let load = initial_load(options);
    let series = series_for(options, state.metric, &load);
    let view = build_view(
        config.story,
        chart,
        state.metric,
        series.as_ref(),
        config.lang,
    );
    (state, load, view)
}

/// What the chart shows in its current state, besides the view (see [`view::Shown`]).
fn shown<'a>(
    view: &ChartView,
    state: &ChartState,
    load: &'a Load,
    drawing: Vec<crate::dom::Node>,
    inert: bool,
) -> view::Shown<'a> {
    let lang = view.lang;
    let announced = state
        .announced
        .and_then(|i| view.points.get(i))
        .map(|p| p.announce.clone())
        .unwrap_or_default();
    view::Shown {
        metric: state.metric,
        error: match load {
            Load::Failed(message) => Some(message),
            _ => None,
        },
        note: match load {
            Load::Loading => UiText::PaymentsLoading.get(lang).into(),
            _ => view.note.clone().into(),
        },
        drawing,
        announced: announced.into(),
        inert,
    }
}

/// The chart in its frame, for both layers: `body`'s tree, or the error box when the story
/// has no chart.
pub(crate) fn framed(
    config: &WidgetConfig,
    body: Option<crate::dom::Node>,
    visibility: crate::Visibility,
    layer: crate::Layer,
) -> crate::dom::Node {
    let body = body.unwrap_or_else(|| {
        let lang = config.lang;
        error_box::error_box(lang, UiText::NotInStory.get(lang).into())
    });
    let kind = story::WidgetKind::Payments.name();
    crate::frame(
        kind,
        crate::frame_classes(config.theme, visibility, layer),
        vec![body],
    )
}

/// The chart's static layer: its frame and tree as HTML, the chart drawn as SVG, controls inert.
#[cfg(feature = "ssr")]
pub fn static_html(config: &WidgetConfig) -> Result<String, crate::Error> {
    let body = match (&config.options, config.story.chart) {
        (WidgetOptions::Payments(options), Some(chart)) => {
            let (state, load, view) = first_view(config, options, &chart);
            let drawing = drawing::drawings(&view)?;
            let shown = shown(&view, &state, &load, drawing, true);
            Some(view::payments(&view, config.story, &chart, shown))
        }
        _ => None,
    };
    let framed = framed(
        config,
        body,
        crate::Visibility::default(),
        crate::Layer::Static,
    );
    Ok(framed.to_html())
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
