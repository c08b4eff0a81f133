//! File → Export…: a window to choose a format and a file, and to edit the project
//! settings that ClaimReview needs. The export itself (`io::export::render`) and the
//! native save dialog run on their own threads, so drawing never waits for them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Context, Id, RichText};

use super::state::Action;
use crate::io::export::{self, Format, Options};
use crate::model::edit::Edit;
use crate::model::{Project, ProjectSettings};

#[derive(Default)]
pub struct ExportWindow {
    open: bool,
    pub format: Option<Format>,
    pub bom: bool,
    pub organisation: String,
    pub review_url_pattern: String,
    /// Where to write, as typed or picked.
    pub path: String,
    /// The native save dialog's answer (None: cancelled or no dialog).
    picking: Option<Receiver<Option<PathBuf>>>,
    /// The running export's outcome: the file written, or why not.
    writing: Option<Receiver<Result<PathBuf, String>>>,
}

impl ExportWindow {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether an export is being written (tests wait for it).
    pub fn is_busy(&self) -> bool {
        self.writing.is_some()
    }

    /// Open the window with the project's settings and a file name beside the project.
    pub fn open(&mut self, project: &Project, project_path: Option<&Path>, name: &str) {
        let format = self.format.unwrap_or(Format::Csv);
        self.format = Some(format);
        self.organisation = project.settings.organisation.clone();
        self.review_url_pattern = project.settings.review_url_pattern.clone();
        let file = format!("{}.{}", file_stem(name), format.extension());
        self.path = match project_path.and_then(Path::parent) {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(file).display().to_string(),
            _ => file,
        };
        self.open = true;
    }

    fn settings(&self) -> ProjectSettings {
        ProjectSettings {
            organisation: self.organisation.trim().to_string(),
            review_url_pattern: self.review_url_pattern.trim().to_string(),
        }
    }

    /// Draw the window if open, and report a finished export: `Ok(message)` or
    /// `Err(why)`. Changed settings are pushed as an [`Edit`] when the analyst exports.
    pub fn show(
        &mut self,
        ctx: &Context,
        project: &Project,
        actions: &mut Vec<Action>,
    ) -> Option<Result<String, String>> {
        self.poll_dialog();
        let outcome = self.poll_export();
        if self.open {
            self.window(ctx, project, actions);
        }
        if self.picking.is_some() || self.writing.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        outcome
    }

    fn poll_dialog(&mut self) {
        let Some(rx) = &self.picking else { return };
        match rx.try_recv() {
            Ok(picked) => {
                if let Some(path) = picked {
                    self.path = path.display().to_string();
                }
                self.picking = None;
            }
            Err(TryRecvError::Disconnected) => self.picking = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    fn poll_export(&mut self) -> Option<Result<String, String>> {
        let rx = self.writing.as_ref()?;
        let outcome = match rx.try_recv() {
            Ok(Ok(path)) => Ok(format!("Exported {}", path.display())),
            Ok(Err(why)) => Err(why),
            Err(TryRecvError::Disconnected) => Err("The export stopped unexpectedly.".into()),
            Err(TryRecvError::Empty) => return None,
        };
        self.writing = None;
        Some(outcome)
    }

    fn window(&mut self, ctx: &Context, project: &Project, actions: &mut Vec<Action>) {
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
                if ui.add_enabled(self.picking.is_none(), browse).clicked() {
                    self.browse(format);
                }
            });

            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && self.writing.is_none();
                export = ui
                    .add_enabled(ready, egui::Button::new("Export"))
                    .clicked();
                close = ui.button("Cancel").clicked();
                if self.writing.is_some() {
                    ui.spinner();
                }
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if export {
            self.start_export(project, actions);
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

    fn browse(&mut self, format: Format) {
        let (tx, rx) = channel();
        let current = PathBuf::from(self.path.trim());
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Export")
                .add_filter(format.label(), &[format.extension()]);
            if let Some(name) = current.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let _ = tx.send(dialog.save_file());
        });
        self.picking = Some(rx);
    }

    /// Record changed settings as an edit, then render and write on a thread.
    fn start_export(&mut self, project: &Project, actions: &mut Vec<Action>) {
        let settings = self.settings();
        if settings != project.settings {
            actions.push(Action::Edit(Edit::SetSettings {
                settings: settings.clone(),
            }));
        }
        let format = self.format.unwrap_or(Format::Csv);
        let options = Options {
            bom: self.bom && format == Format::Csv,
        };
        let path = PathBuf::from(self.path.trim());
        let path = std::path::absolute(&path).unwrap_or(path);
        let mut snapshot = project.clone();
        snapshot.settings = settings;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let outcome = export::render(&snapshot, format, options)
                .and_then(|bytes| {
                    export::deliver(Some(&path), &bytes)
                        .map_err(|e| format!("{}: cannot write the export: {e}", path.display()))
                })
                .map(|()| path);
            let _ = tx.send(outcome.map_err(|e| format!("Could not export. {e}")));
        });
        self.writing = Some(rx);
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
