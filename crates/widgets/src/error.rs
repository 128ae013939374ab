//! The widgets crate's one error type: what the layers below refused (`viz::Error`, which
//! wraps `story::Error`), plus what only a live widget can fail at: fetching an editor's data
//! file, drawing on a canvas. [`Error::message`] is the editor-facing text the error box shows.

use story::ui::{fill, UiText};
use story::Lang;
use thiserror::Error;

/// Why a widget cannot show (part of) itself.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Viz(#[from] viz::Error),
    /// The data file `src` could not be fetched at all (offline, blocked, no window).
    #[error("could not fetch {src}")]
    Network { src: String },
    /// The server answered `src` with a status other than 2xx.
    #[error("{src}: HTTP {status}")]
    Http { src: String, status: u16 },
    /// The data file `src` arrived but was refused.
    #[error("{src}: {source}")]
    File {
        src: String,
        #[source]
        source: viz::Error,
    },
    /// A 2D canvas call threw.
    #[error("canvas call failed")]
    Canvas,
}

impl From<story::ConfigError> for Error {
    fn from(e: story::ConfigError) -> Error {
        Error::Viz(e.into())
    }
}

impl Error {
    /// What an editor reads in the widget's error box, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let load_failed =
            |src: &str, reason: &str| fill(UiText::PaymentsLoadFailed.get(lang), &[src, reason]);
        match self {
            Error::Viz(e) => e.message(lang),
            Error::Network { src } => load_failed(src, UiText::PaymentsNetworkError.get(lang)),
            Error::Http { src, status } => {
                let mut code = String::new();
                story::format::digits::push_uint(&mut code, u64::from(*status));
                load_failed(src, &fill(UiText::PaymentsHttpStatus.get(lang), &[&code]))
            }
            Error::File { src, source } => load_failed(src, &source.message(lang)),
            Error::Canvas => String::from(match lang {
                Lang::Zh => "图表无法绘制。",
                Lang::En => "The chart could not be drawn.",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_failures_name_the_file_and_the_reason_in_both_languages() {
        let http = Error::Http {
            src: "data/s.json".into(),
            status: 404,
        };
        for (lang, want) in [
            (
                Lang::En,
                "Could not load the data file data/s.json: the server answered HTTP 404",
            ),
            (
                Lang::Zh,
                "无法加载数据文件 data/s.json：服务器返回 HTTP 404",
            ),
        ] {
            assert_eq!(http.message(lang), want);
        }
        let offline = Error::Network {
            src: "data/s.json".into(),
        };
        assert_eq!(
            offline.message(Lang::En),
            "Could not load the data file data/s.json: network error"
        );
    }

    #[test]
    fn a_refused_file_carries_the_config_message() {
        let config = story::ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        let e = Error::File {
            src: "s.json".into(),
            source: config.clone().into(),
        };
        let en = e.message(Lang::En);
        assert!(
            en.starts_with("Could not load the data file s.json: "),
            "{en}"
        );
        assert!(en.ends_with(&config.message(Lang::En)), "{en}");
    }

    #[test]
    fn a_config_error_converts_up_through_every_layer() {
        let config = story::ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        let e = Error::from(config.clone());
        assert_eq!(e.message(Lang::Zh), config.message(Lang::Zh));
    }
}
