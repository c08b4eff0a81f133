//! Findings: a poll, study, report or video as the source of a claim ("the poll shows a
//! close race", "a video showed the officers"). A finding verb ("show", "find", "reveal")
//! is a cue only when its subject names such a document; this module says which subject
//! does, and widens it over the postmodifiers that hide the document's head.

use super::super::complements;
use super::lex;
use super::sentence::Sentence;
use super::subjects::noun_phrase_before;

/// The subject `(a, b)` of a finding verb when it names a document, else `None`. The
/// document may be its head ("The poll shows"), the noun before "of" ("Video of the arrest
/// shows"), or a noun its postmodifiers follow ("A poll released Sunday showed", "The
/// most recent polling in Florida shows", "A batch of emails released this week
/// showed"). A subject that is only the agent of such a postmodifier ("by The Post" in
/// "A poll released Sunday by The Post shows") or a relative pronoun ("The polls that
/// show") is widened back to the document.
pub(super) fn document_subject(s: &Sentence, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    // "The author of the report found …" is a person: a document behind the "of" of a
    // role or an agent noun ("author", "editor", "publisher") is not the subject's head.
    let owned_by_role = |i: usize| {
        (a + 1..i).any(|j| {
            let w = s.word(j - 1);
            s.is(j, "of")
                && (lex::is_role_head(w)
                    || ["or", "er", "ist"].iter().any(|x| w.ends_with(x)) && !s.capitalised(j - 1))
        })
    };
    if (a..b).any(|i| is_document_at(s, i) && !owned_by_role(i)) {
        return Some((a, b));
    }
    // "The polls that show …": the relative pronoun stands for the noun before it.
    if b == a + 1 && (s.is(a, "that") || s.is(a, "which")) {
        let (start, _) = noun_phrase_before(s, a)?;
        return is_document_at(s, a - 1).then_some((start, b));
    }
    // "A poll released Sunday by The Post shows", "An average of recent polls by X
    // shows": the document lies a few words before the agent, in the same clause.
    if a == 0 || !s.is(a - 1, "by") {
        return None;
    }
    let lo = a.saturating_sub(9);
    let doc = (lo..a - 1)
        .rev()
        .take_while(|&i| s.is_free_word(i))
        .find(|&i| is_document_at(s, i))?;
    let (start, _) = noun_phrase_before(s, doc + 1)?;
    Some((start, b))
}

fn is_document_at(s: &Sentence, i: usize) -> bool {
    s.is_free_word(i) && complements::is_document(s.word(i))
}
