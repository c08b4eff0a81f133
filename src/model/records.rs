//! Read-only views of a project that the window and the reports share: a speaker's record
//! (every claim of theirs across articles, with verdicts), status counts that leave out
//! what is not a claim, and the extraction filter for names dismissed as "not a speaker".

use std::collections::HashMap;

use super::{ArticleId, Claim, Project, Speaker, SpeakerId, Status};
use crate::extract::Extraction;

/// Claims by status, in [`Status::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusTally(pub [usize; Status::COUNT]);

impl StatusTally {
    pub fn add(&mut self, status: Status) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            self.0[i] += 1;
        }
    }

    pub fn get(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.0[i])
    }

    /// Every claim counted, Not a claim left out.
    pub fn claims(&self) -> usize {
        Status::ALL
            .iter()
            .filter(|s| s.is_claim())
            .map(|s| self.get(*s))
            .sum()
    }
}

/// One speaker's record: all their claims across the project's articles, in article
/// order then reading order, with the tally of verdicts. Claims marked Not a claim are
/// left out unless asked for.
#[derive(Debug, Clone)]
pub struct SpeakerRecord<'a> {
    pub speaker: &'a Speaker,
    pub claims: Vec<&'a Claim>,
    pub tally: StatusTally,
}

impl Project {
    /// The claims' statuses counted; [`StatusTally::claims`] leaves Not a claim out.
    pub fn status_tally(&self) -> StatusTally {
        let mut tally = StatusTally::default();
        for c in &self.claims {
            tally.add(c.status);
        }
        tally
    }

    /// The record of one speaker ([`SpeakerRecord`]); `None` if there is no such speaker.
    pub fn speaker_record(
        &self,
        speaker: SpeakerId,
        include_rejected: bool,
    ) -> Option<SpeakerRecord<'_>> {
        let speaker = self.speaker(speaker)?;
        let order = self.article_order();
        let mut claims: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.speaker == Some(speaker.id))
            .filter(|c| include_rejected || c.status.is_claim())
            .collect();
        claims.sort_by_key(|c| (order.get(&c.article).copied(), c.start, c.id));
        let mut tally = StatusTally::default();
        for c in &claims {
            tally.add(c.status);
        }
        Some(SpeakerRecord {
            speaker,
            claims,
            tally,
        })
    }

    /// Every speaker's record, in project order (speakers without claims included).
    pub fn speaker_records(&self, include_rejected: bool) -> Vec<SpeakerRecord<'_>> {
        self.speakers
            .iter()
            .filter_map(|s| self.speaker_record(s.id, include_rejected))
            .collect()
    }

    fn article_order(&self) -> HashMap<ArticleId, usize> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect()
    }

    /// Whether `name` was dismissed as "not a speaker" ([`Project::not_speakers`]).
    pub fn is_not_speaker(&self, name: &str) -> bool {
        let name = name.trim();
        self.not_speakers
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case(name))
    }

    /// `ex` without the speakers the analyst dismissed: their claims are kept, without a
    /// speaker. A speaker is dismissed when its name is one of [`Project::not_speakers`].
    pub fn without_not_speakers(&self, mut ex: Extraction) -> Extraction {
        if self.not_speakers.is_empty() {
            return ex;
        }
        let mut new_index = Vec::with_capacity(ex.speakers.len());
        let mut kept = Vec::with_capacity(ex.speakers.len());
        for s in std::mem::take(&mut ex.speakers) {
            if self.is_not_speaker(&s.name) {
                new_index.push(None);
            } else {
                new_index.push(Some(kept.len()));
                kept.push(s);
            }
        }
        ex.speakers = kept;
        for c in &mut ex.claims {
            c.speaker = c.speaker.and_then(|i| new_index.get(i).copied().flatten());
        }
        ex
    }
}
