//! Browser tests of the payments chart (`LivePayments`): the canvas is drawn, the metric switch
//! redraws it, arrow keys announce points, a bad `src` shows an error instead of panicking, and
//! dropping the chart takes everything with it.
#![cfg(target_arch = "wasm32")]
// Tests may fail loudly: that is how they report.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use gloo::timers::future::TimeoutFuture;
use story::{WidgetConfig, WidgetKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};
use widgets::payments::live::LivePayments;
use widgets::Visibility;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a payments widget (with its stylesheet) in a 640 px wide box: the box, and the chart
/// (which goes when dropped).
async fn mount(attrs: &[(&str, &str)]) -> (Element, LivePayments) {
    let document = gloo::utils::document();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(&widgets::stylesheet(WidgetKind::Payments)));
    document.head().unwrap().append_child(&style).unwrap();
    let root = document.create_element("div").unwrap();
    root.dyn_ref::<HtmlElement>()
        .unwrap()
        .style()
        .set_property("width", "640px")
        .unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut all = vec![("widget", "payments")];
    all.extend_from_slice(attrs);
    let config = WidgetConfig::from_attributes(all).unwrap();
    let chart = LivePayments::mount(&root, &config, Visibility::default(), Some(640.0), false)
        .expect("mounted");
    settle().await;
    (root, chart)
}

/// Lets the entrance animation (800 ms) finish and a `src` file answer.
async fn settle() {
    TimeoutFuture::new(1100).await;
}

fn pixels(root: &Element) -> Vec<u8> {
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width().into(), canvas.height().into())
        .unwrap()
        .data()
        .0
}

fn hash(data: &[u8]) -> u64 {
    // FNV-1a.
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_canvas_is_drawn_and_not_blank() {
    let (root, _chart) = mount(&[("lang", "zh")]).await;
    let data = pixels(&root);
    assert!(
        data.len() > 4 * 100 * 100,
        "canvas too small: {}",
        data.len()
    );
    let background = &data[..4];
    let inked = data.chunks(4).filter(|px| *px != background).count();
    assert!(inked > 2000, "only {inked} inked pixels");
}

#[wasm_bindgen_test]
async fn switching_the_metric_redraws_the_chart_and_its_labels() {
    let (root, _chart) = mount(&[("lang", "zh")]).await;
    let before = hash(&pixels(&root));
    assert_eq!(text(&root, "h2"), "e支付收款码累计交易笔数");
    let value: HtmlElement = root
        .query_selector("input[value=value]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    value.click();
    settle().await;
    assert_ne!(hash(&pixels(&root)), before);
    assert_eq!(text(&root, "h2"), "累计交易金额");
    assert_eq!(text(&root, "caption"), "累计交易金额");
    assert!(text(&root, "tbody").contains("超900亿元"));
}

#[wasm_bindgen_test]
async fn arrow_right_steps_through_points_in_the_live_region() {
    let (root, _chart) = mount(&[("lang", "zh")]).await;
    let plot: HtmlElement = root
        .query_selector(".plot")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    plot.focus().unwrap();
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        plot.dispatch_event(&event).unwrap();
    };
    let live = || text(&root, "[aria-live=polite]");
    press("ArrowRight");
    assert_eq!(live(), "2019年推广（月份未公布）：0笔");
    press("ArrowRight");
    assert_eq!(live(), "2020年7月报道：近5亿笔");
    // The tooltip shows the same words.
    assert_eq!(text(&root, ".tip"), "2020年7月报道：近5亿笔");
}

#[wasm_bindgen_test]
async fn the_pointer_shows_the_point_nearest_its_column() {
    let (root, _chart) = mount(&[("lang", "zh")]).await;
    let plot = root.query_selector(".plot").unwrap().unwrap();
    let rect = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .get_bounding_client_rect();
    let point_at = |x: f64| {
        let init = web_sys::PointerEventInit::new();
        init.set_client_x(x as i32);
        init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
        init.set_bubbles(true);
        let event = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
        plot.dispatch_event(&event).unwrap();
    };
    // Both ends, twice: the hit test reuses the drawing's layout between moves.
    for _ in 0..2 {
        point_at(rect.right() - 2.0);
        settle().await;
        assert_eq!(text(&root, ".tip"), "2020年7月报道：近5亿笔");
        point_at(rect.left() + 2.0);
        settle().await;
        assert_eq!(text(&root, ".tip"), "2019年推广（月份未公布）：0笔");
    }
}

#[wasm_bindgen_test]
async fn the_english_chart_describes_itself_and_offers_computed_figures() {
    let (root, _chart) = mount(&[("lang", "en"), ("metric", "fees")]).await;
    let desc = text(&root, "#payments-desc");
    assert!(
        desc.starts_with("Line chart: fees saved by merchants."),
        "{desc}"
    );
    assert!(desc.contains("nearly 300 million yuan"), "{desc}");
    assert!(text(&root, ".derived").contains("about 180 yuan"));
    assert!(text(&root, ".source").contains("intermediate values not reported"));
}

#[wasm_bindgen_test]
async fn a_missing_src_file_shows_a_specific_error_and_still_draws_the_totals() {
    let (root, _chart) = mount(&[("lang", "en"), ("src", "no-such-series.json")]).await;
    let error = text(&root, ".error");
    assert!(error.contains("no-such-series.json"), "{error}");
    assert!(error.contains("HTTP 404"), "{error}");
    assert!(root.query_selector("canvas").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn an_editor_series_is_drawn_as_its_own_line() {
    let series = r#"[{"date":"2019-06","value":0},{"date":"2019-12","value":1.5e8},{"date":"2020-06","value":4.8e8}]"#;
    let (root, _chart) = mount(&[("lang", "zh"), ("series", series)]).await;
    let desc = text(&root, "#payments-desc");
    assert!(desc.contains("共3个数据点"), "{desc}");
    assert!(text(&root, ".source").contains("编辑"));
}

#[wasm_bindgen_test]
async fn a_long_series_builds_its_data_table_only_when_asked_and_keeps_every_row() {
    let series = story::config::sample_series_json(300);
    let (root, _chart) = mount(&[("lang", "en"), ("series", &series)]).await;
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        0,
        "not built up front"
    );
    let button = root
        .query_selector(".show-table")
        .unwrap()
        .expect("a button for the long table")
        .dyn_into::<HtmlElement>()
        .unwrap();
    assert_eq!(button.text_content().unwrap(), "Data table (300 rows)");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        300,
        "every point"
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let region = root.query_selector(".table-box").unwrap().unwrap();
    assert_eq!(
        region.get_attribute("tabindex").as_deref(),
        Some("0"),
        "scrolls by keyboard"
    );
    // A short series keeps its hidden table for screen readers, built at once.
    let (short, _short) = mount(&[("lang", "en")]).await;
    assert!(short.query_selector(".show-table").unwrap().is_none());
    assert!(short.query_selector_all("tbody tr").unwrap().length() > 0);
}

#[wasm_bindgen_test]
async fn escape_lets_go_of_the_point_and_the_chart_leaves_with_its_value() {
    let (root, chart) = mount(&[("lang", "en")]).await;
    let plot: HtmlElement = root
        .query_selector(".plot")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        plot.dispatch_event(&event).unwrap();
        event.default_prevented()
    };
    assert!(press("End"), "the chart's keys do not also scroll the page");
    assert!(root.query_selector(".tip").unwrap().is_some());
    assert!(press("Escape"));
    assert!(root.query_selector(".tip").unwrap().is_none());
    assert!(!press("a"), "other keys are the page's");
    drop(chart);
    assert!(root.query_selector("section").unwrap().is_none());
}
