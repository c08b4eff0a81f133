//! Modal questions (unsaved changes, overwrite, restore), error messages, the "Open path…"
//! field and the keyboard shortcuts window.

use std::path::PathBuf;

use egui::{Context, Id, RichText};

use super::state::Action;
use super::theme;
use crate::io::project_file::Recovery;
use crate::model::Status;

/// What to do after the unsaved-changes question is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Quit,
    OpenProject(PathBuf),
    NewProject,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// Save / Discard / Cancel before `Then`.
    Unsaved(Then),
    /// The file changed on disk since it was opened: overwrite / save elsewhere / cancel.
    Overwrite {
        path: PathBuf,
        then: Option<Then>,
    },
    /// Unsaved changes from a crash: restore / discard / later.
    Restore(Recovery),
    Error(String),
}

/// The analyst's answer. For `Overwrite`, `Save` overwrites and `Discard` saves elsewhere;
/// for `Restore`, `Save` restores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
}

#[derive(Default)]
pub struct Dialogs {
    pub prompt: Option<Prompt>,
    /// Files that could not be opened, shown together until dismissed.
    pub errors: Vec<String>,
    pub open_path: Option<String>,
    /// "Save to path…": where to save when no native dialog can be shown.
    pub save_path: Option<String>,
    pub shortcuts: bool,
}

impl Dialogs {
    pub fn is_modal(&self) -> bool {
        self.prompt.is_some() || self.open_path.is_some() || self.save_path.is_some()
    }

    /// Draw what is open; returns the prompt and its answer once answered.
    pub fn show(
        &mut self,
        ctx: &Context,
        actions: &mut Vec<Action>,
    ) -> Option<(Prompt, PromptAnswer)> {
        self.open_path_window(ctx, actions);
        self.save_path_window(ctx, actions);
        self.shortcuts_window(ctx);
        self.errors_window(ctx);
        let prompt = self.prompt.as_ref()?;
        let answer = prompt_modal(ctx, prompt)?;
        self.prompt.take().map(|p| (p, answer))
    }

    fn open_path_window(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
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
                actions.push(Action::OpenPaths(paths));
            }
            close = true;
        }
        if close {
            self.open_path = None;
        }
    }

    fn save_path_window(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
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
            actions.push(Action::SaveTo(PathBuf::from(text.trim())));
            close = true;
        }
        if close {
            self.save_path = None;
        }
    }

    fn shortcuts_window(&mut self, ctx: &Context) {
        let mut open = self.shortcuts;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for status in Status::ALL {
                        ui.label(RichText::new(theme::status_key_name(status)).monospace());
                        ui.horizontal(|ui| {
                            ui.label("Mark selected claims");
                            theme::status_pill(ui, status);
                        });
                        ui.end_row();
                    }
                    for (key, what) in SHORTCUTS {
                        ui.label(RichText::new(*key).monospace());
                        ui.label(*what);
                        ui.end_row();
                    }
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
                ui.label("The other files were opened.");
                dismiss = ui.button("OK").clicked();
            });
        if dismiss {
            self.errors.clear();
        }
    }
}

pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Up, Down", "Previous / next claim"),
    ("PgUp PgDn", "Page up / down"),
    ("Home End", "First / last claim"),
    ("Shift+Up/Down, Shift-click", "Extend the selection"),
    ("Ctrl-click", "Add or remove a claim from the selection"),
    ("Ctrl+A", "Select every claim shown"),
    ("Esc (on the table)", "Clear the selection"),
    ("Delete", "Delete the selected claims"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Ctrl+F", "Search claims"),
    ("Ctrl+O", "Open articles or a project"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as"),
    ("Esc", "Leave a text field (keys tag claims again)"),
];

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
