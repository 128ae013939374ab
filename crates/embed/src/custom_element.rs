//! `<feature-widget>`: the custom-element form of a placeholder. Its options are plain
//! attributes (`<feature-widget widget="tally" lang="en">`), read here; everything else (lazy
//! mount, unmount on removal, pooled slots, shadow root, error box, state attributes) is the
//! `[data-widget]` placeholder's. The element class itself is the few lines of JS at the end of
//! `xtask/src/entry.js`: a class extending `HTMLElement` cannot be defined from WASM without
//! `eval`, which the CSP forbids, and all it adds is re-rendering when an attribute changes
//! (see docs/embedding.md, The `<feature-widget>` element).

use web_sys::Element;

/// The element's name, as `Element::local_name` gives it.
pub(crate) const TAG: &str = "feature-widget";

/// HTML's own attributes, which any element may carry and which are not widget options.
/// (`lang` is an option: it names the widget's language, which is also what HTML means by it.)
const NOT_OPTIONS: [&str; 12] = [
    "id", "class", "style", "title", "hidden", "tabindex", "slot", "part", "dir", "role", "inert",
    "nonce",
];

/// The options of a `<feature-widget>` (`None` for any other element): every attribute except
/// HTML's global ones, `aria-*` and `data-*` (which include the state attributes the module
/// sets). Unknown names are left in, so the config parser names them in the error box.
pub(crate) fn options(host: &Element) -> Option<Vec<(String, String)>> {
    if host.local_name() != TAG {
        return None;
    }
    let options = host
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| is_option(name))
        .filter_map(|name| {
            let value = host.get_attribute(&name)?;
            Some((name, value))
        })
        .collect();
    Some(options)
}

fn is_option(name: &str) -> bool {
    !(NOT_OPTIONS.contains(&name)
        || name.starts_with("data-")
        || name.starts_with("aria-")
        || name.starts_with("on"))
}
