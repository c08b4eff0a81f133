//! Modal questions (unsaved changes, overwrite, restore), error messages, the "Open path…"
//! and "Open URL…" fields, the "Paste article" prompt (`paste.rs`), File → Open shared
//! project… and the keyboard shortcuts window.

use std::path::PathBuf;

use egui::{Context, Id, RichText};

use super::command::{FileAction, Prompt, PromptAnswer, Queue, Secret, SharedAction, Then};
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
    /// A shared project's server asks for a password: the address as shown, why (a
    /// password refused), and what is typed (masked).
    pub password: Option<PasswordPrompt>,
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
            || self.password.is_some()
            || self.save_path.is_some()
            || self.assign_speaker.is_some()
    }

    /// Draw what is open; an answered prompt becomes an [`Action::File(FileAction::Answer)`].
    pub fn show(&mut self, ctx: &Context, queue: &mut Queue) {
        self.open_path_window(ctx, queue);
        self.open_url_window(ctx, queue);
        super::paste::show(ctx, &mut self.paste, queue);
        self.open_shared_window(ctx, queue);
        self.password_window(ctx, queue);
        self.save_path_window(ctx, queue);
        self.shortcuts_window(ctx);
        self.errors_window(ctx);
        if let Some(answer) = self.prompt.as_ref().and_then(|p| prompt_modal(ctx, p))
            && let Some(prompt) = self.prompt.take()
        {
            queue.push(FileAction::Answer(prompt, answer));
        }
    }

    fn open_path_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_path else {
            return;
        };
        let answer = field_prompt(ctx, &OPEN_PATH, text);
        if answer == Some(true) {
            let paths: Vec<PathBuf> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect();
            if !paths.is_empty() {
                queue.push(FileAction::OpenPaths(paths));
            }
        }
        if answer.is_some() {
            self.open_path = None;
        }
    }

    fn open_shared_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_shared else {
            return;
        };
        match field_prompt(ctx, &OPEN_SHARED, text) {
            Some(true) if text.trim().is_empty() => {}
            Some(true) => {
                queue.push(FileAction::OpenPaths(vec![PathBuf::from(text.trim())]));
                self.open_shared = None;
            }
            Some(false) => self.open_shared = None,
            None => {}
        }
    }

    fn password_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(p) = &mut self.password else {
            return;
        };
        let label = format!("{}\nThe server asks for a password.{}", p.shown, p.why);
        match field_prompt_as(ctx, &PASSWORD, &label, &mut p.text) {
            Some(true) => {
                let secret = Secret(std::mem::take(&mut p.text));
                queue.push(SharedAction::SharedPassword(Some(secret)));
                self.password = None;
            }
            Some(false) => {
                queue.push(SharedAction::SharedPassword(None));
                self.password = None;
            }
            None => {}
        }
    }

    fn open_url_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.open_url else {
            return;
        };
        let answer = field_prompt(ctx, &OPEN_URL, text);
        if answer == Some(true) {
            let urls: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            if !urls.is_empty() {
                queue.push(FileAction::OpenUrls(urls));
            }
        }
        if answer.is_some() {
            self.open_url = None;
        }
    }

    fn save_path_window(&mut self, ctx: &Context, queue: &mut Queue) {
        let Some(text) = &mut self.save_path else {
            return;
        };
        match field_prompt(ctx, &SAVE_PATH, text) {
            Some(true) if text.trim().is_empty() => {}
            Some(true) => {
                queue.push(FileAction::SaveTo(PathBuf::from(text.trim())));
                self.save_path = None;
            }
            Some(false) => self.save_path = None,
            None => {}
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
                        Then::Restore(_) => "restoring the unsaved work found",
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

/// A modal with one text field: "Open path…", "Open URL…", "Open shared project…", "Save
/// to path…".
struct FieldPrompt {
    id: &'static str,
    width: f32,
    heading: &'static str,
    label: &'static str,
    hint: &'static str,
    /// Rows of a multi-line field (one entry a line); 0 for a single line, where Enter
    /// answers.
    rows: usize,
    note: Option<&'static str>,
    ok: &'static str,
    /// A password: shown as dots.
    masked: bool,
}

/// The password prompt of a shared project ([`Dialogs::password`]).
pub struct PasswordPrompt {
    pub shown: String,
    /// Said under the address ("" or " The password was refused.").
    pub why: String,
    pub text: String,
}

const PASSWORD: FieldPrompt = FieldPrompt {
    id: "shared_password",
    width: 560.0,
    heading: "Password",
    label: "",
    hint: "password",
    rows: 0,
    note: Some(
        "Kept in memory for this window's connection only; never written to disk. \
         Esc cancels.",
    ),
    ok: "Connect",
    masked: true,
};

const OPEN_PATH: FieldPrompt = FieldPrompt {
    id: "open_path",
    width: 520.0,
    heading: "Open path",
    label: "Paths of articles or a project, one per line:",
    hint: "/home/me/articles/story.txt",
    rows: 3,
    note: None,
    ok: "Open",
    masked: false,
};

const OPEN_URL: FieldPrompt = FieldPrompt {
    id: "open_url",
    width: 560.0,
    heading: "Open URL",
    label: "Addresses of articles (http or https), one per line:",
    hint: "https://news.example/2024/02/13/story",
    rows: 4,
    note: Some(
        "Each page is fetched (30 s at most), its article read as a saved page would be; \
         nothing on it is run.",
    ),
    ok: "Open",
    masked: false,
};

const OPEN_SHARED: FieldPrompt = FieldPrompt {
    id: "open_shared",
    width: 560.0,
    heading: "Open shared project",
    label: "The project's address on the desk's PostgreSQL server:",
    hint: "postgres://anna@db.desk.example/newsroom?project=Elections",
    rows: 0,
    note: Some(
        "Passwords come from ~/.pgpass or PGPASSWORD, else you are asked; claimdesk never \
         stores one.",
    ),
    ok: "Open",
    masked: false,
};

const SAVE_PATH: FieldPrompt = FieldPrompt {
    id: "save_path",
    width: 520.0,
    heading: "Save to path",
    label: "Where to save the project (.claimdesk is added if missing):",
    hint: "/home/me/checks/rafah.claimdesk",
    rows: 0,
    note: None,
    ok: "Save here",
    masked: false,
};

/// Draw `spec` around `text`: `Some(true)` when answered (the button, or Enter in a single
/// line), `Some(false)` on Cancel or Esc, `None` while it stays open.
fn field_prompt(ctx: &Context, spec: &FieldPrompt, text: &mut String) -> Option<bool> {
    field_prompt_as(ctx, spec, spec.label, text)
}

/// [`field_prompt`] with another label.
fn field_prompt_as(
    ctx: &Context,
    spec: &FieldPrompt,
    label: &str,
    text: &mut String,
) -> Option<bool> {
    let mut answer = None;
    egui::Modal::new(Id::unique(spec.id)).show(ctx, |ui| {
        ui.set_width(spec.width);
        ui.heading(spec.heading);
        ui.label(label);
        let field = if spec.rows > 0 {
            egui::TextEdit::multiline(text).desired_rows(spec.rows)
        } else {
            egui::TextEdit::singleline(text).password(spec.masked)
        };
        let edit = ui.add(field.desired_width(f32::INFINITY).hint_text(spec.hint));
        if !edit.has_focus() && text.is_empty() {
            edit.request_focus();
        }
        if spec.rows == 0 && edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            answer = Some(true);
        }
        if let Some(note) = spec.note {
            ui.label(RichText::new(note).weak());
        }
        ui.horizontal(|ui| {
            if ui.button(spec.ok).clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(false);
        }
    });
    answer
}
