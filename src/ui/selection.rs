//! Which claims are selected: the set, the cursor shown in details, the anchor of Shift.

use std::collections::HashSet;

use super::rows::ProjectIndex;
use crate::model::{Claim, ClaimId, Priority, Project};

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

/// What the claims the details pane acts on have in common (their triage fields), with
/// their ids in project order. For several selected it is cached per selection and
/// project revision: "select all shown" on a large project costs nothing per frame.
#[derive(Debug, Clone, Default)]
pub struct Common {
    key: Option<(u64, u64)>,
    pub ids: Vec<ClaimId>,
    /// Their assignee when all have the same (`Some(None)`: no one); `None` when they differ.
    pub assignee: Option<Option<String>>,
    /// Their priority when all have the same.
    pub priority: Option<Priority>,
    pub all_in_progress: bool,
    pub some_in_progress: bool,
}

impl Common {
    pub fn of<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Common {
        let mut common = Common {
            all_in_progress: true,
            ..Common::default()
        };
        for (n, c) in claims.into_iter().enumerate() {
            common.ids.push(c.id);
            if n == 0 {
                common.assignee = Some(c.assignee.clone());
                common.priority = Some(c.priority);
            } else {
                if common.assignee.as_ref().is_some_and(|a| *a != c.assignee) {
                    common.assignee = None;
                }
                if common.priority != Some(c.priority) {
                    common.priority = None;
                }
            }
            common.all_in_progress &= c.in_progress;
            common.some_in_progress |= c.in_progress;
        }
        common.all_in_progress &= !common.ids.is_empty();
        common
    }

    /// Recompute for the selection if it or the project changed.
    pub fn refresh(&mut self, selection: &Selection, index: &ProjectIndex, project: &Project) {
        let key = (selection.generation, index.revision.unwrap_or(0));
        if self.key == Some(key) {
            return;
        }
        let ids = selection.sorted_ids(index);
        let claims = ids
            .iter()
            .filter_map(|c| index.index_of(*c))
            .filter_map(|i| project.claims.get(i));
        *self = Common::of(claims);
        self.key = Some(key);
    }
}
