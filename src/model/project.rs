//! The project: every article, claim and speaker the analyst works with.

use serde::{Deserialize, Serialize};

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
}

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
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Project {
            name: name.into(),
            next_id: 1,
            ..Default::default()
        }
    }

    /// A fresh id for any entity; keeps `next_id` above every id in use.
    pub fn fresh_id(&mut self) -> u64 {
        let floor = self.max_id() + 1;
        if self.next_id < floor {
            self.next_id = floor;
        }
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Give every claim without a number (files from before numbers existed) the next
    /// numbers, in project order, and keep `next_number` above every number in use. The
    /// same file always gets the same numbers. Returns whether any claim was numbered.
    pub fn ensure_claim_numbers(&mut self) -> bool {
        let highest = self.claims.iter().map(|c| c.number).max().unwrap_or(0);
        self.next_number = self.next_number.max(highest + 1);
        let mut numbered = false;
        for i in 0..self.claims.len() {
            if self.claims[i].number == 0 {
                self.claims[i].number = self.next_number;
                self.next_number += 1;
                numbered = true;
            }
        }
        numbered
    }

    /// The number for a new claim. Callers number old claims first
    /// ([`Project::ensure_claim_numbers`]), so that a new claim never takes an old one's.
    pub fn fresh_number(&mut self) -> u64 {
        let n = self.next_number.max(1);
        self.next_number = n + 1;
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
        self.speakers
            .iter()
            .map(|s| crate::extract::FoundSpeaker {
                name: s.name.clone(),
                role: s.role.clone(),
                aliases: s.aliases.clone(),
                is_body: s.is_body,
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
    /// joining its speakers to the project's registry. Returns the new article's id.
    pub fn add_article(&mut self, mut article: Article, extraction: &Extraction) -> ArticleId {
        let id = ArticleId(self.fresh_id());
        article.id = id;
        self.articles.push(article);
        let claims = self.claims_from_extraction(id, extraction);
        self.claims.extend(claims);
        id
    }

    /// Turn an extraction of article `article` into project claims, adding or merging speakers.
    pub fn claims_from_extraction(&mut self, article: ArticleId, ex: &Extraction) -> Vec<Claim> {
        self.ensure_claim_numbers();
        let speaker_ids: Vec<SpeakerId> = ex
            .speakers
            .iter()
            .map(|found| self.merge_speaker(found))
            .collect();
        ex.claims
            .iter()
            .map(|c| Claim {
                id: ClaimId(self.fresh_id()),
                number: self.fresh_number(),
                article,
                content: c.content.clone(),
                start: c.start,
                end: c.end,
                kind: c.kind,
                cue: c.cue.clone(),
                mention: c.mention.clone(),
                mention_span: c.mention_span,
                speaker: c.speaker.and_then(|i| speaker_ids.get(i).copied()),
                status: Status::Unchecked,
                notes: String::new(),
                evidence: Vec::new(),
                history: Vec::new(),
                origin: ClaimOrigin::Extracted,
            })
            .collect()
    }

    /// The project speaker for an article's speaker: an existing one with the same name
    /// (or whose aliases include it), else a new one.
    fn merge_speaker(&mut self, found: &crate::extract::FoundSpeaker) -> SpeakerId {
        if let Some(id) = self.find_speaker(&found.name) {
            if let Some(s) = self.speakers.iter_mut().find(|s| s.id == id) {
                if s.role.is_none() {
                    s.role = found.role.clone();
                }
                for alias in &found.aliases {
                    if !s.aliases.iter().any(|a| a == alias) && *alias != s.name {
                        s.aliases.push(alias.clone());
                    }
                }
            }
            return id;
        }
        let id = SpeakerId(self.fresh_id());
        self.speakers.push(Speaker {
            id,
            name: found.name.clone(),
            role: found.role.clone(),
            aliases: found.aliases.clone(),
            is_body: found.is_body,
        });
        id
    }
}
