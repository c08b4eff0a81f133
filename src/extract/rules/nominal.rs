//! Nominal cues: "X's announcement that …".

use super::super::complements;
use super::Frame;
use super::lex;
use super::sentence::{Sentence, content_span};

/// "X's announcement that …".
pub(super) fn nominal(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for k in 1..n.saturating_sub(2) {
        if !(s.is(k + 1, "that") && s.is_free_word(k) && lex::is_cue_noun(s.word(k))) {
            continue;
        }
        // Back over up to two modifiers to the possessor.
        let mut p = k;
        for _ in 0..3 {
            if p == 0 {
                break;
            }
            let w = s.word(p - 1);
            if w == "'" || w == "\u{2019}" || w.ends_with("'s") || w.ends_with("\u{2019}s") {
                break;
            }
            if !s.is_free_word(p - 1) || s.capitalised(p - 1) {
                break;
            }
            p -= 1;
        }
        if p == 0 {
            continue;
        }
        let (pos_end, owner_last) = if s.word(p - 1) == "'" || s.word(p - 1) == "\u{2019}" {
            (p, p.checked_sub(2))
        } else if s.word(p - 1).ends_with("'s") || s.word(p - 1).ends_with("\u{2019}s") {
            (p, Some(p - 1))
        } else {
            continue;
        };
        let Some(last) = owner_last else {
            continue;
        };
        if !s.capitalised(last) && (last == 0 || !s.is(last - 1, "the")) {
            continue;
        }
        let mut first = last;
        while first > 0
            && s.is_free_word(first - 1)
            && (s.capitalised(first - 1) || s.is(first - 1, "the"))
            && last - first < 5
        {
            first -= 1;
        }
        if let Some((a, b)) = s.trim(k + 2, n) {
            out.push(Frame {
                content: vec![content_span(s, a, b)],
                cue: s.word(k).to_string(),
                mention: Some(s.span(first, pos_end)),
                headline: false,
                continues: false,
                announces: false,
            });
            return;
        }
    }
}

/// An owned stance noun: "his promise to cut taxes", "Trump's attacks on the press",
/// "their support for the bill". The owner speaks; the content is what follows.
pub(super) fn owned_stance(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for k in 1..n.saturating_sub(3) {
        if !s.is_free_word(k) {
            continue;
        }
        let Some(preps) = complements::stance_noun(s.word(k)) else {
            continue;
        };
        let prep = s.word(k + 1).to_ascii_lowercase();
        if !s.is_free_word(k + 1) || !preps.contains(&prep.as_str()) {
            continue;
        }
        // The owner, over up to two modifiers: "his repeated attacks on", "Smith's call for".
        let mut p = k;
        while p > 0 && k - p < 2 && s.is_free_word(p - 1) && !owner_word(s, p - 1) {
            if lex::is_np_stop(s.word(p - 1)) || s.capitalised(p - 1) {
                break;
            }
            p -= 1;
        }
        if p == 0 {
            continue;
        }
        let Some(owner) = owner_span(s, p - 1) else {
            continue;
        };
        let start = k + 2;
        let words = (start..n).filter(|&i| s.toks[i].word).count();
        if words < 3 {
            continue;
        }
        // The content ends with the phrase: at the next comma-like mark or the sentence end.
        let end = (start..n)
            .find(|&i| s.is_comma_like(i) && !s.toks[i].quoted)
            .unwrap_or(n);
        if let Some((a, b)) = s.trim(start, end)
            && (a..b).filter(|&i| s.toks[i].word).count() >= 3
        {
            out.push(Frame {
                content: vec![content_span(s, a, b)],
                cue: s.text[s.toks[k].start..s.toks[k + 1].end].to_string(),
                mention: Some(owner),
                headline: false,
                continues: false,
                announces: false,
            });
            return;
        }
    }
}

/// Is token `i` a possessive word ("his", "Smith's")?
fn owner_word(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    matches!(
        w.to_ascii_lowercase().as_str(),
        "his" | "her" | "their" | "its" | "our"
    ) || w.ends_with("'s")
        || w.ends_with("\u{2019}s")
}

/// The owner ending at token `i`: a possessive pronoun, or a name or description with 's.
fn owner_span(s: &Sentence, i: usize) -> Option<(usize, usize)> {
    let w = s.word(i);
    if matches!(
        w.to_ascii_lowercase().as_str(),
        "his" | "her" | "their" | "its" | "our"
    ) {
        return Some(s.span(i, i + 1));
    }
    if !(w.ends_with("'s") || w.ends_with("\u{2019}s")) {
        return None;
    }
    let stem = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    if lex::is_pronoun(stem)
        || matches!(
            stem.to_ascii_lowercase().as_str(),
            "there" | "here" | "what"
        )
    {
        return None;
    }
    let mut a = i;
    while a > 0
        && s.is_free_word(a - 1)
        && (s.capitalised(a - 1) || s.is(a - 1, "the"))
        && i - a < 5
    {
        a -= 1;
    }
    (s.capitalised(a) || s.is(a, "the")).then(|| s.span(a, i + 1))
}
