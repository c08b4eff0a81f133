//! "As X put it, …" and "…, as X said.": a frame in an "as" clause whose content is the
//! main clause it comments on, before or after it.

use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};
use super::subjects::is_speaker_phrase;

/// Words of the speaker between "as" and the cue, at most.
const MAX_SPEAKER: usize = 7;

/// Tokens of an adjunct after the cue ("put it in a statement to reporters in July"), at
/// most.
const MAX_ADJUNCT: usize = 14;

/// The frame of an "as" clause opening the sentence ("As Roe put it, …", "But as the
/// mayor noted last week, …") or closing it ("…, as a city memo put it.").
pub(super) fn as_frame(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    let opening = (0..n.min(3))
        .find(|&i| s.is_free_word(i) && s.is(i, "as"))
        .filter(|&i| {
            (0..i)
                .all(|j| !s.toks[j].word || ["but", "and", "yet", "so"].iter().any(|w| s.is(j, w)))
        });
    if let Some(a) = opening {
        let (mention, cue, cue_end) = speaker_and_cue(s, a + 1)?;
        // The clause ends at the first comma after the cue, over a short adjunct.
        let comma = (cue_end + 1..n.min(cue_end + 2 + MAX_ADJUNCT))
            .find(|&i| s.is_punct(i, ","))
            .filter(|&c| (cue_end + 1..c).all(|j| s.is_free_word(j)))?;
        let (x, y) = s.trim(comma + 1, n)?;
        return Some(frame(strip_quotes(s, x, y), mention, cue));
    }
    // "…, as X put it." The "as" clause runs to the sentence's end.
    let c = (2..n).rev().find(|&i| {
        s.is(i, "as") && (s.is_punct(i - 1, ",") || s.closes_quote(i - 1) && s.is_punct(i - 2, ","))
    })?;
    if !s.is_free_word(c) {
        return None;
    }
    let (mention, cue, cue_end) = speaker_and_cue(s, c + 1)?;
    let rest_plain = (cue_end + 1..n).all(|j| s.is_free_word(j) || j + 1 == n && !s.toks[j].word);
    if !rest_plain || n - cue_end > MAX_ADJUNCT {
        return None;
    }
    let (x, y) = s.trim(0, c)?;
    if (x..y).filter(|&j| s.toks[j].word).count() < 4 {
        return None;
    }
    Some(frame(strip_quotes(s, x, y), mention, cue))
}

/// From token `a`: a speaker phrase and a cue that can close a sentence ("said",
/// "noted", "put it"). Returns the mention's span, the cue and its last token.
fn speaker_and_cue(s: &Sentence, a: usize) -> Option<((usize, usize), String, usize)> {
    let n = s.toks.len();
    let k = (a + 1..n.min(a + 1 + MAX_SPEAKER)).find(|&k| {
        s.is_free_word(k)
            && (lex::is_cue_verb(s.word(k)) && lex::is_postposable(s.word(k))
                || ["put", "puts"].iter().any(|w| s.is(k, w)) && s.is(k + 1, "it"))
    })?;
    // "as an added bonus": a determiner alone names no one.
    let bare = [
        "a", "an", "the", "this", "that", "its", "his", "her", "their",
    ]
    .iter()
    .any(|w| s.is(k - 1, w));
    if bare || !(a..k).all(|j| s.is_free_word(j)) || !is_speaker_phrase(s, a, k) {
        return None;
    }
    let cue_end = if s.is(k, "put") || s.is(k, "puts") {
        k + 1
    } else {
        k
    };
    let cue = s.text[s.toks[k].start..s.toks[cue_end].end].to_string();
    Some((s.span(a, k), cue, cue_end))
}

fn frame(content: (usize, usize), mention: (usize, usize), cue: String) -> Frame {
    Frame {
        content: vec![content],
        cue,
        mention: Some(mention),
        headline: false,
        continues: false,
        announces: false,
    }
}
