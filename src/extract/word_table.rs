//! Sets and maps of short words (the word lists and the tables of `complements`), built for
//! the question the extractor asks of nearly every word of the text: is it in this list?
//!
//! A word of up to 24 bytes is packed into three `u64` (zero-padded, in registers) and its
//! length, hashed with one multiply and found in an open-addressing table kept at most a
//! quarter full whose slots are one byte each (a fragment of the hash): most words are in
//! no list, and such a miss reads one byte of a small array. A generic `HashMap` with a
//! byte-at-a-time hash cost several times that (about 7% of `claimdesk extract`).
//! Longer words are never stored: no list holds one, and the look-ups lower-case words into
//! a 24-byte buffer first.

/// The longest word a table holds, in bytes.
pub(crate) const MAX_WORD: usize = 24;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    w: [u64; 3],
    len: u64,
}

impl Key {
    /// The key of `word`, in ASCII lower case when `lower`; `None` over [`MAX_WORD`] bytes.
    /// Built in registers: bytes stored one by one and read back as words would stall.
    #[inline]
    fn with(word: &[u8], lower: bool) -> Option<Key> {
        if word.len() > MAX_WORD {
            return None;
        }
        let (w0, rest) = word.split_at(word.len().min(8));
        let (w1, w2) = rest.split_at(rest.len().min(8));
        let word = |part: &[u8]| {
            let x = load(part);
            if lower { ascii_lower(x) } else { x }
        };
        Some(Key {
            w: [word(w0), word(w1), word(w2)],
            len: (w0.len() + w1.len() + w2.len()) as u64,
        })
    }

    #[inline]
    fn new(word: &[u8]) -> Option<Key> {
        Key::with(word, false)
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.w[0] ^ self.w[1].rotate_left(23) ^ self.w[2].rotate_left(47) ^ self.len)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// Up to 8 bytes as a little-endian `u64`, zero-padded.
#[inline]
fn load(part: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(part) {
        Ok(b) => u64::from_le_bytes(b),
        Err(_) => part
            .iter()
            .enumerate()
            .fold(0, |x, (j, &b)| x | u64::from(b) << (8 * j)),
    }
}

/// `u8::to_ascii_lowercase` on each byte of `x` at once.
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let t = x & (0x7f * ONES);
    // High bit of each byte: its low seven bits are at least b'A', at least b'Z' + 1.
    let ge_a = t + (0x80 - u64::from(b'A')) * ONES;
    let gt_z = t + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = ge_a & !gt_z & !x & (0x80 * ONES);
    x | upper >> 2
}

/// A map from words (byte strings of at most [`MAX_WORD`] bytes) to values.
pub(crate) struct WordMap<V> {
    entries: Vec<(Key, V)>,
    /// Per slot: 0 when empty, else a byte of the hash with its low bit set, so that
    /// a word that is not there is told apart without reading a key.
    tags: Vec<u8>,
    /// Per slot: the index into `entries`.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: a hash's top bits pick its first slot.
    shift: u32,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            entries: Vec::new(),
            tags: vec![0; 16],
            slots: vec![0; 16],
            shift: 64 - 4,
        }
    }
}

impl<V> WordMap<V> {
    /// `Ok(entry)` of `key`, or `Err(slot)`: the empty slot where it would go.
    #[inline]
    fn find(&self, key: &Key) -> Result<usize, usize> {
        let h = key.hash();
        let tag = ((h >> 24) as u8) | 1;
        let mask = self.tags.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let t = self.tags[i];
            if t == 0 {
                return Err(i);
            }
            if t == tag {
                let e = self.slots[i] as usize;
                if self.entries[e].0 == *key {
                    return Ok(e);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word` (bytes as stored: the tables hold lower-case words).
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<&V> {
        let key = Key::new(word)?;
        self.find(&key).ok().map(|e| &self.entries[e].1)
    }

    /// The value of `word` in ASCII lower case, without allocating.
    #[inline]
    pub(crate) fn get_lower(&self, word: &str) -> Option<&V> {
        let key = Key::with(word.as_bytes(), true)?;
        self.find(&key).ok().map(|e| &self.entries[e].1)
    }

    /// Set `word`'s value (replacing any); a word over [`MAX_WORD`] bytes is not stored.
    pub(crate) fn insert(&mut self, word: Vec<u8>, value: V) {
        let Some(key) = Key::new(&word) else {
            return;
        };
        match self.find(&key) {
            Ok(e) => self.entries[e].1 = value,
            Err(slot) => self.add(key, slot, value),
        }
    }

    /// `HashMap::entry(word).or_insert(value)` as the tables are built.
    pub(crate) fn entry(&mut self, word: Vec<u8>) -> Entry<'_, V> {
        Entry { map: self, word }
    }

    fn add(&mut self, key: Key, slot: usize, value: V) {
        self.put(key, slot, self.entries.len());
        self.entries.push((key, value));
        // At most a quarter full, so that a miss (the common case) ends at its first slot.
        if self.entries.len() * 4 > self.tags.len() {
            let size = self.tags.len() * 2;
            self.tags = vec![0; size];
            self.slots = vec![0; size];
            self.shift -= 1;
            for e in 0..self.entries.len() {
                let k = self.entries[e].0;
                if let Err(s) = self.find(&k) {
                    self.put(k, s, e);
                }
            }
        }
    }

    fn put(&mut self, key: Key, slot: usize, entry: usize) {
        self.tags[slot] = ((key.hash() >> 24) as u8) | 1;
        self.slots[slot] = entry as u32;
    }
}

/// A word about to be given a value if it has none.
pub(crate) struct Entry<'a, V> {
    map: &'a mut WordMap<V>,
    word: Vec<u8>,
}

impl<V> Entry<'_, V> {
    pub(crate) fn or_insert(self, value: V) {
        let Some(key) = Key::new(&self.word) else {
            return;
        };
        if let Err(slot) = self.map.find(&key) {
            self.map.add(key, slot, value);
        }
    }
}

impl<V> FromIterator<(Vec<u8>, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (Vec<u8>, V)>>(iter: I) -> Self {
        let mut map = WordMap::default();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}x")).collect();
        let map: WordMap<usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_bytes().to_vec(), i))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w.as_bytes()), Some(&i));
            assert_eq!(map.get_lower(&w.to_uppercase()), Some(&i));
        }
        assert_eq!(map.get(b"w500x"), None);
        assert_eq!(map.get(b"w1"), None);
        // Zero padding does not make a shorter word equal to a longer one.
        assert_eq!(map.get(b"w1x\0"), None);
        assert_eq!(map.get(b""), None);
        assert_eq!(map.get_lower("a-word-far-longer-than-24-bytes"), None);
    }

    #[test]
    fn lower_case_of_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let x = 0x4142_5a5b_6061_7a7b_u64 ^ (u64::from(b) << (8 * at));
                let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(ascii_lower(x), want, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn insert_replaces_and_entry_keeps() {
        let mut map = WordMap::default();
        map.insert(b"said".to_vec(), 1);
        map.insert(b"said".to_vec(), 2);
        map.entry(b"said".to_vec()).or_insert(3);
        map.entry(b"told".to_vec()).or_insert(4);
        assert_eq!(map.get(b"said"), Some(&2));
        assert_eq!(map.get(b"told"), Some(&4));
        // Exactly 24 bytes fits; 25 is not stored.
        map.insert(vec![b'a'; 24], 5);
        map.insert(vec![b'b'; 25], 6);
        assert_eq!(map.get(&[b'a'; 24]), Some(&5));
        assert_eq!(map.get(&[b'b'; 25]), None);
    }
}
