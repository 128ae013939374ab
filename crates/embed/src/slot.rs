//! The one root component type the embed mounts: a slot that shows a widget, an error, or
//! nothing.
//!
//! Yew keeps the event listeners it delegates to an app's root element for the life of the
//! page (`HostHandlers` forgets them by design), so destroying an app and mounting a new one
//! for every placeholder would leak a root element and its listeners each time. Instead the
//! embed keeps a pool of slots: unmounting empties a slot (which drops the widget's
//! components with their own listeners, timers and animation frames) and detaches its root;
//! the next mount of the same kind moves that root into the new shadow root. Slots are pooled
//! per kind (each widget kind, and the error box): Yew adds one listener to an app's root per
//! event type its content has used, so a slot that hosted every kind in turn would carry the
//! union of their listeners, and the page's count would creep up as slots swap kinds (measured
//! before per-kind pools: +5 listeners over the first 50 cycles of inserting and removing the
//! three kinds together). The pool of a kind never grows beyond the most placeholders of that
//! kind mounted at once, and each slot carries exactly its kind's listeners.

use story::{Lang, WidgetConfig};
use widgets::{failed_widget, Visibility, Widget};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub(crate) enum Content {
    Empty,
    /// `key` changes with every mount, so a reused slot always creates a fresh widget.
    Widget {
        key: u32,
        config: WidgetConfig,
        visibility: Visibility,
        /// The placeholder's width at mount (CSS px).
        width: Option<f64>,
        on_ready: Callback<()>,
        on_error: Callback<String>,
    },
    /// A plain element, not keyed: a slot failing again with another message keeps its box
    /// and changes the text, which its `role="alert"` announces.
    Failed {
        lang: Lang,
        message: AttrValue,
    },
}

#[derive(Properties, PartialEq)]
pub(crate) struct SlotProps {
    pub content: Content,
}

#[function_component]
pub(crate) fn Slot(props: &SlotProps) -> Html {
    match &props.content {
        Content::Empty => Html::default(),
        // A component of its own, not `widgets::Widget`'s frame rendered here (one component
        // type fewer, -192 B): its `on_ready` effect then runs with the slot's updates, which
        // Yew runs after every pending render on the page, so every widget was marked ready
        // only once the last had settled (first widget ready 330 -> 552 ms in the bench).
        Content::Widget {
            key,
            config,
            visibility,
            width,
            on_ready,
            on_error,
        } => html! {
            <Widget key={*key} config={config.clone()} visibility={*visibility} width={*width}
                on_ready={on_ready.clone()} on_error={on_error.clone()} />
        },
        Content::Failed { lang, message } => failed_widget(*lang, message.clone()),
    }
}
