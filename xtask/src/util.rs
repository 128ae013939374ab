//! Small helpers shared by the tasks: the project root and running commands with progress.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub use crate::error::{Error, FileAction, Result};

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Prints a step heading, so long builds show progress.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// Runs a command from the workspace root, streaming its output; fails on a non-zero exit.
pub fn exec(cmd: &mut Command) -> Result {
    let started = Instant::now();
    let shown = format!("{cmd:?}");
    eprintln!("    $ {shown}");
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(Error::start(cmd))?;
    let secs = started.elapsed().as_secs_f32();
    if status.success() {
        eprintln!("    ok ({secs:.1} s)");
        Ok(())
    } else {
        eprintln!("    failed ({secs:.1} s)");
        Err(Error::Failed {
            command: shown,
            status,
        })
    }
}

/// Runs a command and returns its standard output, or None if it could not run or failed.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Runs a command from the workspace root and returns its standard output; fails on a
/// non-zero exit, with its standard error shown as it runs.
pub fn capture(cmd: &mut Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    eprintln!("    $ {shown}");
    let out = cmd
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(Error::start(cmd))?;
    if !out.status.success() {
        return Err(Error::Failed {
            command: shown,
            status: out.status,
        });
    }
    String::from_utf8(out.stdout).map_err(|_| Error::NotUtf8 {
        what: format!("the output of {shown}"),
    })
}
