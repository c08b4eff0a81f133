//! Dependency parsing of one sentence: a greedy arc-hybrid transition parser whose moves and
//! arc labels are chosen by averaged perceptrons; the weights ship in `parser.bin` (trained
//! by `examples/train_parser.rs` on freely licensed treebanks; see docs/parser.md). Heads
//! and Universal Dependencies relations over the extractor's own tokens.

use std::sync::OnceLock;

use super::features::Unit;
use super::model::{self, Reader};
use super::parser_features::{
    self as pf, LEFT, NLABEL_KEYS, NMOVE_KEYS, NMOVES, NONE, RIGHT, State, Word,
};
use super::tagger::{self, Tagged};
use super::weights::Weights;
use crate::extract::text::Token;

pub(crate) static MODEL_BYTES: &[u8] = include_bytes!("parser.bin");

/// The magic of a parser model file: then `nlabels: u32`, `scale: f32` and the features
/// (moves are classes 0..3 of their keys, labels 0..nlabels of theirs).
pub(crate) const MAGIC: &[u8; 8] = b"CDPAR1\0\0";

macro_rules! deprels {
    ($($v:ident = $s:literal,)*) => {
        /// A Universal Dependencies relation (with the subtypes of the English treebanks).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Deprel { $($v,)* }
        const NAMES: &[&str] = &[$($s,)*];
        const ALL: &[Deprel] = &[$(Deprel::$v,)*];
    };
}

deprels! {
    Punct = "punct", Case = "case", Det = "det", Nsubj = "nsubj", Root = "root",
    Advmod = "advmod", Amod = "amod", Obj = "obj", Obl = "obl", Conj = "conj",
    Nmod = "nmod", Compound = "compound", Cc = "cc", Mark = "mark", Aux = "aux",
    Cop = "cop", NmodPoss = "nmod:poss", Advcl = "advcl", Xcomp = "xcomp", Flat = "flat",
    AclRelcl = "acl:relcl", Ccomp = "ccomp", Parataxis = "parataxis", Acl = "acl",
    Nummod = "nummod", Appos = "appos", AuxPass = "aux:pass", NsubjPass = "nsubj:pass",
    Discourse = "discourse", OblUnmarked = "obl:unmarked", NmodUnmarked = "nmod:unmarked",
    CompoundPrt = "compound:prt", Expl = "expl", Fixed = "fixed", Iobj = "iobj",
    List = "list", OblAgent = "obl:agent", Reparandum = "reparandum", NmodDesc = "nmod:desc",
    Csubj = "csubj", Dep = "dep", NsubjOuter = "nsubj:outer", DetPredet = "det:predet",
    AdvclRelcl = "advcl:relcl", Vocative = "vocative", Goeswith = "goeswith",
    CcPreconj = "cc:preconj", Orphan = "orphan", Dislocated = "dislocated",
    CsubjPass = "csubj:pass",
}

/// Relations the parser predicts.
pub const NLABELS: usize = NAMES.len();
const _: () = assert!(NLABELS <= 64 && ALL.len() == NLABELS);

impl Deprel {
    pub fn as_str(self) -> &'static str {
        NAMES[self as usize]
    }

    /// A treebank relation: the parser's own, an older name of one ("obl:tmod"), its
    /// base relation ("csubj:outer" → "csubj"), else `dep`.
    pub fn from_name(name: &str) -> Deprel {
        let name = match name {
            "obl:tmod" | "obl:npmod" => "obl:unmarked",
            "nmod:tmod" | "nmod:npmod" => "nmod:unmarked",
            n => n,
        };
        let find = |n: &str| NAMES.iter().position(|&x| x == n).map(Deprel::from_index);
        find(name)
            .or_else(|| name.split_once(':').and_then(|(base, _)| find(base)))
            .unwrap_or(Deprel::Dep)
    }

    pub(crate) fn from_index(i: usize) -> Deprel {
        ALL.get(i).copied().unwrap_or(Deprel::Dep)
    }
}

impl std::fmt::Display for Deprel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The parse of one sentence's tokens: `heads[i]` is the token token `i` depends on (`None`
/// for the sentence's root), `deprels[i]` the relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    pub heads: Vec<Option<usize>>,
    pub deprels: Vec<Deprel>,
}

impl Parse {
    /// The dependents of token `h`, left to right.
    pub fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.heads.len()).filter(move |&i| self.heads[i] == Some(h))
    }

    /// The first dependent of `h` by relation `rel`.
    pub fn child(&self, h: usize, rel: Deprel) -> Option<usize> {
        self.children(h).find(|&i| self.deprels[i] == rel)
    }

    /// The token span `a..b` of the subtree of `h` (the outermost tokens it dominates).
    pub fn subtree(&self, h: usize) -> (usize, usize) {
        let (mut a, mut b) = (h, h + 1);
        for i in 0..self.heads.len() {
            if i < a || i >= b {
                // Walk up at most the sentence's length (no cycle can loop forever).
                let mut k = i;
                for _ in 0..self.heads.len() {
                    match self.heads[k] {
                        Some(p) if p == h => {
                            a = a.min(i);
                            b = b.max(i + 1);
                            break;
                        }
                        Some(p) => k = p,
                        None => break,
                    }
                }
            }
        }
        (a, b)
    }
}

/// The parser's weights, used in the model file's own bytes; those of the move templates
/// over small ranges of values (`parser_features::DENSE`) also in a table indexed by the
/// values, filled once from the model.
pub(crate) struct Parser<'a> {
    pub(crate) model: Weights<'a>,
    /// Per move template, where its rows start in `dense` and its second value's range
    /// (`None`: its weights are looked up by key).
    dense_at: [Option<(usize, u64, u64)>; NMOVE_KEYS],
    /// The three moves' weights of each pair of values of those templates.
    dense: Vec<[i16; 3]>,
}

impl<'a> Parser<'a> {
    /// Read a model file; `None` if it is not one.
    pub(crate) fn from_bytes(b: &'a [u8]) -> Option<Parser<'a>> {
        let mut r = Reader::new(b);
        if &r.take::<8>()? != MAGIC || r.u32()? as usize != NLABELS {
            return None;
        }
        let _scale = r.f32()?;
        Some(Parser::with(Weights::read(&mut r, NLABELS.max(NMOVES))?))
    }

    fn with(model: Weights<'a>) -> Parser<'a> {
        let mut dense_at = [None; NMOVE_KEYS];
        let mut dense = Vec::new();
        // The rows are read 64 at a time, so that their cache misses overlap.
        for &(t, na, nb) in pf::DENSE {
            dense_at[t] = Some((dense.len(), na, nb));
            let values = (0..na).flat_map(|a| (0..nb).map(move |b| (a, b)));
            let mut keys = [0u64; 64];
            let mut k = 0;
            for (i, (a, b)) in values.enumerate() {
                keys[i % 64] = pf::move_key(t, a, b);
                k = i % 64 + 1;
                if k == 64 {
                    dense.extend_from_slice(&model.rows(&keys));
                    k = 0;
                }
            }
            dense.extend_from_slice(&model.rows(&keys)[..k]);
        }
        Parser {
            model,
            dense_at,
            dense,
        }
    }

    /// Add the weights of a configuration's move features to `scores`: those of the
    /// templates over small ranges from the table, the others by key.
    #[inline]
    fn add_moves(
        &self,
        keys: &mut [u64; NMOVE_KEYS],
        vals: &[(u64, u64); NMOVE_KEYS],
        scores: &mut [i16; 64],
    ) {
        for ((k, &(a, b)), at) in keys.iter_mut().zip(vals).zip(&self.dense_at) {
            if let Some((start, na, nb)) = *at
                && a < na
                && b < nb
                && let Some(row) = self.dense.get(start + (a * nb + b) as usize)
            {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s = s.saturating_add(w);
                }
                *k = 0;
            }
        }
        self.model.add_weights(keys, scores);
    }
}

/// A model file.
pub(crate) fn write(scale: f32, feats: &[(u64, Vec<(u8, i16)>)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NLABELS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    model::write_features(&mut out, feats);
    out
}

/// The shipped model, read on first use.
pub(crate) fn parser() -> &'static Parser<'static> {
    static PARSER: OnceLock<Parser<'static>> = OnceLock::new();
    PARSER.get_or_init(|| {
        Parser::from_bytes(MODEL_BYTES).unwrap_or_else(|| Parser::with(Weights::empty()))
    })
}

/// The best legal move of a configuration.
pub(crate) fn best_move(scores: &[i16; 64], legal: &[bool; NMOVES]) -> u8 {
    let mut best = None;
    for m in 0..NMOVES {
        if legal[m] && best.is_none_or(|b: usize| scores[m] > scores[b]) {
            best = Some(m);
        }
    }
    best.unwrap_or(0) as u8
}

/// The best label of an arc: `root` exactly for the root's dependent.
pub(crate) fn best_label(scores: &[i16; 64], to_root: bool) -> u8 {
    if to_root {
        return Deprel::Root as u8;
    }
    let mut best = Deprel::Dep as usize;
    for l in 0..NLABELS {
        if l != Deprel::Root as usize && scores[l] > scores[best] {
            best = l;
        }
    }
    best as u8
}

/// Parse `words` greedily into `st` (heads and labels in `st.nodes`).
pub(crate) fn decode(parser: &Parser, words: &[Word], st: &mut State) {
    st.reset(words.len());
    let model = &parser.model;
    let mut keys = [0u64; NMOVE_KEYS];
    let mut vals = [(0u64, 0u64); NMOVE_KEYS];
    let mut lkeys = [0u64; NLABEL_KEYS];
    while !st.done() {
        let legal = st.legal();
        // A configuration with one legal move (the first shift; the right arcs that empty
        // the stack once the buffer holds only the root) is not scored: the move is forced.
        let mv = if legal.iter().filter(|&&l| l).count() == 1 {
            legal.iter().position(|&l| l).unwrap_or(0) as u8
        } else {
            pf::move_keys(st, words, &mut keys, &mut vals);
            let mut scores = [0i16; 64];
            parser.add_moves(&mut keys, &vals, &mut scores);
            best_move(&scores, &legal)
        };
        let mut label = 0;
        if mv == LEFT || mv == RIGHT {
            let (h, d) = st.arc(mv);
            let to_root = h as usize == words.len();
            // The root's dependent is `root` whatever the scores: no label pass.
            let mut scores = [0i16; 64];
            if !to_root {
                pf::label_keys(st, words, h, d, &mut lkeys);
                model.add_weights(&lkeys, &mut scores);
            }
            label = best_label(&scores, to_root);
        }
        st.apply(mv, label);
    }
}

/// Per-thread scratch space of [`parse`].
#[derive(Default)]
struct Scratch {
    units: Vec<Unit>,
    split: Vec<bool>,
    words: Vec<Word>,
    /// The token of each word.
    token_of: Vec<usize>,
    state: State,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Parse one sentence's tokens (as `text::tokenize` gives them, tagged by [`tag`]).
///
/// A token the tagger splits ("don't", "Gallant's") is parsed as two words; the token
/// takes its host's head and relation, or, where the host depends on its own clitic ("it's
/// here"), the clitic's.
///
/// [`tag`]: super::tag
pub(crate) fn parse(text: &str, toks: &[Token], tagged: &Tagged) -> Parse {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => parse_with(text, toks, tagged, &mut s),
        Err(_) => parse_with(text, toks, tagged, &mut Scratch::default()),
    })
}

fn parse_with(text: &str, toks: &[Token], tagged: &Tagged, s: &mut Scratch) -> Parse {
    let Scratch {
        units,
        split,
        words,
        token_of,
        state,
    } = s;
    tagger::units(text, toks, units, split);
    words.clear();
    token_of.clear();
    let mut u = 0;
    for (i, &sp) in split.iter().enumerate() {
        let tag = tagged.tags.get(i).map_or(0, |&t| t as u8);
        words.push(Word {
            w: units[u].w,
            t: tag,
        });
        token_of.push(i);
        u += 1;
        if sp {
            let tag = tagged
                .clitics
                .get(i)
                .copied()
                .flatten()
                .map_or(0, |t| t as u8);
            words.push(Word {
                w: units[u].w,
                t: tag,
            });
            token_of.push(i);
            u += 1;
        }
    }
    decode(parser(), words, state);
    let n = words.len();
    let mut out = Parse {
        heads: Vec::with_capacity(toks.len()),
        deprels: Vec::with_capacity(toks.len()),
    };
    let mut u = 0;
    for (i, &sp) in split.iter().enumerate() {
        let mut node = state.nodes[u];
        if sp && node.head == (u + 1) as u32 {
            node = state.nodes[u + 1];
        }
        let head = node.head as usize;
        out.heads.push(
            (node.head != NONE && head < n)
                .then(|| token_of[head])
                .filter(|&h| h != i),
        );
        out.deprels.push(Deprel::from_index(node.label as usize));
        u += 1 + sp as usize;
    }
    out
}
