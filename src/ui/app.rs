//! The app shell: owns the document and the view state, draws the frame from the views,
//! applies the edits they emit in one place, and runs side effects (dialogs, loading,
//! saving, autosave, close prompts) in `App::logic`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::{Dialogs, Prompt, PromptAnswer, Then};
use super::export::ExportWindow;
use super::jobs::{DialogPurpose, JobMsg, Jobs, is_project_path};
use super::state::{Action, Document, Tab, ViewState};
use super::{article_view, claims_table, details, speakers, theme, toolbar};
use crate::io::project_file;
use crate::model::edit::Edit;
use crate::model::{Article, ArticleId, ArticleMeta, Project, Status};

const RECENT_KEY: &str = "claimdesk.recent";
const MAX_RECENT: usize = 10;
const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const SELECT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);

/// How the app starts. The window uses the defaults; tests and benches turn off what
/// touches the analyst's machine (recovery files, the sample, remembered files).
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Articles or a project to open at start.
    pub files: Vec<PathBuf>,
    /// With no files and no recent project, show the bundled sample already analysed.
    pub sample_on_first_run: bool,
    /// Write recovery files every 30 s and offer to restore them at start.
    pub recovery: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            files: Vec::new(),
            sample_on_first_run: true,
            recovery: true,
        }
    }
}

pub struct ClaimdeskApp {
    pub doc: Document,
    pub view: ViewState,
    pub dialogs: Dialogs,
    /// File → Export…
    pub export: ExportWindow,
    pub jobs: Jobs,
    /// Project files opened or saved lately, newest first; remembered across runs.
    pub recent: Vec<PathBuf>,
    options: AppOptions,
    /// Side effects asked for by views, run in `logic`.
    pending: Vec<Action>,
    /// A one-line message in the status bar ("Saved …", "Nothing to undo").
    pub message: Option<String>,
    /// Select the first claim of the next opened article and focus the table.
    select_next_import: bool,
    /// What to do once the project has been saved (a Save in the unsaved-changes prompt).
    after_save: Option<Then>,
    /// The close request was answered; let the window close.
    may_close: bool,
    last_recovery: Instant,
    recovery_revision: u64,
    title: String,
}

impl ClaimdeskApp {
    /// The app as the window starts it: remembered files from eframe's storage.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let recent: Vec<PathBuf> = cc
            .storage
            .and_then(|s| eframe::get_value(s, RECENT_KEY))
            .unwrap_or_default();
        let mut app = Self::headless(options, recent);
        app.jobs.set_context(&cc.egui_ctx);
        app
    }

    /// The app without a window (tests, benches): same state and logic.
    pub fn headless(options: AppOptions, recent: Vec<PathBuf>) -> Self {
        let mut app = ClaimdeskApp {
            doc: Document::new(Project::new("")),
            view: ViewState::default(),
            dialogs: Dialogs::default(),
            export: ExportWindow::default(),
            jobs: Jobs::default(),
            recent: recent.into_iter().filter(|p| p.exists()).collect(),
            options,
            pending: Vec::new(),
            message: None,
            select_next_import: false,
            after_save: None,
            may_close: false,
            last_recovery: Instant::now(),
            recovery_revision: 0,
            title: String::new(),
        };
        app.start();
        app
    }

    fn start(&mut self) {
        let files = std::mem::take(&mut self.options.files);
        if !files.is_empty() {
            self.open_paths(files);
        } else if let Some(last) = self.recent.first().cloned() {
            self.open_project_now(last);
        } else if self.options.sample_on_first_run {
            self.load_sample();
        }
        if self.options.recovery
            && let Some(found) = project_file::list_recoveries().into_iter().next()
        {
            self.dialogs.prompt = Some(Prompt::Restore(found));
        }
    }

    /// The bundled sample article, analysed, as an unsaved-but-clean project.
    pub fn load_sample(&mut self) {
        let text = crate::io::article::normalise_line_ends(super::SAMPLE_ARTICLE);
        let extraction = crate::extract::extract(&text);
        let article = Article {
            id: ArticleId(0),
            title: crate::extract::title_of(&text),
            text,
            source_path: Some(super::SAMPLE_NAME.into()),
            sha256: Some(crate::io::import::sha256_hex(
                super::SAMPLE_ARTICLE.as_bytes(),
            )),
            imported_at: None,
            meta: ArticleMeta {
                outlet: Some("Al Mayadeen English".into()),
                ..ArticleMeta::default()
            },
        };
        let mut doc = Document::new(Project::new("Sample"));
        let first = doc
            .history
            .apply(
                &mut doc.project,
                Edit::AddArticle {
                    article: Box::new(article),
                    extraction,
                },
            )
            .ok()
            .and_then(|p| p.added_claims.first().copied());
        // The sample is where a new user starts, not an edit to undo.
        doc.history = crate::model::edit::History::new();
        self.replace_document(doc);
        if let Some(id) = first {
            self.view
                .refresh(&self.doc.project, self.doc.history.revision());
            self.view.select_claim(&self.doc.project, id);
            self.view.focus_table = true;
        }
    }

    /// Show `project` as a freshly opened, unsaved project (benches, tests).
    pub fn show_project(&mut self, project: Project) {
        self.replace_document(Document::new(project));
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
        if let Some(first) = self.doc.project.claims.first().map(|c| c.id) {
            self.view.select_claim(&self.doc.project, first);
            self.view.focus_table = true;
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view.reset_for();
        self.view.rows.invalidate();
        self.view.index = Default::default();
        self.recovery_revision = self.doc.history.revision();
    }

    // ------------------------------------------------------------------------------------
    // Applying actions

    /// Run one action: edits now, side effects in the next `logic`.
    pub fn act(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.apply_edit(edit),
            Action::Tag(status) => self.tag_selected(status),
            Action::DeleteSelected => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                if claims.is_empty() {
                    self.message = Some("Select a claim first".into());
                } else {
                    self.apply_edit(Edit::DeleteClaims { claims });
                }
            }
            Action::Undo => {
                self.message = Some(match self.doc.history.undo(&mut self.doc.project) {
                    Some(what) => format!("Undid {what}"),
                    None => "Nothing to undo".into(),
                });
            }
            Action::Redo => {
                self.message = Some(match self.doc.history.redo(&mut self.doc.project) {
                    Some(what) => format!("Redid {what}"),
                    None => "Nothing to redo".into(),
                });
            }
            other => self.pending.push(other),
        }
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
    }

    fn apply_edit(&mut self, edit: Edit) {
        let is_import = matches!(edit, Edit::AddArticle { .. });
        match self.doc.history.apply(&mut self.doc.project, edit) {
            Ok(patch) => {
                let first_new = patch.added_claims.first().copied();
                self.message = None;
                self.view
                    .refresh(&self.doc.project, self.doc.history.revision());
                if let Some(id) = first_new {
                    let select = if is_import {
                        std::mem::take(&mut self.select_next_import)
                    } else {
                        true
                    };
                    if select {
                        if is_import {
                            self.view.filter = Default::default();
                            self.view.tab = Tab::Claims;
                            self.view
                                .refresh(&self.doc.project, self.doc.history.revision());
                        }
                        self.view.select_claim(&self.doc.project, id);
                        self.view.focus_table = true;
                    }
                }
            }
            Err(crate::model::edit::EditError::NoChange) => {}
            Err(e) => self.message = Some(format!("Not done: {e}")),
        }
    }

    /// Set a status on the selected claims (keys, buttons, context menu).
    pub fn tag_selected(&mut self, status: Status) {
        let claims = self.view.selection.sorted_ids(&self.view.index);
        if claims.is_empty() {
            self.message = Some("Select a claim first".into());
            return;
        }
        self.act(Action::Edit(Edit::SetStatus {
            claims,
            status,
            at: crate::io::import::now_seconds(),
        }));
    }

    /// Open files: a project replaces the current one (asking about unsaved changes);
    /// articles are read and analysed in the background and added to the project.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| is_project_path(p));
        if let Some(project) = projects.first() {
            if projects.len() > 1 {
                self.message = Some("Only one project can be open: opened the first".into());
            }
            self.open_project(project.clone());
        }
        if !articles.is_empty() {
            if self.jobs.import.is_some() {
                self.message = Some("Still opening other files; try again when done".into());
                return;
            }
            self.select_next_import = true;
            let known = self.doc.project.known_speakers();
            self.jobs.import_articles(articles, known);
        }
    }

    /// Open a project, asking first if the current one has unsaved changes.
    pub fn open_project(&mut self, path: PathBuf) {
        if self.doc.is_dirty() {
            self.dialogs.prompt = Some(Prompt::Unsaved(Then::OpenProject(path)));
        } else {
            self.open_project_now(path);
        }
    }

    fn open_project_now(&mut self, path: PathBuf) {
        self.jobs.load_project(path);
    }

    fn new_project_now(&mut self) {
        self.discard_recovery();
        self.replace_document(Document::new(Project::new("")));
    }

    fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    // ------------------------------------------------------------------------------------
    // Side effects (called from `logic`)

    fn run_pending(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.pending) {
            match action {
                Action::OpenDialog => {
                    let dir = self.start_dir();
                    self.jobs.open_dialog(dir);
                }
                Action::OpenPaths(paths) => self.open_paths(paths),
                Action::NewProject => {
                    if self.doc.is_dirty() {
                        self.dialogs.prompt = Some(Prompt::Unsaved(Then::NewProject));
                    } else {
                        self.new_project_now();
                    }
                }
                Action::Save => self.save(None),
                Action::SaveAs => self.save_as(None),
                Action::SaveTo(path) => {
                    let then = self.after_save.take();
                    self.write_project(path, then);
                }
                Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Action::Reextract(article) => {
                    if let Some(a) = self.doc.project.article(article) {
                        let known = self.doc.project.known_speakers();
                        self.jobs.reextract(article, a.text.clone(), known);
                    }
                }
                Action::CancelImport => self.jobs.cancel_import(),
                Action::Edit(_)
                | Action::Tag(_)
                | Action::DeleteSelected
                | Action::Undo
                | Action::Redo => self.act(action),
            }
        }
    }

    fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_ref()
            .or(self.recent.first())
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    }

    /// Save to the project's file (asking where if it has none), then do `then`.
    fn save(&mut self, then: Option<Then>) {
        match self.doc.path.clone() {
            None => self.save_as(then),
            Some(path) => {
                let changed = self
                    .doc
                    .stamp
                    .as_ref()
                    .is_some_and(|s| project_file::changed_on_disk(&path, s));
                if changed {
                    self.dialogs.prompt = Some(Prompt::Overwrite { path, then });
                } else {
                    self.write_project(path, then);
                }
            }
        }
    }

    fn save_as(&mut self, then: Option<Then>) {
        self.after_save = then;
        let name = self.doc.display_name();
        let dir = self.start_dir();
        self.jobs.save_dialog(name, dir);
    }

    /// Write the project to `path` (atomically, keeping a .bak) and record it as saved.
    pub fn write_project(&mut self, path: PathBuf, then: Option<Then>) {
        let path = if path.extension().is_none() {
            path.with_extension(project_file::EXTENSION)
        } else {
            path
        };
        if self.doc.project.name.trim().is_empty()
            && let Some(stem) = path.file_stem()
        {
            // Naming is part of saving, not an edit to undo.
            self.doc.project.name = stem.to_string_lossy().into_owned();
        }
        match project_file::save_project(&path, &self.doc.project) {
            Ok(()) => {
                let old_path = self.doc.path.replace(path.clone());
                self.doc.stamp = project_file::file_stamp(&path);
                self.doc.history.mark_saved();
                let _ = project_file::discard_recovery(old_path.as_deref());
                self.discard_recovery();
                self.remember(&path);
                self.message = Some(format!("Saved {}", path.display()));
                if let Some(then) = then {
                    self.continue_with(then);
                }
            }
            Err(e) => {
                self.dialogs.prompt = Some(Prompt::Error(format!("Could not save. {e}")));
            }
        }
    }

    fn continue_with(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.may_close = true;
                self.pending.push(Action::Quit);
            }
            Then::OpenProject(path) => self.open_project_now(path),
            Then::NewProject => self.new_project_now(),
        }
    }

    fn discard_recovery(&mut self) {
        if self.options.recovery {
            let _ = project_file::discard_recovery(self.doc.path.as_deref());
        }
        self.recovery_revision = self.doc.history.revision();
    }

    fn autosave(&mut self) {
        if !self.options.recovery
            || !self.doc.is_dirty()
            || self.doc.history.revision() == self.recovery_revision
            || self.last_recovery.elapsed() < AUTOSAVE_EVERY
        {
            return;
        }
        self.last_recovery = Instant::now();
        match project_file::save_recovery(self.doc.path.as_deref(), &self.doc.project) {
            Ok(_) => self.recovery_revision = self.doc.history.revision(),
            Err(e) => self.message = Some(format!("Autosave failed: {e}")),
        }
    }

    /// Handle a message from a background job.
    pub fn handle_job(&mut self, msg: JobMsg) {
        match msg {
            JobMsg::Picked { purpose, paths } => {
                self.jobs.dialog_open = false;
                match purpose {
                    DialogPurpose::Open if !paths.is_empty() => self.open_paths(paths),
                    DialogPurpose::SaveAs => match paths.into_iter().next() {
                        Some(path) => {
                            let then = self.after_save.take();
                            self.write_project(path, then);
                        }
                        None => {
                            // Cancel, or no dialog could be shown: offer the typed path.
                            // What waited for the save (e.g. quitting) is called off.
                            self.after_save = None;
                            self.message =
                                Some("Not saved. No dialog? Use File > Save to path…".into());
                        }
                    },
                    DialogPurpose::Open => {}
                }
            }
            JobMsg::Article {
                article,
                extraction,
            } => {
                let duplicate = article.sha256.is_some()
                    && self
                        .doc
                        .project
                        .articles
                        .iter()
                        .any(|a| a.sha256 == article.sha256);
                if duplicate {
                    self.dialogs.errors.push(format!(
                        "{}: already in the project",
                        article.source_path.as_deref().unwrap_or(&article.title)
                    ));
                } else {
                    self.apply_edit(Edit::AddArticle {
                        article,
                        extraction,
                    });
                }
            }
            JobMsg::Failed(why) => self.dialogs.errors.push(why),
            JobMsg::ImportDone { cancelled } => {
                self.jobs.import = None;
                self.select_next_import = false;
                if cancelled {
                    self.message = Some("Opening cancelled; files read so far were added".into());
                }
            }
            JobMsg::Project { path, result } => match result {
                Ok(loaded) => {
                    let mut doc = Document::new(loaded.project);
                    doc.stamp = Some(loaded.stamp);
                    doc.path = Some(path.clone());
                    if let Some(v) = loaded.migrated_from {
                        doc.history.mark_unsaved();
                        self.message = Some(format!(
                            "Opened a version-{v} project; it is saved in the current format next time"
                        ));
                    }
                    self.replace_document(doc);
                    self.remember(&path);
                    self.view
                        .refresh(&self.doc.project, self.doc.history.revision());
                    if let Some(first) = self.doc.project.claims.first().map(|c| c.id) {
                        self.view.select_claim(&self.doc.project, first);
                        self.view.focus_table = true;
                    }
                }
                Err(e) => {
                    self.recent.retain(|p| *p != path);
                    self.dialogs.prompt = Some(Prompt::Error(format!("Could not open. {e}")));
                }
            },
            JobMsg::Reextracted {
                article,
                extraction,
            } => self.apply_edit(Edit::ReExtract {
                article,
                extraction,
            }),
        }
    }

    /// Wait for background jobs and handle their messages (tests and benches).
    pub fn finish_jobs(&mut self) {
        loop {
            let msgs = self.jobs.wait();
            if msgs.is_empty() {
                break;
            }
            for m in msgs {
                self.handle_job(m);
            }
        }
    }

    fn answer_prompt(&mut self, prompt: Prompt, answer: PromptAnswer, ctx: &egui::Context) {
        match (prompt, answer) {
            (Prompt::Unsaved(then), PromptAnswer::Save) => self.save(Some(then)),
            (Prompt::Unsaved(then), PromptAnswer::Discard) => {
                self.discard_recovery();
                // Discarded changes must not come back as "unsaved" on the next open.
                self.doc.history.mark_saved();
                self.continue_with(then);
            }
            (Prompt::Overwrite { path, then }, PromptAnswer::Save) => {
                self.write_project(path, then)
            }
            (Prompt::Overwrite { then, .. }, PromptAnswer::Discard) => self.save_as(then),
            (Prompt::Restore(found), PromptAnswer::Save) => {
                match project_file::load_project(&found.file) {
                    Ok(project) => {
                        let mut doc = Document::new(project);
                        if let Some(p) = &found.project_path {
                            doc.stamp = project_file::file_stamp(p);
                        }
                        doc.path = found.project_path.clone();
                        doc.history.mark_unsaved();
                        self.replace_document(doc);
                        self.view
                            .refresh(&self.doc.project, self.doc.history.revision());
                        if let Some(first) = self.doc.project.claims.first().map(|c| c.id) {
                            self.view.select_claim(&self.doc.project, first);
                            self.view.focus_table = true;
                        }
                        self.message = Some("Restored unsaved changes: save to keep them".into());
                    }
                    Err(e) => {
                        self.dialogs.prompt = Some(Prompt::Error(format!("Could not restore. {e}")))
                    }
                }
            }
            (Prompt::Restore(found), PromptAnswer::Discard) => {
                let _ = std::fs::remove_file(&found.file);
            }
            (Prompt::Restore(_), PromptAnswer::Cancel) => {}
            (_, PromptAnswer::Cancel) | (Prompt::Error(_), _) => {
                self.after_save = None;
            }
        }
        ctx.request_repaint();
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { " •" } else { "" };
        let title = format!("claimdesk — {}{mark}", self.doc.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    // ------------------------------------------------------------------------------------
    // Keys

    /// Whether plain keys belong to the table (no text field has focus).
    fn table_has_keys(ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.focused())
            .is_none_or(|id| id == claims_table::table_focus_id())
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        let mut actions = Vec::new();
        let typing = !Self::table_has_keys(ctx);
        ctx.input_mut(|i| {
            if i.consume_shortcut(&SAVE_AS) {
                actions.push(Action::SaveAs);
            }
            if i.consume_shortcut(&SAVE) {
                actions.push(Action::Save);
            }
            if i.consume_shortcut(&OPEN) {
                actions.push(Action::OpenDialog);
            }
            if i.consume_shortcut(&FIND) {
                self.view.focus_search = true;
            }
            if !typing {
                if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                    actions.push(Action::Redo);
                }
                if i.consume_shortcut(&UNDO) {
                    actions.push(Action::Undo);
                }
            }
        });
        for a in actions {
            self.act(a);
        }
        if typing
            || self.view.tab != Tab::Claims
            || self.dialogs.is_modal()
            || self.export.is_open()
        {
            return;
        }
        for status in Status::ALL {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, theme::status_key(status))) {
                self.tag_selected(status);
            }
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete)) {
            self.act(Action::DeleteSelected);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SELECT_ALL)) {
            let ids = self.view.visible_ids(&self.doc.project);
            if let (Some(first), Some(last)) = (ids.first().copied(), ids.last().copied()) {
                self.view.selection.only(first);
                self.view.selection.extend(&ids, last);
            }
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.view.selection.clear();
        }
        claims_table::handle_navigation_keys(ctx, &self.doc.project, &mut self.view);
    }
}

impl eframe::App for ClaimdeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.jobs.set_context(ctx);
        for msg in self.jobs.poll() {
            self.handle_job(msg);
        }
        self.run_pending(ctx);

        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_paths(dropped);
        }

        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.prompt = Some(Prompt::Unsaved(Then::Quit));
        }

        self.autosave();
        self.update_title(ctx);
        if self.jobs.is_busy() || self.jobs.import.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        } else if self.options.recovery && self.doc.is_dirty() {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
        self.handle_keys(&ctx);

        let mut actions: Vec<Action> = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            toolbar::menu_bar(ui, self, &mut actions);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            toolbar::status_bar(ui, self, &mut actions);
        });
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(230.0)
            .size_range(150.0..=420.0)
            .show(ui, |ui| {
                toolbar::articles_list(ui, &self.doc.project, &mut self.view);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            toolbar::tabs_and_filters(ui, &self.doc.project, &mut self.view);
            match self.view.tab {
                Tab::Claims => {
                    egui::Panel::bottom("reading")
                        .resizable(true)
                        .default_size(330.0)
                        .size_range(120.0..=700.0)
                        .show(ui, |ui| {
                            egui::Panel::right("details")
                                .resizable(true)
                                .default_size(400.0)
                                .size_range(260.0..=700.0)
                                .show(ui, |ui| {
                                    details::show(
                                        ui,
                                        &self.doc.project,
                                        &mut self.view,
                                        &mut actions,
                                    );
                                });
                            egui::CentralPanel::default().show(ui, |ui| {
                                article_view::show(
                                    ui,
                                    &self.doc.project,
                                    &mut self.view,
                                    &mut actions,
                                );
                            });
                        });
                    claims_table::show(ui, &self.doc.project, &mut self.view, &mut actions);
                }
                Tab::Speakers => {
                    speakers::show(ui, &self.doc.project, &mut self.view, &mut actions);
                }
            }
        });

        if let Some((prompt, answer)) = self.dialogs.show(&ctx, &mut actions) {
            self.answer_prompt(prompt, answer, &ctx);
        }
        match self.export.show(&ctx, &self.doc.project, &mut actions) {
            Some(Ok(done)) => self.message = Some(done),
            Some(Err(why)) => self.dialogs.prompt = Some(Prompt::Error(why)),
            None => {}
        }

        let had_side_effects = actions.iter().any(|a| {
            !matches!(
                a,
                Action::Edit(_)
                    | Action::Tag(_)
                    | Action::DeleteSelected
                    | Action::Undo
                    | Action::Redo
            )
        });
        for action in actions {
            self.act(action);
        }
        if had_side_effects {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }
}
