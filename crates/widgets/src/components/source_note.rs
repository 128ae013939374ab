//! The source line under every widget: where its figures come from (the same line its images
//! carry, `viz::image::source_line`).

use crate::dom::{el as tree, text, v, Node, Text};
use story::{ui::UiText, Lang, Story};

/// The source note of `story`: its source (publication and date) first, then `source`, the
/// section(s) of the source in the reader's language, then `note` (e.g. "reported totals;
/// intermediate values not reported"), then the credit line.
pub fn source_note(lang: Lang, story: &Story, source: &str, note: Text) -> Node {
    tree(
        "p",
        [("class", v("source"))],
        vec![
            text(viz::image::source_line(story, source, lang)),
            tree("br", [], vec![]),
            text(note),
            tree("br", [], vec![]),
            tree(
                "span",
                [("class", v("credit"))],
                vec![text(UiText::Credit.get(lang))],
            ),
        ],
    )
}
