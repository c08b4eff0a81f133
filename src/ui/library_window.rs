//! File → Claim library…: choose the library's folder, add fact-check files to it, and see
//! what it holds (how many reviews, a searchable page of them). Everything that reads or
//! writes the folder is an action run off the UI thread; this only draws and types.

use egui::{Context, Id, RichText, Ui};

use super::checks::{Checks, FoundMatch};
use super::command::{LibraryAction, Queue};
use super::theme;

pub fn show(ctx: &Context, checks: &mut Checks, queue: &mut Queue) {
    if !checks.window.open {
        return;
    }
    let mut close = false;
    egui::Modal::new(Id::unique("claim_library")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading("Claim library");
        ui.label(
            RichText::new(
                "Earlier fact-checks (ClaimReview JSON, claimdesk projects), matched to every \
                 claim: see “Checked before” in a claim's details.",
            )
            .weak(),
        );
        ui.add_space(6.0);
        folder_row(ui, checks, queue);
        state_line(ui, checks);
        ui.separator();
        add_rows(ui, checks, queue);
        ui.separator();
        list(ui, checks, queue);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            close = ui.button("Close").clicked();
        });
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
    });
    if close {
        queue.push(LibraryAction::CloseLibrary);
    }
}

fn folder_row(ui: &mut Ui, checks: &mut Checks, queue: &mut Queue) {
    ui.horizontal(|ui| {
        let l = ui.label("Folder");
        let edit = egui::TextEdit::singleline(&mut checks.window.folder)
            .hint_text("/home/me/fact-checks")
            .desired_width(400.0);
        let r = ui.add(edit).labelled_by(l.id);
        let typed = checks.window.folder.trim();
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let differs = checks.dir.as_deref() != Some(std::path::Path::new(typed));
        if (ui
            .add_enabled(!typed.is_empty() && differs, egui::Button::new("Use"))
            .on_hover_text("Use the library in this folder (made by the first add)")
            .clicked()
            || (entered && differs))
            && !typed.is_empty()
        {
            queue.push(LibraryAction::OpenLibrary(typed.into()));
        }
        if ui.button("Browse…").clicked() {
            queue.push(LibraryAction::PickLibraryFolder);
        }
    });
}

fn state_line(ui: &mut Ui, checks: &Checks) {
    let text = if checks.opening {
        "Opening the library…".to_string()
    } else if checks.dir.is_none() {
        "No library chosen: pick a folder (a new one is made by the first add).".to_string()
    } else if checks.library.is_none() && checks.error.is_none() {
        "No library in this folder yet: add files to make one.".to_string()
    } else {
        let n = checks.len();
        let matching = if checks.matching {
            " · matching the project's claims…"
        } else {
            ""
        };
        format!(
            "{n} review{} in the library{matching}",
            if n == 1 { "" } else { "s" }
        )
    };
    ui.label(RichText::new(text).strong());
    if let Some(e) = &checks.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

fn add_rows(ui: &mut Ui, checks: &mut Checks, queue: &mut Queue) {
    let can_add = checks.dir.is_some() && !checks.adding && !checks.opening;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(can_add, egui::Button::new("Add files…"))
            .on_hover_text("ClaimReview JSON-LD (any published shape) or .claimdesk projects")
            .clicked()
        {
            queue.push(LibraryAction::PickLibraryFiles);
        }
        if checks.adding {
            ui.spinner();
            ui.label("Adding…");
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label("Or paths");
        let edit = egui::TextEdit::multiline(&mut checks.window.paths)
            .desired_rows(1)
            .desired_width(460.0)
            .hint_text("One file a line: reviews.json, other.claimdesk");
        ui.add(edit).labelled_by(l.id);
        let paths: Vec<std::path::PathBuf> = checks
            .window
            .paths
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(Into::into)
            .collect();
        if ui
            .add_enabled(can_add && !paths.is_empty(), egui::Button::new("Add these"))
            .clicked()
        {
            checks.window.paths.clear();
            queue.push(LibraryAction::AddToLibrary(paths));
        }
    });
    if let Some(report) = &checks.window.report {
        ui.label(report);
    }
    for failed in &checks.window.failed {
        ui.colored_label(ui.visuals().error_fg_color, failed);
    }
}

fn list(ui: &mut Ui, checks: &mut Checks, queue: &mut Queue) {
    ui.horizontal(|ui| {
        let l = ui.label("Search");
        let edit = egui::TextEdit::singleline(&mut checks.window.query)
            .hint_text("Words of a claim (empty: the latest added)")
            .desired_width(460.0);
        if ui.add(edit).labelled_by(l.id).changed() {
            queue.push(LibraryAction::SearchLibrary(checks.window.query.clone()));
        }
    });
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if checks.library.is_none() {
                ui.label(RichText::new("Nothing to list yet.").weak());
                return;
            }
            if checks.window.rows.is_empty() {
                ui.label(RichText::new("No review found.").weak());
            }
            for row in &checks.window.rows {
                review_row(ui, row);
            }
        });
}

/// One review: verdict, outlet and date, the claim, the link.
pub fn review_row(ui: &mut Ui, row: &FoundMatch) {
    ui.horizontal_wrapped(|ui| {
        if let Some(status) = row.status() {
            theme::status_pill(ui, status);
        }
        let rating = if row.rating.is_empty() {
            "no rating"
        } else {
            &row.rating
        };
        ui.label(RichText::new(rating).strong());
        let facts: Vec<&str> = [row.author.as_str(), row.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !facts.is_empty() {
            ui.label(RichText::new(facts.join(" · ")).weak());
        }
    });
    let claim = if row.claim_reviewed.is_empty() {
        &row.title
    } else {
        &row.claim_reviewed
    };
    ui.add(egui::Label::new(claim).wrap());
    theme::link(ui, &row.url);
    ui.add_space(4.0);
}
