//! A check-worthy sentence's type, from its words: the first that applies of prediction,
//! causal, comparison, quantity, rule, personal, else other. General English only.

use serde::{Deserialize, Serialize};

use super::features::{Cues, Word, class, ends_in_will, key_of};

/// What kind of claim a sentence makes (`none` when it is not worth checking).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ClaimType {
    /// Figures, amounts, rates: "Unemployment fell to 3.5%".
    Quantity,
    /// More, less, the most, than: "smaller than at any time since 1917".
    Comparison,
    /// What will happen: "Prices will rise next year".
    Prediction,
    /// Why something happened: "because of the tariffs", "led to".
    Causal,
    /// Laws, policies, votes, rulings.
    Rule,
    /// The speaker's own experience: "I worked in a steel mill".
    Personal,
    /// Another factual claim.
    Other,
    /// Not worth checking.
    #[default]
    None,
}

impl ClaimType {
    pub const ALL: [ClaimType; 8] = [
        ClaimType::Quantity,
        ClaimType::Comparison,
        ClaimType::Prediction,
        ClaimType::Causal,
        ClaimType::Rule,
        ClaimType::Personal,
        ClaimType::Other,
        ClaimType::None,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Comparison => "comparison",
            ClaimType::Prediction => "prediction",
            ClaimType::Causal => "causal",
            ClaimType::Rule => "rule",
            ClaimType::Personal => "personal",
            ClaimType::Other => "other",
            ClaimType::None => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<ClaimType> {
        ClaimType::ALL.into_iter().find(|t| t.key() == key)
    }
}

const CAUSAL_PAIRS: &[(&str, &str)] = &[
    ("led", "to"),
    ("leads", "to"),
    ("lead", "to"),
    ("result", "of"),
    ("resulted", "in"),
    ("thanks", "to"),
];

/// The type of a sentence of these words, their keys and cues (see [`Cues::of_keyed`]).
pub fn claim_type(words: &[Word<'_>], keys: &[u64], cues: &Cues) -> ClaimType {
    let pair = |a: u64, b: u64| keys.windows(2).any(|p| p[0] == a && p[1] == b);
    if cues.has(class::TYPE_PREDICTION)
        || pair(key_of("going"), key_of("to"))
        || words.iter().any(|&w| ends_in_will(w))
    {
        return ClaimType::Prediction;
    }
    let as_a_result = keys
        .windows(3)
        .any(|p| p[0] == key_of("as") && p[1] == key_of("a") && p[2] == key_of("result"));
    if cues.has(class::TYPE_CAUSAL)
        || CAUSAL_PAIRS
            .iter()
            .any(|&(a, b)| pair(key_of(a), key_of(b)))
        || as_a_result
    {
        return ClaimType::Causal;
    }
    if cues.comparative || (cues.than && !cues.bound_figure) || cues.has(class::TYPE_SUPERLATIVE) {
        return ClaimType::Comparison;
    }
    if cues.figures > 0 || cues.has(class::BIG_NUMBER) {
        return ClaimType::Quantity;
    }
    if cues.has(class::RULE | class::TYPE_RULE) {
        return ClaimType::Rule;
    }
    if cues.has(class::TYPE_PERSONAL) {
        return ClaimType::Personal;
    }
    ClaimType::Other
}
