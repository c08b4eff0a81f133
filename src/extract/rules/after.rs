//! A second speaker after every content found: "\"…,\" Roe said, while the union
//! denied the claim", "\"…,\" Roe said, but the mayor said the tolls would fall". The
//! rules stop at a sentence's first frame; this pass reads the words after the last
//! content, speaker and trailing frame for a stance or speech-verb frame of its own, whose
//! speaker and content lie wholly after them and whose speaker opens a clause. (A frame nested inside a content, "Roe said the union opposed
//! the plan", is not read: the corpus marks few of them, and they cost precision.)

use super::super::complements;
use super::Frame;
use super::cue_words::cue_at;
use super::sentence::Sentence;
use super::stance::stance_frames;
use super::verbs::verb_frames_from;

/// At most this many frames are read after the contents of one sentence.
const MAX_AFTER: usize = 2;

/// Adds the stance and speech-verb frames after every content and speaker of `out`.
pub(super) fn stance_after(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for _ in 0..MAX_AFTER {
        let Some(hi) = out
            .iter()
            .flat_map(|f| f.content.iter().chain(f.mention.iter()).copied())
            .map(|span| s.tokens_of(span).1)
            .max()
        else {
            return;
        };
        // Most sentences hold no cue word after their frame: nothing to tag then.
        if hi + 3 > n
            || !(hi..n).any(|i| {
                (s.is_free_word(i) && complements::takes(s.word(i)).is_some())
                    || cue_at(s, i).is_some()
            })
        {
            return;
        }
        let mut more = Vec::new();
        if !stance_frames(s, hi, &mut more) {
            verb_frames_from(s, hi, &mut more);
        }
        let mut found = false;
        for f in more {
            let after = |span: &(usize, usize)| s.tokens_of(*span).0 >= hi;
            let clear = |o: &Frame| {
                !o.content
                    .iter()
                    .chain(o.mention.iter())
                    .any(|x| f.content.iter().any(|y| x.0 < y.1 && y.0 < x.1))
            };
            if f.mention.as_ref().is_some_and(after)
                && f.mention.is_some_and(|m| opens_clause(s, s.tokens_of(m).0))
                && f.content.iter().all(after)
                && out.iter().all(clear)
            {
                out.push(f);
                found = true;
            }
        }
        if !found {
            return;
        }
    }
}

/// Does a clause of its own open at token `m` (after a comma, a semicolon or a
/// conjunction)? A speaker found in the middle of a phrase ("for Roll Call", "in a later
/// interview said") is no second speaker.
fn opens_clause(s: &Sentence, m: usize) -> bool {
    m > 0
        && (s.is_punct(m - 1, ",")
            || s.is_punct(m - 1, ";")
            || ["while", "but", "and", "whereas", "though", "although", "as"]
                .iter()
                .any(|w| s.is(m - 1, w)))
}
