//! "Get the data": a visually hidden table for screen readers and a CSV download button,
//! both from one `viz::table::TableView`, and beside it the image downloads of the widget's
//! current view (PNG, SVG), which the widget makes when asked ([`ImageMaker`]). A long table (an editor's series of thousands of
//! points) is built only when asked for, behind a visible button, and then shown to everyone
//! in a scrolling box: building thousands of hidden rows took seconds of main thread on a slow
//! phone (`cargo xtask bench --cost`), and a screen reader user is better served by choosing to
//! enter a long table than by meeting it. The CSV always has every row.

use crate::dom::{self, el as tree, flag, text, v, Node};
use crate::download::{offer_text, ImageFormat};
use gloo::events::EventListener;
use std::rc::Rc;
use story::{ui::UiText, Lang};
use viz::table::TableView;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Tables with more rows than this are built on demand.
pub const LONG_TABLE_ROWS: usize = 200;

/// "Get the data" at rest: the table for screen readers (a long one behind its button), the
/// CSV and image buttons; the kinds build it and [`listen`] to it.
pub fn data_table(table: &TableView, lang: Lang, inert: bool) -> Node {
    let long = table.rows.len() > LONG_TABLE_ROWS;
    let mut children = Vec::with_capacity(5);
    let rows = if long {
        vec![]
    } else {
        vec![table_element(table)]
    };
    children.push(tree(
        "div",
        [(
            "class",
            v(if long { "table-box" } else { "visually-hidden" }),
        )],
        rows,
    ));
    if long {
        let mut count = String::new();
        story::format::digits::push_uint(&mut count, table.rows.len() as u64);
        let label = story::ui::fill(UiText::ShowTable.get(lang), &[&count]);
        children.push(tree(
            "button",
            [
                ("type", v("button")),
                ("aria-expanded", v("false")),
                ("inert", flag("inert", inert)),
                ("class", v("download show-table")),
            ],
            vec![text(label)],
        ));
    }
    for (format, label) in [
        ("csv", UiText::DownloadCsv),
        ("png", UiText::DownloadPng),
        ("svg", UiText::DownloadSvg),
    ] {
        children.push(tree(
            "button",
            [
                ("type", v("button")),
                ("data-format", v(format)),
                ("inert", flag("inert", inert)),
                ("class", v("download")),
            ],
            vec![text(label.get(lang))],
        ));
    }
    tree("div", [("class", v("data"))], children)
}

/// The table itself: caption, headers, a row per figure (its first cell a row header).
pub fn table_element(table: &TableView) -> Node {
    let headers = table
        .headers
        .iter()
        .map(|h| tree("th", [("scope", v("col"))], vec![text(h.clone())]))
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let t = vec![text(cell.display.clone())];
                    if i == 0 {
                        tree("th", [("scope", v("row"))], t)
                    } else {
                        tree("td", [], t)
                    }
                })
                .collect();
            tree("tr", [], cells)
        })
        .collect();
    tree(
        "table",
        [],
        vec![
            tree("caption", [], vec![text(table.caption.clone())]),
            tree("thead", [], vec![tree("tr", [], headers)]),
            tree("tbody", [], rows),
        ],
    )
}

/// Makes and offers an image of the widget's current view in a format, then calls back with
/// whether it could (at once, or once the full module has drawn it: `download::request_image`).
pub type ImageMaker = Rc<dyn Fn(ImageFormat, Box<dyn FnOnce(bool)>)>;

/// The behaviour of a [`data_table`] built into the page (`data`, its `.data` element):
/// the CSV, the images (made by `image`; a failure says so under the buttons until an image is
/// made), and a long table's show/hide button. Dropping the listeners ends it.
pub fn listen(
    data: &Element,
    table: &TableView,
    lang: Lang,
    image: ImageMaker,
) -> Vec<EventListener> {
    let mut listeners = Vec::with_capacity(4);
    let buttons = data.query_selector_all("button").ok();
    let buttons = (0..buttons.as_ref().map_or(0, |b| b.length()))
        .filter_map(|i| buttons.as_ref()?.item(i)?.dyn_into::<Element>().ok());
    for button in buttons {
        let format = button.get_attribute("data-format");
        let listener = match format.as_deref() {
            Some("csv") => {
                let table = table.clone();
                EventListener::new(&button, "click", move |_| {
                    let _ = offer_text(&table.to_csv(), "text/csv;charset=utf-8", &table.file_name);
                })
            }
            Some(name) => {
                let Some(format) = ImageFormat::parse(name) else {
                    continue;
                };
                let (data, image) = (data.clone(), image.clone());
                EventListener::new(&button, "click", move |_| {
                    let data = data.clone();
                    image(
                        format,
                        Box::new(move |ok| show_image_failure(&data, lang, !ok)),
                    );
                })
            }
            None => {
                let (table, data, button_) = (table.clone(), data.clone(), button.clone());
                EventListener::new(&button, "click", move |_| {
                    toggle_table(&data, &button_, &table)
                })
            }
        };
        listeners.push(listener);
    }
    listeners
}

/// Shows (or, once an image is made, removes) the message that an image could not be made.
fn show_image_failure(data: &Element, lang: Lang, failed: bool) {
    let shown = data.query_selector(".download-error").ok().flatten();
    match (failed, shown) {
        (false, Some(message)) => message.remove(),
        (true, None) => {
            let message = dom::el(
                "p",
                [
                    ("role", dom::v("alert")),
                    ("class", dom::v("download-error")),
                ],
                vec![dom::text(UiText::ImageFailed.get(lang))],
            );
            if let Some(node) = data.owner_document().and_then(|d| message.build(&d)) {
                let _ = data.append_child(&node);
            }
        }
        _ => {}
    }
}

/// A long table, built when asked for and shown in a scrolling box that takes focus.
fn toggle_table(data: &Element, button: &Element, table: &TableView) {
    let Some(wrapper) = data.first_element_child() else {
        return;
    };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    wrapper.set_text_content(None);
    if !open {
        for name in ["tabindex", "role", "aria-label"] {
            let _ = wrapper.remove_attribute(name);
        }
        return;
    }
    let _ = wrapper.set_attribute("tabindex", "0");
    let _ = wrapper.set_attribute("role", "region");
    let _ = wrapper.set_attribute("aria-label", &table.caption);
    if let Some(rows) = wrapper
        .owner_document()
        .and_then(|d| table_element(table).build(&d))
    {
        let _ = wrapper.append_child(&rows);
    }
}
