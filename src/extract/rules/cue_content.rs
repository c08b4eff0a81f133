//! Where a cue verb's content starts: past the hearer of "told", time words and adjuncts
//! ahead of "that", a colon or a comma; and whether what follows is a clause.

use super::super::complements;
use super::super::syntax::Tag;
use super::lex;
use super::sentence::Sentence;

/// Where the content starts after a cue ending at token `k`: past the hearer of "told",
/// time words, adjuncts ahead of "that", a colon or comma. `None` if nothing follows.
/// "urged the North to refrain from actions that would worsen …": a "that" right before a
/// modal or a form of "be" or "have" has no subject after it, so it opens a relative
/// clause, not the content.
fn relative_that(s: &Sentence, j: usize) -> bool {
    s.is_free_word(j + 1) && is_finite_auxiliary(&s.word(j + 1).to_ascii_lowercase())
}

/// A finite form of "be", "have" or "do", or a modal: "was", "has", "would", "did".
fn is_finite_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
    )
}

pub(super) fn content_start(s: &Sentence, cue_word: &str, k: usize) -> Option<(usize, bool)> {
    let n = s.toks.len();
    let mut i = k + 1;
    let mut clause = false;
    let that_soon = (i..n.min(i + 9))
        .take_while(|&j| s.is_free_word(j))
        .find(|&j| s.is(j, "that"))
        .filter(|&j| !relative_that(s, j));
    if lex::takes_hearer(cue_word) && !s.is(i, "that") && s.is_free_word(i) {
        // "told reporters", "told The Associated Press", "told him"
        if let Some(t) = that_soon {
            // "told a local radio station on Monday that …"
            i = t;
        } else if s.is(i, "the") || s.capitalised(i) {
            i += 1;
            while i < n && s.is_free_word(i) && s.capitalised(i) {
                i += 1;
            }
            if s.is_free_word(i) && !s.capitalised(i) && s.is(i - 1, "the") {
                i += 1;
            }
        } else if s.is_free_word(i) && !s.is(i, "that") {
            i += 1;
        }
    }
    // "said as much", "said as he entered the talks": an adjunct, no content.
    // ("what she described as …" keeps its content.)
    let takes_as = complements::needs_as(cue_word) || complements::takes_as_phrase(cue_word);
    if s.is_free_word(i) && s.is(i, "as") && !takes_as {
        return None;
    }
    loop {
        if i >= n {
            return None;
        }
        // "responded (on Tuesday) by saying …": the gerund is the frame, not this verb's
        // content.
        if s.is_free_word(i) && s.is(i, "by") && lex::is_gerund(s.word(i + 1)) {
            return None;
        }
        if s.is_free_word(i) && lex::is_time_word(s.word(i)) {
            i += 1;
            continue;
        }
        if s.is_free_word(i) && lex::is_adjunct_preposition(s.word(i)) {
            // "said in a statement that …": jump to the "that" if it comes soon.
            // "says at a stop in Toledo, Ohio, that …": commas inside the place too.
            // "agreed to reclaim the land that …": an infinitive, no adjunct ("continued
            // to insist that …" still jumps).
            let infinitive = s.is(i, "to")
                && !lex::is_cue_verb(s.word(i + 1))
                && s.window(i, n.min(i + 3))
                    .tag(i + 1)
                    .is_some_and(|t| t == Tag::VB);
            let that = (i + 1..n.min(i + 12))
                .take_while(|&j| (s.toks[j].word || s.is_punct(j, ",")) && !s.toks[j].quoted)
                .find(|&j| s.is(j, "that"))
                .filter(|&j| !infinitive && !relative_that(s, j));
            if let Some(t) = that {
                i = t;
                continue;
            }
            // "said in a statement: \"…\"" / "said in a statement, \"…\"".
            let colon = (i + 1..n.min(i + 10))
                .find(|&j| !s.toks[j].word)
                .filter(|&j| (s.is_punct(j, ":") || s.is_punct(j, ",")) && s.opens_quote(j + 1));
            if let Some(c) = colon {
                i = c;
                break;
            }
            // "told parliament on Monday the strike was …", "said in Paris the talks …":
            // a short phrase of time words or names, then the clause.
            let mut j = i + 1;
            while j < n
                && j - i <= 3
                && s.is_free_word(j)
                && (lex::is_time_word(s.word(j)) || s.capitalised(j))
            {
                j += 1;
            }
            if j > i + 1 && j < n && s.is_free_word(j) && !lex::is_adjunct_preposition(s.word(j)) {
                i = j;
                continue;
            }
            // "said after the convention he would …": a short phrase, then a pronoun that
            // opens the clause.
            if let Some(p) = (i + 2..n.min(i + 6))
                .take_while(|&p| {
                    s.is_free_word(p) && !s.capitalised(p) || p > i + 1 && s.is(p, "he")
                })
                .find(|&p| {
                    matches!(
                        s.word(p).to_ascii_lowercase().as_str(),
                        "he" | "she" | "they" | "we" | "it" | "i"
                    )
                })
                && s.window(i, p).tag(p - 1).is_some_and(|t| t.is_noun())
            {
                i = p;
                continue;
            }
            return None;
        }
        break;
    }
    if s.is(i, "that") && s.is_free_word(i) {
        i += 1;
        clause = true;
    }
    if s.is_punct(i, ":") || s.is_punct(i, ",") {
        i += 1;
    }
    s.trim(i, n)?;
    if s.opens_quote(i) {
        clause = true;
    }
    if s.is_free_word(i)
        && matches!(
            s.word(i).to_ascii_lowercase().as_str(),
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "there"
                | "whether"
                | "if"
                | "how"
                | "why"
                | "what"
        )
    {
        clause = true;
    }
    // "found the agency was wrong", "showed the plan would fail": a short subject, then a
    // finite verb, is a clause without "that".
    if !clause && bare_clause(s, i) {
        clause = true;
    }
    Some((i, clause))
}

/// Does a clause start at token `i`: up to six words of a subject, then a finite auxiliary
/// or modal ("the report was", "most voters would")?
fn bare_clause(s: &Sentence, i: usize) -> bool {
    let n = s.toks.len();
    let mut j = i;
    while j < n && j - i < 7 && s.is_free_word(j) {
        let w = s.word(j).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "who" | "which" | "that" | "whom" | "to" | "and" | "or"
        ) {
            return false;
        }
        if j > i && is_finite_auxiliary(&w) {
            return true;
        }
        j += 1;
    }
    false
}

/// Does the content candidate at `i` start with an adjunct ("on Tuesday", "in a statement")
/// rather than a clause? Then a frame after a comma closes the sentence instead.
pub(super) fn adjunct_start(s: &Sentence, i: usize) -> bool {
    s.is_free_word(i) && (lex::is_adjunct_preposition(s.word(i)) || lex::is_time_word(s.word(i)))
}
