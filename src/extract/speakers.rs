//! One article's speaker registry: canonical names with roles, aliases by surname and by
//! description, and pronouns resolved to the most recent compatible speaker.
//!
//! Look-ups go through hash maps and a short recency list, so resolving a mention costs
//! the same however long the article is.

use std::collections::HashMap;

use super::FoundSpeaker;
use super::lexicon as lex;

/// How far back pronouns and descriptions look, in distinct speakers.
const RECENT: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

#[derive(Debug, Default)]
pub struct Registry {
    pub speakers: Vec<FoundSpeaker>,
    gender: Vec<Option<Gender>>,
    /// Lowercased name or alias → speaker.
    by_name: HashMap<String, usize>,
    /// Lowercased last word of a person's name → speaker ("kirby").
    by_surname: HashMap<String, usize>,
    /// Most recently mentioned last.
    recent: Vec<usize>,
}

impl Registry {
    /// A registry that already knows `known` by name and capitalised aliases. They are not
    /// "recent": a pronoun or description resolves to one only after the text names it.
    pub fn with_known(known: &[FoundSpeaker]) -> Self {
        let mut r = Registry::default();
        for k in known {
            let id = r.create(k.name.clone(), k.role.clone(), k.is_body);
            r.speakers[id].aliases = k.aliases.clone();
            for alias in &k.aliases {
                // Descriptions and pronouns ("the spokesperson", "he") name different
                // people in different articles; names do not.
                if is_name(alias) && !lex::is_pronoun(alias) {
                    r.by_name.entry(alias.to_lowercase()).or_insert(id);
                }
            }
            if !k.is_body
                && let Some(surname) = k.name.split_whitespace().last()
            {
                r.by_surname.entry(surname.to_lowercase()).or_insert(id);
            }
        }
        r
    }

    /// Resolve a mention as written ("he", "the Spokesperson", "Kirby",
    /// "National Security Council Spokesperson John Kirby") to a speaker, creating one if
    /// the mention names someone new.
    pub fn resolve(&mut self, mention: &str) -> Option<usize> {
        let mention = strip_possessive(mention.trim());
        // "Jane Roe, who": the antecedent is the speaker.
        let mention = [", who", ", which"]
            .iter()
            .find_map(|r| mention.strip_suffix(r))
            .unwrap_or(mention);
        if mention.is_empty() {
            return None;
        }
        let lower = mention.to_lowercase();
        let id = match lower.as_str() {
            "he" | "him" => self
                .recent_where(|r, i| !r.speakers[i].is_body && r.gender[i] != Some(Gender::Female)),
            "she" | "her" => self
                .recent_where(|r, i| !r.speakers[i].is_body && r.gender[i] != Some(Gender::Male)),
            "they" | "it" => self.recent_where(|r, i| r.speakers[i].is_body),
            "who" | "which" | "that" => self.recent.last().copied(),
            "i" | "we" | "you" | "one" => None,
            _ => self.resolve_named(mention),
        }?;
        match lower.as_str() {
            "he" => self.gender[id] = Some(Gender::Male),
            "she" => self.gender[id] = Some(Gender::Female),
            _ => {}
        }
        let alias_worthy = !matches!(lower.as_str(), "who" | "which" | "that");
        if alias_worthy {
            self.add_alias(id, mention);
        }
        self.touch(id);
        Some(id)
    }

    fn recent_where(&self, ok: impl Fn(&Registry, usize) -> bool) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&i| ok(self, i))
    }

    fn touch(&mut self, id: usize) {
        if let Some(p) = self.recent.iter().position(|&i| i == id) {
            self.recent.remove(p);
        }
        self.recent.push(id);
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    fn add_alias(&mut self, id: usize, alias: &str) {
        let s = &mut self.speakers[id];
        // "Israeli Prime Minister Benjamin Netanyahu" is the name with its role, not an alias.
        let titled_name = alias.len() > s.name.len() && alias.ends_with(s.name.as_str());
        if alias != s.name
            && !titled_name
            && !s.aliases.iter().any(|a| a == alias)
            && s.aliases.len() < 32
        {
            s.aliases.push(alias.to_string());
        }
        self.by_name.entry(alias.to_lowercase()).or_insert(id);
    }

    fn resolve_named(&mut self, mention: &str) -> Option<usize> {
        // Apposition: "John Smith, a spokesman for the mayor", "Jane Roe — a teacher —".
        let dashed;
        let mention = if mention.contains(" \u{2014} ") || mention.contains(" \u{2013} ") {
            dashed = mention
                .replace(" \u{2014} ", ", ")
                .replace(" \u{2013} ", ", ");
            dashed.as_str()
        } else {
            mention
        };
        let (main, appos_role) = match mention.split_once(", ") {
            // "Jane Roe, who …": a relative clause is no role.
            Some((name, rel)) if rel.starts_with("who ") || rel.starts_with("which ") => {
                (name.trim(), None)
            }
            // "the dockers' spokeswoman, Jane Roe": the description comes first.
            Some((role, name)) if is_name(name) && !is_name(strip_article(role)) => {
                (name.trim(), Some(strip_article(role.trim())))
            }
            Some((name, role)) => (name.trim(), Some(strip_article(role.trim()))),
            None => (mention, None),
        };
        let main = strip_article(main);
        if let Some(&id) = self.by_name.get(&main.to_lowercase()) {
            self.set_role(id, appos_role);
            return Some(id);
        }
        let words: Vec<&str> = main.split_whitespace().collect();
        let all_lower = words
            .iter()
            .all(|w| !w.chars().next().is_some_and(char::is_uppercase));
        let last_is_lower = words
            .last()
            .is_some_and(|w| !w.chars().next().is_some_and(char::is_uppercase));
        // The name is what follows the last role word: "Israeli Prime Minister | Benjamin Netanyahu".
        let role_end = words.iter().rposition(|w| lex::is_role_head(w));
        let (role, name_words) = match role_end {
            Some(r) if r + 1 < words.len() && !last_is_lower => {
                let role_words: Vec<&str> = words[..=r]
                    .iter()
                    .copied()
                    .filter(|w| !lex::is_honorific(w))
                    .collect();
                let role = (!role_words.is_empty()).then(|| role_words.join(" "));
                (role, words[r + 1..].to_vec())
            }
            _ if all_lower || last_is_lower || role_end.is_some() => {
                // A description: "the spokesperson", "the Israeli minister", "Israeli officials".
                if let Some(id) = self.by_description(&words) {
                    return Some(id);
                }
                let is_body = words
                    .last()
                    .is_some_and(|w| lex::is_body_head(w) || w.ends_with('s'))
                    && role_end.is_none();
                return Some(self.create(main.to_string(), None, is_body));
            }
            _ => (None, words.clone()),
        };
        let role = role.or(appos_role.map(str::to_string));
        let name = name_words.join(" ");
        if let Some(&id) = self.by_name.get(&name.to_lowercase()) {
            self.set_role(id, role.as_deref());
            return Some(id);
        }
        let surname = name_words.last()?.to_lowercase();
        if let Some(&id) = self.by_surname.get(&surname) {
            let known = &mut self.speakers[id];
            // "Gallant" was seen first: the full name now becomes canonical.
            if name_words.len() > 1 && !known.name.contains(' ') {
                let old = std::mem::replace(&mut known.name, name.clone());
                known.aliases.retain(|a| *a != name);
                if !known.aliases.contains(&old) {
                    known.aliases.push(old);
                }
                self.by_name.insert(name.to_lowercase(), id);
            }
            self.set_role(id, role.as_deref());
            return Some(id);
        }
        let is_person = role.is_some()
            || words.iter().any(|w| lex::is_honorific(w))
            || (name_words.len() >= 2 && !name_words.last().is_some_and(|w| lex::is_body_head(w)));
        let is_body = !is_person && name_words.last().is_some_and(|w| lex::is_body_head(w));
        let id = self.create(name, role, is_body);
        if is_person || name_words.len() == 1 {
            self.by_surname.entry(surname).or_insert(id);
        }
        if let Some(g) = gender_of(&words) {
            self.gender[id] = Some(g);
        }
        Some(id)
    }

    fn set_role(&mut self, id: usize, role: Option<&str>) {
        if let Some(role) = role
            && self.speakers[id].role.is_none()
            && !role.is_empty()
        {
            self.speakers[id].role = Some(role.to_string());
        }
    }

    /// The most recent speaker whose role contains every word of a description
    /// ("the Israeli minister" → role "Israeli Security Minister").
    fn by_description(&self, words: &[&str]) -> Option<usize> {
        let wanted: Vec<String> = words
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .collect();
        if wanted.is_empty() {
            return None;
        }
        self.recent_where(|r, i| {
            r.speakers[i].role.as_ref().is_some_and(|role| {
                let role = role.to_lowercase();
                let role_words: Vec<&str> = role.split_whitespace().collect();
                wanted.iter().all(|w| role_words.contains(&w.as_str()))
            })
        })
    }

    fn create(&mut self, name: String, role: Option<String>, is_body: bool) -> usize {
        let id = self.speakers.len();
        self.by_name.insert(name.to_lowercase(), id);
        self.speakers.push(FoundSpeaker {
            name,
            role,
            aliases: Vec::new(),
            is_body,
        });
        self.gender.push(None);
        id
    }
}

fn gender_of(words: &[&str]) -> Option<Gender> {
    words.iter().find_map(|w| match w.to_lowercase().as_str() {
        "mr." | "mr" | "spokesman" | "congressman" | "chairman" | "king" | "prince" | "sir"
        | "lord" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "spokeswoman" | "congresswoman" | "chairwoman"
        | "queen" | "princess" | "dame" | "lady" => Some(Gender::Female),
        _ => None,
    })
}

/// Every word capitalised: "Jane Roe", "Mr. Okafor".
fn is_name(s: &str) -> bool {
    let mut words = s.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            return stem.trim_end();
        }
    }
    s
}

fn strip_article(s: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_surnames_descriptions_pronouns() {
        let mut r = Registry::default();
        let kirby = r
            .resolve("National Security Council Spokesperson John Kirby")
            .unwrap();
        assert_eq!(r.speakers[kirby].name, "John Kirby");
        assert_eq!(
            r.speakers[kirby].role.as_deref(),
            Some("National Security Council Spokesperson")
        );
        assert_eq!(r.resolve("Kirby"), Some(kirby));
        assert_eq!(r.resolve("the Spokesperson"), Some(kirby));
        let body = r.resolve("The White House").unwrap();
        assert_eq!(r.speakers[body].name, "White House");
        assert_eq!(r.resolve("he"), Some(kirby));
        let minister = r.resolve("Defence Minister Jane Roe").unwrap();
        assert_eq!(r.resolve("the defence minister"), Some(minister));
    }

    #[test]
    fn known_speakers_resolve_by_surname_then_by_description() {
        let known = [FoundSpeaker {
            name: "Ana Ruiz".into(),
            role: Some("Mayor".into()),
            aliases: vec!["Ruiz".into(), "the mayor".into(), "she".into()],
            is_body: false,
        }];
        let mut r = Registry::with_known(&known);
        assert_eq!(r.resolve("she"), None, "not mentioned in this text yet");
        assert_eq!(r.resolve("Ruiz"), Some(0));
        assert_eq!(r.resolve("the mayor"), Some(0));
        assert_eq!(r.resolve("she"), Some(0));
    }

    #[test]
    fn surname_first_then_full_name() {
        let mut r = Registry::default();
        let a = r.resolve("Moreau").unwrap();
        let b = r.resolve("Interior Minister Claire Moreau").unwrap();
        assert_eq!(a, b);
        assert_eq!(r.speakers[a].name, "Claire Moreau");
        assert!(r.speakers[a].aliases.contains(&"Moreau".to_string()));
    }
}
