//! Module variants (xtask/src/dist.rs builds them; xtask/src/entry.js picks one per page).
//!
//! The **lean** module is built without the `src` feature: it cannot read an editor's file, and
//! most pages never name one, so it leaves out the file reader, the story-bundle decoder and
//! validator and their messages (~15 KB brotli). A placeholder that names a `src` file is marked
//! `data-widget-module="full"` instead and left as it is (static layer and fallback in place);
//! the entry module sees the mark and loads the **full** module, which then starts beside the
//! lean one in the [`Role::Beside`] role and serves only the marked placeholders. A page whose
//! placeholders name a file from the start loads only the full module, which serves all.

use web_sys::Element;

/// The attribute that hands a placeholder to the full module.
pub(crate) const MODULE: &str = "data-widget-module";
const FULL: &str = "full";

/// What this module serves on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The first module on the page: every placeholder not handed to the full module.
    First,
    /// The full module started beside a lean one: only the placeholders handed to it.
    Beside,
}

impl Role {
    pub(crate) fn serves(self, host: &Element) -> bool {
        let marked = is_marked(host);
        match self {
            // The full module, first on the page, serves all (marks left by an earlier lean
            // module included); the lean one leaves the marked ones to the full module.
            Role::First => cfg!(feature = "src") || !marked,
            Role::Beside => marked,
        }
    }
}

fn is_marked(host: &Element) -> bool {
    host.get_attribute(MODULE).as_deref() == Some(FULL)
}

/// The name this build gives itself in `FeatureWidgets.variant`.
pub(crate) const VARIANT: &str = if cfg!(feature = "src") {
    "full"
} else {
    "lean"
};

/// Hands `host` to the full module (only the lean module does): marks it, and the entry module
/// loads the full module if it has not yet.
pub(crate) fn to_full(host: &Element) {
    let _ = host.set_attribute(MODULE, FULL);
}
