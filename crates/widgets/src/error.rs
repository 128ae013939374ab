//! The widgets crate's one error type: what the layers below refused (`viz::Error`, which
//! wraps `story::Error`), plus what only a live widget can fail at: fetching an editor's data
//! file, drawing on a canvas. [`Error::message`] is the editor-facing text the error box shows.

use story::Lang;
use thiserror::Error;

/// Why a widget cannot show (part of) itself.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    #[error(transparent)]
    Viz(#[from] viz::Error),
    /// The editor's data file `src` could not be used: not fetched, an HTTP error, too big,
    /// too slow, not UTF-8, an HTML page, or not a valid series.
    #[error("{src}: {source}")]
    SeriesFile {
        src: String,
        #[source]
        source: story::config::SeriesFileError,
    },
    /// A 2D canvas call threw.
    #[error("canvas call failed")]
    Canvas,
    /// The static layer could not be rendered natively (no runtime, or the chart's SVG).
    #[error("static layer: {0}")]
    Render(String),
}

impl From<story::ConfigError> for Error {
    fn from(e: story::ConfigError) -> Error {
        Error::Viz(e.into())
    }
}

impl Error {
    /// What an editor reads in the widget's error box, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Viz(e) => e.message(lang),
            Error::SeriesFile { src, source } => source.message(src, lang),
            Error::Canvas | Error::Render(_) => {
                String::from(lang.pick("图表无法绘制。", "The chart could not be drawn."))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::config::SeriesFileError;

    #[test]
    fn series_file_failures_name_the_file_and_the_reason_in_both_languages() {
        let e = |source| Error::SeriesFile {
            src: "data/s.json".into(),
            source,
        };
        let http = e(SeriesFileError::Status(500));
        assert!(http
            .message(Lang::En)
            .starts_with("Could not load the data file data/s.json: "));
        assert!(
            http.message(Lang::En).contains("500"),
            "{}",
            http.message(Lang::En)
        );
        assert!(http
            .message(Lang::Zh)
            .starts_with("无法加载数据文件 data/s.json："));
        let config = story::ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        let refused = e(SeriesFileError::Invalid(config.clone())).message(Lang::En);
        assert!(refused.ends_with(&config.message(Lang::En)), "{refused}");
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
