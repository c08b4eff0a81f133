//! A preposition before a noun phrase that makes the phrase its object, never the subject
//! of the speech verb after it ("…his record as treasurer of the county have cited" is
//! not said by "treasurer of the county"). Read by the subject scan (`subjects.rs`).

use super::lex;
use super::sentence::Sentence;

/// "10", "six", "Three": a number in figures or words up to ten.
pub(super) fn is_number_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Does token `p` open a prepositional phrase whose object is tokens `p + 1..end`, never a
/// clause's subject: "about", "into", "without", "within" ("about half of voters" is an
/// approximate figure), and "as" before common singular nouns ("as secretary of state";
/// "as the agency said", "as prosecutors noted", "as columnist Jo Roe wrote" are clauses).
pub(super) fn opens_object(s: &Sentence, p: usize, end: usize) -> bool {
    let next = s.word(p + 1);
    let figure = next.starts_with(|c: char| c.is_ascii_digit())
        || is_number_word(next)
        || ["half", "third", "quarter", "dozen", "hundred"]
            .iter()
            .any(|w| next.to_ascii_lowercase().contains(w));
    match s.word(p).to_ascii_lowercase().as_str() {
        "about" => !figure,
        "into" | "without" | "within" => true,
        // (Read up to a complement: "as treasurer of the county".)
        "as" => (p + 1..end).take_while(|&i| !s.is(i, "of")).all(|i| {
            let w = s.word(i);
            s.is_free_word(i)
                && w.starts_with(char::is_lowercase)
                && (!w.ends_with('s') || w.ends_with("ss"))
                && !lex::is_pronoun(w)
                && !matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "one"
                        | "each"
                        | "every"
                        | "no"
                )
        }),
        _ => false,
    }
}
