//! The status bar: what the table shows, the selection, running work (opening files with
//! honest progress, saving), the last message and whether everything is saved.

use egui::{RichText, Ui};

use super::command::{FileAction, Queue};
use super::jobs::Progress;

/// What the status bar shows.
pub struct StatusFacts<'a> {
    /// "23 claims · 5 verified …" of the rows shown.
    pub summary: String,
    /// Claims in the project when a filter hides some.
    pub of_total: Option<usize>,
    pub selected: usize,
    pub import: Option<&'a Progress>,
    /// The file being saved.
    pub saving: Option<&'a std::path::Path>,
    pub message: Option<&'a str>,
    /// Unsaved edits, or text typed and not yet committed.
    pub dirty: bool,
    /// The project has a file (else it was never saved).
    pub on_disk: bool,
    /// A shared project: "shared: NAME @ host · …", and whether it is read-only.
    pub shared: Option<(String, bool)>,
}

pub fn show(ui: &mut Ui, facts: &StatusFacts<'_>, queue: &mut Queue) {
    // Room kept for "Modified" (or the shared project's line) on the right.
    let right = if facts.shared.is_some() { 420.0 } else { 90.0 };
    ui.horizontal(|ui| {
        let summary = match facts.of_total {
            Some(all) => format!("{} (of {all} in the project)", facts.summary),
            None => facts.summary.clone(),
        };
        // Cut short (whole on hover) rather than run under "Saved" at a large zoom.
        let room = egui::vec2(
            (ui.available_width() - right).max(40.0),
            ui.available_height(),
        );
        ui.allocate_ui(room, |ui| {
            ui.add(egui::Label::new(&summary).truncate())
                .on_hover_text(&summary);
        });
        if facts.selected > 1 {
            ui.separator();
            ui.label(format!("{} selected", facts.selected));
        }
        if let Some(progress) = facts.import {
            ui.separator();
            ui.add(
                egui::ProgressBar::new(progress.fraction())
                    .desired_width(120.0)
                    .show_percentage(),
            );
            ui.label(progress.describe());
            if ui.button("Cancel").clicked() {
                queue.push(FileAction::CancelImport);
            }
        }
        if let Some(msg) = facts.message {
            ui.separator();
            let room = egui::vec2(
                (ui.available_width() - right).max(40.0),
                ui.available_height(),
            );
            ui.allocate_ui(room, |ui| {
                ui.add(egui::Label::new(RichText::new(msg).italics()).truncate());
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some((shared, _)) = &facts.shared {
                ui.label(RichText::new(shared).weak());
                return;
            }
            let state = if facts.saving.is_some() {
                "Saving…"
            } else if facts.dirty {
                "Modified"
            } else if facts.on_disk {
                // The bytes on disk are the document on screen.
                "Saved"
            } else {
                "Not saved"
            };
            let label = ui.label(RichText::new(state).weak());
            if let Some(path) = facts.saving {
                label.on_hover_text(path.display().to_string());
            }
        });
    });
}

/// The banner over a read-only shared project.
pub fn read_only_banner(ui: &mut Ui, name: &str) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "Read-only: your role may read the shared project “{name}” but not edit it"
            ))
            .strong()
            .color(ui.visuals().warn_fg_color),
        );
    });
}
