//! "The group said", "the company said", "the statement added": the common noun of an
//! organisation (a company's when the name says it is one: "Acme Co.") or of a
//! document, definite and alone, stands for the body the last sentences named or for
//! whoever the text said issued that document ("X said in a statement … the statement
//! added" → X). Within a few sentences only; otherwise the description stays its own,
//! unresolved speaker.

use super::super::lexicon as lex;
use super::{Candidate, Registry};

/// Nouns for a kind of organisation: "the group" is the body just named.
/// ("The company" is below: news names an index, a newspaper or a regulator between a
/// company and its "the company" too often to take the last body named of any kind.)
const ORGANISATION_HEADS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "foundation",
    "charity",
    "nonprofit",
    "association",
    "institute",
];

/// Nouns for a company: "the company" is the body just named whose name says it is one
/// ("Acme Holdings Inc.", "Acme Company"; "the bank" is "Harbour Bank").
const COMPANY_HEADS: &[&str] = &[
    "company",
    "utility",
    "firm",
    "corporation",
    "airline",
    "automaker",
    "carmaker",
    "insurer",
    "retailer",
    "manufacturer",
    "bank",
];

/// The last words of a company's name.
const COMPANY_SUFFIXES: &[&str] = &[
    "co",
    "corp",
    "corporation",
    "company",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "plc",
];

/// Heads of a body's name that say it is no group or organisation ("the group" is never
/// the State Department): government, courts, parties, the press.
const OTHER_BODIES: &[&str] = &[
    "government",
    "ministry",
    "department",
    "office",
    "agency",
    "police",
    "army",
    "military",
    "forces",
    "campaign",
    "committee",
    "council",
    "party",
    "administration",
    "authorities",
    "authority",
    "court",
    "commission",
    "senate",
    "congress",
    "parliament",
    "embassy",
    "house",
    "kremlin",
    "pentagon",
    "newspaper",
    "network",
    "cabinet",
];

/// How many sentences back the body or the document may be.
const WITHIN: usize = 3;

impl Registry {
    /// Notes which documents `sentence` says someone issued ("said in a statement").
    pub(super) fn note_documents(&mut self, sentence: &str) {
        // The two words before each word, without collecting the sentence's words.
        let (mut before, mut last) = ("", "");
        for w in sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
        {
            // Issued by someone: "said in a statement", "sent a letter", "in its filing".
            let issued = matches!(last, "a" | "an" | "its" | "his" | "her" | "their")
                && matches!(
                    before,
                    "in" | "issued" | "released" | "sent" | "wrote" | "filed" | "posted"
                );
            // (What someone issues is what the lexicon calls a statement noun.)
            if issued && let Some(noun) = lex::statement_noun(w) {
                remember(&mut self.documents, (noun, self.sentence));
            }
            (before, last) = (last, w);
        }
    }

    /// Remembers that speaker `id` spoke in the sentence being read.
    pub(super) fn spoke(&mut self, id: usize) {
        remember(&mut self.spoke, (self.sentence, id));
    }

    /// The position in `recent` of the body or issuer "the `head`" stands for, if
    /// `description` is just "the" and the noun.
    pub(super) fn by_kind(&self, description: &str, head: &str) -> Option<usize> {
        let mut words = description.split_whitespace();
        let (Some(the), Some(noun), None) = (words.next(), words.next(), words.next()) else {
            return None;
        };
        if !the.eq_ignore_ascii_case("the") || noun != head {
            return None;
        }
        let now = self.sentence;
        // The latest sentence before this one that mentioned the document.
        if let Some(&(_, at)) = self
            .documents
            .iter()
            .rev()
            .find(|(n, at)| *n == head && *at < now)
        {
            // "X said in a statement": who that sentence named, if it named one.
            if at + WITHIN < now {
                return None;
            }
            // Who spoke in that sentence, or the subject it named.
            return self.recent.iter().rposition(|(c, seen)| match c {
                Candidate::Speaker(i) => {
                    !self.speakers[*i].unresolved
                        && (seen.sentence == at || self.spoke.contains(&(at, *i)))
                }
                Candidate::Named { .. } => seen.sentence == at,
            });
        }
        let company = COMPANY_HEADS.contains(&head);
        if !company && !ORGANISATION_HEADS.contains(&head) {
            return None;
        }
        // A body of another kind ("the group" is no court or ministry); a company's name
        // says it is one.
        let fits = |name: &str| {
            let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
            let last = last.trim_end_matches('.');
            if company {
                return COMPANY_SUFFIXES.contains(&last) || last == head;
            }
            !(OTHER_BODIES.contains(&last) || lex::is_body_head(last) && last.ends_with('s'))
        };
        self.recent.iter().rposition(|(c, seen)| {
            seen.sentence + WITHIN >= now
                && match c {
                    Candidate::Speaker(i) => {
                        let s = &self.speakers[*i];
                        s.is_body && !s.unresolved && fits(&s.name)
                    }
                    Candidate::Named { name, is_body, .. } => *is_body && fits(name),
                }
        })
    }
}

/// Adds `item` to a short list of the latest ones (at most 16), once.
fn remember<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
        if list.len() > 16 {
            list.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// Each claim's content with its speaker's name ("" when none).
    fn speakers(text: &str) -> Vec<(String, String)> {
        let ex = extract(text);
        ex.claims
            .iter()
            .map(|c| {
                let who = ex.speaker_of(c).map(|s| s.name.clone()).unwrap_or_default();
                (c.content.clone(), who)
            })
            .collect()
    }

    #[test]
    fn the_group_is_the_body_just_named() {
        let got = speakers(
            "Harbour deal\nThe Harbour Group said on Monday that it would buy the docks.\n\
             The group said the price was fair.\n",
        );
        assert_eq!(got[1].1, "Harbour Group", "{got:?}");
    }

    #[test]
    fn the_group_is_never_a_government_body() {
        let got = speakers(
            "Harbour deal\nThe Transport Department said on Monday that the docks were sold.\n\
             The group said the price was fair.\n",
        );
        assert_ne!(got[1].1, "Transport Department", "{got:?}");
    }

    #[test]
    fn the_company_is_the_company_just_named() {
        let got = speakers(
            "Harbour deal\nNorth Coast Gas & Power Co. said on Monday that it would cut power.\n\
             The utility said the cuts could last two days.\n",
        );
        assert_eq!(got[0].1, "North Coast Gas & Power Co.", "{got:?}");
        assert_eq!(got[1].1, "North Coast Gas & Power Co.", "{got:?}");
        // Not a body whose name does not say it is a company.
        let got = speakers(
            "Harbour deal\nThe Harbour Commission said on Monday that the docks were sold.\n\
             The company said the price was fair.\n",
        );
        assert_ne!(got[1].1, "Harbour Commission", "{got:?}");
    }

    #[test]
    fn the_statement_is_whoever_issued_it() {
        let got = speakers(
            "Harbour deal\nJane Roe said in a statement on Monday that the docks were sold.\n\
             \"The price was fair,\" the statement added.\n",
        );
        assert_eq!(got[1].1, "Jane Roe", "{got:?}");
        // Named before, and speaking again in the statement's sentence.
        let got = speakers(
            "Harbour deal\nJane Roe said the docks were sold.\n\
             The price was fair, Roe said in a statement on Monday.\n\
             \"We are glad,\" the statement added.\n",
        );
        assert_eq!(got[2].1, "Jane Roe", "{got:?}");
        // Any statement noun of the lexicon: a tweet posted.
        let got = speakers(
            "Harbour deal\nJane Roe said in a tweet on Monday that the docks were sold.\n\
             \"The price was fair,\" the tweet added.\n",
        );
        assert_eq!(got[1].1, "Jane Roe", "{got:?}");
        // A statement the text never said anyone issued stays unresolved.
        let got = speakers("Harbour deal\n\"The price was fair,\" the statement added.\n");
        assert_ne!(got[0].1, "Jane Roe", "{got:?}");
    }
}
