//! "Get the data": a visually hidden table for screen readers and a CSV download button,
//! both from one `viz::table::TableView`, and beside it the image downloads of the widget's
//! current view (PNG, SVG), which the widget makes when asked (`on_image`). A long table (an editor's series of thousands of
//! points) is built only when asked for, behind a visible button, and then shown to everyone
//! in a scrolling box: building thousands of hidden rows took seconds of main thread on a slow
//! phone (`cargo xtask bench --cost`), and a screen reader user is better served by choosing to
//! enter a long table than by meeting it. The CSV always has every row.

use crate::download::{offer_text, ImageFormat};
use crate::el::el;
use story::{ui::UiText, Lang};
use viz::table::TableView;
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
