//! A bare share of a poll's people ("73 percent said") completed from the share or poll
//! before it: see [`super::super::share`].

use super::super::Antecedent;
use super::super::mention;
use super::super::share;
use super::{Candidate, Registry};

impl Registry {
    /// "73 percent" → "73 percent of registered voters": the people of the share just
    /// before it (within a few sentences), or those a poll just cited asked; else no one.
    /// The link is the share (or poll) it was completed from.
    pub(super) fn by_share(&mut self, d: &str) -> Option<usize> {
        const REACH: usize = 3;
        let sentence = self.sentence;
        let (pos, group) = self
            .recent
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, (c, seen))| {
                if seen.sentence + REACH < sentence {
                    return None;
                }
                let name = match c {
                    Candidate::Speaker(id) => &self.speakers[*id].name,
                    Candidate::Named { name, .. } => name,
                };
                let poll =
                    || matches!(mention::head_of(name).as_str(), "poll" | "survey" | "polls");
                share::group_of(name)
                    .or_else(|| poll().then(|| "those polled".to_string()))
                    .map(|g| (i, g))
            })?;
        let name = share::complete(d, &group);
        let id = match self.by_name.get(&name.to_lowercase()) {
            Some(&id) => id,
            None => {
                let id = self.create(name, None, false);
                self.speakers[id].unresolved = true;
                id
            }
        };
        let seen = self.recent[pos].1.clone();
        self.link = Some(Antecedent {
            words: seen.words.clone(),
            span: seen.span,
            sentences_before: sentence.saturating_sub(seen.sentence),
        });
        // Not made recent: a share is no one a later "he" or "they" refers to.
        Some(id)
    }
}
