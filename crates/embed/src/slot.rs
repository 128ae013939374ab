//! What a placeholder's shadow root holds: a widget, an error box, or nothing, drawn without a
//! framework (`dom_slot::DomSlot`: the kinds' element trees and live controllers, see
//! docs/architecture.md, "A live layer without Yew").
//!
//! The embed keeps a pool of slots per kind (each widget kind, and the error box): unmounting
//! empties a slot (which drops the widget with its listeners, observers, timers and animation
//! frames) and detaches its root; the next mount of the same kind moves that root into the new
//! shadow root, which already has that kind's stylesheet adopted.

use crate::dom_slot::DomSlot;
use crate::shadow::SheetKind;
use std::rc::Rc;
use story::{Lang, WidgetConfig};
use web_sys::Element;
use widgets::Visibility;

/// A function the embed hands a widget to call back (ready, failed).
pub(crate) type Callback<T> = Rc<dyn Fn(T)>;

#[derive(Clone)]
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
        message: String,
    },
}

pub(crate) struct SlotProps {
    pub content: Content,
}

/// A slot of the pool, rendering into its root.
pub(crate) struct App(DomSlot);

impl App {
    /// A slot for `kind`, rendering into `root`, empty.
    pub(crate) fn new(root: &Element, _kind: SheetKind) -> App {
        App(DomSlot::new(root))
    }

    pub(crate) fn update(&mut self, props: SlotProps) {
        self.0.update(props.content);
    }
}
