//! The window's own state beside the project: the document (project, history, file),
//! selection, filters, which view is shown, what is being typed.
//!
//! The views agree by construction: the details pane shows the selection's cursor, the
//! article pane shows the cursor's article, and whenever the rows change (filter, sort,
//! search, load, edit) [`ViewState::refresh`] keeps the cursor on a row that is shown,
//! or puts it on the first one, and asks the table and the text to bring it into view.

use std::path::PathBuf;

use super::article_layout::ArticleCache;
use super::command::Tab;
use super::drafts::Drafts;
use super::rows::{Filter, ProjectIndex, Rows, Sort};
use super::selection::{Common, Selection};
use super::speaker_list::SpeakerView;
use crate::model::edit::History;
use crate::model::{ArticleId, ClaimId, Project};
use std::sync::Arc;

/// The project being worked on, its undo history and where it lives on disk. The project
/// is shared with the background jobs writing it (a save, the recovery copy, an export):
/// views read it through the `Arc`, changes go through [`Document::edit`].
pub struct Document {
    pub project: Arc<Project>,
    pub history: History,
    pub path: Option<PathBuf>,
    pub stamp: Option<crate::io::project_file::FileStamp>,
}

impl Document {
    pub fn new(project: Project) -> Self {
        Document {
            project: Arc::new(project),
            history: History::new(),
            path: None,
            stamp: None,
        }
    }

    /// The project to change. Copied first only while a job still holds a snapshot of it
    /// (an edit made during a save), so that the job writes the project as it was.
    pub fn edit(&mut self) -> (&mut Project, &mut History) {
        (Arc::make_mut(&mut self.project), &mut self.history)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The name shown in the title bar: the file's once the project has one (it follows
    /// Save As), else the project's name.
    pub fn display_name(&self) -> String {
        if let Some(stem) = self.path.as_ref().and_then(|p| p.file_stem()) {
            return stem.to_string_lossy().into_owned();
        }
        if !self.project.name.trim().is_empty() {
            return self.project.name.clone();
        }
        "Untitled".into()
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
    /// What the selected claims have in common (the details pane's triage fields).
    pub common: Common,
    /// The article whose text is shown.
    pub article: Option<ArticleId>,
    /// Text the analyst selected in the article view: (article, start, end) byte offsets.
    pub text_selection: Option<(ArticleId, usize, usize)>,
    /// One-shot requests for the next frame.
    pub focus_table: bool,
    pub scroll_table: bool,
    pub scroll_text: bool,
    pub focus_search: bool,
    pub focus_tags: bool,
    /// The tag being typed in the details pane, not yet added.
    pub tag_draft: String,
    /// The Speakers tab: search, sort, the speakers shown and selected.
    pub speakers: SpeakerView,
    /// What is being typed in the details pane, not yet an edit.
    pub drafts: Drafts,
    pub article_cache: ArticleCache,
}

impl ViewState {
    /// Bring caches up to date with the project; cheap when nothing changed.
    /// `checked`: the claims' "checked before" levels, for a filter that reads them.
    pub fn refresh(
        &mut self,
        project: &Project,
        revision: u64,
        checked: &crate::model::CheckedLevels,
    ) {
        // Where the cursor was, in the rows as they were (only looked up when they change).
        let cursor_row = if self
            .rows
            .is_current(revision, &self.filter, self.sort, checked)
        {
            None
        } else {
            self.selection
                .cursor
                .and_then(|c| self.index.index_of(c))
                .and_then(|i| self.rows.position_of(i))
        };
        let edited = self.index.refresh(project, revision);
        if edited {
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
            self.speakers.selection.retain_existing(project);
        }
        if self
            .rows
            .refresh_checked(project, revision, &self.filter, self.sort, checked)
        {
            // After an edit (a claim tagged away under a filter, deleted) the row that took
            // the cursor's place; after a filter, search or sort, the first row.
            let place = if edited { cursor_row } else { None };
            self.keep_selection_visible(project, place);
        }
        self.follow_cursor(project);
        let speakers = &mut self.speakers;
        speakers
            .rows
            .refresh(project, &self.index, revision, &speakers.query);
    }

    /// The article pane shows the cursor's article; with no cursor, the filtered article
    /// or the first one.
    fn follow_cursor(&mut self, project: &Project) {
        let of_cursor = self
            .selection
            .cursor
            .and_then(|c| self.index.index_of(c))
            .and_then(|i| project.claims.get(i))
            .map(|c| c.article);
        if let Some(a) = of_cursor {
            self.article = Some(a);
        } else if self.filter.article.is_some() {
            self.article = self.filter.article;
        } else if self.article.is_none() {
            self.article = project.articles.first().map(|a| a.id);
        }
    }

    /// Keys act on what the analyst sees: selected claims the rows no longer show are
    /// dropped. When the cursor's claim leaves the rows (tagged under a status filter,
    /// deleted), the row that took its place is selected, so triage goes on with the next
    /// key press; with no such row, the first shown. Either way it is brought into view.
    fn keep_selection_visible(&mut self, project: &Project, cursor_row: Option<usize>) {
        let (index, rows) = (&self.index, &self.rows);
        let visible = |id: &ClaimId| {
            index
                .index_of(*id)
                .is_some_and(|i| rows.position_of(i).is_some())
        };
        let before = self.selection.ids.len();
        self.selection.ids.retain(visible);
        if self.selection.ids.len() != before {
            self.selection.generation += 1;
        }
        if self.selection.cursor.is_some_and(|c| !visible(&c)) {
            self.selection.cursor = self.selection.ids.iter().next().copied();
        }
        if self.selection.ids.is_empty() && !self.rows.rows.is_empty() {
            let row = cursor_row.unwrap_or(0).min(self.rows.rows.len() - 1);
            if let Some(id) = project.claims.get(self.rows.rows[row]).map(|c| c.id) {
                self.selection.only(id);
            }
        }
        if self.selection.cursor.is_some() {
            self.scroll_table = true;
            self.scroll_text = true;
        }
    }

    /// Select one claim, show its article and bring both into view.
    pub fn select_claim(&mut self, project: &Project, id: ClaimId) {
        self.selection.only(id);
        self.select_follow(project, id);
    }

    /// The claim `id` became the cursor: show its article, bring it into view.
    pub fn select_follow(&mut self, project: &Project, id: ClaimId) {
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

    /// The claim shown right after the last selected one, in table order.
    pub fn row_after_selection(&self, project: &Project) -> Option<ClaimId> {
        let last = self.rows.rows.iter().rposition(|&i| {
            project
                .claims
                .get(i)
                .is_some_and(|c| self.selection.contains(c.id))
        })?;
        let i = *self.rows.rows.get(last + 1)?;
        project.claims.get(i).map(|c| c.id)
    }

    /// Whether claim `id` is among the rows shown.
    pub fn is_shown(&self, id: ClaimId) -> bool {
        self.index
            .index_of(id)
            .is_some_and(|i| self.rows.position_of(i).is_some())
    }

    /// The cursor's position among the rows shown.
    pub fn cursor_row(&self) -> Option<usize> {
        self.selection
            .cursor
            .and_then(|c| self.index.index_of(c))
            .and_then(|i| self.rows.position_of(i))
    }

    /// Forget everything tied to the previous project (the sort stays).
    pub fn reset_for(&mut self) {
        *self = ViewState {
            sort: self.sort,
            ..ViewState::default()
        };
    }
}
