//! A slot drawn straight into the DOM: a widget of a kind this module draws, or the error box
//! (see `slot.rs`).

use crate::slot::Content;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A widget of a kind this module draws.
enum Live {
    #[cfg(feature = "tally")]
    Tally(widgets::tally::live::LiveTally),
    #[cfg(feature = "payments")]
    Payments(widgets::payments::live::LivePayments),
    #[cfg(feature = "grid-map")]
    GridMap(widgets::grid_map::live::LiveMap),
}

impl Live {
    /// Draws the widget of `config` into `root`: `None` for a kind this module does not draw
    /// (it hands such a placeholder to the full module, handoff.rs) or when the document
    /// refuses an element.
    #[allow(unused_variables)]
    fn mount(
        root: &Element,
        config: &story::WidgetConfig,
        visibility: widgets::Visibility,
        width: Option<f64>,
    ) -> Option<Live> {
        match config.kind {
            #[cfg(feature = "tally")]
            story::WidgetKind::Tally => {
                widgets::tally::live::LiveTally::mount(root, config, visibility, false)
                    .map(Live::Tally)
            }
            #[cfg(feature = "payments")]
            story::WidgetKind::Payments => {
                widgets::payments::live::LivePayments::mount(root, config, visibility, width, false)
                    .map(Live::Payments)
            }
            #[cfg(feature = "grid-map")]
            story::WidgetKind::GridMap => {
                widgets::grid_map::live::LiveMap::mount(root, config, visibility, width, false)
                    .map(Live::GridMap)
            }
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    #[allow(unused_variables)]
    fn update(&mut self, theme: story::Theme, visibility: widgets::Visibility) {
        match self {
            #[cfg(feature = "tally")]
            Live::Tally(t) => t.update(theme, visibility),
            #[cfg(feature = "payments")]
            Live::Payments(p) => p.update(theme, visibility),
            #[cfg(feature = "grid-map")]
            Live::GridMap(m) => m.update(theme, visibility),
            // A module without any kind (the error box only) never has one.
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
}

/// A slot drawn straight into the DOM: a tally, a chart, or the error box.
pub(crate) struct DomSlot {
    root: Element,
    /// The key of the widget shown: the same key is the same widget, told its new visibility
    /// or theme; a new key draws a fresh one.
    key: Option<u32>,
    widget: Option<Live>,
    /// The error box's frame, kept while the slot fails so that another message changes its
    /// text (which its `role="alert"` announces) rather than the box.
    failed: Option<Element>,
}

impl DomSlot {
    pub(crate) fn new(root: &Element) -> DomSlot {
        DomSlot {
            root: root.clone(),
            key: None,
            widget: None,
            failed: None,
        }
    }

    pub(crate) fn update(&mut self, content: Content) {
        match content {
            Content::Empty => self.clear(),
            Content::Widget {
                key,
                config,
                visibility,
                width,
                on_ready,
                on_error,
            } => {
                if self.key == Some(key) {
                    if let Some(widget) = &mut self.widget {
                        widget.update(config.theme, visibility);
                    }
                    return;
                }
                self.clear();
                self.key = Some(key);
                self.widget = Live::mount(&self.root, &config, visibility, width);
                if self.widget.is_none() {
                    return;
                }
                // A kind whose story lacks what it shows draws its error box in its frame: the
                // placeholder is then marked failed (with the box's message), not ready.
                let error = self
                    .root
                    .query_selector(".error-box-message")
                    .ok()
                    .flatten();
                match error.and_then(|e| e.text_content()) {
                    Some(message) => on_error(message),
                    None => on_ready(()),
                }
            }
            Content::Failed { lang, message } => {
                self.widget = None;
                self.key = None;
                let text = self
                    .failed
                    .as_ref()
                    .and_then(|f| f.query_selector(".error-box-message").ok().flatten());
                if let Some(text) = text {
                    text.set_text_content(Some(&message));
                    return;
                }
                let doc = self.root.owner_document();
                let tree = widgets::failed_tree(lang, message.to_string().into());
                let built = doc.and_then(|d| tree.build(&d));
                if let Some(el) = built.and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = self.root.append_child(&el);
                    self.failed = Some(el);
                }
            }
        }
    }

    fn clear(&mut self) {
        self.widget = None;
        self.key = None;
        if let Some(failed) = self.failed.take() {
            failed.remove();
        }
    }
}
