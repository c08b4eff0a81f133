//! The word lists of a sentence's claim type (`types.rs`), which `features.rs` also turns
//! into word classes: one look-up tells every list a word is in.

pub(super) const PREDICTION: &[&str] = &[
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
pub(super) const CAUSAL: &[&str] = &[
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
/// Words of laws and policies beyond the model's own rule words (`features::RULE`).
pub(super) const RULE: &[&str] = &[
    "bans",
    "ruling",
    "sanctions",
    "voted",
    "vote",
    "signed",
    "decree",
    "ordinance",
    "statute",
];
pub(super) const SUPERLATIVE: &[&str] = &[
    "most", "least", "highest", "lowest", "largest", "smallest", "biggest", "greatest", "best",
    "worst", "fastest", "slowest", "record",
];
pub(super) const PERSONAL: &[&str] = &["i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll"];
