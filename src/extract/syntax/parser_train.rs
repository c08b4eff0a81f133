//! Training and measuring the dependency parser on CoNLL-U treebanks (UD English EWT,
//! GUM). Used by `examples/train_parser.rs` and `examples/parse_eval.rs`; nothing here runs
//! during extraction.
//!
//! The parser learns from the treebank's own words with the tags our tagger predicts for
//! them (not the gold tags), so that it learns to live with the tagger's errors. Moves are
//! learnt with a dynamic oracle (Goldberg and Nivre 2012-2013): at every configuration the
//! cost of a move is the number of gold arcs it makes unreachable; the perceptron is taught
//! the best zero-cost move, and from the second iteration on the trainer often follows
//! its own wrong moves, so that it learns to recover from them.

use super::features::Unit;
use super::parser::{self, Deprel, NLABELS, Parser};
use super::parser_features::{
    self as pf, LEFT, NLABEL_KEYS, NMOVE_KEYS, NMOVES, NONE, RIGHT, SHIFT, State, Word,
};
use super::perceptron::{self, Perceptron};
use super::tagger;
use super::tags::Tag;

/// One CoNLL-U sentence, kept whole so that it can be written back with a parse.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// All its lines (comments, multiword tokens, words).
    pub lines: Vec<String>,
    /// The line of each word.
    word_lines: Vec<usize>,
    pub forms: Vec<String>,
    /// No space after the word (`SpaceAfter=No`).
    glue: Vec<bool>,
    /// Gold heads (word indices; the number of words for the root) and relations.
    heads: Vec<u32>,
    labels: Vec<u8>,
    /// Gold relation `punct` (left out of the scores).
    punct: Vec<bool>,
}

/// Read a CoNLL-U file; sentences with a malformed word line are skipped (their count
/// is returned).
pub fn read_conllu(data: &str) -> (Vec<Sentence>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut cur = Sentence::default();
    let mut bad = false;
    for line in data.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.forms.is_empty() {
                let n = cur.forms.len() as u32;
                if bad || cur.heads.iter().any(|&h| h > n) {
                    skipped += 1;
                } else {
                    out.push(std::mem::take(&mut cur));
                }
            }
            cur = Sentence::default();
            bad = false;
            continue;
        }
        cur.lines.push(line.to_string());
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            bad = true;
            continue;
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let Ok(head) = cols[6].parse::<u32>() else {
            bad = true;
            continue;
        };
        cur.word_lines.push(cur.lines.len() - 1);
        cur.forms.push(cols[1].to_string());
        cur.glue
            .push(cols[9].split('|').any(|m| m == "SpaceAfter=No"));
        // Heads are fixed below, once the number of words is known.
        cur.heads.push(head);
        cur.labels.push(Deprel::from_name(cols[7]) as u8);
        cur.punct.push(cols[7] == "punct");
    }
    for s in &mut out {
        let n = s.forms.len() as u32;
        for h in &mut s.heads {
            *h = if *h == 0 { n } else { *h - 1 };
        }
    }
    (out, skipped)
}

/// A sentence ready for the parser: its words with our tagger's tags, and the gold tree.
#[derive(Debug, Clone)]
pub struct Example {
    words: Vec<Word>,
    tags: Vec<Tag>,
    heads: Vec<u32>,
    labels: Vec<u8>,
    punct: Vec<bool>,
}

impl Example {
    pub fn len(&self) -> usize {
        self.words.len()
    }
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Tag a sentence's words with the shipped tagger and pair them with the gold tree.
pub fn example(s: &Sentence) -> Example {
    let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
    let tags = tagger::tag_words(&forms, &s.glue);
    let n = forms.len();
    let words = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let gl = i > 0 && s.glue[i - 1];
            let u = Unit::new(f, gl, s.glue[i], i == 0);
            Word {
                w: u.w,
                t: tags[i] as u8,
            }
        })
        .collect();
    debug_assert_eq!(tags.len(), n);
    Example {
        words,
        tags,
        heads: s.heads.clone(),
        labels: s.labels.clone(),
        punct: s.punct.clone(),
    }
}

/// A sentence's gold heads (word indices; the number of words for the root).
#[cfg(test)]
pub(crate) fn gold_heads(s: &Sentence) -> Vec<u32> {
    s.heads.clone()
}

/// Options of [`train`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub iterations: usize,
    /// Averaged weights below this are dropped from the model file.
    pub prune: f32,
    /// From this iteration on (counting from 1)…
    pub explore_from: usize,
    /// …a wrong move of the model is followed with this probability.
    pub explore: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iterations: 12,
            prune: 1.0,
            explore_from: 2,
            explore: 0.9,
        }
    }
}

/// Gold arcs lost by a move (the dynamic oracle of the arc-hybrid system).
pub(crate) fn cost(st: &State, gold: &[u32], mv: u8) -> u32 {
    let n = st.n as u32;
    let b = st.b as u32;
    let in_buffer = |x: u32| x != NONE && x >= b && x <= n;
    let buffer_children = |h: u32| gold[st.b..].iter().filter(|&&g| g == h).count() as u32;
    match mv {
        SHIFT => {
            let s0 = st.s(0);
            let mut c = 0;
            for &x in &st.stack {
                c += (gold[x as usize] == b) as u32;
                c += (x != s0 && gold[st.b] == x) as u32;
            }
            c
        }
        LEFT => {
            let s0 = st.s(0);
            let g = gold[s0 as usize];
            buffer_children(s0) + (g != b && (g == st.s(1) || in_buffer(g))) as u32
        }
        _ => {
            let s0 = st.s(0);
            buffer_children(s0) + in_buffer(gold[s0 as usize]) as u32
        }
    }
}

fn argmax_f(scores: &[f32], ok: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

/// Train on `data`; `log` receives one line per iteration. Returns the model file.
pub fn train(data: &[Example], opt: &Options, log: &mut dyn FnMut(String)) -> Vec<u8> {
    let p = learn(data, opt, log);
    model_file(&p, opt.prune)
}

/// Train on `data` and return the model file at each of the `prunes` thresholds (for
/// choosing the threshold on a dev set from one training).
pub fn train_pruned(
    data: &[Example],
    opt: &Options,
    prunes: &[f32],
    log: &mut dyn FnMut(String),
) -> Vec<Vec<u8>> {
    let p = learn(data, opt, log);
    prunes.iter().map(|&x| model_file(&p, x)).collect()
}

fn model_file(p: &Perceptron, prune: f32) -> Vec<u8> {
    let (scale, feats) = p.quantised(prune, 1000.0);
    parser::write(scale, &feats)
}

fn learn(data: &[Example], opt: &Options, log: &mut dyn FnMut(String)) -> Perceptron {
    let mut p = Perceptron::default();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut st = State::default();
    let mut keys = [0u64; NMOVE_KEYS];
    let mut vals = [(0u64, 0u64); NMOVE_KEYS];
    let mut lkeys = [0u64; NLABEL_KEYS];
    for it in 1..=opt.iterations {
        let (mut right, mut total, mut arcs, mut labelled) = (0usize, 0usize, 0usize, 0usize);
        for &si in &order {
            let ex = &data[si];
            let n = ex.words.len();
            st.reset(n);
            while !st.done() {
                let legal = st.legal();
                pf::move_keys(&st, &ex.words, &mut keys, &mut vals);
                let mut scores = [0f32; NMOVES];
                p.add_scores(&keys, &mut scores);
                let costs: Vec<u32> = (0..NMOVES as u8)
                    .map(|m| {
                        if legal[m as usize] {
                            cost(&st, &ex.heads, m)
                        } else {
                            u32::MAX
                        }
                    })
                    .collect();
                let min = costs.iter().copied().min().unwrap_or(0);
                let pred = argmax_f(&scores, |m| legal[m]).unwrap_or(0);
                let best = argmax_f(&scores, |m| costs[m] == min).unwrap_or(0);
                p.instances += 1;
                total += 1;
                let mv = if costs[pred] == min {
                    right += 1;
                    pred as u8
                } else {
                    p.reward(&keys, best as u8, pred as u8);
                    let follow = it >= opt.explore_from
                        && (perceptron::next(&mut rng) % 1000) as f64 / 1000.0 < opt.explore;
                    if follow { pred as u8 } else { best as u8 }
                };
                let mut label = 0u8;
                if mv == LEFT || mv == RIGHT {
                    let (h, d) = st.arc(mv);
                    if h as usize == n {
                        label = Deprel::Root as u8;
                    } else {
                        pf::label_keys(&st, &ex.words, h, d, &mut lkeys);
                        let mut ls = [0f32; NLABELS];
                        p.add_scores(&lkeys, &mut ls);
                        let l = argmax_f(&ls, |l| l != Deprel::Root as usize).unwrap_or(0) as u8;
                        label = l;
                        if ex.heads[d as usize] == h {
                            let g = ex.labels[d as usize];
                            arcs += 1;
                            labelled += (l == g) as usize;
                            if l != g {
                                p.reward(&lkeys, g, l);
                            }
                        }
                    }
                }
                st.apply(mv, label);
            }
        }
        log(format!(
            "iteration {it}: {:.2}% of moves right, {:.2}% of right arcs labelled right",
            100.0 * right as f64 / total.max(1) as f64,
            100.0 * labelled as f64 / arcs.max(1) as f64
        ));
        perceptron::shuffle(&mut order, &mut rng);
    }
    p
}

/// Scores of a parse against the gold tree, punctuation (gold `punct`) left out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub words: usize,
    pub heads: usize,
    pub labelled: usize,
    pub tags: usize,
}

impl Scores {
    pub fn uas(&self) -> f64 {
        self.heads as f64 / self.words.max(1) as f64
    }
    pub fn las(&self) -> f64 {
        self.labelled as f64 / self.words.max(1) as f64
    }
}

/// One sentence's parse: each word's head (0 for the root, else the 1-based word) and
/// relation.
pub type Parsed = Vec<(u32, Deprel)>;

/// A model's parses of `data`: per sentence, each word's head (0 for the root, else the
/// 1-based word) and relation; and the time the parsing took (the model's loading aside).
pub fn parse_all(model: &[u8], data: &[Example]) -> Option<(Vec<Parsed>, std::time::Duration)> {
    let parser = Parser::from_bytes(model)?;
    let mut st = State::default();
    let start = std::time::Instant::now();
    let parses = data
        .iter()
        .map(|ex| {
            parser::decode(&parser, &ex.words, &mut st);
            let n = ex.words.len() as u32;
            st.nodes[..ex.words.len()]
                .iter()
                .map(|nd| {
                    let h = if nd.head == NONE || nd.head >= n {
                        0
                    } else {
                        nd.head + 1
                    };
                    (h, Deprel::from_index(nd.label as usize))
                })
                .collect()
        })
        .collect();
    Some((parses, start.elapsed()))
}

/// Score parses against the gold trees.
pub fn score(data: &[Example], parses: &[Parsed]) -> Scores {
    let mut s = Scores::default();
    for (ex, parse) in data.iter().zip(parses) {
        let n = ex.words.len() as u32;
        for (i, &(h, l)) in parse.iter().enumerate() {
            if ex.punct[i] {
                continue;
            }
            let gold = if ex.heads[i] == n { 0 } else { ex.heads[i] + 1 };
            s.words += 1;
            if h == gold {
                s.heads += 1;
                s.labelled += (l as u8 == ex.labels[i]) as usize;
            }
        }
    }
    s
}

/// The sentences written back in CoNLL-U with the predicted tags (XPOS), heads and
/// relations (DEPS emptied).
pub fn write_conllu(sents: &[Sentence], data: &[Example], parses: &[Parsed]) -> String {
    let mut out = String::new();
    for ((s, ex), parse) in sents.iter().zip(data).zip(parses) {
        let mut word = 0;
        for (li, line) in s.lines.iter().enumerate() {
            if s.word_lines.get(word) == Some(&li) {
                let mut cols: Vec<&str> = line.split('\t').collect();
                let (h, l) = parse[word];
                let h = h.to_string();
                cols[4] = ex.tags[word].as_str();
                cols[6] = &h;
                cols[7] = l.as_str();
                cols[8] = "_";
                out.push_str(&cols.join("\t"));
                word += 1;
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Features in a model file (for reports).
pub fn feature_count(model: &[u8]) -> usize {
    Parser::from_bytes(model).map_or(0, |p| p.model.feature_count())
}

/// The shipped model file.
pub fn shipped_model() -> &'static [u8] {
    parser::MODEL_BYTES
}
