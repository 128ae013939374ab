//! "Get the data": a visually hidden table for screen readers and a CSV download button,
//! both from one `viz::table::TableView`, and beside it the image downloads of the widget's
//! current view (PNG, SVG), which the widget makes when asked (`on_image`). A long table (an editor's series of thousands of
//! points) is built only when asked for, behind a visible button, and then shown to everyone
//! in a scrolling box: building thousands of hidden rows took seconds of main thread on a slow
//! phone (`cargo xtask bench --cost`), and a screen reader user is better served by choosing to
//! enter a long table than by meeting it. The CSV always has every row.

use crate::dom::{self, el as tree, flag, text, v, Node};
use crate::download::{offer_text, ImageFormat};
use crate::el::el;
use gloo::events::EventListener;
use std::rc::Rc;
use story::{ui::UiText, Lang};
use viz::table::TableView;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub table: TableView,
    pub lang: Lang,
    /// Makes and offers the image of the widget's current view in a format, then calls the
    /// callback with whether it could (false: the box says so), at once or, when the full
    /// module draws it (`download::request_image`), once that is done. No image buttons
    /// without it.
    #[prop_or_default]
    pub on_image: Option<Callback<(ImageFormat, Callback<bool>)>>,
    /// The static layer: it has no script to build the files, so the buttons show, disabled.
    #[prop_or_default]
    pub inert: bool,
}

/// Tables with more rows than this are built on demand.
pub const LONG_TABLE_ROWS: usize = 200;

#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let table = &props.table;
    let long = table.rows.len() > LONG_TABLE_ROWS;
    let shown = use_state_eq(|| false);
    let image_failed = use_state_eq(|| false);
    let inert = props.inert;
    let on_download = {
        // The CSV is built when asked for, not on every render.
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = offer_text(&table.to_csv(), "text/csv;charset=utf-8", &table.file_name);
        })
    };
    let image_button = |format: ImageFormat, label: UiText| {
        props.on_image.as_ref().map(|on_image| {
            let on_image = on_image.clone();
            let failed = image_failed.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let failed = failed.clone();
                on_image.emit((format, Callback::from(move |ok: bool| failed.set(!ok))));
            });
            html! {
                <button type="button" class="download" data-format={format.extension()}
                    {onclick} inert={inert}>{ label.get(props.lang) }</button>
            }
        })
    };
    let png = image_button(ImageFormat::Png, UiText::DownloadPng);
    let svg = image_button(ImageFormat::Svg, UiText::DownloadSvg);
    let failure = image_failed.then(|| {
        html! { <p class="download-error" role="alert">{ UiText::ImageFailed.get(props.lang) }</p> }
    });
    let rows = if long && !*shown {
        Html::default()
    } else {
        table_html(table)
    };
    let toggle = long.then(|| {
        let shown = shown.clone();
        let mut count = String::new();
        story::format::digits::push_uint(&mut count, table.rows.len() as u64);
        let label = story::ui::fill(UiText::ShowTable.get(props.lang), &[&count]);
        html! {
            <button type="button" class="download show-table" inert={inert}
                aria-expanded={if *shown { "true" } else { "false" }}
                onclick={Callback::from(move |_: MouseEvent| shown.set(!*shown))}>{ label }</button>
        }
    });
    // Short: visually hidden, for screen readers (the wrapper hides it: a table ignores a 1px
    // width and would widen the page). Long and opened: a scrolling box for everyone.
    // An open long table scrolls: it takes focus, so the keyboard can scroll it too.
    let wrapper = if long { "table-box" } else { "visually-hidden" };
    let open = long && *shown;
    let wrapper = el!("div", [
        "tabindex" => open.then_some("0"),
        "role" => open.then_some("region"),
        "aria-label" => open.then(|| table.caption.clone()),
        "class" => wrapper,
    ], [rows]);
    html! {
        <div class="data">
            { wrapper }
            { for toggle }
            <button type="button" class="download" data-format="csv" onclick={on_download}
                inert={inert}>
                { UiText::DownloadCsv.get(props.lang) }
            </button>
            { for png }
            { for svg }
            { for failure }
        </div>
    }
}

fn table_html(table: &TableView) -> Html {
    html! {
            <table>
                <caption>{ &table.caption }</caption>
                <thead>
                    <tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row">{ &cell.display }</th> }
                        } else {
                            html! { <td>{ &cell.display }</td> }
                        }) }</tr>
                    }) }
                </tbody>
            </table>
    }
}

/// "Get the data" at rest: the table for screen readers (a long one behind its button), the
/// CSV and image buttons. The same markup as [`DataTable`] before anything is clicked; the
/// kinds drawn without Yew build it and [`listen`] to it.
pub fn data_table_tree(table: &TableView, lang: Lang, inert: bool) -> Node {
    let long = table.rows.len() > LONG_TABLE_ROWS;
    let mut children = Vec::with_capacity(5);
    let rows = if long {
        vec![]
    } else {
        vec![table_tree(table)]
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

/// The table itself (tree of [`DataTable`]'s table): caption, headers, a row per figure (its first cell a row header).
pub fn table_tree(table: &TableView) -> Node {
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

/// The behaviour of a [`data_table_tree`] built into the page (`data`, its `.data` element):
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
        .and_then(|d| table_tree(table).build(&d))
    {
        let _ = wrapper.append_child(&rows);
    }
}
