//! Contents that are no clause: the object noun phrase of a stance verb ("denied the
//! allegations"), its to-infinitive ("promised to cut taxes"), an object and a
//! to-infinitive ("urged lawmakers to act"), a prepositional phrase ("called for an
//! inquiry"); the content of a stance noun ("her criticism of the plan", "his promise to
//! …") or adjective ("critical of the deal").

use super::super::super::complements;
use super::super::Frame;
use super::super::lex;
use super::{Deprel, Parsed, Tag};

/// The frame of the cue at `cue` with a content that is no clause, if it has one.
pub(super) fn frame(p: &Parsed, cue: usize) -> Option<Frame> {
    let w = p.s.word(cue);
    if p.is_verb(cue) {
        verb(p, cue, complements::takes(w)?)
    } else if p.is_noun(cue) {
        phrase(p, cue, complements::stance_noun(w)?, p.owner(cue)?)
    } else if p.is_adjective(cue) {
        phrase(p, cue, complements::stance_adjective(w)?, p.speaker(cue)?)
    } else {
        None
    }
}

fn verb(p: &Parsed, cue: usize, takes: complements::Takes) -> Option<Frame> {
    let w = p.s.word(cue);
    // "sees the deal as …" is left to the rules that read the "as".
    if complements::needs_as(w) {
        return None;
    }
    // Stance needs someone who takes it.
    let speaker = p.speaker(cue)?;
    if complements::needs_document(w) && !complements::is_document(p.s.word(speaker.1 - 1)) {
        return None;
    }
    let after = |rels: &[Deprel]| {
        p.parse
            .children(cue)
            .find(|&c| c > cue && rels.contains(&p.rel(c)))
    };
    let xcomp_to =
        || after(&[Deprel::Xcomp]).filter(|&x| p.has_word_child(x, Deprel::Mark, &["to"]));
    let content = if takes.obj_to
        && let (Some(o), Some(x)) = (after(&[Deprel::Obj]), xcomp_to())
        && o < x
    {
        let (a, _) = p.parse.subtree(o);
        let (_, b) = p.parse.subtree(x);
        p.s.trim(a.max(cue + 1), b).map(|(a, b)| p.s.span(a, b))
    } else if takes.to
        && let Some(x) = xcomp_to()
    {
        p.content(x, cue + 1, cue)
    } else if takes.np
        && let Some(o) = after(&[Deprel::Obj])
    {
        p.content(o, cue + 1, cue).or_else(|| name(p, o))
    } else {
        let o = after(&[Deprel::Obl]).filter(|&o| {
            p.case_of(o)
                .is_some_and(|c| takes.preps.iter().any(|w| p.s.is(c, w)))
        })?;
        let from = p.case_of(o).map_or(cue + 1, |c| c + 1);
        p.content(o, from, cue).or_else(|| name(p, o))
    }?;
    Some(p.frame(cue, content, Some(speaker)))
}

/// A stance noun's or adjective's content introduced by one of `links`: "criticism of
/// …", "promise to …", "critical of …".
fn phrase(p: &Parsed, cue: usize, links: &[&str], speaker: (usize, usize)) -> Option<Frame> {
    let c = p.parse.children(cue).find(|&c| {
        c > cue
            && matches!(
                p.rel(c),
                Deprel::Nmod | Deprel::Obl | Deprel::Acl | Deprel::Xcomp
            )
            && p.case_of(c)
                .is_some_and(|k| links.iter().any(|w| p.s.is(k, w)))
    })?;
    let from = p.case_of(c).map_or(cue + 1, |k| k + 1);
    let content = p.content(c, from, cue).or_else(|| name(p, c))?;
    Some(p.frame(cue, content, Some(speaker)))
}

/// A content that is one name ("endorsed Clinton", "critical of Trump"): the head `h` a
/// proper noun with nothing of its own but a preposition or punctuation.
fn name(p: &Parsed, h: usize) -> Option<(usize, usize)> {
    let alone = p
        .parse
        .children(h)
        .all(|c| matches!(p.rel(c), Deprel::Case | Deprel::Punct));
    (alone
        && p.s.is_free_word(h)
        && p.s.capitalised(h)
        && matches!(p.tag(h), Some(Tag::NNP | Tag::NNPS))
        && !lex::is_time_word(p.s.word(h)))
    .then(|| p.s.span(h, h + 1))
}
