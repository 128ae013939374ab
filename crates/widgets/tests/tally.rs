//! Browser tests of the "七个一" tally: cards, final values for screen readers, the disclosure
//! buttons (click, Escape), reduced motion and the count-up.
#![cfg(target_arch = "wasm32")]
// Tests may fail loudly: that is how they report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use story::config::TallyOptions;
use story::{Lang, WidgetConfig, WidgetKind, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use widgets::tally::live::LiveTally;
use widgets::Visibility;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    tally: LiveTally,
}

fn section(id: &str) -> &'static story::Section {
    story::default_story().section(id).unwrap()
}

async fn mount(lang: Lang, options: TallyOptions, reduced_motion: bool) -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut config = WidgetConfig::new(WidgetKind::Tally).unwrap();
    config.lang = lang;
    config.options = WidgetOptions::Tally(options);
    let tally = LiveTally::mount(&root, &config, Visibility::default(), reduced_motion).unwrap();
    Mounted { root, tally }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
            .collect()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().expect(selector)
    }

    fn done(self) {
        drop(self.tally);
        self.root.remove();
    }
}

const ZH_HEADLINES: [&str; 6] = ["1300余家", "70多家", "2800名", "2468人次", "108笔", "9个"];
const EN_HEADLINES: [&str; 6] = [
    "1,300+ companies",
    "70+ companies",
    "2,800 people",
    "2,468 person-visits",
    "108 orders",
    "9 projects",
];

#[wasm_bindgen_test]
async fn seven_cards_hold_their_final_values_for_screen_readers_in_zh() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    let sections: Vec<String> = m
        .all(".card")
        .iter()
        .map(|c| c.get_attribute("data-section").unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "policy",
            "training",
            "visit",
            "volunteer",
            "order",
            "activist",
            "problem"
        ]
    );
    assert_eq!(
        m.texts(".card .heart"),
        ["精心", "悉心", "走心", "暖心", "贴心", "耐心", "省心"]
    );
    assert_eq!(m.texts(".card .lede .final"), ZH_HEADLINES);
    assert_eq!(m.texts(".lead .final"), ["99名"]);
    // The animated number and its final-width twin are hidden from assistive technology.
    let stacks = m.all(".fig .stack");
    assert_eq!(stacks.len(), m.all(".fig .shown").len());
    for stack in stacks {
        assert_eq!(stack.get_attribute("aria-hidden").as_deref(), Some("true"));
        assert!(stack.query_selector(".shown").unwrap().is_some());
    }
    m.done();
}

#[wasm_bindgen_test]
async fn seven_cards_hold_their_final_values_for_screen_readers_in_en() {
    let m = mount(Lang::En, TallyOptions::all(story::default_story()), false).await;
    assert_eq!(m.all(".card").len(), 7);
    assert_eq!(m.texts(".card .lede .final"), EN_HEADLINES);
    assert_eq!(m.texts(".card .one")[0], "One policy handbook");
    assert_eq!(m.one(".tally").get_attribute("lang").as_deref(), Some("en"));
    m.done();
}

#[wasm_bindgen_test]
async fn details_list_every_figure_with_its_date_and_the_citation() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    let policy = m.texts("[data-section=policy] .facts .v");
    assert_eq!(policy, ["6项", "27条", "1300余家", "59家", "8950册"]);
    let dates = m.texts("[data-section=policy] .facts .d");
    assert!(dates.contains(&"截至2020年7月".to_string()), "{dates:?}");
    assert_eq!(
        m.texts("[data-section=policy] .cite"),
        ["来源：一套政策汇编 精心"]
    );
    m.done();
}

#[wasm_bindgen_test]
async fn a_card_opens_from_its_button_and_escape_closes_it_returning_focus() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    let button: HtmlElement = m.one("[data-section=visit] .card-btn").dyn_into().unwrap();
    let panel_id = button.get_attribute("aria-controls").unwrap();
    let panel = m.one(&["#", panel_id.as_str()].concat());
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.has_attribute("hidden"));

    button.focus().unwrap();
    button.click();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&escape).unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.has_attribute("hidden"));
    let active = gloo::utils::document().active_element().unwrap();
    assert!(active.is_same_node(Some(button.as_ref())));
    m.done();
}

#[wasm_bindgen_test]
async fn escape_on_a_closed_card_does_nothing() {
    let m = mount(Lang::En, TallyOptions::all(story::default_story()), false).await;
    let button = m.one("[data-section=order] .card-btn");
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&escape).unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    m.done();
}

#[wasm_bindgen_test]
async fn a_second_click_closes_the_card() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    let button: HtmlElement = m.one("[data-section=policy] .card-btn").dyn_into().unwrap();
    button.click();
    button.click();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    m.done();
}

#[wasm_bindgen_test]
async fn reduced_motion_shows_every_final_value_at_once() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), true).await;
    assert_eq!(m.texts(".card .lede .shown"), ZH_HEADLINES);
    assert_eq!(m.texts(".lead .shown"), ["99名"]);
    m.done();
}

/// Pushes whatever follows below the fold; removed by the caller.
fn spacer() -> Element {
    let document = gloo::utils::document();
    let spacer = document.create_element("div").unwrap();
    spacer.set_attribute("class", "spacer").unwrap();
    spacer
        .unchecked_ref::<HtmlElement>()
        .style()
        .set_property("height", "3000px")
        .unwrap();
    let body = document.body().unwrap();
    body.insert_before(&spacer, body.first_child().as_ref())
        .unwrap();
    spacer
}

#[wasm_bindgen_test]
async fn figures_mounted_below_the_fold_count_up_from_zero_when_they_come_into_view() {
    let spacer = spacer();
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    // The first observation finds the figure outside the viewport: nobody saw it, it drops to 0.
    gloo::timers::future::TimeoutFuture::new(100).await;
    assert_eq!(m.texts(".lead .shown"), ["0名"]);
    m.root.scroll_into_view();
    gloo::timers::future::TimeoutFuture::new(1600).await;
    assert_eq!(m.texts(".lead .shown"), ["99名"]);
    assert_eq!(m.texts("[data-section=policy] .lede .shown"), ["1300余家"]);
    m.done();
    spacer.remove();
}

#[wasm_bindgen_test]
async fn a_figure_counts_up_once_and_keeps_its_value_when_scrolled_past_again() {
    let spacer = spacer();
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    gloo::timers::future::TimeoutFuture::new(100).await;
    m.root.scroll_into_view();
    gloo::timers::future::TimeoutFuture::new(1600).await;
    assert_eq!(m.texts(".lead .shown"), ["99名"]);
    // Out of view and back: no second count-up from zero.
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    gloo::timers::future::TimeoutFuture::new(200).await;
    assert_eq!(m.texts(".lead .shown"), ["99名"], "out of view");
    m.root.scroll_into_view();
    gloo::timers::future::TimeoutFuture::new(100).await;
    assert_eq!(m.texts(".lead .shown"), ["99名"], "back in view");
    m.done();
    spacer.remove();
}

#[wasm_bindgen_test]
async fn figures_mounted_in_view_keep_the_final_values_the_static_layer_showed() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), false).await;
    m.root.scroll_into_view();
    assert_eq!(m.texts(".lead .shown"), ["99名"], "first render");
    gloo::timers::future::TimeoutFuture::new(300).await;
    assert_eq!(m.texts(".lead .shown"), ["99名"], "never reset to 0");
    m.done();
}

#[wasm_bindgen_test]
async fn unmounting_mid_count_up_leaves_no_frames_behind() {
    let spacer = spacer();
    let m = mount(Lang::En, TallyOptions::all(story::default_story()), false).await;
    gloo::timers::future::TimeoutFuture::new(100).await;
    m.root.scroll_into_view();
    gloo::timers::future::TimeoutFuture::new(200).await;
    spacer.remove();
    let root = m.root.clone();
    m.done();
    gloo::timers::future::TimeoutFuture::new(300).await;
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn a_subset_shows_its_cards_in_the_given_order() {
    let options = TallyOptions {
        sections: vec![section("problem"), section("activist"), section("policy")],
        highlight: None,
    };
    let m = mount(Lang::Zh, options, true).await;
    let sections: Vec<String> = m
        .all(".card")
        .iter()
        .map(|c| c.get_attribute("data-section").unwrap())
        .collect();
    assert_eq!(sections, ["problem", "activist", "policy"]);
    m.done();
}

#[wasm_bindgen_test]
async fn the_highlighted_card_is_marked_visually_and_for_screen_readers() {
    let options = TallyOptions {
        highlight: Some(section("order")),
        ..TallyOptions::all(story::default_story())
    };
    let m = mount(Lang::Zh, options, true).await;
    let marked: Vec<String> = m
        .all(".card.hl")
        .iter()
        .map(|c| c.get_attribute("data-section").unwrap())
        .collect();
    assert_eq!(marked, ["order"]);
    assert_eq!(
        m.texts("[data-section=order] .card-btn .visually-hidden"),
        ["（重点）"]
    );
    assert!(m
        .all("[data-section=policy] .card-btn .visually-hidden")
        .is_empty());
    m.done();
}

#[wasm_bindgen_test]
async fn the_activist_card_shows_no_number() {
    let m = mount(Lang::Zh, TallyOptions::all(story::default_story()), true).await;
    let card = m.one("[data-section=activist]");
    assert!(card.query_selector(".fig").unwrap().is_none());
    assert!(card.query_selector(".facts").unwrap().is_none());
    let text = card.text_content().unwrap();
    assert!(text.contains("原文未给出数字"), "{text}");
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    m.done();
}

#[wasm_bindgen_test]
async fn the_data_table_lists_every_figure_shown_and_offers_the_csv_and_the_images() {
    let m = mount(Lang::En, TallyOptions::all(story::default_story()), true).await;
    // 1 lead figure + 18 figures of the seven sections.
    assert_eq!(m.all("table tbody tr").len(), 19);
    assert_eq!(
        m.texts(".download"),
        [
            "Download the data (CSV)",
            "Download the image (PNG)",
            "Download the vector image (SVG)"
        ]
    );
    let source = m.texts(".source")[0].clone();
    assert!(
        source.starts_with("Source: source article, July 2020 (Suzhou local news) · Wangting"),
        "{source}"
    );
    assert!(source.ends_with("Graphic: Feature widgets"), "{source}");
    assert!(
        source.contains("Figures as of: on the eve of 1 July 2020: 99 people"),
        "{source}"
    );
    assert!(source.contains("as of July 2020: 8,950 copies"), "{source}");
    m.done();
}
