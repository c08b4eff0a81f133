//! Which claims the table shows: the filter row's choices and the search.

use crate::model::{ArticleId, Claim, ClaimKind, Priority, Project, SpeakerId, Status};

/// Whose claims the table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssigneeFilter {
    /// Claims assigned to no one.
    NoOne,
    /// Claims assigned to this name.
    Named(String),
}

impl AssigneeFilter {
    pub fn matches(&self, claim: &Claim) -> bool {
        match self {
            AssigneeFilter::NoOne => claim.assignee.is_none(),
            AssigneeFilter::Named(name) => claim.assignee.as_deref() == Some(name.as_str()),
        }
    }
}

/// Which claims the table shows. Empty search and `None`s mean "all" claims; claims marked
/// Not a claim are shown only under their status or with `show_rejected`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub status: Option<Status>,
    /// With no status chosen, also show the claims marked Not a claim.
    pub show_rejected: bool,
    pub assignee: Option<AssigneeFilter>,
    pub priority: Option<Priority>,
    /// In progress (`Some(true)`) or not (`Some(false)`).
    pub in_progress: Option<bool>,
    pub speaker: Option<SpeakerId>,
    pub article: Option<ArticleId>,
    pub kind: Option<ClaimKind>,
    /// Only claims at least this worth checking (docs/worth.md).
    pub min_worth: Option<crate::extract::Score>,
    /// Case-insensitive text found in the claim, its speaker, mention, role, notes or
    /// rationale;
    /// "#17" finds claim number 17.
    pub search: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.status.is_some()
            || self.show_rejected
            || self.assignee.is_some()
            || self.priority.is_some()
            || self.in_progress.is_some()
            || self.speaker.is_some()
            || self.article.is_some()
            || self.kind.is_some()
            || self.min_worth.is_some()
            || !self.search.trim().is_empty()
    }
}

/// Case-insensitive substring test without allocating for ASCII needles: scan for the
/// needle's first byte (either case), then compare the rest.
pub(super) fn contains_folded(haystack: &str, needle_lower: &str) -> bool {
    if needle_lower.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
        let Some((&first, rest)) = n.split_first() else {
            return true;
        };
        if h.len() < n.len() {
            return false;
        }
        let upper = first.to_ascii_uppercase();
        (0..=h.len() - n.len()).any(|i| {
            (h[i] == first || h[i] == upper) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest)
        })
    } else {
        haystack.to_lowercase().contains(needle_lower)
    }
}

/// The claim number a search asks for: "#17" (spaces allowed after the #).
fn number_search(search: &str) -> Option<u64> {
    search.trim().strip_prefix('#')?.trim().parse().ok()
}

pub fn filtered(project: &Project, filter: &Filter) -> Vec<usize> {
    let number = number_search(&filter.search);
    let needle = if number.is_some() {
        String::new()
    } else {
        filter.search.trim().to_lowercase()
    };
    // Speakers whose name, alias or role matches the search match all their claims.
    let speaker_hits: Vec<SpeakerId> = if needle.is_empty() {
        Vec::new()
    } else {
        project
            .speakers
            .iter()
            .filter(|s| {
                contains_folded(&s.name, &needle)
                    || s.role
                        .as_deref()
                        .is_some_and(|r| contains_folded(r, &needle))
                    || s.aliases.iter().any(|a| contains_folded(a, &needle))
            })
            .map(|s| s.id)
            .collect()
    };
    project
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            filter
                .status
                .map_or(filter.show_rejected || c.status.is_claim(), |s| {
                    c.status == s
                })
                && filter.assignee.as_ref().is_none_or(|a| a.matches(c))
                && filter.priority.is_none_or(|p| c.priority == p)
                && filter.in_progress.is_none_or(|b| c.in_progress == b)
                && filter.speaker.is_none_or(|s| c.speaker == Some(s))
                && filter.article.is_none_or(|a| c.article == a)
                && filter.kind.is_none_or(|k| c.kind == k)
                && filter.min_worth.is_none_or(|w| c.worthiness().0 >= w)
                && number.is_none_or(|n| c.number == n)
                && (needle.is_empty()
                    || contains_folded(&c.content, &needle)
                    || c.speaker.is_some_and(|s| speaker_hits.contains(&s))
                    || c.mention
                        .as_deref()
                        .is_some_and(|m| contains_folded(m, &needle))
                    || contains_folded(&c.notes, &needle)
                    || contains_folded(&c.rationale, &needle))
        })
        .map(|(i, _)| i)
        .collect()
}
