//! Names in the article's registry: a mention that names someone ("Israeli Prime Minister
//! Jane Roe", "Roe", "Mr. Roe", "NBC's Jo Doe") resolved to a speaker or made one, with
//! its role; surnames found by identity only (a person the article names first, a
//! surname two known people share is nobody's unless the text names one of them).

use super::super::given_names::gender_of_given;
use super::super::lexicon as lex;
use super::super::mention;
use super::{Candidate, Gender, Registry, is_name};

impl Registry {
    /// A known speaker a name (no role) means: the same name, or a surname of a person.
    pub(super) fn lookup_name(&self, name: &str) -> Option<usize> {
        let name = mention::strip_article(mention::strip_possessive(name));
        if let Some(&id) = self.by_name.get(&name.to_lowercase()) {
            return Some(id);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        self.same_person(&words)
    }

    /// The person `words` (a name, perhaps after an honorific) is, by surname: one word
    /// matches the most recent person of that surname whose sex agrees with the honorific;
    /// a full name matches a person known by surname only or by the same given name.
    pub(super) fn same_person(&self, words: &[&str]) -> Option<usize> {
        let honorific = words.first().is_some_and(|w| lex::is_honorific(w));
        let gender = mention::gender_of(words);
        let names: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !lex::is_honorific(w))
            .collect();
        let surname = names.last()?.to_lowercase();
        let ids = self.by_surname.get(&surname)?;
        let agrees =
            |i: usize| gender.is_none() || self.gender[i].is_none_or(|g| Some(g) == gender);
        let given = |i: usize| {
            let known: Vec<&str> = self.speakers[i].name.split_whitespace().collect();
            known.len() < 2 || names.len() < 2 || known[0].eq_ignore_ascii_case(names[0])
        };
        let mut fits = ids.iter().copied().filter(|&i| agrees(i) && given(i));
        if names.len() == 1 {
            // "Mrs. Roe" needs a woman named Roe; an unknown sex is not enough.
            let candidates: Vec<usize> = fits.collect();
            // Named lately; else tied by the article's text (see `tie_surname`).
            let recent = |i: usize| {
                self.recent
                    .iter()
                    .rposition(|(c, _)| *c == Candidate::Speaker(i))
                    .map(|p| p + 1)
                    .or_else(|| self.tied.contains(&i).then_some(0))
            };
            if !honorific || gender.is_none() {
                // Two of that name and neither named lately: nobody can tell which.
                let best = candidates.iter().copied().max_by_key(|&i| recent(i))?;
                let unnamed = recent(best).is_none() && candidates.len() > 1;
                return (!unnamed).then_some(best);
            }
            // "Mrs. Roe": the woman named Roe; one Roe of unknown sex only when no Roe
            // of either sex is known.
            let sure = candidates
                .iter()
                .copied()
                .filter(|&i| self.gender[i] == gender);
            if let Some(i) = sure.max_by_key(|&i| recent(i)) {
                return Some(i);
            }
            let any_known = ids.iter().any(|&i| self.gender[i].is_some());
            return match candidates.as_slice() {
                [only] if !any_known => Some(*only),
                _ => None,
            };
        }
        fits.next()
    }

    pub(super) fn resolve_named(&mut self, mention: &str) -> Option<usize> {
        // "Roe and Doe": a group of the people named, never one of them.
        if mention::is_coordination(mention) {
            let name = mention::strip_article(mention.trim_end_matches([',', ' ']));
            if let Some(&id) = self.by_name.get(&name.to_lowercase()) {
                return Some(id);
            }
            return Some(self.create(name.to_string(), None, true));
        }
        // Apposition: "John Smith, a spokesman for the mayor", "Jane Roe — a teacher —".
        let dashed = mention
            .replace(" \u{2014} ", ", ")
            .replace(" \u{2013} ", ", ");
        let mention = dashed.trim_end_matches([',', ' ']);
        let (main, appos_role) = match mention.split_once(", ") {
            Some((role, name)) if is_name(name) && !is_name(mention::strip_article(role)) => {
                (name.trim(), Some(mention::strip_article(role.trim())))
            }
            // "Democrats, however": an adverb is no role.
            Some((name, role)) => {
                let role = mention::strip_article(role.trim());
                let one_word = !role.contains(' ') && !lex::is_role_head(role);
                (
                    name.trim(),
                    (!one_word || mention::is_capitalised(role)).then_some(role),
                )
            }
            None => (mention, None),
        };
        // "The New York Times", "the Post": a name with "the" is no person's.
        let definite = main.starts_with("The ") || main.starts_with("the ");
        let main = mention::strip_article(main);
        // "NBC's Jane Roe": the outlet before the possessive is her affiliation.
        let (affiliation, main) = match split_possessive(main) {
            Some((owner, rest)) if is_name(rest) && rest.contains(' ') => (Some(owner), rest),
            _ => (None, main),
        };
        if let Some(&id) = self.by_name.get(&main.to_lowercase()) {
            self.set_role(id, appos_role.or(affiliation));
            return Some(id);
        }
        let words: Vec<&str> = main.split_whitespace().collect();
        // The name is what follows the last role word: "Israeli Prime Minister | Benjamin Netanyahu".
        // "Mr. Major", "Paul Major": a role word after an honorific or a given name,
        // ending the mention, is a surname.
        let surname_role = |i: usize| {
            i + 1 == words.len()
                && i > 0
                && (lex::is_honorific(words[i - 1]) || gender_of_given(words[i - 1]).is_some())
        };
        // "Secretary of State Jane Roe": a role with its complement, then a name that
        // starts with a given name.
        let titled = |r: usize| {
            (r + 1..words.len()).find(|&g| {
                gender_of_given(words[g]).is_some()
                    && g + 1 < words.len()
                    && words[g..].iter().all(|w| mention::is_capitalised(w))
            })
        };
        let role_end = words
            .iter()
            .enumerate()
            .rposition(|(i, w)| lex::is_role_head(w) && !surname_role(i));
        let role_end = match role_end {
            Some(r)
                if words
                    .get(r + 1)
                    .is_some_and(|w| !mention::is_capitalised(w))
                    && titled(r).is_some() =>
            {
                titled(r).map(|g| g - 1)
            }
            other => other,
        };
        // "The Justice Department": a body whose name holds a role word, not a role
        // before a name.
        let role_end = role_end
            .filter(|&r| !(definite && r + 2 == words.len() && lex::is_body_head(words[r + 1])));
        let (role, name_words) = match role_end {
            // "A spokeswoman for Jane Roe", "Senator from Texas": a role with its
            // complement describes someone the mention does not name.
            Some(r)
                if words
                    .get(r + 1)
                    .is_some_and(|w| !mention::is_capitalised(w)) =>
            {
                return self.by_description(main);
            }
            Some(r) if r + 1 < words.len() => {
                let role_words: Vec<&str> = words[..=r]
                    .iter()
                    .copied()
                    .filter(|w| !lex::is_honorific(w))
                    .collect();
                let role = (!role_words.is_empty()).then(|| role_words.join(" "));
                (role, words[r + 1..].to_vec())
            }
            // A capitalised role alone ("President", "The Senator"): a description.
            Some(_) => return self.by_description(&main.to_lowercase()),
            None => match unlisted_role(&words) {
                Some(g) => (Some(words[..g].join(" ")), words[g..].to_vec()),
                None => (None, words.clone()),
            },
        };
        // "Republican Jane Roe, the former governor": the apposition says more.
        let (described, name_words) = match role {
            None => match common_word_before_name(&name_words) {
                Some(g) => (Some(name_words[..g].join(" ")), name_words[g..].to_vec()),
                None => (None, name_words),
            },
            Some(_) => (None, name_words),
        };
        let role = role
            .or(appos_role.map(str::to_string))
            .or(affiliation.map(str::to_string))
            .or(described);
        let name = name_words.join(" ");
        let honorific = words.iter().any(|w| lex::is_honorific(w));
        let looked_up: Vec<&str> = if honorific && role.is_none() {
            words.clone()
        } else {
            name_words.clone()
        };
        // "Okafor" after "Justice Maria Okafor ruled…": the subject named in full. A name
        // with "the" ("The Hill") is a body's, never a person's surname.
        if name_words.len() == 1
            && !definite
            && !self.expanding
            && let Some(pos) = self.recent.iter().rposition(|(c, _)| match c {
                Candidate::Named { name, is_body, .. } => {
                    !is_body
                        && name.contains(' ')
                        && name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case(name_words[0]))
                }
                Candidate::Speaker(_) => false,
            })
        {
            let link = self.link.take();
            self.expanding = true;
            let full = self.materialise(pos);
            self.expanding = false;
            self.link = link;
            if let Some(id) = full {
                self.set_role(id, role.as_deref());
                return Some(id);
            }
        }
        // "Roe" where two people of that name are known and the article has named
        // neither: nobody's short form yet, a speaker of its own.
        if name_words.len() == 1
            && !definite
            && (self.ambiguous_surname(name_words[0], mention::gender_of(&words))
                || self.other_named.contains(&name_words[0].to_lowercase()))
        {
            let id = self.create(
                display_name(main, &name, honorific, role.is_none()),
                role,
                false,
            );
            self.gender[id] = mention::gender_of(&words);
            return Some(id);
        }
        // One word: the person of that surname the text spoke of last, before any alias.
        let short = (name_words.len() == 1 && !definite)
            .then(|| self.same_person(&looked_up))
            .flatten();
        if let Some(id) = short.or_else(|| self.by_name.get(&name.to_lowercase()).copied())
            && !(honorific && self.speakers[id].is_body)
        {
            self.set_role(id, role.as_deref());
            return Some(id);
        }
        let person = (!definite).then(|| self.same_person(&looked_up)).flatten();
        if let Some(id) = person.or_else(|| self.acronym(&name)) {
            self.upgrade_name(id, &name);
            self.set_role(id, role.as_deref());
            return Some(id);
        }
        let is_body = !honorific
            && role.is_none()
            && (definite
                || name_words.last().is_some_and(|w| lex::is_body_head(w))
                || name_words.len() == 1 && is_acronym(&name));
        let display = display_name(main, &name, honorific, role.is_none());
        let id = self.create(display, role, is_body);
        if !is_body {
            self.gender[id] = mention::gender_of(&words);
            self.index_surname(id);
        }
        Some(id)
    }

    /// Before resolving `written` ("Roe", "Mr. Roe") in `text`: when two or more
    /// people of that surname are known and this article has named none of them as a
    /// subject, the one whose full name the article has most often is taken as named.
    /// Decided once per surname and article: the text is searched at most once for each.
    pub fn tie_surname(&mut self, text: &str, written: &str) {
        // "Roe, who", "Roe (D-Ohio)": the name before its apposition.
        let written = written.split([',', '(']).next().unwrap_or(written);
        let words: Vec<&str> = written.split_whitespace().collect();
        let surname = match words.as_slice() {
            [w] => *w,
            [h, w] if lex::is_honorific(h) => *w,
            _ => return,
        };
        let surname = mention::strip_possessive(surname);
        if !mention::is_capitalised(surname) {
            return;
        }
        let key = surname.to_lowercase();
        if self.surname_tried.contains(&key) {
            return;
        }
        let ids = self.by_surname.get(&key).cloned().unwrap_or_default();
        if !self.ambiguous_surname(surname, mention::gender_of(&words)) {
            // One person of that name known from another article: not the one meant
            // when this article names someone else of that surname ("Paul Roe") and
            // never them.
            if let [only] = ids.as_slice()
                && *only < self.known
            {
                self.surname_tried.insert(key.clone());
                let full = self.speakers[*only].name.clone();
                let given = full.split_whitespace().next().unwrap_or("");
                let other = text.match_indices(surname).any(|(at, _)| {
                    let before = text[..at].trim_end();
                    let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    before.len() < at && w != given && gender_of_given(w).is_some()
                });
                if other && !text.contains(full.as_str()) {
                    self.other_named.insert(key);
                }
            }
            return;
        }
        self.surname_tried.insert(key.clone());
        // The one the text names in full most often ("Jane Roe" over "John Roe").
        let mut counts: Vec<(usize, usize)> = ids
            .iter()
            .filter(|&&i| self.speakers[i].name.contains(' '))
            .map(|&i| (text.matches(self.speakers[i].name.as_str()).count(), i))
            .collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        if let Some(&(n, only)) = counts.first()
            && n > 0
            && counts.get(1).is_none_or(|&(m, _)| m < n)
        {
            let name = self.speakers[only].name.clone();
            self.touch(Candidate::Speaker(only), &name, None);
            self.tied.push(only);
        }
    }

    /// Two or more people of surname `word` are known and none of them is among the
    /// candidates this article has named.
    /// An honorific's sex ("Mrs.") that only one of them is known to have settles it.
    pub(super) fn ambiguous_surname(&self, word: &str, gender: Option<Gender>) -> bool {
        let Some(ids) = self.by_surname.get(&word.to_lowercase()) else {
            return false;
        };
        let named = |i: &usize| {
            self.tied.contains(i)
                || self
                    .recent
                    .iter()
                    .any(|(c, _)| *c == Candidate::Speaker(*i))
        };
        let sure = ids
            .iter()
            .filter(|&&i| gender.is_some() && self.gender[i] == gender)
            .count();
        ids.len() >= 2 && !ids.iter().any(named) && sure != 1
    }

    /// "Gallant" was seen first: the full name "Yoav Gallant" becomes canonical.
    pub(super) fn upgrade_name(&mut self, id: usize, name: &str) {
        let known = &mut self.speakers[id];
        if known.is_body || !name.contains(' ') || known.name.contains(' ') {
            return;
        }
        let old = std::mem::replace(&mut known.name, name.to_string());
        known.aliases.retain(|a| a != name);
        if !known.aliases.contains(&old) {
            known.aliases.push(old);
        }
        self.by_name.insert(name.to_lowercase(), id);
    }

    /// "CNS" → the body whose capitalised words start with those letters.
    pub(super) fn acronym(&self, name: &str) -> Option<usize> {
        if !is_acronym(name) {
            return None;
        }
        self.speakers.iter().position(|s| {
            let initials: String = s
                .name
                .split_whitespace()
                .filter(|w| mention::is_capitalised(w))
                .filter_map(|w| w.chars().next())
                .collect();
            s.is_body && initials.len() >= 2 && initials == name
        })
    }

    pub(super) fn index_surname(&mut self, id: usize) {
        let name = &self.speakers[id].name;
        // Only a name shaped like a person's ("Jane Roe", "Bill de Blasio") is found by
        // its last word: not "Bloomberg interview Roe".
        let words: Vec<&str> = name.split_whitespace().collect();
        let person_like = words.len() <= 4
            && words.iter().all(|w| {
                mention::is_capitalised(w)
                    || matches!(
                        *w,
                        "de" | "van" | "von" | "bin" | "da" | "del" | "la" | "le"
                    )
            });
        if !person_like {
            return;
        }
        if let Some(last) = name.split_whitespace().last() {
            let ids = self.by_surname.entry(last.to_lowercase()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
}

/// Where the name starts after a role no list holds: after its last lowercase word
/// ("party frontrunner | Jane Roe", "party boss | Jo Roe"); the name is two capitalised
/// words or more, and no body's. Not after a preposition or a determiner ("Roe of Ohio",
/// "Committee for a Sound Budget" are names).
fn unlisted_role(words: &[&str]) -> Option<usize> {
    let l = words.iter().rposition(|w| !mention::is_capitalised(w))?;
    let joins = lex::is_adjunct_preposition(words[l])
        || matches!(words[l], "for" | "by" | "and" | "a" | "an" | "the" | "&");
    let name = &words[l + 1..];
    // A body keeps its whole name ("nonpartisan Budget Office").
    let body = name.last().is_some_and(|w| lex::is_body_head(w));
    (!joins && !body && name.len() >= 2 && name.iter().all(|w| mention::is_capitalised(w)))
        .then_some(l + 1)
}

/// Where the name starts after one capitalised common word that describes the person
/// ("Rival | Jane Roe", "Democrat | Jane Roe"): the tagger reads the word, in lower case
/// before the name, as a common noun or adjective; the name after it is a given name and
/// a surname. A name whose
/// first word is no common word ("Cornell William Brooks") is left whole.
fn common_word_before_name(words: &[&str]) -> Option<usize> {
    use super::super::syntax::{Tag, tag_words};
    let [first, given, rest @ ..] = words else {
        return None;
    };
    let name_follows = gender_of_given(given).is_some()
        && !rest.is_empty()
        && rest.iter().all(|w| mention::is_capitalised(w));
    if !name_follows
        || !mention::is_capitalised(first)
        || gender_of_given(first).is_some()
        || lex::is_honorific(first)
        || rest.last().is_some_and(|w| lex::is_body_head(w))
    {
        return None;
    }
    // Read in lower case before the name, as the tagger would in a sentence.
    let lower = first.to_lowercase();
    let tags = tag_words(&[lower.as_str(), given, rest[0]], &[]);
    tags.first()
        .is_some_and(|t| matches!(t, Tag::NN | Tag::JJ))
        .then_some(1)
}

/// The name a new speaker is shown by: "Mr. Roe" keeps its honorific when it is all
/// the text gives.
fn display_name(main: &str, name: &str, honorific: bool, no_role: bool) -> String {
    if honorific && !name.contains(' ') && no_role {
        main.to_string()
    } else {
        name.to_string()
    }
}

/// "NBC's Jane Roe" → ("NBC", "Jane Roe").
fn split_possessive(s: &str) -> Option<(&str, &str)> {
    for mark in ["'s ", "\u{2019}s "] {
        if let Some((a, b)) = s.split_once(mark) {
            return Some((a.trim(), b.trim()));
        }
    }
    None
}

fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
}
