//! Cataphora: a mention that names its person only later. A headline's "Judge rejects…"
//! or a lead's "A New York judge has rejected…" is Justice Jane Roe named two sentences
//! on; "His" in a title is the president the next sentence names. Such mentions wait
//! ([`Registry::wait`]) and, once the article is read, take the first person or body
//! named after them, within a few sentences, whose role or head agrees
//! ([`Registry::finish`]). Each wait looks at a bounded run of later namings, so the
//! pass stays linear.

use super::super::given_names::Gender;
use super::super::lexicon as lex;
use super::super::mention::{self, Pronoun};
use super::super::{Antecedent, FoundClaim, FoundSpeaker};
use super::{Candidate, Registry};

/// What a waiting mention needs of the person or body named after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Want {
    Pronoun(Pronoun),
    /// A role or body head, as [`mention::role_class`] gives it: "judge", "poll".
    Head(String),
    /// A relative ("his ex-wife"): a person of that sex named without a title or role,
    /// in full unless their given name tells the sex, and not the one "his" is (the name
    /// of the candidate the possessive pronoun takes).
    Kin(Gender, Option<String>),
}

/// A mention resolved for now to `tentative` (or nobody), waiting for a later name.
#[derive(Debug, Clone)]
pub(super) struct Waiting {
    span: (usize, usize),
    sentence: usize,
    /// How many sentences on the name may come.
    reach: usize,
    want: Want,
    tentative: Option<usize>,
}

/// A person or body named in sentence `.0`: a speaker, or a sentence's subject as written.
#[derive(Debug, Clone)]
pub(super) enum Named {
    Speaker(usize),
    Words(String, Option<(usize, usize)>),
}

/// The heads a waiting description may have: roles and bodies.
fn head_class(head: &str) -> Option<String> {
    let class = mention::role_class(head);
    (lex::is_role_head(class) || lex::is_body_head(class)).then(|| class.to_string())
}

impl Registry {
    /// Let a mention at `span` wait for a later name: a pronoun with no antecedent, or a
    /// description of a role or body (`head`) the text has not named yet.
    pub(super) fn wait(
        &mut self,
        span: Option<(usize, usize)>,
        want: Want,
        tentative: Option<usize>,
        reach: usize,
    ) {
        let Some(span) = span else { return };
        self.waiting.push(Waiting {
            span,
            sentence: self.sentence,
            reach,
            want,
            tentative,
        });
    }

    /// [`Registry::wait`] for a description's head, when it is a role or body head.
    pub(super) fn wait_for_head(
        &mut self,
        span: Option<(usize, usize)>,
        head: &str,
        tentative: Option<usize>,
        reach: usize,
    ) {
        if let Some(class) = head_class(head) {
            self.wait(span, Want::Head(class), tentative, reach);
        }
    }

    /// "His ex-wife", "her husband": someone named only through another, held for now
    /// as the words (a pronoun after them takes them), waiting for the person of that sex
    /// the next two sentences name without a title or role ("Mayor Ana Ruiz" is no one's
    /// wife here); no one if they name none.
    pub(super) fn await_kin(
        &mut self,
        written: &str,
        gender: Gender,
        span: Option<(usize, usize)>,
    ) -> Option<usize> {
        let words = written.trim();
        let id = match self.by_name.get(&words.to_lowercase()) {
            Some(&id) if self.kin.contains(&id) => id,
            _ => {
                let id = self.create(words.to_string(), None, false);
                self.speakers[id].unresolved = true;
                self.gender[id] = Some(gender);
                self.kin.push(id);
                id
            }
        };
        // ("Eric Roe's comments came after his father…": Eric Roe is not the father.)
        let pronoun = written
            .split_whitespace()
            .next()
            .and_then(mention::classify);
        let possessor = match pronoun {
            Some(mention::Mention::Pronoun(p)) => self.pronoun_antecedent(p),
            _ => None,
        }
        .map(|pos| match &self.recent[pos].0 {
            Candidate::Speaker(i) => self.speakers[*i].name.to_lowercase(),
            Candidate::Named { name, .. } => name.to_lowercase(),
        });
        self.wait(span, Want::Kin(gender, possessor), Some(id), 2);
        self.touch(Candidate::Speaker(id), words, span);
        Some(id)
    }

    /// Is `id` the speaker a waiting mention holds for now?
    pub(super) fn waits_as(&self, id: Option<usize>) -> bool {
        id.is_some() && self.waiting.iter().any(|w| w.tentative == id)
    }

    /// Remember that sentence `self.sentence` names someone, for the mentions waiting.
    pub(super) fn named_here(&mut self, named: Named) {
        self.named.push((self.sentence, named));
    }

    /// Does `named` fit what a waiting mention wants? Its speaker, made one if needed.
    fn fits(&mut self, named: &Named, want: &Want) -> Option<usize> {
        let id = match named {
            Named::Speaker(id) => *id,
            Named::Words(words, _) => {
                let ws: Vec<&str> = words.split_whitespace().collect();
                let agrees = match want {
                    Want::Head(class) => {
                        let role = ws.iter().rposition(|w| {
                            lex::is_role_head(w) && mention::role_class(&w.to_lowercase()) == class
                        });
                        role.is_some_and(|r| r + 1 < ws.len())
                            || ws.last().is_some_and(|w| w.eq_ignore_ascii_case(class))
                    }
                    Want::Pronoun(_) | Want::Kin(..) => true,
                };
                if !agrees {
                    return None;
                }
                self.resolve_named(mention::without_opener(words)?)?
            }
        };
        let s: &FoundSpeaker = &self.speakers[id];
        if s.unresolved {
            return None;
        }
        let ok = match want {
            Want::Head(class) if s.is_body => mention::head_of(&s.name) == *class,
            Want::Head(class) => mention::role_has(s.role.as_deref(), class),
            Want::Pronoun(Pronoun::Group) => s.is_body,
            Want::Pronoun(Pronoun::Relative) => true,
            Want::Kin(g, possessor) => {
                let name = s.name.to_lowercase();
                let possessor = possessor.as_deref().is_some_and(|p| {
                    name == p || name.ends_with(&format!(" {p}")) || p.ends_with(&name)
                });
                let full = s.name.split_whitespace().count() >= 2;
                !s.is_body
                    && s.role.is_none()
                    && !possessor
                    && match self.gender[id] {
                        Some(x) => x == *g,
                        None => full,
                    }
            }
            Want::Pronoun(p) => {
                let want = match p {
                    Pronoun::Male => super::Gender::Male,
                    _ => super::Gender::Female,
                };
                !s.is_body && self.gender[id].is_none_or(|g| g == want)
            }
        };
        ok.then_some(id)
    }

    /// The article read: give each waiting mention the first fitting name after it,
    /// rewrite the claims that carry it (and the claims of its tentative speaker), and
    /// drop the speakers found in this article that no claim keeps. Returns the speakers.
    pub fn finish(mut self, claims: &mut [FoundClaim], known: usize) -> Vec<FoundSpeaker> {
        let waiting = std::mem::take(&mut self.waiting);
        let named = std::mem::take(&mut self.named);
        let mut links: Vec<((usize, usize), usize, Antecedent)> = Vec::new();
        let mut remap: Vec<(usize, usize)> = Vec::new();
        for w in &waiting {
            let from = named.partition_point(|(s, _)| *s <= w.sentence);
            let found = named[from..]
                .iter()
                .take_while(|(s, _)| *s <= w.sentence + w.reach)
                .take(16)
                .find_map(|(s, n)| {
                    let id = self.fits(n, &w.want)?;
                    (Some(id) != w.tentative).then_some((id, *s, n))
                });
            let Some((id, _, n)) = found else { continue };
            let (words, span) = match n {
                Named::Speaker(i) => (self.speakers[*i].name.clone(), None),
                Named::Words(words, span) => (words.clone(), *span),
            };
            let antecedent = Antecedent {
                words,
                span,
                sentences_before: 0,
            };
            links.push((w.span, id, antecedent));
            if let Some(t) = w.tentative
                && self.speakers[t].unresolved
            {
                remap.push((t, id));
            }
        }
        // A relative the text never named is no one ("his wife" names no speaker).
        let unnamed: Vec<usize> = (self.kin.iter())
            .filter(|k| !remap.iter().any(|(t, _)| t == *k))
            .copied()
            .collect();
        for c in claims.iter_mut() {
            if c.speaker.is_some_and(|s| unnamed.contains(&s)) {
                c.speaker = None;
                c.antecedent = None;
            }
        }
        if links.is_empty() && unnamed.is_empty() {
            return self.speakers;
        }
        for c in claims.iter_mut() {
            if let Some((_, id, a)) = links.iter().find(|(s, _, _)| Some(*s) == c.mention_span) {
                c.speaker = Some(*id);
                c.antecedent = Some(a.clone());
            } else if let Some(&(_, id)) = remap.iter().find(|(t, _)| Some(*t) == c.speaker) {
                c.speaker = Some(id);
            }
        }
        compact(self.speakers, claims, known)
    }
}

/// The speakers without those found in this article (index `known` on) that no claim
/// keeps, claims renumbered.
fn compact(
    speakers: Vec<FoundSpeaker>,
    claims: &mut [FoundClaim],
    known: usize,
) -> Vec<FoundSpeaker> {
    let mut used = vec![false; speakers.len()];
    for c in claims.iter() {
        if let Some(i) = c.speaker {
            used[i] = true;
        }
    }
    let mut new_index = vec![None; speakers.len()];
    let mut kept = Vec::with_capacity(speakers.len());
    for (i, s) in speakers.into_iter().enumerate() {
        if i < known || used[i] {
            new_index[i] = Some(kept.len());
            kept.push(s);
        }
    }
    for c in claims.iter_mut() {
        c.speaker = c.speaker.and_then(|i| new_index[i]);
    }
    kept
}
