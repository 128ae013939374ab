//! The reader's motion setting, as the kinds' live controllers read it.

/// The media query of the setting.
pub const REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";

/// Whether the reader asks for reduced motion now.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(REDUCED_MOTION).ok().flatten())
        .is_some_and(|m| m.matches())
}
