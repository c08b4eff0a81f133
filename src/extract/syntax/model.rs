//! The tagger's weights: a compact binary file read once into a flat open-addressing table.
//!
//! Format (little endian): magic `CDTAG1\0\0`, `ntags: u32`, `scale: f32`,
//! `nfeat: u32`, then per feature `key: u64`, `n: u8`, `n × (tag: u8, weight: i16)`;
//! then `ndict: u32` and per entry `word: u64` (hash of the normalised word), `tag: u8`:
//! frequent words that always take one tag, tagged without scoring; then `nclass: u32` and
//! per entry `word: u64`, `class: u64`: the set of tags a known word was seen with (bit per
//! tag), a feature of the word and of its neighbours.

use super::tags::NTAGS;

pub(crate) const MAGIC: &[u8; 8] = b"CDTAG2\0\0";

/// One feature of the table (16 bytes, a quarter of a cache line): a 32-bit fingerprint of
/// its key (the table index gives the rest), then up to three (tag, weight) pairs inline, or,
/// for a feature with more, `n` pairs from `Model::weights[start..]`. `n == 0`: empty.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    fp: u32,
    n: u8,
    tags: [u8; 3],
    /// Inline weights, or (for `n > 3`) the start in `Model::weights` in the first two.
    w: [i16; 3],
    start: u16,
}

const INLINE: usize = 3;
/// `Slot::n` of a feature stored as a dense row.
const DENSE: u8 = 255;
/// Features with more weights than this are stored dense.
const DENSE_FROM: usize = 12;

#[derive(Debug, Default)]
pub(crate) struct Model {
    slots: Vec<Slot>,
    mask: usize,
    /// (tag, weight) pairs of the features with more than three, in units of the file's scale.
    weights: Vec<(u8, i16)>,
    /// Features with many weights (the bias, tag history, shapes) as dense rows.
    dense: Vec<[i16; 64]>,
    dict: Vec<(u64, u8)>,
    dict_mask: usize,
    classes: Vec<(u64, u64)>,
    class_mask: usize,
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32
}

/// Reads a model file front to back.
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, pos: 0 }
    }
    pub(crate) fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let s = self.b.get(self.pos..self.pos + N)?;
        self.pos += N;
        s.try_into().ok()
    }
    /// The bytes not read yet.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.b.get(self.pos..).unwrap_or(&[])
    }
    /// Pass over `n` bytes; `None` if fewer are left.
    pub(crate) fn skip(&mut self, n: usize) -> Option<()> {
        (self.rest().len() >= n).then(|| self.pos += n)
    }
    pub(crate) fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    pub(crate) fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    pub(crate) fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    pub(crate) fn i16(&mut self) -> Option<i16> {
        self.take().map(i16::from_le_bytes)
    }
    pub(crate) fn f32(&mut self) -> Option<f32> {
        self.take().map(f32::from_le_bytes)
    }
}

/// A power of two with room to spare (load at most about 0.7).
fn table_size(n: usize) -> usize {
    (n + n / 2 + 1).next_power_of_two().max(16)
}

const _: () = assert!(std::mem::size_of::<Slot>() == 16);

/// The hashed feature table while it is filled.
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    weights: Vec<(u8, i16)>,
    dense: Vec<[i16; 64]>,
}

impl Table {
    /// A table for `n` features.
    fn new(n: usize) -> Table {
        let size = table_size(n);
        Table {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            weights: Vec::new(),
            dense: Vec::new(),
        }
    }

    /// Put one feature's weights (reordered here, largest first) in the table.
    fn insert(&mut self, key: u64, ws: &mut Vec<(u8, i16)>) {
        if ws.is_empty() {
            return;
        }
        let mask = self.mask;
        let slots = &mut self.slots;
        let fp = fingerprint(key);
        let mut i = (key as usize) & mask;
        while slots[i].n != 0 && slots[i].fp != fp {
            i = (i + 1) & mask;
        }
        if slots[i].n != 0 {
            return; // a fingerprint already there: keep the first
        }
        ws.sort_by_key(|w| std::cmp::Reverse(w.1.unsigned_abs()));
        ws.truncate(254);
        let mut slot = Slot {
            fp,
            n: ws.len() as u8,
            ..Slot::default()
        };
        if ws.len() > DENSE_FROM {
            let mut row = [0i16; 64];
            for &(t, w) in ws.iter() {
                row[t as usize & 63] = w;
            }
            let start = self.dense.len() as u32;
            slot.n = DENSE;
            slot.w[0] = (start & 0xffff) as u16 as i16;
            slot.start = (start >> 16) as u16;
            self.dense.push(row);
        } else if ws.len() <= INLINE {
            for (k, &(t, w)) in ws.iter().enumerate() {
                slot.tags[k] = t;
                slot.w[k] = w;
            }
        } else {
            let start = self.weights.len() as u32;
            slot.w[0] = (start & 0xffff) as u16 as i16;
            slot.start = (start >> 16) as u16;
            self.weights.extend_from_slice(ws);
        }
        slots[i] = slot;
    }
}

impl Model {
    /// Read a model file; `None` if it is not one (wrong magic, truncated, other tag set).
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader::new(b);
        if &r.take::<8>()? != MAGIC || r.u32()? as usize != NTAGS {
            return None;
        }
        let scale = r.f32()?;
        let feats = read_features(&mut r, NTAGS)?;
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
        let nclass = r.u32()? as usize;
        let mut classes = Vec::with_capacity(nclass.min(1 << 20));
        for _ in 0..nclass {
            let w = r.u64()?;
            let c = r.u64()?;
            classes.push((w, c));
        }
        let _ = scale; // argmax does not depend on the unit of the weights
        Some(Model::build(&feats, &dict, &classes))
    }

    pub(crate) fn build(
        feats: &[(u64, Vec<(u8, i16)>)],
        dict: &[(u64, u8)],
        classes: &[(u64, u64)],
    ) -> Model {
        let mut table = Table::new(feats.len());
        let mut scratch = Vec::new();
        for (key, ws) in feats {
            scratch.clear();
            scratch.extend_from_slice(ws);
            table.insert(*key, &mut scratch);
        }
        Model::with_table(table, dict, classes)
    }

    fn with_table(table: Table, dict: &[(u64, u8)], classes: &[(u64, u64)]) -> Model {
        let Table {
            slots,
            mask,
            weights,
            dense,
        } = table;
        let dsize = table_size(dict.len());
        let mut dtab = vec![(0u64, u8::MAX); dsize];
        for &(w, t) in dict {
            let mut i = (w as usize) & (dsize - 1);
            while dtab[i].1 != u8::MAX && dtab[i].0 != w {
                i = (i + 1) & (dsize - 1);
            }
            dtab[i] = (w, t);
        }
        let csize = table_size(classes.len());
        let mut ctab = vec![(0u64, 0u64); csize];
        for &(w, c) in classes.iter().filter(|c| c.1 != 0) {
            let mut i = (w as usize) & (csize - 1);
            while ctab[i].1 != 0 && ctab[i].0 != w {
                i = (i + 1) & (csize - 1);
            }
            ctab[i] = (w, c);
        }
        Model {
            slots,
            mask,
            weights,
            dense,
            dict: dtab,
            dict_mask: dsize - 1,
            classes: ctab,
            class_mask: csize - 1,
        }
    }

    /// Add the weights of all `keys` to `scores` (indexed by tag; 64 wide so that a tag
    /// byte masked to six bits is always in bounds). The first slot of every key is read
    /// before any is used, so that their cache misses overlap.
    #[inline]
    pub(crate) fn add_weights<const N: usize>(&self, keys: &[u64; N], scores: &mut [i16; 64]) {
        if self.slots.is_empty() {
            return;
        }
        let mut first = [Slot::default(); N];
        for (f, &k) in first.iter_mut().zip(keys) {
            *f = self.slots[(k as usize) & self.mask];
        }
        // The weights kept apart (a feature with more than three) are asked for before any
        // is added: their cache misses overlap too.
        for (s, &key) in first.iter().zip(keys) {
            if s.n as usize > INLINE && s.fp == fingerprint(key) {
                let a = (s.w[0] as u16 as usize) | (s.start as usize) << 16;
                if s.n == DENSE {
                    prefetch(&self.dense, a);
                } else {
                    prefetch(&self.weights, a);
                }
            }
        }
        for (&s, &key) in first.iter().zip(keys) {
            let fp = fingerprint(key);
            if s.n == 0 {
                continue;
            }
            if s.fp == fp {
                self.add_slot(&s, scores);
                continue;
            }
            // Linear probing past another feature's slot.
            let mut i = (key as usize).wrapping_add(1) & self.mask;
            loop {
                let s = &self.slots[i];
                if s.n == 0 {
                    break;
                }
                if s.fp == fp {
                    self.add_slot(s, scores);
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }

    #[inline]
    fn add_slot(&self, s: &Slot, scores: &mut [i16; 64]) {
        let n = s.n as usize;
        if s.n == DENSE {
            let a = (s.w[0] as u16 as usize) | (s.start as usize) << 16;
            if let Some(row) = self.dense.get(a) {
                for (x, &w) in scores.iter_mut().zip(row) {
                    *x = x.saturating_add(w);
                }
            }
        } else if n <= INLINE {
            // Unused inline pairs are (0, 0): adding them always saves a branch.
            let x = &mut scores[(s.tags[0] & 63) as usize];
            *x = x.saturating_add(s.w[0]);
            let x = &mut scores[(s.tags[1] & 63) as usize];
            *x = x.saturating_add(s.w[1]);
            let x = &mut scores[(s.tags[2] & 63) as usize];
            *x = x.saturating_add(s.w[2]);
        } else {
            let a = (s.w[0] as u16 as usize) | (s.start as usize) << 16;
            if let Some(ws) = self.weights.get(a..a + n) {
                for &(t, w) in ws {
                    let x = &mut scores[(t & 63) as usize];
                    *x = x.saturating_add(w);
                }
            }
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

    /// The tag set of a known word (0: unknown), by its hash.
    #[inline]
    pub(crate) fn class_of(&self, w: u64) -> u64 {
        if self.classes.is_empty() {
            return 0;
        }
        let mut i = (w as usize) & self.class_mask;
        loop {
            let (k, c) = self.classes[i];
            if c == 0 || k == w {
                return c;
            }
            i = (i + 1) & self.class_mask;
        }
    }

    pub(crate) fn feature_count(&self) -> usize {
        self.slots.iter().filter(|s| s.n != 0).count()
    }
}

/// Ask for the cache line of `v[i]` without waiting for it (nothing if `i` is out of
/// bounds or the target has no prefetch instruction).
#[inline(always)]
pub(crate) fn prefetch<T>(v: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = v.get(i) {
        // SAFETY: a prefetch is only a hint: it reads nothing the program sees and cannot
        // fault; the pointer is to a live element anyway.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                (x as *const T).cast::<i8>(),
            )
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (v, i);
}

/// Serialise features and the tag dictionary in the model format.
pub(crate) fn write(
    scale: f32,
    feats: &[(u64, Vec<(u8, i16)>)],
    dict: &[(u64, u8)],
    classes: &[(u64, u64)],
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    write_features(&mut out, feats);
    out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    for &(w, t) in dict {
        out.extend_from_slice(&w.to_le_bytes());
        out.push(t);
    }
    out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
    for &(w, c) in classes {
        out.extend_from_slice(&w.to_le_bytes());
        out.extend_from_slice(&c.to_le_bytes());
    }
    out
}

/// Features as a model file holds them: (key, (class, weight) pairs), sorted by key.
pub(crate) type Features = Vec<(u64, Vec<(u8, i16)>)>;

/// Read a block of features: `nfeat: u32`, then per feature `key: u64`, `n: u8`,
/// `n × (class: u8, weight: i16)`; `None` if truncated or a class is not below `nclasses`.
pub(crate) fn read_features(r: &mut Reader, nclasses: usize) -> Option<Features> {
    let nfeat = r.u32()? as usize;
    let mut feats: Features = Vec::with_capacity(nfeat.min(1 << 22));
    for _ in 0..nfeat {
        let key = r.u64()?;
        let n = r.u8()? as usize;
        let mut ws = Vec::with_capacity(n);
        for _ in 0..n {
            let t = r.u8()?;
            let w = r.i16()?;
            if t as usize >= nclasses {
                return None;
            }
            ws.push((t, w));
        }
        feats.push((key, ws));
    }
    Some(feats)
}

/// Write a block of features as [`read_features`] reads it.
pub(crate) fn write_features(out: &mut Vec<u8>, feats: &[(u64, Vec<(u8, i16)>)]) {
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for (key, ws) in feats {
        out.extend_from_slice(&key.to_le_bytes());
        out.push(ws.len() as u8);
        for &(t, w) in ws {
            out.push(t);
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}
