//! Edit and triage actions ([`TriageAction`]): edits through the undo history (verdicts,
//! deletions, merges, publishing, undo and redo, what was typed in the details pane) and
//! the selection they act on. Nothing else changes the project.

use super::ClaimdeskApp;
use crate::model::edit::{Edit, EditError, revert_of};
use crate::model::{ClaimId, Status};
use crate::ui::assign_speaker::AssignSpeaker;
use crate::ui::command::{Pick, Tab, TriageAction};

impl ClaimdeskApp {
    /// Run one edit or triage action.
    pub(super) fn triage_action(&mut self, action: TriageAction) {
        match action {
            TriageAction::Edit(edit) => {
                self.apply_edit(edit);
            }
            TriageAction::MergeSpeakers { from, into } => self.merge_speakers(from, into),
            TriageAction::DismissSpeakers { speakers, claims } => {
                self.dismiss_speakers(speakers, claims)
            }
            TriageAction::Tag(status) => self.tag(status),
            TriageAction::AddTypedTag => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                let tag = std::mem::take(&mut self.view.tag_draft);
                if claims.is_empty() {
                    self.message = Some("Select a claim first".into());
                    self.view.tag_draft = tag;
                } else if crate::model::tags::clean_tag(&tag).is_some() {
                    self.apply_edit(Edit::AddTag { claims, tag });
                }
            }
            TriageAction::DeleteSelected => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                if claims.is_empty() {
                    self.message = Some("Select a claim first".into());
                } else {
                    self.apply_edit(Edit::DeleteClaims { claims });
                }
            }
            TriageAction::Publish => self.publish(true),
            TriageAction::Unpublish => self.publish(false),
            TriageAction::Undo if self.shared.is_some() => self.undo_shared(false),
            TriageAction::Redo if self.shared.is_some() => self.undo_shared(true),
            TriageAction::Undo => {
                // Named before the undo, while the claim is as the edit left it.
                let named = (self.doc.history.last_undo())
                    .map(|(edit, _)| edit.describe_in(&self.doc.project));
                // Nothing to undo: the project is not touched (nor copied while saved).
                let done = if self.doc.history.can_undo() {
                    let (project, history) = self.doc.edit();
                    history.undo(project)
                } else {
                    None
                };
                self.message = Some(match done {
                    Some(what) => format!("Undid {}", named.unwrap_or_else(|| what.into())),
                    None => "Nothing to undo".into(),
                });
            }
            TriageAction::Redo => {
                let named =
                    (self.doc.history.next_redo()).map(|edit| edit.describe_in(&self.doc.project));
                // Nothing to redo: the project is not touched (nor copied while saved).
                let done = if self.doc.history.can_redo() {
                    let (project, history) = self.doc.edit();
                    history.redo(project)
                } else {
                    None
                };
                self.message = Some(match done {
                    Some(what) => format!("Redid {}", named.unwrap_or_else(|| what.into())),
                    None => "Nothing to redo".into(),
                });
            }
            TriageAction::CommitDrafts => self.commit_drafts(),
            // The list keys move in the speakers list while it is shown.
            TriageAction::Move { rows, extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(rows), extend)
            }
            TriageAction::First { extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(isize::MIN), extend)
            }
            TriageAction::Last { extend } if self.view.tab == Tab::Speakers => {
                self.move_speaker(Some(isize::MAX), extend)
            }
            TriageAction::SelectAll if self.view.tab == Tab::Speakers => {
                self.move_speaker(None, true)
            }
            TriageAction::ClearSelection if self.view.tab == Tab::Speakers => {
                self.view.speakers.selection = Default::default();
            }
            TriageAction::Move { rows, extend } => {
                let n = self.view.rows.rows.len() as isize;
                if n > 0 {
                    let to = match self.view.cursor_row() {
                        None => 0,
                        Some(p) => (p as isize + rows).clamp(0, n - 1),
                    };
                    self.select_row(to as usize, extend);
                }
            }
            TriageAction::First { extend } => self.select_row(0, extend),
            TriageAction::Last { extend } => {
                let n = self.view.rows.rows.len();
                if n > 0 {
                    self.select_row(n - 1, extend);
                }
            }
            TriageAction::SelectAll => {
                let ids = self.view.visible_ids(&self.doc.project);
                if let (Some(first), Some(last)) = (ids.first().copied(), ids.last().copied()) {
                    self.view.selection.only(first);
                    self.view.selection.extend(&ids, last);
                }
            }
            TriageAction::NextUnchecked => self.next_unchecked(),
            TriageAction::ClearSelection => self.view.selection.clear(),
            TriageAction::Select { claim, pick } => {
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
            TriageAction::JumpToClaim(claim) => self.jump_to(claim),
            TriageAction::PickSpeaker { speaker, pick } => self.pick_speaker(speaker, pick),
            TriageAction::ShowAssignSpeaker => {
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
        }
    }

    /// Apply an edit through the history; select what it added. False if it was refused
    /// (an edit that changes nothing is no refusal).
    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        if self.refuse_edit() {
            return false;
        }
        let is_import = matches!(edit, Edit::AddArticle { .. });
        let to_send = self.shared.is_some().then(|| edit.clone());
        let (project, history) = self.doc.edit();
        match history.apply(project, edit) {
            Ok(patch) => {
                let first_new = patch.added_claims.first().copied();
                if let Some(edit) = to_send {
                    let added = patch.added_claims.clone();
                    let at = crate::io::import::now_seconds();
                    let revert = revert_of(patch, project, at, false);
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
                self.view.refresh(
                    &self.doc.project,
                    self.doc.history.revision(),
                    &self.checks.levels,
                );
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
        let next = self.next_to_move_on();
        let done = self.apply_edit(Edit::SetStatus {
            claims,
            status,
            at: crate::io::import::now_seconds(),
        });
        // Already so counts as done (the analyst agrees and goes on); a refused edit stays.
        if let (Some(next), true) = (next, done) {
            self.move_on(next);
        }
    }

    /// With the "verdict and move on" preference, the claim shown after the selection,
    /// found before the edit that may take the selection out of the rows.
    pub(super) fn next_to_move_on(&self) -> Option<ClaimId> {
        if self.prefs.advance {
            self.view.row_after_selection(&self.doc.project)
        } else {
            None
        }
    }

    /// After the edit: select `next` (found by [`Self::next_to_move_on`]) if still shown.
    pub(super) fn move_on(&mut self, next: ClaimId) {
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        if self.view.is_shown(next) {
            self.view.select_claim(&self.doc.project, next);
            self.view.focus_table = true;
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
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
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
    pub(super) fn commit_drafts(&mut self) {
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
}
