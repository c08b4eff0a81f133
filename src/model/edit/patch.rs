//! What an applied edit changed, so that undo can put it back exactly.

use std::collections::HashSet;

use crate::model::{
    Article, ArticleId, Claim, ClaimId, NamedView, Project, ProjectSettings, Speaker,
};

/// What an applied edit changed: the previous state of every entity it touched
/// (`None`: the entity did not exist), with its index so that order is restored too.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    /// Boxed: most entries of a large edit are claims it created (`None`), 16 bytes each
    /// instead of a claim's size (20,000 claims added: 0.3 MB, not 12 MB).
    claims: Vec<(ClaimId, Before)>,
    pub(super) articles: Vec<(ArticleId, Option<(usize, Article)>)>,
    /// Speakers are few; edits that touch them keep the whole list.
    speakers: Option<Vec<Speaker>>,
    pub(super) settings: Option<ProjectSettings>,
    /// The project's memo, assignee names and dismissed speaker names.
    lists: Option<Lists>,
    next_id: u64,
    /// The claim-number counter: undo gives numbers back, so that redo hands out the same.
    next_number: u64,
    /// The edit added these claims (for selecting them afterwards).
    pub added_claims: Vec<ClaimId>,
    /// Claims already in `claims` (an edit touching 10k claims must not scan a list per claim).
    touched: HashSet<ClaimId>,
    /// What an undo in a shared project left alone because someone else changed it since
    /// ("claim #12: notes"); see [`Revert`](super::Revert).
    pub conflicts: Vec<String>,
}

/// A claim as it was before an edit, with its index; `None`: the edit created it.
type Before = Option<Box<(usize, Claim)>>;

/// The project's own small fields that edits change: kept whole when one of them changes.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lists {
    memo: String,
    assignees: Vec<String>,
    not_speakers: Vec<String>,
    views: Vec<NamedView>,
}

impl Patch {
    pub(super) fn new(project: &Project) -> Self {
        Patch {
            next_id: project.next_id,
            next_number: project.next_number,
            ..Default::default()
        }
    }

    /// Every claim the edit touched, as it was before (`None`: the edit created it).
    pub fn claims_before(&self) -> impl Iterator<Item = (ClaimId, Option<&Claim>)> {
        self.claims
            .iter()
            .map(|(id, c)| (*id, c.as_deref().map(|(_, c)| c)))
    }

    /// Every claim the edit touched with its index before (`None`: the edit created it).
    pub(super) fn claim_entries(&self) -> &[(ClaimId, Before)] {
        &self.claims
    }

    /// The speakers before the edit, if it changed them.
    pub(super) fn speakers_before(&self) -> Option<&[Speaker]> {
        self.speakers.as_deref()
    }

    /// The project's memo, assignee names and dismissed names before, if the edit changed
    /// one of them.
    pub(super) fn lists_before(&self) -> Option<(&str, &[String], &[String])> {
        self.lists
            .as_ref()
            .map(|l| (l.memo.as_str(), &l.assignees[..], &l.not_speakers[..]))
    }

    /// The saved views before the edit, if it touched the project's lists.
    pub(super) fn views_before(&self) -> Option<&[NamedView]> {
        self.lists.as_ref().map(|l| &l.views[..])
    }

    /// A claim put back with its old id (a shared project's undo of a deletion): undo
    /// removes it again; it is not "added" (no new id was given).
    pub(super) fn reinserted_claim(&mut self, id: ClaimId) {
        if self.touched.insert(id) {
            self.claims.push((id, None));
        }
    }

    pub(super) fn touch_claim(&mut self, project: &Project, index: usize) {
        let claim = &project.claims[index];
        if self.touched.insert(claim.id) {
            self.claims
                .push((claim.id, Some(Box::new((index, claim.clone())))));
        }
    }

    pub(super) fn created_claim(&mut self, id: ClaimId) {
        self.touched.insert(id);
        self.claims.push((id, None));
        self.added_claims.push(id);
    }

    pub(super) fn touch_speakers(&mut self, project: &Project) {
        if self.speakers.is_none() {
            self.speakers = Some(project.speakers.clone());
        }
    }

    /// Remember the project's memo, assignee names and dismissed speaker names.
    pub(super) fn touch_lists(&mut self, project: &Project) {
        if self.lists.is_none() {
            self.lists = Some(Lists {
                memo: project.memo.clone(),
                assignees: project.assignees.clone(),
                not_speakers: project.not_speakers.clone(),
                views: project.views.clone(),
            });
        }
    }

    /// Put back what the edit changed.
    pub(super) fn restore(self, project: &mut Project) {
        // Claims changed in place first, through one id → index map (a status set on 10k
        // claims is undone in linear time); then claims added or removed, newest first.
        let positions: std::collections::HashMap<ClaimId, usize> = project
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let mut structural = Vec::new();
        for (id, before) in self.claims {
            match (positions.get(&id), before) {
                (Some(&i), Some(before)) => project.claims[i] = before.1,
                (now, before) => structural.push((id, now.is_some(), before.map(|b| *b))),
            }
        }
        for (id, exists, before) in structural.into_iter().rev() {
            let now = if exists {
                project.claims.iter().position(|c| c.id == id)
            } else {
                None
            };
            put_back(&mut project.claims, now, before);
        }
        for (id, before) in self.articles.into_iter().rev() {
            let now = project.articles.iter().position(|a| a.id == id);
            put_back(&mut project.articles, now, before);
        }
        if let Some(speakers) = self.speakers {
            project.speakers = speakers;
        }
        if let Some(settings) = self.settings {
            project.settings = settings;
        }
        if let Some(lists) = self.lists {
            project.memo = lists.memo;
            project.assignees = lists.assignees;
            project.not_speakers = lists.not_speakers;
            project.views = lists.views;
        }
        project.next_id = self.next_id;
        project.next_number = self.next_number;
    }
}

/// Undo one entity's change in `list`: `now` is where it is (if it exists), `before` where
/// and what it was (if it existed). Replaces, removes or re-inserts accordingly.
pub(super) fn put_back<T>(list: &mut Vec<T>, now: Option<usize>, before: Option<(usize, T)>) {
    match (now, before) {
        (Some(i), Some((_, old))) => list[i] = old,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some((index, old))) => {
            let index = index.min(list.len());
            list.insert(index, old);
        }
        (None, None) => {}
    }
}
