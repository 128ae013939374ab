//! Named slots in a story's map texts: `{regions}` (their names), `{regions:full}` (with
//! province and city), `{zone}`, `{fact:<id>}`, `{place:<link id>}`. The build checks every slot (`build.rs` includes this file); the map's
//! view model fills them with the story's own names and formatted figures.

/// A piece of a text with slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `{name}` or `{name:arg}`.
    Slot {
        name: &'a str,
        arg: &'a str,
    },
}

/// The slot names a map text may use.
pub const SLOT_NAMES: [&str; 5] = [
    "regions",
    "regions:full",
    "zone",
    "fact:<id>",
    "place:<link id>",
];

/// `text` cut into plain runs and slots; a `{` without its `}` is plain text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (head, tail) = rest.split_at(open);
        let Some(close) = tail.find('}') else {
            break;
        };
        if !head.is_empty() {
            out.push(Piece::Text(head));
        }
        let inner = tail.get(1..close).unwrap_or("");
        let (name, arg) = inner.split_once(':').unwrap_or((inner, ""));
        out.push(Piece::Slot { name, arg });
        rest = tail.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_split_into_runs_and_named_slots() {
        assert_eq!(
            pieces("a{regions}b{fact:x.y}"),
            [
                Piece::Text("a"),
                Piece::Slot {
                    name: "regions",
                    arg: ""
                },
                Piece::Text("b"),
                Piece::Slot {
                    name: "fact",
                    arg: "x.y"
                },
            ]
        );
        assert_eq!(pieces("no { close"), [Piece::Text("no { close")]);
        assert_eq!(pieces(""), []);
    }
}
