//! Clausal contents: the clausal complement of a cue verb ("said (that) …", "it was
//! reported that …"), noun ("his claim that …") or adjective ("is confident that …"), a
//! content before its frame ("…, he said"), and "as X put it".

use super::super::super::complements;
use super::super::Frame;
use super::super::lex;
use super::{Deprel, Parsed};

/// The clausal frame of the cue at `cue`, if it has one.
pub(super) fn frame(p: &Parsed, cue: usize) -> Option<Frame> {
    let w = p.s.word(cue);
    if p.is_verb(cue) && (lex::is_cue_verb(w) || complements::takes(w).is_some()) {
        verb(p, cue)
    } else if p.is_noun(cue) && lex::is_cue_noun(w) {
        noun(p, cue)
    } else if p.is_adjective(cue) && complements::stance_adjective(w).is_some() {
        adjective(p, cue)
    } else {
        None
    }
}

fn verb(p: &Parsed, cue: usize) -> Option<Frame> {
    let w = p.s.word(cue);
    if lex::needs_particle(w) && !p.has_word_child(cue, Deprel::CompoundPrt, &["out"]) {
        return None;
    }
    let speaker = p.speaker(cue);
    if complements::needs_document(w)
        && !speaker.is_some_and(|(_, b)| complements::is_document(p.s.word(b - 1)))
    {
        return None;
    }
    // "said (that) …", "was told by X that …", "it was reported that …".
    if let Some(c) = p.child_of(cue, &[Deprel::Ccomp]) {
        let from = if c > cue { cue + 1 } else { 0 };
        let content = p.content(c, from, cue)?;
        return Some(p.frame(cue, content, speaker));
    }
    let head = p.parse.heads[cue]?;
    // "…, he said": the reporting clause hangs off the content's head.
    if p.rel(cue) == Deprel::Parataxis && head < cue && lex::is_postposable(w) {
        let (a, _) = p.parse.subtree(head);
        let (ca, _) = p.parse.subtree(cue);
        let (a, b) = p.s.trim(a, ca)?;
        return Some(p.frame(cue, p.s.span(a, b), speaker));
    }
    // "as X put it, …" / "…, as X said".
    if p.rel(cue) == Deprel::Advcl && p.has_word_child(cue, Deprel::Mark, &["as"]) {
        let (ha, hb) = p.parse.subtree(head);
        let (ca, cb) = p.parse.subtree(cue);
        let (a, b) = if ca <= ha { (cb, hb) } else { (ha, ca) };
        let (a, b) = p.s.trim(a, b)?;
        return Some(p.frame(cue, p.s.span(a, b), speaker));
    }
    None
}

/// "his claim that …", "the allegation by X that …", "X made the claim that …".
fn noun(p: &Parsed, cue: usize) -> Option<Frame> {
    // The clause right after the noun, or after the object noun of a verb that the
    // parser hung it from ("made the assertion that …" read as "made … that …").
    let head = p.parse.heads[cue].filter(|_| p.rel(cue) == Deprel::Obj);
    let c = p
        .parse
        .children(cue)
        .chain(head.into_iter().flat_map(|h| p.parse.children(h)))
        .find(|&c| c > cue && content_clause(p, cue, c))?;
    // "that" is the complementiser, whatever the parse made of it.
    let content = p.content(c, cue + 2, cue)?;
    let speaker = p.owner(cue)?;
    Some(p.frame(cue, content, Some(speaker)))
}

/// "is confident that …", "remains convinced that …".
fn adjective(p: &Parsed, cue: usize) -> Option<Frame> {
    let c = p.child_of(cue, &[Deprel::Ccomp]).filter(|&c| c > cue)?;
    let content = p.content(c, cue + 1, cue)?;
    let speaker = p.speaker(cue)?;
    Some(p.frame(cue, content, Some(speaker)))
}

/// Is `c` the content clause of the noun `cue` ("the claim that the vote was rigged")?
/// "that" right after the noun opens it; the parser may take it for a relative clause,
/// which it is only when "that" fills the clause's subject or object ("the claim that he
/// made").
fn content_clause(p: &Parsed, cue: usize, c: usize) -> bool {
    if !p.s.is(cue + 1, "that") || p.parse.subtree(c).0 != cue + 1 {
        return false;
    }
    match p.rel(c) {
        Deprel::Acl | Deprel::Ccomp | Deprel::Advcl => p.has_word_child(c, Deprel::Mark, &["that"]),
        Deprel::AclRelcl => {
            let subject = p
                .parse
                .children(c)
                .any(|k| k > cue + 1 && matches!(p.rel(k), Deprel::Nsubj | Deprel::NsubjPass));
            // Complete without "that": an object, a copula, a passive or a clause of its own.
            let complete = p.parse.children(c).any(|k| {
                k > cue + 1
                    && matches!(
                        p.rel(k),
                        Deprel::Obj | Deprel::Cop | Deprel::AuxPass | Deprel::Ccomp | Deprel::Xcomp
                    )
            });
            subject && complete
        }
        _ => false,
    }
}
