//! Which story folders a build embeds: said once, for `story`'s build (the stories) and
//! `viz`'s build (their maps' geometry), which includes this file with `#[path]`.

use std::path::{Path, PathBuf};

/// `STORY_DIRS` (paths separated by `:`, relative to the workspace root), or every folder of
/// `data/stories/` in name order.
pub fn story_dirs(root: &Path) -> Result<Vec<PathBuf>, String> {
    println!("cargo:rerun-if-env-changed=STORY_DIRS");
    if let Ok(list) = std::env::var("STORY_DIRS") {
        let dirs: Vec<PathBuf> = list
            .split(':')
            .filter(|s| !s.trim().is_empty())
            .map(|s| root.join(s.trim()))
            .collect();
        if dirs.is_empty() {
            return Err("STORY_DIRS is set but names no folder".into());
        }
        return Ok(dirs);
    }
    let base = root.join("data/stories");
    println!("cargo:rerun-if-changed={}", base.display());
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map_err(|e| format!("cannot read {}: {e}", base.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(format!("{} holds no story folder", base.display()));
    }
    Ok(dirs)
}
