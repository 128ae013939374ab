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

#[cfg(any(feature = "tally", feature = "payments", not(feature = "grid-map")))]
use crate::dom_slot::DomSlot;
use crate::shadow::SheetKind;
use story::{Lang, WidgetConfig};
use web_sys::Element;
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

/// What a slot renders with: Yew for the kinds still drawn by Yew, the DOM itself for the kinds
/// drawn without it (docs/architecture.md, "A live layer without Yew"). The error box follows
/// the module: Yew's where Yew is in the WASM anyway, the DOM's in a module whose kinds are all
/// drawn without Yew, which then leaves Yew out.
pub(crate) enum App {
    /// The map, still a Yew component.
    #[cfg(feature = "grid-map")]
    Yew(yew::AppHandle<Slot>),
    // Only in a module that draws a slot with the DOM (a tally, a chart, or the error box
    // where no kind needs Yew): the map's module then carries none of this code.
    #[cfg(any(feature = "tally", feature = "payments", not(feature = "grid-map")))]
    Dom(crate::dom_slot::DomSlot),
}

// In a module with the map the error box is Yew's too: drawing it with the DOM as well cost
// every module 1.3 KB. One `new` per combination of the module's kinds.
impl App {
    /// A slot for `kind`, rendering into `root`, empty.
    #[cfg(all(feature = "grid-map", any(feature = "tally", feature = "payments")))]
    pub(crate) fn new(root: &Element, kind: SheetKind) -> App {
        use story::WidgetKind;
        match kind {
            SheetKind::Widget(WidgetKind::Tally | WidgetKind::Payments) => {
                App::Dom(DomSlot::new(root))
            }
            _ => App::Yew(yew_slot(root)),
        }
    }

    /// A slot for `kind`, rendering into `root`, empty.
    #[cfg(all(
        feature = "grid-map",
        not(any(feature = "tally", feature = "payments"))
    ))]
    pub(crate) fn new(root: &Element, _kind: SheetKind) -> App {
        App::Yew(yew_slot(root))
    }

    /// A slot for `kind`, rendering into `root`, empty.
    #[cfg(not(feature = "grid-map"))]
    pub(crate) fn new(root: &Element, _kind: SheetKind) -> App {
        App::Dom(DomSlot::new(root))
    }

    pub(crate) fn update(&mut self, props: SlotProps) {
        match self {
            #[cfg(feature = "grid-map")]
            App::Yew(app) => app.update(props),
            #[cfg(any(feature = "tally", feature = "payments", not(feature = "grid-map")))]
            App::Dom(slot) => slot.update(props.content),
        }
    }
}

#[cfg(feature = "grid-map")]
fn yew_slot(root: &Element) -> yew::AppHandle<Slot> {
    yew::Renderer::<Slot>::with_root_and_props(
        root.clone(),
        SlotProps {
            content: Content::Empty,
        },
    )
    .render()
}
