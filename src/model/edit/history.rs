//! The undo and redo stacks, and which state of the project was last saved.

use super::{Edit, EditError, Patch, apply};
use crate::model::Project;

/// A state of the project, as [`History::saved_token`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedToken(u64);

struct Entry {
    edit: Edit,
    patch: Patch,
    serial: u64,
}

/// Undo and redo stacks. Each applied edit gets a serial number; the project is "dirty"
/// when the serial on top of the undo stack differs from the one last saved.
#[derive(Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_serial: u64,
    saved_serial: u64,
    /// Bumped on every change to the project (apply, undo, redo), so views know to refresh.
    revision: u64,
}

impl History {
    pub fn new() -> Self {
        History {
            next_serial: 1,
            ..Default::default()
        }
    }

    /// Apply an edit and record it for undo. Clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<&Patch, EditError> {
        let patch = apply(project, &edit)?;
        self.redo.clear();
        let serial = self.next_serial.max(1);
        self.next_serial = serial + 1;
        self.revision += 1;
        self.undo.push(Entry {
            edit,
            patch,
            serial,
        });
        Ok(&self.undo[self.undo.len() - 1].patch)
    }

    /// Apply edits made elsewhere (others' edits to a shared project, in the server's
    /// order): not recorded for undo. The undo stack is kept: in a shared project an undo
    /// is sent as the edits [`inverse`](super::inverse) builds from a patch's earlier
    /// values, never by restoring the patch. An edit that no longer applies here (its
    /// claim deleted) is skipped. Returns how many changed the project.
    pub fn apply_remote(&mut self, project: &mut Project, edits: &[Edit]) -> usize {
        let applied = edits
            .iter()
            .filter(|edit| apply(project, edit).is_ok())
            .count();
        self.redo.clear();
        self.revision += 1;
        applied
    }

    /// Apply an edit without recording it (a shared project's undo, sent as edits).
    pub fn apply_unrecorded(
        &mut self,
        project: &mut Project,
        edit: &Edit,
    ) -> Result<Patch, EditError> {
        let patch = apply(project, edit)?;
        self.revision += 1;
        Ok(patch)
    }

    /// The edit on top of the undo stack and what it changed.
    pub fn last_undo(&self) -> Option<(&Edit, &Patch)> {
        self.undo.last().map(|e| (&e.edit, &e.patch))
    }

    /// Take the top edit off the undo stack without restoring it (a shared project's undo
    /// sent its inverse instead).
    pub fn drop_last_undo(&mut self) {
        self.undo.pop();
        self.revision += 1;
    }

    /// The project was replaced by another copy of itself (a shared project loaded again):
    /// the redo stack is emptied (the undo stack serves for inverse edits), views refresh.
    pub fn replaced(&mut self) {
        self.redo.clear();
        self.revision += 1;
        self.saved_serial = self.current_serial();
    }

    /// The edit a redo would apply again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &e.edit)
    }

    /// Undo the last edit; returns its description.
    pub fn undo(&mut self, project: &mut Project) -> Option<&'static str> {
        let entry = self.undo.pop()?;
        let what = entry.edit.describe();
        entry.patch.clone().restore(project);
        self.revision += 1;
        self.redo.push(entry);
        Some(what)
    }

    /// Redo the last undone edit; returns its description.
    pub fn redo(&mut self, project: &mut Project) -> Option<&'static str> {
        let mut entry = self.redo.pop()?;
        let what = entry.edit.describe();
        match apply(project, &entry.edit) {
            Ok(patch) => {
                entry.patch = patch;
                self.revision += 1;
                self.undo.push(entry);
                Some(what)
            }
            // Cannot happen while every change goes through this history; drop the entry.
            Err(_) => None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|e| e.edit.describe())
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|e| e.edit.describe())
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.serial)
    }

    /// Whether the project differs from the last saved (or opened) state.
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// The project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_serial = self.current_serial();
    }

    /// Which state the project is in now, to mark it saved once a snapshot taken now has
    /// been written (the analyst may go on editing while the disk works).
    pub fn saved_token(&self) -> SavedToken {
        SavedToken(self.current_serial())
    }

    /// The state `token` was taken in has been saved: the project is clean if it is still
    /// in that state (or is undone back to it).
    pub fn mark_saved_as(&mut self, token: SavedToken) {
        self.saved_serial = token.0;
    }

    /// Forget the saved state (e.g. restored from a recovery file): dirty until saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Changes on every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }
}
