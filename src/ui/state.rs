//! The window's own state beside the project: selection, filters, which view is shown,
//! and the actions views ask of the app shell.

use std::collections::HashSet;
use std::path::PathBuf;

use super::rows::{Filter, ProjectIndex, Rows, Sort};
use crate::model::edit::{Edit, History};
use crate::model::{ArticleId, ClaimId, Project, SpeakerId, Status};

/// What views ask for. Edits are applied at the end of the frame in one place; the
/// others are side effects that the shell runs in `App::logic`.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// Set a status on the selected claims.
    Tag(Status),
    /// Delete the selected claims.
    DeleteSelected,
    Undo,
    Redo,
    /// Open articles and/or a project through the native dialog.
    OpenDialog,
    /// Open these files (articles are added, a project replaces the current one).
    OpenPaths(Vec<PathBuf>),
    NewProject,
    Save,
    SaveAs,
    /// Save to this path (typed by the analyst), then do what was waiting for the save.
    SaveTo(PathBuf),
    Quit,
    Reextract(ArticleId),
    CancelImport,
}

/// The project being worked on, its undo history and where it lives on disk.
pub struct Document {
    pub project: Project,
    pub history: History,
    pub path: Option<PathBuf>,
    pub stamp: Option<crate::io::project_file::FileStamp>,
}

impl Document {
    pub fn new(project: Project) -> Self {
        Document {
            project,
            history: History::new(),
            path: None,
            stamp: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The name shown in the title bar: the project's name, else the file's.
    pub fn display_name(&self) -> String {
        if !self.project.name.trim().is_empty() {
            return self.project.name.clone();
        }
        self.path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Claims,
    Speakers,
}

/// Selected claims; `cursor` is the one shown in details, `anchor` where Shift-click starts.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub ids: HashSet<ClaimId>,
    pub cursor: Option<ClaimId>,
    pub anchor: Option<ClaimId>,
    /// Bumped on every change, so caches keyed on the selection know to refresh.
    pub generation: u64,
}

impl Selection {
    pub fn only(&mut self, id: ClaimId) {
        self.ids.clear();
        self.ids.insert(id);
        self.cursor = Some(id);
        self.anchor = Some(id);
        self.generation += 1;
    }

    pub fn toggle(&mut self, id: ClaimId) {
        if !self.ids.remove(&id) {
            self.ids.insert(id);
            self.cursor = Some(id);
        } else if self.cursor == Some(id) {
            self.cursor = self.ids.iter().next().copied();
        }
        self.anchor = Some(id);
        self.generation += 1;
    }

    /// Select the rows between the anchor and `id` (inclusive), in table order.
    pub fn extend(&mut self, ordered: &[ClaimId], id: ClaimId) {
        let Some(anchor) = self.anchor else {
            self.only(id);
            return;
        };
        let a = ordered.iter().position(|c| *c == anchor);
        let b = ordered.iter().position(|c| *c == id);
        if let (Some(a), Some(b)) = (a, b) {
            let (lo, hi) = (a.min(b), a.max(b));
            self.ids = ordered[lo..=hi].iter().copied().collect();
            self.cursor = Some(id);
            self.generation += 1;
        } else {
            self.only(id);
        }
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.cursor = None;
        self.anchor = None;
        self.generation += 1;
    }

    pub fn contains(&self, id: ClaimId) -> bool {
        self.ids.contains(&id)
    }

    /// Drop claims that no longer exist.
    pub fn retain_existing(&mut self, index: &ProjectIndex) {
        let before = self.ids.len();
        self.ids.retain(|id| index.claim_index.contains_key(id));
        if self
            .cursor
            .is_some_and(|c| !index.claim_index.contains_key(&c))
        {
            self.cursor = self.ids.iter().next().copied();
        }
        if self.ids.len() != before {
            self.generation += 1;
        }
    }

    /// The selected claims in project order (stable for edits and tests).
    pub fn sorted_ids(&self, index: &ProjectIndex) -> Vec<ClaimId> {
        let mut ids: Vec<ClaimId> = self.ids.iter().copied().collect();
        ids.sort_by_key(|id| index.index_of(*id).unwrap_or(usize::MAX));
        ids
    }
}

/// Everything the views need besides the project.
#[derive(Default)]
pub struct ViewState {
    pub tab: Tab,
    pub filter: Filter,
    pub sort: Sort,
    pub index: ProjectIndex,
    pub rows: Rows,
    pub selection: Selection,
    /// The article whose text is shown.
    pub article: Option<ArticleId>,
    /// Text the analyst selected in the article view: (article, start, end) byte offsets.
    pub text_selection: Option<(ArticleId, usize, usize)>,
    /// One-shot requests for the next frame.
    pub focus_table: bool,
    pub scroll_table: bool,
    pub scroll_text: bool,
    pub focus_search: bool,
    /// The speaker picked in the speakers view.
    pub speaker: Option<SpeakerId>,
    pub speaker_name_edit: String,
    pub merge_into: Option<SpeakerId>,
    pub article_cache: super::article_view::ArticleCache,
}

impl ViewState {
    /// Bring caches up to date with the project; cheap when nothing changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        // Where the cursor was, in the rows as they were (only looked up when they change).
        let cursor_row = if self.rows.is_current(revision, &self.filter, self.sort) {
            None
        } else {
            self.selection
                .cursor
                .and_then(|c| self.index.index_of(c))
                .and_then(|i| self.rows.position_of(i))
        };
        if self.index.refresh(project, revision) {
            self.selection.retain_existing(&self.index);
            if self.article.is_some_and(|a| project.article(a).is_none()) {
                self.article = None;
            }
            if self
                .filter
                .article
                .is_some_and(|a| project.article(a).is_none())
            {
                self.filter.article = None;
            }
            if self
                .filter
                .speaker
                .is_some_and(|s| project.speaker(s).is_none())
            {
                self.filter.speaker = None;
            }
            if self.speaker.is_some_and(|s| project.speaker(s).is_none()) {
                self.speaker = None;
            }
        }
        if self
            .rows
            .refresh(project, revision, &self.filter, self.sort)
        {
            self.keep_selection_visible(project, cursor_row);
        }
        if self.article.is_none() {
            self.article = self
                .filter
                .article
                .or(project.articles.first().map(|a| a.id));
        }
    }

    /// Keys act on what the analyst sees: selected claims the filter now hides are dropped.
    /// When the claim under the cursor leaves the view (tagged under a status filter), the
    /// row that took its place is selected, so triage goes on with the next key press.
    fn keep_selection_visible(&mut self, project: &Project, cursor_row: Option<usize>) {
        // Nothing selected, and nothing was (a deleted claim's row still counts as the
        // cursor's place, so that the next claim takes over).
        if self.selection.ids.is_empty() && cursor_row.is_none() {
            return;
        }
        let visible: HashSet<ClaimId> = self
            .rows
            .rows
            .iter()
            .filter_map(|&i| project.claims.get(i).map(|c| c.id))
            .collect();
        let before = self.selection.ids.len();
        self.selection.ids.retain(|id| visible.contains(id));
        if before > 0 && self.selection.ids.len() == before {
            return;
        }
        self.selection.generation += 1;
        if self.selection.cursor.is_some_and(|c| !visible.contains(&c)) {
            self.selection.cursor = self.selection.ids.iter().next().copied();
        }
        if self.selection.ids.is_empty()
            && let Some(row) = cursor_row
            && !self.rows.rows.is_empty()
        {
            let row = row.min(self.rows.rows.len() - 1);
            if let Some(id) = project.claims.get(self.rows.rows[row]).map(|c| c.id) {
                self.selection.only(id);
                self.scroll_table = true;
                self.scroll_text = true;
            }
        }
    }

    /// Select one claim, show its article and bring both into view.
    pub fn select_claim(&mut self, project: &Project, id: ClaimId) {
        self.selection.only(id);
        if let Some(c) = self.index.index_of(id).and_then(|i| project.claims.get(i)) {
            self.article = Some(c.article);
        }
        self.scroll_table = true;
        self.scroll_text = true;
    }

    /// The ids of the visible rows, in table order.
    pub fn visible_ids(&self, project: &Project) -> Vec<ClaimId> {
        self.rows
            .rows
            .iter()
            .filter_map(|&i| project.claims.get(i).map(|c| c.id))
            .collect()
    }

    /// Forget everything tied to the previous project.
    pub fn reset_for(&mut self) {
        *self = ViewState {
            sort: self.sort,
            ..ViewState::default()
        };
    }
}
