//! Which sentences are worth a parse: those with a cue word in a context that licenses a
//! content, read from the words around it and the tags of a few tokens only (a parse costs
//! far more than the rest of a sentence's reading, and most cue words of a news article,
//! "campaign", "support", "statement", take no content where they stand).
//!
//! - a verb: a speech verb ("said", "asked") before a clause (a complementiser within a few
//!   words, a subject pronoun, a noun phrase with a finite verb after it), a quotation or a
//!   colon, or after "as"; a stance verb with what it takes right after it: "to" ("vowed
//!   to"), one of its prepositions ("called for"), "that" or another complementiser, an
//!   object ("denied the report", only for a verb with a subject of its own), with an
//!   adverb or "not" between;
//! - a noun: "that" right after a cue noun ("the claim that"), one of its prepositions
//!   after a stance noun with a possessor before it ("his criticism of");
//! - an adjective: "that", a subject ("sure he …") or one of its prepositions after it.

use super::super::super::complements;
use super::super::super::syntax::{self, Tag};
use super::super::lex;
use super::super::sentence::Sentence;

/// Complementisers that open a verb's clausal content.
const COMPLEMENTISERS: &[&str] = &[
    "that", "whether", "if", "how", "why", "what", "who", "when", "where",
];

/// Words that start a noun phrase that may be a verb's object.
const NP_START: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "that", "any", "all", "both", "some", "him", "them", "us", "me", "it", "every", "each", "no",
    "such", "more", "many", "much", "several",
];

/// Subject pronouns: a clause without "that" ("said he would", "sure they can").
const SUBJECTS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "there"];

/// Does the sentence hold a cue word in a context that licenses a content?
pub(super) fn worth_parsing(s: &Sentence) -> bool {
    (0..s.toks.len()).any(|i| licensed(s, i))
}

/// A free word that is a cue candidate, in a context that licenses a content.
fn licensed(s: &Sentence, i: usize) -> bool {
    if !s.is_free_word(i) {
        return false;
    }
    let w = s.word(i);
    let cue_verb = lex::is_cue_verb(w);
    let takes = complements::takes(w);
    let cue_noun = lex::is_cue_noun(w);
    let stance_noun = complements::stance_noun(w);
    let stance_adjective = complements::stance_adjective(w);
    if !cue_verb
        && takes.is_none()
        && !cue_noun
        && stance_noun.is_none()
        && stance_adjective.is_none()
    {
        return false;
    }
    // The word after the cue, over adverbs and "not" ("called repeatedly for", "vowed not
    // to"), lower case.
    let mut k = i + 1;
    while k < s.toks.len() && k <= i + 2 && s.is_free_word(k) && skippable(s.word(k)) {
        k += 1;
    }
    let next = |j: usize| s.word(j).to_ascii_lowercase();
    let after = next(k);
    let is_in = |list: &[&str], x: &str| list.iter().any(|l| l.eq_ignore_ascii_case(x));
    let tag = tag_at(s, i);
    match tag {
        Some(Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ) => {
            if lex::needs_particle(w) && !(i + 1..(i + 4).min(s.toks.len())).any(|j| s.is(j, "out"))
            {
                return false;
            }
            if cue_verb && clause_follows(s, i, k, &after) {
                return true;
            }
            let Some(t) = takes else { return false };
            if is_in(COMPLEMENTISERS, &after)
                || ((t.to || t.obj_to) && after == "to")
                || is_in(t.preps, &after)
            {
                return true;
            }
            if t.obj_to && (k + 1..(k + 6).min(s.toks.len())).any(|j| s.is(j, "to")) {
                return true;
            }
            // An object: the verb must have a subject of its own, so neither a gerund
            // ("supporting the plan") nor a participle without "have" ("the plan endorsed
            // by …").
            let finite = match tag {
                Some(Tag::VBG) => false,
                Some(Tag::VBN) => i > 0 && is_have_form(s.word(i - 1)),
                _ => true,
            };
            finite
                && (t.np || t.obj_to)
                && !complements::needs_as(w)
                && s.is_free_word(k)
                && (is_in(NP_START, &after) || s.capitalised(k))
        }
        // A cue noun's clause; a stance noun's content with its owner before it ("his
        // criticism of", "Roe's support for").
        Some(Tag::NN | Tag::NNS) => {
            (cue_noun && s.is(i + 1, "that"))
                || (stance_noun.is_some_and(|l| is_in(l, &after)) && owned(s, i))
        }
        Some(Tag::JJ) => stance_adjective
            .is_some_and(|l| is_in(l, &after) || after == "that" || is_in(SUBJECTS, &after)),
        _ => false,
    }
}

/// A possessor before the noun at `i`, over one modifier: "his criticism", "Roe's sharp
/// criticism".
fn owned(s: &Sentence, i: usize) -> bool {
    (i.saturating_sub(2)..i).any(|j| {
        let w = s.word(j).to_ascii_lowercase();
        matches!(
            w.as_str(),
            "his" | "her" | "their" | "its" | "our" | "my" | "your"
        ) || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
    })
}

/// A speech verb's clause may follow (or precede) it: a complementiser within a few words
/// ("told reporters that"), a clause without one ("said he would", "said the vote …"), a
/// quotation, or "as" before the verb ("as she noted, …"). A verb at the sentence's end
/// ("…, he said.") is not enough: there the rules over tags find nearly every frame the
/// parse would (one parsed sentence in six gave one).
fn clause_follows(s: &Sentence, i: usize, k: usize, after: &str) -> bool {
    let n = s.toks.len();
    let is_in = |list: &[&str], x: &str| list.iter().any(|l| l.eq_ignore_ascii_case(x));
    (k..(k + 4).min(n)).any(|j| s.is_free_word(j) && is_in(COMPLEMENTISERS, s.word(j)))
        || (k < n && !s.is_free_word(k) && !s.toks[k].word && is_quote_or_colon(s.word(k)))
        || is_in(SUBJECTS, after)
        || ((is_in(NP_START, after) || s.capitalised(k)) && finite_verb_within(s, k, 6))
        || (i.saturating_sub(3)..i).any(|j| s.is(j, "as"))
}

/// A quotation mark or a colon: a quotation's frame.
fn is_quote_or_colon(p: &str) -> bool {
    matches!(
        p,
        ":" | "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}"
    )
}

/// Is there a finite verb among the `n` words from `k` on ("said the vote was rigged",
/// "said Roe lied"): a clause, not an object ("asked the question").
fn finite_verb_within(s: &Sentence, k: usize, n: usize) -> bool {
    let lo = k.saturating_sub(2);
    let hi = (k + n + 2).min(s.toks.len());
    let end = (k + n).min(s.toks.len());
    let tagged = syntax::tag(s.text, &s.toks[lo..hi]);
    (k..end).any(|j| {
        s.is_free_word(j)
            && matches!(
                tagged.tags.get(j - lo),
                Some(Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
            )
    })
}

/// A form of "have": "has endorsed", "had criticised".
fn is_have_form(w: &str) -> bool {
    ["has", "have", "had", "having", "'s", "'ve", "'d"]
        .iter()
        .any(|h| w.eq_ignore_ascii_case(h))
}

/// Words between a cue and what it takes: adverbs in "-ly", "not", "never", "also".
fn skippable(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    w.ends_with("ly") || matches!(w.as_str(), "not" | "never" | "also" | "again" | "once")
}

/// The tag of token `i`, read from the tokens two either side (what the tagger looks at).
fn tag_at(s: &Sentence, i: usize) -> Option<Tag> {
    let lo = i.saturating_sub(2);
    let hi = (i + 3).min(s.toks.len());
    syntax::tag(s.text, &s.toks[lo..hi])
        .tags
        .get(i - lo)
        .copied()
}
