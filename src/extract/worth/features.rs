//! A sentence as the check-worthiness model sees it: its words (lower case, figures by
//! their shape) and the hashed features built from them. Shared by scoring and training.

/// Feature indices are hashed into `1 << BITS` weights.
pub const BITS: u32 = 17;
pub const SIZE: usize = 1 << BITS;

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
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
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
            out.push(w);
            money = false;
            continue;
        }
        if c.is_ascii_alphabetic() || c >= 0x80 {
            let start = i;
            // A word: letters (any script), with inner apostrophes and hyphens.
            while i < b.len() {
                let ch = s[i..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                } else if (ch == '\'' || ch == '\u{2019}' || ch == '-')
                    && s[i + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                    && i > start
                {
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
            out.push(Word::Text(&s[start..i]));
            money = false;
            continue;
        }
        match c {
            b'$' => money = true,
            b'?' => out.push(Word::Question),
            b'!' => out.push(Word::Exclamation),
            _ => {}
        }
        i += 1;
    }
    out
}

/// FNV-1a over bytes, lower-casing ASCII letters.
fn mix(mut h: u64, bytes: &[u8]) -> u64 {
    for &c in bytes {
        h ^= u64::from(c.to_ascii_lowercase());
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

fn word_hash(w: Word<'_>) -> u64 {
    match w {
        Word::Text(t) => mix(SEED, t.as_bytes()),
        Word::Number => mix(SEED, b"<num>"),
        Word::Year => mix(SEED, b"<year>"),
        Word::Percent => mix(SEED, b"<pct>"),
        Word::Money => mix(SEED, b"<money>"),
        Word::Question => mix(SEED, b"?"),
        Word::Exclamation => mix(SEED, b"!"),
    }
}

fn finish(h: u64) -> u32 {
    // Fold the high bits in: FNV's low bits alone are weak.
    let h = h ^ (h >> 29) ^ (h >> 47);
    (h as u32) & (SIZE as u32 - 1)
}

/// The lower-case text of a word ("" for figures and marks).
pub fn lower<'b>(w: Word<'_>, buf: &'b mut String) -> &'b str {
    buf.clear();
    if let Word::Text(t) = w {
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

/// Word classes of general English that carry check-worthiness across topics.
pub struct Cues {
    /// Every class of every word (see [`class`]).
    pub classes: u32,
    /// A comparative that does not just bound a figure ("more than 300").
    pub comparative: bool,
    pub future: bool,
    /// Figures: any, percentages, money; years apart.
    pub figures: usize,
    pub percent: bool,
    pub money: bool,
    pub year: bool,
    pub question: bool,
    /// Capitalised words past the first (names, mostly).
    pub capitals: usize,
    pub words: usize,
    /// "more than 300": a comparative that only bounds a figure.
    pub bound_figure: bool,
    pub than: bool,
}

const FIRST_SINGULAR: &[&str] = &[
    "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll",
];
const FIRST_PLURAL: &[&str] = &[
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "we're",
    "we've",
    "we'll",
];
const SECOND: &[&str] = &[
    "you", "your", "yours", "yourself", "you're", "you've", "you'll",
];
const COMPARATIVE: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "larger", "smaller", "bigger", "greater", "better",
    "worse", "faster", "slower", "cheaper", "older", "younger", "longer", "shorter", "stronger",
    "weaker", "richer", "poorer", "safer", "compared", "versus", "than",
];
const SUPERLATIVE: &[&str] = &[
    "most", "least", "highest", "lowest", "largest", "smallest", "biggest", "greatest", "best",
    "worst", "fastest", "slowest", "record", "ever", "first", "only",
];
const FUTURE: &[&str] = &[
    "will",
    "won't",
    "shall",
    "gonna",
    "going",
    "next",
    "forecast",
    "predict",
    "expect",
    "expects",
    "projected",
];
const MODAL: &[&str] = &[
    "would",
    "could",
    "should",
    "might",
    "may",
    "must",
    "can",
    "can't",
    "couldn't",
    "wouldn't",
    "shouldn't",
];
const CAUSAL: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "causing",
    "due",
    "result",
    "resulted",
    "results",
    "led",
    "leads",
    "blame",
    "blamed",
    "thanks",
    "therefore",
    "consequence",
    "responsible",
];
const OPINION: &[&str] = &[
    "think",
    "believe",
    "feel",
    "hope",
    "guess",
    "agree",
    "disagree",
    "wonderful",
    "great",
    "terrible",
    "wrong",
    "right",
    "love",
    "want",
    "wish",
    "glad",
    "proud",
    "honor",
    "pleased",
    "happy",
    "sure",
    "frankly",
    "opinion",
    "important",
    "mean",
];
const COURTESY: &[&str] = &[
    "thank",
    "thanks",
    "hello",
    "welcome",
    "evening",
    "goodnight",
    "congratulations",
    "please",
    "sorry",
    "okay",
    "ok",
    "yes",
    "no",
    "well",
    "applause",
    "laughter",
];
const BIG_NUMBER: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "percent",
    "per",
    "dozen",
];
const NUMBER_WORD: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "half",
    "third", "quarter", "twice", "double", "doubled", "triple", "tripled", "times",
];
const CHANGE: &[&str] = &[
    "increased",
    "increase",
    "decreased",
    "decrease",
    "rose",
    "risen",
    "fell",
    "fallen",
    "grew",
    "grown",
    "dropped",
    "declined",
    "cut",
    "raised",
    "lost",
    "gained",
    "created",
    "spent",
    "spend",
    "cost",
    "costs",
    "paid",
    "voted",
    "signed",
    "passed",
    "reduced",
    "tripled",
];
const RULE: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "legislation",
    "act",
    "regulation",
    "regulations",
    "policy",
    "policies",
    "ban",
    "banned",
    "illegal",
    "legal",
    "mandate",
    "treaty",
    "constitution",
    "amendment",
    "veto",
    "vetoed",
    "tax",
    "taxes",
    "budget",
    "program",
    "plan",
    "rule",
    "rules",
    "court",
    "ruled",
    "requires",
    "required",
    "prohibits",
    "allowed",
    "order",
];

/// Word classes, as bits: one lookup tells every list a word is in.
pub mod class {
    pub const FIRST_SINGULAR: u32 = 1;
    pub const FIRST_PLURAL: u32 = 1 << 1;
    pub const SECOND: u32 = 1 << 2;
    pub const COMPARATIVE: u32 = 1 << 3;
    pub const SUPERLATIVE: u32 = 1 << 4;
    pub const FUTURE: u32 = 1 << 5;
    pub const MODAL: u32 = 1 << 6;
    pub const CAUSAL: u32 = 1 << 7;
    pub const OPINION: u32 = 1 << 8;
    pub const COURTESY: u32 = 1 << 9;
    pub const BIG_NUMBER: u32 = 1 << 10;
    pub const NUMBER_WORD: u32 = 1 << 11;
    pub const CHANGE: u32 = 1 << 12;
    pub const RULE: u32 = 1 << 13;
    /// The lists of `types.rs`.
    pub const TYPE_PREDICTION: u32 = 1 << 14;
    pub const TYPE_CAUSAL: u32 = 1 << 15;
    pub const TYPE_RULE: u32 = 1 << 16;
    pub const TYPE_SUPERLATIVE: u32 = 1 << 17;
    pub const TYPE_PERSONAL: u32 = 1 << 18;
}

/// The classes of a lower-case word.
pub fn classes(word: &str) -> u32 {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u32); 19] = [
            (FIRST_SINGULAR, class::FIRST_SINGULAR),
            (FIRST_PLURAL, class::FIRST_PLURAL),
            (SECOND, class::SECOND),
            (COMPARATIVE, class::COMPARATIVE),
            (SUPERLATIVE, class::SUPERLATIVE),
            (FUTURE, class::FUTURE),
            (MODAL, class::MODAL),
            (CAUSAL, class::CAUSAL),
            (OPINION, class::OPINION),
            (COURTESY, class::COURTESY),
            (BIG_NUMBER, class::BIG_NUMBER),
            (NUMBER_WORD, class::NUMBER_WORD),
            (CHANGE, class::CHANGE),
            (RULE, class::RULE),
            (super::types::PREDICTION, class::TYPE_PREDICTION),
            (super::types::CAUSAL, class::TYPE_CAUSAL),
            (super::types::RULE, class::TYPE_RULE),
            (super::types::SUPERLATIVE, class::TYPE_SUPERLATIVE),
            (super::types::PERSONAL, class::TYPE_PERSONAL),
        ];
        let mut t: HashMap<&'static str, u32> = HashMap::new();
        for (list, bit) in lists {
            for &w in list {
                *t.entry(w).or_default() |= bit;
            }
        }
        t
    });
    table.get(word).copied().unwrap_or(0)
}

/// A word's lower-case text: the word itself when it has no capital and no typographic
/// apostrophe (most words), else a copy in `buf`.
pub fn lower_text<'b>(t: &'b str, buf: &'b mut String) -> &'b str {
    if t.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
    {
        return t;
    }
    lower(Word::Text(t), buf)
}

fn is_figure(w: Option<&Word<'_>>) -> bool {
    matches!(w, Some(Word::Number | Word::Percent | Word::Money))
}

impl Cues {
    pub fn of(sentence: &[Word<'_>]) -> Cues {
        let mut c = Cues {
            classes: 0,
            comparative: false,
            future: false,
            figures: 0,
            percent: false,
            money: false,
            year: false,
            question: false,
            capitals: 0,
            words: 0,
            bound_figure: false,
            than: false,
        };
        let mut buf = String::new();
        for (i, &w) in sentence.iter().enumerate() {
            match w {
                Word::Text(t) => {
                    c.words += 1;
                    if i > 0 && t.chars().next().is_some_and(char::is_uppercase) && t != "I" {
                        c.capitals += 1;
                    }
                    let l = lower_text(t, &mut buf);
                    let bits = classes(l);
                    c.classes |= bits;
                    let next_is_figure =
                        is_figure(sentence.get(i + 1)) || is_figure(sentence.get(i + 2));
                    if l == "than" {
                        c.than = true;
                        if next_is_figure {
                            c.bound_figure = true;
                        }
                    }
                    if bits & class::COMPARATIVE != 0 {
                        let bounds = next_is_figure
                            || sentence.get(i + 1).is_some_and(
                                |n| matches!(n, Word::Text(t) if t.eq_ignore_ascii_case("than")),
                            ) && is_figure(sentence.get(i + 2));
                        if !bounds {
                            c.comparative = true;
                        }
                    }
                    c.future |= bits & class::FUTURE != 0 || l.ends_with("'ll");
                }
                Word::Number => c.figures += 1,
                Word::Year => {
                    c.year = true;
                }
                Word::Percent => {
                    c.figures += 1;
                    c.percent = true;
                }
                Word::Money => {
                    c.figures += 1;
                    c.money = true;
                }
                Word::Question => c.question = true,
                Word::Exclamation => {}
            }
        }
        c
    }

    pub fn has(&self, bit: u32) -> bool {
        self.classes & bit != 0
    }
}

fn bucket(n: usize) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=6 => 3,
        7..=12 => 4,
        13..=20 => 5,
        21..=30 => 6,
        _ => 7,
    }
}

/// The feature indices of a sentence (sorted, without repeats).
pub fn features(sentence: &str, out: &mut Vec<u32>) {
    features_of(&words(sentence), out);
}

/// [`features`] of a sentence's words; returns their cues.
pub fn features_of(words: &[Word<'_>], out: &mut Vec<u32>) -> Cues {
    out.clear();
    let hashes = words.iter().map(|&w| word_hash(w));
    let start = mix(SEED, b"<s>");
    let end = mix(SEED, b"</s>");
    let mut prev = start;
    for h in hashes {
        out.push(finish(h ^ 0x5555));
        out.push(finish(mix(prev.rotate_left(17) ^ h, b"bi")));
        prev = h;
    }
    out.push(finish(mix(prev.rotate_left(17) ^ end, b"bi")));
    let c = Cues::of(words);
    let mut named = |name: &[u8], on: bool| {
        if on {
            out.push(finish(mix(SEED, name)));
        }
    };
    named(b"!p1s", c.has(class::FIRST_SINGULAR));
    named(b"!p1p", c.has(class::FIRST_PLURAL));
    named(b"!p2", c.has(class::SECOND));
    named(b"!cmp", c.comparative);
    named(b"!sup", c.has(class::SUPERLATIVE));
    named(b"!fut", c.future);
    named(b"!modal", c.has(class::MODAL));
    named(b"!cause", c.has(class::CAUSAL));
    named(b"!opinion", c.has(class::OPINION));
    named(b"!courtesy", c.has(class::COURTESY));
    named(b"!bignum", c.has(class::BIG_NUMBER));
    named(b"!numword", c.has(class::NUMBER_WORD));
    named(b"!change", c.has(class::CHANGE));
    named(b"!rule", c.has(class::RULE));
    named(b"!pct", c.percent);
    named(b"!money", c.money);
    named(b"!year", c.year);
    named(b"!q", c.question);
    named(b"!bound", c.bound_figure);
    named(b"!fig", c.figures > 0);
    named(b"!fig+year", c.figures > 0 && c.year);
    named(b"!fig+change", c.figures > 0 && c.has(class::CHANGE));
    named(
        b"!p1s-nofig",
        c.has(class::FIRST_SINGULAR) && c.figures == 0,
    );
    named(b"!opinion-nofig", c.has(class::OPINION) && c.figures == 0);
    out.push(finish(mix(SEED, &[b'#', b'w', bucket(c.words)])));
    out.push(finish(mix(SEED, &[b'#', b'f', bucket(c.figures)])));
    out.push(finish(mix(SEED, &[b'#', b'c', bucket(c.capitals)])));
    out.sort_unstable();
    out.dedup();
    c
}
