//! "According to X, …", "…, according to X" and "In a poll released Monday, …".

use super::super::complements;
use super::Frame;
use super::lex;
use super::sentence::{Sentence, content_span, strip_quotes};

/// "According to X, …" and "…, according to X".
pub(super) fn according_to(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    let k = (0..n.saturating_sub(1))
        .find(|&i| s.is_free_word(i) && s.is(i, "according") && s.is(i + 1, "to"))?;
    // The source runs to the next comma or the end.
    let src_end = (k + 2..n)
        .find(|&i| !s.toks[i].word && !s.word(i).starts_with('.') || s.toks[i].quoted)
        .unwrap_or(n);
    let src_end = (k + 2..src_end)
        .rev()
        .find(|&i| s.toks[i].word)
        .map(|i| i + 1)?;
    let mention = Some(s.span(k + 2, src_end));
    let cue_text = s.text[s.toks[k].start..s.toks[k + 1].end].to_string();
    let after = s.trim(src_end, n);
    // "But, according to X, …", "Now, according to X, …": an opener is no content.
    let opener_only = (0..k).all(|i| {
        !s.toks[i].word
            || lex::is_filler(s.word(i))
            || [
                "but",
                "and",
                "now",
                "so",
                "yet",
                "however",
                "still",
                "meanwhile",
                "instead",
            ]
            .iter()
            .any(|w| s.word(i).eq_ignore_ascii_case(w))
    });
    let content = if k == 0 || opener_only {
        vec![content_span(s, after?.0, after?.1)]
    } else {
        // "…, according to X." or "…, according to X, …": the words on both sides; one
        // word before is enough when the sentence goes on ("Fundraising, according to the
        // campaign, has surged").
        let before = s.trim(0, k).or_else(|| {
            let w = (0..k).find(|&i| s.toks[i].word)?;
            (s.is_punct(src_end, ",") && after.is_some()).then_some((w, w + 1))
        });
        let (a, b) = before?;
        let mut parts = vec![strip_quotes(s, a, b)];
        // "…, according to X, but the rival camp …": a new clause is not the content.
        let new_clause = after.is_some_and(|(p, _)| {
            s.is_free_word(p)
                && matches!(
                    s.word(p).to_ascii_lowercase().as_str(),
                    "but"
                        | "and"
                        | "while"
                        | "although"
                        | "though"
                        | "as"
                        | "which"
                        | "who"
                        | "whereas"
                        | "yet"
                        | "so"
                )
        });
        if s.is_punct(src_end, ",")
            && !new_clause
            && let Some((p, q)) = after
        {
            parts.push(content_span(s, p, q));
        }
        parts
    };
    Some(Frame {
        content,
        cue: cue_text,
        mention,
        headline: false,
        continues: false,
        announces: false,
    })
}

/// "In an NBC News poll released Monday, 50 percent chose …": a document that opens the
/// sentence is the source of what follows it.
pub(super) fn in_document(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    let start = usize::from(s.is(0, "but") || s.is(0, "and"));
    if !s.is_free_word(start) || !s.word(start).eq_ignore_ascii_case("in") {
        return None;
    }
    let comma = (start + 2..n.min(start + 16)).find(|&i| s.is_punct(i, ","))?;
    if (start + 1..comma).any(|i| !s.is_free_word(i) && !s.is_punct(i, "/")) {
        return None;
    }
    // The head: the last word, or the word before "released", "conducted", "of", "taken".
    let head = (start + 2..comma)
        .find(|&i| {
            [
                "released",
                "conducted",
                "published",
                "of",
                "taken",
                "last",
                "this",
            ]
            .iter()
            .any(|w| s.is(i, w))
        })
        .map_or(comma - 1, |i| i - 1);
    if !complements::is_document(s.word(head)) || lex::is_time_word(s.word(start + 1)) {
        return None;
    }
    let (a, b) = s.trim(comma + 1, n)?;
    if (a..b).filter(|&i| s.toks[i].word).count() < 4 {
        return None;
    }
    Some(Frame {
        content: vec![content_span(s, a, b)],
        cue: s.word(start).to_string(),
        mention: Some(s.span(start + 1, comma)),
        headline: false,
        continues: false,
        announces: false,
    })
}
