//! A quotation framed by a verb no list holds: "\"…,\" Roe deadpanned.", "Clinton
//! cracked, \"…\"", "Sanders asks at a school, \"…\"" (and "Said Roe, \"…\""). A
//! sentence that is one whole quotation and a subject with its verb (and a short adjunct)
//! is a quotation of that subject, whatever the verb. Tried only on a sentence no other
//! rule framed.

use super::super::syntax::Tag;
use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};

/// At most this many words between the verb and an opening quotation ("asks at a
/// school in Ashton, \"…\"").
const MAX_ADJUNCT: usize = 6;

/// The frame of a sentence made of a quotation and a subject with its verb.
pub(super) fn quote_verb_frame(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    // "\"…,\" Roe deadpanned." : the quotation opens the sentence.
    if s.opens_quote(0) {
        let close = (1..n).find(|&i| s.closes_quote(i))?;
        // The quotation ends in a comma, "?" or "!" inside its marks.
        if ![",", "?", "!"].iter().any(|p| s.is_punct(close - 1, p)) {
            return None;
        }
        let subj = close + 1;
        let mut v = subj;
        while v < n && s.is_free_word(v) && v - subj < 5 && !verb_at(s, v) {
            v += 1;
        }
        let mut end = v + 1;
        while end < n && s.is_free_word(end) && (s.word(end).ends_with("ly") || s.is(end, "back")) {
            end += 1;
        }
        if v == subj
            || !verb_at(s, v)
            || !subject(s, subj, v)
            || end < n && !s.is_punct(end, ".")
            || end + 1 < n
        {
            return None;
        }
        return frame(s, (0, close + 1), v, end, (subj, v));
    }
    // "Clinton cracked, \"…\"": the quotation closes the sentence.
    let last = (0..n)
        .rev()
        .find(|&i| s.toks[i].word || s.closes_quote(i))?;
    if !s.closes_quote(last) {
        return None;
    }
    let open = (0..last).rev().find(|&i| s.opens_quote(i))?;
    if open < 3 || !(s.is_punct(open - 1, ",") || s.is_punct(open - 1, ":")) {
        return None;
    }
    // "Said Jane Roe, who grew up by the port, \"…\"": the cue opens the sentence and its
    // speaker follows, up to a comma.
    if s.is(0, "said") || s.is(0, "says") {
        let end = (1..open).find(|&i| !s.is_free_word(i))?;
        if end == 1 || end - 1 > 6 || !s.capitalised(1) {
            return None;
        }
        return frame(s, (open, last + 1), 0, 1, (1, end));
    }
    // "And Mr. Christie gloated, …": a conjunction opening the sentence is no subject's.
    let first = usize::from(s.is(0, "and") || s.is(0, "but"));
    let v = (first + 1..open.min(first + 7)).find(|&i| s.is_free_word(i) && verb_at(s, i))?;
    if !subject(s, first, v)
        || (v + 1..open - 1).any(|i| !s.is_free_word(i))
        || open - 1 - (v + 1) > MAX_ADJUNCT
    {
        return None;
    }
    frame(s, (open, last + 1), v, v + 1, (first, v))
}

/// A verb of the past or the present's third person, written in lower case.
fn verb_at(s: &Sentence, i: usize) -> bool {
    s.is_free_word(i)
        && !s.capitalised(i)
        && !lex::is_be_form(s.word(i))
        && s.window(i.saturating_sub(3), i + 1)
            .tag(i)
            .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ))
}

/// Tokens `a..b` as a subject: a pronoun, or a name or a phrase opened by a capital or
/// an article.
fn subject(s: &Sentence, a: usize, b: usize) -> bool {
    if b == a + 1
        && matches!(
            s.word(a).to_ascii_lowercase().as_str(),
            "he" | "she" | "they"
        )
    {
        return true;
    }
    // "When he returned, …", "At the bottom it reads": a clause or an adjunct, no subject.
    (a..b).all(|i| s.is_free_word(i))
        && (s.capitalised(a) || s.is(a, "the") || s.is(a, "a"))
        && !lex::is_pronoun(s.word(a))
        && !lex::is_time_word(s.word(a))
        && !lex::is_np_stop(s.word(a))
        && !lex::is_subordinator(s.word(a))
        && !lex::is_adjunct_preposition(s.word(a))
}

fn frame(
    s: &Sentence,
    (qa, qb): (usize, usize),
    v: usize,
    cue_end: usize,
    (ma, mb): (usize, usize),
) -> Option<Frame> {
    let (qa, qb) = s.trim(qa, qb)?;
    Some(Frame {
        content: vec![strip_quotes(s, qa, qb)],
        cue: s.text[s.toks[v].start..s.toks[cue_end - 1].end].to_string(),
        mention: Some(s.span(ma, mb)),
        headline: false,
        continues: false,
        announces: false,
    })
}
