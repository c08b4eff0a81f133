//! Training and measuring the check-worthiness model (used only by
//! `examples/train_worth.rs`; see docs/worth.md).
//!
//! Both our model and the baseline (TF-IDF over words + logistic regression) are fitted
//! by the same exact optimiser: L-BFGS on the L2-regularised log loss (bias not
//! regularised), deterministic from zero weights.

use super::{Model, features, sigmoid};

/// One labelled sentence.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: u64,
    pub label: bool,
    pub text: String,
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The held-out fifth: decided by a hash of the sentence's id alone.
pub fn held_out(id: u64) -> bool {
    splitmix(id).is_multiple_of(5)
}

/// A fifth of the training part, for choosing the regularisation (never the held-out fifth).
pub fn validation(id: u64) -> bool {
    splitmix(id ^ 0x5bd1_e995).is_multiple_of(5)
}

/// A sparse row: (feature, value).
pub type Row = Vec<(u32, f32)>;

/// Logistic regression over sparse rows: minimises Σ log-loss + l2/2 · |w|².
pub fn fit(rows: &[Row], labels: &[bool], dim: usize, l2: f64, iterations: usize) -> Model {
    // The bias is the last coordinate.
    let n = dim + 1;
    let objective = |w: &[f64], grad: &mut [f64]| -> f64 {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut loss = 0.0;
        for (row, &y) in rows.iter().zip(labels) {
            let z = w[dim]
                + row
                    .iter()
                    .map(|&(j, v)| w[j as usize] * f64::from(v))
                    .sum::<f64>();
            let y = if y { 1.0 } else { 0.0 };
            // log(1 + e^z) - y z, stably.
            loss += if z > 0.0 {
                z + (-z).exp().ln_1p()
            } else {
                z.exp().ln_1p()
            } - y * z;
            let g = 1.0 / (1.0 + (-z).exp()) - y;
            for &(j, v) in row {
                grad[j as usize] += g * f64::from(v);
            }
            grad[dim] += g;
        }
        for j in 0..dim {
            loss += 0.5 * l2 * w[j] * w[j];
            grad[j] += l2 * w[j];
        }
        loss
    };
    let w = lbfgs(n, iterations, objective);
    Model {
        bias: w[dim] as f32,
        weights: w[..dim].iter().map(|&x| x as f32).collect(),
    }
}

/// Limited-memory BFGS (10 pairs) with a backtracking line search.
fn lbfgs(n: usize, iterations: usize, mut f: impl FnMut(&[f64], &mut [f64]) -> f64) -> Vec<f64> {
    const M: usize = 10;
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    let mut s_hist: Vec<Vec<f64>> = Vec::new();
    let mut y_hist: Vec<Vec<f64>> = Vec::new();
    let mut x_new = vec![0.0; n];
    let mut g_new = vec![0.0; n];
    for _ in 0..iterations {
        // Two-loop recursion: d = -H g.
        let mut q = g.clone();
        let mut alpha = vec![0.0; s_hist.len()];
        for i in (0..s_hist.len()).rev() {
            let rho = 1.0 / dot(&y_hist[i], &s_hist[i]);
            alpha[i] = rho * dot(&s_hist[i], &q);
            q.iter_mut()
                .zip(&y_hist[i])
                .for_each(|(q, y)| *q -= alpha[i] * y);
        }
        let gamma = match (s_hist.last(), y_hist.last()) {
            (Some(s), Some(y)) => dot(s, y) / dot(y, y),
            _ => 1.0 / dot(&g, &g).sqrt().max(1e-12),
        };
        q.iter_mut().for_each(|q| *q *= gamma);
        for i in 0..s_hist.len() {
            let rho = 1.0 / dot(&y_hist[i], &s_hist[i]);
            let beta = rho * dot(&y_hist[i], &q);
            q.iter_mut()
                .zip(&s_hist[i])
                .for_each(|(q, s)| *q += (alpha[i] - beta) * s);
        }
        let d: Vec<f64> = q.iter().map(|v| -v).collect();
        let slope = dot(&g, &d);
        if slope >= 0.0 {
            break;
        }
        let mut step = 1.0;
        let mut fx_new;
        loop {
            x_new
                .iter_mut()
                .zip(&x)
                .zip(&d)
                .for_each(|((xn, x), d)| *xn = x + step * d);
            fx_new = f(&x_new, &mut g_new);
            if fx_new <= fx + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = x_new.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let converged = (fx - fx_new).abs() <= 1e-9 * fx.abs().max(1.0);
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        fx = fx_new;
        if dot(&s, &y) > 1e-12 {
            if s_hist.len() == M {
                s_hist.remove(0);
                y_hist.remove(0);
            }
            s_hist.push(s);
            y_hist.push(y);
        }
        if converged {
            break;
        }
    }
    x
}

/// Our model's rows: every hashed feature with value 1.
pub fn worth_rows(items: &[&Item]) -> Vec<Row> {
    let mut feats = Vec::new();
    items
        .iter()
        .map(|it| {
            features::features(&it.text, &mut feats);
            feats.iter().map(|&f| (f, 1.0)).collect()
        })
        .collect()
}

/// Our model, fitted on `items`.
pub fn fit_worth(items: &[&Item], l2: f64, iterations: usize) -> Model {
    let rows = worth_rows(items);
    let labels: Vec<bool> = items.iter().map(|i| i.label).collect();
    fit(&rows, &labels, features::SIZE, l2, iterations)
}

/// The baseline: scikit-learn's `TfidfVectorizer()` (lower case, words of two or more
/// word characters, smoothed idf, rows L2-normalised) and `LogisticRegression(C)`.
pub struct Tfidf {
    vocab: std::collections::BTreeMap<String, u32>,
    idf: Vec<f32>,
}

fn tfidf_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}

impl Tfidf {
    pub fn fit(items: &[&Item]) -> Tfidf {
        let mut df: std::collections::BTreeMap<String, u32> = Default::default();
        for it in items {
            let mut seen: Vec<String> = tfidf_words(&it.text).collect();
            seen.sort();
            seen.dedup();
            for w in seen {
                *df.entry(w).or_default() += 1;
            }
        }
        let n = items.len() as f64;
        let mut vocab = std::collections::BTreeMap::new();
        let mut idf = Vec::new();
        for (i, (w, d)) in df.into_iter().enumerate() {
            vocab.insert(w, i as u32);
            idf.push((((1.0 + n) / (1.0 + f64::from(d))).ln() + 1.0) as f32);
        }
        Tfidf { vocab, idf }
    }

    pub fn dim(&self) -> usize {
        self.idf.len()
    }

    pub fn row(&self, text: &str) -> Row {
        let mut counts: std::collections::BTreeMap<u32, f32> = Default::default();
        for w in tfidf_words(text) {
            if let Some(&j) = self.vocab.get(&w) {
                *counts.entry(j).or_default() += 1.0;
            }
        }
        let mut row: Row = counts
            .into_iter()
            .map(|(j, c)| (j, c * self.idf[j as usize]))
            .collect();
        let norm = row.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|(_, v)| *v /= norm);
        }
        row
    }
}

/// The baseline fitted on `items` with scikit-learn's `C` (l2 = 1/C); returns a scorer.
pub fn fit_baseline(items: &[&Item], c: f64) -> impl Fn(&str) -> f32 {
    let tfidf = Tfidf::fit(items);
    let rows: Vec<Row> = items.iter().map(|i| tfidf.row(&i.text)).collect();
    let labels: Vec<bool> = items.iter().map(|i| i.label).collect();
    let model = fit(&rows, &labels, tfidf.dim(), 1.0 / c, 1000);
    move |text: &str| {
        let z = model.bias
            + tfidf
                .row(text)
                .iter()
                .map(|&(j, v)| model.weights[j as usize] * v)
                .sum::<f32>();
        sigmoid(z)
    }
}

/// Figures of a scored held-out set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// Of the check-worthy class, at score ≥ 0.5.
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Average precision of the whole set ranked by score (one ranking: MAP = AP).
    pub map: f64,
    /// Precision in the top R, R the number of check-worthy sentences.
    pub r_precision: f64,
    pub p_at_10: f64,
}

pub fn measure(scores: &[f32], labels: &[bool]) -> Measure {
    let tp = scores
        .iter()
        .zip(labels)
        .filter(|(s, l)| **s >= 0.5 && **l)
        .count() as f64;
    let predicted = scores.iter().filter(|s| **s >= 0.5).count() as f64;
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let precision = if predicted > 0.0 { tp / predicted } else { 0.0 };
    let recall = if positives > 0.0 { tp / positives } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    // Ranked by score, ties in input order.
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut hits = 0.0;
    let mut ap = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1.0;
            ap += hits / (rank + 1) as f64;
        }
    }
    let top =
        |k: usize| order.iter().take(k).filter(|&&i| labels[i]).count() as f64 / k.max(1) as f64;
    Measure {
        precision,
        recall,
        f1,
        map: if positives > 0.0 { ap / positives } else { 0.0 },
        r_precision: top(positives as usize),
        p_at_10: top(10),
    }
}
