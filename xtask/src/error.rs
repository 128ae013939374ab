//! The one error type of xtask. Variants carry what went wrong (which file, which command,
//! which option); `main` prints the message once.

use std::io;
use std::path::PathBuf;
use std::process::ExitStatus;

/// Why a task stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown task `{0}`\n\n{help}", help = crate::HELP)]
    UnknownTask(String),
    #[error("{task}: unknown option `{option}`")]
    UnknownOption { task: &'static str, option: String },
    #[error("{option} needs {what}")]
    MissingValue {
        option: &'static str,
        what: &'static str,
    },
    /// A file or folder could not be read, written, created or listed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: FileAction,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("could not start {command}: {source}")]
    Start {
        command: String,
        #[source]
        source: io::Error,
    },
    #[error("{command} failed ({status})")]
    Failed { command: String, status: ExitStatus },
    #[error("{what} is not UTF-8")]
    NotUtf8 { what: String },
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen {
        port: u16,
        #[source]
        source: io::Error,
    },
    #[error("the server socket has no address: {0}")]
    NoAddress(#[source] io::Error),
    #[error(transparent)]
    Path(#[from] std::path::StripPrefixError),
    #[error("wasm-bindgen glue no longer names 'embed_bg.wasm' or __wbg_init; update dist.rs")]
    GlueChanged,
    /// The import/export renaming would not be safe (see xtask/src/glue.rs).
    #[error("cannot shorten the WASM's import and export names: {0}")]
    Glue(String),
    #[error("no wasm-bindgen in Cargo.lock")]
    NoWasmBindgenInLock,
    #[error("dist/ is not built: run `cargo xtask dist` first")]
    NotBuilt,
    /// The benchmark could not measure (a server that did not start, a report without figures).
    #[error("bench: {0}")]
    Bench(String),
    #[error("no end-to-end tests found in tests/")]
    NoEndToEndTests,
}

/// What was being done to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Read,
    Write,
    Create,
    List,
}

impl std::fmt::Display for FileAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileAction::Read => "read",
            FileAction::Write => "write",
            FileAction::Create => "create",
            FileAction::List => "list",
        })
    }
}

impl Error {
    /// An I/O error on `path`, for `map_err`.
    pub fn io(action: FileAction, path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }

    /// A command that could not be started, for `map_err`.
    pub fn start(command: &std::process::Command) -> impl FnOnce(io::Error) -> Error {
        let command = format!("{command:?}");
        move |source| Error::Start { command, source }
    }
}

/// What every task returns.
pub type Result<T = ()> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_io_error_names_the_action_and_the_file() {
        let e =
            Error::io(FileAction::Read, "dist/embed.js")(io::Error::from(io::ErrorKind::NotFound));
        let text = e.to_string();
        assert!(text.starts_with("cannot read dist/embed.js: "), "{text}");
    }

    #[test]
    fn an_unknown_task_lists_the_tasks() {
        let text = Error::UnknownTask("bulid".into()).to_string();
        assert!(text.starts_with("unknown task `bulid`"), "{text}");
        assert!(text.contains("dist"), "{text}");
    }
}
