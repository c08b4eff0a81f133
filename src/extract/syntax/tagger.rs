//! Part-of-speech tagging of the extractor's own tokens: a greedy left-to-right averaged
//! perceptron whose weights ship in `tagger.bin` (trained by `examples/train_tagger.rs` on
//! freely licensed treebanks; see docs/tagger.md).

use std::sync::OnceLock;

use super::features::{self, NFEATS, START, Unit};
use super::model::Model;
use super::tags::{NTAGS, Tag};
use crate::extract::text::Token;

static MODEL_BYTES: &[u8] = include_bytes!("tagger.bin");

/// The shipped model, read on first use.
pub(crate) fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES).unwrap_or_default())
}

/// The tags of one sentence's tokens.
///
/// `tags[i]` is the tag of token `i`. A token the treebanks split in two ("don't",
/// "Gallant's", "I'm", "cannot") is tagged as its host ("do" `VBP`, "Gallant" `NNP`) and
/// `clitics[i]` holds the tag of the rest ("n't" `RB`, "'s" `POS` or `VBZ`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tagged {
    pub tags: Vec<Tag>,
    pub clitics: Vec<Option<Tag>>,
}

impl Tagged {
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Token `i` ends in a possessive "'s" ("Gallant's", "the ministry's").
    pub fn is_possessive(&self, i: usize) -> bool {
        self.clitics.get(i).copied().flatten() == Some(Tag::POS)
    }

    /// Token `i` is negated by its clitic ("don't", "can't").
    pub fn is_negated(&self, i: usize) -> bool {
        self.clitics.get(i).copied().flatten() == Some(Tag::RB)
    }
}

/// Tag one sentence's tokens (as `text::tokenize` gives them) in `text`.
pub fn tag(text: &str, toks: &[Token]) -> Tagged {
    let mut units = Vec::with_capacity(toks.len() + 4);
    // Which unit starts each token, and whether it has a clitic unit after it.
    let mut split = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        let glue_left = k > 0 && toks[k - 1].end == t.start;
        let glue_right = toks.get(k + 1).is_some_and(|n| n.start == t.end);
        let word = t.text(text);
        let first = units.is_empty();
        match features::clitic_split(word).filter(|_| t.word) {
            Some(at) => {
                units.push(Unit::new(&word[..at], glue_left, true, first));
                units.push(Unit::new(&word[at..], true, glue_right, false));
                split.push(true);
            }
            None => {
                units.push(Unit::new(word, glue_left, glue_right, first));
                split.push(false);
            }
        }
    }
    let mut out = Vec::with_capacity(units.len());
    decode(model(), &units, &mut out);
    let mut tags = Vec::with_capacity(toks.len());
    let mut clitics = Vec::with_capacity(toks.len());
    let mut u = 0;
    for &s in &split {
        tags.push(Tag::from_index(out[u] as usize));
        if s {
            clitics.push(Some(Tag::from_index(out[u + 1] as usize)));
            u += 2;
        } else {
            clitics.push(None);
            u += 1;
        }
    }
    Tagged { tags, clitics }
}

/// Tag a sequence of words given as strings (treebank tokens): `glue[i]` is true when no
/// space follows word `i`. For measuring accuracy on treebank tokenisation.
pub fn tag_words(words: &[&str], glue: &[bool]) -> Vec<Tag> {
    let units: Vec<Unit> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let left = i > 0 && glue.get(i - 1).copied().unwrap_or(false);
            let right = glue.get(i).copied().unwrap_or(false);
            Unit::new(w, left, right, i == 0)
        })
        .collect();
    let mut out = Vec::with_capacity(units.len());
    decode(model(), &units, &mut out);
    out.into_iter()
        .map(|t| Tag::from_index(t as usize))
        .collect()
}

/// Greedy left-to-right decoding: each word's best tag given its features and the two tags
/// before it. Frequent unambiguous lower-case words take their dictionary tag.
pub(crate) fn decode(model: &Model, units: &[Unit], out: &mut Vec<u8>) {
    out.clear();
    let (mut t1, mut t2) = (START, START);
    let mut keys = [0u64; NFEATS];
    for i in 0..units.len() {
        let best = match model
            .dict_tag(units[i].w)
            .filter(|_| !units[i].capitalised())
        {
            Some(t) => t,
            None => {
                features::features(units, i, t1, t2, &mut keys);
                let mut scores = [0i32; NTAGS];
                for &k in &keys {
                    model.add_weights(k, &mut scores);
                }
                argmax(&scores)
            }
        };
        out.push(best);
        t2 = t1;
        t1 = best as u64;
    }
}

/// The index of the highest score; ties go to the lower index (deterministic).
#[inline]
pub(crate) fn argmax(scores: &[i32; NTAGS]) -> u8 {
    let mut best = 0;
    for t in 1..NTAGS {
        if scores[t] > scores[best] {
            best = t;
        }
    }
    best as u8
}
