//! An averaged perceptron under training (Collins 2002), shared by the tagger's and the
//! parser's trainers: sparse weights per hashed feature key and class, with lazy averaging,
//! and the averaged, pruned, i16-quantised features a model file stores. Nothing here runs
//! during extraction.

use std::collections::HashMap;

use super::model::Features;

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    class: u8,
    w: f32,
    total: f64,
    ts: u64,
}

/// Weights of the features seen so far, in order of first update.
#[derive(Default)]
pub(crate) struct Perceptron {
    index: HashMap<u64, usize>,
    feats: Vec<(u64, Vec<Entry>)>,
    /// Updates happen at instance counts; a weight's average is over all instances.
    pub(crate) instances: u64,
}

impl Perceptron {
    /// Add the current weights of `keys` to `scores` (indexed by class).
    pub(crate) fn add_scores(&self, keys: &[u64], scores: &mut [f32]) {
        for k in keys {
            if let Some(&f) = self.index.get(k) {
                for e in &self.feats[f].1 {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.w;
                    }
                }
            }
        }
    }

    /// Add `delta` to the weight of (`key`, `class`).
    pub(crate) fn update(&mut self, key: u64, class: u8, delta: f32) {
        let now = self.instances;
        let f = *self.index.entry(key).or_insert_with(|| {
            self.feats.push((key, Vec::new()));
            self.feats.len() - 1
        });
        let entries = &mut self.feats[f].1;
        let e = match entries.iter().position(|e| e.class == class) {
            Some(i) => &mut entries[i],
            None => {
                entries.push(Entry {
                    class,
                    ts: now,
                    ..Entry::default()
                });
                entries.last_mut().expect("just pushed")
            }
        };
        e.total += (now - e.ts) as f64 * e.w as f64;
        e.ts = now;
        e.w += delta;
    }

    /// Reward `gold` and penalise `guess` on every key.
    pub(crate) fn reward(&mut self, keys: &[u64], gold: u8, guess: u8) {
        for &k in keys {
            self.update(k, gold, 1.0);
            self.update(k, guess, -1.0);
        }
    }

    /// The averaged weights whose magnitude is at least `prune`, quantised to i16 so that
    /// the largest is `top` units, sorted by key; and the scale (one unit in weight).
    pub(crate) fn quantised(&self, prune: f32, top: f32) -> (f32, Features) {
        let now = self.instances.max(1);
        let mut feats: Vec<(u64, Vec<(u8, f32)>)> = Vec::new();
        let mut max = 0f32;
        for (key, entries) in &self.feats {
            let mut ws = Vec::new();
            for e in entries {
                let total = e.total + (now - e.ts) as f64 * e.w as f64;
                let avg = (total / now as f64) as f32;
                if avg.abs() >= prune {
                    ws.push((e.class, avg));
                    max = max.max(avg.abs());
                }
            }
            if !ws.is_empty() {
                ws.sort_by_key(|w| w.0);
                feats.push((*key, ws));
            }
        }
        feats.sort_by_key(|f| f.0);
        let scale = if max > 0.0 { max / top } else { 1.0 };
        let q = feats
            .into_iter()
            .map(|(k, ws)| {
                let ws = ws
                    .into_iter()
                    .map(|(t, w)| (t, (w / scale).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                (k, ws)
            })
            .collect();
        (scale, q)
    }
}

/// A deterministic shuffle (xorshift Fisher-Yates) of `order`, from the state `rng`.
pub(crate) fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        order.swap(i, (next(rng) % (i as u64 + 1)) as usize);
    }
}

/// The next value of a xorshift generator.
pub(crate) fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}
