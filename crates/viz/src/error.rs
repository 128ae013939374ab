//! The viz crate's one error type: the story layer's errors, plus what viz itself can fail at
//! (reading the embedded map). Editor-facing text comes from [`Error::message`].

use crate::geo::DecodeError;
use story::ui::UiText;
use story::Lang;
use thiserror::Error;

/// Why a view model could not be built.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Story(#[from] story::Error),
    #[error("map data: {0}")]
    Map(#[from] DecodeError),
}

impl From<story::ConfigError> for Error {
    fn from(e: story::ConfigError) -> Error {
        Error::Story(e.into())
    }
}

impl Error {
    /// What an editor reads in the widget's error box, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Story(e) => e.message(lang),
            Error::Map(_) => UiText::MapError.get(lang).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_map_says_so_to_the_editor_and_names_the_byte_to_the_developer() {
        let e = Error::from(DecodeError::Truncated(12));
        assert_eq!(e.message(Lang::En), UiText::MapError.get(Lang::En));
        assert_eq!(e.to_string(), "map data: map blob truncated at byte 12");
    }

    #[test]
    fn a_config_error_passes_through_unchanged() {
        let config = story::ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        assert_eq!(
            Error::from(config.clone()).message(Lang::Zh),
            config.message(Lang::Zh)
        );
    }
}
