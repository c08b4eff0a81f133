//! Attributions that name no source, read from the words around their cue (no parse):
//! - a question put to someone: "Asked whether the deal would hold, Roe said …", "…, when
//!   asked about the vote." The content is the question, up to the clause's end;
//! - an expectation: "The bill is expected to pass on Friday" (a passive without an agent);
//! - an appearance: "The senator seemed to lose interest", "It appears that …" (before a
//!   cue, "seemed to concede that …", the subject speaks: see `catenative.rs`).
//!
//! The content of the last two is the clause with its subject ("The bill … to pass on
//! Friday"); none of them has a speaker but the one who asks a question ("was asked by
//! host Jane Roe whether …"). A cue inside another frame's content ("she said
//! the bill is expected to pass") is that frame's business, not a claim of its own.

use super::lex;
use super::sentence::Sentence;
use super::subjects::subject_before;
use super::{Frame, insert_in_order};

/// Words that open the question after "asked" ("asked whether …", "asked about …").
const QUESTION_OPENERS: &[&str] = &[
    "if", "whether", "why", "how", "what", "which", "who", "whom", "when", "where", "about", "to",
];

/// Words before "asked" that make it a question put to the sentence's subject, not a
/// speech verb of its own: "Asked …" opening the sentence, "when asked", "was asked".
const ASKED_AFTER: &[&str] = &[
    "when", "after", "once", "if", "was", "were", "is", "are", "been", "being",
];

/// Forms of "seem" and "appear".
const SEEM: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Relative words that stand for the subject ("a bill which is expected to pass").
const RELATIVES: &[&str] = &["who", "which", "that"];

/// Frames without a source in `s`, each kept only where its cue and content lie outside
/// the contents of the frames in `out` already.
pub(super) fn sourceless_frames(s: &Sentence, out: &mut Vec<Frame>) {
    for i in 0..s.toks.len() {
        if !s.is_free_word(i) {
            continue;
        }
        let found = asked(s, i)
            .or_else(|| expected(s, i))
            .or_else(|| seems(s, i));
        let Some((cue, (a, b))) = found else { continue };
        let (a, b) = match s.trim(a, b) {
            Some(r) => r,
            None => continue,
        };
        let span = s.span(a, b);
        let at = s.toks[i].start;
        let inside = |f: &Frame| {
            f.content
                .iter()
                .any(|c| (c.0 <= at && at < c.1) || (c.0 < span.1 && span.0 < c.1))
        };
        if out.iter().any(inside) {
            continue;
        }
        // "X was asked by host Jane Roe whether …": the one who asks is the source.
        let mention = (cue == "asked")
            .then(|| asker(s, i, a))
            .flatten()
            .map(|(p, q)| s.span(p, q));
        insert_in_order(
            out,
            Frame {
                content: vec![span],
                cue,
                mention,
                headline: false,
                continues: false,
                announces: false,
            },
        );
    }
}

/// "Asked (on Monday) whether …, X said", "…, when asked about the vote": the question,
/// from its opening word to the next comma outside a quotation or the sentence's end.
fn asked(s: &Sentence, i: usize) -> Option<(String, (usize, usize))> {
    if !s.is(i, "asked") {
        return None;
    }
    let put_to = i == 0 || (s.is_free_word(i - 1) && is_in(ASKED_AFTER, s.word(i - 1)));
    if !put_to {
        return None;
    }
    // Over a short adjunct ("on Monday", "by reporters") to the question's opening word.
    let n = s.toks.len();
    let reach = if s.is(i + 1, "by") { 9 } else { 5 };
    let open = (i + 1..(i + reach).min(n))
        .take_while(|&j| s.is_free_word(j))
        .find(|&j| is_in(QUESTION_OPENERS, s.word(j)))?;
    let a = if s.is(open, "about") { open + 1 } else { open };
    let b = (a + 1..n)
        .find(|&j| !s.toks[j].quoted && (s.is_punct(j, ",") || s.is_punct(j, ";")))
        .unwrap_or(n);
    Some((s.word(i).to_ascii_lowercase(), (a, b)))
}

/// The agent of "was asked by host Jane Roe whether …": the words from after "by" to the
/// question `q`, when they open with a capital, an article or a role.
fn asker(s: &Sentence, i: usize, q: usize) -> Option<(usize, usize)> {
    if !s.is(i + 1, "by") || q <= i + 2 {
        return None;
    }
    let a = i + 2;
    let end = if s.is(q - 1, "about") { q - 1 } else { q };
    let first = s.word(a);
    (end > a
        && (s.capitalised(a)
            || ["the", "a", "an"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w))
            || lex::is_role_head(first)))
    .then_some((a, end))
}

/// "X is (widely) expected to …", "who was not expected to …": the clause from its
/// subject to the sentence's end.
fn expected(s: &Sentence, i: usize) -> Option<(String, (usize, usize))> {
    if !s.is(i, "expected") || !s.is(i + 1, "to") {
        return None;
    }
    // Back over adverbs and "not" to the form of "be".
    let mut k = i;
    while k > 0 && s.is_free_word(k - 1) && is_adverb(s.word(k - 1)) {
        k -= 1;
    }
    if k == 0 || !s.is_free_word(k - 1) || !lex::is_be_form(s.word(k - 1)) {
        return None;
    }
    let be = k - 1;
    let a = subject_start(s, be)?;
    let be = s.word(be).to_ascii_lowercase();
    Some((format!("{be} expected"), (a, s.toks.len())))
}

/// "X seems to …" (over an adverb: "appears unlikely to" is left out, an adjective being
/// a judgement more often than an attribution) and "it appears (, though,) that …".
fn seems(s: &Sentence, i: usize) -> Option<(String, (usize, usize))> {
    if !is_in(SEEM, s.word(i)) {
        return None;
    }
    let cue = s.word(i).to_ascii_lowercase();
    let n = s.toks.len();
    if i > 0 && s.is(i - 1, "it") {
        // "It seems that …": the clause after "that", over a parenthetical.
        let that = (i + 1..(i + 5).min(n)).find(|&j| s.is_free_word(j) && s.is(j, "that"))?;
        return Some((cue, (that + 1, n)));
    }
    let mut k = i + 1;
    while k < n && s.is_free_word(k) && is_adverb(s.word(k)) {
        k += 1;
    }
    if !(s.is_free_word(k) && s.is(k, "to")) {
        return None;
    }
    let a = subject_start(s, i)?;
    Some((cue, (a, n)))
}

/// Where the subject of the verb at `k` starts: a relative word right before it ("which
/// is expected to …") or the subject noun phrase.
fn subject_start(s: &Sentence, k: usize) -> Option<usize> {
    if k > 0 && s.is_free_word(k - 1) && is_in(RELATIVES, s.word(k - 1)) {
        return Some(k - 1);
    }
    subject_before(s, k).map(|(a, _)| a)
}

/// "widely", "not", "also": a word between a verb and what it takes.
fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly")) || is_in(&["not", "also", "still", "now", "n't"], w)
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    //! One sentence per construction, written for these tests (no evaluation text).
    use crate::extract::{FoundClaim, extract};

    fn claims(body: &str) -> Vec<FoundClaim> {
        extract(&format!("Harbour plan approved\n{body}\n")).claims
    }

    fn with_cue<'c>(c: &'c [FoundClaim], cue: &str) -> &'c FoundClaim {
        c.iter()
            .find(|c| c.cue == cue)
            .unwrap_or_else(|| panic!("no claim with cue {cue}: {c:?}"))
    }

    #[test]
    fn a_question_put_to_the_speaker_is_a_claim_without_a_source() {
        let c = claims(
            "Asked on Monday whether the bridge would open in May, the mayor said the works were late.",
        );
        let q = with_cue(&c, "asked");
        assert_eq!(q.content, "whether the bridge would open in May");
        assert_eq!(q.mention, None);
        // The frame of the main clause stays as it was.
        assert_eq!(with_cue(&c, "said").content, "the works were late");
    }

    #[test]
    fn a_question_after_when_asked_about_runs_to_the_sentence_end() {
        let c = claims("The engineer smiled when asked about the cost of the new cranes.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].content, "the cost of the new cranes");
        assert_eq!(c[0].mention, None);
    }

    #[test]
    fn asked_with_its_own_subject_is_no_question_put_to_someone() {
        let c = claims("The engineer asked whether the cranes would arrive in time.");
        assert!(c.iter().all(|c| c.mention.is_some()), "{c:?}");
    }

    #[test]
    fn an_expectation_is_the_clause_with_its_subject() {
        let c = claims("The harbour bill is widely expected to pass on Friday.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            c[0].content,
            "The harbour bill is widely expected to pass on Friday"
        );
        assert_eq!(c[0].cue, "is expected");
        assert_eq!(c[0].mention, None);
    }

    #[test]
    fn an_expectation_in_a_relative_clause_starts_at_the_relative_word() {
        let c = claims("The council approved the fair, which is expected to draw large crowds.");
        let e = with_cue(&c, "is expected");
        assert_eq!(e.content, "which is expected to draw large crowds");
    }

    #[test]
    fn an_appearance_is_the_clause_with_its_subject() {
        let c = claims("The port authority seemed to lose all interest in the idle cranes.");
        let e = with_cue(&c, "seemed");
        assert!(e.content.starts_with("The port authority seemed to lose"));
        assert_eq!(e.mention, None);
        // Before a speech verb the subject is its speaker ("seemed to concede that …").
        let c = claims("The port authority seemed to concede that the cranes were idle.");
        let e = with_cue(&c, "concede");
        assert_eq!(e.content, "that the cranes were idle");
        assert_eq!(e.mention.as_deref(), Some("The port authority"));
        let c = claims("It appears, though, that the cranes were idle for months.");
        assert_eq!(
            with_cue(&c, "appears").content,
            "that the cranes were idle for months"
        );
    }

    #[test]
    fn a_cue_inside_another_frames_content_is_left_to_it() {
        let c = claims("The mayor said the bill is expected to pass on Friday.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].cue, "said");
    }

    #[test]
    fn seeming_without_an_infinitive_is_no_claim() {
        assert!(claims("The cranes seemed idle for months.").is_empty());
        assert!(claims("The mayor appeared at the opening of the bridge.").is_empty());
    }
}
