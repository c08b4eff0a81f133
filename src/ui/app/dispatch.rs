//! The one dispatcher: every [`Action`], in the order it arrived, becomes an edit of the
//! project (through the undo history), a change of view, or a side effect handed to the
//! jobs. Nothing else changes the project.

use super::ClaimdeskApp;
use crate::model::edit::{Edit, EditError, revert_of};
use crate::model::{ClaimId, Status};
use crate::ui::assign_speaker::AssignSpeaker;
use crate::ui::command::{Action, Pick, Tab, ThemeChoice};
use crate::ui::jobs::DialogPurpose;
use crate::ui::theme;

/// Whether what was typed in a details field must become an edit before `action` runs:
/// everything but what only changes how the window looks.
fn commits_drafts(action: &Action) -> bool {
    !matches!(
        action,
        Action::CommitDrafts
            | Action::SetTheme(_)
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomReset
            | Action::ShowShortcuts
            | Action::FocusSearch
            | Action::TypeSearch(_)
            | Action::SearchLibrary(_)
            | Action::Job(
                crate::ui::jobs::JobMsg::RecoverySaved { .. }
                    | crate::ui::jobs::JobMsg::ImportDone { .. }
                    | crate::ui::jobs::JobMsg::Failed(_)
                    | crate::ui::jobs::JobMsg::LibraryOpened { .. }
                    | crate::ui::jobs::JobMsg::LibraryAdded { .. }
                    | crate::ui::jobs::JobMsg::Matched { .. }
                    | crate::ui::jobs::JobMsg::LibraryBrowsed { .. }
                    | crate::ui::jobs::JobMsg::Grouped { .. }
            )
    )
}

impl ClaimdeskApp {
    /// Run one action.
    pub fn dispatch(&mut self, action: Action) {
        if !self.view.drafts.dirty.is_empty() && commits_drafts(&action) {
            self.commit_drafts();
        }
        match action {
            Action::Edit(edit) => {
                self.apply_edit(edit);
            }
            Action::MergeSpeakers { from, into } => self.merge_speakers(from, into),
            Action::DismissSpeakers { speakers, claims } => self.dismiss_speakers(speakers, claims),
            Action::Tag(status) => self.tag(status),
            Action::DeleteSelected => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                if claims.is_empty() {
                    self.message = Some("Select a claim first".into());
                } else {
                    self.apply_edit(Edit::DeleteClaims { claims });
                }
            }
            Action::Publish => self.publish(true),
            Action::Unpublish => self.publish(false),
            Action::Undo if self.shared.is_some() => self.undo_shared(false),
            Action::Redo if self.shared.is_some() => self.undo_shared(true),
            Action::Undo => {
                self.message = Some(match self.doc.history.undo(&mut self.doc.project) {
                    Some(what) => format!("Undid {what}"),
                    None => "Nothing to undo".into(),
                });
            }
            Action::Redo => {
                self.message = Some(match self.doc.history.redo(&mut self.doc.project) {
                    Some(what) => format!("Redid {what}"),
                    None => "Nothing to redo".into(),
                });
            }
            Action::CommitDrafts => self.commit_drafts(),
            // The list keys move in the speakers list while it is shown.
            Action::Move { rows, extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(rows), extend)
            }
            Action::First { extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(isize::MIN), extend)
            }
            Action::Last { extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(isize::MAX), extend)
            }
            Action::SelectAll if self.view.tab == Tab::Speakers => self.move_speaker(None, true),
            Action::ClearSelection if self.view.tab == Tab::Speakers => {
                self.view.speakers.selection = Default::default();
            }
            Action::Move { rows, extend } => {
                let n = self.view.rows.rows.len() as isize;
                if n > 0 {
                    let to = match self.view.cursor_row() {
                        None => 0,
                        Some(p) => (p as isize + rows).clamp(0, n - 1),
                    };
                    self.select_row(to as usize, extend);
                }
            }
            Action::First { extend } => self.select_row(0, extend),
            Action::Last { extend } => {
                let n = self.view.rows.rows.len();
                if n > 0 {
                    self.select_row(n - 1, extend);
                }
            }
            Action::SelectAll => {
                let ids = self.view.visible_ids(&self.doc.project);
                if let (Some(first), Some(last)) = (ids.first().copied(), ids.last().copied()) {
                    self.view.selection.only(first);
                    self.view.selection.extend(&ids, last);
                }
            }
            Action::NextUnchecked => self.next_unchecked(),
            Action::ClearSelection => self.view.selection.clear(),
            Action::Select { claim, pick } => {
                let view = &mut self.view;
                match pick {
                    Pick::Only => view.select_claim(&self.doc.project, claim),
                    Pick::Toggle => view.selection.toggle(claim),
                    Pick::Extend => {
                        let ordered = view.visible_ids(&self.doc.project);
                        view.selection.extend(&ordered, claim);
                    }
                }
                view.scroll_text = true;
                view.focus_table = true;
            }
            Action::JumpToClaim(claim) => self.jump_to(claim),
            Action::SetSpeakerQuery(query) => self.view.speakers.query = query,
            Action::PickSpeaker { speaker, pick } => self.pick_speaker(speaker, pick),
            Action::ShowArticle(article) => {
                self.view.filter.article = article;
                if article.is_some() {
                    self.view.article = article;
                }
            }
            Action::ShowTab(tab) => self.view.tab = tab,
            Action::SortBy(column) => {
                let sort = &mut self.view.sort;
                if sort.column == column {
                    sort.ascending = !sort.ascending;
                } else {
                    sort.column = column;
                    sort.ascending = true;
                }
            }
            Action::SetFilter(filter) => self.view.filter = filter,
            Action::ClearFilters => self.view.filter = Default::default(),
            Action::FocusTable => self.view.focus_table = true,
            Action::TypeSearch(text) => self.view.filter.search.push_str(&text),
            Action::FocusSearch => {
                self.view.tab = Tab::Claims;
                self.view.focus_search = true;
            }
            Action::SetTheme(choice) => self.set_theme(choice),
            Action::SetAdvance(on) => {
                self.prefs.advance = on;
                self.message = Some(if on {
                    "A verdict now moves on to the next claim".into()
                } else {
                    "A verdict now keeps the selection".into()
                });
            }
            Action::ZoomIn => self.zoom(self.prefs.zoom + 0.1),
            Action::ZoomOut => self.zoom(self.prefs.zoom - 0.1),
            Action::ZoomReset => self.zoom(1.0),
            Action::ShowShortcuts => self.dialogs.shortcuts = true,
            Action::ShowAssignSpeaker => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                if claims.is_empty() {
                    self.message = Some("Select a claim first".into());
                } else {
                    self.dialogs.assign_speaker = Some(AssignSpeaker {
                        claims,
                        name: String::new(),
                    });
                }
            }
            Action::ShowOpenPath => self.dialogs.open_path = Some(String::new()),
            Action::ShowOpenUrl => self.dialogs.open_url = Some(String::new()),
            Action::ShowOpenShared => self.dialogs.open_shared = Some(String::new()),
            Action::SharedPassword(answer) => self.shared_password(answer),
            Action::ShowSavePath => {
                let path = self.doc.path.as_ref().map(|p| p.display().to_string());
                self.dialogs.save_path = Some(path.unwrap_or_default());
            }
            Action::ShowExport => {
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
                self.export
                    .open(&self.doc.project, self.doc.path.as_deref(), &name, shown);
            }
            Action::OpenDialog => {
                let dir = self.start_dir();
                self.jobs.open_dialog(dir);
            }
            Action::OpenPaths(paths) => self.open_paths(paths),
            Action::OpenUrls(urls) => self.open_urls(urls),
            Action::PasteArticle(text) => {
                let system = self.options.system_clipboard;
                self.jobs.read_clipboard(text, system);
            }
            Action::AddPasted { pasted, title } => {
                self.select_next_import = true;
                let known = self.doc.project.known_speakers();
                self.jobs.analyse_pasted(*pasted, title, known);
            }
            Action::NewProject => self.new_project(),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as(),
            Action::SaveTo(path) => self.save_to(path),
            Action::Quit => self.close_window(),
            Action::CloseRequested => self.close_requested(),
            Action::Reextract(article) => {
                if let Some(a) = self.doc.project.article(article) {
                    let known = self.doc.project.known_speakers();
                    self.jobs.reextract(article, a.text.clone(), known);
                }
            }
            Action::CancelImport => {
                if let Some(added) = self.jobs.cancel_import() {
                    self.select_next_import = false;
                    self.message = Some(format!(
                        "Opening cancelled; {added} file{} read before were added",
                        if added == 1 { "" } else { "s" }
                    ));
                }
            }
            Action::Export(request) => self.export_to(*request),
            Action::BrowseExport { format, current } => {
                self.export.picking = true;
                let name = current
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("claims.{}", format.extension()));
                let dir = current.parent().map(std::path::Path::to_path_buf);
                self.jobs.save_dialog(
                    DialogPurpose::Export,
                    name,
                    dir,
                    (format.label(), format.extension()),
                );
            }
            Action::Answer(prompt, answer) => self.answer_prompt(prompt, answer),
            Action::Job(msg) => self.handle_job(msg),
            other => {
                if let Some(other) = self.library_action(other) {
                    debug_assert!(false, "no dispatcher for {other:?}");
                }
            }
        }
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
        self.library_tick();
    }

    /// Apply an edit through the history; select what it added. False if it was refused
    /// (an edit that changes nothing is no refusal).
    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        if self.refuse_edit() {
            return false;
        }
        let is_import = matches!(edit, Edit::AddArticle { .. });
        let to_send = self.shared.is_some().then(|| edit.clone());
        match self.doc.history.apply(&mut self.doc.project, edit) {
            Ok(patch) => {
                let first_new = patch.added_claims.first().copied();
                if let Some(edit) = to_send {
                    let added = patch.added_claims.clone();
                    let at = crate::io::import::now_seconds();
                    let revert = revert_of(patch, &self.doc.project, at, false);
                    self.record_shared(&edit, revert);
                    self.send_shared(&edit, added);
                }
                self.message = None;
                let select = match first_new {
                    Some(_) if is_import => std::mem::take(&mut self.select_next_import),
                    Some(_) => true,
                    None => false,
                };
                if is_import && select {
                    self.view.filter = Default::default();
                    self.view.tab = Tab::Claims;
                }
                self.view
                    .refresh(&self.doc.project, self.doc.history.revision());
                if let (Some(id), true) = (first_new, select) {
                    self.view.select_claim(&self.doc.project, id);
                    self.view.focus_table = true;
                }
                true
            }
            Err(EditError::NoChange) => true,
            Err(e) => {
                self.message = Some(format!("Not done: {e}"));
                false
            }
        }
    }

    /// Mark the selected claims (one edit, one undo step), then, with the preference on,
    /// select the claim shown after the last of them ("verdict and move on"). The next
    /// claim is found before the edit: under a status filter the marked claims leave the
    /// rows, and the one after them is still the one to go on with.
    fn tag(&mut self, status: Status) {
        let claims = self.view.selection.sorted_ids(&self.view.index);
        if claims.is_empty() {
            self.message = Some("Select a claim first".into());
            return;
        }
        let next = if self.prefs.advance {
            self.view.row_after_selection(&self.doc.project)
        } else {
            None
        };
        let done = self.apply_edit(Edit::SetStatus {
            claims,
            status,
            at: crate::io::import::now_seconds(),
        });
        // Already so counts as done (the analyst agrees and goes on); a refused edit stays.
        if let (Some(next), true) = (next, done) {
            self.view
                .refresh(&self.doc.project, self.doc.history.revision());
            if self.view.is_shown(next) {
                self.view.select_claim(&self.doc.project, next);
                self.view.focus_table = true;
            }
        }
    }

    /// Show claim `id` in the Claims tab, selected, clearing filters that hide it.
    pub(super) fn jump_to(&mut self, id: ClaimId) {
        self.reveal(&[id]);
        self.view.select_claim(&self.doc.project, id);
        self.view.focus_table = true;
    }

    /// Open the Claims tab with claims `ids` shown: when a filter hides one of them, the
    /// filters are cleared ("Not a claim" shown too if one of them is).
    pub(super) fn reveal(&mut self, ids: &[ClaimId]) {
        self.view.tab = Tab::Claims;
        if ids.iter().all(|id| self.view.is_shown(*id)) {
            return;
        }
        let project = &self.doc.project;
        let rejected = ids
            .iter()
            .any(|id| project.claim(*id).is_some_and(|c| !c.status.is_claim()));
        self.view.filter = crate::ui::rows::Filter {
            show_rejected: rejected,
            ..Default::default()
        };
        self.view
            .refresh(&self.doc.project, self.doc.history.revision());
    }

    /// Select the next unchecked claim shown after the cursor, wrapping round to the top.
    fn next_unchecked(&mut self) {
        let project = &self.doc.project;
        let rows = &self.view.rows.rows;
        let start = self.view.cursor_row().map_or(0, |r| r + 1);
        let found = (0..rows.len())
            .map(|k| (start + k) % rows.len())
            .filter_map(|r| project.claims.get(rows[r]))
            .find(|c| c.status == Status::Unchecked && Some(c.id) != self.view.selection.cursor)
            .map(|c| c.id);
        match found {
            Some(id) => {
                self.view.select_claim(project, id);
                self.view.focus_table = true;
            }
            None => self.message = Some("No unchecked claim left among those shown".into()),
        }
    }

    /// What was typed in the details fields, as one edit per field.
    fn commit_drafts(&mut self) {
        for edit in self.view.drafts.take_edits(&self.doc.project) {
            self.apply_edit(edit);
        }
    }

    /// Put the cursor on the `row`-th row shown (Shift: extend the selection to it).
    fn select_row(&mut self, row: usize, extend: bool) {
        let project = &self.doc.project;
        let view = &mut self.view;
        let Some(id) = view
            .rows
            .rows
            .get(row)
            .and_then(|&i| project.claims.get(i))
            .map(|c| c.id)
        else {
            return;
        };
        if extend {
            let ordered = view.visible_ids(project);
            view.selection.extend(&ordered, id);
        } else {
            view.selection.only(id);
        }
        view.select_follow(project, id);
        view.focus_table = true;
    }

    fn set_theme(&mut self, choice: ThemeChoice) {
        self.prefs.theme = choice;
        if let Some(ctx) = &self.ctx {
            theme::apply_theme(ctx, choice);
        }
    }

    fn zoom(&mut self, zoom: f32) {
        let zoom = (zoom * 10.0).round() / 10.0;
        self.prefs.zoom = zoom.clamp(super::MIN_ZOOM, super::MAX_ZOOM);
        if let Some(ctx) = &self.ctx {
            ctx.set_zoom_factor(self.prefs.zoom);
        }
        self.message = Some(format!("Text size {:.0}%", self.prefs.zoom * 100.0));
        // Rows move under a new text size: keep the selected claim in view.
        self.view.scroll_table = true;
        self.view.scroll_text = true;
    }
}
