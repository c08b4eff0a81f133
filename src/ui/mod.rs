//! The window (egui only): draws the project and turns every input into an action.
//!
//! `command` is the boundary (the [`command::Action`]s, their queue, the shortcut table);
//! `app` is the shell (the frame, the one dispatcher, files and prompts, job results);
//! each view lives in its own module, reads the project and pushes actions. Views import
//! `command`, `state` and `theme`, never `app` or each other (no import circles; a test
//! in `tests/ui_rooms.rs` checks).

mod app;
mod article_layout;
mod article_meta;
mod article_view;
mod articles_list;
pub mod assign_speaker;
pub mod checks;
mod claims_table;
pub mod command;
mod details;
mod dialogs;
pub mod drafts;
pub mod export;
mod filters;
mod highlights;
pub mod jobs;
mod library_window;
mod menu;
mod paste;
pub mod rows;
pub mod selection;
pub mod shortcuts;
pub mod speaker_list;
mod speakers;
pub mod state;
mod status_bar;
pub mod theme;

use std::path::PathBuf;

pub use app::{AppOptions, ClaimdeskApp, Prefs, SharedSession, apply_remote};

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
