//! Stance adjectives after a linking verb: "Republicans have been critical of the deal",
//! "she remains confident that the bill will pass", "he is worried about the cost".
//! Tried, like the stance verbs, only when a sentence has no clause-taking frame.

use super::super::complements;
use super::Frame;
use super::bounds::{phrase_end, plausible_subject, words_between};
use super::content::reported;
use super::lex;
use super::sentence::Sentence;
use super::stance::STANCE;
use super::subjects::{is_speaker_phrase, subject_before};

/// Content shorter than this many words is not worth a row ("is critical of it").
const MIN_WORDS: usize = 3;

/// Linking verbs other than "be" that take a stance adjective.
fn is_linking_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    [
        "seem", "seems", "seemed", "appear", "appears", "appeared", "remain", "remains",
        "remained", "become", "becomes", "became", "grow", "grows", "grew", "sound", "sounds",
        "sounded",
    ]
    .contains(&w.as_str())
}

/// The linking verb before the adjective at `k`, over adverbs ("was increasingly
/// critical", "seemed more confident").
fn linking_before(s: &Sentence, k: usize) -> Option<usize> {
    if let Some(be) = s.be_before(k) {
        return Some(be);
    }
    let mut j = k;
    while j > 0 && k - j < 3 && s.is_free_word(j - 1) {
        let w = s.word(j - 1);
        if is_linking_verb(w) {
            return Some(j - 1);
        }
        let lower = w.to_ascii_lowercase();
        if !(lex::is_filler(w) || lower.ends_with("ly") || lower == "more" || lower == "less") {
            return None;
        }
        j -= 1;
    }
    None
}

/// Frames of stance adjectives from token `from` on. Returns true when one was found.
pub(super) fn adjective_frames(s: &Sentence, from: usize, out: &mut Vec<Frame>) -> bool {
    let n = s.toks.len();
    for k in from..n {
        if !s.is_free_word(k) || !s.is_free_word(k + 1) {
            continue;
        }
        // The word after the adjective is checked first: most words are no stance adjective
        // and most are followed by no preposition of the table.
        let after = s.word(k + 1);
        let Some(next) = complements::STANCE_ADJECTIVE_LINKS
            .iter()
            .find(|p| after.eq_ignore_ascii_case(p))
        else {
            continue;
        };
        let Some(preps) = complements::stance_adjective(s.word(k)) else {
            continue;
        };
        if !preps.contains(next) {
            continue;
        }
        let next = *next;
        let Some(link) = linking_before(s, k) else {
            continue;
        };
        let start = k + 2;
        if words_between(s, start, n) < MIN_WORDS {
            continue;
        }
        let Some((a, b)) = subject_before(s, link)
            .filter(|&(a, b)| plausible_subject(s, a, b) && is_speaker_phrase(s, a, b))
        else {
            continue;
        };
        let end = if next == "that" {
            n
        } else {
            phrase_end(s, start, n, false)
        };
        let cue = s.text[s.toks[link].start..s.toks[k + 1].end].to_string();
        reported(s, start, end, cue, Some(s.span(a, b)), STANCE, out);
        return !out.is_empty();
    }
    false
}
