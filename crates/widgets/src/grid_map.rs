//! The grid-map widget: the three districts of the demonstration zone and the 10 kV links
//! between them closing one after another, with timeline controls.
//!
//! **SVG, not canvas.** The map is a few hundred points drawn once: as SVG paths it is crisp
//! at any device pixel ratio and zoom without redrawing, each district is a focusable element
//! with a `<title>` that screen readers announce, labels are real text (selectable,
//! translatable, scaled with the page), and the flow along the links is a CSS animation of
//! `stroke-dashoffset` that the browser runs off the main thread and that
//! `prefers-reduced-motion` switches off in the stylesheet. Canvas would need a redraw per
//! frame and per DPR change, plus a parallel accessible DOM.
//!
//! Geometry and layout come from `viz::map` (the CLI draws its fallback SVG from the same view
//! model). The map scales with `viewBox` and `width: 100%`; labels are laid out again for the
//! measured width (40 px buckets) so they stay legible from 320 to 1200 px.
//!
//! Story facts (captions, dates, village name, the transferable load) are not typed here: the
//! caller passes `captions` and `dates`, one per timeline step.
//! TODO(lead): fill `captions` and `dates` from the `story` crate's facts when wiring it in.

mod hooks;
pub mod state;

use state::{Action, MapState, MapTimeline};
use std::rc::Rc;
use story::{Lang, WidgetConfig};
use viz::geo::{self, GeoMap};
use viz::map::{self, path::fmt1, Layout, Link, LinkAt, MapPaths};
use viz::timeline::{Step, Timeline};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GridMapProps {
    pub config: WidgetConfig,
    /// One caption per timeline step (opening frame, then each link). TODO(lead): from `story`.
    #[prop_or_default]
    pub captions: Vec<String>,
    /// One date label per step, shown on the step buttons. TODO(lead): from `story`.
    #[prop_or_default]
    pub dates: Vec<String>,
}

/// Seconds per step, and of its entry transition.
const STEP_SECONDS: f64 = 3.0;
const ENTER_SECONDS: f64 = 1.5;

/// The opening frame, then one step per link in the order they closed.
fn build_timeline(links: usize, dates: &[String]) -> MapTimeline {
    let ids = [
        "intro",
        "wujiang-qingpu",
        "qingpu-jiashan",
        "wujiang-jiashan",
    ];
    let steps = (0..=links)
        .map(|i| Step {
            id: ids.get(i).copied().unwrap_or("link").to_owned(),
            date: dates.get(i).cloned().unwrap_or_default(),
            change: i.checked_sub(1),
            duration: STEP_SECONDS,
            enter: if i == 0 { 0.0 } else { ENTER_SECONDS },
        })
        .collect();
    Timeline::new(steps)
}

/// Decoded map, its path strings and its link connectors (grid units).
struct Geo {
    map: GeoMap,
    paths: MapPaths,
    links: Vec<Link>,
}

fn load_geo() -> Result<Geo, String> {
    let map = geo::load().map_err(|e| e.to_string())?;
    let paths = map::paths(&map);
    let links = map::demo_zone_links()
        .iter()
        .filter_map(|&s| map::link_geometry(&map, s))
        .collect();
    Ok(Geo { map, paths, links })
}

struct Text {
    play: &'static str,
    pause: &'static str,
    scrubber: &'static str,
    steps: &'static str,
    reverse: &'static str,
    map: &'static str,
    error: &'static str,
}

fn text(zh: bool) -> Text {
    if zh {
        Text {
            play: "播放",
            pause: "暂停",
            scrubber: "时间轴",
            steps: "步骤",
            reverse: "反向",
            map: "示范区地图",
            error: "地图数据无法读取",
        }
    } else {
        Text {
            play: "Play",
            pause: "Pause",
            scrubber: "Timeline",
            steps: "Steps",
            reverse: "Reverse flow",
            map: "Map of the demonstration zone",
            error: "Map data could not be read",
        }
    }
}

#[function_component]
pub fn GridMap(props: &GridMapProps) -> Html {
    let zh = props.config.lang == Lang::Zh;
    let t = text(zh);
    let geo = use_memo((), |_| load_geo());
    let figure = use_node_ref();
    let width = hooks::use_width(figure.clone());
    let n_links = geo.as_ref().as_ref().map_or(0, |g| g.links.len());
    let dates = props.dates.clone();
    let state = use_reducer(move || MapState::new(Rc::new(build_timeline(n_links, &dates))));
    hooks::use_clock(state.playing, state.dispatcher());
    hooks::use_reduced_motion(state.dispatcher());
    let layout = {
        let geo = geo.clone();
        use_memo((width, zh), move |&(w, zh)| {
            geo.as_ref()
                .as_ref()
                .ok()
                .map(|g| map::layout(&g.map, &g.links, f64::from(w), zh))
        })
    };

    let body = match (geo.as_ref(), layout.as_ref()) {
        (Ok(g), Some(l)) => draw_map(g, l, &state, zh, t.map),
        (Err(e), _) => {
            html! { <p class="gm-error" role="alert">{ t.error }{ ": " }{ e.clone() }</p> }
        }
        _ => html! {},
    };

    let view = state.view();
    let on_toggle = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::TogglePlay))
    };
    let on_key = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == " " || e.key() == "Enter" {
                e.prevent_default();
                d.dispatch(Action::TogglePlay);
            }
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
    let on_reverse = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ReverseFlow))
    };
    let total_ms = (state.timeline().total() * 1000.0).round() as i64;
    let now_ms = (state.t * 1000.0).round() as i64;
    let steps = state
        .timeline()
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let d = state.dispatcher();
            let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::Step(i)));
            let label = if s.date.is_empty() {
                (i + 1).to_string()
            } else {
                s.date.clone()
            };
            let current = (i == view.step).then_some("step");
            html! {
                <li><button type="button" class="gm-step" aria-current={current} {onclick}>{ label }</button></li>
            }
        })
        .collect::<Html>();
    let caption = props.captions.get(view.step).cloned().unwrap_or_default();

    html! {
        <figure class="gm" ref={figure}>
            { body }
            <div class="gm-controls">
                <button type="button" class="gm-play" aria-pressed={if state.playing { "true" } else { "false" }}
                    onclick={on_toggle} onkeydown={on_key}>
                    { if state.playing { t.pause } else { t.play } }
                </button>
                <input type="range" class="gm-scrub" min="0" max={total_ms.to_string()} step="10"
                    value={now_ms.to_string()} aria-label={t.scrubber} oninput={on_scrub} />
                <ol class="gm-steps" aria-label={t.steps}>{ steps }</ol>
                <button type="button" class="gm-reverse" aria-pressed={if state.reversed { "true" } else { "false" }}
                    onclick={on_reverse}>{ "⇄ " }{ t.reverse }</button>
            </div>
            <figcaption class="gm-caption" aria-live="polite">{ caption }</figcaption>
            <p class="gm-credit">{ geo::attribution(zh) }</p>
        </figure>
    }
}

fn feature_paths(items: &[map::FeaturePath], zh: bool, class: &str, focus: bool) -> Html {
    items
        .iter()
        .map(|f| {
            let name = if zh { &f.name_zh } else { &f.name_en };
            let class = if f.code != 0 {
                classes!(class.to_owned(), map::slug(f.code))
            } else {
                classes!(class.to_owned())
            };
            html! {
                <path {class} d={f.d.clone()} vector-effect="non-scaling-stroke"
                    tabindex={focus.then_some("0")} data-code={(f.code != 0).then(|| f.code.to_string())}>
                    <title>{ name.clone() }</title>
                </path>
            }
        })
        .collect()
}

fn draw_map(g: &Geo, l: &Layout, state: &MapState, zh: bool, title: &'static str) -> Html {
    let view_box = {
        let mut s = String::from("0 0 ");
        s.push_str(&fmt1(l.width));
        s.push(' ');
        s.push_str(&fmt1(l.height));
        s
    };
    let mut scale = String::from("scale(");
    scale.push_str(&fixed(l.scale, 5));
    scale.push(')');
    let links = l
        .links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let shown = state.link_shown(i);
            if shown <= 0.0 {
                return html! {};
            }
            let d = map::path::polyline_px(&[link.from, link.anchor, link.to]);
            let note = map::anchor_note(link.at, zh);
            let mut dash = fixed(shown.clamp(0.0, 1.0), 3);
            dash.push_str(" 1");
            let flow = (shown >= 1.0).then(|| {
                let class = classes!("gm-flow", state.reversed.then_some("rev"));
                html! { <path {class} d={d.clone()} /> }
            });
            let junction = matches!(link.at, LinkAt::NearPlace(_)).then(|| {
                html! { <circle class="gm-junction" cx={fmt1(link.anchor[0])} cy={fmt1(link.anchor[1])} r="6" /> }
            });
            html! {
                <g class="gm-link" data-link={i.to_string()}>
                    <title>{ note }</title>
                    <path class="gm-cable" d={d.clone()} pathLength="1" stroke-dasharray={dash} />
                    { flow }
                    <circle class="gm-end" cx={fmt1(link.from[0])} cy={fmt1(link.from[1])} r="3.5" />
                    if shown >= 1.0 {
                        <circle class="gm-end" cx={fmt1(link.to[0])} cy={fmt1(link.to[1])} r="3.5" />
                    }
                    { junction }
                </g>
            }
        })
        .collect::<Html>();
    let places = l
        .places
        .iter()
        .map(|p| {
            html! {
                <circle class="gm-dot" cx={fmt1(p.x)} cy={fmt1(p.y)} r={if p.seat { "4" } else { "3" }}>
                    <title>{ p.name.clone() }</title>
                </circle>
            }
        })
        .collect::<Html>();
    let labels = l
        .labels
        .iter()
        .map(|x| {
            html! {
                <text class={x.kind.class()} x={fmt1(x.x)} y={fmt1(x.y)}
                    text-anchor={x.anchor.as_str()} font-size={fmt1(x.size)} aria-hidden="true">
                    { x.text.clone() }
                </text>
            }
        })
        .collect::<Html>();
    html! {
        <svg class="gm-map" viewBox={view_box} role="group" aria-label={title}>
            <g transform={scale}>
                { feature_paths(&g.paths.provinces, zh, "gm-prov", false) }
                { feature_paths(&g.paths.districts, zh, "gm-dist", true) }
                { feature_paths(&g.paths.lakes, zh, "gm-lake", false) }
                { feature_paths(&g.paths.borders, zh, "gm-border", false) }
            </g>
            { links }
            { places }
            { labels }
        </svg>
    }
}

/// A non-negative number with exactly `decimals` decimals, without float formatting code.
fn fixed(v: f64, decimals: u32) -> String {
    let unit = 10i64.pow(decimals);
    let n = if v.is_finite() && v > 0.0 {
        (v * unit as f64).round() as i64
    } else {
        0
    };
    let mut s = String::new();
    map::path::push_int(&mut s, n / unit);
    s.push('.');
    let mut digits = String::new();
    map::path::push_int(&mut digits, n % unit);
    for _ in digits.len()..decimals as usize {
        s.push('0');
    }
    s.push_str(&digits);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_numbers_keep_their_decimals() {
        assert_eq!(fixed(0.5, 3), "0.500");
        assert_eq!(fixed(0.0421, 3), "0.042");
        assert_eq!(fixed(1.0, 3), "1.000");
        assert_eq!(fixed(0.29296875, 5), "0.29297");
        assert_eq!(fixed(2.5, 1), "2.5");
        assert_eq!(fixed(f64::NAN, 3), "0.000");
        assert_eq!(fixed(-1.0, 2), "0.00");
    }

    #[test]
    fn the_timeline_opens_then_closes_each_link_in_turn() {
        let tl = build_timeline(3, &[]);
        let changes: Vec<Option<usize>> = tl.steps().iter().map(|s| s.change).collect();
        assert_eq!(changes, vec![None, Some(0), Some(1), Some(2)]);
        assert_eq!(tl.total(), 4.0 * STEP_SECONDS);
    }

    #[test]
    fn dates_given_by_the_caller_label_the_steps() {
        let tl = build_timeline(1, &["a".into(), "b".into()]);
        assert_eq!(tl.steps()[1].date, "b");
    }

    #[test]
    fn the_embedded_map_loads() {
        let g = load_geo().unwrap();
        assert_eq!(g.paths.districts.len(), 3);
        assert_eq!(g.links.len(), 3);
    }
}
