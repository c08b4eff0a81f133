//! A shared project in the window (docs/shared-projects.md): opening it through the link
//! thread (`jobs/shared.rs`), sending each edit applied here, replaying others' edits
//! without putting them on the undo history, read-only projects, and the status bar's
//! "shared: NAME @ host" with the link's state.

use std::sync::mpsc::Sender;

use super::ClaimdeskApp;
use crate::io::shared::{Access, Address};
use crate::model::ClaimId;
use crate::model::edit::{Edit, EditError, History, Revert, revert_of};
use crate::ui::command::{Secret, SharedAction};
use crate::ui::dialogs::PasswordPrompt;
use crate::ui::document_flow::Effect;
use crate::ui::jobs::shared::{LinkStatus, SharedEvent, ToServer};
use crate::ui::state::Document;

/// The shared project open (or opening) in the window.
pub struct SharedSession {
    /// The address as shown (no password).
    pub shown: String,
    pub name: String,
    pub host: String,
    /// `None` while opening.
    pub access: Option<Access>,
    pub status: LinkStatus,
    link: Sender<ToServer>,
    link_id: u64,
    /// The address with any password the prompt gave (in memory only), to open again.
    address: Address,
    /// Edits sent to the link so far (the last one's number).
    seq: u64,
    /// Your own edits here, newest last, each as the revert that undoes it (others' edits
    /// never go on it); and the undone ones, as the revert that redoes each.
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// One step of a shared project's undo or redo stack.
struct Step {
    /// The Edit menu's short name ("set status").
    what: &'static str,
    /// The status bar's: the edit with the claim it names (`"Verified" on #12 "Plan…"`),
    /// taken when the edit was made, as the claim was then.
    named: String,
    revert: Revert,
}

impl SharedSession {
    pub fn read_only(&self) -> bool {
        self.access == Some(Access::Read)
    }

    /// The status bar's words: "shared: Elections @ db.desk · 2 edits pending".
    pub fn describe(&self) -> String {
        let mut s = format!("shared: {} @ {}", self.name, self.host);
        match self.access {
            None => s.push_str(" · opening…"),
            Some(Access::Read) => s.push_str(" · read-only"),
            Some(_) => {}
        }
        if self.access.is_some_and(|a| a != Access::Read) {
            if !self.status.online {
                s.push_str(" · server unreachable, edits kept locally");
            }
            match self.status.pending {
                0 if self.status.online => s.push_str(" · all edits sent"),
                0 => {}
                1 => s.push_str(" · 1 edit pending"),
                n => s.push_str(&format!(" · {n} edits pending")),
            }
        }
        s
    }
}

impl ClaimdeskApp {
    /// Open the shared project at `url` (its load runs on the link's thread).
    /// The document on screen, and its own link if it is a shared project, stay until
    /// the new one has opened (`opening_shared`); a failure changes nothing.
    pub fn open_shared(&mut self, url: &str) {
        match Address::parse(url) {
            Ok(a) => self.open_shared_at(a),
            Err(e) => {
                let effects = self.flow.loaded(Err(e.to_string()));
                self.run(effects);
            }
        }
    }

    /// Run one shared-project action.
    pub(super) fn shared_action(&mut self, action: SharedAction) {
        match action {
            SharedAction::ShowOpenShared => self.dialogs.open_shared = Some(String::new()),
            SharedAction::SharedPassword(answer) => self.shared_password(answer),
        }
    }

    /// The password prompt's answer: open again with it (kept in this link's address, in
    /// memory only, so that reconnects use it too), or give up.
    pub(super) fn shared_password(&mut self, answer: Option<Secret>) {
        let Some(s) = self.opening_shared.take() else {
            return;
        };
        match answer {
            Some(Secret(password)) => {
                let mut address = s.address;
                address.set_password(&password);
                self.open_shared_at(address);
            }
            None => {
                self.flow.open_abandoned();
                self.message = Some(format!("Not opened: no password given for {}", s.shown));
            }
        }
    }

    fn open_shared_at(&mut self, address: Address) {
        // A link still opening ends (and lets go of its journal) when its sender is
        // dropped; the link of the project on screen ends only once this one has opened.
        self.opening_shared = None;
        self.next_link += 1;
        let dir = self
            .options
            .journal_dir
            .clone()
            .unwrap_or_else(crate::io::shared::journal::journal_dir);
        let link = self.jobs.open_shared(self.next_link, address.clone(), dir);
        self.opening_shared = Some(SharedSession {
            shown: address.to_string(),
            name: address.project.clone(),
            host: address.host(),
            access: None,
            status: LinkStatus::default(),
            link,
            link_id: self.next_link,
            address: address.clone(),
            seq: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        });
        self.message = Some(format!("Opening {address}…"));
    }

    /// Whether edits are refused here: a read-only shared project (says so).
    pub(super) fn refuse_edit(&mut self) -> bool {
        match &self.shared {
            Some(s) if s.read_only() => {
                self.message = Some(format!(
                    "Read-only: your role may not edit “{}” (ask for the analyst role)",
                    s.name
                ));
                true
            }
            Some(s) if s.access.is_none() => {
                self.message = Some("Still opening the shared project".into());
                true
            }
            _ => false,
        }
    }

    /// An edit applied here goes to the server too (in order, on the link's thread).
    pub(super) fn send_shared(&mut self, edit: &Edit, added: Vec<ClaimId>) {
        let Some(s) = &mut self.shared else { return };
        s.seq += 1;
        s.status.pending += 1;
        let _ = s.link.send(ToServer::Edit {
            seq: s.seq,
            edit: Box::new(edit.clone()),
            added,
        });
        // Nothing to save: the server has it (or the journal until it has).
        self.doc.history.mark_saved();
    }

    /// Your edit `edit`, just applied here, goes on the shared undo stack as its `revert`
    /// (built from its patch and what it left) and empties the redo stack.
    pub(super) fn record_shared(&mut self, edit: &Edit, revert: Revert) {
        let named = edit.describe_in(&self.doc.project);
        let Some(s) = &mut self.shared else { return };
        s.undo.push(Step {
            what: edit.describe(),
            named,
            revert,
        });
        s.redo.clear();
    }

    /// The Edit menu's labels in a shared project: (undo, redo).
    pub(super) fn shared_labels(&self) -> Option<(Option<&'static str>, Option<&'static str>)> {
        let s = self.shared.as_ref()?;
        Some((s.undo.last().map(|x| x.what), s.redo.last().map(|x| x.what)))
    }

    /// Undo (or redo) in a shared project: your last edit's revert is applied here and
    /// sent as an ordinary edit, after every edit sent before it. What someone else changed
    /// since is kept and said (docs/shared-projects.md); the revert of what was undone goes
    /// on the other stack.
    pub(super) fn undo_shared(&mut self, redo: bool) {
        if self.refuse_edit() {
            return;
        }
        let Some(s) = &mut self.shared else { return };
        let stack = if redo { &mut s.redo } else { &mut s.undo };
        let (did, none) = if redo {
            ("Redid", "Nothing to redo")
        } else {
            ("Undid", "Nothing to undo")
        };
        let Some(step) = stack.pop() else {
            self.message = Some(none.into());
            return;
        };
        let edit = Edit::Revert(Box::new(step.revert));
        let at = crate::io::import::now_seconds();
        let (project, history) = self.doc.edit();
        match history.apply_unrecorded(project, &edit) {
            Ok(patch) => {
                let back = revert_of(&patch, &self.doc.project, at, !redo);
                let mut said = format!("{did} {}", step.named);
                if !patch.conflicts.is_empty() {
                    said.push_str(&format!(
                        "; kept what others changed since: {}",
                        patch.conflicts.join("; ")
                    ));
                }
                self.message = Some(said);
                if let Some(s) = &mut self.shared {
                    let other = if redo { &mut s.undo } else { &mut s.redo };
                    other.push(Step {
                        what: step.what,
                        named: step.named,
                        revert: back,
                    });
                }
                self.send_shared(&edit, Vec::new());
            }
            Err(EditError::NoChange) => {
                self.message = Some(format!(
                    "Nothing left to {} of “{}”: others changed it since (their edits kept)",
                    if redo { "redo" } else { "undo" },
                    step.named
                ));
            }
            Err(err) => {
                self.message = Some(format!(
                    "Could not {} “{}”: {err}",
                    if redo { "redo" } else { "undo" },
                    step.named
                ))
            }
        }
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
    }

    pub(super) fn handle_shared(&mut self, link: u64, event: SharedEvent) {
        let opening = self
            .opening_shared
            .as_ref()
            .is_some_and(|s| s.link_id == link);
        if !opening && self.shared.as_ref().is_none_or(|s| s.link_id != link) {
            return; // a link dropped since
        }
        let about_opening = matches!(
            event,
            SharedEvent::Opened { .. } | SharedEvent::NeedsPassword(_) | SharedEvent::OpenFailed(_)
        );
        if about_opening != opening && !matches!(event, SharedEvent::Link(_)) {
            return; // only a link being opened says how its opening went
        }
        match event {
            SharedEvent::Opened {
                project,
                access,
                resent,
            } => {
                let session = self.opening_shared.take();
                let effects = self.flow.loaded(Ok(()));
                if effects.first() == Some(&Effect::Show) {
                    self.show_document(Document::new(*project));
                    self.shared = session;
                }
                self.run(effects);
                if let Some(s) = self.shared.as_mut().filter(|s| s.link_id == link) {
                    s.access = Some(access);
                    s.status.online = true;
                    self.message = Some(match (access, resent) {
                        (Access::Read, _) => format!("Opened {} read-only", s.shown),
                        (_, 0) => format!("Opened {}", s.shown),
                        (_, n) => format!(
                            "Opened {}; sent {n} edit(s) kept from an earlier session",
                            s.shown
                        ),
                    });
                }
            }
            SharedEvent::NeedsPassword(why) => {
                let Some(s) = &self.opening_shared else {
                    return;
                };
                let refused = why.contains("password authentication failed");
                self.message = None;
                self.dialogs.password = Some(PasswordPrompt {
                    shown: s.shown.clone(),
                    why: if refused {
                        " The password was refused.".into()
                    } else {
                        String::new()
                    },
                    text: String::new(),
                });
            }
            SharedEvent::OpenFailed(why) => {
                self.opening_shared = None;
                self.message = None;
                let effects = self.flow.loaded(Err(why));
                self.run(effects);
            }
            SharedEvent::Remote { edits, through } => {
                if self.shared.as_ref().is_some_and(|s| s.seq != through) {
                    // Edits of ours the server has not ordered yet came first here.
                    self.resync();
                    return;
                }
                let (project, history) = self.doc.edit();
                apply_remote(history, project, &edits);
                self.view.refresh(
                    &self.doc.project,
                    self.doc.history.revision(),
                    &self.checks.levels,
                );
            }
            SharedEvent::Reloaded { project, through } => {
                if self.shared.as_ref().is_some_and(|s| s.seq != through) {
                    self.resync();
                    return;
                }
                let mut project = *project;
                project.ensure_claim_numbers();
                self.doc.project = std::sync::Arc::new(project);
                // Not a new history: the revision goes on, so the views see the change.
                self.doc.history.replaced();
                self.view.refresh(
                    &self.doc.project,
                    self.doc.history.revision(),
                    &self.checks.levels,
                );
            }
            SharedEvent::Link(status) => {
                let session = if opening {
                    self.opening_shared.as_mut()
                } else {
                    self.shared.as_mut()
                };
                if let Some(s) = session {
                    // A new problem (the server gone, an edit refused) is said once.
                    if status.error.is_some() && status.error != s.status.error {
                        self.message = status.error.clone();
                    }
                    s.status = status;
                }
            }
        }
    }

    fn resync(&mut self) {
        if let Some(s) = &self.shared {
            let _ = s.link.send(ToServer::Resync);
        }
    }
}

/// Others' edits on the window's copy: applied in order, not on the undo history, the
/// copy left "saved" (the server has them).
pub fn apply_remote(history: &mut History, project: &mut crate::model::Project, edits: &[Edit]) {
    history.apply_remote(project, edits);
    history.mark_saved();
}
