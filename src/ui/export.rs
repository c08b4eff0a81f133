//! File → Export…: a window to choose a format and a file, whether to write every claim or
//! only those the table shows (the filters as they are when the window opens), and to edit
//! the project settings that ClaimReview needs. It only asks: the dispatcher records changed settings
//! as an edit and hands the export (`io::export::render`) and the native save dialog to
//! the jobs, so drawing never waits for them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{Context, Id, RichText};

use super::command::{ExportRequest, FileAction, Queue};
use crate::io::export::{self, Format, Options};
use crate::model::{ClaimId, Project, ProjectSettings};

#[derive(Default)]
pub struct ExportWindow {
    open: bool,
    pub format: Option<Format>,
    pub bom: bool,
    /// Also export the claims marked Not a claim.
    pub include_rejected: bool,
    /// Write only the claims the table showed when the window was opened.
    pub only_shown: bool,
    /// Those claims (`None`: the table showed every claim).
    pub shown: Option<BTreeSet<ClaimId>>,
    pub organisation: String,
    pub review_url_pattern: String,
    /// Kept as the project has it: this window does not change it.
    statement_threshold: Option<crate::extract::Score>,
    /// How many claims the project has, Not a claim left out (for "12 of 40").
    pub total: usize,
    /// Where to write, as typed or picked.
    pub path: String,
    /// The native save dialog is open.
    pub picking: bool,
    /// An export is being written.
    pub writing: bool,
}

impl ExportWindow {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether an export is being written (tests wait for it).
    pub fn is_busy(&self) -> bool {
        self.writing
    }

    /// Open the window with the project's settings and a file name in `dir` (the
    /// project's folder); `shown`: the claims the table shows, if the filters hide some.
    pub fn open(
        &mut self,
        project: &Project,
        dir: Option<&Path>,
        name: &str,
        shown: Option<BTreeSet<ClaimId>>,
    ) {
        if shown.is_none() {
            self.only_shown = false;
        }
        self.shown = shown;
        self.total = project
            .claims
            .iter()
            .filter(|c| c.status.is_claim())
            .count();
        let format = self.format.unwrap_or(Format::Csv);
        self.format = Some(format);
        self.organisation = project.settings.organisation.clone();
        self.review_url_pattern = project.settings.review_url_pattern.clone();
        self.statement_threshold = project.settings.statement_threshold;
        let file = format!("{}.{}", file_stem(name), format.extension());
        self.path = match dir {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(file).display().to_string(),
            _ => file,
        };
        self.open = true;
    }

    fn settings(&self) -> ProjectSettings {
        ProjectSettings {
            organisation: self.organisation.trim().to_string(),
            review_url_pattern: self.review_url_pattern.trim().to_string(),
            statement_threshold: self.statement_threshold,
            // The table's layout is the project's (export_to keeps it).
            ..ProjectSettings::default()
        }
    }

    /// Draw the window if open.
    pub fn show(&mut self, ctx: &Context, queue: &mut Queue) {
        if self.open {
            self.window(ctx, queue);
        }
    }

    /// The native dialog picked a file.
    pub fn picked(&mut self, path: PathBuf) {
        self.path = path.display().to_string();
    }

    fn window(&mut self, ctx: &Context, queue: &mut Queue) {
        let mut close = false;
        let mut export = false;
        egui::Modal::new(Id::unique("export_window")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Export claims");
            ui.add_space(4.0);
            ui.label(RichText::new("Format").strong());
            let before = self.format;
            for format in Format::ALL {
                ui.radio_value(&mut self.format, Some(format), format.label());
            }
            if self.format != before {
                self.retarget_extension(before);
            }
            let format = self.format.unwrap_or(Format::Csv);
            ui.add_enabled_ui(format == Format::Csv, |ui| {
                ui.checkbox(&mut self.bom, "Byte-order mark (lets Excel detect UTF-8)");
            });
            ui.add_space(4.0);
            let (label, hint) = match &self.shown {
                Some(shown) => (
                    format!(
                        "Only the claims shown ({} of {}, as the filters show them)",
                        shown.len(),
                        self.total
                    ),
                    "Leave out the claims the filters hide",
                ),
                None => (
                    "Only the claims shown".to_string(),
                    "The filters show every claim: set a filter or a search first",
                ),
            };
            ui.add_enabled_ui(self.shown.is_some(), |ui| {
                ui.checkbox(&mut self.only_shown, label).on_hover_text(hint);
            });
            ui.checkbox(
                &mut self.include_rejected,
                "Include claims marked Not a claim",
            )
            .on_hover_text("Left out of every export unless this is ticked");

            ui.add_space(6.0);
            ui.label(RichText::new("Project settings (saved with the project)").strong());
            egui::Grid::new("export_settings")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label("Organisation");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.organisation)
                            .desired_width(380.0)
                            .hint_text("Example Checks"),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Review address");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.review_url_pattern)
                            .desired_width(380.0)
                            .hint_text("https://example.org/checks/{id}"),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            ui.label(
                RichText::new("ClaimReview: the organisation is each review's author; {id} is replaced by the claim's id.")
                    .small()
                    .weak(),
            );
            if format == Format::ClaimReview {
                let preview = Project {
                    settings: self.settings(),
                    ..Project::default()
                };
                for warning in export::warnings(&preview, format) {
                    ui.label(RichText::new(format!("Note: {warning}")).small());
                }
            }

            ui.add_space(6.0);
            let label = ui.label(RichText::new("File").strong());
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .desired_width(440.0)
                        .hint_text("/home/me/claims.csv"),
                )
                .labelled_by(label.id);
                let browse = egui::Button::new("Browse…");
                if ui.add_enabled(!self.picking, browse).clicked() {
                    queue.push(FileAction::BrowseExport {
                        format,
                        current: PathBuf::from(self.path.trim()),
                    });
                }
            });

            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && !self.writing;
                export = ui
                    .add_enabled(ready, egui::Button::new("Export"))
                    .clicked();
                close = ui.button("Cancel").clicked();
                if self.writing {
                    ui.spinner();
                }
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if export {
            queue.push(FileAction::Export(Box::new(self.request())));
            close = true;
        }
        if close {
            self.open = false;
        }
    }

    /// Keep the file name in step with the format: `claims.csv` becomes `claims.html`.
    fn retarget_extension(&mut self, before: Option<Format>) {
        let (Some(before), Some(now)) = (before, self.format) else {
            return;
        };
        let path = PathBuf::from(self.path.trim());
        let matches = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(before.extension()));
        if matches {
            self.path = path.with_extension(now.extension()).display().to_string();
        }
    }

    /// The export as set up in the window.
    fn request(&self) -> ExportRequest {
        let format = self.format.unwrap_or(Format::Csv);
        let path = PathBuf::from(self.path.trim());
        ExportRequest {
            format,
            options: Options {
                bom: self.bom && format == Format::Csv,
                include_rejected: self.include_rejected,
                only_claims: self.shown.clone().filter(|_| self.only_shown),
            },
            settings: self.settings(),
            path: std::path::absolute(&path).unwrap_or(path),
        }
    }
}

/// A file name from the project's name: characters that are not allowed in file names
/// on some systems become `_`.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    if stem.is_empty() {
        "claims".into()
    } else {
        stem
    }
}
