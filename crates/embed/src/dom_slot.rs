//! A slot drawn straight into the DOM, without Yew: a tally, or the error box in a module
//! without Yew kinds (see `slot::App`).

use crate::slot::Content;
use story::WidgetKind;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A slot drawn straight into the DOM: a tally, or the error box.
pub(crate) struct DomSlot {
    root: Element,
    /// The key of the widget shown: the same key is the same widget, told its new visibility
    /// or theme; a new key draws a fresh one.
    key: Option<u32>,
    tally: Option<widgets::tally::live::LiveTally>,
    /// The error box's frame, kept while the slot fails so that another message changes its
    /// text (which its `role="alert"` announces) rather than the box.
    failed: Option<Element>,
}

impl DomSlot {
    pub(crate) fn new(root: &Element) -> DomSlot {
        DomSlot {
            root: root.clone(),
            key: None,
            tally: None,
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
                on_ready,
                ..
            } => {
                if self.key == Some(key) {
                    if let Some(tally) = &mut self.tally {
                        tally.update(config.theme, visibility);
                    }
                    return;
                }
                self.clear();
                self.key = Some(key);
                // The module hands a kind it cannot draw to the full module (handoff.rs).
                if config.kind != WidgetKind::Tally || !cfg!(feature = "tally") {
                    return;
                }
                self.tally =
                    widgets::tally::live::LiveTally::mount(&self.root, &config, visibility, false);
                if self.tally.is_some() {
                    on_ready.emit(());
                }
            }
            Content::Failed { lang, message } => {
                self.tally = None;
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
        self.tally = None;
        self.key = None;
        if let Some(failed) = self.failed.take() {
            failed.remove();
        }
    }
}
