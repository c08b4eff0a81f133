//! The recovery copy's side of the document flow: the 30-second autosave, which copy may
//! be deleted and when, and the copies found at start, offered one after another.

use std::path::{Path, PathBuf};

use super::{Doc, DocumentFlow, Effect, Prompt, RecoveryTicket, Stage};
use crate::io::project_file::Recovery;

/// The recovery copy of the document on screen.
#[derive(Debug, Default)]
pub(super) struct Copy {
    /// The document it is for; bumped whenever another document is shown.
    pub(super) epoch: u64,
    /// The copy this document wrote (or was restored from): its revision and the
    /// project path it is kept under.
    pub(super) written: Option<(u64, Option<PathBuf>)>,
    /// The write running, and the path it writes under.
    pub(super) writing: Option<(RecoveryTicket, Option<PathBuf>)>,
    /// Copies to delete once the running write has reported (else it would bring them back).
    pub(super) delete_after_write: Vec<Option<PathBuf>>,
    /// The last revision of this document written to its project file.
    pub(super) saved: Option<u64>,
}

impl DocumentFlow {
    /// The recovery copy of the document on screen goes (its changes were discarded);
    /// after its running write, if one runs.
    pub(super) fn drop_copy(&mut self) -> Vec<Effect> {
        let mut keys: Vec<Option<PathBuf>> = Vec::new();
        if let Some((_, key)) = self.copy.written.take() {
            keys.push(key);
        }
        if let Some((_, key)) = &self.copy.writing
            && !keys.contains(key)
        {
            keys.push(key.clone());
        }
        self.delete(keys)
    }

    pub(super) fn delete(&mut self, keys: Vec<Option<PathBuf>>) -> Vec<Effect> {
        if self.copy.writing.is_some() {
            self.copy.delete_after_write.extend(keys);
            Vec::new()
        } else {
            keys.into_iter().map(Effect::DeleteRecovery).collect()
        }
    }

    /// Recovery copies found at start: each is offered in turn, whenever no other
    /// question is up.
    pub fn found(&mut self, found: Vec<Recovery>) -> Vec<Effect> {
        self.offers.extend(found);
        self.offer()
    }

    /// The next recovery copy to offer, if nothing else is going on. The shell only
    /// shows it when no other question is on screen (else it asks again later).
    pub(super) fn offer(&mut self) -> Vec<Effect> {
        if self.stage != Stage::Idle {
            return Vec::new();
        }
        self.offers
            .pop_front()
            .map(|r| Effect::Ask(Prompt::Restore(r)))
            .into_iter()
            .collect()
    }

    /// A question could not be shown (another one was up): offer it again later.
    pub fn offer_later(&mut self, prompt: Prompt) {
        if let Prompt::Restore(r) = prompt {
            self.offers.push_front(r);
        }
    }

    /// Whether a recovery copy is still to be offered.
    pub fn has_offers(&self) -> bool {
        !self.offers.is_empty()
    }

    /// The autosave's timer is due: write the copy if the document has changes it does not
    /// hold; drop it if the document is back to what is on disk.
    pub fn autosave_due(&mut self, doc: Doc) -> Vec<Effect> {
        if self.copy.writing.is_some() || doc.shared || self.stage == Stage::Closing {
            return Vec::new();
        }
        let key = doc.path.map(Path::to_path_buf);
        if self.offers.iter().any(|r| r.project_path == key) {
            // A crash's copy under the same name is still to be offered: never written over.
            return Vec::new();
        }
        if doc.dirty {
            if self.copy.written.as_ref().map(|(r, _)| *r) == Some(doc.revision) {
                return Vec::new();
            }
            let ticket = RecoveryTicket {
                epoch: self.copy.epoch,
                revision: doc.revision,
            };
            self.copy.writing = Some((ticket, key));
            return vec![Effect::WriteRecovery(ticket)];
        }
        if self.stage == Stage::Idle
            && let Some((_, key)) = self.copy.written.take()
        {
            // Undone back to the file: the copy protects nothing that is not on disk.
            return self.delete(vec![key]);
        }
        Vec::new()
    }

    /// The recovery write reported.
    pub fn recovery_written(
        &mut self,
        ticket: RecoveryTicket,
        result: Result<(), String>,
    ) -> Vec<Effect> {
        let Some((running, key)) = self.copy.writing.take() else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        let mut waiting = std::mem::take(&mut self.copy.delete_after_write);
        match result {
            Ok(()) if running == ticket && ticket.epoch == self.copy.epoch => {
                if self.copy.saved.is_some_and(|s| s >= ticket.revision) {
                    // Saved while it was written: the file holds this and more.
                    waiting.push(key);
                } else if self
                    .copy
                    .written
                    .as_ref()
                    .is_none_or(|(r, _)| *r <= ticket.revision)
                {
                    self.copy.written = Some((ticket.revision, key));
                }
            }
            // Written for a document no longer shown (saved or discarded since).
            Ok(()) => waiting.push(key),
            Err(why) => effects.push(Effect::Say(format!(
                "Autosave failed: {why}. Your changes are only in this window until saved"
            ))),
        }
        waiting.dedup();
        effects.extend(waiting.into_iter().map(Effect::DeleteRecovery));
        effects
    }
}
