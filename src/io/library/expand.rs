//! Words the library itself teaches the query, learnt from the library at index time
//! (nothing is trained elsewhere, nothing is shipped): docs/library.md, "How matching works".
//!
//! - [`related`]: for each term, the two terms most associated with it across the claim and
//!   the title of the same review. A fact-check's claim and its title say one thing in two
//!   wordings ("wig" in the claim, "toupee" in the title), so a term found in the claims
//!   of many reviews whose titles say another term is a paraphrase of it, or a name of the
//!   same thing. Counted exactly in bounded memory (in passes over slices of the
//!   vocabulary).
//! - [`segment`]: a query word the library does not know, split into words it knows: a
//!   lowercase hashtag or handle ("stonemanshooting" → "stoneman", "shoot"), a derivation
//!   ("dictatorship" → "dictator").

use std::collections::HashMap;

/// How many related terms each term keeps.
pub const RELATED_PER_TERM: usize = 2;
/// A pair of terms counts only when it is seen in at least this many reviews.
const MIN_PAIR_REVIEWS: u32 = 2;
/// At most this many pair counts are held at once (about 32 MB); a larger library is
/// counted in more passes.
const PAIRS_PER_PASS: usize = 2_000_000;

/// The terms of each review, as term numbers: those only in its claim and those only in
/// its title.
pub struct ReviewTerms {
    pub claim_only: Vec<Vec<u32>>,
    pub title_only: Vec<Vec<u32>>,
}

/// For each term number `0..df.len()`, its [`RELATED_PER_TERM`] most associated terms,
/// best first: pairs (a in a review's claim only, b in its title only, or the other way
/// round) seen in at least [`MIN_PAIR_REVIEWS`] reviews, ranked by pointwise mutual
/// information times the log of the count; ties by the term's text. `df` is each term's
/// number of reviews, `text` its text.
pub fn related(reviews: &ReviewTerms, df: &[u32], text: &[&str]) -> Vec<Vec<u32>> {
    let n_terms = df.len();
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    let n = reviews.claim_only.len();
    if n == 0 || n_terms == 0 {
        return out;
    }
    // Only a term in two reviews or more can be in a pair seen twice.
    let useful = |t: u32| df.get(t as usize).is_some_and(|&d| d >= MIN_PAIR_REVIEWS);
    let pairs: usize = reviews
        .claim_only
        .iter()
        .zip(&reviews.title_only)
        .map(|(c, t)| {
            let c = c.iter().filter(|&&x| useful(x)).count();
            let t = t.iter().filter(|&&x| useful(x)).count();
            2 * c * t
        })
        .sum();
    let passes = pairs.div_ceil(PAIRS_PER_PASS).max(1) as u32;
    let total = n as f64;
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for pass in 0..passes {
        counts.clear();
        let mine = |a: u32| a % passes == pass;
        for (claim, title) in reviews.claim_only.iter().zip(&reviews.title_only) {
            for &a in claim.iter().filter(|&&a| useful(a)) {
                for &b in title.iter().filter(|&&b| useful(b)) {
                    if mine(a) {
                        *counts.entry(u64::from(a) << 32 | u64::from(b)).or_default() += 1;
                    }
                    if mine(b) {
                        *counts.entry(u64::from(b) << 32 | u64::from(a)).or_default() += 1;
                    }
                }
            }
        }
        let mut best: HashMap<u32, Vec<(f64, u32)>> = HashMap::new();
        for (&key, &c) in &counts {
            if c < MIN_PAIR_REVIEWS {
                continue;
            }
            let (a, b) = ((key >> 32) as u32, key as u32);
            let c = f64::from(c);
            let pmi = (total * c / (f64::from(df[a as usize]) * f64::from(df[b as usize]))).ln();
            best.entry(a).or_default().push((pmi * c.ln(), b));
        }
        for (a, mut list) in best {
            list.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then_with(|| text[x.1 as usize].cmp(text[y.1 as usize]))
            });
            out[a as usize] = list
                .into_iter()
                .take(RELATED_PER_TERM)
                .map(|(_, b)| b)
                .collect();
        }
    }
    out
}

/// `word` (a query term the library does not know, lowercase ASCII) split into pieces the
/// library knows, or `None`. The split is the cheapest by a unigram model of the library:
/// a known piece of three letters or more costs ln(N / df) of its stem, a stop word a
/// little, an unknown piece ln N plus two per letter, and every piece one more. Returns
/// the stems of the known pieces (and the unknown pieces), `None` when no piece is known.
pub fn segment(word: &str, reviews: usize, df: impl Fn(&str) -> usize) -> Option<Vec<String>> {
    use super::normalise::{is_stop_word, stem};
    const STOP_COST: f32 = 4.0;
    const PIECE_COST: f32 = 1.0;
    const UNKNOWN_PER_LETTER: f32 = 2.0;
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let ln_n = (reviews.max(1) as f32).ln();
    let len = word.len();
    // best[j]: the cheapest split of word[..j] as (cost, start of its last piece, kind).
    let mut best: Vec<(f32, usize, Piece)> = vec![(f32::INFINITY, 0, Piece::Unknown); len + 1];
    best[0].0 = 0.0;
    for i in 0..len {
        if !best[i].0.is_finite() {
            continue;
        }
        for j in i + 2..=len {
            let piece = &word[i..j];
            let (cost, kind) = if is_stop_word(piece) {
                (STOP_COST, Piece::Stop)
            } else {
                let d = if piece.len() >= 3 {
                    df(&stem(piece))
                } else {
                    0
                };
                if d > 0 {
                    (ln_n - (d as f32).ln(), Piece::Known)
                } else {
                    (
                        ln_n + UNKNOWN_PER_LETTER * piece.len() as f32,
                        Piece::Unknown,
                    )
                }
            };
            let cost = best[i].0 + cost + PIECE_COST;
            if cost < best[j].0 {
                best[j] = (cost, i, kind);
            }
        }
    }
    let mut pieces = Vec::new();
    let mut known = false;
    let mut j = len;
    while j > 0 {
        let (_, i, kind) = best[j];
        match kind {
            Piece::Known => {
                known = true;
                pieces.push(stem(&word[i..j]));
            }
            Piece::Unknown => pieces.push(word[i..j].to_owned()),
            Piece::Stop => {}
        }
        j = i;
    }
    pieces.reverse();
    (known && pieces != [word]).then_some(pieces)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Known,
    Stop,
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_split_into_known_words() {
        let known = ["stoneman", "shoot", "fyre", "festival"];
        let df = |t: &str| usize::from(known.contains(&t)) * 3;
        assert_eq!(
            segment("stonemanshooting", 1000, df),
            Some(vec!["stoneman".to_owned(), "shoot".to_owned()])
        );
        assert_eq!(
            segment("fyrefestival", 1000, df),
            Some(vec!["fyre".to_owned(), "festival".to_owned()])
        );
        assert_eq!(segment("zzqxv", 1000, df), None);
        assert_eq!(segment("Ünïcode", 1000, df), None);
    }

    #[test]
    fn claim_and_title_words_that_go_together_are_related() {
        // Terms: 0 wig, 1 toupee, 2 trump, 3 moon, 4 fake.
        let claim_only = vec![vec![0, 2], vec![0, 3], vec![0], vec![3], vec![4]];
        let title_only = vec![vec![1], vec![1, 4], vec![1], vec![4], vec![3]];
        let df = [3, 3, 1, 3, 3];
        let text = ["wig", "toupee", "trump", "moon", "fake"];
        let rel = related(
            &ReviewTerms {
                claim_only,
                title_only,
            },
            &df,
            &text,
        );
        assert_eq!(rel[0][0], 1, "wig → toupee: {rel:?}");
        assert_eq!(rel[1][0], 0, "toupee → wig: {rel:?}");
        assert!(rel[2].is_empty(), "a term in one review relates to nothing");
    }
}
