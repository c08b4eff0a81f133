//! The person or body a sentence is about: the capitalised run it opens with, the name
//! in apposition to an opening description, or the subject of an opening clause.

use super::super::lexicon as lex;
use super::{is_capitalised, is_month, strip_possessive};

/// The name a sentence's subject gives: its opening capitalised run ("Jane Roe has…"),
/// the subject after an opening adjunct ("During a town hall, Jane Roe asked…"), the name
/// a lowercase description opens with in apposition ("The newest candidate, Jane Roe,
/// arrived…"), or, when none of these names anyone, the subject of an opening
/// subordinate clause ("When Jane Roe walked in, the crowd rose…").
pub fn subject_name(sentence: &str) -> Option<(usize, usize)> {
    subject_at_start(sentence).or_else(|| {
        // "During a town hall, Jane Roe asked…": the subject after an opening adjunct.
        let first = sentence.split_whitespace().next()?;
        let lower = first.to_lowercase();
        let subordinate = lex::is_subordinator(&lower);
        if !(lex::is_adjunct_preposition(&lower) || subordinate) {
            return appositive_name(sentence);
        }
        let comma = sentence.find(", ")? + 2;
        match subject_at_start(&sentence[comma..]) {
            Some((a, b)) => Some((comma + a, comma + b)),
            None if subordinate => {
                let at = first.len() + 1;
                let clause = sentence.get(at..comma)?;
                let (a, b) = subject_at_start(clause)?;
                // "Though Roe's campaign …": a possessor is not the subject.
                let possessor =
                    clause[b..].starts_with("'s") || clause[b..].starts_with("\u{2019}s");
                // "After Roe accused him, he …": the clause's subject is someone else
                // than the pronoun it names.
                let object = clause
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| matches!(w, "him" | "her" | "them"));
                // A name set off by a comma inside the clause is not its subject.
                (!possessor && !object && at + b + 2 < comma).then_some((at + a, at + b))
            }
            None => None,
        }
    })
}

/// "The newest candidate, Jane Roe, arrived": a determiner and up to five lowercase words,
/// then a capitalised name between commas.
fn appositive_name(sentence: &str) -> Option<(usize, usize)> {
    let (det, rest) = sentence.split_once(' ')?;
    if !matches!(det, "The" | "A" | "An") {
        return None;
    }
    let comma = rest.find(", ")?;
    let description = &rest[..comma];
    let words = description.split_whitespace().count();
    if words == 0
        || words > 5
        || !description
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-')
    {
        return None;
    }
    let at = det.len() + 1 + comma + 2;
    let (a, b) = subject_at_start(&sentence[at..])?;
    sentence[at + b..]
        .starts_with(',')
        .then_some((at + a, at + b))
}

/// The capitalised run a sentence opens with, when a verb-like lowercase word or a comma
/// follows it: "Jane Roe has…", "The New York Times reported…", "Roe's remarks…". A
/// lone capitalised word that is a grammar word ("But", "In") is no subject.
fn subject_at_start(sentence: &str) -> Option<(usize, usize)> {
    let first = sentence.chars().next()?;
    if lex::is_quote_mark(first) || !first.is_uppercase() {
        return None;
    }
    let mut end = 0;
    let mut count = 0;
    let mut next_lower = false;
    for (i, w) in word_spans(sentence) {
        let word = &sentence[i..i + w.len()];
        if count == 0 && matches!(word, "The") {
            continue;
        }
        let bare = word.trim_end_matches([',', ';', ':']);
        if is_capitalised(bare) {
            end = i + bare.len();
            count += 1;
            if bare.len() != word.len() || bare.ends_with("'s") || bare.ends_with("\u{2019}s") {
                next_lower = true;
                break;
            }
        } else {
            next_lower = bare.chars().next().is_some_and(char::is_lowercase);
            break;
        }
    }
    if count == 0 || !next_lower {
        return None;
    }
    let start = if sentence.starts_with("The ") && count > 0 {
        4
    } else {
        0
    };
    let run = &sentence[start..end];
    let run = strip_possessive(run);
    let firstw = run.split_whitespace().next().unwrap_or("").to_lowercase();
    if lex::is_subordinator(&firstw)
        || lex::is_adjunct_preposition(&firstw)
        || lex::is_pronoun(&firstw)
    {
        return None;
    }
    // "Even Friday", "Last June": a time expression is nobody.
    if run
        .split_whitespace()
        .any(|w| lex::is_time_word(w) || is_month(w))
    {
        return None;
    }
    Some((start, start + run.len()))
}

/// The words of `s` with their byte offsets, split at any white space ("Sen.\u{a0}Roe"
/// is two words).
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .scan(0usize, |at, w| {
            let i = *at;
            // Past the word and the one white-space character after it.
            *at += w.len() + s[i + w.len()..].chars().next().map_or(0, char::len_utf8);
            Some((i, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_apposition_or_in_an_opening_clause_is_the_subject_named() {
        fn at(s: &str) -> Option<&str> {
            subject_name(s).map(|(a, b)| &s[a..b])
        }
        assert_eq!(
            at("The newest candidate, Jane Roe, would be stopping by."),
            Some("Jane Roe")
        );
        assert_eq!(
            at("When Jane Roe walked into the room, the women turned around."),
            Some("Jane Roe")
        );
        assert_eq!(
            at("If Acme could make money doing it, Ruritanian Sen. Jane Roe is against it."),
            Some("Ruritanian Sen. Jane Roe")
        );
        // A no-break space is a space.
        assert_eq!(
            at(
                "If Acme could make money doing it, Ruritanian Sen.\u{a0}Jane Roe\u{a0}is against it."
            ),
            Some("Ruritanian Sen.\u{a0}Jane Roe")
        );
        // The main clause's subject first.
        assert_eq!(
            at("When the vote came, Jane Roe left the room."),
            Some("Jane Roe")
        );
        assert_eq!(at("The report, Roe said, was late."), None);
        assert_eq!(at("After Jane Roe accused him of lying, he left."), None);
        assert_eq!(at("Though Roe's campaign has stalled, he went on."), None);
    }
}
