//! Files in the window: opening articles and projects, showing a newly loaded document,
//! and the shell's side of the document flow (`ui/document_flow`): each request (open,
//! new, save, save as, close, autosave, a prompt's answer) is handed to the flow with the
//! [`Doc`] facts, and [`ClaimdeskApp::run`] carries out the effects it returns (prompts,
//! dialogs, save/load/recovery jobs, the window closing).

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{AUTOSAVE_EVERY, ClaimdeskApp};
use crate::io::project_file::{self, FileStamp};
use crate::model::edit::{Edit, History, SavedToken};
use crate::model::{Article, ArticleId, ArticleMeta, Project, ProjectSettings};
use crate::ui::command::{ExportRequest, snapshot};
use crate::ui::document_flow::{Doc, Effect, Prompt, PromptAnswer, Then};
use crate::ui::jobs::{DialogPurpose, SaveJob, is_project_path};
use crate::ui::state::{Document, ViewState};

const MAX_RECENT: usize = 10;

impl ClaimdeskApp {
    /// The bundled sample article, analysed, as an unsaved-but-clean project.
    pub fn load_sample(&mut self) {
        let text = crate::io::article::normalise_line_ends(crate::ui::SAMPLE_ARTICLE);
        let extraction = crate::extract::extract(&text);
        let article = Article {
            id: ArticleId(0),
            title: crate::extract::title_of(&text),
            text,
            source_path: Some(crate::ui::SAMPLE_NAME.into()),
            sha256: Some(crate::io::import::sha256_hex(
                crate::ui::SAMPLE_ARTICLE.as_bytes(),
            )),
            imported_at: None,
            meta: ArticleMeta {
                outlet: Some("Al Mayadeen English".into()),
                ..ArticleMeta::default()
            },
            memo: String::new(),
        };
        let mut doc = Document::new(Project::new("Sample"));
        let (project, history) = doc.edit();
        let added = history.apply(
            project,
            Edit::AddArticle {
                article: Box::new(article),
                extraction,
            },
        );
        if let Err(e) = added {
            self.message = Some(format!("The sample could not be shown: {e}"));
        }
        // The sample is where a new user starts, not an edit to undo.
        doc.history = History::new();
        self.show_document(doc);
    }

    /// Show `project` as a freshly opened, unsaved project (benches, tests).
    pub fn show_project(&mut self, project: Project) {
        self.show_document(Document::new(project));
    }

    /// The one way a newly loaded document (opened, restored, new, the sample) is shown:
    /// claims numbered, view reset, the first claim selected and the table given the keys.
    pub(super) fn show_document(&mut self, mut doc: Document) {
        doc.edit().0.ensure_claim_numbers();
        self.doc = doc;
        // Another project shown: the shared one's link ends (its journal stays).
        self.shared = None;
        self.view.reset_for();
        self.checks.forget_project();
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        self.view.focus_table = true;
    }

    /// Open files: a project replaces the current one (asking about unsaved changes);
    /// articles are read and analysed in the background and added to the project.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        let (shared, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| p.to_str().is_some_and(crate::io::shared::is_shared_address));
        if let Some(url) = shared.first() {
            self.open_project(url.clone());
        }
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| is_project_path(p));
        if let Some(project) = projects.first() {
            if projects.len() > 1 {
                self.message = Some("Only one project can be open: opened the first".into());
            }
            self.open_project(project.clone());
        }
        self.import_paths(articles);
    }

    /// Fetch articles by URL (File → Open URL…): each must be an http or https address;
    /// the others are named in the errors window.
    pub fn open_urls(&mut self, urls: Vec<String>) {
        let (good, bad): (Vec<String>, Vec<String>) =
            urls.into_iter().partition(|u| crate::io::fetch::is_url(u));
        for u in bad {
            self.dialogs
                .errors
                .push(format!("{u}: not an http or https address"));
        }
        self.import_paths(good.into_iter().map(PathBuf::from).collect());
    }

    /// Read and analyse articles (files or URLs) in the background; they join the project.
    fn import_paths(&mut self, articles: Vec<PathBuf>) {
        if !articles.is_empty() {
            if self.jobs.import.is_some() {
                self.message = Some("Still opening other files; try again when done".into());
                return;
            }
            self.select_next_import = true;
            self.dialogs.errors_note = None;
            let known = self.doc.project.known_speakers();
            let threshold = self.doc.project.settings.statement_threshold();
            self.jobs.import_articles(articles, known, threshold);
        }
    }

    /// Open a project (a file or a shared project's address): the document flow asks
    /// about unsaved changes first, and the document on screen stays until it has loaded.
    pub fn open_project(&mut self, path: PathBuf) {
        self.flow_replace(Then::OpenProject(path));
    }

    /// A project file is loaded in a job; a shared project's address opens its link.
    fn load_project_or_shared(&mut self, path: PathBuf) {
        match path
            .to_str()
            .filter(|s| crate::io::shared::is_shared_address(s))
        {
            Some(url) => self.open_shared(url),
            None => self.jobs.load_project(path),
        }
    }

    pub(super) fn new_project(&mut self) {
        self.flow_replace(Then::NewProject);
    }

    fn flow_replace(&mut self, then: Then) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.replace(then, doc);
        self.run(effects);
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Where the file dialogs start: the project's folder; for a project not yet saved,
    /// the folder of its first article read from a file; else that of the last project.
    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        let article_dir = || {
            self.doc
                .project
                .articles
                .iter()
                .filter_map(|a| a.source_path.as_deref())
                .map(Path::new)
                .find(|p| p.is_absolute())
                .and_then(Path::parent)
                .map(Path::to_path_buf)
        };
        match self.doc.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) if !dir.as_os_str().is_empty() => Some(dir.to_path_buf()),
            _ => article_dir().or_else(|| {
                self.recent
                    .first()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
            }),
        }
    }

    /// File → Save: to the project's file (asking where if it has none). The file must not
    /// have changed on disk since it was opened or saved (else the flow asks).
    pub(super) fn save(&mut self) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.save(None, doc);
        self.run(effects);
    }

    pub(super) fn save_as(&mut self) {
        let effects = self.flow.save_as(None);
        self.run(effects);
    }

    /// "Save to path…": the path typed, as the save dialog would have given it.
    pub(super) fn save_to(&mut self, path: PathBuf) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.save_to(with_extension(path), doc);
        self.run(effects);
    }

    /// The save dialog closed (`None`: cancelled).
    pub(super) fn save_path_picked(&mut self, path: Option<PathBuf>) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.picked(path.map(with_extension), doc);
        self.run(effects);
    }

    /// Write the project to `path` (atomically, keeping a .bak) on a thread, then do
    /// `then`; it is marked saved when the job reports (tests, benches).
    pub fn write_project(&mut self, path: PathBuf, then: Option<Then>) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.write(with_extension(path), false, then, doc);
        self.run(effects);
    }

    /// Write the recovery copy now if the document has changes it does not hold (what the
    /// 30-second timer does; tests).
    pub fn autosave_now(&mut self) {
        self.last_recovery = Instant::now();
        if self.options.recovery {
            let doc = facts(&self.doc, &self.view, self.shared.is_some());
            let effects = self.flow.autosave_due(doc);
            self.run(effects);
        }
    }

    /// Every 30 s, unsaved changes go to the recovery copy, on a thread.
    pub(super) fn autosave(&mut self) {
        if self.last_recovery.elapsed() >= AUTOSAVE_EVERY {
            self.autosave_now();
        }
    }

    /// The save job reported: the project is saved as it was when the save started.
    pub(super) fn saved(
        &mut self,
        path: PathBuf,
        token: SavedToken,
        result: Result<Option<FileStamp>, String>,
    ) {
        let ok = result.is_ok();
        if let Ok(stamp) = result.as_ref() {
            self.remember(&path);
            if self.shared.is_none() {
                self.doc.path = Some(path.clone());
                self.doc.stamp = stamp.clone();
                self.doc.history.mark_saved_as(token);
            }
        }
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.saved(result.map(|_| ()), doc);
        self.run(effects);
        if let (true, Some(s)) = (ok, &self.shared) {
            // A copy of the shared project: the window stays on the server's.
            self.message = Some(format!(
                "Saved a copy as {} (this window stays on the shared project {})",
                path.display(),
                s.name
            ));
        }
    }

    /// Ask the window to close (File → Quit); the close request comes back as an action.
    pub(super) fn close_window(&mut self) {
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The window is asked to close: the flow waits for a running save, asks about
    /// unsaved changes, or lets it close.
    pub(super) fn close_requested(&mut self) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.close_requested(doc);
        self.run(effects);
    }

    /// Carry out what the document flow decided, in order.
    pub(super) fn run(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Ask(prompt) => match (&self.dialogs.prompt, prompt) {
                    (Some(_), prompt @ Prompt::Restore(_)) => self.flow.offer_later(prompt),
                    (_, prompt) => self.dialogs.prompt = Some(prompt),
                },
                Effect::PickPath => {
                    let name = format!("{}.{}", self.doc.display_name(), project_file::EXTENSION);
                    let dir = self.start_dir();
                    self.jobs.save_dialog(
                        DialogPurpose::SaveAs,
                        name,
                        dir,
                        ("claimdesk projects", project_file::EXTENSION),
                    );
                }
                Effect::Write { path, check } => self.write_now(path, check),
                Effect::Load(path) => self.load_project_or_shared(path),
                Effect::ReadRecovery(found) => self.jobs.restore(found),
                Effect::ShowNew => self.show_document(Document::new(Project::new(""))),
                // Shown by the report that carries the replacement (`job_results.rs`).
                Effect::Show => {}
                Effect::WriteRecovery(ticket) => {
                    let snapshot = snapshot(&self.doc.project);
                    self.jobs
                        .save_recovery(self.doc.path.clone(), snapshot, ticket);
                }
                Effect::DeleteRecovery(key) => {
                    if self.options.recovery {
                        self.jobs.discard_recovery(key);
                    }
                }
                Effect::RemoveFile(file) => self.jobs.remove_file(file),
                Effect::HoldClose => self.viewport(egui::ViewportCommand::CancelClose),
                Effect::Close => self.viewport(egui::ViewportCommand::Close),
                Effect::Say(line) => self.message = Some(line),
            }
        }
    }

    fn viewport(&self, command: egui::ViewportCommand) {
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(command);
        }
    }

    /// Start the save job on a snapshot of the project as it is now.
    fn write_now(&mut self, path: PathBuf, check: bool) {
        if self.doc.project.name.trim().is_empty()
            && let Some(stem) = path.file_stem()
        {
            // Naming is part of saving, not an edit to undo.
            self.doc.edit().0.name = stem.to_string_lossy().into_owned();
        }
        self.jobs.save_project(SaveJob {
            path,
            snapshot: snapshot(&self.doc.project),
            token: self.doc.history.saved_token(),
            expect: if check { self.doc.stamp.clone() } else { None },
        });
    }

    /// Changed settings are one undoable edit; then the export is written on a thread.
    pub(super) fn export_to(&mut self, request: ExportRequest) {
        // The dialog edits the export's settings; the table's layout stays as it is.
        let settings = ProjectSettings {
            table_layout: self.doc.project.settings.table_layout.clone(),
            ..request.settings
        };
        if settings != self.doc.project.settings {
            self.apply_edit(Edit::SetSettings { settings });
        }
        self.export.writing = true;
        let project = snapshot(&self.doc.project);
        self.jobs
            .export(project, request.format, request.options, request.path);
    }

    pub(super) fn answer_prompt(&mut self, prompt: Prompt, answer: PromptAnswer) {
        let doc = facts(&self.doc, &self.view, self.shared.is_some());
        let effects = self.flow.answer(prompt, answer, doc);
        self.run(effects);
    }
}

/// What the document flow is told of the document on screen. Text typed and not yet
/// committed counts as unsaved.
pub(super) fn facts<'a>(doc: &'a Document, view: &ViewState, shared: bool) -> Doc<'a> {
    Doc {
        dirty: doc.is_dirty() || !view.drafts.dirty.is_empty(),
        revision: doc.history.revision(),
        path: doc.path.as_deref(),
        shared,
    }
}

/// A project path typed or picked without an extension gets the project file's.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(project_file::EXTENSION)
    } else {
        path
    }
}
