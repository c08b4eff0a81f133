//! The library's full-text index: BM25F over two fields of each review (the claim and the
//! review's title), the query widened by what the library teaches (`expand.rs`: unknown
//! words split, each term's related terms at a lower weight), then a second look at the
//! best [`RERANK_DEPTH`] with the overlap of character 4-grams and an idf-weighted word
//! cosine. Why our own index and not tantivy, and the figures each step scored:
//! docs/library.md.
//!
//! On disk (`index-N.bin`, see `store.rs`) the index is a small binary file: a magic,
//! a format number, the field lengths of every review, then each term with its postings
//! (review number as a delta varint, and the term's count in each field), then (format 2)
//! each term's related terms by number. Format 1 (no related terms) is still read: its
//! related terms are worked out on reading.

use std::collections::HashMap;

use super::expand::{self, ReviewTerms};
use super::normalise::{query_text, terms};

/// BM25 saturation and length normalisation, tuned on CheckThat! 2020 train.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weights of the claim and the title in BM25F.
const W_CLAIM: f32 = 1.0;
const W_TITLE: f32 = 1.0;
/// How many first-stage results are looked at again, and the weights of the second look.
pub const RERANK_DEPTH: usize = 50;
const W_CHARGRAMS: f32 = 1.0;
const W_COSINE: f32 = 1.0;

/// Weight of a query term's related terms in the first stage (the term's own is 1).
const W_RELATED: f32 = 0.5;
/// Query words the library does not know are split ([`expand::segment`]) from this length.
const SEGMENT_FROM: usize = 6;

const MAGIC: &[u8; 8] = b"CDLIBIDX";
const FORMAT: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    doc: u32,
    claim_tf: u8,
    title_tf: u8,
}

/// An inverted index over reviews numbered 0..n in the order they were added.
#[derive(Debug, Default, PartialEq)]
pub struct Index {
    claim_len: Vec<u16>,
    title_len: Vec<u16>,
    vocabulary: HashMap<String, u32>,
    postings: Vec<Vec<Posting>>,
    /// Each term's related terms by number ([`expand::related`]), best first.
    related: Vec<Vec<u32>>,
}

/// One result of the first stage: a review's number and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

fn saturate(count: usize) -> u8 {
    u8::try_from(count).unwrap_or(u8::MAX)
}

fn length(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl Index {
    /// Index `(claim, title)` pairs, in order.
    pub fn build<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Index {
        let mut index = Index::default();
        for (claim, title) in docs {
            index.push(claim, title);
        }
        index.relate();
        index
    }

    /// Work out every term's related terms again (after [`Index::push`]es).
    pub fn relate(&mut self) {
        let n = self.len();
        let (mut claim_counts, mut title_counts) = (vec![0u32; n], vec![0u32; n]);
        let field = |p: &Posting| match (p.claim_tf > 0, p.title_tf > 0) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        };
        for p in self.postings.iter().flatten() {
            match field(p) {
                Some(true) => claim_counts[p.doc as usize] += 1,
                Some(false) => title_counts[p.doc as usize] += 1,
                None => {}
            }
        }
        let mut reviews = ReviewTerms::with_counts(&claim_counts, &title_counts);
        drop((claim_counts, title_counts));
        for (id, postings) in self.postings.iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            for p in postings {
                if let Some(in_claim) = field(p) {
                    reviews.put(p.doc as usize, id, in_claim);
                }
            }
        }
        let df: Vec<u32> = self
            .postings
            .iter()
            .map(|p| u32::try_from(p.len()).unwrap_or(u32::MAX))
            .collect();
        let mut text = vec![""; self.postings.len()];
        for (t, &id) in &self.vocabulary {
            text[id as usize] = t;
        }
        self.related = expand::related(reviews, &df, &text);
    }

    /// Add one review at the end.
    pub fn push(&mut self, claim: &str, title: &str) {
        let doc = u32::try_from(self.claim_len.len()).unwrap_or(u32::MAX);
        let claim_terms = terms(claim);
        let title_terms = terms(title);
        self.claim_len.push(length(claim_terms.len()));
        self.title_len.push(length(title_terms.len()));
        // In the order the terms first appear, so that new terms are numbered the same
        // way every time.
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        // Where each term is in `counts`: one look-up per word, so that a review of many
        // distinct words is indexed in time linear in its length.
        let mut at_of: HashMap<&str, usize> = HashMap::new();
        let fields = [(&claim_terms, true), (&title_terms, false)];
        for (field, in_claim) in fields {
            for term in field {
                let at = *at_of.entry(term.as_str()).or_insert_with(|| {
                    counts.push((term, 0, 0));
                    counts.len() - 1
                });
                if in_claim {
                    counts[at].1 += 1;
                } else {
                    counts[at].2 += 1;
                }
            }
        }
        for (term, c, t) in counts {
            let id = match self.vocabulary.get(term) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.postings.len()).unwrap_or(u32::MAX);
                    self.vocabulary.insert(term.to_owned(), id);
                    self.postings.push(Vec::new());
                    id
                }
            };
            self.postings[id as usize].push(Posting {
                doc,
                claim_tf: saturate(c),
                title_tf: saturate(t),
            });
        }
    }

    pub fn len(&self) -> usize {
        self.claim_len.len()
    }

    fn df(&self, term: &str) -> usize {
        self.vocabulary
            .get(term)
            .map_or(0, |&id| self.postings[id as usize].len())
    }

    /// A term's inverse document frequency in the library (an unknown term is as rare as a
    /// term can be).
    pub fn idf(&self, term: &str) -> f32 {
        idf(self.len(), self.df(term))
    }

    /// The terms of `query`, with each word the library does not know followed by the
    /// pieces it splits into ([`expand::segment`]).
    fn query_terms(&self, query: &str) -> Vec<String> {
        let mut out = Vec::new();
        for t in terms(&query_text(query)) {
            let pieces = if t.len() >= SEGMENT_FROM && self.df(&t) == 0 {
                expand::segment(&t, self.len(), |p| self.df(p))
            } else {
                None
            };
            out.push(t);
            out.extend(pieces.into_iter().flatten());
        }
        out
    }

    /// The term numbers of `query_terms` at weight 1 and of their related terms not among
    /// them at [`W_RELATED`]; words the library does not know are left out.
    fn widen(&self, query_terms: &[String]) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = query_terms
            .iter()
            .filter_map(|t| self.vocabulary.get(t).map(|&id| (id, 1.0)))
            .collect();
        out.sort_unstable_by_key(|&(id, _)| id);
        out.dedup_by_key(|&mut (id, _)| id);
        let mut seen: std::collections::HashSet<u32> = out.iter().map(|&(id, _)| id).collect();
        let own = out.len();
        for i in 0..own {
            let id = out[i].0;
            for &r in self.related.get(id as usize).into_iter().flatten() {
                if seen.insert(r) {
                    out.push((r, W_RELATED));
                }
            }
        }
        out
    }

    /// The first stage: BM25F of each review containing a query term (term numbers, each
    /// with a weight on its idf, no term twice), best `limit` first (ties by review
    /// number).
    fn bm25(&self, query_terms: &[(u32, f32)], limit: usize) -> Vec<Hit> {
        let n = self.len();
        if n == 0 || limit == 0 {
            return Vec::new();
        }
        let avg = |lens: &[u16]| {
            (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / n as f64).max(1.0) as f32
        };
        let (avg_claim, avg_title) = (avg(&self.claim_len), avg(&self.title_len));
        // Dense scores: a query's terms may reach a large part of a big library.
        let mut scores = vec![0.0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for &(id, weight) in query_terms {
            let Some(postings) = self.postings.get(id as usize) else {
                continue;
            };
            let idf = weight * idf(n, postings.len());
            for p in postings {
                let d = p.doc as usize;
                let lc = f32::from(self.claim_len[d]) / avg_claim;
                let lt = f32::from(self.title_len[d]) / avg_title;
                let tf = W_CLAIM * f32::from(p.claim_tf) / (1.0 - B + B * lc)
                    + W_TITLE * f32::from(p.title_tf) / (1.0 - B + B * lt);
                if scores[d] == 0.0 {
                    touched.push(p.doc);
                }
                scores[d] += idf * tf / (K1 + tf);
            }
        }
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .map(|doc| Hit {
                doc,
                score: scores[doc as usize],
            })
            .collect();
        let by_score = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, by_score);
            hits.truncate(limit);
        }
        hits.sort_by(by_score);
        hits
    }

    /// The best `limit` reviews for `query` (a post, a claim, any text): the first stage,
    /// then the second look at its top [`RERANK_DEPTH`]. `text_of` gives a review's claim
    /// and title by number.
    pub fn search<'a>(
        &self,
        query: &str,
        limit: usize,
        text_of: impl Fn(u32) -> (&'a str, &'a str),
    ) -> Vec<Hit> {
        let query_terms = self.query_terms(query);
        let first = self.bm25(&self.widen(&query_terms), RERANK_DEPTH.max(limit));
        let Some(top) = first.first().map(|h| h.score) else {
            return Vec::new();
        };
        let q_grams = CharGrams::of(&query_terms);
        let q_weights: HashMap<&str, f32> = query_terms
            .iter()
            .map(|t| (t.as_str(), self.idf(t)))
            .collect();
        let q_norm = q_weights.values().map(|w| w * w).sum::<f32>().sqrt();
        let mut hits: Vec<Hit> = first
            .iter()
            .map(|h| {
                let (claim, title) = text_of(h.doc);
                let mut doc_terms = terms(claim);
                doc_terms.extend(terms(title));
                let grams = CharGrams::of(&doc_terms).cosine(&q_grams);
                doc_terms.sort();
                doc_terms.dedup();
                let (mut shared, mut d_norm) = (0.0f32, 0.0f32);
                for t in &doc_terms {
                    let w = self.idf(t);
                    d_norm += w * w;
                    if let Some(q) = q_weights.get(t.as_str()) {
                        shared += q * w;
                    }
                }
                let cosine = shared / (q_norm * d_norm.sqrt() + 1e-9);
                Hit {
                    doc: h.doc,
                    score: h.score / top + W_CHARGRAMS * grams + W_COSINE * cosine,
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        hits
    }
}

/// Inverse document frequency of a term in `df` of `n` reviews.
fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Character 4-grams of terms joined by spaces (with a space at each end), counted.
struct CharGrams {
    counts: HashMap<[char; 4], f32>,
    norm: f32,
}

impl CharGrams {
    fn of(terms: &[String]) -> CharGrams {
        let mut chars = vec![' '];
        for t in terms {
            chars.extend(t.chars());
            chars.push(' ');
        }
        let mut counts: HashMap<[char; 4], f32> = HashMap::new();
        for w in chars.windows(4) {
            *counts.entry([w[0], w[1], w[2], w[3]]).or_default() += 1.0;
        }
        let norm = counts.values().map(|v| v * v).sum::<f32>().sqrt();
        CharGrams { counts, norm }
    }

    fn cosine(&self, other: &CharGrams) -> f32 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f32 = small
            .counts
            .iter()
            .filter_map(|(g, v)| large.counts.get(g).map(|w| v * w))
            .sum();
        dot / (self.norm * other.norm + 1e-9)
    }
}

/// Why an index file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotAnIndex,
    NewerFormat(u32),
    Truncated,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotAnIndex => write!(f, "not a claimdesk library index"),
            DecodeError::NewerFormat(v) => write!(
                f,
                "index format {v} is newer than this claimdesk reads ({FORMAT})"
            ),
            DecodeError::Truncated => write!(f, "the index file is cut short or damaged"),
        }
    }
}

impl Index {
    /// The index as bytes (see the module documentation).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.len() * 4 + self.postings.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        put_varint(&mut out, self.len() as u64);
        for (&c, &t) in self.claim_len.iter().zip(&self.title_len) {
            put_varint(&mut out, u64::from(c));
            put_varint(&mut out, u64::from(t));
        }
        let mut by_id: Vec<(&String, u32)> = self.vocabulary.iter().map(|(t, &i)| (t, i)).collect();
        by_id.sort_by_key(|&(_, i)| i);
        put_varint(&mut out, by_id.len() as u64);
        for (term, id) in by_id {
            put_varint(&mut out, term.len() as u64);
            out.extend_from_slice(term.as_bytes());
            let postings = &self.postings[id as usize];
            put_varint(&mut out, postings.len() as u64);
            let mut last = 0u32;
            for p in postings {
                put_varint(&mut out, u64::from(p.doc - last));
                last = p.doc;
                out.push(p.claim_tf);
                out.push(p.title_tf);
            }
        }
        for id in 0..self.postings.len() {
            let related = self.related.get(id).map_or(&[][..], Vec::as_slice);
            put_varint(&mut out, related.len() as u64);
            for &r in related {
                put_varint(&mut out, u64::from(r));
            }
        }
        out
    }

    /// Read [`Index::encode`]'s bytes back; never panics on damaged input.
    pub fn decode(bytes: &[u8]) -> Result<Index, DecodeError> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(DecodeError::NotAnIndex);
        }
        let mut version = [0u8; 4];
        version.copy_from_slice(&bytes[8..12]);
        let version = u32::from_le_bytes(version);
        if version > FORMAT {
            return Err(DecodeError::NewerFormat(version));
        }
        let mut r = Reader { bytes, at: 12 };
        let n = r.count()?;
        let mut index = Index {
            claim_len: Vec::with_capacity(n),
            title_len: Vec::with_capacity(n),
            ..Index::default()
        };
        for _ in 0..n {
            index.claim_len.push(length(r.count()?));
            index.title_len.push(length(r.count()?));
        }
        let n_terms = r.count()?;
        for id in 0..n_terms {
            let len = r.count()?;
            let term = std::str::from_utf8(r.take(len)?).map_err(|_| DecodeError::Truncated)?;
            let count = r.count()?;
            let mut postings = Vec::with_capacity(count.min(n));
            let mut doc = 0u32;
            for _ in 0..count {
                let delta = u32::try_from(r.varint()?).map_err(|_| DecodeError::Truncated)?;
                doc = doc.checked_add(delta).ok_or(DecodeError::Truncated)?;
                if doc as usize >= n {
                    return Err(DecodeError::Truncated);
                }
                let tf = r.take(2)?;
                postings.push(Posting {
                    doc,
                    claim_tf: tf[0],
                    title_tf: tf[1],
                });
            }
            let id = u32::try_from(id).map_err(|_| DecodeError::Truncated)?;
            index.vocabulary.insert(term.to_owned(), id);
            index.postings.push(postings);
        }
        if version >= 2 {
            for _ in 0..n_terms {
                let count = r.count()?;
                let mut related = Vec::with_capacity(count.min(expand::RELATED_PER_TERM));
                for _ in 0..count {
                    let t = r.count()?;
                    if t >= n_terms {
                        return Err(DecodeError::Truncated);
                    }
                    related.push(u32::try_from(t).map_err(|_| DecodeError::Truncated)?);
                }
                index.related.push(related);
            }
        }
        if r.at != bytes.len() {
            return Err(DecodeError::Truncated);
        }
        if version < 2 {
            // Format 1 had no related terms: work them out as an add would.
            index.relate();
        }
        Ok(index)
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or(DecodeError::Truncated)?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(DecodeError::Truncated)
    }

    /// A count that must fit in what is left of the file (so that a damaged count never
    /// asks for a huge allocation).
    fn count(&mut self) -> Result<usize, DecodeError> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&v| v <= self.bytes.len())
            .ok_or(DecodeError::Truncated)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).ok_or(DecodeError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(DecodeError::Truncated)?;
        self.at = end;
        Ok(s)
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
