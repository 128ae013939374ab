//! Component tests of the grid map in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::panic)]

use story::config::GridMapOptions;
use story::{Lang, WidgetConfig, WidgetKind, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use widgets::grid_map::{GridMap, GridMapProps};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_at(lang: Lang, step: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let step = story::default_story().map.unwrap().milestone(step).unwrap();
    let props = GridMapProps {
        config: WidgetConfig {
            lang,
            options: WidgetOptions::GridMap(GridMapOptions {
                step,
                autoplay: false,
            }),
            ..WidgetConfig::new(WidgetKind::GridMap).unwrap()
        },
        host: Default::default(),
    };
    yew::Renderer::<GridMap>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn mount(lang: Lang) -> Element {
    mount_at(lang, "2020-06").await
}

/// Lets yew's scheduled renders and effects run (`flush` is a future in yew 0.23).
async fn settle() {
    yew::scheduler::flush().await;
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
    let root = mount(Lang::Zh).await;
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
    let root = mount(Lang::En).await;
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
    let root = mount(Lang::En).await;
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
    let root = mount_at(Lang::Zh, "2019-09").await;
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
    let root = mount(Lang::En).await;
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
    let root = mount(Lang::Zh).await;
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
    let root = mount(Lang::En).await;
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
    let root = mount(Lang::En).await;
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
