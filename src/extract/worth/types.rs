//! A check-worthy sentence's type, from its words: the first that applies of prediction,
//! causal, comparison, quantity, rule, personal, else other. General English only.

use serde::{Deserialize, Serialize};

use super::features::{Cues, Word, lower};

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

const PREDICTION: &[&str] = &[
    "will",
    "won't",
    "shall",
    "gonna",
    "forecast",
    "forecasts",
    "predict",
    "predicts",
    "predicted",
    "expected",
    "projected",
    "expects",
];
const CAUSAL: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "causing",
    "due",
    "therefore",
    "consequence",
    "responsible",
    "blamed",
];
const CAUSAL_PAIRS: &[(&str, &str)] = &[
    ("led", "to"),
    ("leads", "to"),
    ("lead", "to"),
    ("result", "of"),
    ("resulted", "in"),
    ("thanks", "to"),
    ("as", "a"),
];
const RULE: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "legislation",
    "act",
    "regulation",
    "regulations",
    "policy",
    "policies",
    "ban",
    "bans",
    "banned",
    "illegal",
    "mandate",
    "treaty",
    "constitution",
    "amendment",
    "veto",
    "vetoed",
    "ruled",
    "ruling",
    "requires",
    "prohibits",
    "sanctions",
    "voted",
    "vote",
    "signed",
    "tax",
    "taxes",
    "decree",
    "ordinance",
    "statute",
];
const SUPERLATIVE: &[&str] = &[
    "most", "least", "highest", "lowest", "largest", "smallest", "biggest", "greatest", "best",
    "worst", "fastest", "slowest", "record",
];
const PERSONAL: &[&str] = &["i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll"];

pub fn claim_type(words: &[Word<'_>]) -> ClaimType {
    let cues = Cues::of(words);
    let mut buf = String::new();
    let lowered: Vec<String> = words
        .iter()
        .map(|&w| lower(w, &mut buf).to_string())
        .collect();
    let has = |list: &[&str]| lowered.iter().any(|w| list.contains(&w.as_str()));
    let going_to = lowered.windows(2).any(|p| p[0] == "going" && p[1] == "to");
    if has(PREDICTION) || going_to || lowered.iter().any(|w| w.ends_with("'ll")) {
        return ClaimType::Prediction;
    }
    let pair = |(a, b): (&str, &str)| lowered.windows(2).any(|p| p[0] == a && p[1] == b);
    let as_a_result = lowered
        .windows(3)
        .any(|p| p[0] == "as" && p[1] == "a" && p[2] == "result");
    if has(CAUSAL)
        || CAUSAL_PAIRS[..CAUSAL_PAIRS.len() - 1]
            .iter()
            .any(|&p| pair(p))
        || as_a_result
    {
        return ClaimType::Causal;
    }
    if cues.comparative || (cues.than && !cues.bound_figure) || has(SUPERLATIVE) {
        return ClaimType::Comparison;
    }
    if cues.figures > 0 || cues.big_number {
        return ClaimType::Quantity;
    }
    if has(RULE) {
        return ClaimType::Rule;
    }
    if has(PERSONAL) {
        return ClaimType::Personal;
    }
    ClaimType::Other
}
