//! Training and measuring the tagger on CoNLL-U treebanks (UD English EWT, GUM…). Used by
//! `examples/train_tagger.rs`; nothing here runs during extraction.
//!
//! Treebank sentences are re-tokenised with the extractor's own tokenizer, so that the model
//! learns the words it will meet: a token the treebank split ("densely-populated" →
//! "densely" "-" "populated") takes the tag of its last word, a treebank token our tokenizer
//! splits ("5,000" → "5" "," "000") gives its tag to every piece, and clitics ("do" "n't")
//! are split the same way at tagging time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::features::{self, NFEATS, START, Unit};
use super::model::{self, Model};
use super::perceptron::{self, Perceptron};
use super::tagger::{self, Tagger};
use super::tags::{NTAGS, Tag};
use crate::extract::text;

/// One treebank token: its form, Penn tag and byte span in the sentence text.
#[derive(Debug, Clone)]
pub struct TreeToken {
    pub form: String,
    pub tag: Tag,
    pub span: (usize, usize),
}

/// One treebank sentence.
#[derive(Debug, Clone)]
pub struct TreeSentence {
    pub text: String,
    pub tokens: Vec<TreeToken>,
}

/// Words ready for the tagger with their gold tags.
#[derive(Debug, Clone, Default)]
pub struct Example {
    units: Vec<Unit>,
    gold: Vec<u8>,
    /// Surface forms, for reports.
    pub words: Vec<String>,
}

impl Example {
    pub fn len(&self) -> usize {
        self.gold.len()
    }
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }
}

/// The `.conllu` files of a directory (sorted), or the path itself if it is not one.
pub fn conllu_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|e| e == "conllu"));
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    }
}

/// Read the sentences of a CoNLL-U file. Sentences whose tokens cannot be found in their
/// `# text` (or with an unknown tag) are skipped; the count of skipped ones is returned.
pub fn read_conllu(data: &str) -> (Vec<TreeSentence>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut text: Option<String> = None;
    // (form, tag or None for a multiword surface, id range end)
    let mut rows: Vec<(String, Option<Tag>, bool)> = Vec::new();
    let mut bad = false;
    let mut flush =
        |text: &mut Option<String>, rows: &mut Vec<(String, Option<Tag>, bool)>, bad: &mut bool| {
            if rows.is_empty() {
                *text = None;
                *bad = false;
                return;
            }
            match text.take().filter(|_| !*bad).and_then(|t| align(t, rows)) {
                Some(s) => out.push(s),
                None => skipped += 1,
            }
            rows.clear();
            *bad = false;
        };
    // Multiword tokens: (surface form, how many words it covers).
    let mut mwt_left = 0usize;
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut text, &mut rows, &mut bad);
            mwt_left = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            bad = true;
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty nodes
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b) = (
                a.parse::<usize>().unwrap_or(0),
                b.parse::<usize>().unwrap_or(0),
            );
            mwt_left = (b + 1).saturating_sub(a);
            rows.push((cols[1].to_string(), None, false));
            continue;
        }
        let tag = Tag::from_name(cols[4]);
        if tag.is_none() {
            bad = true;
        }
        let inside = mwt_left > 0;
        mwt_left = mwt_left.saturating_sub(1);
        rows.push((cols[1].to_string(), tag, inside));
    }
    flush(&mut text, &mut rows, &mut bad);
    (out, skipped)
}

/// Find each token's span in the sentence text. Words inside a multiword token are placed
/// inside its surface span when their forms are found there in order, else they share it.
fn align(text: String, rows: &[(String, Option<Tag>, bool)]) -> Option<TreeSentence> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut surface: Option<(usize, usize)> = None;
    let mut inner = 0;
    for (form, tag, inside) in rows {
        match (tag, *inside) {
            (None, _) => {
                let (a, b) = find(&text, pos, form)?;
                surface = Some((a, b));
                inner = a;
                pos = b;
            }
            (Some(tag), true) => {
                let (sa, sb) = surface?;
                let span = match text[inner..sb].find(form.as_str()) {
                    Some(off) => (inner + off, inner + off + form.len()),
                    None => (inner.min(sb), sb),
                };
                inner = span.1;
                let _ = sa;
                tokens.push(TreeToken {
                    form: form.clone(),
                    tag: *tag,
                    span,
                });
            }
            (Some(tag), false) => {
                let span = find(&text, pos, form)?;
                pos = span.1;
                tokens.push(TreeToken {
                    form: form.clone(),
                    tag: *tag,
                    span,
                });
            }
        }
    }
    Some(TreeSentence { text, tokens })
}

/// The span of `form` at `pos` after any whitespace.
fn find(text: &str, pos: usize, form: &str) -> Option<(usize, usize)> {
    let rest = text.get(pos..)?;
    let start = pos + (rest.len() - rest.trim_start().len());
    text.get(start..)?
        .starts_with(form)
        .then(|| (start, start + form.len()))
}

fn is_punct_tag(t: Tag) -> bool {
    t.is_punct()
}

/// The sentence as the extractor tokenises it, each word with its gold tag.
pub fn our_tokens(s: &TreeSentence) -> Example {
    let toks = text::tokenize(&s.text, 0, s.text.len(), &[]);
    let mut ex = Example::default();
    let gold_of = |a: usize, b: usize| -> Option<Tag> {
        let over: Vec<&TreeToken> = s
            .tokens
            .iter()
            .filter(|t| t.span.0 < b && a < t.span.1)
            .collect();
        let piece = &s.text[a..b];
        match over.as_slice() {
            [] => None,
            // A piece of a treebank token: "5" "," "000" of "5,000". Words take its tag,
            // a comma or dot its own.
            [t] if t.span != (a, b) && t.tag == Tag::CD && (piece == "," || piece == ".") => {
                Tag::from_name(piece)
            }
            [t] => Some(t.tag),
            // Several treebank tokens in one of ours ("densely-populated"): the last word's
            // tag, but a compound ending in a participle is an adjective ("well-known").
            many => {
                let last = many
                    .iter()
                    .rev()
                    .find(|t| !is_punct_tag(t.tag))
                    .or(many.last())
                    .map(|t| t.tag)?;
                let compound = many.iter().any(|t| t.tag == Tag::HYPH);
                Some(match last {
                    Tag::VBN | Tag::VBG if compound => Tag::JJ,
                    t => t,
                })
            }
        }
    };
    let mut pieces: Vec<(usize, usize, bool, bool)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let glue_left = k > 0 && toks[k - 1].end == t.start;
        let glue_right = toks.get(k + 1).is_some_and(|n| n.start == t.end);
        let word = t.text(&s.text);
        match features::clitic_split(word).filter(|_| t.word) {
            Some(at) => {
                pieces.push((t.start, t.start + at, glue_left, true));
                pieces.push((t.start + at, t.end, true, glue_right));
            }
            None => pieces.push((t.start, t.end, glue_left, glue_right)),
        }
    }
    for (i, &(a, b, gl, gr)) in pieces.iter().enumerate() {
        let Some(tag) = gold_of(a, b) else {
            continue;
        };
        ex.units.push(Unit::new(&s.text[a..b], gl, gr, i == 0));
        ex.gold.push(tag as u8);
        ex.words.push(s.text[a..b].to_string());
    }
    ex
}

/// The sentence in the treebank's own tokens.
pub fn treebank_tokens(s: &TreeSentence) -> Example {
    let mut ex = Example::default();
    let n = s.tokens.len();
    for (i, t) in s.tokens.iter().enumerate() {
        let gl = i > 0 && s.tokens[i - 1].span.1 == t.span.0;
        let gr = i + 1 < n && s.tokens[i + 1].span.0 == t.span.1;
        ex.units.push(Unit::new(&t.form, gl, gr, i == 0));
        ex.gold.push(t.tag as u8);
        ex.words.push(t.form.clone());
    }
    ex
}

/// An averaged perceptron under training.
#[derive(Default)]
pub struct Trainer {
    p: Perceptron,
    dict: HashMap<u64, u8>,
    classes: HashMap<u64, u64>,
    /// Share of lower-case training words the tag dictionary covers.
    pub dict_share: f64,
}

/// Options of [`Trainer::train`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub iterations: usize,
    /// Weights whose averaged magnitude is below this are dropped from the model file.
    pub prune: f32,
    /// A word enters the tag dictionary when seen (in lower case) this often…
    pub dict_min_count: u32,
    /// …with this share of one tag.
    pub dict_min_share: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iterations: 10,
            prune: 0.05,
            dict_min_count: 20,
            dict_min_share: 0.97,
        }
    }
}

impl Trainer {
    fn score(&self, keys: &[u64; NFEATS]) -> u8 {
        let mut scores = [0f32; NTAGS];
        self.p.add_scores(keys, &mut scores);
        let mut best = 0;
        for t in 1..NTAGS {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        best as u8
    }

    fn build_dict(&mut self, data: &[Example], opt: &Options) {
        let mut counts: HashMap<u64, [u32; NTAGS]> = HashMap::new();
        for ex in data {
            for (u, &g) in ex.units.iter().zip(&ex.gold) {
                if !u.capitalised() {
                    counts.entry(u.w).or_insert([0; NTAGS])[g as usize] += 1;
                }
            }
        }
        let mut covered = 0u64;
        let total: u64 = counts
            .values()
            .map(|c| c.iter().map(|&v| v as u64).sum::<u64>())
            .sum();
        for (w, c) in counts {
            let n: u32 = c.iter().sum();
            let (best, &m) = c
                .iter()
                .enumerate()
                .max_by_key(|&(i, &v)| (v, std::cmp::Reverse(i)))
                .expect("NTAGS > 0");
            if n >= opt.dict_min_count && m as f32 / n as f32 >= opt.dict_min_share {
                self.dict.insert(w, best as u8);
                covered += n as u64;
            }
        }
        self.dict_share = covered as f64 / total.max(1) as f64;
    }

    /// Train on `data`; `log` receives one line per iteration.
    pub fn train(data: &[Example], opt: &Options, log: &mut dyn FnMut(String)) -> Trainer {
        let mut tr = Trainer::default();
        tr.build_dict(data, opt);
        tr.classes = word_classes(data.iter());
        // Each training sentence sees the classes of the other half of the data (two-fold
        // jackknife), as a held-out sentence sees classes it did not shape; else the model
        // learns to trust a word's class more than its context.
        let halves = [
            word_classes(data.iter().skip(1).step_by(2)),
            word_classes(data.iter().step_by(2)),
        ];
        let data: Vec<Example> = data
            .iter()
            .enumerate()
            .map(|(i, ex)| {
                let mut ex = ex.clone();
                for u in &mut ex.units {
                    u.class = halves[i % 2].get(&u.w).copied().unwrap_or(0);
                }
                ex
            })
            .collect();
        let data = &data[..];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut keys = [0u64; NFEATS];
        for it in 0..opt.iterations {
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let ex = &data[si];
                let (mut t1, mut t2) = (START, START);
                for i in 0..ex.units.len() {
                    let gold = ex.gold[i];
                    let u = &ex.units[i];
                    let guess = match tr.dict.get(&u.w).filter(|_| !u.capitalised()) {
                        Some(&t) => t,
                        None => {
                            features::features(&ex.units, i, t1, t2, &mut keys);
                            let guess = tr.score(&keys);
                            tr.p.instances += 1;
                            if guess != gold {
                                tr.p.reward(&keys, gold, guess);
                            }
                            guess
                        }
                    };
                    right += (guess == gold) as usize;
                    total += 1;
                    t2 = t1;
                    t1 = guess as u64;
                }
            }
            log(format!(
                "iteration {}: training accuracy {:.2}%",
                it + 1,
                100.0 * right as f64 / total.max(1) as f64
            ));
            perceptron::shuffle(&mut order, &mut rng);
        }
        tr
    }

    /// The averaged, pruned and quantised model file.
    pub fn model_bytes(&self, opt: &Options) -> Vec<u8> {
        // Scores are summed in i16 (saturating): the largest weight is 1500 units, so that
        // the sum of a position's features stays in range.
        let (scale, q) = self.p.quantised(opt.prune, 1500.0);
        let mut dict: Vec<(u64, u8)> = self.dict.iter().map(|(&w, &t)| (w, t)).collect();
        dict.sort();
        let mut classes: Vec<(u64, u64)> = self.classes.iter().map(|(&w, &c)| (w, c)).collect();
        classes.sort();
        model::write(scale, &q, &dict, &classes)
    }
}

/// Word classes: the tags each word seen at least twice takes in 5% of its uses or more.
fn word_classes<'a>(data: impl Iterator<Item = &'a Example>) -> HashMap<u64, u64> {
    let mut counts: HashMap<u64, [u32; NTAGS]> = HashMap::new();
    for ex in data {
        for (u, &g) in ex.units.iter().zip(&ex.gold) {
            counts.entry(u.w).or_insert([0; NTAGS])[g as usize] += 1;
        }
    }
    let mut classes = HashMap::new();
    for (w, c) in counts {
        let n: u32 = c.iter().sum();
        if n < 2 {
            continue;
        }
        let mut class = 0u64;
        for (t, &k) in c.iter().enumerate() {
            if k as f32 >= 0.05 * n as f32 {
                class |= 1 << t;
            }
        }
        classes.insert(w, class);
    }
    classes
}

/// Accuracy of a model on examples, with the confusion counts.
pub fn evaluate(model_bytes: &[u8], data: &[Example]) -> Option<Evaluation> {
    let model = Tagger::from_bytes(model_bytes)?;
    let (mut right, mut total) = (0, 0);
    let (mut right_words, mut words) = (0, 0);
    let mut confusion: HashMap<(u8, u8), usize> = HashMap::new();
    let mut out = Vec::new();
    for ex in data {
        let mut units = ex.units.clone();
        tagger::decode(&model, &mut units, &mut out);
        for (&g, &p) in ex.gold.iter().zip(&out) {
            total += 1;
            let word = !Tag::from_index(g as usize).is_punct();
            words += word as usize;
            if g == p {
                right += 1;
                right_words += word as usize;
            } else {
                *confusion.entry((g, p)).or_default() += 1;
            }
        }
    }
    let mut conf: Vec<((Tag, Tag), usize)> = confusion
        .into_iter()
        .map(|((g, p), n)| {
            (
                (Tag::from_index(g as usize), Tag::from_index(p as usize)),
                n,
            )
        })
        .collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Some(Evaluation {
        right,
        total,
        right_words,
        words,
        confusion: conf,
    })
}

/// Tagging accuracy on a held-out set.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub right: usize,
    pub total: usize,
    /// The same, over words whose gold tag is not punctuation.
    pub right_words: usize,
    pub words: usize,
    /// (gold, guess) → count, most frequent first.
    pub confusion: Vec<((Tag, Tag), usize)>,
}

/// Features in a model file (for reports).
pub fn feature_count(model_bytes: &[u8]) -> usize {
    Model::from_bytes(model_bytes).map_or(0, |m| m.feature_count())
}

/// Up to `max` tagging errors with their context, for error analysis:
/// "… words [word gold→guess] words …".
pub fn errors(model_bytes: &[u8], data: &[Example], max: usize) -> Vec<String> {
    let Some(model) = Tagger::from_bytes(model_bytes) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut out = Vec::new();
    for ex in data {
        let mut units = ex.units.clone();
        tagger::decode(&model, &mut units, &mut out);
        for (i, (&g, &p)) in ex.gold.iter().zip(&out).enumerate() {
            if g != p && lines.len() < max {
                let a = i.saturating_sub(4);
                let b = (i + 4).min(ex.words.len());
                let ctx: Vec<String> = (a..b)
                    .map(|k| {
                        if k == i {
                            format!(
                                "[{} {}→{}]",
                                ex.words[k],
                                Tag::from_index(g as usize),
                                Tag::from_index(p as usize)
                            )
                        } else {
                            ex.words[k].clone()
                        }
                    })
                    .collect();
                lines.push(ctx.join(" "));
            }
        }
    }
    lines
}
