//! The project: every article, claim and speaker the analyst works with.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::speaker_index::{SpeakerIndex, name_like};
use super::{Article, ArticleId, Claim, ClaimId, ClaimOrigin, Speaker, SpeakerId, Status};
use crate::extract::Extraction;

/// Settings that travel with the project (used by exports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProjectSettings {
    /// The fact-checking organisation, ClaimReview's `author`.
    #[serde(default)]
    pub organisation: String,
    /// Address pattern of a published fact-check, e.g. `https://example.org/checks/{id}`.
    #[serde(default)]
    pub review_url_pattern: String,
    /// The score from which a check-worthy sentence no one is quoted saying becomes a
    /// statement (docs/worth.md); none: the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_threshold: Option<crate::extract::Score>,
    /// The claims table's columns as the analyst left them (`model::table_layout`); not
    /// written while the default.
    #[serde(default, skip_serializing_if = "super::TableLayout::is_default")]
    pub table_layout: super::TableLayout,
}

impl ProjectSettings {
    pub fn statement_threshold(&self) -> f32 {
        self.statement_threshold.map_or(
            crate::extract::STATEMENT_THRESHOLD,
            crate::extract::Score::get,
        )
    }
}

/// Keys of a project file that this claimdesk does not know (a newer version wrote them),
/// kept so that saving writes them back instead of dropping them. Each entry is a key and
/// its value as JSON text, exactly as read, in file order; per object of the file. The
/// project file code fills and writes these (`io::project_file`); nothing else reads them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnknownKeys {
    pub file: Vec<(String, String)>,
    pub project: Vec<(String, String)>,
    pub settings: Vec<(String, String)>,
    pub articles: HashMap<ArticleId, Vec<(String, String)>>,
    pub speakers: HashMap<SpeakerId, Vec<(String, String)>>,
    pub claims: HashMap<ClaimId, Vec<(String, String)>>,
}

/// Every id of a project has been used: `u64::MAX` is never given out, so that `next_id`
/// always stays above every id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdsExhausted;

impl std::fmt::Display for IdsExhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the project has no ids left (its ids reach {}); nothing was added",
            u64::MAX - 1
        )
    }
}

impl std::error::Error for IdsExhausted {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Project {
    pub name: String,
    #[serde(default)]
    pub settings: ProjectSettings,
    pub articles: Vec<Article>,
    pub speakers: Vec<Speaker>,
    pub claims: Vec<Claim>,
    /// Next free id; ids are never reused so that undo and history stay unambiguous.
    #[serde(default)]
    pub next_id: u64,
    /// Next free claim number ("#17"); numbers are never reused either.
    #[serde(default, skip_serializing_if = "super::claim::is_zero")]
    pub next_number: u64,
    /// The analyst's memo about the whole project (private).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    /// Names claims can be assigned to, remembered for the next assignment, in the order
    /// they were first used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignees: Vec<String>,
    /// Names the analyst dismissed as "not a speaker": extraction never makes them a
    /// speaker again (compared case-insensitively).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_speakers: Vec<String>,
    /// The feeds the project follows and what came of them (`model::feeds`).
    #[serde(default, skip_serializing_if = "super::feeds::FeedWatch::is_empty")]
    pub feeds: super::feeds::FeedWatch,
    /// The analyst's saved filters ("views"), in the order saved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<super::NamedView>,
    /// Keys of the file this version does not know, written back on save.
    #[serde(skip)]
    pub unknown: UnknownKeys,
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Project {
            name: name.into(),
            next_id: 1,
            ..Default::default()
        }
    }

    /// A fresh id for any entity; keeps `next_id` above every id in use. Fails, changing
    /// nothing, when the ids are used up.
    pub fn fresh_id(&mut self) -> Result<u64, IdsExhausted> {
        let id = self.first_free_id()?;
        self.next_id = id.checked_add(1).ok_or(IdsExhausted)?;
        Ok(id)
    }

    /// How many fresh ids can still be given out.
    pub fn ids_left(&self) -> u64 {
        self.first_free_id().map_or(0, |id| u64::MAX - id)
    }

    /// Fails unless `n` more fresh ids can be given out: call before a change that takes
    /// several, so that it is refused whole rather than stopped half-way.
    pub fn ensure_ids(&self, n: usize) -> Result<(), IdsExhausted> {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        if self.ids_left() >= n {
            Ok(())
        } else {
            Err(IdsExhausted)
        }
    }

    fn first_free_id(&self) -> Result<u64, IdsExhausted> {
        let floor = self.max_id().checked_add(1).ok_or(IdsExhausted)?;
        let id = self.next_id.max(floor);
        if id == u64::MAX {
            return Err(IdsExhausted);
        }
        Ok(id)
    }

    /// Give every claim without a number (files from before numbers existed) the next
    /// numbers, in project order, and keep `next_number` above every number in use. The
    /// same file always gets the same numbers. Returns whether any claim was numbered.
    pub fn ensure_claim_numbers(&mut self) -> bool {
        let highest = self.claims.iter().map(|c| c.number).max().unwrap_or(0);
        // Numbers come from files and may be anything: saturate, never wrap.
        self.next_number = self.next_number.max(highest.saturating_add(1));
        let mut numbered = false;
        for i in 0..self.claims.len() {
            if self.claims[i].number == 0 {
                self.claims[i].number = self.next_number;
                self.next_number = self.next_number.saturating_add(1);
                numbered = true;
            }
        }
        numbered
    }

    /// The number for a new claim. Callers number old claims first
    /// ([`Project::ensure_claim_numbers`]), so that a new claim never takes an old one's.
    pub fn fresh_number(&mut self) -> u64 {
        let n = self.next_number.max(1);
        self.next_number = n.saturating_add(1);
        n
    }

    /// The article already in the project with the same bytes (SHA-256) as `article`:
    /// the window and `claimdesk import` both refuse to add it twice.
    pub fn duplicate_of(&self, article: &Article) -> Option<&Article> {
        let sha = article.sha256.as_deref()?;
        self.articles
            .iter()
            .find(|a| a.sha256.as_deref() == Some(sha))
    }

    fn max_id(&self) -> u64 {
        let a = self.articles.iter().map(|a| a.id.0);
        let s = self.speakers.iter().map(|s| s.id.0);
        let c = self.claims.iter().map(|c| c.id.0);
        a.chain(s).chain(c).max().unwrap_or(0)
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn claim_mut(&mut self, id: ClaimId) -> Option<&mut Claim> {
        self.claims.iter_mut().find(|c| c.id == id)
    }

    /// The project's speakers as the extractor knows them, so that a new article's
    /// mentions resolve to people the project already has.
    pub fn known_speakers(&self) -> Vec<crate::extract::FoundSpeaker> {
        // A description standing for someone unnamed ("a senior official") is nobody in
        // another article: handed back, it would become a new speaker each time.
        self.speakers
            .iter()
            .filter(|s| !s.unresolved)
            .map(|s| crate::extract::FoundSpeaker {
                name: s.name.clone(),
                role: s.role.clone(),
                aliases: s.aliases.clone(),
                is_body: s.is_body,
                unresolved: s.unresolved,
            })
            .collect()
    }

    /// The project speaker a name refers to: same canonical name, or a matching alias
    /// ("Kirby" in one article is "John Kirby" of another), case-insensitively.
    pub fn find_speaker(&self, name: &str) -> Option<SpeakerId> {
        let name = name.trim();
        self.speakers
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
            .or_else(|| {
                self.speakers
                    .iter()
                    .find(|s| s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
            })
            .map(|s| s.id)
    }

    /// Add an article (its id is assigned here) with the claims the extractor found in it,
    /// joining its speakers to the project's registry. Returns the new article's id. When
    /// the project has not enough ids left, nothing is added.
    pub fn add_article(
        &mut self,
        article: Article,
        extraction: &Extraction,
    ) -> Result<ArticleId, IdsExhausted> {
        self.add_extracted_article(article, extraction.clone())
    }

    /// [`Project::add_article`] taking the extraction by value: its strings move into the
    /// project's claims instead of being copied (a large article's claims are not held
    /// twice while they are added).
    pub fn add_extracted_article(
        &mut self,
        mut article: Article,
        extraction: Extraction,
    ) -> Result<ArticleId, IdsExhausted> {
        self.ensure_ids(1 + Self::ids_needed(&extraction))?;
        let id = ArticleId(self.fresh_id()?);
        article.id = id;
        self.articles.push(article);
        let extraction = self.without_not_speakers(extraction);
        let ExtractionPlan {
            speakers,
            first_id,
            first_number,
        } = self.plan(id, &extraction)?;
        // Pushed straight into the project's list: a large article's claims are never held
        // in a second list that is then copied.
        push_claims(
            &mut self.claims,
            id,
            extraction.claims,
            &speakers,
            first_id,
            first_number,
        );
        Ok(id)
    }

    /// At most how many ids turning `ex` into claims takes (a claim each, a speaker each).
    pub fn ids_needed(ex: &Extraction) -> usize {
        ex.claims.len().saturating_add(ex.speakers.len())
    }

    /// Turn an extraction of article `article` into project claims, adding or merging
    /// speakers. When the project has not enough ids left, nothing changes.
    pub fn claims_from_extraction(
        &mut self,
        article: ArticleId,
        ex: &Extraction,
    ) -> Result<Vec<Claim>, IdsExhausted> {
        self.claims_from(article, self.without_not_speakers(ex.clone()))
    }

    fn claims_from(
        &mut self,
        article: ArticleId,
        ex: Extraction,
    ) -> Result<Vec<Claim>, IdsExhausted> {
        let plan = self.plan(article, &ex)?;
        let mut claims = Vec::new();
        push_claims(
            &mut claims,
            article,
            ex.claims,
            &plan.speakers,
            plan.first_id,
            plan.first_number,
        );
        Ok(claims)
    }

    /// Merge `ex`'s speakers into the registry and reserve a block of ids and numbers for
    /// its claims, once: giving them out one by one would scan the project for each claim.
    /// When the project has not enough ids left, nothing changes.
    fn plan(
        &mut self,
        article: ArticleId,
        ex: &Extraction,
    ) -> Result<ExtractionPlan, IdsExhausted> {
        self.ensure_ids(Self::ids_needed(ex))?;
        self.ensure_claim_numbers();
        let mut index = SpeakerIndex::new(&self.speakers);
        let speakers: Vec<SpeakerId> = ex
            .speakers
            .iter()
            .map(|found| self.merge_speaker(&mut index, article, found))
            .collect::<Result<_, _>>()?;
        let count = u64::try_from(ex.claims.len()).map_err(|_| IdsExhausted)?;
        let first_id = self.first_free_id()?;
        self.next_id = first_id.checked_add(count).ok_or(IdsExhausted)?;
        let first_number = self.next_number.max(1);
        self.next_number = first_number.saturating_add(count);
        Ok(ExtractionPlan {
            speakers,
            first_id,
            first_number,
        })
    }

    /// The project speaker for an article's speaker: an existing one that is the same
    /// person or body (see [`same_identity`]), else a new one. A description the article
    /// tied to no one ("a senior official") is always new.
    fn merge_speaker(
        &mut self,
        index: &mut SpeakerIndex,
        article: ArticleId,
        found: &crate::extract::FoundSpeaker,
    ) -> Result<SpeakerId, IdsExhausted> {
        // Merged by hand into a speaker: back to it (a description, in its article only).
        let by_hand = index.hand_merged(&found.name).iter().find(|&&i| {
            self.speakers[i].hand_merged.iter().any(|m| {
                m.name.eq_ignore_ascii_case(&found.name)
                    && m.article.is_none_or(|a| a == article)
                    && (m.article.is_some() == found.unresolved)
            })
        });
        if let Some(&i) = by_hand {
            return Ok(self.speakers[i].id);
        }
        // The known speakers an extraction hands back keep their exact names: found
        // first, without looking through every alias of the project.
        let exact =
            |s: &Speaker| s.name == found.name && s.is_body == found.is_body && !s.unresolved;
        // "Roe" of a new article is no one's short form when two people of the project
        // are called so.
        let one_word = !found.is_body && !found.name.trim().contains(' ');
        let surname_shared = one_word && index.surname_count(found.name.trim()) >= 2;
        let existing = (!found.unresolved)
            .then(|| {
                let speakers = &self.speakers;
                let exact = index
                    .named(&found.name)
                    .iter()
                    .copied()
                    .find(|&i| exact(&speakers[i]));
                exact.or_else(|| {
                    (!surname_shared)
                        .then(|| {
                            index
                                .candidates(&found.name, &found.aliases)
                                .into_iter()
                                .find(|&i| same_identity(&speakers[i], found))
                        })
                        .flatten()
                })
            })
            .flatten();
        if let Some(i) = existing {
            let s = &mut self.speakers[i];
            if s.role.is_none() {
                s.role = found.role.clone();
            }
            for alias in &found.aliases {
                let removed = s.removed_aliases.iter().any(|a| a == alias);
                if !removed && !s.aliases.iter().any(|a| a == alias) && *alias != s.name {
                    s.aliases.push(alias.clone());
                    index.add_alias(i, alias);
                }
            }
            return Ok(s.id);
        }
        let id = SpeakerId(self.fresh_id()?);
        self.speakers.push(Speaker {
            id,
            name: found.name.clone(),
            role: found.role.clone(),
            aliases: found.aliases.clone(),
            is_body: found.is_body,
            unresolved: found.unresolved,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        });
        let at = self.speakers.len() - 1;
        index.add(at, &self.speakers[at]);
        Ok(id)
    }
}

/// Whether an article's speaker is a project speaker: not a description standing for
/// someone unnamed; a person only with a person and a body only with a body; the same
/// name, or one of them named by the other's alias, case-insensitively. A pronoun or a
/// lowercase description among the aliases ties nothing.
pub fn same_identity(s: &Speaker, found: &crate::extract::FoundSpeaker) -> bool {
    if s.unresolved || found.unresolved || s.is_body != found.is_body {
        return false;
    }
    // Split off or removed by the analyst: that name is someone else now.
    if s.removed_aliases
        .iter()
        .any(|a| a.eq_ignore_ascii_case(&found.name))
    {
        return false;
    }
    let name_like = |a: &String| name_like(a);
    let eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if eq(&s.name, &found.name) {
        return true;
    }
    // A full name on both sides: the names decide ("Ivana Roe" is not "Donald Roe", even
    // where each article called its own one "Roe").
    let full = |n: &str| n.split_whitespace().count() >= 2;
    if !s.is_body && full(&s.name) && full(&found.name) {
        return false;
    }
    s.aliases
        .iter()
        .filter(|a| name_like(a))
        .any(|a| eq(a, &found.name))
        || found
            .aliases
            .iter()
            .filter(|a| name_like(a))
            .any(|a| eq(a, &s.name))
}

/// What [`Project::plan`] reserved for an extraction's claims.
struct ExtractionPlan {
    /// The project speaker of each of the extraction's speakers, by index.
    speakers: Vec<SpeakerId>,
    first_id: u64,
    first_number: u64,
}

/// Append an extraction's claims to `out`, numbered from the reserved blocks.
fn push_claims(
    out: &mut Vec<Claim>,
    article: ArticleId,
    found: Vec<crate::extract::FoundClaim>,
    speakers: &[SpeakerId],
    first_id: u64,
    first_number: u64,
) {
    let mut found = found;
    let base = out.len();
    out.reserve_exact(found.len());
    // Taken from the end, the extractor's list shrinking as it empties: a large article's
    // two lists are never both whole in memory. Reversed into text order at the end.
    let mut taken = 0usize;
    while let Some(c) = found.pop() {
        let i = found.len() as u64;
        taken += 1;
        if taken.is_multiple_of(16_384) {
            found.shrink_to_fit();
        }
        out.push(Claim {
            id: ClaimId(first_id + i),
            number: first_number.saturating_add(i),
            article,
            content: c.content,
            start: c.start,
            end: c.end,
            kind: c.kind,
            cue: c.cue,
            mention: c.mention,
            mention_span: c.mention_span,
            speaker: c.speaker.and_then(|i| speakers.get(i).copied()),
            antecedent: c.antecedent,
            status: Status::Unchecked,
            notes: String::new(),
            evidence: Vec::new(),
            history: Vec::new(),
            origin: ClaimOrigin::Extracted,
            rationale: String::new(),
            assignee: None,
            priority: Default::default(),
            in_progress: false,
            published: None,
            tags: Vec::new(),
            worth: Some(c.worth),
            claim_type: Some(c.claim_type),
            match_verdicts: Vec::new(),
        });
    }
    out[base..].reverse();
}
