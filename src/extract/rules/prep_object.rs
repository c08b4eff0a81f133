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

/// Where a name glued after a common noun starts, when it ends the phrase `a..end` and
/// the noun is no part of who speaks: the object of an opening adjunct that lost its comma
/// ("In a televised interview Jane Roe said") or a time a relative clause without "that"
/// follows ("the third time Acme said", "the moment Jane Roe learned"). Elsewhere a noun
/// before a name is the person's description ("retired surgeon Jane Roe").
pub(super) fn glued_name(s: &Sentence, a: usize, end: usize) -> Option<usize> {
    use super::super::syntax::Tag;
    let first = (a..end)
        .rev()
        .take_while(|&i| s.is_free_word(i) && s.capitalised(i))
        .last()?;
    let noun = first
        .checked_sub(1)
        .filter(|&n| n > a && s.is_free_word(n))?;
    let w = s.word(noun);
    if !w.starts_with(char::is_lowercase) || lex::is_role_head(w) || lex::is_body_head(w) {
        return None;
    }
    let time = lex::is_time_word(w) || matches!(w, "time" | "times" | "moment");
    let opening_adjunct = a == 1 && lex::is_adjunct_preposition(s.word(0));
    // (The tagger only for those: it costs.)
    let common = || {
        s.window(noun, noun + 1)
            .tag(noun)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
    };
    ((time || opening_adjunct) && common()).then_some(first)
}
