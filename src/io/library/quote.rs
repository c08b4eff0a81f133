//! The words a fact-check quotes, for the pair scorer (`pair.rs`). A fact-check that
//! quotes words ("said there should be 'some form of punishment'", "called it the 'gold
//! standard'") rules on those words; a claim that holds them is very likely the assertion
//! it examines, where a claim sharing only the topic's words is not. A quoted run in which
//! every word but the small ones is capitalised ('Make America Great Again', 'Walk of
//! Fame') is a name, a slogan or a title, not words said, and does not count.

use super::normalise::{is_stop_word, terms};
use super::runs::{common_runs, phrase_words};

/// The longest quotation read, in bytes (a longer run between two quote marks is most
/// likely two apostrophes, not a quotation).
const MAX_QUOTE: usize = 240;

/// The share of a quotation's idf mass a claim must write to quote it.
const QUOTE_SHARE: f32 = 2.0 / 3.0;

/// The fewest terms (words that are not stop words) of a quotation of words said: one word
/// in quotes is most often a scare quote or a term ('partying', 'weak', 'birther'), whose
/// being in a claim says little of what the claim asserts.
const QUOTED_TERMS: usize = 2;

/// The quotations of `text`: the runs between an opening quote mark (at the start or after
/// a space or bracket, before a letter or digit) and its closing mark (of the same kind,
/// single or double, after a non-space and before the end, a space or punctuation). An
/// apostrophe inside a word ("didn't") opens and closes nothing.
pub fn quotations(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let kind = |c: char| match c {
        '"' | '“' | '”' => Some(2),
        '\'' | '‘' | '’' => Some(1),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let opens = kind(c).is_some()
            && (i == 0 || chars[i - 1].1.is_whitespace() || "([{—–-/".contains(chars[i - 1].1))
            && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if !opens {
            i += 1;
            continue;
        }
        let start = at + c.len_utf8();
        let close = (i + 1..chars.len()).find(|&j| {
            kind(chars[j].1) == kind(c)
                && !chars[j - 1].1.is_whitespace()
                && chars.get(j + 1).is_none_or(|(_, n)| !n.is_alphanumeric())
        });
        match close {
            Some(j) if chars[j].0 - start <= MAX_QUOTE => {
                out.push(&text[start..chars[j].0]);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A quoted run that is a name, a slogan or a title: every word that is not a stop word
/// capitalised.
fn is_name(quote: &str) -> bool {
    let mut words = quote
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !is_stop_word(&w.to_lowercase()))
        .peekable();
    words.peek().is_some() && words.all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// How much of what the review quotes the claim writes word for word: of the longest run
/// of a quotation's words that is a run of `claim`'s words (as [`phrase_words`] reads
/// them, with [`QUOTED_TERMS`] terms or more in it), the share of the quotation's idf
/// mass, when it is [`QUOTE_SHARE`] or more; the best quotation's; 0 when the claim
/// writes no such run of a quotation of words said (not a name). In order and most of it:
/// a claim sharing a scare quote's words ("Muslims are terrorists" for 'Muslim
/// terrorist') or a common phrase of a longer quotation does not quote it; most of a quote
/// ("didn't lose a single person" of 'we didn't lose a single person in Ruritania') does.
pub fn quote_found(review_claim: &str, claim: &[String], idf: impl Fn(&str) -> f32) -> f32 {
    let mut best = 0.0f32;
    for q in quotations(review_claim) {
        if is_name(q) {
            continue;
        }
        let said = phrase_words(q);
        let run = common_run(&said, claim);
        let ts = terms(&run.join(" "));
        if ts.len() < QUOTED_TERMS {
            continue;
        }
        let all: f32 = terms(q).iter().map(|t| idf(t)).sum();
        let said: f32 = ts.iter().map(|t| idf(t)).sum();
        if all > 0.0 && said / all >= QUOTE_SHARE {
            best = best.max(said / all);
        }
    }
    best
}

/// The longest run of `a`'s words that is also a run of `b`'s (the first found of the
/// longest). Quadratic in the two lengths: a quotation is at most [`MAX_QUOTE`] bytes, and
/// a claim's words are at most `runs::PHRASE_SCAN`.
fn common_run<'a>(a: &'a [String], b: &[String]) -> &'a [String] {
    let (mut best, mut end) = (0, 0);
    common_runs(a, b, |i, n| {
        if n > best {
            (best, end) = (n, i);
        }
    });
    &a[end - best..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        phrase_words(text)
    }

    #[test]
    fn quotations_are_read_between_marks_of_a_kind_not_apostrophes() {
        assert_eq!(
            quotations("Roe said there should be 'some form of reward' for it."),
            ["some form of reward"]
        );
        assert_eq!(
            quotations("Roe said that 'we didn't lose a single person' there"),
            ["we didn't lose a single person"]
        );
        assert_eq!(
            quotations("Roe called it “the gold standard” and \"a deal.\""),
            ["the gold standard", "a deal."]
        );
        // Apostrophes inside or after a word open nothing.
        assert!(quotations("Roe's staff didn't read Doe' notes").is_empty());
    }

    #[test]
    fn a_name_in_quotes_is_no_quotation_of_words_said() {
        assert!(is_name("Make Ruritania Great Again"));
        assert!(is_name("Walk of Fame"));
        assert!(!is_name("some form of reward"));
    }

    #[test]
    fn most_of_a_quotation_written_word_for_word_is_found() {
        let idf = |_: &str| 5.0;
        let review = "Jane Roe said that 'we didn't lose a single person in Ruritania'.";
        let f = |claim: &str| quote_found(review, &words(claim), idf);
        // Four of the five terms, in order: found.
        assert!(f("Yes, and we didn't lose a single person, Roe said") > 0.7);
        // The same words out of order, or too little of the quotation: not found.
        assert_eq!(f("a single person did not lose"), 0.0);
        assert_eq!(f("the person from Ruritania"), 0.0);
        // A quoted name or a one-word scare quote counts for nothing.
        let named = "Roe wore a 'Make Ruritania Great Again' hat";
        assert_eq!(
            quote_found(named, &words("make Ruritania great again"), idf),
            0.0
        );
        let scare = "Roe's staff were 'partying' during the shutdown";
        assert_eq!(
            quote_found(scare, &words("the staff were partying"), idf),
            0.0
        );
    }
}
