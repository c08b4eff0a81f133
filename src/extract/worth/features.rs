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
    pub first_singular: bool,
    pub first_plural: bool,
    pub second: bool,
    pub comparative: bool,
    pub superlative: bool,
    pub future: bool,
    pub modal: bool,
    pub causal: bool,
    pub opinion: bool,
    pub courtesy: bool,
    pub big_number: bool,
    pub number_word: bool,
    pub change: bool,
    pub rule: bool,
    /// Figures: any, percentages, money, years.
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

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

impl Cues {
    pub fn of(sentence: &[Word<'_>]) -> Cues {
        let mut c = Cues {
            first_singular: false,
            first_plural: false,
            second: false,
            comparative: false,
            superlative: false,
            future: false,
            modal: false,
            causal: false,
            opinion: false,
            courtesy: false,
            big_number: false,
            number_word: false,
            change: false,
            rule: false,
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
                    let l = lower(w, &mut buf);
                    c.first_singular |= is_in(FIRST_SINGULAR, l);
                    c.first_plural |= is_in(FIRST_PLURAL, l);
                    c.second |= is_in(SECOND, l);
                    let next_is_figure = sentence
                        .get(i + 1)
                        .is_some_and(|n| matches!(n, Word::Number | Word::Percent | Word::Money))
                        || sentence.get(i + 2).is_some_and(|n| {
                            matches!(n, Word::Number | Word::Percent | Word::Money)
                        });
                    if l == "than" {
                        c.than = true;
                        if next_is_figure {
                            c.bound_figure = true;
                        }
                    }
                    if is_in(COMPARATIVE, l) {
                        let bounds = next_is_figure
                            || sentence.get(i + 1).is_some_and(
                                |n| matches!(n, Word::Text(t) if t.eq_ignore_ascii_case("than")),
                            ) && sentence.get(i + 2).is_some_and(|n| {
                                matches!(n, Word::Number | Word::Percent | Word::Money)
                            });
                        if !bounds {
                            c.comparative = true;
                        }
                    }
                    c.superlative |= is_in(SUPERLATIVE, l);
                    c.future |= is_in(FUTURE, l) || l.ends_with("'ll");
                    c.modal |= is_in(MODAL, l);
                    c.causal |= is_in(CAUSAL, l);
                    c.opinion |= is_in(OPINION, l);
                    c.courtesy |= is_in(COURTESY, l);
                    c.big_number |= is_in(BIG_NUMBER, l);
                    c.number_word |= is_in(NUMBER_WORD, l);
                    c.change |= is_in(CHANGE, l);
                    c.rule |= is_in(RULE, l);
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
    out.clear();
    let words = words(sentence);
    let hashes: Vec<u64> = words.iter().map(|&w| word_hash(w)).collect();
    let start = mix(SEED, b"<s>");
    let end = mix(SEED, b"</s>");
    let mut prev = start;
    for &h in &hashes {
        out.push(finish(h ^ 0x5555));
        out.push(finish(mix(prev.rotate_left(17) ^ h, b"bi")));
        prev = h;
    }
    out.push(finish(mix(prev.rotate_left(17) ^ end, b"bi")));
    let c = Cues::of(&words);
    let mut named = |name: &[u8], on: bool| {
        if on {
            out.push(finish(mix(SEED, name)));
        }
    };
    named(b"!p1s", c.first_singular);
    named(b"!p1p", c.first_plural);
    named(b"!p2", c.second);
    named(b"!cmp", c.comparative);
    named(b"!sup", c.superlative);
    named(b"!fut", c.future);
    named(b"!modal", c.modal);
    named(b"!cause", c.causal);
    named(b"!opinion", c.opinion);
    named(b"!courtesy", c.courtesy);
    named(b"!bignum", c.big_number);
    named(b"!numword", c.number_word);
    named(b"!change", c.change);
    named(b"!rule", c.rule);
    named(b"!pct", c.percent);
    named(b"!money", c.money);
    named(b"!year", c.year);
    named(b"!q", c.question);
    named(b"!bound", c.bound_figure);
    named(b"!fig", c.figures > 0);
    named(b"!fig+year", c.figures > 0 && c.year);
    named(b"!fig+change", c.figures > 0 && c.change);
    named(b"!p1s-nofig", c.first_singular && c.figures == 0);
    named(b"!opinion-nofig", c.opinion && c.figures == 0);
    out.push(finish(mix(SEED, &[b'#', b'w', bucket(c.words)])));
    out.push(finish(mix(SEED, &[b'#', b'f', bucket(c.figures)])));
    out.push(finish(mix(SEED, &[b'#', b'c', bucket(c.capitals)])));
    out.sort_unstable();
    out.dedup();
}
