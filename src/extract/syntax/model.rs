//! The tagger's weights: a compact binary file read once into a flat open-addressing table.
//!
//! Format (little endian): magic `CDTAG1\0\0`, `ntags: u32`, `scale: f32`,
//! `nfeat: u32`, then per feature `key: u64`, `n: u8`, `n × (tag: u8, weight: i16)`;
//! then `ndict: u32` and per entry `word: u64` (hash of the normalised word), `tag: u8`:
//! frequent words that always take one tag, tagged without scoring.

use super::tags::NTAGS;

pub(crate) const MAGIC: &[u8; 8] = b"CDTAG1\0\0";

/// Weights of one feature.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    /// Index of the first weight in `Model::weights`, and their count; `len == 0`: empty.
    start: u32,
    len: u32,
}

#[derive(Debug, Default)]
pub(crate) struct Model {
    slots: Vec<Slot>,
    mask: usize,
    /// (tag, weight) pairs; the weight is in units of `scale`.
    weights: Vec<(u8, i16)>,
    dict: Vec<(u64, u8)>,
    dict_mask: usize,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let s = self.b.get(self.pos..self.pos + N)?;
        self.pos += N;
        s.try_into().ok()
    }
    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    fn i16(&mut self) -> Option<i16> {
        self.take().map(i16::from_le_bytes)
    }
    fn f32(&mut self) -> Option<f32> {
        self.take().map(f32::from_le_bytes)
    }
}

fn table_size(n: usize) -> usize {
    (n * 2).next_power_of_two().max(16)
}

impl Model {
    /// Read a model file; `None` if it is not one (wrong magic, truncated, other tag set).
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, pos: 0 };
        if &r.take::<8>()? != MAGIC || r.u32()? as usize != NTAGS {
            return None;
        }
        let scale = r.f32()?;
        let nfeat = r.u32()? as usize;
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = Vec::with_capacity(nfeat.min(1 << 22));
        for _ in 0..nfeat {
            let key = r.u64()?;
            let n = r.u8()? as usize;
            let mut ws = Vec::with_capacity(n);
            for _ in 0..n {
                let t = r.u8()?;
                let w = r.i16()?;
                if t as usize >= NTAGS {
                    return None;
                }
                ws.push((t, w));
            }
            feats.push((key, ws));
        }
        let ndict = r.u32()? as usize;
        let mut dict = Vec::with_capacity(ndict.min(1 << 20));
        for _ in 0..ndict {
            let w = r.u64()?;
            let t = r.u8()?;
            if t as usize >= NTAGS {
                return None;
            }
            dict.push((w, t));
        }
        let _ = scale; // argmax does not depend on the unit of the weights
        Some(Model::build(&feats, &dict))
    }

    pub(crate) fn build(feats: &[(u64, Vec<(u8, i16)>)], dict: &[(u64, u8)]) -> Model {
        let size = table_size(feats.len());
        let mut slots = vec![Slot::default(); size];
        let mut weights = Vec::with_capacity(feats.iter().map(|f| f.1.len()).sum());
        let mask = size - 1;
        for (key, ws) in feats {
            if ws.is_empty() {
                continue;
            }
            let mut i = (*key as usize) & mask;
            while slots[i].len != 0 && slots[i].key != *key {
                i = (i + 1) & mask;
            }
            if slots[i].len != 0 {
                continue; // a duplicate key: keep the first
            }
            slots[i] = Slot {
                key: *key,
                start: weights.len() as u32,
                len: ws.len() as u32,
            };
            weights.extend_from_slice(ws);
        }
        let dsize = table_size(dict.len());
        let mut dtab = vec![(0u64, u8::MAX); dsize];
        for &(w, t) in dict {
            let mut i = (w as usize) & (dsize - 1);
            while dtab[i].1 != u8::MAX && dtab[i].0 != w {
                i = (i + 1) & (dsize - 1);
            }
            dtab[i] = (w, t);
        }
        Model {
            slots,
            mask,
            weights,
            dict: dtab,
            dict_mask: dsize - 1,
        }
    }

    /// Add the weights of feature `key` to `scores`.
    #[inline]
    pub(crate) fn add_weights(&self, key: u64, scores: &mut [i32; NTAGS]) {
        if self.slots.is_empty() {
            return;
        }
        let mut i = (key as usize) & self.mask;
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return;
            }
            if s.key == key {
                let (a, b) = (s.start as usize, (s.start + s.len) as usize);
                for &(t, w) in &self.weights[a..b] {
                    scores[t as usize] += w as i32;
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The fixed tag of a frequent unambiguous word, by its hash.
    #[inline]
    pub(crate) fn dict_tag(&self, w: u64) -> Option<u8> {
        if self.dict.is_empty() {
            return None;
        }
        let mut i = (w as usize) & self.dict_mask;
        loop {
            let (k, t) = self.dict[i];
            if t == u8::MAX {
                return None;
            }
            if k == w {
                return Some(t);
            }
            i = (i + 1) & self.dict_mask;
        }
    }

    pub(crate) fn feature_count(&self) -> usize {
        self.slots.iter().filter(|s| s.len != 0).count()
    }
}

/// Serialise features and the tag dictionary in the model format.
pub(crate) fn write(scale: f32, feats: &[(u64, Vec<(u8, i16)>)], dict: &[(u64, u8)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for (key, ws) in feats {
        out.extend_from_slice(&key.to_le_bytes());
        out.push(ws.len() as u8);
        for &(t, w) in ws {
            out.push(t);
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    for &(w, t) in dict {
        out.extend_from_slice(&w.to_le_bytes());
        out.push(t);
    }
    out
}
