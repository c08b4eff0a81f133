//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.8718;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.1346, 0.3508, -0.0322, 0.2227, 0.3933, 0.2708, -0.1858, 0.3012, -0.2645, 0.0546, -0.1352,
    -0.3583, -0.0217, 2.3143, 0.8954, 0.0902, -0.1525, 0.2314,
];
