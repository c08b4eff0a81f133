//! Helpers the window's kittest tests share: the app on the sample, settling jobs,
//! reading statuses, typing keys as the events of one frame.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claimdesk::model::Status;
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

pub type H = Harness<'static, ClaimdeskApp>;

pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rafah-kirby-gallant.txt")
}

pub fn app(files: Vec<PathBuf>) -> H {
    app_sized(files, [1280.0, 800.0])
}

pub fn app_sized(files: Vec<PathBuf>, size: [f32; 2]) -> H {
    let options = AppOptions {
        files,
        sample_on_first_run: false,
        recovery: false,
        system_clipboard: false,
        journal_dir: None,
    };
    app_with(options, size)
}

/// The window with these options (autosave and recovery on, for instance).
pub fn app_with(options: AppOptions, size: [f32; 2]) -> H {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(30)
        .build_eframe(move |cc| ClaimdeskApp::new(cc, options));
    settle(&mut h);
    h
}

/// Ask the window to close, as the title bar's close button does.
pub fn request_close(h: &mut H) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

/// Whether the last frame held the window's close request back.
pub fn close_was_cancelled(h: &H) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose))
}

/// Let background jobs finish and the UI catch up. Frames are stepped, not run to rest,
/// while jobs may be going: a job's spinner repaints until it ends, and a slow machine
/// would make `run` give up; jobs a frame starts (matching after an add) are waited for too.
pub fn settle(h: &mut H) {
    h.step();
    h.step();
    for _ in 0..4 {
        h.state_mut().finish_jobs();
        h.step();
    }
    h.state_mut().finish_jobs();
    h.run();
}

pub fn statuses(h: &H) -> Vec<Status> {
    h.state()
        .doc
        .project
        .claims
        .iter()
        .map(|c| c.status)
        .collect()
}

/// Press `keys` as the events of one single frame, then let the UI settle.
pub fn keys_in_one_frame(h: &mut H, keys: &[Key]) {
    for key in keys {
        h.key_press(*key);
    }
    h.step();
    h.run();
}

pub fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// Click the claim with number `number` (its "#" cell).
pub fn click_number(h: &mut H, number: u64, modifiers: Modifiers) {
    h.get_by_label(&number.to_string())
        .click_modifiers(modifiers);
    h.run();
}

/// The number of the claim under the cursor.
pub fn cursor_number(h: &H) -> Option<u64> {
    let app = h.state();
    let id = app.view.selection.cursor?;
    app.doc.project.claim(id).map(|c| c.number)
}

/// Replace the text of a field (focused by its accessible label) by typing.
pub fn type_into(h: &mut H, role: egui::accesskit::Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text(text.into()));
    h.run();
}
