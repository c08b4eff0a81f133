//! A bare share of a poll's people ("73 percent said") completed from the share or poll
//! before it: see [`super::super::share`]. And a counted group ("Twenty-seven states")
//! that opens a sentence, for a later "they".

use super::super::Antecedent;
use super::super::lexicon as lex;
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

    /// "Twenty-seven states led by … are challenging": a sentence's subject `ws` that is
    /// a figure before a plural people or body noun (`next`, the word after it, in
    /// `rest`) is a counted group, which a later "they" may take. `span`: the figure's.
    /// True when the subject was such a group (remembered unless in a heading).
    pub(super) fn counted_group(
        &mut self,
        ws: &[&str],
        next: &str,
        heading: bool,
        (a, b): (usize, usize),
        rest: &str,
    ) -> bool {
        let group = next.trim_end_matches([',', ';', ':']);
        let lower = group.to_lowercase();
        let people =
            lex::is_body_head(&lower) || lower.strip_suffix('s').is_some_and(lex::is_role_head);
        if ws.len() != 1 || !share::is_figure(ws[0]) || !group.ends_with('s') || !people {
            return false;
        }
        if !heading {
            let end = b + rest.find(group).unwrap_or(0) + group.len();
            let name = format!("{} {group}", ws[0]);
            let c = Candidate::Named {
                name: name.clone(),
                gender: None,
                is_body: true,
            };
            self.touch(c, &name, Some((a, end)));
        }
        true
    }

    /// The speaker of the counted group at `recent[pos]`: a description (unresolved),
    /// not a name.
    pub(super) fn materialise_group(&mut self, pos: usize, name: String) -> usize {
        let id = self.create(name, None, true);
        self.speakers[id].unresolved = true;
        self.recent[pos].0 = Candidate::Speaker(id);
        id
    }
}
