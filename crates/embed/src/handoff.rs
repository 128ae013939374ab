//! Placeholders this module leaves to another one (a config in a language this build does not
//! carry). A stub: the lead's loader owns this file and replaces it.

use web_sys::Element;

/// Marks `host` for the full module, which carries every language.
pub(crate) fn to_full(host: &Element) {
    /* marks the host for the full module; the lead implements */
    let _ = host.set_attribute("data-widget-module", "full");
}
