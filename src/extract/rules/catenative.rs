//! Verb chains that hand their subject on to an infinitive: "she tried to argue that …",
//! "he is continuing to insist …", "the mayor was quick to point out …", "they chose not
//! to respond to …". The speaker of the inner cue is the subject of the whole chain.

use super::lex;
use super::sentence::Sentence;

/// Verbs and adjectives whose subject is the subject of the infinitive after them.
/// Not the verbs whose own meaning makes a claim of it ("wants to", "promised to",
/// "vowed to"): those are stance cues of their own.
#[rustfmt::skip]
const CATENATIVE: &[&str] = &[
    "continue", "continues", "continued", "continuing", "proceed", "proceeds", "proceeded",
    "try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting",
    "begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting",
    "seem", "seems", "seemed", "appear", "appears", "appeared", "tend", "tends", "tended",
    "struggle", "struggles", "struggled", "struggling", "rush", "rushed", "rushing",
    "hasten", "hastened", "manage", "managed", "choose", "chooses", "chose", "chosen",
    "choosing", "dare", "dared", "quick", "quicker", "eager", "careful", "keen", "likely",
    "unlikely", "able", "unable", "willing", "ready", "going", "set", "used",
];

/// Whether `word` hands its subject on to an infinitive after it.
pub(super) fn is_catenative(word: &str) -> bool {
    CATENATIVE.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The first token of the verb chain that ends with the verb at `k`: "tried to argue",
/// "chose not to respond", "went on to say". `k` itself when no chain precedes it.
pub(super) fn chain_start(s: &Sentence, k: usize) -> usize {
    if k < 2 || !s.is_free_word(k - 1) || !s.is(k - 1, "to") {
        return k;
    }
    let mut j = k - 1;
    if j >= 2 && s.is(j - 1, "not") {
        j -= 1;
    }
    // "He went on to say that …"
    if j >= 2 && s.is(j - 1, "on") && matches!(s.word(j - 2), "went" | "goes" | "go" | "going") {
        return j - 2;
    }
    if !s.is_free_word(j - 1) || !is_catenative(s.word(j - 1)) || s.capitalised(j - 1) {
        return k;
    }
    let mut start = j - 1;
    // "were more likely to say", "is all too ready to note"
    while start > 0 && s.is_free_word(start - 1) && is_degree_word(s.word(start - 1)) {
        start -= 1;
    }
    // "Hassan trying to defend …" hangs on a noun, not on a clause's subject: a chain
    // that opens with a participle needs its "is" ("is trying to argue").
    let be = start > 0 && s.is_free_word(start - 1) && is_be(s.word(start - 1));
    if s.word(j - 1).ends_with("ing") && !be {
        return k;
    }
    // "were likely to say": the subject comes before the verb "be" too.
    if be && lex::is_be_form(s.word(start - 1)) {
        start -= 1;
    }
    start
}

/// A form of "be", or a subject with one written on it ("he's", "they’re").
fn is_be(word: &str) -> bool {
    lex::is_be_form(word)
        || ["'s", "\u{2019}s", "'re", "\u{2019}re"]
            .iter()
            .any(|c| word.len() > c.len() && word.ends_with(c))
}

/// "more", "too", "so": words of degree before an adjective of a chain.
fn is_degree_word(word: &str) -> bool {
    [
        "more",
        "less",
        "most",
        "least",
        "very",
        "too",
        "so",
        "all",
        "increasingly",
        "far",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the verb at `k` is the infinitive of a chain ("tried to argue").
pub(super) fn in_chain(s: &Sentence, k: usize) -> bool {
    chain_start(s, k) < k
}
