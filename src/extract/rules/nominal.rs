//! Nominal cues: "X's announcement that …".

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
