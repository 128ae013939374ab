//! One module per command.

pub mod bundle;
pub mod facts;
pub mod page;
pub mod placeholder;
pub mod render;
pub mod schema;
pub mod validate;

/// What a command returns: an exit code, or an error for `main` to print.
pub type Outcome = Result<std::process::ExitCode, crate::Error>;
