//! One element tree for both layers, without Yew (issue 12, item 5 of the path to 80 KiB in
//! docs/architecture.md).
//!
//! A kind's view function returns a [`Node`] from its view model and state. Natively,
//! [`Node::write_html`] writes it as HTML for the static layer and the cli; in the browser,
//! [`Node::build`] makes the elements with `createElement` and `setAttribute`, text always as
//! text nodes (never parsed as HTML). So the same function draws both layers, and the live
//! layer needs no virtual-DOM runtime: a spike of the tally this way made its module 80.6 ->
//! 45.4 KB brotli (docs/architecture.md, "A live layer without Yew").
//!
//! **The same HTML as Yew's server renderer**, so a kind moved off Yew keeps its static layer:
//! attributes in the order given (call sites list them as `html!` writes them: ordinary ones
//! in source order, then boolean ones, then `class`), a boolean attribute with its own name as
//! value (`hidden="hidden"`), void elements without a closing tag. Escaping goes through
//! `story::format::escape` (the project's one escaping function), which also escapes quotes in
//! text: the same document, where Yew wrote a bare `'` or `"`.

use std::borrow::Cow;
use story::format::escape::push_escaped;

/// Text of a node or an attribute's value: borrowed from the story or the interface strings
/// (`'static`), or made for this view.
pub type Text = Cow<'static, str>;

/// An element or a text node.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Box<Element>),
    Text(Text),
    /// Markup our own SVG writer made (`viz::svg`, which escapes every text it writes): the
    /// chart's drawing in the static layer. Native only; never built in the browser.
    #[cfg(feature = "ssr")]
    Svg(String),
}

/// An element: its tag, its attributes (name and value, in the order written) and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, Text)>,
    pub children: Vec<Node>,
}

/// The element `tag` with `attrs` (a `None` value leaves its attribute out) and `children`.
pub fn el<const N: usize>(
    tag: &'static str,
    attrs: [(&'static str, Option<Text>); N],
    children: Vec<Node>,
) -> Node {
    let attrs = attrs
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
        .collect();
    Node::Element(Box::new(Element {
        tag,
        attrs,
        children,
    }))
}

/// A text node.
pub fn text(t: impl Into<Text>) -> Node {
    Node::Text(t.into())
}

/// An attribute's value, always set.
pub fn v(t: impl Into<Text>) -> Option<Text> {
    Some(t.into())
}

/// A boolean attribute's value: its own name when on (as Yew writes it), left out when off.
pub fn flag(name: &'static str, on: bool) -> Option<Text> {
    on.then_some(Cow::Borrowed(name))
}

/// Class names joined by spaces, empty ones left out, the attribute too when all are empty.
pub fn classes(names: &[&'static str]) -> Option<Text> {
    let mut shown = names.iter().filter(|n| !n.is_empty());
    let first = *shown.next()?;
    let mut joined = Cow::Borrowed(first);
    for n in shown {
        let s = joined.to_mut();
        s.push(' ');
        s.push_str(n);
    }
    Some(joined)
}

/// Elements HTML writes without a closing tag.
const VOID: [&str; 6] = ["br", "hr", "img", "input", "link", "meta"];

impl Node {
    /// The node as HTML, appended to `out`.
    pub fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => push_escaped(out, t),
            #[cfg(feature = "ssr")]
            Node::Svg(markup) => out.push_str(markup),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    push_escaped(out, value);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&e.tag) {
                    return;
                }
                for child in &e.children {
                    child.write_html(out);
                }
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }

    /// The node as HTML.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    /// The node as DOM nodes of `doc`: elements by `createElement` (SVG's in the SVG namespace,
    /// inside an `<svg>`), attributes by `setAttribute`, text as text nodes. `None` when the
    /// document refuses an element (an invalid tag never comes from our views).
    pub fn build(&self, doc: &web_sys::Document) -> Option<web_sys::Node> {
        self.build_in(doc, false)
    }

    /// [`Node::build`] for an element node: the element, `None` for a text node or when the
    /// document refuses an element.
    pub fn build_element(&self, doc: &web_sys::Document) -> Option<web_sys::Element> {
        use wasm_bindgen::JsCast;
        self.build(doc)?.dyn_into::<web_sys::Element>().ok()
    }

    /// [`Node::build`] for a node that goes inside an `<svg>` (the SVG namespace throughout).
    pub fn build_svg(&self, doc: &web_sys::Document) -> Option<web_sys::Node> {
        self.build_in(doc, true)
    }

    fn build_in(&self, doc: &web_sys::Document, svg: bool) -> Option<web_sys::Node> {
        match self {
            Node::Text(t) => Some(doc.create_text_node(t).into()),
            #[cfg(feature = "ssr")]
            Node::Svg(_) => None,
            Node::Element(e) => {
                let svg = svg || e.tag == "svg";
                let el = if svg {
                    doc.create_element_ns(Some(SVG_NS), e.tag).ok()?
                } else {
                    doc.create_element(e.tag).ok()?
                };
                for (name, value) in &e.attrs {
                    el.set_attribute(name, value).ok()?;
                }
                for child in &e.children {
                    el.append_child(&child.build_in(doc, svg)?).ok()?;
                }
                Some(el.into())
            }
        }
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_their_order_and_none_leaves_one_out() {
        let n = el(
            "button",
            [
                ("type", v("button")),
                ("aria-controls", None),
                ("inert", flag("inert", true)),
                ("hidden", flag("hidden", false)),
                ("class", classes(&["a", "", "b"])),
            ],
            vec![text("x")],
        );
        assert_eq!(
            n.to_html(),
            r#"<button type="button" inert="inert" class="a b">x</button>"#
        );
    }

    #[test]
    fn text_and_values_are_escaped_and_void_elements_have_no_end_tag() {
        let n = el(
            "p",
            [("title", v("\"<&>\""))],
            vec![text("<script>&"), el("br", [], vec![]), text("ok")],
        );
        assert_eq!(
            n.to_html(),
            "<p title=\"&quot;&lt;&amp;&gt;&quot;\">&lt;script&gt;&amp;<br>ok</p>"
        );
    }

    #[test]
    fn no_class_names_means_no_class_attribute() {
        assert_eq!(classes(&["", ""]), None);
        assert_eq!(classes(&["one"]).as_deref(), Some("one"));
    }
}
