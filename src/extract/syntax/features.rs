//! What the tagger sees of a word: hashes of its normalised form, suffixes and prefix, and a
//! small shape code, computed once per word with no allocation; and the feature keys of one
//! position. Training and tagging share this code, so they cannot drift apart.

/// A 64-bit hash of bytes (FxHash-style multiply-rotate, then a finaliser). Fixed, so model
/// files stay valid across Rust versions and platforms.
#[derive(Clone, Copy)]
pub(crate) struct Hasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher {
    pub(crate) fn new(seed: u64) -> Hasher {
        Hasher(seed.wrapping_mul(K) ^ 0x9e37_79b9_7f4a_7c15)
    }
    #[inline]
    pub(crate) fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

/// Combine a feature template with up to two values into one key.
#[inline]
pub(crate) fn key(template: u64, a: u64, b: u64) -> u64 {
    let mut h = Hasher::new(template);
    h.add(a);
    h.add(b);
    h.finish()
}

/// The normalised form of one character: lower case, digits as `0`, typographic
/// apostrophes and quotes as their ASCII forms.
#[inline]
fn norm_char(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_digit() {
            '0'
        } else {
            c.to_ascii_lowercase()
        }
    } else {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}' => '-',
            '\u{2026}' => '.',
            c if c.is_numeric() => '0',
            // Only the first char of a multi-char lowercase (rare: 'İ') is kept.
            c => c.to_lowercase().next().unwrap_or(c),
        }
    }
}

// Shape bits.
const SH_UPPER_FIRST: u32 = 1;
const SH_ALL_UPPER: u32 = 2;
const SH_HAS_DIGIT: u32 = 4;
const SH_ALL_DIGIT: u32 = 8;
const SH_HYPHEN: u32 = 16;
const SH_DOT: u32 = 32;
const SH_APOS: u32 = 64;
const SH_NO_ALNUM: u32 = 128;
const SH_GLUE_LEFT: u32 = 256;
const SH_GLUE_RIGHT: u32 = 512;
const SH_FIRST: u32 = 1024;
const SH_LEN_SHIFT: u32 = 11; // 2 bits: 1, 2-3, 4-7, 8+ chars

/// One word as the tagger sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Hash of the normalised word.
    pub w: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre2: u64,
    pub shape: u32,
    /// The tags the word was seen with in training (bit per tag; 0: unknown), set by the
    /// tagger from the model.
    pub class: u64,
}

impl Unit {
    /// Describe `word`. `glue_left`/`glue_right`: no space before/after it; `first`: the
    /// sentence's first word.
    pub(crate) fn new(word: &str, glue_left: bool, glue_right: bool, first: bool) -> Unit {
        let mut h = Hasher::new(1);
        // The last four normalised chars, newest last.
        let mut tail = [0u32; 4];
        let mut pre = Hasher::new(2);
        let mut n = 0usize;
        let (mut upper, mut lower, mut digit, mut alnum) = (0usize, 0usize, 0usize, 0usize);
        let mut shape = 0;
        if word.is_ascii() {
            // The same as the loop below, byte by byte (most words).
            for &b in word.as_bytes() {
                if n == 0 && b.is_ascii_uppercase() {
                    shape |= SH_UPPER_FIRST;
                }
                let d = if b.is_ascii_alphanumeric() {
                    alnum += 1;
                    if b.is_ascii_digit() {
                        digit += 1;
                        b'0'
                    } else if b.is_ascii_uppercase() {
                        upper += 1;
                        b.to_ascii_lowercase()
                    } else {
                        lower += 1;
                        b
                    }
                } else {
                    match b {
                        b'-' => shape |= SH_HYPHEN,
                        b'.' => shape |= SH_DOT,
                        b'\'' => shape |= SH_APOS,
                        _ => {}
                    }
                    b
                };
                h.add(d as u64);
                if n < 2 {
                    pre.add(d as u64);
                }
                tail = [tail[1], tail[2], tail[3], d as u32];
                n += 1;
            }
        }
        let general = if word.is_ascii() { "" } else { word };
        for c in general.chars() {
            if n == 0 && c.is_uppercase() {
                shape |= SH_UPPER_FIRST;
            }
            if c.is_alphanumeric() {
                alnum += 1;
                if c.is_numeric() {
                    digit += 1;
                } else if c.is_uppercase() {
                    upper += 1;
                } else {
                    lower += 1;
                }
            } else {
                match c {
                    '-' | '\u{2013}' | '\u{2014}' => shape |= SH_HYPHEN,
                    '.' => shape |= SH_DOT,
                    '\'' | '\u{2019}' => shape |= SH_APOS,
                    _ => {}
                }
            }
            let d = norm_char(c);
            h.add(d as u64);
            if n < 2 {
                pre.add(d as u64);
            }
            tail = [tail[1], tail[2], tail[3], d as u32];
            n += 1;
        }
        if upper > 0 && lower == 0 {
            shape |= SH_ALL_UPPER;
        }
        if digit > 0 {
            shape |= SH_HAS_DIGIT;
        }
        if digit > 0 && digit == alnum && alnum == n {
            shape |= SH_ALL_DIGIT;
        }
        if alnum == 0 {
            shape |= SH_NO_ALNUM;
        }
        if glue_left {
            shape |= SH_GLUE_LEFT;
        }
        if glue_right {
            shape |= SH_GLUE_RIGHT;
        }
        if first {
            shape |= SH_FIRST;
        }
        let len_bucket = match n {
            0 | 1 => 0,
            2..=3 => 1,
            4..=7 => 2,
            _ => 3,
        };
        shape |= len_bucket << SH_LEN_SHIFT;
        let suffix = |k: usize| {
            let mut s = Hasher::new(10 + k as u64);
            for &c in &tail[4 - k.min(n).min(4)..] {
                s.add(c as u64);
            }
            s.finish()
        };
        Unit {
            w: h.finish(),
            suf2: suffix(2),
            suf3: suffix(3),
            suf4: suffix(4),
            pre2: pre.finish(),
            shape,
            class: 0,
        }
    }

    /// Whether the word is capitalised (for tagging shortcuts that must not apply to names).
    pub(crate) fn capitalised(&self) -> bool {
        self.shape & SH_UPPER_FIRST != 0
    }
}

/// History value for positions before the sentence.
pub(crate) const START: u64 = 60;
/// Word hash for positions outside the sentence.
const PAD_BEFORE: u64 = 0x00a1_b2c3;
const PAD_AFTER: u64 = 0x00d4_e5f6;

/// The number of feature keys of one position: those of the tag history alone (the bias,
/// the previous tag, the one before, both), then the others.
pub(crate) const NHIST: usize = 4;
pub(crate) const NOTHER: usize = 20;
pub(crate) const NFEATS: usize = NHIST + NOTHER;

/// The keys that depend only on the two previous tags (`START` before the sentence). The
/// tagger adds them up once per tag pair (see `tagger::Tagger`).
#[inline]
pub(crate) fn history_keys(t1: u64, t2: u64) -> [u64; NHIST] {
    [key(0, 0, 0), key(7, t1, 0), key(8, t2, 0), key(9, t1, t2)]
}

/// All feature keys of position `i`, given the two previous tags.
#[inline]
pub(crate) fn features(units: &[Unit], i: usize, t1: u64, t2: u64, out: &mut [u64; NFEATS]) {
    let mut other = [0u64; NOTHER];
    other_keys(units, i, t1, &mut other);
    out[..NHIST].copy_from_slice(&history_keys(t1, t2));
    out[NHIST..].copy_from_slice(&other);
}

/// The feature keys of position `i` but the history ones, given the previous tag.
#[inline]
pub(crate) fn other_keys(units: &[Unit], i: usize, t1: u64, out: &mut [u64; NOTHER]) {
    let u = &units[i];
    let (wp1, sp1, cp1) = if i >= 1 {
        let p = &units[i - 1];
        (p.w, p.suf3, p.class)
    } else {
        (PAD_BEFORE, PAD_BEFORE, 1 << 62)
    };
    let (wn1, sn1, cn1) = match units.get(i + 1) {
        Some(n) => (n.w, n.suf3, n.class),
        None => (PAD_AFTER, PAD_AFTER, 1 << 63),
    };
    let cn2 = units.get(i + 2).map_or(1 << 63, |n| n.class);
    let shape = u.shape as u64;
    *out = [
        key(1, u.w, 0),
        key(2, u.suf2, 0),
        key(3, u.suf3, 0),
        key(4, u.suf4, 0),
        key(5, u.pre2, 0),
        key(6, shape, 0),
        key(10, t1, u.w),
        key(11, wp1, 0),
        key(13, wn1, 0),
        key(15, sp1, 0),
        key(16, sn1, 0),
        key(17, u.w, wn1),
        key(20, t1, u.suf3),
        key(21, wp1, u.w),
        key(22, t1, wn1),
        key(23, t1, shape),
        key(24, u.class, 0),
        key(25, cn1, 0),
        key(26, u.class, cn1),
        key(27, cp1, cn2),
    ];
}

/// Where a word splits into a host and a clitic the treebanks tag apart: "don't" → "do" +
/// "n't", "Gallant's" → "Gallant" + "'s", "cannot" → "can" + "not". Returns the byte
/// offset of the clitic in `word`.
pub(crate) fn clitic_split(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    // Byte index of the last apostrophe (ASCII or U+2019, 3 bytes).
    let apos = |at: usize| -> Option<usize> {
        if at < n && b[at] == b'\'' {
            Some(1)
        } else if at + 3 <= n && &b[at..at + 3] == "\u{2019}".as_bytes() {
            Some(3)
        } else {
            None
        }
    };
    // "n't"
    for len in [1usize, 3] {
        if n >= len + 3 {
            let at = n - len - 1;
            if at >= 1
                && matches!(b[at - 1], b'n' | b'N')
                && apos(at) == Some(len)
                && matches!(b[n - 1], b't' | b'T')
                && at >= 2
            {
                return Some(at - 1);
            }
        }
    }
    // "'s", "'m", "'d", "'re", "'ve", "'ll"
    for len in [1usize, 3] {
        for clitic in [1usize, 2] {
            if n < len + clitic + 1 {
                continue;
            }
            let at = n - clitic - len;
            if apos(at) != Some(len) {
                continue;
            }
            let tail = &word[at + len..];
            let ok = match clitic {
                1 => matches!(tail, "s" | "S" | "m" | "M" | "d" | "D"),
                _ => matches!(tail.to_ascii_lowercase().as_str(), "re" | "ve" | "ll"),
            };
            if ok {
                return Some(at);
            }
        }
    }
    let lower_is = |w: &str| word.len() == w.len() && word.eq_ignore_ascii_case(w);
    if lower_is("cannot") {
        return Some(3);
    }
    if lower_is("gonna") || lower_is("wanna") || lower_is("gotta") {
        return Some(3);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_split_where_treebanks_do() {
        fn split(w: &str) -> Option<(&str, &str)> {
            clitic_split(w).map(|i| (&w[..i], &w[i..]))
        }
        assert_eq!(split("don't"), Some(("do", "n't")));
        assert_eq!(split("can't"), Some(("ca", "n't")));
        assert_eq!(split("Don\u{2019}t"), Some(("Do", "n\u{2019}t")));
        assert_eq!(split("Gallant's"), Some(("Gallant", "'s")));
        assert_eq!(split("I'm"), Some(("I", "'m")));
        assert_eq!(split("they\u{2019}re"), Some(("they", "\u{2019}re")));
        assert_eq!(split("we'll"), Some(("we", "'ll")));
        assert_eq!(split("cannot"), Some(("can", "not")));
        assert_eq!(split("O'Brien"), None);
        assert_eq!(split("'s"), None);
        assert_eq!(split("n't"), None);
        assert_eq!(split("said"), None);
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        // "é" takes the general path; the rest must hash as the ASCII path does.
        let a = Unit::new("Don't-1.", true, false, true);
        let b = Unit::new("Don\u{2019}t-1.", true, false, true);
        assert_eq!(
            (a.w, a.suf2, a.suf3, a.suf4, a.pre2),
            (b.w, b.suf2, b.suf3, b.suf4, b.pre2)
        );
        assert_eq!(a.shape, b.shape);
    }

    #[test]
    fn normalisation_ignores_case_digits_and_apostrophe_style() {
        let a = Unit::new("Don't", false, false, false);
        let b = Unit::new("don\u{2019}t", false, false, false);
        assert_eq!(a.w, b.w);
        assert_ne!(a.shape, b.shape);
        assert_eq!(
            Unit::new("1999", false, false, false).w,
            Unit::new("2024", false, false, false).w
        );
        assert_eq!(
            Unit::new("walked", false, false, false).suf2,
            Unit::new("jumped", false, false, false).suf2
        );
    }
}
