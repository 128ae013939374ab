//! The story crate's one error type: a configuration that was refused, a number that cannot
//! be written, an article file that does not check. Layers above wrap it (`viz::Error`, then `widgets::Error`, `embed::Error`,
//! `cli::Error`); editor-facing text comes from [`Error::message`].

use crate::article::ArticleError;
use crate::config::{ConfigError, Lang};
use crate::format::FormatError;
use thiserror::Error;

/// Why the story layer refused something.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Format(#[from] FormatError),
    /// A story's article file was refused (line and problem, for the newsroom developer).
    #[error(transparent)]
    Article(#[from] ArticleError),
}

impl Error {
    /// What an editor reads in the widget's error box, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Config(e) => e.message(lang),
            Error::Article(e) => e.to_string(),
            Error::Format(e) => {
                let (zh, en) = match e {
                    FormatError::NotFinite => {
                        ("数值不是有限的数。", "The value is not a finite number.")
                    }
                    FormatError::Negative => (
                        "数值为负数，此处只能是 0 或更大的数。",
                        "The value is negative; only 0 or more makes sense here.",
                    ),
                    FormatError::TooLarge => {
                        ("数值过大，无法显示。", "The value is too large to show.")
                    }
                };
                String::from(lang.pick(zh, en))
            }
        }
    }
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    #[test]
    fn a_config_error_keeps_its_editor_facing_messages() {
        let config = ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        let e = Error::from(config.clone());
        assert_eq!(e.message(Lang::Zh), config.message(Lang::Zh));
        assert_eq!(e.message(Lang::En), config.message(Lang::En));
        assert_eq!(e.to_string(), config.to_string());
    }

    #[test]
    fn a_format_error_reads_in_both_languages() {
        let e = Error::from(FormatError::TooLarge);
        assert_eq!(e.message(Lang::Zh), "数值过大，无法显示。");
        assert_eq!(e.message(Lang::En), "The value is too large to show.");
    }
}
