//! The one dispatcher: every [`Action`], in the order it arrived, goes to the module of its
//! area (`file_actions.rs`, `triage_actions.rs`, `view_actions.rs`, `library_actions.rs`,
//! `shared_actions.rs`, `feeds_actions.rs`, `job_results.rs`), each an exhaustive match: there is no
//! catch-all, so the compiler checks that every action is handled. Text typed in the
//! details pane is committed first, as an edit, unless the action only changes the look.

use super::ClaimdeskApp;
use crate::ui::command::{Action, LibraryAction, TriageAction, ViewAction};

/// Whether what was typed in a details field must become an edit before `action` runs:
/// everything but what only changes how the window looks.
fn commits_drafts(action: &Action) -> bool {
    !matches!(
        action,
        Action::Triage(TriageAction::CommitDrafts)
            | Action::View(ViewAction::SetTheme(_))
            | Action::View(ViewAction::ZoomIn)
            | Action::View(ViewAction::ZoomOut)
            | Action::View(ViewAction::ZoomReset)
            | Action::View(ViewAction::ShowShortcuts)
            | Action::View(ViewAction::FocusSearch)
            | Action::View(ViewAction::TypeSearch(_))
            | Action::View(ViewAction::FocusTags)
            | Action::View(ViewAction::TypeTag(_))
            | Action::View(ViewAction::CompleteTag)
            | Action::Library(LibraryAction::SearchLibrary(_))
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
    /// Run one action (of any area: `FileAction::Save`, `TriageAction::Tag(..)`, …).
    pub fn dispatch(&mut self, action: impl Into<Action>) {
        let action = action.into();
        if !self.view.drafts.dirty.is_empty() && commits_drafts(&action) {
            self.commit_drafts();
        }
        match action {
            Action::File(a) => self.file_action(a),
            Action::Triage(a) => self.triage_action(a),
            Action::View(a) => self.view_action(a),
            Action::Library(a) => self.library_action(a),
            Action::Shared(a) => self.shared_action(a),
            Action::Job(msg) => self.handle_job(msg),
            Action::Feeds(a) => self.feeds_action(a),
        }
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        self.library_tick();
    }
}
