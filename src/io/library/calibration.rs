//! The pair scorer's coefficients (`pair.rs`): a logistic model over its `FEATURES`
//! features (as many weights, or `pair.rs` does not build), fitted offline on half of the
//! labelled news pairs (tests/data/library-pairs.tsv) by `cargo run --release --example
//! fit_library_calibration` (docs/library.md). Written by that example; do not edit by hand.

pub const BIAS: f32 = -6.0818;
pub const WEIGHTS: [f32; 20] = [
    -0.1557, 0.3593, -0.0511, 0.2167, 0.3832, 0.2901, -0.1846, 0.2895, -0.2361, 0.0445, -0.1179,
    -0.3370, -0.0364, 2.1491, 0.7874, 0.0933, -0.1276, 0.1996, 0.0774, 2.1331,
];
