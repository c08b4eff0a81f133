//! The pair scorer's coefficients (`pair.rs`): a logistic model over its `FEATURES`
//! features (as many weights, or `pair.rs` does not build), fitted offline on half of the
//! labelled news pairs (tests/data/library-pairs.tsv) by `cargo run --release --example
//! fit_library_calibration` (docs/library.md). Written by that example; do not edit by hand.

pub const BIAS: f32 = -7.4424;
pub const WEIGHTS: [f32; 18] = [
    -0.2433, 0.5593, -0.0806, 0.3381, 0.5985, 0.4551, -0.2963, 0.4530, -0.3660, 0.0693, -0.1829,
    -0.5245, -0.0566, 3.3462, 1.2274, 0.1419, -0.1992, 0.3154,
];
