//! Part-of-speech tagging of the extractor's own tokens: a greedy left-to-right averaged
//! perceptron whose weights ship in `tagger.bin` (trained by `examples/train_tagger.rs` on
//! freely licensed treebanks; see docs/tagger.md).

use std::sync::OnceLock;

use super::features::{self, NHIST, NOTHER, START, Unit};
use super::model::Model;
use super::tags::{NTAGS, Tag};
use crate::extract::text::Token;

static MODEL_BYTES: &[u8] = include_bytes!("tagger.bin");

/// A model ready to tag: its weights, and the scores of every pair of previous tags added up
/// once (the bias and history features), so that a word costs only its own features.
pub(crate) struct Tagger {
    pub(crate) model: Model,
    history: Vec<[i16; 64]>,
}

/// Tag indices and the start-of-sentence value, as rows of the history table.
const HIST: usize = NTAGS + 1;

fn hist_index(t: u64) -> usize {
    if t == START {
        NTAGS
    } else {
        (t as usize).min(NTAGS - 1)
    }
}

impl Tagger {
    pub(crate) fn new(model: Model) -> Tagger {
        let mut history = vec![[0i16; 64]; HIST * HIST];
        let value = |i: usize| if i == NTAGS { START } else { i as u64 };
        for a in 0..HIST {
            for b in 0..HIST {
                let keys: [u64; NHIST] = features::history_keys(value(a), value(b));
                model.add_weights(&keys, &mut history[a * HIST + b]);
            }
        }
        Tagger { model, history }
    }

    pub(crate) fn from_bytes(b: &[u8]) -> Option<Tagger> {
        Model::from_bytes(b).map(Tagger::new)
    }
}

/// The shipped model, read on first use.
pub(crate) fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Model::from_bytes(MODEL_BYTES).unwrap_or_default()))
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

/// Per-thread scratch space of [`tag`], so that tagging a sentence allocates only its result.
#[derive(Default)]
struct Scratch {
    units: Vec<Unit>,
    /// Per token: does a clitic unit follow its host unit?
    split: Vec<bool>,
    out: Vec<u8>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Tag one sentence's tokens (as `text::tokenize` gives them) in `text`.
pub fn tag(text: &str, toks: &[Token]) -> Tagged {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => tag_with(text, toks, &mut scratch),
        Err(_) => tag_with(text, toks, &mut Scratch::default()),
    })
}

fn tag_with(text: &str, toks: &[Token], scratch: &mut Scratch) -> Tagged {
    let Scratch { units, split, out } = scratch;
    self::units(text, toks, units, split);
    decode(tagger(), units, out);
    let mut tags = Vec::with_capacity(toks.len());
    let mut clitics = Vec::with_capacity(toks.len());
    let mut u = 0;
    for &s in split.iter() {
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

/// The words the tagger and the parser read in `toks`: one per token, two for a token
/// whose clitic the treebanks split (`split[i]`: a clitic unit follows token `i`'s host).
pub(crate) fn units(text: &str, toks: &[Token], units: &mut Vec<Unit>, split: &mut Vec<bool>) {
    units.clear();
    split.clear();
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
}

/// Tag a sequence of words given as strings (treebank tokens): `glue[i]` is true when no
/// space follows word `i`. For measuring accuracy on treebank tokenisation.
pub fn tag_words(words: &[&str], glue: &[bool]) -> Vec<Tag> {
    let mut units: Vec<Unit> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let left = i > 0 && glue.get(i - 1).copied().unwrap_or(false);
            let right = glue.get(i).copied().unwrap_or(false);
            Unit::new(w, left, right, i == 0)
        })
        .collect();
    let mut out = Vec::with_capacity(units.len());
    decode(tagger(), &mut units, &mut out);
    out.into_iter()
        .map(|t| Tag::from_index(t as usize))
        .collect()
}

/// Greedy left-to-right decoding: each word's best tag given its features and the two tags
/// before it. Frequent unambiguous lower-case words take their dictionary tag.
pub(crate) fn decode(tagger: &Tagger, units: &mut [Unit], out: &mut Vec<u8>) {
    out.clear();
    let model = &tagger.model;
    for u in units.iter_mut() {
        u.class = model.class_of(u.w);
    }
    let units: &[Unit] = units;
    let (mut t1, mut t2) = (START, START);
    let mut keys = [0u64; NOTHER];
    for i in 0..units.len() {
        let best = match model
            .dict_tag(units[i].w)
            .filter(|_| !units[i].capitalised())
        {
            Some(t) => t,
            None => {
                features::other_keys(units, i, t1, &mut keys);
                let mut scores = tagger.history[hist_index(t1) * HIST + hist_index(t2)];
                model.add_weights(&keys, &mut scores);
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
pub(crate) fn argmax(scores: &[i16; 64]) -> u8 {
    let mut best = 0;
    for t in 1..NTAGS {
        if scores[t] > scores[best] {
            best = t;
        }
    }
    best as u8
}

/// The tag the tagger gives `word` (in any case) whatever its context, when it is one of
/// its frequent unambiguous words ("even": RB, "unlike": IN); `None` for any other word,
/// names included.
pub(crate) fn dictionary_tag(word: &str) -> Option<Tag> {
    let lower = word.to_lowercase();
    let unit = Unit::new(&lower, false, false, false);
    tagger()
        .model
        .dict_tag(unit.w)
        .map(|t| Tag::from_index(t as usize))
}
