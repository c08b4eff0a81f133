//! The words of a sentence as the check-worthiness model reads them (lower case, figures
//! by their shape) and their hashed keys. Used by `features.rs` and `types.rs`.

/// One word of a sentence, normalised: lower-case letters, or a figure's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word<'a> {
    /// A word, as written (compared without case).
    Text(&'a str),
    /// A figure: 3, 3.5, 1,200.
    Number,
    /// A four-digit year from 1800 to 2099.
    Year,
    /// A figure followed by "%".
    Percent,
    /// A figure after a currency sign.
    Money,
    Question,
    Exclamation,
}

/// The words of `s`, left to right. Punctuation other than "?", "!", "%" and currency
/// signs is dropped; inner apostrophes and hyphens stay in their word ("don't").
pub fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    words_into(s, &mut out);
    out
}

/// [`words`] into `out` (cleared first), to reuse its buffer.
pub fn words_into<'a>(s: &'a str, out: &mut Vec<Word<'a>>) {
    out.clear();
    scan(s, |w, _| out.push(w));
}

/// [`words_into`], with each word's [`key`] into `keys` and its hash (what the features
/// are made of) into `hashes`, in the same pass: an ASCII word is hashed once, lower-cased
/// as it is read, and no word is looked at again to learn whether it is ASCII.
pub fn words_keyed<'a>(
    s: &'a str,
    words: &mut Vec<Word<'a>>,
    keys: &mut Vec<u64>,
    hashes: &mut Vec<u64>,
) {
    words.clear();
    keys.clear();
    hashes.clear();
    scan(s, |w, ascii| {
        let (k, h) = match w {
            Word::Text(t) if ascii => {
                let k = mix(SEED, t.as_bytes());
                (k, k)
            }
            _ => {
                let k = key(w);
                (k, word_hash(w, k))
            }
        };
        words.push(w);
        keys.push(k);
        hashes.push(h);
    });
}

/// The words of `s`, each given to `push` with whether it is all ASCII.
fn scan<'a>(s: &'a str, mut push: impl FnMut(Word<'a>, bool)) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut money = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || (matches!(b[i], b'.' | b',')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let digits = &s[start..i];
            let percent = b.get(i) == Some(&b'%');
            let w = if money {
                Word::Money
            } else if percent {
                i += 1;
                Word::Percent
            } else if digits.len() == 4
                && (digits.starts_with("18")
                    || digits.starts_with("19")
                    || digits.starts_with("20"))
            {
                Word::Year
            } else {
                Word::Number
            };
            push(w, true);
            money = false;
            continue;
        }
        if c.is_ascii_alphabetic() || c >= 0x80 {
            let start = i;
            let mut ascii = true;
            // A word: letters (any script), with inner apostrophes and hyphens.
            while i < b.len() {
                // ASCII letters and digits: the common case, byte by byte.
                if b[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let ch = s[i..].chars().next().unwrap_or(' ');
                let inner_mark = (ch == '\'' || ch == '\u{2019}' || ch == '-')
                    && s[i + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                    && i > start;
                if ch.is_alphanumeric() || inner_mark {
                    ascii &= ch.is_ascii();
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            if i == start {
                // A non-letter outside ASCII: a currency sign, a dash, a quote.
                let ch = s[i..].chars().next().unwrap_or(' ');
                money = matches!(ch, '€' | '£' | '¥');
                i += ch.len_utf8();
                continue;
            }
            push(Word::Text(&s[start..i]), ascii);
            money = false;
            continue;
        }
        match c {
            b'$' => money = true,
            b'?' => push(Word::Question, true),
            b'!' => push(Word::Exclamation, true),
            _ => {}
        }
        i += 1;
    }
}

/// FNV-1a over bytes, lower-casing ASCII letters.
pub const fn mix(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The key of a lower-case word (what [`key`] gives its word).
pub const fn key_of(word: &str) -> u64 {
    mix(SEED, word.as_bytes())
}

/// A word's key: the hash of its lower-case text (typographic apostrophes as straight
/// ones), the same for "Will", "will" and "WILL". Figures and marks have none (0).
pub fn key(w: Word<'_>) -> u64 {
    match w {
        Word::Text(t) if t.is_ascii() => mix(SEED, t.as_bytes()),
        Word::Text(_) => {
            let mut buf = String::new();
            mix(SEED, lower(w, &mut buf).as_bytes())
        }
        _ => 0,
    }
}

/// "we'll", "You’ll".
pub fn ends_in_will(w: Word<'_>) -> bool {
    let Word::Text(t) = w else { return false };
    let b = t.as_bytes();
    b.len() >= 3
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ll")
        && (b[b.len() - 3] == b'\'' || t[..b.len() - 2].ends_with('\u{2019}'))
}

pub(super) const SEED: u64 = 0xcbf2_9ce4_8422_2325;

pub(super) fn word_hash(w: Word<'_>, key: u64) -> u64 {
    match w {
        // An ASCII word's key is its hash.
        Word::Text(t) if t.is_ascii() => key,
        Word::Text(t) => mix(SEED, t.as_bytes()),
        Word::Number => mix(SEED, b"<num>"),
        Word::Year => mix(SEED, b"<year>"),
        Word::Percent => mix(SEED, b"<pct>"),
        Word::Money => mix(SEED, b"<money>"),
        Word::Question => mix(SEED, b"?"),
        Word::Exclamation => mix(SEED, b"!"),
    }
}

/// The lower-case text of a word ("" for figures and marks).
pub fn lower<'b>(w: Word<'_>, buf: &'b mut String) -> &'b str {
    buf.clear();
    if let Word::Text(t) = w
        && t.is_ascii()
    {
        buf.push_str(t);
        buf.make_ascii_lowercase();
    } else if let Word::Text(t) = w {
        for c in t.chars() {
            if c == '\u{2019}' {
                buf.push('\'');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
    buf.as_str()
}
