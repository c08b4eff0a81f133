//! The window (egui only): draws the project and turns input into edits.
//!
//! `app` is the shell (state, side effects, the frame); each view lives in its own module
//! and only reads the project, changes view state and pushes [`state::Action`]s.

mod app;
mod article_meta;
pub(crate) mod article_view;
mod claims_table;
mod details;
mod dialogs;
pub mod export;
pub mod jobs;
pub mod rows;
mod speakers;
pub mod state;
pub mod theme;
mod toolbar;

use std::path::PathBuf;

pub use app::{AppOptions, ClaimdeskApp};

/// The bundled sample article, shown analysed on a first run.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/rafah-kirby-gallant.txt");
pub const SAMPLE_NAME: &str = "rafah-kirby-gallant.txt";

/// Open the workbench window with `files` (articles or a project) loaded.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("claimdesk")
            .with_app_id("claimdesk")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "claimdesk",
        options,
        Box::new(move |cc| {
            Ok(Box::new(ClaimdeskApp::new(
                cc,
                AppOptions {
                    files,
                    ..AppOptions::default()
                },
            )))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}
