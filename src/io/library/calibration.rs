//! The pair scorer's coefficients (`pair.rs`): a logistic model over [`super::pair::FEATURES`]
//! features, fitted offline on half of the labelled news pairs (tests/data/library-pairs.tsv)
//! by `cargo run --release --example fit_library_calibration` (docs/library.md). Written by
//! that example; do not edit by hand.

use super::pair::FEATURES;

pub const BIAS: f32 = -5.8282;
pub const WEIGHTS: [f32; FEATURES] = [
    -0.1243, 0.3749, -0.0257, 0.2253, 0.4331, 0.2578, -0.1959, 0.2956, -0.2684, 0.0473, -0.1394,
    -0.3581, -0.0207, 2.3498, 0.9129, 0.0932, -0.1495,
];
