//! Headline and transcript colons: "…: Speaker" and "Speaker: …".

use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};

/// "Content: Speaker" or "Speaker: \"content\"" on a headline or subheading.
pub(super) fn headline(s: &Sentence, heading: bool) -> Option<Frame> {
    let n = s.toks.len();
    let colon = (0..n)
        .rev()
        .find(|&i| s.is_punct(i, ":") && !s.toks[i].quoted)?;
    // "… [File: Reuters]", "(Photo: AP)": a picture's credit inside brackets, not a speaker.
    let bracketed = (0..colon).rev().find_map(|i| match s.word(i) {
        "[" | "(" => Some(true),
        "]" | ")" => Some(false),
        _ => None,
    });
    if bracketed == Some(true) {
        return None;
    }
    let right_words: Vec<usize> = (colon + 1..n).filter(|&i| s.toks[i].word).collect();
    let left = s.trim(0, colon);
    // "… : White House"
    if heading
        && !right_words.is_empty()
        && right_words.len() <= 5
        && (right_words.iter().all(|&i| s.capitalised(i))
            || right_words.len() <= 3
                && right_words
                    .last()
                    .is_some_and(|&i| lex::is_body_head(s.word(i))))
        && !(colon + 1..n).any(|i| s.toks[i].quoted)
        // "…: It's Going To Be OK" is a title-case statement, not a name.
        && !right_words.iter().any(|&i| {
            is_title_case_function_word(s.word(i))
                || lex::is_pronoun(s.word(i))
                || s.word(i).contains(['\'', '\u{2019}'])
        })
        && let Some((a, b)) = left
    {
        let last = *right_words.last()?;
        return Some(Frame {
            content: vec![strip_quotes(s, a, b)],
            cue: ":".into(),
            mention: Some(s.span(right_words[0], last + 1)),
            headline: true,
            continues: false,
            announces: false,
        });
    }
    // "Speaker: \"…\""
    let left_words = (0..colon).filter(|&i| s.toks[i].word).count();
    // "Q:" and "A:" mark an interview's question and answer, not a named speaker.
    let single_letter = colon == 1 && s.word(0).chars().count() == 1;
    let left_is_name = !lex::is_gerund(s.word(0))
        && !single_letter
        && (heading || right_words.len() >= 3)
        && (0..colon).all(|i| s.toks[i].word && s.capitalised(i) && !s.toks[i].quoted)
        // "Stealth Over Health: …": a title-case function word makes it a title.
        && !(1..colon).any(|i| is_title_case_function_word(s.word(i)))
        && !lex::is_headline_label(s.word(0));
    // Without a quotation on the right, "The Ninth Circle: …" is a title, not a speaker.
    // And a list of names ("Nevada: Adam Khan, Ana Ruiz, …") is not something said: a
    // statement has a lower-case word (a verb) somewhere.
    let says_something = (colon + 1..n).any(|i| s.is_free_word(i) && !s.capitalised(i));
    let short_name = left_words <= 3 && !s.is(0, "the") && (heading || says_something);
    // "Mayor to Dockers: the strike must end", "Roe on the Budget: \"…\"": a name, then
    // whom or what it is about.
    if heading
        && let Some(t) = (1..colon.min(4)).find(|&i| {
            ["to", "on"]
                .iter()
                .any(|w| s.word(i).eq_ignore_ascii_case(w))
        })
        && (0..t).all(|i| {
            s.is_free_word(i) && s.capitalised(i) && !is_title_case_function_word(s.word(i))
        })
        && !lex::is_headline_label(s.word(0))
        && (s.opens_quote(colon + 1) || right_words.len() >= 3)
        && let Some((a, b)) = s.trim(colon + 1, n)
    {
        return Some(Frame {
            content: vec![strip_quotes(s, a, b)],
            cue: ":".into(),
            mention: Some(s.span(0, t)),
            headline: true,
            continues: false,
            announces: false,
        });
    }
    if left_words > 0 && left_is_name && (s.opens_quote(colon + 1) || short_name) {
        let (a, b) = s.trim(colon + 1, n)?;
        return Some(Frame {
            content: vec![strip_quotes(s, a, b)],
            cue: ":".into(),
            mention: Some(s.span(0, colon)),
            headline: true,
            continues: false,
            announces: false,
        });
    }
    None
}

/// Function words that a name never capitalises but a title-case headline does.
fn is_title_case_function_word(word: &str) -> bool {
    matches!(
        word,
        "Over"
            | "For"
            | "To"
            | "In"
            | "On"
            | "With"
            | "At"
            | "By"
            | "From"
            | "And"
            | "The"
            | "A"
            | "An"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Or"
            | "But"
            | "Into"
            | "About"
    )
}
