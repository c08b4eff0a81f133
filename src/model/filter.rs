//! Which claims the table shows: the filter row's choices and the search. One filter for
//! the window and for `claimdesk export --status … --tag …` ([`FilterArgs`]), so that an
//! export with the same filters holds exactly the claims the table shows; saved in the
//! project as named views ([`NamedView`]). "Checked before" levels come from the claim
//! library's matching ([`CheckedLevels`], filled by the window's jobs or by the export).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{ArticleId, Claim, ClaimId, ClaimKind, Priority, Project, SpeakerId, Status};

/// How the claim library matches a claim ("checked before"), for the filter: its best
/// match not rejected by the analyst is strong or possible (docs/library.md), or it has
/// none; a match the analyst confirmed makes it strong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckedLevel {
    None,
    Possible,
    Strong,
}

impl CheckedLevel {
    /// In the order the filter lists them.
    pub const ALL: [CheckedLevel; 3] = [
        CheckedLevel::Strong,
        CheckedLevel::Possible,
        CheckedLevel::None,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CheckedLevel::Strong => "strong",
            CheckedLevel::Possible => "possible",
            CheckedLevel::None => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<CheckedLevel> {
        let key = key.trim();
        Self::ALL
            .into_iter()
            .find(|l| l.key().eq_ignore_ascii_case(key))
    }

    /// As the window's filter names it.
    pub fn label(self) -> &'static str {
        match self {
            CheckedLevel::Strong => "Checked before: strong",
            CheckedLevel::Possible => "Checked before: possible",
            CheckedLevel::None => "Not checked before",
        }
    }
}

/// What the claim library found for claims: each one's matches as (review address,
/// level), found off the UI thread by the window's matching jobs (or by `claimdesk export
/// --checked`); the analyst's word on them ([`Claim::match_verdicts`]) applied when read.
/// `generation` changes whenever what it holds does (the table's rows are kept per
/// generation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedLevels {
    pub generation: u64,
    by_claim: HashMap<ClaimId, Vec<(String, CheckedLevel)>>,
}

impl CheckedLevels {
    /// The matches found for `claim`.
    pub fn set(&mut self, claim: ClaimId, matches: Vec<(String, CheckedLevel)>) {
        self.by_claim.insert(claim, matches);
        self.generation += 1;
    }

    /// Nothing known (another library, another project).
    pub fn clear(&mut self) {
        self.by_claim.clear();
        self.generation += 1;
    }

    /// The claim's level: strong when the analyst confirmed a match, else the best of the
    /// matches found that the analyst did not reject; `None` while not known (no library,
    /// or not matched yet).
    pub fn level_of(&self, claim: &Claim) -> Option<CheckedLevel> {
        if claim.match_verdicts.iter().any(|v| v.confirmed) {
            return Some(CheckedLevel::Strong);
        }
        let found = self.by_claim.get(&claim.id)?;
        Some(
            found
                .iter()
                .filter(|(url, _)| claim.match_verdict(url).is_none())
                .map(|(_, level)| *level)
                .max()
                .unwrap_or(CheckedLevel::None),
        )
    }
}

/// Whose claims the table shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// Which claims the table shows. Empty lists, empty search and `None`s mean "all" claims;
/// claims marked Not a claim are shown only when their status is chosen or with
/// `show_rejected`. Saved in named views (serde: every field may be left out).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Claims with any of these statuses (in [`Status::ALL`] order, no repeats).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Status>,
    /// With no status chosen, also show the claims marked Not a claim.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub show_rejected: bool,
    pub assignee: Option<AssigneeFilter>,
    pub priority: Option<Priority>,
    /// In progress (`Some(true)`) or not (`Some(false)`).
    pub in_progress: Option<bool>,
    pub speaker: Option<SpeakerId>,
    pub article: Option<ArticleId>,
    pub kind: Option<ClaimKind>,
    /// Claims carrying any of these tags (compared case-insensitively).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Only claims at least this worth checking (docs/worth.md).
    pub min_worth: Option<crate::extract::Score>,
    /// Claims the claim library matches at any of these levels ([`CheckedLevel`]); a
    /// claim whose matches are not known yet is not among them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checked: Vec<CheckedLevel>,
    /// Case-insensitive text found in the claim, its speaker, mention, role, notes or
    /// rationale;
    /// "#17" finds claim number 17.
    pub search: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.statuses.is_empty()
            || self.show_rejected
            || !self.tags.is_empty()
            || self.assignee.is_some()
            || self.priority.is_some()
            || self.in_progress.is_some()
            || self.speaker.is_some()
            || self.article.is_some()
            || self.kind.is_some()
            || self.min_worth.is_some()
            || !self.checked.is_empty()
            || !self.search.trim().is_empty()
    }

    /// Show (`on`) or hide the claims with `status`, keeping [`Status::ALL`] order.
    pub fn toggle_status(&mut self, status: Status, on: bool) {
        self.statuses.retain(|s| *s != status);
        if on {
            self.statuses.push(status);
            self.statuses
                .sort_by_key(|s| Status::ALL.iter().position(|a| a == s));
        }
    }

    /// Whether the claims marked Not a claim can be among those shown.
    pub fn shows_rejected(&self) -> bool {
        self.show_rejected || self.statuses.contains(&Status::Rejected)
    }
}

/// A filter saved in the project under a name ("For tomorrow").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedView {
    pub name: String,
    pub filter: Filter,
}

/// Case-insensitive substring test without allocating for ASCII needles: scan for the
/// needle's first byte (either case), then compare the rest.
pub(crate) fn contains_folded(haystack: &str, needle_lower: &str) -> bool {
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

/// The indices of the claims `filter` shows, in project order. A "checked before" filter
/// shows nothing here: see [`filtered_with`].
pub fn filtered(project: &Project, filter: &Filter) -> Vec<usize> {
    filtered_with(project, filter, &CheckedLevels::default())
}

/// [`filtered`], the claims' "checked before" levels read from `checked`.
pub fn filtered_with(project: &Project, filter: &Filter, checked: &CheckedLevels) -> Vec<usize> {
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
    let tags: Vec<String> = filter.tags.iter().map(|t| t.to_lowercase()).collect();
    project
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            (if filter.statuses.is_empty() {
                filter.show_rejected || c.status.is_claim()
            } else {
                filter.statuses.contains(&c.status)
            }) && (tags.is_empty()
                || c.tags
                    .iter()
                    .any(|t| tags.iter().any(|w| t.to_lowercase() == *w)))
                && filter.assignee.as_ref().is_none_or(|a| a.matches(c))
                && filter.priority.is_none_or(|p| c.priority == p)
                && filter.in_progress.is_none_or(|b| c.in_progress == b)
                && filter.speaker.is_none_or(|s| c.speaker == Some(s))
                && filter.article.is_none_or(|a| c.article == a)
                && filter.kind.is_none_or(|k| c.kind == k)
                && filter.min_worth.is_none_or(|w| c.worthiness().0 >= w)
                && number.is_none_or(|n| c.number == n)
                && (filter.checked.is_empty()
                    || checked
                        .level_of(c)
                        .is_some_and(|l| filter.checked.contains(&l)))
                && (needle.is_empty()
                    || contains_folded(&c.content, &needle)
                    || c.speaker.is_some_and(|s| speaker_hits.contains(&s))
                    || c.mention
                        .as_deref()
                        .is_some_and(|m| contains_folded(m, &needle))
                    || contains_folded(&c.notes, &needle)
                    || c.tags.iter().any(|t| contains_folded(t, &needle))
                    || contains_folded(&c.rationale, &needle))
        })
        .map(|(i, _)| i)
        .collect()
}
