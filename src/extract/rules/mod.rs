//! Attribution frames of one sentence: who said what, as token ranges.
//!
//! Each rule looks only at the sentence's own tokens, so the whole pass is linear in the
//! text. Rules, in the order they are tried:
//! - headline: "…: Speaker" on a title or subheading line, and last, on one no rule
//!   framed, its own stance verb (`headline_stance`: "Senator Endorses Ruiz");
//! - "according to X, …" / "…, according to X";
//! - an "as" clause: "As X put it, …" / "…, as X noted";
//! - a speech verb with its subject: reported speech ("X said (that) …"), quotes before
//!   the frame ("\"…,\" X said"), around it ("\"…,\" X said, \"…\"") or after it
//!   ("X said: \"…\""), and inverted frames ("\"…,\" said X");
//! - nominal cues: "X's announcement that …";
//! - for a sentence none of these frames, the dependency parse (`parsed/`): clausal
//!   complements of cue verbs, nouns and adjectives, object and to-infinitive contents,
//!   passives with and without an agent;
//!   and inside any content: a second cue of the same speaker (", adding that …",
//!   "but warned that …") and nested passive attribution ("was told by X that …");
//! - on every content found (`clause_end`): "that" before a quotation or an interrupting
//!   comma joins it, and a speech participle of the frame (", citing …") ends it;
//! - outside every content found: a participle closing a frame (`trailing`: "…, Roe said,
//!   citing the figures"), frames without a source (`sourceless`): "Asked whether …,",
//!   "X is expected to …", "X seems to …"; a stance in the passive with its agent
//!   (`passive_stance`: "Roe was praised by her rivals for …"); and before every content
//!   found, a stance frame
//!   of its own ("The union endorsed Ruiz on Monday, and the mayor said …", "Roe praised
//!   the plan and said …", "Roe defended the tolls, calling …"); and after every content
//!   and speaker found, a stance or speech-verb frame of another speaker (`after`: "\"…,\"
//!   Roe said, while the union opposed the plan").

mod according;
mod after;
mod as_put;
mod bounds;
mod catenative;
mod clause_end;
mod content;
mod cue_content;
mod cue_words;
mod findings;
mod headline;
mod headline_stance;
mod inverted;
mod nominal;
mod parsed;
mod passive_stance;
mod prep_object;
mod quote_verb;
mod sentence;
mod short_object;
mod sourceless;
mod speaker_phrase;
mod stance;
mod stance_adjective;
mod subjects;
mod trailing;
mod turns;
mod verbs;

use super::complements;
use super::lexicon as lex;
use super::quotes::Quote;
use super::text::Token;

pub use sentence::Sentence;
pub use turns::paragraph_frame;

use according::according_to;
use headline::headline;
use nominal::{nominal, owned_stance};
use sentence::strip_quotes;
use verbs::verb_frames;

/// A claim frame before speakers are resolved. Spans are byte ranges in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Content fragments; two when a quote is split by its frame.
    pub content: Vec<(usize, usize)>,
    pub cue: String,
    pub mention: Option<(usize, usize)>,
    pub headline: bool,
    /// Takes its speaker from the frame before it (a quote continuing after its frame).
    pub continues: bool,
    /// "He said:" closing its sentence: the content is the next sentence.
    pub announces: bool,
}

/// Where a sentence stands: it decides which colon frames apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A title or subheading: "…: Speaker" and "Speaker: …".
    Heading,
    /// The first sentence of a paragraph: "Speaker: …" (interview transcripts).
    ParagraphStart,
    Body,
}

/// All frames of one sentence; a speaker that is no noun phrase (a date, a figure, a
/// clause) is dropped, leaving the claim without one.
pub fn frames(s: &Sentence, place: Place) -> Vec<Frame> {
    let mut out = sentence_frames(s, place);
    clause_end::trim_contents(s, &mut out);
    if place != Place::Heading {
        trailing::trailing_frames(s, &mut out);
        sourceless::sourceless_frames(s, &mut out);
        passive_stance::passive_stance_frames(s, &mut out);
        stance_beside(s, &mut out);
        after::stance_after(s, &mut out);
    }
    for f in &mut out {
        if let Some(m) = f.mention {
            let (a, mut b) = s.tokens_of(m);
            // "Jane Roe isn't": the negated auxiliary is not part of who speaks.
            while b > a + 1
                && ["n't", "n\u{2019}t"]
                    .iter()
                    .any(|n| s.word(b - 1).ends_with(n))
            {
                b -= 1;
                f.mention = Some(s.span(a, b));
            }
            // "he's sought to …": the pronoun speaks, not its auxiliary.
            if b == a + 1
                && let Some(len) = pronoun_with_auxiliary(s.word(a))
            {
                f.mention = Some((s.toks[a].start, s.toks[a].start + len));
                continue;
            }
            // A headline's name was read from its capitals ("Roe on the Budget: …"); the
            // tagger, which sees a headline word as anything, is not asked.
            let headline_name = f.headline && (a..b).all(|i| !s.toks[i].word || s.capitalised(i));
            if b > a
                && !headline_name
                && !subjects::is_speaker_phrase(s, a, b)
                && !is_share(s, a, b)
            {
                // "In December, the agency": the phrase after an opening adjunct.
                f.mention = (a..b)
                    .find(|&i| s.is_punct(i, ","))
                    .filter(|&c| c + 1 < b && subjects::is_speaker_phrase(s, c + 1, b))
                    .map(|c| s.span(c + 1, b));
            }
        }
    }
    out
}

/// The length in bytes of the pronoun of "he's", "they've", "she’d" (a subject pronoun
/// with an auxiliary written on it), if `w` is one.
fn pronoun_with_auxiliary(w: &str) -> Option<usize> {
    let cut = w.find(['\'', '\u{2019}'])?;
    let (pronoun, clitic) = w.split_at(cut);
    let clitic = &clitic[clitic.chars().next()?.len_utf8()..];
    let pronouns = ["he", "she", "it", "they", "we", "i", "you", "who"];
    let clitics = ["s", "d", "ll", "ve", "re"];
    (pronouns.iter().any(|p| pronoun.eq_ignore_ascii_case(p))
        && clitics.iter().any(|c| clitic.eq_ignore_ascii_case(c)))
    .then_some(cut)
}

/// "The union endorsed Ruiz on Monday, and the mayor said …", "Roe praised the plan and
/// said …": a stance frame in the words before every content found, which the rules stop
/// short of once a sentence has its frame. Its content overlaps no other frame's content
/// or speaker.
fn stance_beside(s: &Sentence, out: &mut Vec<Frame>) {
    // The words before every content: they hold the frames' own subjects and cues too
    // ("Roe praised the plan and said …"), which no stance content may overlap.
    let Some(lo) = out
        .iter()
        .flat_map(|f| f.content.iter().copied())
        .map(|span| s.tokens_of(span).0)
        .min()
    else {
        return;
    };
    // Most sentences hold no stance word before their frame: nothing to tag then.
    if lo < 3 || !(0..lo).any(|i| s.is_free_word(i) && complements::takes(s.word(i)).is_some()) {
        return;
    }
    let head = s.prefix(lo);
    let mut more = Vec::new();
    stance::stance_frames(&head, 0, &mut more);
    for f in more {
        let clear = |o: &Frame| {
            !o.content
                .iter()
                .chain(o.mention.iter())
                .any(|x| f.content.iter().any(|y| x.0 < y.1 && y.0 < x.1))
        };
        if out.iter().all(clear) {
            insert_in_order(out, f);
        }
    }
}

/// "63 percent", "Another 19 percent", "two-thirds": a share of those asked, who speak
/// in a poll's findings though the phrase is a figure.
fn is_share(s: &Sentence, a: usize, b: usize) -> bool {
    let last = s.word(b - 1).to_ascii_lowercase();
    b - a <= 4
        && (a..b).all(|i| s.toks[i].word || s.is_punct(i, "%"))
        && (matches!(
            last.as_str(),
            "percent" | "%" | "half" | "third" | "thirds" | "quarter"
        ) || last.ends_with("-thirds")
            || last.ends_with("-quarters"))
}

/// Adds `f` before the first frame whose content starts after its own, so that a
/// sentence's frames stay in the order of their contents.
fn insert_in_order(out: &mut Vec<Frame>, f: Frame) {
    let start = |f: &Frame| f.content.first().map_or(0, |c| c.0);
    let at = out
        .iter()
        .position(|o| start(o) > start(&f))
        .unwrap_or(out.len());
    out.insert(at, f);
}

fn sentence_frames(s: &Sentence, place: Place) -> Vec<Frame> {
    let mut out = Vec::new();
    if s.toks.is_empty() {
        return out;
    }
    if place != Place::Body
        && let Some(f) = headline(s, place == Place::Heading)
    {
        out.push(f);
        return out;
    }
    if let Some(f) = according_to(s) {
        out.push(f);
        return out;
    }
    if let Some(f) = as_put::as_frame(s) {
        out.push(f);
        return out;
    }
    if verb_frames(s, &mut out) {
        return out;
    }
    nominal(s, &mut out);
    if out.is_empty() {
        owned_stance(s, &mut out);
    }
    if out.is_empty()
        && let Some(f) = according::in_document(s).or_else(|| quote_verb::quote_verb_frame(s))
    {
        out.push(f);
    }
    // What the rules over tags cannot see: read from the dependency parse.
    if out.is_empty() && s.parse {
        parsed::parsed_frames(s, &mut out);
    }
    if out.is_empty()
        && place == Place::Heading
        && let Some(f) = headline_stance::headline_stance(s)
    {
        out.push(f);
    }
    out
}

/// The sentence after an announcing frame ("he said:"), as that frame's content.
pub fn announced_content(s: &Sentence, announcer: &Frame) -> Option<Frame> {
    let (a, b) = s.trim(0, s.toks.len())?;
    Some(Frame {
        content: vec![strip_quotes(s, a, b)],
        announces: false,
        ..announcer.clone()
    })
}

/// A sentence that is mostly one quotation with no frame: it continues the previous claim.
/// A conjunction may open it: "But \"…\"".
pub fn continuation(s: &Sentence) -> Option<Frame> {
    let first = if s.is_free_word(0)
        && ["but", "and", "so", "yet"]
            .iter()
            .any(|w| s.word(0).eq_ignore_ascii_case(w))
    {
        1
    } else {
        0
    };
    if !s.opens_quote(first) {
        return None;
    }
    let q = s.quote_opening_at(s.toks[first].start)?;
    let last = s.toks.last()?;
    let sentence_len = last.end - s.toks[first].start;
    if (q.end - q.open) * 10 < sentence_len * 8 {
        return None;
    }
    let (a, b) = s.trim(first, s.toks.len())?;
    Some(Frame {
        content: vec![strip_quotes(s, a, b)],
        cue: String::new(),
        mention: None,
        headline: false,
        continues: true,
        announces: false,
    })
}
