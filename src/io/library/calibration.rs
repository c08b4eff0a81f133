//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.7121;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.0234, 0.5910, 0.1305, 0.3231, 0.3682, 0.2422, -0.2234, 0.1664, -0.2959, 0.0572, -0.1663,
    -0.2608, -0.0068, 2.6376,
];
