//! Short contents of stance verbs: "applauded the ruling", "endorsed him", "opposed it".
//! A stance verb says what its speaker thinks of its object however short the object is;
//! only findings ("the poll shows it") and judgements "as" something need more words.

use super::super::complements;
use super::sentence::Sentence;

/// Object pronouns that may be the whole content of a stance verb.
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "it", "us", "me", "you"];

/// May the stance verb at `k` take a content shorter than the usual minimum?
pub(super) fn short_content_ok(s: &Sentence, k: usize) -> bool {
    let w = s.word(k);
    !complements::needs_document(w) && !complements::needs_as(w)
}

/// "endorsed him", "opposed it": an object pronoun right after the stance verb at `k`.
pub(super) fn pronoun_object(s: &Sentence, k: usize) -> bool {
    s.is_free_word(k + 1)
        && short_content_ok(s, k)
        && OBJECT_PRONOUNS.iter().any(|p| s.is(k + 1, p))
}
