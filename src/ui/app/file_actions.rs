//! File actions ([`FileAction`]): opening, importing, pasting, saving, exporting, quitting
//! and the prompts' answers. What concerns the document's life goes through
//! `document_flow` (`files.rs`); the rest starts a job.

use super::ClaimdeskApp;
use crate::ui::command::FileAction;
use crate::ui::jobs::DialogPurpose;

impl ClaimdeskApp {
    /// Run one file action.
    pub(super) fn file_action(&mut self, action: FileAction) {
        match action {
            FileAction::ShowOpenPath => self.dialogs.open_path = Some(String::new()),
            FileAction::ShowOpenUrl => self.dialogs.open_url = Some(String::new()),
            FileAction::ShowSavePath => {
                let path = self.doc.path.as_ref().map(|p| p.display().to_string());
                self.dialogs.save_path = Some(path.unwrap_or_default());
            }
            FileAction::ShowExport => {
                let name = if self.doc.project.name.trim().is_empty() {
                    self.doc.display_name()
                } else {
                    self.doc.project.name.clone()
                };
                // What the filters show, when they hide more than Not a claim (which the
                // export's own box leaves out or takes in).
                let ids = self.view.visible_ids(&self.doc.project);
                let hidden = ids.len() < self.doc.project.claims.len();
                let shown =
                    (hidden && self.view.filter.is_active()).then(|| ids.into_iter().collect());
                let dir = self.start_dir();
                let rejected_shown = shown.is_some() && self.view.filter.shows_rejected();
                self.export
                    .open(&self.doc.project, dir.as_deref(), &name, shown);
                // "Only the claims shown" exports what the table shows, Not a claim too
                // when the filter shows it (as `claimdesk export --status rejected`).
                self.export.include_rejected |= rejected_shown;
            }
            FileAction::OpenDialog => {
                let dir = self.start_dir();
                self.jobs.open_dialog(dir);
            }
            FileAction::OpenPaths(paths) => self.open_paths(paths),
            FileAction::OpenUrls(urls) => self.open_urls(urls),
            FileAction::PasteArticle(text) => {
                let system = self.options.system_clipboard;
                self.jobs.read_clipboard(text, system);
            }
            FileAction::AddPasted { pasted, title } => {
                self.select_next_import = true;
                let known = self.doc.project.known_speakers();
                let threshold = self.doc.project.settings.statement_threshold();
                self.jobs.analyse_pasted(*pasted, title, known, threshold);
            }
            FileAction::NewProject => self.new_project(),
            FileAction::Save => self.save(),
            FileAction::SaveAs => self.save_as(),
            FileAction::SaveTo(path) => self.save_to(path),
            FileAction::Quit => self.close_window(),
            FileAction::CloseRequested => self.close_requested(),
            FileAction::Reextract(article) => {
                if let Some(a) = self.doc.project.article(article) {
                    let known = self.doc.project.known_speakers();
                    let threshold = self.doc.project.settings.statement_threshold();
                    let (text, meta) = (a.text.clone(), a.meta.clone());
                    self.jobs.reextract(article, text, meta, known, threshold);
                }
            }
            FileAction::StatementThreshold(threshold) => self.statement_threshold(threshold),
            FileAction::CancelImport => {
                if let Some(added) = self.jobs.cancel_import() {
                    self.select_next_import = false;
                    self.message = Some(format!(
                        "Opening cancelled; {added} file{} read before were added",
                        if added == 1 { "" } else { "s" }
                    ));
                }
            }
            FileAction::Export(request) => self.export_to(*request),
            FileAction::BrowseExport { format, current } => {
                self.export.picking = true;
                let name = current
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("claims.{}", format.extension()));
                // The folder of the file named, else the project's (never the folder the
                // program was started in).
                let dir = current
                    .parent()
                    .filter(|d| d.is_absolute() && d.is_dir())
                    .map(std::path::Path::to_path_buf)
                    .or_else(|| self.start_dir());
                self.jobs.save_dialog(
                    DialogPurpose::Export,
                    name,
                    dir,
                    (format.label(), format.extension()),
                );
            }
            FileAction::Answer(prompt, answer) => self.answer_prompt(prompt, answer),
        }
    }
}

impl ClaimdeskApp {
    /// A new statement threshold: one undoable settings edit, then every article's
    /// statements found again from it in the background (a re-extraction, which keeps the
    /// analyst's work: a statement touched stays, untouched ones follow the threshold).
    fn statement_threshold(&mut self, threshold: f32) {
        let mut settings = self.doc.project.settings.clone();
        settings.statement_threshold = Some(crate::extract::Score::new(threshold));
        if settings == self.doc.project.settings {
            return;
        }
        self.apply_edit(crate::model::edit::Edit::SetSettings { settings });
        let threshold = self.doc.project.settings.statement_threshold();
        let known = self.doc.project.known_speakers();
        let articles: Vec<_> = self
            .doc
            .project
            .articles
            .iter()
            .map(|a| (a.id, a.text.clone(), a.meta.clone()))
            .collect();
        self.message = Some(format!(
            "Finding the statements of {} article(s) from worth {threshold:.2}",
            articles.len()
        ));
        self.jobs.reextract_all(articles, known, threshold);
    }
}
