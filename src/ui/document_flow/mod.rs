//! The document's life as one small state machine: open, save, save as, discard, new,
//! close, quit, autosave and recovery are transitions of [`DocumentFlow`], each taking
//! what the shell knows of the document on screen ([`Doc`]) and returning the
//! [`Effect`]s the shell carries out (a question, a dialog, a job, the window closing).
//! No egui, no I/O, no clock: the shell (`app/files.rs`) runs the effects and reports
//! back; every transition is unit-tested (`tests.rs`). `recovery.rs` holds the recovery
//! copy's side (autosave, when a copy may go, the copies offered at start).
//!
//! What it promises (issue 23):
//! - A failed open changes nothing. The document on screen, its unsaved state and its
//!   recovery copy stay as they were; "Discard" takes effect only once the replacement
//!   has loaded ([`Stage::Opening`] keeps `discard` until then).
//! - A recovery copy is deleted only once the work it protects is on disk (a save of that
//!   revision or a later one), or once the analyst discarded it and the replacement is
//!   shown; never while its own write may still land (the delete waits for it).
//! - The window closes only when nothing unsaved would be lost: a save that fails, or
//!   leaves edits made while it ran, keeps it open and asks again.
//! - One thing at a time: a second open while a job runs is refused with a message; a
//!   second save waits for the running one.
//! - Every recovery copy found at start is offered, one question after another.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::io::project_file::Recovery;

mod recovery;
#[cfg(test)]
mod tests;

use recovery::Copy;

/// What waits for the unsaved-changes question (or for a save).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Quit,
    /// Open a project file or a shared project's address.
    OpenProject(PathBuf),
    NewProject,
    /// Restore a recovery copy found at start.
    Restore(Recovery),
}

/// A question the window asks before going on.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// What the shell knows of the document on screen when it tells the flow something.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// Unsaved: edits not on disk, or text typed and not yet committed.
    pub dirty: bool,
    /// The undo history's revision (changes on every edit, undo and redo).
    pub revision: u64,
    /// Its project file, if it has one.
    pub path: Option<&'a Path>,
    /// A shared project: saved on the server as it is edited.
    pub shared: bool,
}

/// What the flow is doing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Idle,
    /// Save / Discard / Cancel is asked, before `Then`.
    Asking(Then),
    /// The save dialog is open; what waits for the save.
    Picking(Option<Then>),
    /// The document as it was at `revision` is being written to `path`.
    Saving {
        path: PathBuf,
        revision: u64,
        then: Option<Then>,
    },
    /// The file changed on disk: overwrite / save elsewhere / cancel is asked.
    Conflict { path: PathBuf, then: Option<Then> },
    /// A replacement (`OpenProject`, `Restore`) is loading; the document on screen stays
    /// until it has. With `discard`, the analyst discarded its changes for it.
    Opening { then: Then, discard: bool },
    /// Nothing unsaved is left: the window closes.
    Closing,
}

/// What the shell does for a transition, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Show this question.
    Ask(Prompt),
    /// Open the native save dialog (its answer comes back through [`DocumentFlow::picked`]).
    PickPath,
    /// Write the document, as it is now, to `path`; with `check`, only if the file is
    /// still as it was opened or last saved.
    Write { path: PathBuf, check: bool },
    /// Load a project file (or open a shared project's address) to replace the document.
    Load(PathBuf),
    /// Read a recovery copy back, to replace the document.
    ReadRecovery(Recovery),
    /// Show a new, empty project.
    ShowNew,
    /// Show the replacement that loaded.
    Show,
    /// Write the document to its recovery copy (report with this ticket).
    WriteRecovery(RecoveryTicket),
    /// Delete the recovery copy of the project at this path (`None`: untitled).
    DeleteRecovery(Option<PathBuf>),
    /// Delete this recovery file (the analyst discarded it at start).
    RemoveFile(PathBuf),
    /// Hold back the window's close request.
    HoldClose,
    /// Close the window.
    Close,
    /// A line for the status bar.
    Say(String),
}

/// Names a recovery write: the document it was for (its epoch) and its revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecoveryTicket {
    pub epoch: u64,
    pub revision: u64,
}

/// A save asked for while another was being written: it starts when that one reports.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Queued {
    path: PathBuf,
    check: bool,
    then: Option<Then>,
}

/// The document's life (see the module's page).
#[derive(Debug, Default)]
pub struct DocumentFlow {
    stage: Stage,
    queued: Option<Queued>,
    copy: Copy,
    /// Recovery copies found at start and not yet offered.
    offers: VecDeque<Recovery>,
}

impl DocumentFlow {
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The file being written, if a save runs.
    pub fn saving(&self) -> Option<&Path> {
        match &self.stage {
            Stage::Saving { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The window may close (nothing unsaved is left, or the analyst discarded it).
    pub fn closing(&self) -> bool {
        self.stage == Stage::Closing
    }

    /// Why a new request must wait, if it must.
    fn busy(&self) -> Option<String> {
        match &self.stage {
            Stage::Idle => None,
            Stage::Saving { path, .. } => Some(format!(
                "Still saving {}; try again when it is saved",
                path.display()
            )),
            Stage::Opening { then, .. } => Some(match then {
                Then::OpenProject(p) => {
                    format!("Still opening {}; try again when done", p.display())
                }
                _ => "Still restoring unsaved work; try again when done".into(),
            }),
            Stage::Closing => Some("The window is closing".into()),
            Stage::Asking(_) | Stage::Picking(_) | Stage::Conflict { .. } => {
                Some("Answer the open question first".into())
            }
        }
    }

    /// File → Open (or Open Recent, a drop, a path at start) of a project; also File →
    /// New and Restore: anything that replaces the document.
    pub fn replace(&mut self, then: Then, doc: Doc) -> Vec<Effect> {
        if then == Then::Quit {
            return self.close_requested(doc);
        }
        if let Some(why) = self.busy() {
            return vec![Effect::Say(why)];
        }
        if doc.dirty {
            self.stage = Stage::Asking(then.clone());
            return vec![Effect::Ask(Prompt::Unsaved(then))];
        }
        self.go_on(then, false)
    }

    /// Do `then` now (nothing unsaved stands in the way, or it was discarded).
    fn go_on(&mut self, then: Then, discard: bool) -> Vec<Effect> {
        match then {
            Then::Quit => {
                self.stage = Stage::Closing;
                let mut effects = if discard {
                    self.drop_copy()
                } else {
                    Vec::new()
                };
                effects.push(Effect::Close);
                effects
            }
            Then::NewProject => {
                let mut effects = if discard {
                    self.drop_copy()
                } else {
                    Vec::new()
                };
                effects.extend(self.shown(None));
                effects.insert(0, Effect::ShowNew);
                effects
            }
            Then::OpenProject(path) => {
                self.stage = Stage::Opening {
                    then: Then::OpenProject(path.clone()),
                    discard,
                };
                vec![Effect::Load(path)]
            }
            Then::Restore(found) => {
                self.stage = Stage::Opening {
                    then: Then::Restore(found.clone()),
                    discard,
                };
                vec![Effect::ReadRecovery(found)]
            }
        }
    }

    /// Another document is on screen: the copy bookkeeping starts again (`restored`: it
    /// came from a recovery copy, which now protects it).
    fn shown(&mut self, restored: Option<Option<PathBuf>>) -> Vec<Effect> {
        self.stage = Stage::Idle;
        self.copy.epoch += 1;
        self.copy.written = restored.map(|key| (0, key));
        self.copy.saved = None;
        self.offer()
    }

    /// The replacement being opened has loaded (`Ok`) or not. A report nobody waits for
    /// (an open given up by quitting) is dropped: no effect at all.
    pub fn loaded(&mut self, result: Result<(), String>) -> Vec<Effect> {
        let Stage::Opening { then, discard } = self.stage.clone() else {
            return Vec::new();
        };
        match result {
            Ok(()) => {
                let mut effects = vec![Effect::Show];
                if discard {
                    effects.extend(self.drop_copy());
                }
                let restored = match then {
                    Then::Restore(found) => Some(found.project_path),
                    _ => None,
                };
                effects.extend(self.shown(restored));
                effects
            }
            Err(why) => {
                // Nothing changed: the document, its unsaved state and its copy stay.
                self.stage = Stage::Idle;
                let verb = match then {
                    Then::Restore(_) => "restore",
                    _ => "open",
                };
                vec![Effect::Ask(Prompt::Error(format!(
                    "Could not {verb}. {why}"
                )))]
            }
        }
    }

    /// The opening of a shared project was given up (no password given): nothing changed.
    pub fn open_abandoned(&mut self) {
        if matches!(self.stage, Stage::Opening { .. }) {
            self.stage = Stage::Idle;
        }
    }

    /// File → Save (`then`: what waits for it).
    pub fn save(&mut self, then: Option<Then>, doc: Doc) -> Vec<Effect> {
        if doc.shared && then.is_none() {
            return vec![Effect::Say(
                "A shared project is saved on the server as you edit; Save As… exports a copy"
                    .into(),
            )];
        }
        match doc.path {
            Some(path) => self.write(path.to_path_buf(), true, then, doc),
            None => self.save_as(then),
        }
    }

    /// File → Save As… (`then`: what waits for the save).
    pub fn save_as(&mut self, then: Option<Then>) -> Vec<Effect> {
        match &self.stage {
            Stage::Idle | Stage::Asking(_) | Stage::Conflict { .. } => {
                self.stage = Stage::Picking(then);
                vec![Effect::PickPath]
            }
            _ => self.busy().map(Effect::Say).into_iter().collect(),
        }
    }

    /// Write the document to `path` (a path typed or picked, or the project's own with
    /// `check`). While a save runs, this one waits for it.
    pub fn write(
        &mut self,
        path: PathBuf,
        check: bool,
        then: Option<Then>,
        doc: Doc,
    ) -> Vec<Effect> {
        match &self.stage {
            Stage::Saving { .. } => {
                self.queued = Some(Queued { path, check, then });
                Vec::new()
            }
            Stage::Opening { .. } | Stage::Closing => {
                self.busy().map(Effect::Say).into_iter().collect()
            }
            _ => {
                self.stage = Stage::Saving {
                    path: path.clone(),
                    revision: doc.revision,
                    then,
                };
                vec![Effect::Write { path, check }]
            }
        }
    }

    /// "Save to path…" typed: the path the save dialog would have given.
    pub fn save_to(&mut self, path: PathBuf, doc: Doc) -> Vec<Effect> {
        let then = match std::mem::take(&mut self.stage) {
            Stage::Picking(then) => then,
            other => {
                self.stage = other;
                None
            }
        };
        self.write(path, false, then, doc)
    }

    /// The save dialog closed: a path, or `None` (cancelled: what waited is called off).
    pub fn picked(&mut self, path: Option<PathBuf>, doc: Doc) -> Vec<Effect> {
        let Stage::Picking(then) = std::mem::take(&mut self.stage) else {
            return Vec::new();
        };
        match path {
            Some(path) => self.write(path, false, then, doc),
            None => self.offer(),
        }
    }

    /// The save reported. `Ok`: the file holds the document as it was when the save began
    /// (the shell has marked it saved; `doc.dirty` says whether it was edited since).
    pub fn saved(&mut self, result: Result<(), String>, doc: Doc) -> Vec<Effect> {
        let Stage::Saving {
            path,
            revision,
            then,
        } = std::mem::take(&mut self.stage)
        else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        let then = match result {
            Ok(()) => {
                effects.push(Effect::Say(format!("Saved {}", path.display())));
                if !doc.shared {
                    self.copy.saved = Some(revision);
                    // The copy protects nothing newer than the file: it goes.
                    if let Some((written, key)) = self.copy.written.clone()
                        && written <= revision
                    {
                        self.copy.written = None;
                        effects.extend(self.delete(vec![key]));
                    }
                }
                then
            }
            Err(why) => {
                // The work stays on screen, unsaved, with its copy; what waited is called off
                // (and the status bar no longer says it is coming).
                effects.push(Effect::Ask(Prompt::Error(format!("Could not save. {why}"))));
                effects.push(Effect::Say(match then {
                    Some(Then::Quit) => "Not saved, so the window stays open".into(),
                    _ => format!("Not saved: {}", path.display()),
                }));
                None
            }
        };
        if let Some(q) = self.queued.take() {
            // The save that waited goes first; what waited for this one waits for it.
            effects.extend(self.write(q.path, q.check, q.then.or(then), doc));
            return effects;
        }
        if let Some(then) = then {
            if doc.dirty {
                // Edited while the save ran: nothing unsaved is dropped silently.
                self.stage = Stage::Asking(then.clone());
                effects.push(Effect::Ask(Prompt::Unsaved(then)));
            } else {
                effects.extend(self.go_on(then, false));
            }
        } else if self.stage == Stage::Idle {
            effects.extend(self.offer());
        }
        effects
    }

    /// The file changed on disk since it was read: nothing was written; ask.
    pub fn conflict(&mut self) -> Vec<Effect> {
        let Stage::Saving { path, then, .. } = std::mem::take(&mut self.stage) else {
            return Vec::new();
        };
        self.queued = None;
        self.stage = Stage::Conflict {
            path: path.clone(),
            then: then.clone(),
        };
        vec![Effect::Ask(Prompt::Overwrite { path, then })]
    }

    /// The window is asked to close (its close button, the system, File → Quit).
    pub fn close_requested(&mut self, doc: Doc) -> Vec<Effect> {
        match std::mem::take(&mut self.stage) {
            Stage::Closing => {
                self.stage = Stage::Closing;
                Vec::new()
            }
            Stage::Saving {
                path,
                revision,
                then,
            } => {
                self.stage = Stage::Saving {
                    path,
                    revision,
                    then: Some(then.unwrap_or(Then::Quit)),
                };
                vec![
                    Effect::HoldClose,
                    Effect::Say("Saving… the window closes when the save is done".into()),
                ]
            }
            Stage::Picking(then) => {
                self.stage = Stage::Picking(then);
                vec![Effect::HoldClose]
            }
            // A question up, or an open under way: the document on screen is what counts.
            Stage::Idle | Stage::Asking(_) | Stage::Conflict { .. } | Stage::Opening { .. } => {
                if doc.dirty {
                    self.stage = Stage::Asking(Then::Quit);
                    vec![Effect::HoldClose, Effect::Ask(Prompt::Unsaved(Then::Quit))]
                } else {
                    self.stage = Stage::Closing;
                    Vec::new()
                }
            }
        }
    }

    /// The analyst answered `prompt`.
    pub fn answer(&mut self, prompt: Prompt, answer: PromptAnswer, doc: Doc) -> Vec<Effect> {
        if matches!(self.stage, Stage::Asking(_) | Stage::Conflict { .. }) {
            self.stage = Stage::Idle;
        }
        let mut effects = match (prompt, answer) {
            (Prompt::Unsaved(then), PromptAnswer::Save) => self.save(Some(then), doc),
            (Prompt::Unsaved(then), PromptAnswer::Discard) => self.go_on(then, true),
            (Prompt::Overwrite { path, then }, PromptAnswer::Save) => {
                self.write(path, false, then, doc)
            }
            (Prompt::Overwrite { then, .. }, PromptAnswer::Discard) => self.save_as(then),
            (Prompt::Restore(found), PromptAnswer::Save) => {
                return self.replace(Then::Restore(found), doc);
            }
            (Prompt::Restore(found), PromptAnswer::Discard) => vec![Effect::RemoveFile(found.file)],
            (Prompt::Restore(_), PromptAnswer::Cancel)
            | (Prompt::Unsaved(_) | Prompt::Overwrite { .. }, PromptAnswer::Cancel)
            | (Prompt::Error(_), _) => Vec::new(),
        };
        if self.stage == Stage::Idle {
            effects.extend(self.offer());
        }
        effects
    }
}
