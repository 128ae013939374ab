//! The embed crate's one error type: what the widget layer refused (`widgets::Error`, which
//! wraps viz's and story's), plus what only the page can fail at. [`Error::message`] is the
//! text for the placeholder's error box and the console.

use story::Lang;
use thiserror::Error;

/// Why a placeholder, or the whole module, cannot show a widget.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Widget(#[from] widgets::Error),
    /// The placeholder element cannot take a shadow root (e.g. `<img>`, `<input>`), so no
    /// error box can be shown either: the message goes to the console and the attribute only.
    #[error("{}", Error::NO_SHADOW_ROOT)]
    NoShadowRoot,
    /// The browser lacks an API the module needs for every placeholder.
    #[error("{}", Error::NO_OBSERVERS)]
    NoObservers,
}

impl From<story::ConfigError> for Error {
    fn from(e: story::ConfigError) -> Error {
        Error::Widget(e.into())
    }
}

impl Error {
    const NO_SHADOW_ROOT: &'static str =
        "this element cannot hold a widget; use <div data-widget=…>";
    const NO_OBSERVERS: &'static str =
        "this browser lacks IntersectionObserver or MutationObserver";

    /// The editor-facing text in `lang`; page-level failures, which no error box can show,
    /// are for the page's developer and in English.
    ///
    /// Built without `Display`: formatting the whole error tree would link every layer's
    /// `Display` impl into the WASM (about 5 KB) for messages it already has.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Widget(e) => e.message(lang),
            Error::NoShadowRoot => Error::NO_SHADOW_ROOT.into(),
            Error::NoObservers => Error::NO_OBSERVERS.into(),
        }
    }
}
