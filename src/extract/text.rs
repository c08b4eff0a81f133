//! Paragraphs, sentences and word tokens, all as byte offsets into the article text.

use super::lexicon::{self, char_at};
use super::quotes::Quote;

/// A word or a punctuation mark. `quoted` is true inside a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    pub quoted: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Non-empty lines, trimmed, as (start, end) byte ranges. News text puts one paragraph
/// (or headline) on a line.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push((pos + lead, pos + lead + trimmed.len()));
        }
        pos += line.len() + 1;
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Split `text[start..end]` into tokens. Words keep inner apostrophes, hyphens and dots
/// ("don't", "densely-populated", "U.S."); a known abbreviation or an initial keeps its
/// final dot ("Mr.", "J.") so that a name is one phrase.
pub fn tokenize(text: &str, start: usize, end: usize, quotes: &[Quote]) -> Vec<Token> {
    let s = &text[start..end];
    let mut tokens = Vec::with_capacity((end - start) / 5 + 1);
    let mut i = 0;
    let mut qi = 0;
    while let Some(c) = char_at(s, i) {
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let tok_start = start + i;
        let mut tok_end = tok_start + clen;
        let word = is_word_char(c);
        // Where the next token may start: after every char the token took.
        let mut j = i + clen;
        if word {
            while let Some(d) = char_at(s, j) {
                let dlen = d.len_utf8();
                if is_word_char(d) {
                    j += dlen;
                    tok_end = start + j;
                    continue;
                }
                // Inner joiners: keep only when a word character follows.
                if d == '-' || d == '.' || is_apostrophe(d) || d == '&' {
                    if char_at(s, j + dlen).is_some_and(is_word_char) {
                        j += dlen;
                        tok_end = start + j;
                        continue;
                    }
                    if d == '.' && lexicon::keeps_dot(&text[tok_start..tok_end]) {
                        j += 1;
                        tok_end = start + j;
                    }
                }
                break;
            }
        }
        i = j;
        while qi < quotes.len() && quotes[qi].end <= tok_start {
            qi += 1;
        }
        let quoted = qi < quotes.len()
            && quotes[qi].inner_start <= tok_start
            && tok_end <= quotes[qi].inner_end;
        tokens.push(Token {
            start: tok_start,
            end: tok_end,
            word,
            quoted,
        });
    }
    tokens
}

/// Sentences of one paragraph as byte ranges. A sentence ends at `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by a capital, a digit or an opening quote, but not
/// inside a quotation (a quote that runs over sentences stays whole) nor after an
/// abbreviation or an initial.
pub fn sentences(text: &str, para: (usize, usize), quotes: &[Quote]) -> Vec<(usize, usize)> {
    let (pstart, pend) = para;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut sent_start = pstart;
    let mut qi = 0;
    let mut i = pstart;
    while i < pend {
        // Only `;`, `.`, `!`, `?` and `…` (lead byte 0xE2) can end a sentence: skip the
        // bytes between them (all other work below is for those chars).
        match bytes[i..pend]
            .iter()
            .position(|&b| matches!(b, b';' | b'.' | b'!' | b'?' | 0xE2))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        while qi < quotes.len() && quotes[qi].end <= i {
            qi += 1;
        }
        let in_quote = qi < quotes.len() && quotes[qi].open <= i && i < quotes[qi].end;
        // "She spoke about X; she called Y; and she addressed Z": clauses joined by a
        // semicolon are read one by one, each with its own frame.
        if c == ';' && !in_quote && i - sent_start >= 24 {
            let k = i + clen;
            let k = k + (text[k..pend].len() - text[k..pend].trim_start().len());
            if pend - k >= 24 {
                out.push((sent_start, i + clen));
                sent_start = k;
                i = k;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            // Extend over closing marks: `."`, `.)`, `?”`.
            let mut j = i + clen;
            while j < pend {
                let d = match text[j..].chars().next() {
                    Some(d) => d,
                    None => break,
                };
                if matches!(
                    d,
                    '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '.' | '!' | '?'
                ) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // A quote that closes right here ends with the sentence.
            let quote_ends_here = in_quote && qi < quotes.len() && quotes[qi].end <= j;
            let space_after = text[j..pend]
                .chars()
                .next()
                .is_some_and(char::is_whitespace);
            if (!in_quote || quote_ends_here) && space_after {
                let k = j + (text[j..pend].len() - text[j..pend].trim_start().len());
                let next = text[k..].chars().next();
                let starts_sentence = next.is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || lexicon::is_open_quote(n) || n == '('
                });
                if starts_sentence && !ends_with_abbreviation(text, sent_start, i) {
                    out.push((sent_start, j));
                    sent_start = k;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += clen;
    }
    if sent_start < pend {
        out.push((sent_start, pend));
    }
    out
}

/// Is the word just before the dot at `dot` an abbreviation ("Mr", "Sen", "U.S") or initial?
fn ends_with_abbreviation(text: &str, from: usize, dot: usize) -> bool {
    let before = &text[from..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    !word.is_empty() && lexicon::keeps_dot(word)
}
