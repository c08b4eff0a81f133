//! Edit → Publish verdicts (Ctrl+Shift+P) and Withdraw publication: the selected claims'
//! verdicts made public as they are now ([`Edit::Publish`]). In a file project anyone may;
//! in a shared project the server decides by role (docs/shared-projects.md), and the
//! window greys the command out, with the reason, for a role without the right.

use super::ClaimdeskApp;
use crate::io::shared::Address;
use crate::model::PublishState;
use crate::model::edit::Edit;

impl ClaimdeskApp {
    /// Whether Publish may be used here, else why not.
    pub(super) fn publish_right(&self) -> Result<(), String> {
        match &self.shared {
            None => Ok(()),
            Some(s) => match s.access {
                None => Err("Still opening the shared project".into()),
                Some(a) if a.may_publish() => Ok(()),
                Some(_) => Err(format!(
                    "Your role may not publish verdicts in “{}” (publishing needs the editor \
                     role)",
                    s.name
                )),
            },
        }
    }

    /// Who publishes (or judges a library match): the database role in a shared project
    /// (the server records that one), else the name the system gives the user.
    pub(super) fn publisher(&self) -> String {
        match &self.shared {
            Some(s) => Address::parse(&s.shown)
                .ok()
                .and_then(|a| a.user().map(str::to_string))
                .unwrap_or_default(),
            None => std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_default(),
        }
    }

    /// Whether every claim a Publish names is published as it is (the edit is then no
    /// change, which is no error either).
    fn all_published_as_they_are(&self, edit: &Edit) -> bool {
        let Edit::Publish { claims, .. } = edit else {
            return false;
        };
        let wanted: std::collections::HashSet<_> = claims.iter().collect();
        self.doc
            .project
            .claims
            .iter()
            .filter(|c| wanted.contains(&c.id))
            .all(|c| c.publish_state() == PublishState::Published)
    }

    /// Publish (or withdraw) the selected claims' verdicts: one edit, one undo step.
    pub(super) fn publish(&mut self, publish: bool) {
        if let Err(why) = self.publish_right() {
            self.message = Some(why);
            return;
        }
        let claims = self.view.selection.sorted_ids(&self.view.index);
        if claims.is_empty() {
            self.message = Some("Select a claim first".into());
            return;
        }
        let n = claims.len();
        let edit = if publish {
            Edit::Publish {
                claims,
                at: crate::io::import::now_seconds(),
                by: self.publisher(),
            }
        } else {
            Edit::Unpublish { claims }
        };
        let nothing = publish && self.all_published_as_they_are(&edit);
        if self.apply_edit(edit) {
            self.message = Some(match (publish, nothing) {
                (true, true) => "Already published as they are".into(),
                (true, false) if n == 1 => "Published the verdict".into(),
                (true, false) => "Published the verdicts".into(),
                (false, _) => "Publication withdrawn".into(),
            });
        }
    }
}
