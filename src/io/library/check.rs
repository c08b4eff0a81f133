//! A claim checked against the library: candidates from the search (`index.rs`), each
//! scored as a pair (`pair.rs`: features, calibrated probability, level), duplicate reviews
//! (the same claim reviewed, rating and publisher) kept once. What the window's "Checked
//! before", `claimdesk library check` and the probability of `library search` show.

use std::collections::HashSet;

use serde::Serialize;

use super::pair::{self, Claim, Level, Shared};
use super::{Library, Match, Review};

/// Candidates scored for each claim checked: the search's best this many.
pub const CANDIDATES: usize = 10;
/// How many matches of a claim the window shows (and the "checked before" filter reads).
pub const SHOWN: usize = 3;

/// A review scored against a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    pub review: &'a Review,
    /// The search's score (comparable within one query only).
    pub score: f32,
    /// The probability that the review examines the claim's assertion.
    pub probability: f32,
    pub level: Level,
    /// What they share: "why it matched".
    pub shared: Shared,
}

/// What makes two reviews the same review: the claim reviewed (else the title), the
/// rating and the publisher, compared without case and spacing.
fn duplicate_key(r: &Review) -> String {
    let claim = if r.claim_reviewed.trim().is_empty() {
        &r.title
    } else {
        &r.claim_reviewed
    };
    [claim, &r.rating, &r.author]
        .iter()
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join("\u{1}")
}

impl Library {
    /// The best `limit` results of [`Library::search`], duplicate reviews kept once (the
    /// first, best, of each), each with its probability for `query` read as a claim.
    pub fn search_scored(&self, query: &str, limit: usize) -> Vec<Checked<'_>> {
        let claim = Claim::of(query, None);
        // Duplicates are rare: a few more than asked for are enough to fill the list.
        let found = self.search(query, limit.saturating_mul(2).max(limit + 5));
        let mut out = self.scored(&claim, found);
        out.truncate(limit);
        out
    }

    /// The reviews that may examine `claim`'s assertion, most probable first, duplicates
    /// kept once: the search's best [`CANDIDATES`], scored as pairs, those at
    /// [`pair::POSSIBLE`] or more, at most `limit`. Nothing for a claim that asserts
    /// nothing (a fragment, an unresolved pronoun).
    pub fn check(&self, claim: &Claim, text: &str, limit: usize) -> Vec<Checked<'_>> {
        if !claim.asserts {
            return Vec::new();
        }
        let mut out = self.scored(claim, self.search(text, CANDIDATES));
        out.retain(|c| c.level >= Level::Possible);
        out.sort_by(|a, b| {
            b.probability
                .total_cmp(&a.probability)
                .then(b.score.total_cmp(&a.score))
        });
        out.truncate(limit);
        out
    }

    /// What the window's "Checked before" and `claimdesk library check` show for a claim of
    /// a project: [`Library::check`] of its text, read with its kind and said by `speaker`
    /// (its speaker's name, if known), at most `limit`.
    pub fn check_claim(
        &self,
        claim: &crate::model::Claim,
        speaker: Option<&str>,
        limit: usize,
    ) -> Vec<Checked<'_>> {
        let facts = Claim::of(claim.statement(), Some(claim.kind)).spoken_by(speaker);
        let mut out = self.check(&facts, claim.statement(), CANDIDATES);
        out.truncate(limit);
        out
    }

    /// Every claim's matches as the window finds them ([`SHOWN`] of [`Library::check_claim`];
    /// claims marked Not a claim are not matched), for the "checked before" filter.
    pub fn checked_levels(&self, project: &crate::model::Project) -> crate::model::CheckedLevels {
        let mut levels = crate::model::CheckedLevels::default();
        for claim in project.claims.iter().filter(|c| c.status.is_claim()) {
            let speaker = claim.speaker.and_then(|id| project.speaker(id));
            let found = self.check_claim(claim, speaker.map(|s| s.name.as_str()), SHOWN);
            levels.set(
                claim.id,
                found
                    .iter()
                    .map(|c| (c.review.url.clone(), c.level))
                    .collect(),
            );
        }
        levels
    }

    /// The features of one pair and what it shares (for fitting the calibration:
    /// examples/fit_library_calibration.rs); `retrieval` is the search's score of `review`
    /// for the claim, 0 when it was not among the results.
    pub fn pair_features(
        &self,
        claim: &Claim,
        review: &Review,
        retrieval: f32,
    ) -> ([f32; pair::FEATURES], Shared) {
        pair::features(claim, review, retrieval, |t| self.index.idf(t))
    }

    /// Each match scored as a pair with `claim`, in the order given, duplicates dropped.
    fn scored<'a>(&'a self, claim: &Claim, found: Vec<Match<'a>>) -> Vec<Checked<'a>> {
        let mut seen = HashSet::new();
        found
            .into_iter()
            .filter(|m| seen.insert(duplicate_key(m.review)))
            .map(|m| {
                let (x, shared) = self.pair_features(claim, m.review, m.score);
                let probability = pair::probability(claim, &x);
                Checked {
                    review: m.review,
                    score: m.score,
                    probability,
                    level: Level::of(probability),
                    shared,
                }
            })
            .collect()
    }
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// One result as `library search` and `library check` print it.
#[derive(Serialize)]
pub(super) struct Found<'a> {
    claim_reviewed: &'a str,
    url: &'a str,
    rating: &'a str,
    author: &'a str,
    date: &'a str,
    score: f64,
    probability: f64,
    level: &'static str,
}

impl<'a> Found<'a> {
    pub(super) fn of(c: &Checked<'a>) -> Found<'a> {
        Found {
            claim_reviewed: &c.review.claim_reviewed,
            url: &c.review.url,
            rating: &c.review.rating,
            author: &c.review.author,
            date: &c.review.date,
            score: round3(c.score),
            probability: round3(c.probability),
            level: c.level.key(),
        }
    }
}

/// One line of `claimdesk library check` (docs/library.md): `{"claim_id", "article",
/// "claim", "matches": [{"url", "claim_reviewed", "score", "probability", "level",
/// "rating", "author", "date"}, …]}`, most probable first.
pub fn check_line(claim_id: u64, article: &str, claim: &str, matches: &[Checked<'_>]) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        claim_id: u64,
        article: &'a str,
        claim: &'a str,
        matches: Vec<Found<'a>>,
    }
    let line = Line {
        claim_id,
        article,
        claim,
        matches: matches.iter().map(Found::of).collect(),
    };
    serde_json::to_string(&line).unwrap_or_default()
}
