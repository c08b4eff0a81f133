//! A stance in the passive with its agent: "The plan was criticized by the union", "Roe
//! has been praised by her rivals for cutting the tolls". The speaker is the agent after
//! "by"; the content is the subject, with the reason after "for" when one follows the
//! agent ("Roe … for cutting the tolls").

use super::super::complements;
use super::bounds::phrase_end;
use super::lex;
use super::sentence::Sentence;
use super::subjects::{is_speaker_phrase, noun_phrase_before, subject_before};
use super::{Frame, insert_in_order};

/// Frames of passive stance verbs with an agent in `s`, none overlapping a frame of `out`.
pub(super) fn passive_stance_frames(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for k in 1..n.saturating_sub(2) {
        if !s.is_free_word(k) || !s.is(k + 1, "by") {
            continue;
        }
        let w = s.word(k);
        if !complements::takes(w).is_some_and(|t| t.np)
            || complements::needs_as(w)
            || complements::needs_document(w)
            || !(w.ends_with("ed") || w.ends_with("en"))
        {
            continue;
        }
        let Some(be) = s.be_before(k) else { continue };
        // Over "has", "have" and adverbs: "The plan has long been opposed by …".
        let mut v = be;
        while v > 0 && s.is_free_word(v - 1) && lex::is_filler(s.word(v - 1)) {
            v -= 1;
        }
        let Some((a, b)) = noun_phrase_before(s, v).or_else(|| subject_before(s, be)) else {
            continue;
        };
        // The agent: a speaker's noun phrase up to the next adjunct or comma.
        let agent_end = phrase_end(s, k + 2, n, false);
        let Some((ma, mb)) = s.trim(k + 2, agent_end) else {
            continue;
        };
        if !is_speaker_phrase(s, ma, mb) {
            continue;
        }
        let mut content = vec![s.span(a, b)];
        // "… by her rivals for cutting the tolls": the reason is part of the stance.
        if s.is(mb, "for") {
            let end = phrase_end(s, mb + 1, n, true);
            if let Some((fa, fb)) = s.trim(mb, end) {
                content.push(s.span(fa, fb));
            }
        }
        let mention = s.span(ma, mb);
        let clear = |f: &Frame| {
            !f.content.iter().chain(f.mention.iter()).any(|x| {
                content
                    .iter()
                    .chain([&mention])
                    .any(|y| x.0 < y.1 && y.0 < x.1)
            })
        };
        if !out.iter().all(clear) {
            continue;
        }
        insert_in_order(
            out,
            Frame {
                content,
                cue: s.text[s.toks[be].start..s.toks[k].end].to_string(),
                mention: Some(mention),
                headline: false,
                continues: false,
                announces: false,
            },
        );
    }
}
