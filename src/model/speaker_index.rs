//! The project's speakers by name, for merging an article's speakers into them
//! ([`super::Project`]'s plan): who might be the same person or body is looked up, not
//! searched for through every speaker, so that an article with thousands of speakers
//! joins a project with thousands in time proportional to their number, not its square.
//!
//! Keys are ASCII lower case, as [`super::same_identity`] compares names. Each list holds
//! positions in the project's speaker list in ascending order, so "the first speaker that
//! …" is the same as a scan of the whole list would find.

use std::collections::HashMap;

use super::Speaker;

#[derive(Default)]
pub(super) struct SpeakerIndex {
    /// A speaker's name → the speakers of that name.
    names: HashMap<String, Vec<usize>>,
    /// An alias that looks like a name → the speakers carrying it.
    aliases: HashMap<String, Vec<usize>>,
    /// The last word of a person's name → how many people have it.
    surnames: HashMap<String, usize>,
    /// A name merged by hand → the speakers it was merged into.
    hand: HashMap<String, Vec<usize>>,
}

/// An alias that can tie two articles' speakers: every word capitalised (a pronoun or a
/// lowercase description ties nothing).
pub(super) fn name_like(alias: &str) -> bool {
    alias
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn key(s: &str) -> String {
    s.to_ascii_lowercase()
}

fn push(map: &mut HashMap<String, Vec<usize>>, k: String, at: usize) {
    let list = map.entry(k).or_default();
    if !list.contains(&at) {
        list.push(at);
        list.sort_unstable();
    }
}

impl SpeakerIndex {
    pub(super) fn new(speakers: &[Speaker]) -> Self {
        let mut index = SpeakerIndex::default();
        for (at, s) in speakers.iter().enumerate() {
            index.add(at, s);
        }
        index
    }

    /// Speaker `at` joined the list (or was found again): index its name and aliases.
    pub(super) fn add(&mut self, at: usize, s: &Speaker) {
        push(&mut self.names, key(&s.name), at);
        for alias in s.aliases.iter().filter(|a| name_like(a)) {
            push(&mut self.aliases, key(alias), at);
        }
        for m in &s.hand_merged {
            push(&mut self.hand, key(&m.name), at);
        }
        if !s.is_body
            && let Some(last) = s.name.split_whitespace().last()
        {
            *self.surnames.entry(key(last)).or_default() += 1;
        }
    }

    /// Speaker `at` was given a new alias.
    pub(super) fn add_alias(&mut self, at: usize, alias: &str) {
        if name_like(alias) {
            push(&mut self.aliases, key(alias), at);
        }
    }

    /// The speakers a hand merge of `name` went into.
    pub(super) fn hand_merged(&self, name: &str) -> &[usize] {
        self.hand.get(&key(name)).map_or(&[], Vec::as_slice)
    }

    /// The speakers named `name`, whatever the case.
    pub(super) fn named(&self, name: &str) -> &[usize] {
        self.names.get(&key(name)).map_or(&[], Vec::as_slice)
    }

    /// How many people have `word` as the last word of their name.
    pub(super) fn surname_count(&self, word: &str) -> usize {
        self.surnames.get(&key(word)).copied().unwrap_or(0)
    }

    /// Every speaker that [`super::same_identity`] could join to a speaker called `name`
    /// with `aliases`, in list order: the same name, an alias of theirs that is `name`, or
    /// a name that is one of `aliases`.
    pub(super) fn candidates(&self, name: &str, aliases: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = self.named(name).to_vec();
        out.extend(self.aliases.get(&key(name)).into_iter().flatten());
        for alias in aliases.iter().filter(|a| name_like(a)) {
            out.extend(self.named(alias));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::SpeakerId;
    use super::super::project::same_identity;
    use super::*;
    use crate::extract::FoundSpeaker;

    fn speaker(id: u64, name: &str, aliases: &[&str], is_body: bool) -> Speaker {
        Speaker {
            id: SpeakerId(id),
            name: name.into(),
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            is_body,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        }
    }

    fn found(name: &str, aliases: &[&str], is_body: bool) -> FoundSpeaker {
        FoundSpeaker {
            name: name.into(),
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            is_body,
            unresolved: false,
        }
    }

    #[test]
    fn the_index_finds_every_speaker_a_scan_would_join() {
        let speakers = vec![
            speaker(1, "Jane Roe", &["Roe", "the senator"], false),
            speaker(2, "Roe", &[], false),
            speaker(3, "ACME Corp", &["ACME"], true),
            speaker(4, "jane roe", &[], false),
            speaker(5, "John Doe", &["Doe", "Mr. Doe"], false),
            speaker(6, "Acme", &[], true),
        ];
        let index = SpeakerIndex::new(&speakers);
        let asked = [
            found("Roe", &[], false),
            found("Jane Roe", &["Ms. Roe"], false),
            found("Mr. Doe", &[], false),
            found("Doe", &["John Doe"], false),
            found("acme", &[], true),
            found("ACME", &["ACME Corp"], true),
            found("Richard Roe", &["Roe"], false),
            found("the senator", &[], false),
            found("Nobody", &["Jane Roe"], false),
        ];
        for f in &asked {
            let scan: Vec<usize> = (0..speakers.len())
                .filter(|&i| same_identity(&speakers[i], f))
                .collect();
            let looked_up: Vec<usize> = index
                .candidates(&f.name, &f.aliases)
                .into_iter()
                .filter(|&i| same_identity(&speakers[i], f))
                .collect();
            assert_eq!(looked_up, scan, "{}", f.name);
        }
        assert_eq!(index.surname_count("roe"), 3);
        assert_eq!(index.named("JANE ROE"), &[0, 3]);
    }
}
