//! The cli's one error type: what the view layer refused (`viz::Error`, which wraps story's),
//! plus what only a command line tool can fail at (arguments, files, output). `main` prints
//! it once; commands return it with `?`.

use std::io;
use thiserror::Error;

/// Why a command stopped.
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Widgets(#[from] widgets::Error),
    /// An option with a value outside what it takes (`None`: the value is missing).
    #[error("{option} takes {allowed}, not {}", value.as_deref().unwrap_or("nothing"))]
    BadValue {
        option: &'static str,
        value: Option<String>,
        allowed: &'static str,
    },
    #[error("{command}: unknown argument {argument:?}\n{usage}")]
    UnknownArgument {
        command: &'static str,
        argument: String,
        usage: &'static str,
    },
    #[error("{usage}")]
    Usage { usage: &'static str },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// Standard output went away (a closed pipe) or could not be written.
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
    /// The configuration schema shipped in the story crate is not valid JSON.
    #[error("the configuration schema is broken: {0}")]
    Schema(#[from] serde_json::Error),
    #[error("the template has no <!-- article --> marker")]
    NoArticleMarker,
    /// The story's article file was refused.
    #[error("{file}:{source}")]
    Article {
        file: String,
        #[source]
        source: story::article::ArticleError,
    },
    /// A story folder that does not make a valid story bundle.
    #[error("{0}")]
    Bundle(String),
    #[error("the story {story} has no {file}")]
    NoArticle { story: String, file: String },
}

impl From<viz::Error> for Error {
    fn from(e: viz::Error) -> Error {
        Error::Widgets(e.into())
    }
}

impl From<viz::geo::DecodeError> for Error {
    fn from(e: viz::geo::DecodeError) -> Error {
        Error::Widgets(viz::Error::from(e).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_value_names_the_option_what_it_takes_and_what_was_given() {
        let e = Error::BadValue {
            option: "--lang",
            value: Some("fr".into()),
            allowed: "zh or en",
        };
        assert_eq!(e.to_string(), "--lang takes zh or en, not fr");
        let missing = Error::BadValue {
            option: "--template",
            value: None,
            allowed: "a file",
        };
        assert_eq!(missing.to_string(), "--template takes a file, not nothing");
    }

    #[test]
    fn a_broken_map_blob_reads_as_map_data() {
        let e = Error::from(viz::geo::DecodeError::NotAMap);
        assert_eq!(e.to_string(), "map data: not a map blob");
    }
}
