//! Check-worthiness: every sentence gets a score in [0, 1] (a factual assertion of public
//! interest that could be verified scores high; opinion, questions, greetings and procedure
//! low) and a type (`quantity`, `comparison`, …, see [`ClaimType`]).
//!
//! The score is a logistic regression over hashed word uni- and bigrams and general-English
//! cues (figures, percentages, money, years, comparatives, future and modal markers, first and
//! second person, questions; `words.rs`, `features.rs`), trained offline on the ClaimBuster sentences by
//! `examples/train_worth.rs` (`train.rs`; see docs/worth.md). Its weights ship in `worth.bin`
//! and are read once. The type is rule-based (`types.rs`; its word lists,
//! which the features also read, in `type_words.rs`). Pure and deterministic; imports
//! nothing else of the crate.

mod features;
pub mod train;
mod type_words;
mod types;
mod words;

use std::sync::OnceLock;

pub use types::ClaimType;

static MODEL_BYTES: &[u8] = include_bytes!("worth.bin");

/// A sentence's check-worthiness and type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Worth {
    /// 0 = not worth checking, 1 = surely worth checking.
    pub score: f32,
    pub claim_type: ClaimType,
}

/// A score kept in thousandths, so that the claims holding it stay `Eq`; written and read
/// as a number in [0, 1] (`0.734`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(u16);

impl Score {
    pub fn new(score: f32) -> Score {
        // NaN becomes 0.
        Score((score.clamp(0.0, 1.0) * 1000.0).round() as u16)
    }

    pub fn get(self) -> f32 {
        f32::from(self.0) / 1000.0
    }

    /// The score in thousandths (0 to 1000).
    pub fn thousandths(self) -> u16 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl serde::Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> serde::Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Score, D::Error> {
        let v = <f64 as serde::Deserialize>::deserialize(d)?;
        Ok(Score::new(v as f32))
    }
}

/// Below this score a sentence's type is [`ClaimType::None`]: the model's own decision
/// boundary.
pub const TYPE_FLOOR: f32 = 0.5;

/// Weights of the linear model: one per hashed feature, and a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f32,
    pub weights: Vec<f32>,
}

const MAGIC: &[u8; 8] = b"CDWORTH1";

impl Model {
    /// The weights as stored: magic, hash bits, bias, scale, then one `i16` per weight
    /// (the weight divided by the scale), little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::with_capacity(20 + 2 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&features::BITS.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
        out
    }

    /// `None` if the bytes are not a model of this version.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let word = |at: usize| -> Option<[u8; 4]> { b.get(at..at + 4)?.try_into().ok() };
        if b.get(..8)? != MAGIC || u32::from_le_bytes(word(8)?) != features::BITS {
            return None;
        }
        let bias = f32::from_le_bytes(word(12)?);
        let scale = f32::from_le_bytes(word(16)?);
        let body = b.get(20..)?;
        if body.len() != 2 * features::SIZE {
            return None;
        }
        let weights = body
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        Some(Model { bias, weights })
    }

    /// The model's score of one sentence, in [0, 1].
    pub fn score(&self, sentence: &str) -> f32 {
        let mut feats = Vec::new();
        features::features(sentence, &mut feats);
        self.score_features(&feats)
    }

    pub(crate) fn score_features(&self, feats: &[u32]) -> f32 {
        let z = self.bias
            + feats
                .iter()
                .map(|&i| self.weights.get(i as usize).copied().unwrap_or(0.0))
                .sum::<f32>();
        sigmoid(z)
    }
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The shipped model, read on first use. An unreadable model (never shipped) scores every
/// sentence 0.5.
fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(MODEL_BYTES).unwrap_or(Model {
            bias: 0.0,
            weights: vec![0.0; features::SIZE],
        })
    })
}

/// The check-worthiness score of one sentence, in [0, 1].
pub fn score(sentence: &str) -> f32 {
    model().score(sentence)
}

/// A sentence's score and type. The buffers are this thread's, kept from one call to
/// the next (the extractor scores each claim as it finds it).
pub fn assess(sentence: &str) -> Worth {
    thread_local! {
        static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
    }
    let mut scorer = Scorer {
        words: Vec::with_capacity(sentence.len() / 4 + 1),
        bufs: BUFFERS.take(),
    };
    let worth = scorer.assess(sentence);
    BUFFERS.set(scorer.bufs);
    worth
}

/// [`assess`] for many sentences of one text: the buffers of a sentence's words, keys,
/// hashes and features are kept from one sentence to the next (no allocation per
/// sentence), each word is read once, and the features are told apart by a small hash
/// set instead of a sort.
#[derive(Default)]
pub struct Scorer<'a> {
    words: Vec<features::Word<'a>>,
    bufs: Buffers,
}

/// A [`Scorer`]'s buffers that borrow nothing of the sentence.
#[derive(Default)]
struct Buffers {
    keys: Vec<u64>,
    hashes: Vec<u64>,
    feats: Vec<u32>,
    seen: Vec<u32>,
}

impl<'a> Scorer<'a> {
    /// A sentence's score and type, as [`assess`] gives them.
    pub fn assess(&mut self, sentence: &'a str) -> Worth {
        let b = &mut self.bufs;
        features::words_keyed(sentence, &mut self.words, &mut b.keys, &mut b.hashes);
        let cues = features::features_unsorted(&self.words, &b.keys, &b.hashes, &mut b.feats);
        distinct(&mut b.feats, &mut b.seen);
        let score = model().score_features(&b.feats);
        let claim_type = if score < TYPE_FLOOR {
            ClaimType::None
        } else {
            types::claim_type(&self.words, &b.keys, &cues)
        };
        Worth { score, claim_type }
    }
}

/// Keep the first of each feature index, in order: an open-addressed set (`seen`, at
/// least twice as many slots as features) instead of a sort. Indices are hashes already,
/// so their low bits place them.
fn distinct(feats: &mut Vec<u32>, seen: &mut Vec<u32>) {
    const EMPTY: u32 = u32::MAX;
    let size = (2 * feats.len()).next_power_of_two().max(64);
    seen.clear();
    seen.resize(size, EMPTY);
    let mask = size - 1;
    feats.retain(|&f| {
        let mut i = f as usize & mask;
        loop {
            match seen[i] {
                EMPTY => {
                    seen[i] = f;
                    return true;
                }
                x if x == f => return false,
                _ => i = (i + 1) & mask,
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_outranks_a_courtesy() {
        let fact = score("Unemployment fell to 3.5% last year.");
        let thanks = score("Thank you all for coming tonight.");
        assert!(fact > thanks, "{fact} vs {thanks}");
        assert!((0.0..=1.0).contains(&fact) && (0.0..=1.0).contains(&thanks));
    }

    /// The scorer's features are the training's (sorted, without repeats) as a set, and
    /// its scores theirs.
    #[test]
    fn the_scorer_sees_what_training_sees() {
        let text = "Unemployment fell to 3.5% last year, and the jobless rate fell too. \
                    Café owners’ costs rose by €1,200 in 2023! Will they? We'll see, we'll see.";
        let mut scorer = Scorer::default();
        for sentence in [text, "", "the the the the", "I think – no."] {
            let mut trained = Vec::new();
            features::features(sentence, &mut trained);
            scorer.assess(sentence);
            let mut seen = scorer.bufs.feats.clone();
            assert_eq!(seen.len(), trained.len(), "no repeats: {sentence}");
            seen.sort_unstable();
            assert_eq!(seen, trained, "{sentence}");
            let (a, b) = (scorer.assess(sentence).score, model().score(sentence));
            assert!((a - b).abs() < 1e-5, "{a} {b}");
        }
    }

    #[test]
    fn weights_round_trip() {
        let m = model();
        let back = Model::from_bytes(&m.to_bytes()).expect("a model");
        assert_eq!(back.weights.len(), m.weights.len());
        assert!((back.bias - m.bias).abs() < 1e-6);
    }

    #[test]
    fn types_follow_the_words() {
        let t = |s: &str| {
            let words = features::words(s);
            let keys: Vec<u64> = words.iter().map(|&w| features::key(w)).collect();
            types::claim_type(&words, &keys, &features::Cues::of(&words))
        };
        assert_eq!(
            t("Unemployment fell to 3.5% last year."),
            ClaimType::Quantity
        );
        assert_eq!(
            t("Our navy is smaller than at any time since 1917."),
            ClaimType::Comparison
        );
        assert_eq!(
            t("Prices will rise again next year."),
            ClaimType::Prediction
        );
        assert_eq!(
            t("The plant closed because of the tariffs."),
            ClaimType::Causal
        );
        assert_eq!(
            t("The law bans the sale of these weapons."),
            ClaimType::Rule
        );
        assert_eq!(
            t("I worked in a steel mill for ten years."),
            ClaimType::Personal
        );
        assert_eq!(t("The senator voted against the treaty."), ClaimType::Rule);
        assert_eq!(t("The senator was in Paris on Monday."), ClaimType::Other);
    }
}
