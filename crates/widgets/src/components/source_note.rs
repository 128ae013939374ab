//! The source line under every widget: where its figures come from (the same line its images
//! carry, `viz::image::source_line`).
//!
//! A function, not a component: it has no state, and a component type costs its own copy of
//! Yew's lifecycle code in the WASM (issue 12; docs/architecture.md, "Size").

use story::{ui::UiText, Lang};
use yew::prelude::*;

/// The source note of `story`: its source (publication and date) first, then `source`, the
/// section(s) of the source in the reader's language, then `note` (e.g. "reported totals;
/// intermediate values not reported"), then the credit line.
pub fn source_note(lang: Lang, story: &story::Story, source: &str, note: AttrValue) -> Html {
    html! {
        <p class="source">
            { viz::image::source_line(story, source, lang) }
            <br />{ note }
            <br /><span class="credit">{ UiText::Credit.get(lang) }</span>
        </p>
    }
}
