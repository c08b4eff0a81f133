//! The window (egui only): draws the project and turns every input into an action.
//!
//! `command` is the boundary (the [`command::Action`]s by area, their queue; the shortcut
//! table is in `shortcuts`); `document_flow` is the document's life (open, save, discard,
//! close, autosave, recovery) as one state machine; `app` is the shell (the frame, the
//! dispatcher and one module per area of actions, job results);
//! each view lives in its own module, reads the project and pushes actions. Views import
//! `command`, `state` and `theme`, never `app` or each other (no import circles; a test
//! in `tests/ui/ui_rooms.rs` checks).

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
pub mod document_flow;
pub mod drafts;
pub mod export;
pub mod feeds_panel;
mod filters;
pub mod frame_log;
mod highlights;
pub mod jobs;
mod library_window;
mod menu;
mod paste;
pub mod rows;
pub mod selection;
pub mod shortcuts;
pub mod software;
pub mod speaker_list;
mod speakers;
pub mod state;
mod status_bar;
pub mod table_columns;
mod table_header;
pub mod theme;
pub mod views_menu;
mod worth;

use std::path::PathBuf;

pub use app::{AppOptions, ClaimdeskApp, Prefs, SharedSession, apply_remote};

/// The bundled sample article, shown analysed on a first run.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/rafah-kirby-gallant.txt");
pub const SAMPLE_NAME: &str = "rafah-kirby-gallant.txt";

/// The desktop's name for the app: the `.desktop` entry, the AppStream id, the icon's name
/// (packaging/), and the window's app id (Wayland) and class (X11), so the desktop shows
/// the window under the menu entry's icon.
pub const APP_ID: &str = "org.claimdesk.Claimdesk";

/// The window's icon: the 128 px rendering of packaging/icons/claimdesk.svg.
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/claimdesk-128.png");

/// The window's icon as pixels (None only if the bundled PNG could not be decoded).
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// Open the workbench window with `files` (articles or a project) loaded.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("claimdesk")
        .with_app_id(APP_ID);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let viewport = viewport
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    // eframe would keep the preferences under the app id; they stay where earlier
    // versions kept them (the recent projects, the theme).
    let persistence_path = eframe::storage_dir("claimdesk").map(|dir| dir.join("app.ron"));
    if software::wanted() {
        return software::run(
            viewport,
            persistence_path,
            Box::new(move |cc| {
                Box::new(ClaimdeskApp::new(
                    cc,
                    AppOptions {
                        files,
                        ..AppOptions::default()
                    },
                ))
            }),
        );
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path,
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
