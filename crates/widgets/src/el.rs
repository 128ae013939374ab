//! One element builder for the components' repeated markup (SVG shapes, list items, buttons,
//! labelled spans).
//!
//! **Why, and where.** An element written in `html!` with a computed `class={…}` goes through
//! Yew's `Classes`, an `IndexSet` with its own hashing: with every computed class a plain
//! string built by [`classes`] and set through `el!`, that code leaves the WASM (-1.7 KiB
//! brotli, docs/architecture.md). Elsewhere the builder is about even with `html!` per call
//! site (measured: converting the map's step buttons alone made the WASM bigger), so it is
//! used where a class is computed and on the map's repeated SVG shapes, and `html!` stays for
//! elements whose attributes are all literals (Yew makes those one static slice). [`element`]
//! is one plain function; the `el!` macro only pairs names with values, so the names stay a
//! `'static` slice (Yew's `Attributes::Dynamic`, whose diff compares names by pointer, as for
//! `html!`).
//!
//! **Same DOM as `html!`.** Attributes are set, and server-rendered, in the order given, and a
//! `None` value leaves its attribute out, as an `Option` does in `html!`. `html!` itself writes
//! the ordinary attributes in source order, then the boolean ones (`inert`, `hidden`), then
//! `class`: call sites replacing an `html!` element list them in that order, so the static
//! layer stays byte-identical. A boolean attribute (`inert`) takes its own name as value when
//! on, and is left out when off. A `class` is a plain string here, not Yew's `Classes` set.

use std::rc::Rc;
use yew::virtual_dom::{
    AttributeOrProperty, Attributes, Listener, Listeners, VList, VNode, VTag, VText,
};
use yew::{AttrValue, NodeRef};

/// An attribute's value: `None` leaves the attribute out.
pub type Value = Option<AttrValue>;

/// A listener, as `yew::html::onclick::Wrapper::__macro_new` and its siblings make them.
pub type On = Option<Rc<dyn Listener>>;

/// The element `tag` with the attributes `names` set to `values` (same length; a `None` value
/// leaves its attribute out), `listeners` and `children`.
#[inline(never)]
pub fn element(
    tag: &'static str,
    names: &'static [&'static str],
    values: Vec<Value>,
    listeners: Vec<On>,
    children: Vec<VNode>,
) -> VNode {
    element_tag(tag, names, values, listeners, children).into()
}

/// [`element`] before it becomes a node, for the few that also need a `ref` or a `key`.
#[inline(never)]
pub fn element_tag(
    tag: &'static str,
    names: &'static [&'static str],
    values: Vec<Value>,
    listeners: Vec<On>,
    mut children: Vec<VNode>,
) -> VTag {
    let attributes = if names.is_empty() {
        Attributes::default()
    } else {
        Attributes::Dynamic {
            keys: names,
            values: values
                .into_iter()
                .map(|v| v.map(AttributeOrProperty::Attribute))
                .collect(),
        }
    };
    let listeners = if listeners.is_empty() {
        Listeners::None
    } else {
        Listeners::Pending(listeners.into_boxed_slice())
    };
    // One child is the child itself, as `html!` does; more (or none) are a list.
    let children = if children.len() == 1 {
        children.pop().unwrap_or_default()
    } else {
        VList::with_children(children, None).into()
    };
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        attributes,
        listeners,
        children,
    )
}

/// A text node.
pub fn text(s: impl Into<AttrValue>) -> VNode {
    VText::new(s).into()
}

/// Class names joined by spaces, empty ones left out, the attribute too when all are empty:
/// what `classes!` writes for distinct names ([`crate::dom::classes`], as a Yew value).
pub fn classes(names: &[&'static str]) -> Value {
    crate::dom::classes(names).map(yew_text)
}

/// A [`crate::dom::Text`] as Yew's `AttrValue`, borrowed text staying borrowed.
fn yew_text(t: crate::dom::Text) -> AttrValue {
    match t {
        std::borrow::Cow::Borrowed(s) => AttrValue::Static(s),
        std::borrow::Cow::Owned(s) => AttrValue::from(s),
    }
}

/// What [`el!`] and [`vtag!`] expand to: a call of `$f` ([`element`] or [`element_tag`]) with
/// the names as a `'static` slice and the values converted as `html!` converts them.
macro_rules! build {
    ($f:ident: $tag:literal, [$($name:literal => $value:expr),* $(,)?] $(, on [$($on:expr),* $(,)?])? $(, [$($child:expr),* $(,)?])? $(,)?) => {
        $crate::el::$f(
            $tag,
            &[$($name),*],
            vec![$(::yew::html::IntoPropValue::<$crate::el::Value>::into_prop_value($value)),*],
            vec![$($($on),*)?],
            vec![$($($child),*)?],
        )
    };
}

/// An element: `el!("tag", ["name" => value, ...])`, then optionally `on [listener, ...]`
/// (made with [`on`]'s functions) and `[child, ...]`. Values are anything `html!` takes for an
/// attribute (`&'static str`, `String`, `AttrValue`, their `Option`s, [`Value`]).
macro_rules! el {
    ($($t:tt)*) => { $crate::el::build!(element: $($t)*) };
}

/// [`el!`] as a `VTag`, to set its `node_ref` or `key`.
macro_rules! vtag {
    ($($t:tt)*) => { $crate::el::build!(element_tag: $($t)*) };
}

pub(crate) use {build, el, vtag};

/// Listeners for `el!`, one function per event the components use.
pub mod on {
    use super::On;
    use yew::html;
    use yew::prelude::*;

    pub fn click(cb: Callback<MouseEvent>) -> On {
        html::onclick::Wrapper::__macro_new(cb)
    }

    pub fn pointerover(cb: Callback<PointerEvent>) -> On {
        html::onpointerover::Wrapper::__macro_new(cb)
    }

    pub fn pointerleave(cb: Callback<PointerEvent>) -> On {
        html::onpointerleave::Wrapper::__macro_new(cb)
    }

    pub fn focusin(cb: Callback<FocusEvent>) -> On {
        html::onfocusin::Wrapper::__macro_new(cb)
    }

    pub fn focusout(cb: Callback<FocusEvent>) -> On {
        html::onfocusout::Wrapper::__macro_new(cb)
    }
}
