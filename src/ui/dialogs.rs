//! Modal questions (unsaved changes, overwrite, restore), error messages, the "Open path…"
//! and "Open URL…" fields, the "Paste article" prompt (`paste.rs`), File → Open shared
//! project… and the keyboard shortcuts window.

use std::path::PathBuf;

use egui::{Context, Id, RichText};

use super::command::{Action, Prompt, PromptAnswer, Queue, Then};
use super::shortcuts::{self, SHORTCUTS};

#[derive(Default)]
pub struct Dialogs {
    pub prompt: Option<Prompt>,
    /// Files that could not be opened, shown together until dismissed.
    pub errors: Vec<String>,
    pub open_path: Option<String>,
    /// "Open URL…": addresses typed, one a line.
    pub open_url: Option<String>,
    /// "Paste article": the clipboard's article, waiting for a title.
    pub paste: Option<super::paste::PasteDraft>,
    /// File → Open shared project…: the address typed (never remembered).
    pub open_shared: Option<String>,
    /// "Save to path…": where to save when no native dialog can be shown.
    pub save_path: Option<String>,
    pub shortcuts: bool,
    /// Under the errors: what did open ("The other 3 files were opened."), once known.
    pub errors_note: Option<String>,
    /// "Assign speaker…" for the selected claims (drawn with the project by the app).
    pub assign_speaker: Option<super::assign_speaker::AssignSpeaker>,
}

impl Dialogs {
    pub fn is_modal(&self) -> bool {
        self.prompt.is_some()
            || self.open_path.is_some()
            || self.open_url.is_some()
            || self.paste.is_some()
            || self.open_shared.is_some()
            || self.save_path.is_some()
            || self.assign_speaker.is_some()
    }

    /// Draw what is open; an answered prompt becomes an [`Action::Answer`].
    pub fn show(&mut self, ctx: &Context, queue: &mut Queue) {
        self.open_path_window(ctx, queue);
        self.open_url_window(ctx, queue);
        super::paste::show(ctx, &mut self.paste, queue);
        self.open_shared_window(ctx, queue);
        self.save_path_window(ctx, queue);
        self.shortcuts_window(ctx);
        self.errors_window(ctx);
        if let Some(answer) = self.prompt.as_ref().and_then(|p| prompt_modal(ctx, p))
            && let Some(prompt) = self.prompt.take()
        {
            queue.push(Action::Answer(prompt, answer));
        }
    }

    fn open_path_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_path else {
            return;
        };
        let mut close = false;
        let mut open = false;
        egui::Modal::new(Id::unique("open_path")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Open path");
            ui.label("Paths of articles or a project, one per line:");
            let edit = ui.add(
                egui::TextEdit::multiline(text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/articles/story.txt"),
            );
            if !edit.has_focus() && text.is_empty() {
                edit.request_focus();
            }
            ui.horizontal(|ui| {
                open = ui.button("Open").clicked();
                close = ui.button("Cancel").clicked();
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if open {
            let paths: Vec<PathBuf> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect();
            if !paths.is_empty() {
                queue.push(Action::OpenPaths(paths));
            }
            close = true;
        }
        if close {
            self.open_path = None;
        }
    }

    fn open_shared_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_shared else {
            return;
        };
        let mut close = false;
        let mut open = false;
        egui::Modal::new(Id::unique("open_shared")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Open shared project");
            ui.label("The project's address on the desk's PostgreSQL server:");
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(f32::INFINITY)
                    .hint_text("postgres://anna@db.desk.example/newsroom?project=Elections"),
            );
            if !edit.has_focus() && text.is_empty() {
                edit.request_focus();
            }
            open = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.label(
                egui::RichText::new(
                    "Passwords come from ~/.pgpass or PGPASSWORD; claimdesk never stores one.",
                )
                .weak(),
            );
            ui.horizontal(|ui| {
                open |= ui.button("Open").clicked();
                close = ui.button("Cancel").clicked();
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if open && !text.trim().is_empty() {
            queue.push(Action::OpenPaths(vec![PathBuf::from(text.trim())]));
            close = true;
        }
        if close {
            self.open_shared = None;
        }
    }

    fn open_url_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_url else {
            return;
        };
        let mut close = false;
        let mut open = false;
        egui::Modal::new(Id::unique("open_url")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Open URL");
            ui.label("Addresses of articles (http or https), one per line:");
            let edit = ui.add(
                egui::TextEdit::multiline(text)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text("https://news.example/2024/02/13/story"),
            );
            if !edit.has_focus() && text.is_empty() {
                edit.request_focus();
            }
            ui.label(
                RichText::new(
                    "Each page is fetched (30 s at most), its article read as a saved page \
                     would be; nothing on it is run.",
                )
                .weak(),
            );
            ui.horizontal(|ui| {
                open = ui.button("Open").clicked();
                close = ui.button("Cancel").clicked();
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if open {
            let urls: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            if !urls.is_empty() {
                queue.push(Action::OpenUrls(urls));
            }
            close = true;
        }
        if close {
            self.open_url = None;
        }
    }

    fn save_path_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.save_path else {
            return;
        };
        let mut close = false;
        let mut save = false;
        egui::Modal::new(Id::unique("save_path")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Save to path");
            ui.label("Where to save the project (.claimdesk is added if missing):");
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/checks/rafah.claimdesk"),
            );
            if !edit.has_focus() && text.is_empty() {
                edit.request_focus();
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                save = true;
            }
            ui.horizontal(|ui| {
                save |= ui.button("Save here").clicked();
                close = ui.button("Cancel").clicked();
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
        if save && !text.trim().is_empty() {
            queue.push(Action::SaveTo(PathBuf::from(text.trim())));
            close = true;
        }
        if close {
            self.save_path = None;
        }
    }

    /// Help → Keyboard shortcuts, drawn from the one shortcut table.
    fn shortcuts_window(&mut self, ctx: &Context) {
        let mut open = self.shortcuts;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(520.0)
                    .show(ui, |ui| {
                        egui::Grid::new("keys").striped(true).show(ui, |ui| {
                            for s in SHORTCUTS {
                                let keys: Vec<String> =
                                    s.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
                                ui.label(RichText::new(keys.join(", ")).monospace());
                                ui.label(s.help);
                                ui.end_row();
                            }
                            for (gesture, what) in shortcuts::MOUSE {
                                ui.label(RichText::new(*gesture).monospace());
                                ui.label(*what);
                                ui.end_row();
                            }
                        });
                        ui.label(
                            RichText::new("Letters go to a text field while it has the keys.")
                                .weak(),
                        );
                    });
            });
        self.shortcuts = open;
    }

    fn errors_window(&mut self, ctx: &Context) {
        if self.errors.is_empty() {
            return;
        }
        let mut dismiss = false;
        egui::Window::new("Some files could not be opened")
            .collapsible(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                for e in &self.errors {
                    ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                }
                if let Some(note) = &self.errors_note {
                    ui.label(note);
                }
                dismiss = ui.button("OK").clicked();
            });
        if dismiss {
            self.errors.clear();
            self.errors_note = None;
        }
    }
}

fn prompt_modal(ctx: &Context, prompt: &Prompt) -> Option<PromptAnswer> {
    let mut answer = None;
    egui::Modal::new(Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        let (title, body, buttons): (&str, String, &[(&str, PromptAnswer)]) = match prompt {
            Prompt::Unsaved(then) => (
                "Unsaved changes",
                format!(
                    "The project has changes that are not saved. Save them before {}?",
                    match then {
                        Then::Quit => "quitting",
                        Then::OpenProject(_) => "opening the other project",
                        Then::NewProject => "starting a new project",
                    }
                ),
                &[
                    ("Save", PromptAnswer::Save),
                    ("Discard", PromptAnswer::Discard),
                    ("Cancel", PromptAnswer::Cancel),
                ],
            ),
            Prompt::Overwrite { path, .. } => (
                "File changed on disk",
                format!(
                    "{} was changed by someone else since you opened it. Overwrite it with your version?",
                    path.display()
                ),
                &[
                    ("Overwrite", PromptAnswer::Save),
                    ("Save as…", PromptAnswer::Discard),
                    ("Cancel", PromptAnswer::Cancel),
                ],
            ),
            Prompt::Restore(found) => (
                "Restore unsaved work?",
                format!(
                    "claimdesk closed with unsaved changes{}. Restore them?",
                    found
                        .project_path
                        .as_ref()
                        .map(|p| format!(" to {}", p.display()))
                        .unwrap_or_default()
                ),
                &[
                    ("Restore", PromptAnswer::Save),
                    ("Discard", PromptAnswer::Discard),
                    ("Later", PromptAnswer::Cancel),
                ],
            ),
            Prompt::Error(msg) => ("Something went wrong", msg.clone(), &[("OK", PromptAnswer::Cancel)]),
        };
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, a) in buttons {
                if ui.button(*label).clicked() {
                    answer = Some(*a);
                }
            }
        });
    });
    answer
}
