//! A sentence as the check-worthiness model sees it: its words (lower case, figures by
//! their shape) and the hashed features built from them. Shared by scoring and training.

/// Feature indices are hashed into `1 << BITS` weights.
pub const BITS: u32 = 17;
pub const SIZE: usize = 1 << BITS;

use super::words::{SEED, word_hash};
pub use super::words::{Word, ends_in_will, key, key_of, mix, words, words_keyed};

fn finish(h: u64) -> u32 {
    // Fold the high bits in: FNV's low bits alone are weak.
    let h = h ^ (h >> 29) ^ (h >> 47);
    (h as u32) & (SIZE as u32 - 1)
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

/// The classes of a word, by its [`key`].
pub fn classes(key: u64) -> u32 {
    use std::sync::OnceLock;
    // (key, classes) in open addressing (key 0: empty), probed from the key's low bits.
    const SLOTS: usize = 2048;
    static TABLE: OnceLock<Vec<(u64, u32)>> = OnceLock::new();
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
            (super::type_words::PREDICTION, class::TYPE_PREDICTION),
            (super::type_words::CAUSAL, class::TYPE_CAUSAL),
            (super::type_words::RULE, class::TYPE_RULE),
            (super::type_words::SUPERLATIVE, class::TYPE_SUPERLATIVE),
            (super::type_words::PERSONAL, class::TYPE_PERSONAL),
        ];
        let mut t: Vec<(u64, u32)> = lists
            .iter()
            .flat_map(|&(list, bit)| list.iter().map(move |w| (key_of(w), bit)))
            .collect();
        t.sort_unstable();
        let mut slots = vec![(0u64, 0u32); SLOTS];
        for (k, bit) in t {
            let mut i = k as usize % SLOTS;
            while slots[i].0 != 0 && slots[i].0 != k {
                i = (i + 1) % SLOTS;
            }
            slots[i] = (k, slots[i].1 | bit);
        }
        slots
    });
    if key == 0 {
        return 0;
    }
    let mut i = key as usize % SLOTS;
    loop {
        match table[i] {
            (0, _) => return 0,
            (k, bits) if k == key => return bits,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

fn is_figure(w: Option<&Word<'_>>) -> bool {
    matches!(w, Some(Word::Number | Word::Percent | Word::Money))
}

const THAN: u64 = key_of("than");

impl Cues {
    #[cfg(test)]
    pub fn of(sentence: &[Word<'_>]) -> Cues {
        let keys: Vec<u64> = sentence.iter().map(|&w| key(w)).collect();
        Cues::of_keyed(sentence, &keys)
    }

    /// [`Cues::of`] with each word's [`key`].
    pub fn of_keyed(sentence: &[Word<'_>], keys: &[u64]) -> Cues {
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
        for (i, (&w, &k)) in sentence.iter().zip(keys).enumerate() {
            match w {
                Word::Text(t) => {
                    c.words += 1;
                    if i > 0 && t.chars().next().is_some_and(char::is_uppercase) && t != "I" {
                        c.capitals += 1;
                    }
                    let bits = classes(k);
                    c.classes |= bits;
                    let next_is_figure =
                        is_figure(sentence.get(i + 1)) || is_figure(sentence.get(i + 2));
                    if k == THAN {
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
                    c.future |= bits & class::FUTURE != 0 || ends_in_will(w);
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
    let keys: Vec<u64> = words.iter().map(|&w| key(w)).collect();
    features_keyed(words, &keys, out)
}

/// [`features_of`] with each word's [`key`].
pub fn features_keyed(words: &[Word<'_>], keys: &[u64], out: &mut Vec<u32>) -> Cues {
    let hashes: Vec<u64> = words
        .iter()
        .zip(keys)
        .map(|(&w, &k)| word_hash(w, k))
        .collect();
    let c = features_unsorted(words, keys, &hashes, out);
    out.sort_unstable();
    out.dedup();
    c
}

/// The feature indices of a sentence's words, given each word's [`key`] and hash (see
/// [`words_keyed`]), in the order they are made, repeats included: [`features_keyed`]
/// without the sort.
pub fn features_unsorted(
    words: &[Word<'_>],
    keys: &[u64],
    hashes: &[u64],
    out: &mut Vec<u32>,
) -> Cues {
    out.clear();
    let hashes = hashes.iter().copied();
    let start = mix(SEED, b"<s>");
    let end = mix(SEED, b"</s>");
    let mut prev = start;
    for h in hashes {
        out.push(finish(h ^ 0x5555));
        out.push(finish(mix(prev.rotate_left(17) ^ h, b"bi")));
        prev = h;
    }
    out.push(finish(mix(prev.rotate_left(17) ^ end, b"bi")));
    let c = Cues::of_keyed(words, keys);
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
    c
}
