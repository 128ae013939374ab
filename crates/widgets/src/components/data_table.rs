//! "Get the data": a visually hidden table for screen readers and a CSV download button,
//! both from one `viz::table::TableView`.

use story::{ui::UiText, Lang};
use viz::table::TableView;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub table: TableView,
    pub lang: Lang,
}

#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let table = &props.table;
    // The static layer has no script to build the file: the button shows, disabled.
    let inert = crate::use_layer().is_static();
    let on_download = {
        // The CSV is built when asked for, not on every render.
        let table = table.clone();
        Callback::from(move |_: MouseEvent| download(&table.to_csv(), &table.file_name))
    };
    html! {
        <div class="data">
            // The wrapper hides the table: a table ignores a 1px width and would widen the page.
            <div class="visually-hidden">
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
            </div>
            <button type="button" class="download" onclick={on_download}
                inert={inert}>
                { UiText::DownloadCsv.get(props.lang) }
            </button>
        </div>
    }
}

/// Offers `csv` as a file download through a temporary object URL.
fn download(csv: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(csv));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
