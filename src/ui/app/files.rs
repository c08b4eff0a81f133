//! Files and the questions around them: opening articles and projects, showing a newly
//! loaded document, saving (through the jobs, one save at a time), autosave, the
//! unsaved-changes / overwrite / restore prompts, closing the window.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{AUTOSAVE_EVERY, ClaimdeskApp, QueuedSave};
use crate::io::project_file::{self, FileStamp};
use crate::model::edit::{Edit, History};
use crate::model::{Article, ArticleId, ArticleMeta, Project};
use crate::ui::command::{ExportRequest, Prompt, PromptAnswer, Then, snapshot};
use crate::ui::jobs::{DialogPurpose, SaveJob, is_project_path};
use crate::ui::state::Document;

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
        let added = doc.history.apply(
            &mut doc.project,
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
        doc.project.ensure_claim_numbers();
        self.doc = doc;
        // Another project shown: the shared one's link ends (its journal stays).
        self.shared = None;
        self.view.reset_for();
        self.checks.forget_project();
        self.recovery_revision = self.doc.history.revision();
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
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
            self.jobs.import_articles(articles, known);
        }
    }

    /// Open a project, asking first if the current one has unsaved changes.
    pub fn open_project(&mut self, path: PathBuf) {
        if self.doc.is_dirty() {
            self.dialogs.prompt = Some(Prompt::Unsaved(Then::OpenProject(path)));
        } else {
            self.load_project_or_shared(path);
        }
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
        if self.doc.is_dirty() {
            self.dialogs.prompt = Some(Prompt::Unsaved(Then::NewProject));
        } else {
            self.new_project_now();
        }
    }

    fn new_project_now(&mut self) {
        self.discard_recovery();
        self.show_document(Document::new(Project::new("")));
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_ref()
            .or(self.recent.first())
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    }

    /// Save to the project's file (asking where if it has none), then do `then`. The file
    /// must not have changed on disk since it was opened or saved (else the job asks).
    pub(super) fn save(&mut self, then: Option<Then>) {
        if self.shared.is_some() && then.is_none() {
            self.message = Some(
                "A shared project is saved on the server as you edit; Save As… exports a copy"
                    .into(),
            );
            return;
        }
        match self.doc.path.clone() {
            None => self.save_as(then),
            Some(path) => {
                let expect = self.doc.stamp.clone();
                self.start_save(path, then, expect);
            }
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Then>) {
        self.after_save = then;
        let name = format!("{}.{}", self.doc.display_name(), project_file::EXTENSION);
        let dir = self.start_dir();
        self.jobs.save_dialog(
            DialogPurpose::SaveAs,
            name,
            dir,
            ("claimdesk projects", project_file::EXTENSION),
        );
    }

    /// Write the project to `path` (atomically, keeping a .bak) on a thread; it is marked
    /// saved when the job reports.
    pub fn write_project(&mut self, path: PathBuf, then: Option<Then>) {
        self.start_save(path, then, None);
    }

    pub(super) fn start_save(
        &mut self,
        path: PathBuf,
        then: Option<Then>,
        expect: Option<FileStamp>,
    ) {
        let path = if path.extension().is_none() {
            path.with_extension(project_file::EXTENSION)
        } else {
            path
        };
        if self.jobs.saving.is_some() {
            // One writer at a time: this save starts when the running one has reported.
            self.queued_save = Some(QueuedSave { path, then, expect });
            return;
        }
        if self.doc.project.name.trim().is_empty()
            && let Some(stem) = path.file_stem()
        {
            // Naming is part of saving, not an edit to undo.
            self.doc.project.name = stem.to_string_lossy().into_owned();
        }
        self.saving_then = then;
        self.jobs.save_project(SaveJob {
            path,
            snapshot: snapshot(&self.doc.project),
            token: self.doc.history.saved_token(),
            old_path: self.doc.path.clone(),
            expect,
            recovery: self.options.recovery,
        });
    }

    /// The save job reported: the project is saved as it was when the save started.
    pub(super) fn saved(
        &mut self,
        path: PathBuf,
        token: crate::model::edit::SavedToken,
        stamp: Option<FileStamp>,
    ) {
        self.remember(&path);
        if let Some(s) = &self.shared {
            // A copy of the shared project: the window stays on the server's.
            self.message = Some(format!(
                "Saved a copy as {} (this window stays on the shared project {})",
                path.display(),
                s.name
            ));
        } else {
            self.doc.path = Some(path.clone());
            self.doc.stamp = stamp;
            self.doc.history.mark_saved_as(token);
            if !self.doc.is_dirty() {
                self.recovery_revision = self.doc.history.revision();
            }
            self.message = Some(format!("Saved {}", path.display()));
        }
        if self.quit_after_save {
            self.quit_after_save = false;
            self.saving_then = Some(Then::Quit);
        }
        if let Some(then) = self.saving_then.take() {
            self.continue_with(then);
        }
        self.next_save();
    }

    /// Start the save that waited for the one that just finished.
    pub(super) fn next_save(&mut self) {
        if self.jobs.saving.is_none()
            && let Some(q) = self.queued_save.take()
        {
            self.start_save(q.path, q.then, q.expect);
        }
    }

    pub(super) fn continue_with(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.may_close = true;
                self.close_window();
            }
            Then::OpenProject(path) => self.load_project_or_shared(path),
            Then::NewProject => self.new_project_now(),
        }
    }

    /// Ask the window to close (File → Quit); the close request comes back as an action.
    pub(super) fn close_window(&mut self) {
        if let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The window is asked to close: wait for a running save, ask about unsaved changes.
    pub(super) fn close_requested(&mut self) {
        if self.may_close {
            return;
        }
        let hold = self.jobs.saving.is_some() || self.doc.is_dirty();
        if hold && let Some(ctx) = &self.ctx {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if self.jobs.saving.is_some() {
            self.quit_after_save = true;
            self.message = Some("Saving… the window closes when the save is done".into());
        } else if self.doc.is_dirty() {
            self.dialogs.prompt = Some(Prompt::Unsaved(Then::Quit));
        }
    }

    pub(super) fn discard_recovery(&mut self) {
        if self.options.recovery {
            self.jobs.discard_recovery(self.doc.path.clone());
        }
        self.recovery_revision = self.doc.history.revision();
    }

    /// Every 30 s, unsaved changes go to the recovery file, on a thread.
    pub(super) fn autosave(&mut self) {
        if !self.options.recovery
            || self.jobs.autosaving
            || !self.doc.is_dirty()
            || self.doc.history.revision() == self.recovery_revision
            || self.last_recovery.elapsed() < AUTOSAVE_EVERY
        {
            return;
        }
        self.last_recovery = Instant::now();
        self.jobs.save_recovery(
            self.doc.path.clone(),
            snapshot(&self.doc.project),
            self.doc.history.revision(),
        );
    }

    /// Changed settings are one undoable edit; then the export is written on a thread.
    pub(super) fn export_to(&mut self, request: ExportRequest) {
        if request.settings != self.doc.project.settings {
            self.apply_edit(Edit::SetSettings {
                settings: request.settings,
            });
        }
        self.export.writing = true;
        let project = snapshot(&self.doc.project);
        self.jobs
            .export(project, request.format, request.options, request.path);
    }

    pub(super) fn answer_prompt(&mut self, prompt: Prompt, answer: PromptAnswer) {
        match (prompt, answer) {
            (Prompt::Unsaved(then), PromptAnswer::Save) => self.save(Some(then)),
            (Prompt::Unsaved(then), PromptAnswer::Discard) => {
                self.discard_recovery();
                // Discarded changes must not come back as "unsaved" on the next open.
                self.doc.history.mark_saved();
                self.continue_with(then);
            }
            (Prompt::Overwrite { path, then }, PromptAnswer::Save) => {
                self.start_save(path, then, None)
            }
            (Prompt::Overwrite { then, .. }, PromptAnswer::Discard) => self.save_as(then),
            (Prompt::Restore(found), PromptAnswer::Save) => self.jobs.restore(found),
            (Prompt::Restore(found), PromptAnswer::Discard) => self.jobs.remove_file(found.file),
            (Prompt::Restore(_), PromptAnswer::Cancel) => {}
            (_, PromptAnswer::Cancel) | (Prompt::Error(_), _) => {
                self.after_save = None;
            }
        }
    }
}
