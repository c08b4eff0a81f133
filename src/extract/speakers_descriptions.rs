//! A description as a speaker: "the spokesman" → the recent person whose role it is,
//! "the president" → the one who holds the title, "the paper" → the outlet named, "the
//! data" → the body just cited; else a fuller description stands for its speaker.

use super::super::FoundSpeaker;
use super::super::lexicon as lex;
use super::super::mention;
use super::super::share;
use super::{Candidate, Registry, forward};

/// Nouns that describe a news outlet: "the paper" is the outlet the article named.
const OUTLET_HEADS: &[&str] = &[
    "newspaper",
    "paper",
    "network",
    "broadcaster",
    "channel",
    "magazine",
    "outlet",
    "station",
    "tabloid",
    "daily",
    "agency",
    "site",
    "website",
    "publication",
    "service",
];

/// Nouns for what a body publishes: "the data" is the data of the body just cited.
const DATA_HEADS: &[&str] = &["data", "figures", "statistics", "numbers", "records"];

impl Registry {
    /// "the spokesman" → the recent person whose role has that head; "the paper" → the
    /// outlet named; else a description with more than its head ("a senior official")
    /// is its own speaker, marked unresolved; a bare one names no one.
    pub(super) fn by_description(&mut self, d: &str) -> Option<usize> {
        if share::is_bare(&d.split_whitespace().collect::<Vec<_>>()) {
            return self.by_share(d);
        }
        let head = mention::head_of(d);
        let class = mention::role_class(&head);
        let outlet = OUTLET_HEADS.contains(&head.as_str());
        // "the poll" after "a new national poll": the same head, definite.
        let definite = d
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        // A bare title ("the president") names the one who holds it as a title (President
        // Roe) before the president of something named, and never a vice president.
        let bare_title = definite && d.split_whitespace().count() == 2;
        let holds = |s: &FoundSpeaker, plainly: bool| {
            !s.unresolved
                && !s.is_body
                && match mention::holds_office(s.role.as_deref(), class) {
                    Some(plain) => plain || !plainly,
                    None => false,
                }
        };
        let titled = (bare_title && !outlet)
            .then(|| {
                self.recent.iter().rposition(|(c, _)| match c {
                    Candidate::Speaker(i) => holds(&self.speakers[*i], true),
                    // "Gov. Jane Roe visited …": named with the title, not yet a speaker.
                    Candidate::Named {
                        name,
                        is_body: false,
                        ..
                    } => name.rsplit_once(' ').is_some_and(|(before, _)| {
                        // (Not "Vice President Jane Roe", "Lt. Gov. Jane Roe".)
                        mention::holds_office(Some(before), class).is_some()
                    }),
                    Candidate::Named { .. } => false,
                })
            })
            .flatten();
        let pos = titled.or_else(|| {
            self.recent.iter().rposition(|(c, _)| match c {
                Candidate::Speaker(i) => {
                    let s = &self.speakers[*i];
                    if s.unresolved {
                        return false;
                    }
                    if outlet {
                        return s.is_body;
                    }
                    if bare_title {
                        return holds(s, false);
                    }
                    !s.is_body && mention::role_has(s.role.as_deref(), class)
                }
                Candidate::Named { is_body, name, .. } => {
                    outlet && *is_body && name.to_lowercase().ends_with(&head)
                }
            })
        });
        // ("The Roe campaign" is no other campaign: a name before the head is in the
        // antecedent's name, "Post/ABC" as "Post-ABC".)
        let parts = |s: &str| -> Vec<String> {
            s.split(|c: char| c.is_whitespace() || c == '/' || c == '-')
                .map(|w| mention::strip_possessive(w).to_string())
                .filter(|w| mention::is_capitalised(w))
                .collect()
        };
        let named_modifiers = parts(mention::strip_article(d));
        let same_head = |name: &str| {
            mention::head_of(name) == head && {
                let have = parts(name);
                named_modifiers.iter().all(|m| have.contains(m))
            }
        };
        let pos = pos.or_else(|| {
            definite
                .then(|| {
                    self.recent.iter().rposition(|(c, _)| match c {
                        Candidate::Speaker(i) => same_head(&self.speakers[*i].name),
                        Candidate::Named { name, .. } => same_head(name),
                    })
                })
                .flatten()
        });
        // "According to the data": the data of the body the text just cited.
        let pos = pos.or_else(|| {
            let sentence = self.sentence;
            (definite && DATA_HEADS.contains(&head.as_str()))
                .then(|| {
                    self.recent.iter().rposition(|(c, seen)| {
                        seen.sentence + 2 >= sentence
                            && match c {
                                Candidate::Speaker(i) => {
                                    self.speakers[*i].is_body && !self.speakers[*i].unresolved
                                }
                                Candidate::Named { is_body, .. } => *is_body,
                            }
                    })
                })
                .flatten()
        });
        // "The company said", "the statement added".
        let pos = pos.or_else(|| self.by_kind(d, &head));
        if let Some(pos) = pos {
            return self.materialise(pos);
        }
        let key = d.to_lowercase();
        if let Some(&id) = self.by_name.get(&key) {
            return Some(id);
        }
        if mention::is_bare(d) {
            return None;
        }
        let is_body = lex::is_body_head(&head) || head.ends_with('s') && !lex::is_role_head(&head);
        // "The latest Civic/Pulse opinion poll", "the Roe campaign": a body its
        // capitalised words name; otherwise someone the article does not name.
        let plain = mention::strip_article(d);
        let capital = plain
            .split_whitespace()
            .position(|w| mention::is_capitalised(w) && !lex::is_time_word(w));
        // A body (singular: "officials", "experts" are people), its name's capital not
        // after a preposition ("leader of a Pakistan-based group" describes) nor the
        // sentence's own ("Many experts").
        let words: Vec<&str> = plain.split_whitespace().collect();
        let sentence_capital = plain.len() == d.len();
        let named_from = capital
            .filter(|&i| {
                is_body
                    && lex::is_body_head(&head)
                    && !head.ends_with('s')
                    && !matches!(
                        head.as_str(),
                        "people" | "source" | "staff" | "police" | "press" | "media"
                    )
                    && !(i == 0 && sentence_capital && is_quantifier(words[0]))
                    && !words[..i]
                        .iter()
                        .any(|w| lex::is_adjunct_preposition(w) || *w == "for" || *w == "by")
                    && !words[i].ends_with("-based")
            })
            .and_then(|i| plain.split_whitespace().nth(i))
            .and_then(|w| plain.find(w));
        let name = named_from.map_or(plain, |at| &plain[at..]);
        if let Some(&id) = self.by_name.get(&name.to_lowercase()) {
            return Some(id);
        }
        let id = self.create(name.to_string(), None, is_body);
        self.by_name.insert(key, id);
        if named_from.is_some() {
            if !self.waiting.is_empty() {
                self.named_here(forward::Named::Speaker(id));
            }
        } else {
            self.speakers[id].unresolved = true;
        }
        Some(id)
    }
}

/// "Each", "Another": a capital the sentence gave a quantifier.
fn is_quantifier(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "each" | "every" | "another" | "one" | "no" | "any" | "this" | "that" | "its" | "their"
    )
}
