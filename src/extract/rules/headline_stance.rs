//! A headline's own stance: "Senator Endorses Ruiz", "Union Blasts Port Plan for Its
//! Cost, Vows Strike", "Mayor refuses to sign toll bill". Headlines are written in the
//! present, often in title case, where the tagger cannot tell a verb from a noun: the
//! verb is read from its form instead (a speech or stance verb ending in "-s" after a short
//! subject, or without it after a plural: "Republicans blast …"). Tried only on a title or subheading that no other rule framed.

use super::super::complements;
use super::super::syntax::Tag;
use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};

/// Words that end a subject's noun phrase never: "their backs", "The Attacks", "No
/// claims here".
const NOT_SUBJECT_END: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "of", "for", "to", "in",
    "on", "and", "or", "with", "as", "at", "by", "from", "no", "some", "any", "all", "every",
    "each", "this", "that", "these", "those", "more", "most", "many", "few",
];

/// The stance frame of a title or subheading `s`, if its verb is a speech or stance verb.
pub(super) fn headline_stance(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    // The verb: the first word (after at least one) that is a stance or speech verb in "-s".
    // "Republicans blast Obama …": after a plural subject the verb has no "-s".
    let k = (1..n.min(9)).find(|&k| {
        s.is_free_word(k)
            && (present_verb(s.word(k))
                || plural_verb(s.word(k))
                    && plural_noun(s.word(k - 1))
                    && s.window(0, n)
                        .tag(k - 1)
                        .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNPS)))
    })?;
    // The subject: words, possessives among them ("Union's Chief").
    let in_subject = |i: usize| {
        s.is_free_word(i) || matches!(s.word(i), "'" | "\u{2019}" | "'s" | "\u{2019}s" | "-")
    };
    if !(0..k).all(in_subject)
        || !s.capitalised(0)
        || NOT_SUBJECT_END.iter().any(|w| s.is(k - 1, w))
        || (0..k).any(|i| present_verb(s.word(i)))
        // "Roe Seeks More Funds As He Recognizes …": a clause before the verb, no subject.
        || (0..k).any(|i| {
            lex::is_pronoun(s.word(i))
                || SUBORDINATORS.iter().any(|w| s.is(i, w))
        })
    {
        return None;
    }
    // The content: after the verb (and its preposition: "Calls for"), to a colon,
    // semicolon or comma outside quotations, or the end.
    let mut a = k + 1;
    if let Some(t) = complements::takes(s.word(k))
        && a < n
        && t.preps.iter().any(|p| s.is(a, p))
    {
        a += 1;
    }
    let end = (a..n)
        .find(|&i| {
            !s.toks[i].quoted
                && (s.is_punct(i, ":")
                    || s.is_punct(i, ";")
                    || s.is_punct(i, ",")
                    || i > a && s.is_free_word(i) && ADJUNCTS.iter().any(|w| s.is(i, w)))
        })
        .unwrap_or(n);
    let (ca, cb) = s.trim(a, end)?;
    if !(ca..cb).any(|i| s.toks[i].word) {
        return None;
    }
    Some(Frame {
        content: vec![strip_quotes(s, ca, cb)],
        cue: s.word(k).to_string(),
        mention: Some(s.span(0, k)),
        headline: true,
        continues: false,
        announces: false,
    })
}

/// Plurals that a headline uses as nouns more often than as verbs: "Paris attacks test
/// …", "RNC rules clash erupts", "Nomination questions are likely to …".
const MOSTLY_NOUNS: &[&str] = &[
    "attacks",
    "rules",
    "charges",
    "questions",
    "challenges",
    "makes",
    "talks",
    "highlights",
    "worries",
    "comments",
    "remarks",
    "reports",
    "statements",
    "answers",
];

/// Words that open a clause: a subject never holds one.
const SUBORDINATORS: &[&str] = &[
    "as", "when", "while", "after", "before", "if", "because", "since", "until", "though",
    "although", "once",
];

/// Adjuncts that end a noun-phrase content in a headline: "Defends Ruiz Amid …".
const ADJUNCTS: &[&str] = &["amid", "with", "during", "despite", "after", "before"];

/// A speech or stance verb in the third person present: "Endorses", "slams", "Urges".
fn present_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !MOSTLY_NOUNS.contains(&w.as_str())
        // "Mayor Seeks More Cranes": a verb of intention takes no noun phrase.
        && (complements::takes(&w).is_some_and(|t| t.np || !t.preps.is_empty())
            || lex::is_cue_verb(&w))
        && !complements::needs_document(&w)
}

/// A speech or stance verb in the plural present: "blast", "Urge", "call for".
fn plural_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.len() > 3
        && !w.ends_with('s')
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && (complements::takes(&w).is_some_and(|t| t.np || !t.preps.is_empty())
            || lex::is_cue_verb(&w))
        && !complements::needs_document(&w)
}

/// "Republicans", "Leaders", "Democrats": a plural noun ending a subject.
fn plural_noun(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("'s")
        && !word.ends_with("\u{2019}s")
        && !lex::is_pronoun(word)
}
