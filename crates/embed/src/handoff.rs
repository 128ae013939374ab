//! Module variants (xtask/src/dist.rs builds them; xtask/src/entry.js picks one per page).
//!
//! A **lean** variant is built without some of embed's cargo features: without `src` it cannot
//! read an editor's file, and most pages never name one, so it leaves out the file reader, the
//! story-bundle decoder and validator and their messages (~15 KB brotli); without a widget kind
//! (`tally`, `payments`, `grid-map`) it leaves out that component; with one language (`zh`,
//! `en`) it leaves out the other's story text and interface strings (~5 KB). A placeholder it cannot serve
//! is marked `data-widget-module="full"` instead and left as it is (static layer and fallback in
//! place); the entry module sees the mark and loads the **full** module (every feature), which
//! then starts beside the lean one in the [`Role::Beside`] role and serves only the marked
//! placeholders. The entry module picks a variant that serves every placeholder present when
//! it runs, so handing over happens only for placeholders added later.

use story::{WidgetConfig, WidgetKind};
use web_sys::Element;

/// The attribute that hands a placeholder to the full module.
pub(crate) const MODULE: &str = "data-widget-module";
const MARKED_FOR_FULL: &str = "full";

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
            Role::First => FULL || !marked,
            Role::Beside => marked,
        }
    }
}

fn is_marked(host: &Element) -> bool {
    host.get_attribute(MODULE).as_deref() == Some(MARKED_FOR_FULL)
}

/// Whether this build has every feature: the full module.
pub(crate) const FULL: bool = cfg!(all(
    feature = "src",
    feature = "pictures",
    feature = "tally",
    feature = "payments",
    feature = "grid-map",
    feature = "zh",
    feature = "en"
));

/// The name this build gives itself in `FeatureWidgets.variant`: its name in dist's variant
/// table (`FEATURE_WIDGETS_VARIANT`, set by `cargo xtask dist`).
pub(crate) const VARIANT: &str = match option_env!("FEATURE_WIDGETS_VARIANT") {
    Some(name) => name,
    None if FULL => "full",
    None => "lean",
};

/// Whether this build can draw `config`: its kind, its language, and its file if it reads one.
pub(crate) fn can_draw(config: &WidgetConfig) -> bool {
    let kind = match config.kind {
        WidgetKind::Tally => cfg!(feature = "tally"),
        WidgetKind::Payments => cfg!(feature = "payments"),
        WidgetKind::GridMap => cfg!(feature = "grid-map"),
    };
    kind && config.lang.is_compiled() && (cfg!(feature = "src") || !config.reads_file())
}

/// Hands `host` to the full module (only the lean module does): marks it, and the entry module
/// loads the full module if it has not yet.
pub(crate) fn to_full(host: &Element) {
    let _ = host.set_attribute(MODULE, MARKED_FOR_FULL);
}
