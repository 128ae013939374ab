//! Component tests of the grid map in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::panic)]

use story::config::GridMapOptions;
use story::{Lang, WidgetConfig, WidgetKind, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use widgets::grid_map::live::LiveMap;
use widgets::Visibility;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a map at the milestone `step`: its box, and the map (which goes when dropped).
async fn mount_at(lang: Lang, step: &str) -> (Element, LiveMap) {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let step = story::default_story().map.unwrap().milestone(step).unwrap();
    let config = WidgetConfig {
        lang,
        options: WidgetOptions::GridMap(GridMapOptions {
            step,
            autoplay: false,
        }),
        ..WidgetConfig::new(WidgetKind::GridMap).unwrap()
    };
    let map = LiveMap::mount(&root, &config, Visibility::default(), Some(720.0), false).unwrap();
    // The stage's first measurement may lay the map out for another width bucket (a new
    // drawing): the tests start from the drawing the reader would see.
    gloo::timers::future::TimeoutFuture::new(100).await;
    (root, map)
}

async fn mount(lang: Lang) -> (Element, LiveMap) {
    mount_at(lang, "2020-06").await
}

/// Lets a task pass (the map answers events synchronously; resize observers and animation
/// frames come later).
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn key(target: &Element, name: &str) -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    event
}

#[wasm_bindgen_test]
async fn three_focusable_district_paths_render_with_names() {
    let (root, _map) = mount(Lang::Zh).await;
    let districts = root.query_selector_all("path.gm-dist").unwrap();
    assert_eq!(districts.length(), 3);
    let names: Vec<String> = (0..3)
        .map(|i| {
            let el: Element = districts.item(i).unwrap().dyn_into().unwrap();
            assert_eq!(el.get_attribute("tabindex").as_deref(), Some("0"));
            assert_eq!(el.get_attribute("role").as_deref(), Some("img"));
            el.get_attribute("aria-label").unwrap()
        })
        .collect();
    assert!(
        names.contains(&"吴江区（江苏 · 苏州）".to_string()),
        "{names:?}"
    );
    assert!(text(&root, ".source").contains("GeoNames"));
    // The default is the final state: all three links, the junction and the capacity label.
    assert_eq!(count(&root, ".gm-link"), 3);
    assert_eq!(count(&root, ".gm-junction"), 1);
    assert_eq!(text(&root, ".lbl-cap"), "约4000千伏安");
    assert!(root.query_selector(".gm-map.zone-on").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_map_is_described_and_has_a_data_table() {
    let (root, _map) = mount(Lang::En).await;
    let svg = root.query_selector("svg.gm-map").unwrap().unwrap();
    let id = svg.get_attribute("aria-describedby").unwrap();
    let desc = root
        .query_selector(&format!("[id='{id}']"))
        .unwrap()
        .unwrap();
    assert!(desc.text_content().unwrap().starts_with("The map shows"));
    assert_eq!(count(&root, "table tbody tr"), 3);
    assert!(text(&root, "table").contains("about 4,000 kVA"));
    assert!(text(&root, ".gm-reverse").contains("Mutual backup"));
}

#[wasm_bindgen_test]
async fn the_scrubber_moves_the_clock() {
    let (root, _map) = mount(Lang::En).await;
    let input: HtmlInputElement = root
        .query_selector(".gm-scrub")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("0");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    // At the start nothing is drawn yet and the first milestone is current.
    assert_eq!(count(&root, ".gm-link"), 0);
    assert_eq!(text(&root, ".gm-step[aria-current=step]"), "September 2019");
    let max: f64 = input.max().parse().unwrap();
    input.set_value(&max.to_string());
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(count(&root, ".gm-link"), 3);
    assert_eq!(count(&root, ".gm-flow"), 3);
    assert!(text(&root, ".gm-caption").starts_with("Around 11:00 on 30 June 2020"));
}

#[wasm_bindgen_test]
async fn arrow_keys_on_the_scrubber_step_through_the_milestones() {
    let (root, _map) = mount_at(Lang::Zh, "2019-09").await;
    let scrub = root.query_selector(".gm-scrub").unwrap().unwrap();
    assert_eq!(count(&root, ".gm-link"), 2);
    let right = key(&scrub, "ArrowRight");
    settle().await;
    assert!(right.default_prevented());
    assert_eq!(text(&root, ".gm-step[aria-current=step]"), "2019年10月");
    key(&scrub, "End");
    settle().await;
    assert_eq!(count(&root, ".gm-link"), 3);
    key(&scrub, "Home");
    settle().await;
    assert_eq!(count(&root, ".gm-link"), 2);
}

#[wasm_bindgen_test]
async fn space_on_the_play_button_toggles_play_and_pause() {
    let (root, _map) = mount(Lang::En).await;
    assert_eq!(text(&root, ".gm-play").trim(), "Play");
    let button = root.query_selector(".gm-play").unwrap().unwrap();
    let space = key(&button, " ");
    settle().await;
    assert_eq!(text(&root, ".gm-play").trim(), "Pause");
    assert!(
        space.default_prevented(),
        "Space must not also scroll the page"
    );
    // Playing from the final frame starts over: the links are drawn again from nothing.
    assert!(count(&root, ".gm-link") < 3);
    key(&button, " ");
    settle().await;
    assert_eq!(text(&root, ".gm-play").trim(), "Play");
}

#[wasm_bindgen_test]
async fn a_step_button_shows_that_steps_links() {
    let (root, _map) = mount(Lang::Zh).await;
    let buttons = root.query_selector_all(".gm-step").unwrap();
    assert_eq!(buttons.length(), 3);
    let first: HtmlElement = buttons.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("data-step").as_deref(), Some("2019-09"));
    first.click();
    settle().await;
    // September 2019: two links at once, no junction, no zone outline yet.
    assert_eq!(count(&root, ".gm-link"), 2);
    assert_eq!(count(&root, ".gm-junction"), 0);
    assert_eq!(count(&root, ".lbl-cap"), 0);
    assert!(root.query_selector(".gm-map.zone-on").unwrap().is_none());
    let cable = root.query_selector(".gm-cable").unwrap().unwrap();
    assert_eq!(cable.get_attribute("stroke-dasharray").unwrap(), "1.000 1");
    assert!(text(&root, ".gm-caption").starts_with("2019年9月"));
    let second: HtmlElement = buttons.item(1).unwrap().dyn_into().unwrap();
    second.click();
    settle().await;
    assert_eq!(count(&root, ".gm-link"), 2);
    assert!(root.query_selector(".gm-map.zone-on").unwrap().is_some());
    assert!(text(&root, ".gm-caption").contains("约2300平方公里"));
}

#[wasm_bindgen_test]
async fn focusing_a_link_shows_its_tooltip_and_escape_hides_it() {
    let (root, _map) = mount(Lang::En).await;
    assert_eq!(count(&root, ".gm-tip:not(.closed)"), 0);
    let link: HtmlElement = root
        .query_selector(".gm-link[data-link='2']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.focus().unwrap();
    settle().await;
    // The focused link survives the re-render that opens the tooltip (focus is not lost).
    assert!(link.is_connected());
    let tip = text(&root, ".gm-tip:not(.closed)");
    assert!(tip.contains("30 June 2020"), "{tip}");
    assert!(tip.contains("about 4,000 kVA"), "{tip}");
    assert!(tip.contains("Shibei village"), "{tip}");
    key(&link, "Escape");
    settle().await;
    assert_eq!(count(&root, ".gm-tip:not(.closed)"), 0);
}

#[wasm_bindgen_test]
async fn a_district_tooltip_names_its_province_and_city() {
    let (root, _map) = mount(Lang::En).await;
    let district: HtmlElement = root
        .query_selector("path.gm-dist.c3")
        .unwrap()
        .unwrap()
        .unchecked_into();
    district.focus().unwrap();
    settle().await;
    let tip = text(&root, ".gm-tip:not(.closed)");
    assert!(tip.contains("Jiashan County"), "{tip}");
    assert!(tip.contains("Jiaxing, Zhejiang"), "{tip}");
    // Positioned through CSSOM, in percent of the drawing.
    let el: HtmlElement = root
        .query_selector(".gm-tip")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(el
        .style()
        .get_property_value("left")
        .unwrap()
        .ends_with('%'));
    district.blur().unwrap();
    settle().await;
    assert_eq!(count(&root, ".gm-tip:not(.closed)"), 0);
}

#[wasm_bindgen_test]
async fn a_focused_link_keeps_focus_while_the_map_plays_and_dropping_the_map_stops_it() {
    let (root, map) = mount_at(Lang::En, "2019-10").await;
    let link: HtmlElement = root
        .query_selector(".gm-link[data-link='0']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.focus().unwrap();
    let play = root.query_selector(".gm-play").unwrap().unwrap();
    key(&play, "Enter");
    link.focus().unwrap();
    // A few hundred ms of frames, each rebuilding the overlay.
    gloo::timers::future::TimeoutFuture::new(400).await;
    assert_eq!(text(&root, ".gm-play").trim(), "Pause");
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-link").as_deref(),
        Some("0"),
        "{}",
        active.outer_html().chars().take(200).collect::<String>()
    );
    assert!(text(&root, ".gm-tip:not(.closed)").contains("2019"));
    drop(map);
    assert!(root.query_selector("section").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_scrubber_starts_at_the_milestone_shown() {
    for step in ["2019-09", "2020-06"] {
        let (root, _map) = mount_at(Lang::En, step).await;
        let input: HtmlInputElement = root
            .query_selector(".gm-scrub")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        // Built in the browser, the value must survive the range it is set in.
        assert_eq!(Some(input.value()), input.get_attribute("value"), "{step}");
        assert!(input.value_as_number() > 0.0, "{step}");
    }
}

#[wasm_bindgen_test]
async fn a_focused_district_keeps_focus_when_the_map_is_laid_out_for_another_width() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut config = WidgetConfig::new(WidgetKind::GridMap).unwrap();
    config.lang = Lang::En;
    // Laid out for a 300 px placeholder, then measured wider: the drawing is rebuilt.
    let _map = LiveMap::mount(&root, &config, Visibility::default(), Some(300.0), false).unwrap();
    let before = root.query_selector("svg.gm-map").unwrap().unwrap();
    let district: HtmlElement = root
        .query_selector("path.gm-dist.c3")
        .unwrap()
        .unwrap()
        .unchecked_into();
    district.focus().unwrap();
    gloo::timers::future::TimeoutFuture::new(300).await;
    let stage = root.query_selector(".gm-stage").unwrap().unwrap();
    let after = root
        .query_selector("svg.gm-map")
        .unwrap()
        .unwrap_or_else(|| {
            panic!(
                "{}",
                stage.outer_html().chars().take(300).collect::<String>()
            )
        });
    assert!(before != after, "rebuilt for the measured width");
    let active = document.active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-tip").as_deref(),
        Some("d2"),
        "{}",
        active.outer_html().chars().take(100).collect::<String>()
    );
    assert!(text(&root, ".gm-tip:not(.closed)").contains("Jiashan County"));
}
