//! Component tests of the grid map in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use story::{Lang, WidgetConfig, WidgetKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use widgets::grid_map::{GridMap, GridMapProps};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(lang: Lang) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = GridMapProps {
        config: WidgetConfig {
            lang,
            ..WidgetConfig::new(WidgetKind::GridMap)
        },
        captions: vec!["c0".into(), "c1".into(), "c2".into(), "c3".into()],
        dates: vec![],
    };
    yew::Renderer::<GridMap>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets yew's scheduled renders and effects run (`flush` is a future in yew 0.23).
async fn settle() {
    yew::scheduler::flush().await;
}

fn play_label(root: &Element) -> (String, String) {
    let b = root.query_selector(".gm-play").unwrap().unwrap();
    (
        b.text_content().unwrap(),
        b.get_attribute("aria-pressed").unwrap(),
    )
}

#[wasm_bindgen_test]
async fn three_district_paths_render_with_titles() {
    let root = mount(Lang::Zh).await;
    let districts = root.query_selector_all("path.gm-dist").unwrap();
    assert_eq!(districts.length(), 3);
    let titles: Vec<String> = (0..3)
        .map(|i| {
            let el: Element = districts.item(i).unwrap().dyn_into().unwrap();
            el.query_selector("title")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert!(titles.contains(&"吴江区".to_string()));
    assert!(root
        .query_selector(".gm-credit")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("GeoNames"));
    // Opening frame: no link drawn yet.
    assert_eq!(root.query_selector_all(".gm-link").unwrap().length(), 0);
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
    let max: f64 = input.max().parse().unwrap();
    input.set_value(&max.to_string());
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
    // At the end every link is drawn, the last step is current and its caption shows.
    assert_eq!(root.query_selector_all(".gm-link").unwrap().length(), 3);
    assert_eq!(root.query_selector_all(".gm-flow").unwrap().length(), 3);
    assert_eq!(root.query_selector_all(".gm-junction").unwrap().length(), 1);
    let current = root
        .query_selector(".gm-step[aria-current=step]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "4");
    assert_eq!(
        root.query_selector(".gm-caption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "c3"
    );
}

#[wasm_bindgen_test]
async fn space_on_the_play_button_toggles_play_and_pause() {
    let root = mount(Lang::En).await;
    assert_eq!(play_label(&root), ("Play".into(), "false".into()));
    let button = root.query_selector(".gm-play").unwrap().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(" ");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let space =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&space).unwrap();
    settle().await;
    assert_eq!(play_label(&root), ("Pause".into(), "true".into()));
    assert!(
        space.default_prevented(),
        "Space must not also scroll the page"
    );
    let again =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&again).unwrap();
    settle().await;
    assert_eq!(play_label(&root), ("Play".into(), "false".into()));
}

#[wasm_bindgen_test]
async fn a_step_button_shows_that_step_whole() {
    let root = mount(Lang::Zh).await;
    let buttons = root.query_selector_all(".gm-step").unwrap();
    assert_eq!(buttons.length(), 4);
    let second: web_sys::HtmlElement = buttons.item(1).unwrap().dyn_into().unwrap();
    second.click();
    settle().await;
    assert_eq!(root.query_selector_all(".gm-link").unwrap().length(), 1);
    let cable = root.query_selector(".gm-cable").unwrap().unwrap();
    assert_eq!(cable.get_attribute("stroke-dasharray").unwrap(), "1.000 1");
}
