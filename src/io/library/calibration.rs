//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.9663;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.1307, 0.3570, -0.0322, 0.2223, 0.3904, 0.2611, -0.1972, 0.2970, -0.2625, 0.0557, -0.1348,
    -0.3609, -0.0220, 2.3090, 0.8969, 0.0917, -0.1590, 0.2421,
];
