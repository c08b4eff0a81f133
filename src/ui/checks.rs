//! "Checked before?" in the window: the claim library the analyst chose, the matches of
//! each claim (found off the UI thread by `jobs`, kept per claim and per content, with their
//! levels for the table's "checked before" filter), the analyst's word on them applied when
//! read (a rejected match is not shown, a confirmed one first), the groups of
//! near-identical claims across articles, and what File → Claim library… shows.
//! Data only: the views read it (`details/checked.rs`, `claims_table.rs`,
//! `library_window.rs`), the dispatcher changes it.
//!
//! How strong a match is comes from the library's pair scorer (`io::library::pair`): the
//! probability, calibrated on news claims judged by hand, that the review examines the
//! claim's assertion; strong at 0.8, possible at 0.4, not shown under it. A fragment or a
//! claim whose subject is an unresolved pronoun is not matched (docs/library.md, "Is it
//! the same claim?").

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use crate::io::library::pair::{Claim as Asserted, Shared};
use crate::io::library::{AddReport, Checked, Level, Library};
use crate::model::rating::status_for_rating;
use crate::model::{
    CheckedLevels, Claim, ClaimId, ClaimKind, Evidence, Project, SpeakerId, Status,
};

/// How many matches a claim's details show.
pub use crate::io::library::check::SHOWN;
/// Claims a matching job searches before it reports (so the table fills as it goes).
pub const MATCH_CHUNK: usize = 64;
/// Reviews File → Claim library… lists at a time.
pub const BROWSE_PAGE: usize = 50;

/// An earlier fact-check found for a claim, owned (the library may be replaced).
#[derive(Debug, Clone, PartialEq)]
pub struct FoundMatch {
    pub claim_reviewed: String,
    pub title: String,
    pub url: String,
    pub rating: String,
    pub author: String,
    pub date: String,
    pub score: f32,
    /// The probability that the review examines the claim's assertion (docs/library.md).
    pub probability: f32,
    pub level: Level,
    /// Names, words and numbers the claim and the review share: why it matched.
    pub shared: Shared,
}

impl FoundMatch {
    pub fn of(m: &Checked<'_>) -> FoundMatch {
        let r = m.review;
        FoundMatch {
            claim_reviewed: r.claim_reviewed.clone(),
            title: r.title.clone(),
            url: r.url.clone(),
            rating: r.rating.clone(),
            author: r.author.clone(),
            date: r.date.clone(),
            score: m.score,
            probability: m.probability,
            level: m.level,
            shared: m.shared.clone(),
        }
    }

    pub fn is_strong(&self) -> bool {
        self.level == Level::Strong
    }

    /// The claimdesk verdict the review's rating means, if it clearly means one.
    pub fn status(&self) -> Option<Status> {
        status_for_rating(&self.rating)
    }

    /// The review as evidence: its address, and "outlet · date · rating: claim".
    pub fn evidence(&self) -> Evidence {
        let facts: Vec<&str> = [&self.author, &self.date, &self.rating]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let claim = if self.claim_reviewed.trim().is_empty() {
            self.title.trim()
        } else {
            self.claim_reviewed.trim()
        };
        let mut description = format!("Checked before: {}", facts.join(" · "));
        if !claim.is_empty() {
            description.push_str(&format!(": {claim}"));
        }
        Evidence {
            url: self.url.clone(),
            description,
        }
    }
}

/// A claim as matched: its words and its speaker's name (the matcher reads who says it);
/// the same key, the same matches. A renamed speaker changes the key of its claims.
pub fn content_key(content: &str, speaker: Option<(SpeakerId, &str)>) -> u64 {
    let mut h = DefaultHasher::new();
    content.trim().hash(&mut h);
    speaker.hash(&mut h);
    h.finish()
}

/// One claim for a matching job.
#[derive(Debug, Clone)]
pub struct ToMatch {
    pub claim: ClaimId,
    pub key: u64,
    pub content: String,
    pub kind: ClaimKind,
    /// Its speaker's name, if known (the matcher reads who says it).
    pub speaker: Option<String>,
}

/// What a matching job found for one claim.
#[derive(Debug, Clone)]
pub struct Matched {
    pub claim: ClaimId,
    pub key: u64,
    pub matches: Vec<FoundMatch>,
}

/// Check each claim in `library`: the [`SHOWN`] most probable possible or strong matches
/// ([`Library::check`], as `claimdesk library check` prints them).
pub fn match_claims(library: &Library, claims: &[ToMatch]) -> Vec<Matched> {
    claims
        .iter()
        .map(|c| Matched {
            claim: c.claim,
            key: c.key,
            matches: library
                .check(
                    &Asserted::of(&c.content, Some(c.kind)).spoken_by(c.speaker.as_deref()),
                    &c.content,
                    SHOWN,
                )
                .iter()
                .map(FoundMatch::of)
                .collect(),
        })
        .collect()
}

/// The list in File → Claim library…: the reviews matching `query`, or (no query) the
/// latest added.
pub fn browse(library: &Library, query: &str) -> Vec<FoundMatch> {
    if query.trim().is_empty() {
        library
            .reviews()
            .iter()
            .rev()
            .take(BROWSE_PAGE)
            .map(|review| {
                FoundMatch::of(&Checked {
                    review,
                    score: 0.0,
                    probability: 0.0,
                    level: Level::None,
                    shared: Shared::default(),
                })
            })
            .collect()
    } else {
        library
            .search_scored(query, BROWSE_PAGE)
            .iter()
            .map(FoundMatch::of)
            .collect()
    }
}

/// What File → Claim library… shows and where it stands.
#[derive(Default)]
pub struct LibraryWindow {
    pub open: bool,
    /// The folder as typed.
    pub folder: String,
    /// Files to add, one path a line (when no file dialog can be shown).
    pub paths: String,
    /// The search in the list, and what was found for which search.
    pub query: String,
    pub rows: Vec<FoundMatch>,
    pub rows_for: Option<(u64, String)>,
    /// What the last add did, one line, and the files it could not read (one line each).
    pub report: Option<String>,
    pub failed: Vec<String>,
}

/// The library and every claim's matches.
#[derive(Default)]
pub struct Checks {
    /// The library folder chosen (remembered across runs).
    pub dir: Option<PathBuf>,
    /// The library read from it; `None` while opening, or when the folder has none yet.
    pub library: Option<Arc<Library>>,
    pub opening: bool,
    pub adding: bool,
    /// Why the library could not be opened or added to (one line naming the folder).
    pub error: Option<String>,
    /// Counts the libraries loaded: matches of an older one are dropped.
    pub generation: u64,
    /// A matching job is running.
    pub matching: bool,
    matches: HashMap<ClaimId, (u64, Vec<FoundMatch>)>,
    /// Each claim's matches as (review, level), for the table's "checked before" filter.
    pub levels: CheckedLevels,
    /// The project revision and library generation last looked through for claims to match.
    looked: Option<(u64, u64)>,
    /// The claims' words ([`words_digest`]) and the library generation of that look: an
    /// edit that changed no claim's words (a verdict) looks at nothing again.
    looked_words: Option<(u64, u64)>,
    /// Each speaker's name at that look (a claim's key holds its speaker's name).
    speaker_names: HashMap<SpeakerId, String>,
    groups: Groups,
    /// Counts the projects shown: groups found for an earlier one are dropped.
    epoch: u64,
    pub window: LibraryWindow,
}

impl Checks {
    /// A library was read (or the folder has none yet: `None`). Every claim is matched again.
    pub fn loaded(&mut self, dir: PathBuf, library: Option<Arc<Library>>) {
        self.dir = Some(dir);
        self.library = library;
        self.opening = false;
        self.error = None;
        self.generation += 1;
        self.matches.clear();
        self.levels.clear();
        self.looked = None;
        self.window.rows_for = None;
    }

    /// Reviews in the library (0 when none is open).
    pub fn len(&self) -> usize {
        self.library.as_ref().map_or(0, |l| l.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new project is shown: its claims are other claims (and its revisions count anew).
    pub fn forget_project(&mut self) {
        self.matches.clear();
        self.levels.clear();
        self.looked = None;
        self.looked_words = None;
        self.groups = Groups::default();
        self.epoch += 1;
    }

    /// The claims whose matches are missing or were found for other words, once per
    /// project revision and library; `None` when there is nothing to do or a job runs.
    pub fn to_match(&mut self, project: &Project, revision: u64) -> Option<Vec<ToMatch>> {
        let library = self.library.as_ref()?;
        if self.matching || library.is_empty() || self.looked == Some((revision, self.generation)) {
            return None;
        }
        self.looked = Some((revision, self.generation));
        let words = (words_digest(project), self.generation);
        if self.looked_words == Some(words) {
            return None;
        }
        self.looked_words = Some(words);
        self.speaker_names = project
            .speakers
            .iter()
            .map(|s| (s.id, s.name.clone()))
            .collect();
        let ids: HashSet<ClaimId> = project.claims.iter().map(|c| c.id).collect();
        self.matches.retain(|id, _| ids.contains(id));
        let todo: Vec<ToMatch> = project
            .claims
            .iter()
            .filter(|c| c.status.is_claim())
            .filter_map(|c| {
                let key = self.key_of(c);
                let known = self.matches.get(&c.id).is_some_and(|(k, _)| *k == key);
                (!known).then(|| ToMatch {
                    claim: c.id,
                    key,
                    content: c.statement().to_string(),
                    kind: c.kind,
                    speaker: self.speaker_of(c).map(|(_, name)| name.to_owned()),
                })
            })
            .collect();
        if todo.is_empty() {
            return None;
        }
        self.matching = true;
        Some(todo)
    }

    /// A matching job reported (`done`: its last report).
    pub fn matched(&mut self, generation: u64, found: Vec<Matched>, done: bool) {
        if generation == self.generation {
            for m in found {
                let levels = m.matches.iter().map(|f| (f.url.clone(), f.level));
                self.levels.set(m.claim, levels.collect());
                self.matches.insert(m.claim, (m.key, m.matches));
            }
        }
        if done {
            self.matching = false;
            // Edits made while it ran are looked at again.
            self.looked = None;
        }
    }

    /// The matches of `claim` as its words are now, best first; `None` while not known.
    pub fn matches_of(&self, claim: &Claim) -> Option<&[FoundMatch]> {
        let (key, found) = self.matches.get(&claim.id)?;
        (*key == self.key_of(claim)).then_some(found.as_slice())
    }

    /// `claim`'s speaker and its name as last looked at (see `to_match`).
    fn speaker_of(&self, claim: &Claim) -> Option<(SpeakerId, &str)> {
        let id = claim.speaker?;
        let name = self.speaker_names.get(&id).map_or("", String::as_str);
        Some((id, name))
    }

    /// `claim`'s key as its words, its speaker and that speaker's name are now.
    fn key_of(&self, claim: &Claim) -> u64 {
        content_key(&claim.content, self.speaker_of(claim))
    }

    /// The matches of `claim` the window shows, as its words are now: those the analyst
    /// rejected left out, those confirmed first, then the most probable; `None` while not
    /// known.
    pub fn shown(&self, claim: &Claim) -> Option<Vec<&FoundMatch>> {
        let mut shown: Vec<&FoundMatch> = self.matches_of(claim)?.iter().collect();
        claim.as_judged(&mut shown, |m| &m.url);
        Some(shown)
    }

    /// The best match of `claim` the window shows, if it has one.
    pub fn best(&self, claim: &Claim) -> Option<&FoundMatch> {
        // As `shown`'s first, without a list (the table asks for every row it draws).
        let found = self.matches_of(claim)?;
        let verdict = |m: &&FoundMatch| claim.match_verdict(&m.url).map(|v| v.confirmed);
        found
            .iter()
            .find(|m| verdict(m) == Some(true))
            .or_else(|| found.iter().find(|m| verdict(m).is_none()))
    }

    /// Whether the best match of `claim` is strong or confirmed (the table's mark).
    pub fn has_strong_match(&self, claim: &Claim) -> bool {
        self.best(claim)
            .is_some_and(|m| m.is_strong() || claim.match_verdict(&m.url).is_some())
    }

    /// The claims to group again, when the groups are not of `revision` and no grouping
    /// job runs; `epoch` goes with the job (see [`Checks::grouped`]).
    pub fn to_group(&mut self, project: &Project, revision: u64) -> Option<(u64, GroupInput)> {
        let g = &mut self.groups;
        if g.revision == Some(revision) || g.pending.is_some() {
            return None;
        }
        // A verdict, a note, a priority: the same words in the same articles, the same groups.
        let words = words_digest(project);
        if g.revision.is_some() && g.words == Some(words) {
            g.revision = Some(revision);
            return None;
        }
        g.words = Some(words);
        g.pending = Some(revision);
        let claims = project
            .claims
            .iter()
            .map(|c| (c.id, c.article, c.statement().to_string()))
            .collect();
        Some((self.epoch, claims))
    }

    /// A grouping job reported the groups of the project at `revision`.
    pub fn grouped(&mut self, epoch: u64, revision: u64, groups: Vec<Vec<ClaimId>>) {
        if epoch != self.epoch {
            return; // of a project no longer shown
        }
        let g = &mut self.groups;
        g.pending = None;
        g.revision = Some(revision);
        g.by_claim = groups
            .into_iter()
            .map(Arc::new)
            .flat_map(|group| {
                let ids: Vec<ClaimId> = group.to_vec();
                ids.into_iter().map(move |id| (id, Arc::clone(&group)))
            })
            .collect();
    }

    /// The claims near-identical to `claim` in other articles, with `claim` itself, in
    /// project order; `None` when it is in no group.
    pub fn group_of(&self, claim: ClaimId) -> Option<&[ClaimId]> {
        self.groups.of(claim)
    }

    /// A report for the window after an add.
    pub fn added(&mut self, report: &AddReport) {
        let mut line = format!(
            "Added {} review{}, updated {}, {} already there; {} in the library",
            report.added,
            if report.added == 1 { "" } else { "s" },
            report.updated,
            report.unchanged,
            report.total
        );
        if report.skipped > 0 {
            line.push_str(&format!(
                "; {} passed over (no address or no claim)",
                report.skipped
            ));
        }
        self.window.report = Some(line);
        self.window.failed = report.failed.clone();
    }
}

/// Groups of near-identical claims across articles (`model::similar`), by claim. They are
/// found off the UI thread (a project of thousands of claims takes a while, and every
/// edit, each article added by an import among them, changes them).
#[derive(Default)]
struct Groups {
    /// The project revision the groups are of, and the one being found.
    revision: Option<u64>,
    pending: Option<u64>,
    /// The claims' words ([`words_digest`]) the groups are (being) found for.
    words: Option<u64>,
    by_claim: HashMap<ClaimId, Arc<Vec<ClaimId>>>,
}

/// A digest of what matching and grouping read of the claims: each one's id, article,
/// words, speaker and whether it is a claim (Not a claim is not matched). Reading it is one pass
/// over the claims' words, far cheaper than matching or grouping them again.
fn words_digest(project: &Project) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in &project.claims {
        (c.id, c.article, c.status.is_claim()).hash(&mut h);
        c.content.hash(&mut h);
        c.speaker.hash(&mut h);
    }
    // A renamed speaker: its claims are matched again (the matcher reads the name).
    for s in &project.speakers {
        (s.id, &s.name).hash(&mut h);
    }
    h.finish()
}

/// The claims a grouping job compares: (claim, article, words), in project order.
pub type GroupInput = Vec<(ClaimId, crate::model::ArticleId, String)>;

/// The groups of `claims` (for the grouping job).
pub fn find_groups(claims: &GroupInput) -> Vec<Vec<ClaimId>> {
    crate::model::similar::near_identical(claims.iter().map(|(c, a, t)| (*c, *a, t.as_str())))
}

impl Groups {
    fn of(&self, claim: ClaimId) -> Option<&[ClaimId]> {
        self.by_claim.get(&claim).map(|g| g.as_slice())
    }
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
