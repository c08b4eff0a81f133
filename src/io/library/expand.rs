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
/// Of each review, the rarest this many terms only in its claim and only in its title make
/// pairs (so that a review's pairs are bounded, 2 × 16 × 6, however long it is).
const CLAIM_TERMS: usize = 16;
const TITLE_TERMS: usize = 6;
/// At most this many pair counts are held at once (about 26 MB); a larger library is
/// counted in more passes over slices of the vocabulary.
const PAIRS_PER_PASS: usize = 1_000_000;

/// The terms of each review, as term numbers: those only in its claim and those only in
/// its title, each review's after the one before.
#[derive(Default)]
pub struct ReviewTerms {
    claim: Vec<u32>,
    claim_end: Vec<usize>,
    title: Vec<u32>,
    title_end: Vec<usize>,
}

impl ReviewTerms {
    /// Space for `claim_counts[d]` and `title_counts[d]` terms of each review `d`, to be
    /// filled with [`ReviewTerms::put`].
    pub fn with_counts(claim_counts: &[u32], title_counts: &[u32]) -> ReviewTerms {
        let ends = |counts: &[u32]| {
            let mut at = 0usize;
            counts
                .iter()
                .map(|&c| {
                    at += c as usize;
                    at
                })
                .collect::<Vec<usize>>()
        };
        let (claim_end, title_end) = (ends(claim_counts), ends(title_counts));
        ReviewTerms {
            claim: vec![0; claim_end.last().copied().unwrap_or(0)],
            claim_end,
            title: vec![0; title_end.last().copied().unwrap_or(0)],
            title_end,
        }
    }

    /// Reviews' terms from per-review lists (tests).
    #[cfg(test)]
    fn from_lists(claim: &[Vec<u32>], title: &[Vec<u32>]) -> ReviewTerms {
        let count = |l: &[Vec<u32>]| l.iter().map(|v| v.len() as u32).collect::<Vec<u32>>();
        let mut r = ReviewTerms::with_counts(&count(claim), &count(title));
        for (d, (c, t)) in claim.iter().zip(title).enumerate() {
            c.iter().for_each(|&x| r.put(d, x, true));
            t.iter().for_each(|&x| r.put(d, x, false));
        }
        r
    }

    /// Fill in a term of review `doc`, in its claim only or in its title only, exactly as
    /// many as counted. Each is placed counting down from its review's end, so that once
    /// all are in, `*_end[doc]` is where review `doc` starts.
    pub fn put(&mut self, doc: usize, term: u32, in_claim: bool) {
        let (list, end) = if in_claim {
            (&mut self.claim, &mut self.claim_end)
        } else {
            (&mut self.title, &mut self.title_end)
        };
        end[doc] -= 1;
        list[end[doc]] = term;
    }

    /// Review `d`'s terms once all are [`ReviewTerms::put`].
    fn review(&self, d: usize) -> (&[u32], &[u32]) {
        let c_stop = self
            .claim_end
            .get(d + 1)
            .copied()
            .unwrap_or(self.claim.len());
        let t_stop = self
            .title_end
            .get(d + 1)
            .copied()
            .unwrap_or(self.title.len());
        (
            &self.claim[self.claim_end[d]..c_stop],
            &self.title[self.title_end[d]..t_stop],
        )
    }

    fn len(&self) -> usize {
        self.claim_end.len()
    }
}

/// For each term number `0..df.len()`, its [`RELATED_PER_TERM`] most associated terms,
/// best first: pairs (a in a review's claim only, b in its title only, or the other way
/// round) seen in at least [`MIN_PAIR_REVIEWS`] reviews, ranked by pointwise mutual
/// information times the log of the count; ties by the term's text. `df` is each term's
/// number of reviews, `text` its text.
pub fn related(reviews: ReviewTerms, df: &[u32], text: &[&str]) -> Vec<Vec<u32>> {
    let n_terms = df.len();
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    let n = reviews.len();
    if n == 0 || n_terms == 0 {
        return out;
    }
    // Each review's rarest terms; only a term in two reviews or more can be in a pair seen
    // twice.
    let rarest = |terms: &[u32], keep: usize| {
        let mut v: Vec<u32> = terms
            .iter()
            .copied()
            .filter(|&t| df.get(t as usize).is_some_and(|&d| d >= MIN_PAIR_REVIEWS))
            .collect();
        v.sort_unstable_by_key(|&t| (df[t as usize], t));
        v.truncate(keep);
        v
    };
    let mut kept = ReviewTerms::default();
    for d in 0..n {
        let (c, t) = reviews.review(d);
        let (c, t) = (rarest(c, CLAIM_TERMS), rarest(t, TITLE_TERMS));
        kept.claim.extend(&c);
        kept.title.extend(&t);
        kept.claim_end.push(kept.claim.len());
        kept.title_end.push(kept.title.len());
    }
    drop(reviews);
    let pairs: usize = (0..n)
        .map(|d| {
            let (c, t) = kept.kept(d);
            2 * c.len() * t.len()
        })
        .sum();
    let passes = pairs.div_ceil(PAIRS_PER_PASS).max(1) as u32;
    let total = n as f64;
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut best: Vec<Vec<(f64, u32)>> = vec![Vec::new(); n_terms];
    for pass in 0..passes {
        counts.clear();
        let mine = |a: u32| a % passes == pass;
        for d in 0..n {
            let (claim, title) = kept.kept(d);
            for (from, to) in [(claim, title), (title, claim)] {
                for &a in from.iter().filter(|&&a| mine(a)) {
                    for &b in to {
                        *counts.entry(u64::from(a) << 32 | u64::from(b)).or_default() += 1;
                    }
                }
            }
        }
        for (&key, &c) in &counts {
            if c < MIN_PAIR_REVIEWS {
                continue;
            }
            let (a, b) = ((key >> 32) as u32, key as u32);
            let c = f64::from(c);
            let pmi = (total * c / (f64::from(df[a as usize]) * f64::from(df[b as usize]))).ln();
            let list = &mut best[a as usize];
            list.push((pmi * c.ln(), b));
            list.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then_with(|| text[x.1 as usize].cmp(text[y.1 as usize]))
            });
            list.truncate(RELATED_PER_TERM);
        }
    }
    for (a, list) in best.into_iter().enumerate() {
        out[a] = list.into_iter().map(|(_, b)| b).collect();
    }
    out
}

impl ReviewTerms {
    /// Review `d`'s terms in a list built by appending reviews in order (`*_end` are
    /// ends, not starts).
    fn kept(&self, d: usize) -> (&[u32], &[u32]) {
        let c0 = if d == 0 { 0 } else { self.claim_end[d - 1] };
        let t0 = if d == 0 { 0 } else { self.title_end[d - 1] };
        (
            &self.claim[c0..self.claim_end[d]],
            &self.title[t0..self.title_end[d]],
        )
    }
}

/// The longest piece [`segment`] looks up: longer runs are unknown pieces (no English
/// word the library could know is longer, and a piece's look-up costs its length).
pub const MAX_PIECE: usize = 24;
/// [`segment`] splits words of at most this many letters (a term is never longer:
/// `normalise::MAX_WORD_CHARS`): its work is at most this many × [`MAX_PIECE`] look-ups.
pub const MAX_SEGMENTED: usize = 64;

/// `word` (a query term the library does not know, lowercase ASCII, at most
/// [`MAX_SEGMENTED`] letters) split into pieces the library knows, or `None`. The split is
/// the cheapest by a unigram model of the library: a known piece of three letters or more
/// (and at most [`MAX_PIECE`]) costs ln(N / df) of its stem, a stop word a little, an
/// unknown piece ln N plus two per letter, and every piece one more. Returns the stems of
/// the known pieces (and the unknown pieces), `None` when no piece is known.
pub fn segment(word: &str, reviews: usize, df: impl Fn(&str) -> usize) -> Option<Vec<String>> {
    use super::normalise::{is_stop_word, stem};
    const STOP_COST: f32 = 4.0;
    const PIECE_COST: f32 = 1.0;
    const UNKNOWN_PER_LETTER: f32 = 2.0;
    if word.len() > MAX_SEGMENTED || !word.bytes().all(|b| b.is_ascii_lowercase()) {
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
                let d = if (3..=MAX_PIECE).contains(&piece.len()) {
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
        let long = "stoneman".repeat(MAX_SEGMENTED / 8);
        assert_eq!(segment(&long, 1000, df).map(|p| p.len()), Some(8));
        assert_eq!(segment(&(long + "x"), 1000, df), None, "too long to split");
        assert_eq!(segment("Ünïcode", 1000, df), None);
    }

    /// Issue 31, H4: the pieces looked up are bounded by the word's length times
    /// [`MAX_PIECE`] (every substring of the word was stemmed and looked up before).
    #[test]
    fn a_split_looks_up_a_bounded_number_of_pieces() {
        let looked_up = std::cell::Cell::new(0usize);
        let longest = std::cell::Cell::new(0usize);
        let df = |t: &str| {
            looked_up.set(looked_up.get() + 1);
            longest.set(longest.get().max(t.len()));
            usize::from(t == "shoot")
        };
        let word = "shooting".repeat(MAX_SEGMENTED / 8);
        assert!(segment(&word, 1000, df).is_some());
        assert!(
            looked_up.get() <= MAX_SEGMENTED * MAX_PIECE,
            "{}",
            looked_up.get()
        );
        assert!(longest.get() <= MAX_PIECE, "{}", longest.get());
    }

    #[test]
    fn claim_and_title_words_that_go_together_are_related() {
        // Terms: 0 wig, 1 toupee, 2 trump, 3 moon, 4 fake.
        let claim_only = vec![vec![0, 2], vec![0, 3], vec![0], vec![3], vec![4]];
        let title_only = vec![vec![1], vec![1, 4], vec![1], vec![4], vec![3]];
        let df = [3, 3, 1, 3, 3];
        let text = ["wig", "toupee", "trump", "moon", "fake"];
        let rel = related(
            ReviewTerms::from_lists(&claim_only, &title_only),
            &df,
            &text,
        );
        assert_eq!(rel[0][0], 1, "wig → toupee: {rel:?}");
        assert_eq!(rel[1][0], 0, "toupee → wig: {rel:?}");
        assert!(rel[2].is_empty(), "a term in one review relates to nothing");
    }
}
