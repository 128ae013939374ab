//! The grid-map widget: the three areas of the demonstration zone and the 10 kV links between
//! them, completed milestone by milestone, with timeline controls, tooltips, a text
//! description and the data table.
//!
//! **SVG, not canvas.** The map is a few hundred points drawn once: as SVG paths it is crisp
//! at any device pixel ratio and zoom without redrawing, each district and link is a focusable
//! element with an accessible name, labels are real text, and the flow along the links is a
//! CSS animation of `stroke-dashoffset` that the browser runs off the main thread and that
//! `prefers-reduced-motion` switches off in the stylesheet.
//!
//! Everything shown comes from view models: the geometry and layout from `viz::map`, the
//! story (milestones, links, captions, tooltips, description, table) from
//! `viz::map::view::grid_story`, which reads the `story` facts. The CLI draws its fallback SVG
//! from the same view models.
//!
//! Size discipline (this compiles into the shared WASM): the static geography is its own
//! component that renders once; repeated SVG elements go through a few small helpers rather
//! than one `html!` per call site; path strings are `Rc<str>` shared with the attributes;
//! numbers are written by `viz::map::path` without float formatting.

mod drawing;
mod hooks;
mod scene;
pub mod state;

use crate::components::{place, tooltip, DataTable, SourceNote};
use crate::download::{offer_scene, ImageFormat};
use drawing::{draw_overlay, int, view_box, Geography, ScaleAttr};
use state::{Action, MapState, MapTimeline};
use std::rc::Rc;
use story::ui::UiText;
use story::{Lang, WidgetConfig, WidgetOptions};
use viz::chart::ChartStyle;
use viz::geo;
use viz::map::tooltip::{percent, placement, Target};
use viz::map::view::{grid_story, GridStory};
use viz::map::{self, MapPaths};
use viz::table::file_name;
use viz::timeline::{Step, Timeline};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GridMapProps {
    pub config: WidgetConfig,
}

/// The static layer's drawings: laid out for the width buckets of a phone (375 px viewport)
/// and of the demo article's column, each shown by grid_map.css's container queries on its
/// side of [`map::NARROW_BELOW`]. Between and beyond, a drawing scales with its box: the map's
/// height is proportional to its width, so the live widget's takeover moves nothing.
const STATIC_WIDTHS: [(u32, Option<&str>); 2] = [(320, Some("v-narrow")), (720, Some("v-wide"))];

/// Seconds per step, and of its entry transition.
const STEP_SECONDS: f64 = 3.0;
const ENTER_SECONDS: f64 = 1.5;

/// One timeline step per story milestone.
fn build_timeline(story: &GridStory) -> MapTimeline {
    Timeline::new(
        story
            .steps
            .iter()
            .map(|s| Step {
                id: s.id.to_owned(),
                date: s.date.clone(),
                change: s.change.clone(),
                duration: STEP_SECONDS,
                enter: ENTER_SECONDS,
            })
            .collect(),
    )
}

/// Decoded map with its path strings and the story laid over it.
pub struct Model {
    map: geo::GeoMap,
    paths: Rc<MapPaths>,
    story: GridStory,
}

/// The story's map (`map.json`) over its geometry; `None` when either is missing or broken.
fn load_model(story: &story::Story, lang: Lang) -> Option<Model> {
    let smap = story.map.as_ref()?;
    let map = geo::load(story).ok()?;
    let paths = Rc::new(map::paths(&map, smap));
    let story = grid_story(story, smap, &map, lang);
    Some(Model { map, paths, story })
}

/// The open tooltip; `pinned` by a tap or focus, so leaving with the pointer keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tip {
    target: Target,
    pinned: bool,
}

/// The target tagged (`data-tip`) on the nearest element at or above the event target.
fn target_of(e: &Event) -> Option<Target> {
    let el: Element = e.target()?.dyn_into().ok()?;
    let tagged = el.closest("[data-tip]").ok()??;
    Target::parse(&tagged.get_attribute("data-tip")?)
}

#[function_component]
pub fn GridMap(props: &GridMapProps) -> Html {
    let lang = props.config.lang;
    let (first_step, autoplay) = match &props.config.options {
        WidgetOptions::GridMap(o) => (o.step.id, o.autoplay),
        _ => ("", false),
    };
    let model = use_memo((props.config.story, lang), |&(story, lang)| {
        load_model(story, lang)
    });
    let stage = use_node_ref();
    let tip_ref = use_node_ref();
    let layer = crate::use_layer();
    let host_width = crate::use_host_width();
    // The stage's width, first estimated from the placeholder's (less the frame's padding).
    let initial = host_width.map(|w| (w - 2.0 * crate::FRAME_PADDING, 0.0));
    let width = crate::hooks::use_size(stage.clone(), initial)
        .map_or(map::DEFAULT_WIDTH, |(w, _)| map::width_bucket(w));
    // The static layer's controls are there but inert (no script would answer them): they
    // look as they will, take no focus and are left out of the accessibility tree.
    let inert = layer.is_static();
    let visibility = crate::use_visibility();
    let reduced = crate::hooks::use_reduced_motion();
    let state = {
        let model = model.clone();
        use_reducer(move || {
            let (timeline, step) = match model.as_ref() {
                Some(m) => (
                    build_timeline(&m.story),
                    m.story
                        .step_index(first_step)
                        .unwrap_or(m.story.steps.len()),
                ),
                None => (Timeline::new(Vec::new()), 0),
            };
            MapState::new(Rc::new(timeline), step)
        })
    };
    let tip = use_state_eq(|| None::<Tip>);
    hooks::use_clock(state.playing && visibility.active(), state.dispatcher());
    {
        // Tell the state about reduced motion; with autoplay, play once from the first step the
        // first time the map can be seen (never under reduced motion).
        let d = state.dispatcher();
        let done = use_mut_ref(|| false);
        let go = autoplay && !reduced && visibility.active();
        use_effect_with((reduced, go), move |&(reduced, go)| {
            d.dispatch(Action::ReducedMotion(reduced));
            if go && !*done.borrow() {
                *done.borrow_mut() = true;
                d.dispatch(Action::PlayFromStart);
            }
        });
    }
    // The live map is laid out for its measured width; the static layer for a narrow and a
    // wide box at once (CSS container queries show the one that fits, see grid_map.css).
    let widths: Vec<(u32, Option<&'static str>)> = if layer.is_static() {
        STATIC_WIDTHS.to_vec()
    } else {
        vec![(width, None)]
    };
    let layouts = {
        let model = model.clone();
        use_memo((widths, lang), move |(widths, lang)| {
            model.as_ref().as_ref().map(|m| {
                let links: Vec<map::Link> = m.story.links.iter().map(|l| l.geo).collect();
                let caps: Vec<Option<&str>> = m
                    .story
                    .links
                    .iter()
                    .map(|l| l.capacity.as_deref())
                    .collect();
                widths
                    .iter()
                    .map(|&(w, variant)| {
                        (
                            variant,
                            map::layout(&m.map, &links, &caps, f64::from(w), *lang),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let layout = layouts
        .as_ref()
        .as_ref()
        .and_then(|ls| ls.first().map(|(_, l)| l));
    // Place the open tooltip at its anchor (percent of the drawing).
    {
        let tip_ref = tip_ref.clone();
        let at = tip
            .and_then(|t| t.target.anchor(layout?))
            .map(|(x, y)| (percent(x), percent(y)));
        use_effect_with(at, move |at| {
            if let Some((x, y)) = at {
                place(&tip_ref, x, y);
            }
        });
    }

    let (Some(m), Some(l)) = (model.as_ref(), layout) else {
        return html! {
            <crate::components::ErrorBox {lang} message={UiText::MapError.get(lang)} />
        };
    };
    let story = &m.story;
    let view = state.view();
    let d = state.dispatcher();
    let act = move |a: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a))
    };
    let on_key = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            let a = match e.key().as_str() {
                " " | "Enter" => Action::TogglePlay,
                _ => return,
            };
            e.prevent_default();
            d.dispatch(a);
        })
    };
    let on_scrub_key = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            let a = match e.key().as_str() {
                "ArrowLeft" | "ArrowDown" | "PageDown" => Action::Prev,
                "ArrowRight" | "ArrowUp" | "PageUp" => Action::Next,
                "Home" => Action::First,
                "End" => Action::Last,
                _ => return,
            };
            e.prevent_default();
            d.dispatch(a);
        })
    };
    let on_scrub = {
        let d = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                d.dispatch(Action::Seek(input.value_as_number() / 1000.0));
            }
        })
    };
    let show = {
        let tip = tip.clone();
        move |pinned: bool| {
            let tip = tip.clone();
            Callback::from(move |e: Event| {
                let target = target_of(&e);
                match (target, *tip) {
                    (Some(target), _) => tip.set(Some(Tip { target, pinned })),
                    // Pointer over empty map: a pinned tooltip stays, a hover one goes.
                    (None, Some(t)) if t.pinned && !pinned => {}
                    _ => tip.set(None),
                }
            })
        }
    };
    let hover = show(false);
    let pin = show(true);
    let on_over = Callback::from(move |e: PointerEvent| hover.emit(e.into()));
    let on_click = {
        let pin = pin.clone();
        Callback::from(move |e: MouseEvent| pin.emit(e.into()))
    };
    let on_focus = Callback::from(move |e: FocusEvent| pin.emit(e.into()));
    let hide = {
        let tip = tip.clone();
        move |keep_pinned: bool| {
            let tip = tip.clone();
            Callback::from(move |_: Event| {
                if !(keep_pinned && tip.is_some_and(|t| t.pinned)) {
                    tip.set(None);
                }
            })
        }
    };
    let on_leave = {
        let h = hide(true);
        Callback::from(move |e: PointerEvent| h.emit(e.into()))
    };
    let on_blur = {
        let h = hide(false);
        Callback::from(move |e: FocusEvent| h.emit(e.into()))
    };
    let on_escape = {
        let h = hide(false);
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                h.emit(e.into());
            }
        })
    };

    // Ids are scoped to the widget's shadow root, so fixed names do not clash between widgets.
    let desc_id = AttrValue::Static("gm-desc");
    let tip_id = AttrValue::Static("gm-tip");
    // Always rendered, `closed` (invisible) when closed, so the elements before it are never
    // re-created (yew diffs unkeyed lists from the end), which would lose keyboard focus.
    let open = tip.and_then(|t| Some((t.target.anchor(l)?, t.target.text(story)?)));
    let tip_html = match open {
        Some((anchor, (heading, lines))) => {
            let [side, place] = placement(anchor, l);
            tooltip(
                classes!("gm-tip", side, place),
                Some(tip_id),
                tip_ref,
                true,
                Some(heading),
                lines,
            )
        }
        None => tooltip(
            classes!("gm-tip", "closed"),
            Some(tip_id),
            tip_ref,
            true,
            Some(String::new()),
            Vec::new(),
        ),
    };
    // The image downloads: the drawing on screen, read when asked, in the frame every widget
    // image has; named after the step shown.
    let on_image = {
        let stage = stage.clone();
        let model = model.clone();
        let config_story = props.config.story;
        let step = story.steps.get(state.view().step).map(|s| s.id);
        let size = (l.width, l.height);
        Callback::from(move |format: ImageFormat| -> bool {
            let svg = stage
                .cast::<Element>()
                .and_then(|s| s.query_selector("svg.gm-map").ok().flatten());
            let (Some(m), Some(svg)) = (model.as_ref(), svg) else {
                return false;
            };
            let scene = scene::read(&svg, size);
            let style = ChartStyle::new(crate::payments::canvas::palette(&svg));
            let image = viz::map::view::image(config_story, &m.story, size, lang, &style);
            let kind = story::WidgetKind::GridMap;
            let name = file_name(config_story, kind, step, lang, format.extension());
            offer_scene(&image, &scene, &style, format, &name).is_ok()
        })
    };
    let total_ms = (state.timeline().total() * 1000.0).round() as usize;
    let now_ms = (state.t * 1000.0).round() as usize;
    let current = story.steps.get(view.step);
    let steps = story
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            html! {
                <li><button type="button" class="gm-step" data-step={s.id} inert={inert}
                    aria-current={(i == view.step).then_some("step")}
                    onclick={act(Action::Step(i))}>{ s.date.clone() }</button></li>
            }
        })
        .collect::<Html>();
    let paused = !state.playing;
    let drawings = layouts
        .as_ref()
        .iter()
        .flatten()
        .map(|(variant, l)| {
            let zone = (state.zone_shown() >= 1.0).then_some("zone-on");
            html! {
                <svg class={classes!("gm-map", zone, *variant)} viewBox={view_box(l)} role="group"
                    aria-label={story.drawing} aria-describedby={desc_id.clone()}
                    onpointerover={on_over.clone()} onpointerleave={on_leave.clone()} onclick={on_click.clone()}
                    onfocusin={on_focus.clone()} onfocusout={on_blur.clone()}>
                    <Geography paths={m.paths.clone()} scale={l.scale_attr()} story={model.clone()} focusable={!inert} />
                    { draw_overlay(l, story, &state, !inert) }
                </svg>
            }
        })
        .collect::<Html>();
    html! {
        <>
        <figure class="gm" onkeydown={on_escape}>
            <h2 class="gm-title">{ story::ui::widget_title(props.config.story, story::WidgetKind::GridMap, lang) }</h2>
            <div class="gm-stage" ref={stage}>
                { drawings }
                { tip_html }
            </div>
            <p class="visually-hidden" id={desc_id}>{ story.description.clone() }</p>
            <div class="gm-controls">
                <button type="button" class="gm-play" inert={inert} onclick={act(Action::TogglePlay)} onkeydown={on_key}>
                    { if paused { UiText::Play.get(lang) } else { UiText::Pause.get(lang) } }
                </button>
                <input type="range" class="gm-scrub" inert={inert} min="0" max={int(total_ms)} step="10"
                    value={int(now_ms)} aria-label={UiText::Timeline.get(lang)}
                    aria-valuetext={current.map(|s| AttrValue::from(s.date.clone()))}
                    oninput={on_scrub} onkeydown={on_scrub_key} />
                <ol class="gm-steps" aria-label={UiText::Steps.get(lang)}>{ steps }</ol>
                <button type="button" class="gm-reverse" inert={inert} aria-pressed={if state.reversed { "true" } else { "false" }}
                    onclick={act(Action::ReverseFlow)}>{ "⇄ " }{ story.reverse }</button>
            </div>
            <figcaption class="gm-caption" aria-live="polite">
                { current.map(|s| s.caption.clone()).unwrap_or_default() }
            </figcaption>
        </figure>
        <DataTable table={story.table.clone()} {lang} on_image={Some(on_image)} />
        <SourceNote {lang} story={props.config.story} source={story.source} note={Some(AttrValue::from(story.attribution))} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_has_one_step_per_milestone() {
        let m = load_model(story::default_story(), Lang::Zh).unwrap();
        let tl = build_timeline(&m.story);
        let ids: Vec<&str> = tl.steps().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["2019-09", "2019-10", "2020-06"]);
        assert_eq!(tl.total(), 3.0 * STEP_SECONDS);
        assert_eq!(tl.steps()[0].change.links.len(), 2);
        assert_eq!(tl.steps()[2].date, "2020年6月30日11时许");
    }

    #[test]
    fn the_embedded_map_loads_with_the_story() {
        let m = load_model(story::default_story(), Lang::En).unwrap();
        assert_eq!(m.paths.districts.len(), 3);
        assert_eq!(m.story.links.len(), 3);
    }
}
