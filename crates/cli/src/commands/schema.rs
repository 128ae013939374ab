//! `cli schema`: prints the JSON Schema of widget configurations.

use super::Outcome;
use std::io::Write;
use std::process::ExitCode;

pub fn run(_args: &[String]) -> Outcome {
    std::io::stdout()
        .lock()
        .write_all(story::config::SCHEMA_JSON.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
