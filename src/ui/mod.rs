//! The window (egui only): draws the project and turns input into edits.

use std::path::PathBuf;

/// Open the workbench window with `files` (articles or a project) loaded.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    let _ = files;
    Err("the window is not built yet".into())
}
