//! Where reported content ends: second cues of the same speaker (", adding that …"), a new
//! speaker taking over (", but officials said …") and nested passives ("was told by X that");
//! ", but that …" with no frame of its own is a second part of the same content.

use super::super::complements;
use super::super::syntax::Tag;
use super::Frame;
use super::cue_content::content_start;
use super::cue_words::cue_at;
use super::lex;
use super::sentence::{Sentence, content_span, strip_quotes};
use super::subjects::subject_before;

/// A stance of the same speaker at a token: (sentence, token, speaker mention, frames).
pub(super) type SecondStance = fn(&Sentence, usize, Option<(usize, usize)>, &mut Vec<Frame>);

/// The stance rules a content's next clause is read with ("…, although he refused to
/// pledge …", "…, but pledged to stay calm"). The layer above (`stance.rs`) passes its
/// own, so that this module imports none of them.
#[derive(Clone, Copy)]
pub(super) struct Stance {
    /// The stance frames of the clause from a token on; true when it had one.
    pub frames: fn(&Sentence, usize, &mut Vec<Frame>) -> bool,
    /// The stance of the same speaker at a token.
    pub second: SecondStance,
}

/// Reported content from token `i` to the sentence end, split at second cues.
pub(super) fn reported(
    s: &Sentence,
    i: usize,
    n: usize,
    cue: String,
    mention: Option<(usize, usize)>,
    stance: Stance,
    out: &mut Vec<Frame>,
) {
    // "…, but that the cost was high": a second reported clause that opens no frame of
    // its own (no new speaker, no cue or stance of the same one) goes on with the content.
    let mut from = i;
    let mut after = Vec::new();
    let split = loop {
        let split = second_cue_at(s, from, n);
        let Some((_, next)) = split else { break None };
        if !contrast_at(s, next) {
            break split;
        }
        second_cues(s, next, n, mention, stance, &mut after);
        if !after.is_empty() {
            break split;
        }
        from = next;
    };
    let end = split.map_or(n, |(at, _)| at);
    if let Some((a, b)) = s.trim(i, end) {
        let content = strip_quotes(s, a, b);
        out.push(Frame {
            content: vec![content],
            cue,
            mention,
            headline: false,
            continues: false,
            announces: false,
        });
        nested_passive(s, a, b, out);
    }
    if after.is_empty()
        && let Some((_, next)) = split
    {
        second_cues(s, next, n, mention, stance, out);
    }
    out.append(&mut after);
}

/// Does the clause after a split start at token `next` with "but that" or "but" and a
/// quotation: a second part of what was reported ("said the plan was costly, but that it
/// would pay off")?
fn contrast_at(s: &Sentence, next: usize) -> bool {
    // "…, but that was not the case": "that" is the subject of a verb.
    let complementizer = s.is_free_word(next + 1)
        && s.is(next + 1, "that")
        && !(lex::is_be_form(s.word(next + 2))
            || s.word(next + 2).to_ascii_lowercase().starts_with("wasn")
            || [
                "has", "had", "would", "will", "could", "did", "does", "may", "might",
            ]
            .iter()
            .any(|w| s.is(next + 2, w)));
    s.is_free_word(next) && s.is(next, "but") && (complementizer || s.opens_quote(next + 1))
}

/// Claims that start at a second cue at token `k` ("adding that …").
pub(super) fn second_cues(
    s: &Sentence,
    k: usize,
    n: usize,
    mention: Option<(usize, usize)>,
    stance: Stance,
    out: &mut Vec<Frame>,
) {
    let mut k = k;
    while k < n
        && (!s.is_free_word(k)
            || s.is(k, "but")
            || s.is(k, "and")
            || s.is(k, "while")
            || s.is(k, "whereas")
            || s.is(k, "although")
            || s.is(k, "though"))
    {
        k += 1;
    }
    while k < n && lex::is_filler(s.word(k)) {
        k += 1;
    }
    let mut mention = mention;
    if cue_at(s, k).is_none() {
        // "…, but officials said …": a new speaker takes over.
        let found = (k + 1..n.min(k + 10))
            .find(|&m| cue_at(s, m).is_some())
            .and_then(|m| {
                subject_before(s, m)
                    .filter(|&(a, _)| a == k)
                    .map(|sub| (m, sub))
            });
        let Some((m, (a, b))) = found else {
            // "…, although he refused to pledge …": a stance verb of the new clause.
            let mut more = Vec::new();
            if (stance.frames)(s, k, &mut more)
                && more
                    .first()
                    .and_then(|f| f.mention)
                    .is_some_and(|m| m.0 >= s.toks[k].start)
            {
                out.append(&mut more);
            }
            return;
        };
        mention = Some(s.span(a, b));
        k = m;
    }
    let Some((cue_end, cue)) = cue_at(s, k) else {
        return;
    };
    let cue_word = s.word(k).to_string();
    if let Some((i, clause)) = content_start(s, &cue_word, cue_end)
        && (clause || !lex::needs_clause(&cue_word))
    {
        reported(s, i, n, cue, mention, stance, out);
    } else {
        // "…, but pledged to stay calm": a stance of the same speaker.
        (stance.second)(s, k, mention, out);
    }
}

/// A second cue of the same speaker inside content `i..n`: ", adding that", "but warned
/// that", "and said". Returns (where the first content ends, where the cue starts).
pub(super) fn second_cue_at(s: &Sentence, i: usize, n: usize) -> Option<(usize, usize)> {
    for j in i + 2..n {
        // A semicolon, or ", but" before a clause that is no cue, ends the content.
        if (!s.toks[j].quoted || s.closes_quote(j))
            && (s.is_punct(j, ";")
                || (s.is_punct(j, ",") || s.closes_quote(j))
                    && s.is_free_word(j + 1)
                    && !same_subject_goes_on(s, j + 2)
                    && (s.is(j + 1, "but")
                        || s.is(j + 1, "compared")
                        || s.is(j + 1, "while")
                        || s.is(j + 1, "whereas")
                        || s.is(j + 1, "although")
                        || s.is(j + 1, "though")))
        {
            // A closing quotation mark stays with the content it closes.
            let end = if s.closes_quote(j) { j + 1 } else { j };
            return Some((end, j + 1));
        }
        if !s.is_free_word(j) {
            continue;
        }
        if let Some(end) = new_speaker_at(s, i, j, n) {
            return Some((end, j));
        }
        let w = s.word(j);
        if !lex::is_cue_verb(w) || lex::needs_clause(w) && !s.is(j + 1, "that") {
            continue;
        }
        // ", adding that …", "- and arguing that …"
        if lex::is_gerund(w) {
            let before = if s.is(j - 1, "and") { j - 1 } else { j };
            if s.is_punct(before - 1, ",") || s.is_dash(before - 1) {
                return Some((before - 1, j));
            }
        }
        // "… but warned that …", "…, and added …"
        let mut c = j - 1;
        while c > i && s.is_free_word(c) && lex::is_filler(s.word(c)) && !s.is(c, "and") {
            c -= 1;
        }
        let conj = (s.is(c, "but") || s.is(c, "and")) && s.is_free_word(c);
        let strong = matches!(w, "said" | "told" | "wrote" | "says" | "tells" | "writes")
            || s.is(j + 1, "that")
            || s.opens_quote(j + 1)
            || w.ends_with("ed");
        if conj && !lex::is_gerund(w) && strong {
            let end = if c > 0 && s.is_punct(c - 1, ",") {
                c - 1
            } else {
                c
            };
            return Some((end, j));
        }
    }
    None
}

/// "they had misgivings, but could not bear to …": after the conjunction the content's
/// own subject goes on with an auxiliary, so the content does not end there.
/// So does a participle or adjective with no subject of its own ("…, though mixed with
/// enough truth to cause damage").
fn same_subject_goes_on(s: &Sentence, k: usize) -> bool {
    if !s.is_free_word(k) {
        return false;
    }
    if matches!(
        s.word(k).to_ascii_lowercase().as_str(),
        "could" | "would" | "can" | "will" | "should" | "might" | "must" | "may"
    ) {
        return true;
    }
    let w = s.word(k).to_ascii_lowercase();
    (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
        && !s.capitalised(k)
        && !lex::is_cue_verb(&w)
        && s.window(k, k + 1)
            .tag(k)
            .is_some_and(|t| matches!(t, Tag::VBN | Tag::VBG | Tag::JJ | Tag::RB))
}

/// "…, and he noted that …", "… and Democrats accused …": at conjunction `j` a clause
/// of its own speaker and speech or stance verb begins, ending the content before it.
/// Returns where the first content ends.
fn new_speaker_at(s: &Sentence, i: usize, j: usize, n: usize) -> Option<usize> {
    if !(s.is(j, "and") || s.is(j, "but")) || j < i + 3 {
        return None;
    }
    let m = (j + 2..n.min(j + 8)).find(|&m| {
        s.is_free_word(m)
            && (cue_at(s, m).is_some() || complements::takes(s.word(m)).is_some())
            && !s.is(m - 1, "to")
    })?;
    let (a, _) = subject_before(s, m)?;
    if a != j + 1 || !(s.capitalised(a) || lex::is_pronoun(s.word(a)) || s.is(a, "the")) {
        return None;
    }
    let before = j - 1;
    Some(if s.is_punct(before, ",") || s.is_dash(before) {
        before
    } else {
        j
    })
}

/// "… was told by X that …" inside content `a..b`: a claim of X.
pub(super) fn nested_passive(s: &Sentence, a: usize, b: usize, out: &mut Vec<Frame>) {
    for j in a..b.saturating_sub(3) {
        if !s.is_free_word(j)
            || !s.is(j + 1, "by")
            || !matches!(
                s.word(j).to_ascii_lowercase().as_str(),
                "told" | "informed" | "assured" | "warned" | "briefed"
            )
        {
            continue;
        }
        let Some(that) = (j + 2..b.min(j + 10)).find(|&t| s.is(t, "that")) else {
            continue;
        };
        if that == j + 2 || (j + 2..that).any(|t| !s.is_free_word(t)) {
            continue;
        }
        if let Some((x, y)) = s.trim(that + 1, b) {
            out.push(Frame {
                content: vec![content_span(s, x, y)],
                cue: s.word(j).to_string(),
                mention: Some(s.span(j + 2, that)),
                headline: false,
                continues: false,
                announces: false,
            });
        }
        return;
    }
}
