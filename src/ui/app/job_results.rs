//! What the window does with a background job's report (each arrives as
//! [`Action::Job`](crate::ui::command::Action::Job), in order with every other action).
//! Messages say exactly what happened: a cancelled dialog is not an error, and "the other
//! files were opened" is said only when some were.

use super::ClaimdeskApp;
use crate::model::edit::Edit;
use crate::ui::command::LibraryAction;
use crate::ui::document_flow::{Effect, Prompt};
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
                warnings,
            } => {
                // What a cap cut is said where the window says what happened.
                if !warnings.is_empty() {
                    self.message = Some(warnings.join("; "));
                }
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
            JobMsg::Feeds { document, event } => self.feed_event(document, *event),
            JobMsg::FeedsDone { document } => self.feeds_done(document),
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
            JobMsg::Project { path, result } => self.project_loaded(path, result),
            JobMsg::Reextracted {
                article,
                extraction,
            } => {
                self.apply_edit(Edit::ReExtract {
                    article,
                    extraction,
                });
            }
            JobMsg::Saved {
                path,
                token,
                result,
            } => self.saved(path, token, result),
            JobMsg::SaveConflict { .. } => {
                let effects = self.flow.conflict();
                self.run(effects);
            }
            JobMsg::RecoverySaved { ticket, result } => {
                let effects = self.flow.recovery_written(ticket, result);
                self.run(effects);
            }
            JobMsg::Recoveries(found) => {
                let effects = self.flow.found(found);
                self.run(effects);
            }
            JobMsg::Restored { found, result } => {
                let effects = self
                    .flow
                    .loaded(result.as_ref().map(|_| ()).map_err(Clone::clone));
                if let (Some(Effect::Show), Ok((project, stamp))) = (effects.first(), result) {
                    let mut doc = Document::new(*project);
                    doc.stamp = stamp;
                    doc.path = found.project_path.clone();
                    doc.history.mark_unsaved();
                    self.show_document(doc);
                    self.message = Some("Restored unsaved changes: save to keep them".into());
                }
                self.run(effects);
            }
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

    /// A project file loaded (or not). It replaces the document only if the flow still
    /// waits for it; a failure changes nothing but the recent list.
    fn project_loaded(
        &mut self,
        path: std::path::PathBuf,
        result: Result<Box<crate::io::project_file::LoadedProject>, String>,
    ) {
        let effects = self
            .flow
            .loaded(result.as_ref().map(|_| ()).map_err(Clone::clone));
        match result {
            Ok(loaded) if effects.first() == Some(&Effect::Show) => {
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
            Ok(_) => {}
            Err(_) => self.recent.retain(|p| *p != path),
        }
        self.run(effects);
    }

    /// A file dialog closed. Cancel is no error; a dialog that could not be shown says so
    /// and names the other way in.
    fn picked(&mut self, purpose: DialogPurpose, paths: Vec<std::path::PathBuf>, no_dialog: bool) {
        let first = paths.first().cloned();
        match (purpose, first) {
            (DialogPurpose::Open, Some(_)) => self.open_paths(paths),
            (DialogPurpose::SaveAs, Some(path)) => self.save_path_picked(Some(path)),
            (DialogPurpose::Export, Some(path)) => {
                self.export.picking = false;
                self.export.picked(path);
            }
            (DialogPurpose::LibraryFolder, Some(path)) => self.open_library(path),
            (DialogPurpose::LibraryFiles, Some(_)) => {
                self.dispatch(LibraryAction::AddToLibrary(paths))
            }
            (purpose, None) => {
                if purpose == DialogPurpose::Export {
                    self.export.picking = false;
                }
                if purpose == DialogPurpose::SaveAs {
                    // What waited for the save (e.g. quitting) is called off.
                    self.save_path_picked(None);
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
