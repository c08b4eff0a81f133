//! What the window does with a background job's report (each arrives as
//! [`Action::Job`](crate::ui::command::Action::Job), in order with every other action).
//! Messages say exactly what happened: a cancelled dialog is not an error, and "the other
//! files were opened" is said only when some were.

use super::ClaimdeskApp;
use crate::model::edit::Edit;
use crate::ui::command::Prompt;
use crate::ui::jobs::{DialogPurpose, JobMsg};
use crate::ui::state::Document;

impl ClaimdeskApp {
    pub(super) fn handle_job(&mut self, msg: JobMsg) {
        match msg {
            JobMsg::Picked {
                purpose,
                paths,
                no_dialog,
            } => {
                self.jobs.dialog_open = false;
                self.picked(purpose, paths, no_dialog);
            }
            JobMsg::Article {
                article,
                extraction,
            } => {
                if let Some(existing) = self.doc.project.duplicate_of(&article) {
                    self.dialogs.errors.push(format!(
                        "{}: already in the project (“{}”)",
                        article.source_path.as_deref().unwrap_or(&article.title),
                        existing.title
                    ));
                } else {
                    if let Some(p) = &mut self.jobs.import {
                        p.added += 1;
                    }
                    self.apply_edit(Edit::AddArticle {
                        article,
                        extraction,
                    });
                }
            }
            JobMsg::Failed(why) => self.dialogs.errors.push(why),
            JobMsg::Shared { link, event } => self.handle_shared(link, event),
            JobMsg::ImportDone { id, cancelled } => {
                // A cancelled import has ended for the window already.
                if self.jobs.import.as_ref().is_none_or(|p| p.id != id) {
                    return;
                }
                let added = self.jobs.import.take().map_or(0, |p| p.added);
                self.select_next_import = false;
                self.dialogs.errors_note = match added {
                    0 => Some("No file was opened.".into()),
                    1 => Some("The other file was opened.".into()),
                    n => Some(format!("The other {n} files were opened.")),
                };
                if cancelled {
                    self.message = Some(format!(
                        "Opening cancelled; {added} file{} read before were added",
                        if added == 1 { "" } else { "s" }
                    ));
                }
            }
            JobMsg::Clipboard(result) => {
                self.jobs.reading_clipboard = false;
                match result {
                    Ok(pasted) => {
                        self.dialogs.paste = Some(crate::ui::paste::PasteDraft::new(pasted))
                    }
                    Err(e) => self.message = Some(format!("Nothing pasted: {e}")),
                }
            }
            JobMsg::Project { path, result } => match result {
                Ok(loaded) => {
                    let mut doc = Document::new(loaded.project);
                    doc.stamp = Some(loaded.stamp);
                    doc.path = Some(path.clone());
                    let migrated = loaded.migrated_from;
                    if migrated.is_some() {
                        doc.history.mark_unsaved();
                    }
                    self.show_document(doc);
                    self.message = migrated.map(|v| {
                        format!(
                            "Opened a version-{v} project; it is saved in the current format next time"
                        )
                    });
                    self.remember(&path);
                }
                Err(e) => {
                    self.recent.retain(|p| *p != path);
                    self.dialogs.prompt = Some(Prompt::Error(format!("Could not open. {e}")));
                }
            },
            JobMsg::Reextracted {
                article,
                mut extraction,
            } => {
                // The article's own check-worthy statements, from the project's threshold
                // (a sentence scored per sentence: quick, once per re-extraction).
                if let Some(a) = self.doc.project.article(article) {
                    let threshold = self.doc.project.settings.statement_threshold();
                    crate::io::import::add_statements(&a.text, &mut extraction, &a.meta, threshold);
                }
                self.apply_edit(Edit::ReExtract {
                    article,
                    extraction,
                });
            }
            JobMsg::Saved {
                path,
                token,
                result,
            } => {
                self.jobs.saving = None;
                match result {
                    Ok(stamp) => self.saved(path, token, stamp),
                    Err(e) => {
                        self.saving_then = None;
                        self.quit_after_save = false;
                        self.dialogs.prompt = Some(Prompt::Error(format!("Could not save. {e}")));
                        self.next_save();
                    }
                }
            }
            JobMsg::SaveConflict { path } => {
                self.jobs.saving = None;
                let then = self.saving_then.take();
                self.dialogs.prompt = Some(Prompt::Overwrite { path, then });
            }
            JobMsg::RecoverySaved { revision, result } => {
                self.jobs.autosaving = false;
                match result {
                    Ok(()) => self.recovery_revision = revision,
                    Err(e) => self.message = Some(format!("Autosave failed: {e}")),
                }
            }
            JobMsg::Recoveries(found) => {
                if let Some(first) = found.into_iter().next()
                    && self.dialogs.prompt.is_none()
                {
                    self.dialogs.prompt = Some(Prompt::Restore(first));
                }
            }
            JobMsg::Restored { found, result } => match result {
                Ok((project, stamp)) => {
                    let mut doc = Document::new(*project);
                    doc.stamp = stamp;
                    doc.path = found.project_path.clone();
                    doc.history.mark_unsaved();
                    self.show_document(doc);
                    self.message = Some("Restored unsaved changes: save to keep them".into());
                }
                Err(e) => {
                    self.dialogs.prompt = Some(Prompt::Error(format!("Could not restore. {e}")))
                }
            },
            msg @ (JobMsg::LibraryOpened { .. }
            | JobMsg::LibraryAdded { .. }
            | JobMsg::Matched { .. }
            | JobMsg::LibraryBrowsed { .. }
            | JobMsg::Grouped { .. }) => self.library_job(msg),
            JobMsg::Exported(outcome) => {
                self.export.writing = false;
                match outcome {
                    Ok(path) => self.message = Some(format!("Exported {}", path.display())),
                    Err(why) => self.dialogs.prompt = Some(Prompt::Error(why)),
                }
            }
        }
    }

    /// A file dialog closed. Cancel is no error; a dialog that could not be shown says so
    /// and names the other way in.
    fn picked(&mut self, purpose: DialogPurpose, paths: Vec<std::path::PathBuf>, no_dialog: bool) {
        let first = paths.first().cloned();
        match (purpose, first) {
            (DialogPurpose::Open, Some(_)) => self.open_paths(paths),
            (DialogPurpose::SaveAs, Some(path)) => {
                let then = self.after_save.take();
                self.start_save(path, then, None);
            }
            (DialogPurpose::Export, Some(path)) => {
                self.export.picking = false;
                self.export.picked(path);
            }
            (DialogPurpose::LibraryFolder, Some(path)) => self.open_library(path),
            (DialogPurpose::LibraryFiles, Some(_)) => {
                self.dispatch(crate::ui::command::Action::AddToLibrary(paths))
            }
            (purpose, None) => {
                if purpose == DialogPurpose::Export {
                    self.export.picking = false;
                }
                if purpose == DialogPurpose::SaveAs {
                    // What waited for the save (e.g. quitting) is called off.
                    self.after_save = None;
                }
                self.message = if no_dialog {
                    Some(
                        match purpose {
                            DialogPurpose::Open => {
                                "No file dialog could be shown: use File > Open path… or drop files here"
                            }
                            DialogPurpose::SaveAs => {
                                "No file dialog could be shown: use File > Save to path…"
                            }
                            DialogPurpose::Export => {
                                "No file dialog could be shown: type the file's path"
                            }
                            DialogPurpose::LibraryFolder | DialogPurpose::LibraryFiles => {
                                "No file dialog could be shown: type the path in File > Claim library…"
                            }
                        }
                        .into(),
                    )
                } else if purpose == DialogPurpose::SaveAs {
                    Some("Not saved: the save dialog was cancelled".into())
                } else {
                    None
                };
            }
        }
    }
}
