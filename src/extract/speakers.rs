//! One article's speaker registry: canonical names with roles, short forms the article
//! ties to them, and pronouns and descriptions resolved by agreement and salience.
//!
//! People merge only on identity: the same name, a surname (or title + surname) of a
//! person the article named, never a different given name, never a "Mrs." with a man,
//! never a person with an organisation. Sentence subjects the text names are remembered
//! as candidates ([`Registry::observe`]) so that "he" finds the person just written about
//! even before that person says anything; a candidate becomes a speaker only when a
//! claim resolves to it. Every pronoun or description resolved records its antecedent
//! ([`Registry::link`]). Look-ups go through hash maps and a short recency list, so
//! resolving a mention costs the same however long the article is.

use std::collections::{HashMap, HashSet};

use super::given_names::Gender;
use super::lexicon as lex;
use super::mention::{self, Mention, Pronoun};
use super::share;
use super::{Antecedent, FoundSpeaker};

/// How far back pronouns and descriptions look, in distinct candidates.
const RECENT: usize = 24;

/// Someone the text talks about: a speaker, or a named subject not yet a speaker.
#[derive(Debug, Clone, PartialEq)]
enum Candidate {
    Speaker(usize),
    Named {
        name: String,
        gender: Option<Gender>,
        is_body: bool,
    },
}

/// Where a candidate was last named: the words and span, and the sentence.
#[derive(Debug, Clone, Default)]
struct Seen {
    words: String,
    span: Option<(usize, usize)>,
    sentence: usize,
}

#[derive(Debug, Default)]
pub struct Registry {
    pub speakers: Vec<FoundSpeaker>,
    gender: Vec<Option<Gender>>,
    /// Lowercased name or name-like alias → speaker.
    by_name: HashMap<String, usize>,
    /// Lowercased last word of a person's name → people.
    by_surname: HashMap<String, Vec<usize>>,
    /// Most recently mentioned last, each with where it was last named.
    recent: Vec<(Candidate, Seen)>,
    /// The sentence being read (counted by [`Registry::observe`]).
    sentence: usize,
    /// How the latest [`Registry::resolve_at`] found its speaker, when it went through
    /// an antecedent (a pronoun or a description).
    pub link: Option<Antecedent>,
    /// [`mention::classify`] of each mention or alias as written, read once: an article
    /// repeats its mentions ("he", "Kirby") and classifying is string work.
    classified: HashMap<String, Option<Mention>>,
    /// The sentence being read is a headline or subheading.
    heading: bool,
    /// A short name is being tied to the subject named in full (no second level).
    expanding: bool,
    /// Surnames [`Registry::tie_surname`] has searched the text for, and the people it
    /// found named in full there.
    surname_tried: HashSet<String>,
    tied: Vec<usize>,
    /// Surnames whose known bearer this article does not name, naming another person of
    /// that surname instead.
    other_named: HashSet<String>,
    /// How many speakers came from the project ([`Registry::with_known`]).
    known: usize,
    /// Mentions waiting for a name that comes after them (cataphora).
    waiting: Vec<forward::Waiting>,
    /// Who each sentence named, in text order, for the mentions waiting.
    named: Vec<(usize, forward::Named)>,
    /// Documents the text said someone issued ("in a statement"), with the sentence, and
    /// who spoke in the latest sentences (sentence, speaker).
    documents: Vec<(&'static str, usize)>,
    spoke: Vec<(usize, usize)>,
    /// Relatives ("his ex-wife") waiting for their name: no speaker unless the text names them.
    kin: Vec<usize>,
}

impl Registry {
    /// A registry that already knows `known` by name and by name-like aliases. They are
    /// not "recent": a pronoun or description resolves to one only after the text names it.
    pub fn with_known(known: &[FoundSpeaker]) -> Self {
        let mut r = Registry::default();
        for k in known {
            let id = r.create(k.name.clone(), k.role.clone(), k.is_body);
            r.known = id + 1;
            r.speakers[id].aliases = k.aliases.clone();
            r.speakers[id].unresolved = k.unresolved;
            if k.unresolved {
                // "a senior official" of another article is nobody here.
                r.by_name.remove(&k.name.to_lowercase());
                continue;
            }
            if !k.is_body && !k.name.trim().contains(' ') {
                // A person known by surname only ("Roe") is found as surnames are: a
                // person this article names in full comes first.
                r.by_name.remove(&k.name.to_lowercase());
            }
            for alias in &k.aliases {
                // Descriptions and pronouns name different people in different articles.
                // A one-word alias ("Roe", "Mr. Roe") is a surname: found through
                // the surname index, where a person this article names comes first.
                let short = match alias.split_whitespace().collect::<Vec<_>>().as_slice() {
                    [_] => true,
                    [h, _] => lex::is_honorific(h),
                    _ => false,
                };
                if is_name(alias)
                    && !short
                    && mention::classify(alias).is_some_and(|m| matches!(m, Mention::Named(_)))
                {
                    r.by_name.entry(alias.to_lowercase()).or_insert(id);
                }
            }
            if !k.is_body {
                let words: Vec<&str> = k.name.split_whitespace().collect();
                r.gender[id] = mention::gender_of(&words);
                r.index_surname(id);
            }
        }
        r
    }

    /// A new sentence starts at `offset`: remember the person or body it opens with (its
    /// subject, "Jane Roe said…", "The agency has…") as the most recent candidate.
    /// `heading`: the sentence is a headline or subheading.
    pub fn observe(&mut self, sentence: &str, offset: usize, heading: bool) {
        self.sentence += 1;
        self.heading = heading;
        self.note_documents(sentence);
        // "Limited Means to Act: The council…": the text after a run-in heading.
        let (sentence, offset) = match mention::after_run_in_heading(sentence) {
            Some(k) => (&sentence[k..], offset + k),
            None => (sentence, offset),
        };
        let Some((a, b)) =
            mention::subject_name(sentence).and_then(|span| mention::after_fronted(sentence, span))
        else {
            return;
        };
        let words = &sentence[a..b];
        let span = Some((offset + a, offset + b));
        if let Some(id) = self.lookup_name(words) {
            self.touch(Candidate::Speaker(id), words, span);
            if !self.waiting.is_empty() {
                self.named_here(forward::Named::Speaker(id));
            }
            return;
        }
        let ws: Vec<&str> = words.split_whitespace().collect();
        let definite = sentence[..a].trim_end().ends_with("The");
        // "THE BORROWING Back when he wrote": a heading in capitals run into the text.
        let caps = ws
            .iter()
            .take_while(|w| !w.chars().any(char::is_lowercase))
            .count();
        if mention::is_capitals_run(&ws) || mention::is_capitals_run(&ws[..caps]) {
            return;
        }
        // "Central European leaders who…", "Bank executives aren't": capitals before people
        // describe them; "The Senator is…", "The Republican is…": a role, no body's name.
        let next = sentence[b..].split_whitespace().next().unwrap_or("");
        let people = |w: &str| {
            let lower = w.to_lowercase();
            lex::is_body_head(&lower)
                || lex::is_role_head(&lower)
                || lower.strip_suffix('s').is_some_and(lex::is_role_head)
        };
        if self.counted_group(&ws, next, heading, (offset + a, offset + b), &sentence[b..]) {
            return;
        }
        if next.starts_with(char::is_lowercase) && people(next)
            || definite && ws.len() == 1 && {
                // (A party's member is a person's description too: "The Democrat said".)
                let w = ws[0].to_lowercase();
                lex::is_role_head(mention::role_class(&w))
                    || matches!(
                        w.as_str(),
                        "republican" | "democrat" | "independent" | "libertarian"
                    )
            }
        {
            return;
        }
        let is_body = definite || ws.last().is_some_and(|w| lex::is_body_head(w));
        let person = !is_body && (ws.len() >= 2 || mention::gender_of(&ws).is_some());
        // A title's capitals ("Hold Roe Accountable") are no subject's.
        if (is_body || person) && !heading {
            let gender = if is_body {
                None
            } else {
                mention::gender_of(&ws)
            };
            let c = Candidate::Named {
                name: words.to_string(),
                gender,
                is_body,
            };
            self.touch(c, words, span);
            if !self.waiting.is_empty() {
                self.named_here(forward::Named::Words(words.to_string(), span));
            }
        }
    }

    /// Resolve a mention as written ("he", "the Spokesperson", "Kirby",
    /// "National Security Council Spokesperson John Kirby") to a speaker, creating one if
    /// the mention names someone new. `None` for a mention that names no one.
    #[cfg(test)]
    pub fn resolve(&mut self, mention: &str) -> Option<usize> {
        self.resolve_at(mention, None)
    }

    /// [`Registry::resolve`] for a mention at `span` of the text; sets [`Registry::link`].
    pub fn resolve_at(&mut self, written: &str, span: Option<(usize, usize)>) -> Option<usize> {
        let id = self.resolve_written(written, span);
        if let Some(id) = id {
            self.spoke(id);
        }
        id
    }

    fn resolve_written(&mut self, written: &str, span: Option<(usize, usize)>) -> Option<usize> {
        self.link = None;
        let reach = if self.heading { 4 } else { 0 };
        // A name the article already has needs no second look at its words.
        let known = self.by_name.contains_key(&written.trim().to_lowercase());
        let written = if known {
            written.trim()
        } else {
            mention::without_opener(written.trim())?
        };
        // "The mayor's statement said": what a person or body wrote is theirs.
        if let Some(owner) = mention::owner_of_statement(written) {
            let span = span.map(|(a, _)| (a, a + owner.len()));
            return self.resolve_at(owner, span);
        }
        // "His ex-wife agreed": the woman the text names next.
        if let Some(gender) = mention::kin(written) {
            return self.await_kin(written, gender, span);
        }
        let class = self.classify(written)?;
        let named = matches!(class, Mention::Named(_));
        let id = match class {
            Mention::Pronoun(p) => {
                let Some((id, gender)) = self.by_pronoun(p) else {
                    // "His refusal" in a title: the person the next sentence names.
                    self.wait(span, forward::Want::Pronoun(p), None, reach);
                    return None;
                };
                if let Some(g) = gender
                    && self.gender[id].is_none()
                {
                    self.gender[id] = Some(g);
                }
                // A pronoun is never an alias, and its antecedent stays where it was named.
                self.bring_forward(id);
                return Some(id);
            }
            Mention::Description(d) => {
                let found = self.by_description(&d);
                // "A New York judge has ruled…", "the judge" before any is named: the
                // judge named in the sentences after.
                let indefinite = d
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
                // Open: nobody, someone unnamed, or what a title's capitals wait to name.
                let open =
                    found.is_none_or(|id| self.speakers[id].unresolved) || self.waits_as(found);
                if open && (self.heading || indefinite || found.is_none()) {
                    let reach = if self.heading || indefinite { 4 } else { 2 };
                    self.wait_for_head(span, &mention::head_of(&d), found, reach);
                }
                found?
            }
            Mention::Named(n) => {
                // "Jane Roe Slams Acme Chief: '…'": a title's name ends before its verb.
                let n = if self.heading {
                    mention::before_title_verb(&n).to_string()
                } else {
                    n
                };
                // "Video", "Some", "Keeps": one common word capitalised by its place;
                // a title's common words ("Limited Tools") name no one unless the text
                // names what they describe next.
                let common = !known && mention::common_words(&n, self.heading);
                let found = if common { None } else { self.resolve_named(&n) };
                if common && !self.heading {
                    return None;
                }
                // A title's capitals say nothing: "Judge Rejects…", "New Poll Shows…"
                // may be the judge or the poll the article names next.
                if self.heading {
                    self.wait_for_head(span, &mention::head_of(&n), found, reach);
                } else if let Some(id) = found
                    && !self.waiting.is_empty()
                {
                    self.named_here(forward::Named::Speaker(id));
                }
                found?
            }
        };
        if self.link.is_none() {
            let m = written.trim();
            self.add_alias(id, mention::strip_possessive(m), named);
            self.touch(Candidate::Speaker(id), m, span);
        } else {
            self.bring_forward(id);
        }
        Some(id)
    }

    /// The most recent candidate a pronoun agrees with, made a speaker; records the link.
    fn by_pronoun(&mut self, p: Pronoun) -> Option<(usize, Option<Gender>)> {
        let want = gender_of_pronoun(p);
        let pos = self.pronoun_antecedent(p)?;
        let id = self.materialise(pos)?;
        Some((id, want))
    }

    /// Where in `recent` the candidate a pronoun takes is: the latest that agrees.
    fn pronoun_antecedent(&self, p: Pronoun) -> Option<usize> {
        let want = gender_of_pronoun(p);
        self.recent.iter().rposition(|(c, _)| {
            let (is_body, gender) = match c {
                Candidate::Speaker(i) => (self.speakers[*i].is_body, self.gender[*i]),
                Candidate::Named {
                    is_body, gender, ..
                } => (*is_body, *gender),
            };
            match p {
                Pronoun::Relative => true,
                Pronoun::Group => is_body,
                _ => !is_body && (gender.is_none() || gender == want),
            }
        })
    }

    /// The speaker of `recent[pos]`, creating it from a named candidate; sets the link.
    fn materialise(&mut self, pos: usize) -> Option<usize> {
        let (cand, seen) = self.recent[pos].clone();
        let id = match cand {
            Candidate::Speaker(i) => i,
            Candidate::Named { name, .. }
                if name.split_whitespace().next().is_some_and(share::is_figure) =>
            {
                self.materialise_group(pos, name)
            }
            Candidate::Named { name, gender, .. } => {
                let id = self.resolve_named(mention::without_opener(&name)?)?;
                if self.gender[id].is_none() {
                    self.gender[id] = gender;
                }
                self.recent[pos].0 = Candidate::Speaker(id);
                id
            }
        };
        self.link = Some(Antecedent {
            words: seen.words.clone(),
            span: seen.span,
            sentences_before: self.sentence.saturating_sub(seen.sentence),
        });
        Some(id)
    }

    fn touch(&mut self, c: Candidate, words: &str, span: Option<(usize, usize)>) {
        if let Some(p) = self.recent.iter().position(|(x, _)| *x == c) {
            self.recent.remove(p);
        }
        let seen = Seen {
            words: words.to_string(),
            span,
            sentence: self.sentence,
        };
        self.recent.push((c, seen));
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    /// The speaker becomes the most recent candidate, still linked to where it was named.
    fn bring_forward(&mut self, id: usize) {
        if let Some(p) = self
            .recent
            .iter()
            .position(|(c, _)| *c == Candidate::Speaker(id))
        {
            let entry = self.recent.remove(p);
            self.recent.push(entry);
        }
    }

    /// [`mention::classify`], remembered for the article.
    fn classify(&mut self, written: &str) -> Option<Mention> {
        if let Some(m) = self.classified.get(written) {
            return m.clone();
        }
        let m = mention::classify(written);
        self.classified.insert(written.to_string(), m.clone());
        m
    }

    /// `named`: the alias was classified a name ([`Mention::Named`]) by the caller.
    fn add_alias(&mut self, id: usize, alias: &str, named: bool) {
        let alias = alias.trim();
        let s = &mut self.speakers[id];
        // "Israeli Prime Minister Benjamin Netanyahu" is the name with its role, not an alias;
        // a description ("the spokesman") is how one article refers, not a name.
        let titled_name = alias.len() > s.name.len() && alias.ends_with(s.name.as_str());
        if alias != s.name
            && !titled_name
            && named
            && !s.aliases.iter().any(|a| a == alias)
            && s.aliases.len() < 32
        {
            s.aliases.push(alias.to_string());
        }
        if named {
            self.by_name.entry(alias.to_lowercase()).or_insert(id);
        }
    }

    fn set_role(&mut self, id: usize, role: Option<&str>) {
        if let Some(role) = role
            && self.speakers[id].role.is_none()
            && !role.is_empty()
        {
            self.speakers[id].role = Some(role.to_string());
        }
    }

    fn create(&mut self, name: String, role: Option<String>, is_body: bool) -> usize {
        let id = self.speakers.len();
        self.by_name.insert(name.to_lowercase(), id);
        // "French\u{a0}freelance": shown with plain spaces, found as written too.
        let name = if name.contains(|c: char| c.is_whitespace() && c != ' ') {
            let plain = name.split_whitespace().collect::<Vec<_>>().join(" ");
            self.by_name.insert(plain.to_lowercase(), id);
            plain
        } else {
            name
        };
        self.speakers.push(FoundSpeaker {
            name,
            role,
            aliases: Vec::new(),
            is_body,
            unresolved: false,
        });
        self.gender.push(None);
        id
    }
}

fn gender_of_pronoun(p: Pronoun) -> Option<Gender> {
    match p {
        Pronoun::Male => Some(Gender::Male),
        Pronoun::Female => Some(Gender::Female),
        _ => None,
    }
}

/// Every word capitalised: "Jane Roe", "Mr. Okafor".
fn is_name(s: &str) -> bool {
    let mut words = s.split_whitespace().peekable();
    words.peek().is_some() && words.all(mention::is_capitalised)
}

#[path = "speakers_descriptions.rs"]
mod descriptions;

#[path = "speakers_kinds.rs"]
mod kinds;

#[path = "speakers_forward.rs"]
mod forward;

#[path = "speakers_names.rs"]
mod names;

#[path = "speakers_shares.rs"]
mod shares;

#[cfg(test)]
#[path = "speakers_tests.rs"]
mod tests;
