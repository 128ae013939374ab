//! The source line under every widget: where its figures come from (the same line its images
//! carry, `viz::image::source_line`).

use story::{ui::UiText, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceNoteProps {
    pub lang: Lang,
    /// The story: its source (publication and date) is cited first.
    pub story: &'static story::Story,
    /// The section(s) of the source, e.g. the article's heading(s), in the reader's language.
    pub source: AttrValue,
    /// An extra note, e.g. "reported totals; intermediate values not reported".
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

#[function_component]
pub fn SourceNote(props: &SourceNoteProps) -> Html {
    html! {
        <p class="source">
            { viz::image::source_line(props.story, &props.source, props.lang) }
            if let Some(note) = &props.note { <br />{ note } }
            <br /><span class="credit">{ UiText::Credit.get(props.lang) }</span>
        </p>
    }
}
