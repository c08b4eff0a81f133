//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.8715;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.1348, 0.3508, -0.0323, 0.2227, 0.3931, 0.2705, -0.1857, 0.3012, -0.2643, 0.0547, -0.1353,
    -0.3584, -0.0217, 2.3145, 0.8953, 0.0902, -0.1523, 0.2313,
];
