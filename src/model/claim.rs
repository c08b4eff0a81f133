//! A claim: who said what, where in the article, and what the analyst made of it.

use serde::{Deserialize, Serialize};

pub use crate::extract::{ClaimKind, ClaimType, Score};

use super::{ArticleId, Priority, Publication, SpeakerId, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub u64);

/// Where a claim came from; re-running extraction replaces only `Extracted` claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ClaimOrigin {
    #[default]
    Extracted,
    /// Found by the extractor, then changed by the analyst.
    Edited,
    /// Added by the analyst.
    Manual,
}

/// A link backing or refuting a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub description: String,
}

/// One entry of a claim's status history. `at` is seconds since the Unix epoch (UTC);
/// the model takes the time from its caller so that it stays free of clocks and I/O.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: i64,
    pub from: Status,
    pub to: Status,
}

/// The analyst's word on an earlier fact-check the claim library matched to a claim
/// ("Checked before"): it examines this claim (confirmed: shown first, marked) or not
/// (rejected: never shown for this claim again). One per review address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchVerdict {
    /// The review's address: what names the match (the library may be replaced).
    pub url: String,
    pub confirmed: bool,
    /// Who said so: the user's name, or the database role in a shared project.
    #[serde(default)]
    pub by: String,
    /// When, seconds since the Unix epoch (given by the caller: the model has no clock).
    pub at: i64,
}

/// For serde: numbers and counters at 0 are not written (files from before numbers stay
/// byte for byte as they were).
pub(crate) fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    /// The claim's number for the analyst ("#17"): given once, kept for life, never reused.
    /// 0 in files written before numbers existed; [`Project::ensure_claim_numbers`]
    /// (crate::model::Project::ensure_claim_numbers) numbers those in project order.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub number: u64,
    pub article: ArticleId,
    /// The claim's own words, without the attribution frame and outer quotation marks.
    pub content: String,
    /// Byte offsets of `content` in the article text.
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    /// The attribution cue as written ("said", "according to", ":").
    pub cue: String,
    /// The speaker as written in the sentence ("he", "the Spokesperson").
    pub mention: Option<String>,
    /// Byte offsets of `mention` in the article text.
    #[serde(default)]
    pub mention_span: Option<(usize, usize)>,
    pub speaker: Option<SpeakerId>,
    /// Why this speaker, when the mention is a pronoun or description: the words it was
    /// resolved to, where they are, and how many sentences before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<crate::extract::Antecedent>,
    #[serde(default)]
    pub status: Status,
    /// The analyst's private notes: never published (not in ClaimReview or the reports).
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub history: Vec<StatusChange>,
    #[serde(default)]
    pub origin: ClaimOrigin,
    /// The public reason for the verdict: ClaimReview's `reviewBody`, shown in the reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// Who is checking the claim (one of the project's [`assignees`]
    /// (crate::model::Project::assignees)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "Priority::is_normal")]
    pub priority: Priority,
    /// Someone is working on it now.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_progress: bool,
    /// The verdict as last published ([`Edit::Publish`](crate::model::edit::Edit::Publish)),
    /// if it was: written only when there is one, so older files load as unpublished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Publication>,
    /// Free-form labels the analyst gave the claim ([`tags`](crate::model::tags)), each
    /// once, in the order given; written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How worth checking the claim is (docs/worth.md), and its type: none in files from
    /// before scores, and for claims the analyst added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worth: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_type: Option<ClaimType>,
    /// The analyst's word on the claim library's matches ([`MatchVerdict`]), in the order
    /// given; written only when there are some, so older files load as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_verdicts: Vec<MatchVerdict>,
}

impl Claim {
    /// The claim as a statement of its own: a reported clause's content without the
    /// complementizer it was reported with ("that the deck is safe" → "the deck is safe").
    pub fn statement(&self) -> &str {
        let c = &self.content;
        c.strip_prefix("that ").unwrap_or(c)
    }

    /// The analyst's word on the match with the review at `url`, if any.
    pub fn match_verdict(&self, url: &str) -> Option<&MatchVerdict> {
        self.match_verdicts.iter().find(|v| v.url == url)
    }

    /// Library matches as the analyst judged them (`url`: a match's review address): those
    /// rejected left out, those confirmed first, the order kept otherwise. What the window's
    /// "Checked before" and `claimdesk library check` show.
    pub fn as_judged<T>(&self, matches: &mut Vec<T>, url: impl Fn(&T) -> &str) {
        matches.retain(|m| self.match_verdict(url(m)).is_none_or(|v| v.confirmed));
        matches.sort_by_key(|m| self.match_verdict(url(m)).is_none());
    }

    /// The claim's check-worthiness and type: as extracted, else (a claim the analyst added,
    /// or one from a file written before scores) judged from its content now.
    pub fn worthiness(&self) -> (Score, ClaimType) {
        match self.worth {
            Some(score) => (score, self.claim_type.unwrap_or_default()),
            None => {
                let w = crate::extract::worth::assess(&self.content);
                (Score::new(w.score), w.claim_type)
            }
        }
    }
}

/// For serde: a flag that is off is not written.
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
