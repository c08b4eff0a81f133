//! Attribution frames read from a sentence's dependency parse, for the sentences the
//! rules over tags leave without a frame: one module per construction family, each
//! reading this shared layer ([`Parsed`]: the sentence's tags and parse, subtree spans
//! trimmed of attribution words, the speaker's noun phrase) and none another's internals.
//! - [`clausal`]: the clausal complement of a cue verb, noun or adjective ("said that …",
//!   "his claim that …", "is confident that …"), passives with and without an agent ("it
//!   was reported that …", "was told by X that …"), fronted contents ("…, he said");
//! - [`objects`]: what stance verbs and nouns take instead of a clause: an object noun
//!   phrase ("denied the allegations"), a to-infinitive ("promised to cut taxes"), a
//!   prepositional phrase ("called for an inquiry", "her criticism of the plan").
//!
//! A sentence is tagged and parsed only when it holds a cue word in a context that
//! licenses a content ([`trigger`]: "said", "vowed to", "the claim that", "critical of"),
//! so most sentences of an article are never parsed.

mod clausal;
mod objects;
mod trigger;

use super::super::complements;
use super::super::syntax::{self, Deprel, Parse, Tag, Tagged};
use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};

/// Sentences longer than this (in tokens) are not parsed: lists, tables and run-on text,
/// where a parse is least reliable and costs the most.
const MAX_TOKENS: usize = 60;

/// The frames the parse finds in `s`, in the order of their cues; none if `s` holds no
/// cue word in a context that licenses a content ([`trigger`]).
pub(super) fn parsed_frames(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    if !(3..=MAX_TOKENS).contains(&n) || !trigger::worth_parsing(s) {
        return;
    }
    let tagged = syntax::tag(s.text, &s.toks);
    let parse = syntax::parse(s.text, &s.toks, &tagged);
    let p = Parsed { s, tagged, parse };
    for cue in 0..n {
        if !is_candidate(s, cue) {
            continue;
        }
        let frame = clausal::frame(&p, cue).or_else(|| objects::frame(&p, cue));
        if let Some(f) = frame
            && !out.iter().any(|o| overlaps(o, &f))
        {
            out.push(f);
        }
    }
}

/// A free word that may be a cue (in a parsed sentence, each is tried).
fn is_candidate(s: &Sentence, i: usize) -> bool {
    if !s.is_free_word(i) {
        return false;
    }
    let w = s.word(i);
    lex::is_cue_verb(w)
        || complements::takes(w).is_some()
        || lex::is_cue_noun(w)
        || complements::stance_noun(w).is_some()
        || complements::stance_adjective(w).is_some()
}

/// Two frames whose contents share a byte: the later one is dropped.
fn overlaps(a: &Frame, b: &Frame) -> bool {
    a.content
        .iter()
        .any(|x| b.content.iter().any(|y| x.0 < y.1 && y.0 < x.1))
}

/// One sentence with its tags and parse.
struct Parsed<'s, 'a> {
    s: &'s Sentence<'a>,
    tagged: Tagged,
    parse: Parse,
}

impl Parsed<'_, '_> {
    fn tag(&self, i: usize) -> Option<Tag> {
        self.tagged.tags.get(i).copied()
    }

    fn rel(&self, i: usize) -> Deprel {
        self.parse.deprels.get(i).copied().unwrap_or(Deprel::Dep)
    }

    fn is_verb(&self, i: usize) -> bool {
        matches!(
            self.tag(i),
            Some(Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
        )
    }

    fn is_noun(&self, i: usize) -> bool {
        matches!(self.tag(i), Some(Tag::NN | Tag::NNS))
    }

    fn is_adjective(&self, i: usize) -> bool {
        matches!(self.tag(i), Some(Tag::JJ))
    }

    /// The first dependent of `h` by one of `rels`.
    fn child_of(&self, h: usize, rels: &[Deprel]) -> Option<usize> {
        self.parse
            .children(h)
            .find(|&c| rels.contains(&self.rel(c)))
    }

    /// Does `h` have a dependent `rel` that is the word `w`?
    fn has_word_child(&self, h: usize, rel: Deprel, words: &[&str]) -> bool {
        self.parse
            .children(h)
            .any(|c| self.rel(c) == rel && words.iter().any(|w| self.s.is(c, w)))
    }

    /// The preposition (`case`) that opens the phrase headed by `h`, if any.
    fn case_of(&self, h: usize) -> Option<usize> {
        self.parse
            .children(h)
            .find(|&c| c < h && matches!(self.rel(c), Deprel::Case | Deprel::Mark))
    }

    /// The content headed by `h`: its subtree without the words before `from` (the
    /// complementiser "that", a preposition that is no part of what was said) and without
    /// anything of the cue's frame (`cue`'s own position and what lies beyond it); `None`
    /// unless two words are left.
    fn content(&self, h: usize, from: usize, cue: usize) -> Option<(usize, usize)> {
        let (mut a, mut b) = self.parse.subtree(h);
        a = a.max(from);
        if a <= cue && cue < b {
            // A content around its cue (a parse gone astray): the side of the head.
            if h < cue {
                b = cue;
            } else {
                a = cue + 1;
            }
        }
        // The complementiser of a clause: "that", "whether", "if".
        while a < b && self.s.is_free_word(a) && self.rel(a) == Deprel::Mark && a < h {
            a += 1;
        }
        let (a, b) = self.s.trim(a, b)?;
        // A content cut short at a comma before a quotation's end stays whole.
        Some(strip_quotes(self.s, a, b))
    }

    /// The speaker's noun phrase headed by `h`: its determiners, modifiers, compounds and
    /// possessors, the name's parts, never a relative clause, an apposition or an adjunct
    /// after its head ("Jane Roe, a lawyer who …" → "Jane Roe").
    fn noun_phrase(&self, h: usize) -> (usize, usize) {
        let (mut a, mut b) = (h, h + 1);
        for c in self.parse.children(h) {
            let (ca, cb) = self.parse.subtree(c);
            if c < h {
                if !matches!(self.rel(c), Deprel::Punct | Deprel::Case | Deprel::Cc) {
                    a = a.min(ca);
                }
            } else if matches!(
                self.rel(c),
                Deprel::Flat | Deprel::Compound | Deprel::Nummod
            ) && ca == b
            {
                b = cb;
            }
        }
        // A possessive clitic ("Roe 's") belongs to the noun phrase it follows.
        (a, b)
    }

    /// The speaker of the predicate `v`: its subject's noun phrase, the agent of a passive
    /// ("by X"), the antecedent of a relative pronoun ("X, who said …"), the noun a
    /// participle modifies ("a statement saying …"), or, for a verb that shares its
    /// subject ("went on to say", "… and said", "…, saying …"), the subject of the verb it
    /// depends on. `None` for a passive without an agent.
    fn speaker(&self, v: usize) -> Option<(usize, usize)> {
        let mut v = v;
        for _ in 0..4 {
            if let Some(agent) = self.child_of(v, &[Deprel::OblAgent]) {
                return Some(self.noun_phrase(agent));
            }
            if self
                .child_of(v, &[Deprel::AuxPass, Deprel::NsubjPass])
                .is_some()
            {
                return None;
            }
            if let Some(subj) = self.child_of(v, &[Deprel::Nsubj]) {
                if self
                    .tag(subj)
                    .is_some_and(|t| matches!(t, Tag::WP | Tag::WDT))
                    && self.rel(v) == Deprel::AclRelcl
                {
                    return self.parse.heads[v].map(|n| self.noun_phrase(n));
                }
                if self.tag(subj) == Some(Tag::EX) {
                    return None;
                }
                return Some(self.noun_phrase(subj));
            }
            match (self.rel(v), self.parse.heads[v]) {
                // "went on to say", "… and said", "spoke on Monday, saying …".
                (Deprel::Xcomp | Deprel::Conj | Deprel::Advcl, Some(h)) => v = h,
                // "a statement saying …": the noun the participle modifies.
                (Deprel::Acl, Some(h)) if self.is_noun(h) => return Some(self.noun_phrase(h)),
                _ => return None,
            }
        }
        None
    }

    /// Who holds the stance noun `n`: its possessor ("his claim", "Roe's promise"), "by X"
    /// or "from X" after it, or the subject of the verb it is the object of ("X made the
    /// claim that …").
    fn owner(&self, n: usize) -> Option<(usize, usize)> {
        if let Some(o) = self.child_of(n, &[Deprel::NmodPoss]) {
            return Some(self.noun_phrase(o));
        }
        let by = self.parse.children(n).find(|&c| {
            c > n
                && self.rel(c) == Deprel::Nmod
                && self
                    .case_of(c)
                    .is_some_and(|k| self.s.is(k, "by") || self.s.is(k, "from"))
        });
        if let Some(b) = by {
            return Some(self.noun_phrase(b));
        }
        match (self.rel(n), self.parse.heads[n]) {
            (Deprel::Obj, Some(v)) if self.is_verb(v) => self.speaker(v),
            _ => None,
        }
    }

    /// A frame of the cue `cue`, its content and speaker as token ranges.
    fn frame(&self, cue: usize, content: (usize, usize), mention: Option<(usize, usize)>) -> Frame {
        let s = self.s;
        let mention = mention
            .and_then(|(a, b)| {
                // A speaker never reaches into the content or the cue.
                let b = if a < cue && cue < b { cue } else { b };
                let (ca, cb) = s.tokens_of(content);
                let b = if a < ca && ca < b { ca } else { b };
                let overlap = a < cb && ca < b;
                (!overlap).then_some((a, b))
            })
            .and_then(|(a, b)| {
                // Without a leading or trailing comma or quotation mark.
                let mut a = a;
                let mut b = b;
                while a < b && !s.toks[a].word {
                    a += 1;
                }
                while b > a && !s.toks[b - 1].word {
                    b -= 1;
                }
                (a < b).then(|| s.span(a, b))
            });
        Frame {
            content: vec![content],
            cue: s.word(cue).to_string(),
            mention,
            headline: false,
            continues: false,
            announces: false,
        }
    }
}
