//! The undo and redo stacks, and which state of the project was last saved.
//!
//! An entry keeps the edit to redo it, except for an added article: its text and claims
//! (15 MB and 100,000 claims for a long one) are the project's own while the add is on the
//! undo stack, named by the article's id; an undo moves them out of the project onto the
//! redo stack and a redo moves them back. The history never holds a second copy of an
//! article.

use super::{Edit, EditError, Patch, apply, apply_add_article};
use crate::model::{Article, ArticleId, Claim, Project, Speaker};

/// A state of the project, as [`History::saved_token`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedToken(u64);

struct Entry {
    kept: Kept,
    patch: Patch,
    serial: u64,
}

/// What an entry keeps to redo its edit.
enum Kept {
    /// The edit, applied again by redo.
    Edit(Edit),
    /// An added article on the undo stack: it and its claims are in the project.
    Added(ArticleId),
    /// An added article undone, on the redo stack: what redo puts back.
    Removed(Box<Removed>),
}

/// An added article and what its add changed, taken out of the project by undo.
struct Removed {
    /// Where the article was in the project's list.
    index: usize,
    article: Article,
    /// Its claims, in the project's order (the add appended them).
    claims: Vec<Claim>,
    /// The speakers, id counter and claim-number counter after the add.
    speakers: Vec<Speaker>,
    next_id: u64,
    next_number: u64,
}

impl Kept {
    fn describe(&self) -> &'static str {
        match self {
            Kept::Edit(edit) => edit.describe(),
            Kept::Added(_) | Kept::Removed(_) => "add article",
        }
    }
}

/// Apply `edit`; an added article moves into the project (nothing copied) and is kept by id.
fn apply_kept(project: &mut Project, edit: Edit) -> Result<(Patch, Kept), EditError> {
    match edit {
        Edit::AddArticle {
            article,
            extraction,
        } => {
            let (patch, id) = apply_add_article(project, *article, extraction)?;
            Ok((patch, Kept::Added(id)))
        }
        edit => apply(project, &edit).map(|patch| (patch, Kept::Edit(edit))),
    }
}

impl Removed {
    /// Move article `id` and its claims out of the project, with the state its add left
    /// (linear in the project's claims).
    fn take(project: &mut Project, id: ArticleId) -> Option<Removed> {
        let index = project.articles.iter().position(|a| a.id == id)?;
        let article = project.articles.remove(index);
        let (claims, rest): (Vec<Claim>, Vec<Claim>) = std::mem::take(&mut project.claims)
            .into_iter()
            .partition(|c| c.article == id);
        project.claims = rest;
        Some(Removed {
            index,
            article,
            claims,
            speakers: project.speakers.clone(),
            next_id: project.next_id,
            next_number: project.next_number,
        })
    }

    /// Put the article back as its add left the project; returns its id.
    fn put_back(self, project: &mut Project) -> ArticleId {
        let id = self.article.id;
        let index = self.index.min(project.articles.len());
        project.articles.insert(index, self.article);
        project.claims.extend(self.claims);
        project.speakers = self.speakers;
        project.next_id = self.next_id;
        project.next_number = self.next_number;
        id
    }
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
        let (patch, kept) = apply_kept(project, edit)?;
        self.redo.clear();
        let serial = self.next_serial.max(1);
        self.next_serial = serial + 1;
        self.revision += 1;
        self.undo.push(Entry {
            kept,
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

    /// The edit on top of the undo stack and what it changed; an added article is kept by
    /// id, not as its edit (`None`).
    pub fn last_undo(&self) -> Option<(&Edit, &Patch)> {
        self.undo.last().and_then(|e| match &e.kept {
            Kept::Edit(edit) => Some((edit, &e.patch)),
            Kept::Added(_) | Kept::Removed(_) => None,
        })
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

    /// The edit a redo would apply again (`None` for an added article: it is kept as itself).
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().and_then(|e| match &e.kept {
            Kept::Edit(edit) => Some(edit),
            Kept::Added(_) | Kept::Removed(_) => None,
        })
    }

    /// Undo the last edit; returns its description. An added article and its claims move
    /// out of the project onto the redo stack.
    pub fn undo(&mut self, project: &mut Project) -> Option<&'static str> {
        let mut entry = self.undo.pop()?;
        let what = entry.kept.describe();
        if let Kept::Added(id) = entry.kept
            && let Some(removed) = Removed::take(project, id)
        {
            entry.kept = Kept::Removed(Box::new(removed));
        }
        // What was moved out is gone already; the patch puts back the rest (speakers, ids).
        entry.patch.clone().restore(project);
        self.revision += 1;
        self.redo.push(entry);
        Some(what)
    }

    /// Redo the last undone edit; returns its description.
    pub fn redo(&mut self, project: &mut Project) -> Option<&'static str> {
        let mut entry = self.redo.pop()?;
        let what = entry.kept.describe();
        match entry.kept {
            Kept::Edit(ref edit) => match apply(project, edit) {
                Ok(patch) => entry.patch = patch,
                // Cannot happen while every change goes through this history; drop the entry.
                Err(_) => return None,
            },
            // The project is as it was before the add (undo restored it), so the add's patch
            // still says how to undo it.
            Kept::Removed(removed) => entry.kept = Kept::Added(removed.put_back(project)),
            Kept::Added(_) => return None,
        }
        self.revision += 1;
        self.undo.push(entry);
        Some(what)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|e| e.kept.describe())
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|e| e.kept.describe())
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
