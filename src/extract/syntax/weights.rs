//! The parser's weights used in place: the model file's features are sorted by key, so a
//! small index of where each range of keys starts (the top bits of the key name the range)
//! finds a feature in the file's own bytes. Nothing of the model is copied: loading reads
//! the file once to check it and fill the index (2 MiB), and a parse touches only the
//! pages of the features it looks up.
//!
//! A feature as the file holds it: `key: u64`, `n: u8`, `n × (class: u8, weight: i16)`,
//! little endian, features in ascending order of key.

use super::model::{Reader, prefetch};

/// Ranges of keys in the index: 2^19 (about two features, thirty bytes, each in the shipped
/// model): a lookup reads one cache line of the model. (2^17 ranges, a 512 KiB index that
/// stays in cache but seven features a range, took about 15% more CPU on news text.)
const BITS: u32 = 19;
const SHIFT: u32 = 64 - BITS;

/// Features found in a model file's bytes.
pub(crate) struct Weights<'a> {
    /// The feature block (after its count).
    bytes: &'a [u8],
    /// `starts[r]..starts[r + 1]`: the byte range of the features whose key is in range `r`.
    starts: Vec<u32>,
    count: usize,
}

impl<'a> Weights<'a> {
    /// No features: every score stays zero.
    pub(crate) fn empty() -> Weights<'static> {
        Weights {
            bytes: &[],
            starts: Vec::new(),
            count: 0,
        }
    }

    /// The feature block at the reader's position (`nfeat: u32`, then the features), read
    /// to its end; `None` if it is truncated, a class is not below `nclasses`, or the keys
    /// are not in ascending order.
    pub(crate) fn read(r: &mut Reader<'a>, nclasses: usize) -> Option<Weights<'a>> {
        let nfeat = r.u32()? as usize;
        let block = r.rest();
        let ranges = 1usize << BITS;
        let mut starts = Vec::with_capacity(ranges + 1);
        let mut pos = 0usize;
        let mut last = None;
        for _ in 0..nfeat {
            let key = u64::from_le_bytes(block.get(pos..pos + 8)?.try_into().ok()?);
            let n = *block.get(pos + 8)? as usize;
            let end = pos + 9 + 3 * n;
            let pairs = block.get(pos + 9..end)?;
            if last.is_some_and(|l| l >= key)
                || pairs.chunks(3).any(|c| c[0] as usize >= nclasses)
                || u32::try_from(end).is_err()
            {
                return None;
            }
            last = Some(key);
            let range = (key >> SHIFT) as usize;
            while starts.len() <= range {
                starts.push(pos as u32);
            }
            pos = end;
        }
        while starts.len() <= ranges {
            starts.push(pos as u32);
        }
        r.skip(pos)?;
        Some(Weights {
            bytes: &block[..pos],
            starts,
            count: nfeat,
        })
    }

    pub(crate) fn feature_count(&self) -> usize {
        self.count
    }

    /// Add the weights of all `keys` but zeros to `scores` (indexed by class; 64 wide so
    /// that a class byte masked to six bits is always in bounds). All keys' index entries
    /// and ranges are asked for before any is read ([`Weights::ranges`]).
    #[inline]
    pub(crate) fn add_weights<const N: usize>(&self, keys: &[u64; N], scores: &mut [i16; 64]) {
        let ranges = self.ranges(keys);
        for (&(a, b), &key) in ranges.iter().zip(keys) {
            if let Some(pairs) = self.find(a as usize, b as usize, key) {
                for c in pairs.chunks_exact(3) {
                    let x = &mut scores[(c[0] & 63) as usize];
                    *x = x.saturating_add(i16::from_le_bytes([c[1], c[2]]));
                }
            }
        }
    }

    /// The byte range of each key's range of features (empty for a zero key: its weights
    /// were read elsewhere). The index entries of all keys are fetched before any is read,
    /// and then the first byte of every range, so that their cache misses overlap instead
    /// of following one by one.
    #[inline]
    fn ranges<const N: usize>(&self, keys: &[u64; N]) -> [(u32, u32); N] {
        let mut ranges = [(0u32, 0u32); N];
        if self.starts.is_empty() {
            return ranges;
        }
        for &k in keys {
            if k != 0 {
                prefetch(&self.starts, (k >> SHIFT) as usize);
            }
        }
        for (r, &k) in ranges.iter_mut().zip(keys) {
            if k != 0 {
                let i = (k >> SHIFT) as usize;
                *r = (self.starts[i], self.starts[i + 1]);
            }
        }
        for &(a, b) in &ranges {
            // A range is about thirty bytes; a label feature's up to 160 (three lines).
            for at in (a..b.min(a + 192)).step_by(64) {
                prefetch(self.bytes, at as usize);
            }
        }
        ranges
    }

    /// The weights (`n × (class, weight)`) of `key` in the byte range `pos..end`, if there.
    #[inline]
    fn find(&self, mut pos: usize, end: usize, key: u64) -> Option<&[u8]> {
        while pos < end {
            let head = self.bytes.get(pos..pos + 9)?;
            let k = u64::from_le_bytes([
                head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
            ]);
            let n = head[8] as usize;
            if k >= key {
                return (k == key)
                    .then(|| self.bytes.get(pos + 9..pos + 9 + 3 * n))
                    .flatten();
            }
            pos += 9 + 3 * n;
        }
        None
    }

    /// The weights of the first `W` classes of each key (zeros for a zero key or one the
    /// model lacks), all keys' ranges looked up before any is read, as in
    /// [`Weights::add_weights`].
    pub(crate) fn rows<const N: usize, const W: usize>(&self, keys: &[u64; N]) -> [[i16; W]; N] {
        let mut rows = [[0i16; W]; N];
        let ranges = self.ranges(keys);
        for ((row, &(a, b)), &key) in rows.iter_mut().zip(&ranges).zip(keys) {
            if let Some(pairs) = self.find(a as usize, b as usize, key) {
                for c in pairs.chunks_exact(3) {
                    if let Some(x) = row.get_mut((c[0] & 63) as usize) {
                        *x = x.saturating_add(i16::from_le_bytes([c[1], c[2]]));
                    }
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(feats: &[(u64, &[(u8, i16)])]) -> Vec<u8> {
        let mut out = (feats.len() as u32).to_le_bytes().to_vec();
        for (key, ws) in feats {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(ws.len() as u8);
            for &(c, w) in *ws {
                out.push(c);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    #[test]
    fn finds_features_in_place_and_refuses_a_bad_block() {
        // Two keys in one range, one in the last range, one unknown.
        let a = 5u64;
        let b = 9u64;
        let c = u64::MAX - 1;
        let bytes = block(&[(a, &[(0, 10), (2, -3)]), (b, &[(1, 7)]), (c, &[(2, 100)])]);
        let mut r = Reader::new(&bytes);
        let w = Weights::read(&mut r, 3).expect("a valid block");
        assert_eq!(w.feature_count(), 3);
        assert!(r.rest().is_empty());
        let mut scores = [0i16; 64];
        w.add_weights(&[a, b, c, 7, a], &mut scores);
        assert_eq!(&scores[..3], &[20, 7, 94]);
        // Each key's own row (the first `W` classes), zeros for a zero or unknown key.
        let rows: [[i16; 2]; 5] = w.rows(&[a, b, c, 7, 0]);
        assert_eq!(rows, [[10, 0], [0, 7], [0, 0], [0, 0], [0, 0]]);
        let rows: [[i16; 3]; 1] = w.rows(&[c]);
        assert_eq!(rows, [[0, 0, 100]]);
        // Keys out of order, a class too large, a truncated block: refused.
        let unsorted = block(&[(b, &[(1, 7)]), (a, &[(0, 1)])]);
        assert!(Weights::read(&mut Reader::new(&unsorted), 3).is_none());
        let bad_class = block(&[(a, &[(3, 1)])]);
        assert!(Weights::read(&mut Reader::new(&bad_class), 3).is_none());
        assert!(Weights::read(&mut Reader::new(&bytes[..bytes.len() - 1]), 3).is_none());
    }
}
