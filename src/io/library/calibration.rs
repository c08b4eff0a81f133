//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.9937;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.0983, 0.5902, 0.0855, 0.3204, 0.3893, 0.3167, -0.2171, 0.1931, -0.2803, 0.0597, -0.1771,
    -0.3293, -0.0231, 2.5748,
];
