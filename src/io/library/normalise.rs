//! Text to search terms, for the reviews of the library and the queries alike.
//!
//! Queries are often posts from social media, so [`query_text`] first takes what only
//! gets in the way: links (`https://…`, `t.co/…`, `pic.twitter.com/…`, `www.…`), the
//! `@` of handles and the `#` of hashtags (`#CamelCaseTag` and `@JaneRoe` become words:
//! "camel case tag", "jane roe"). The trailing signature of an embedded post
//! ("— Jane Roe (@janeroe) August 26, 2019") keeps the author's display name and the month
//! and year, which fact-checks often name, and drops the handle and day.
//!
//! [`terms`] then lowercases, splits on anything that is not a letter or a digit (emoji
//! and symbols go), drops English stop words and stems lightly ([`stem`]): plurals,
//! possessives, `-ing`, `-ed` and a final `e`, so that "removed", "removes", "remove" and
//! "removing" meet. A word is kept to its first [`MAX_WORD_CHARS`] characters, so that
//! the work a term takes later (its pieces, its 4-grams) is bounded whatever the input.

/// Query text of a social-media post (or any text): see the module documentation.
pub fn query_text(raw: &str) -> String {
    let (body, signature) = split_signature(raw);
    let mut out = String::with_capacity(raw.len() + 16);
    for word in body.split_whitespace() {
        push_word(&mut out, word);
    }
    if let Some(sig) = signature {
        out.push(' ');
        out.push_str(&sig);
    }
    out
}

/// One whitespace-separated piece of a post: links dropped (also when glued to the word
/// before, "tag#https://t.co/x"), handles and hashtags split into words.
fn push_word(out: &mut String, word: &str) {
    let word = cut_link(word);
    if word.is_empty() {
        return;
    }
    let mut rest = word;
    while let Some(pos) = rest.find(['#', '@']) {
        out.push_str(&rest[..pos]);
        out.push(' ');
        let tail = &rest[pos + 1..];
        let end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        split_camel(out, &tail[..end]);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.push(' ');
}

/// `word` up to where a link starts in it (all of it when it has none).
fn cut_link(word: &str) -> &str {
    let lower = word.to_ascii_lowercase();
    let starts = ["http://", "https://", "pic.twitter.com/", "t.co/", "www."];
    let cut = starts
        .iter()
        .filter_map(|s| lower.find(s))
        .filter(|&i| word.is_char_boundary(i))
        .min();
    match cut {
        Some(i) => &word[..i],
        None => word,
    }
}

/// "CamelCaseTag2020" → "Camel Case Tag 2020", "NHC_Atlantic" → "NHC Atlantic".
fn split_camel(out: &mut String, tag: &str) {
    let chars: Vec<char> = tag.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push(' ');
            continue;
        }
        if i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase() && c.is_uppercase() && next_lower)
                || (prev.is_alphabetic() && c.is_ascii_digit())
                || (prev.is_ascii_digit() && c.is_alphabetic());
            if boundary {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out.push(' ');
}

/// The body of a post and what its signature keeps ("Jane Roe August 2019"): the
/// signature is a dash, a display name, `(@handle)` and optionally "Month D, YYYY", at
/// the end of the text.
fn split_signature(raw: &str) -> (&str, Option<String>) {
    let Some(open) = raw.rfind("(@") else {
        return (raw, None);
    };
    let Some(close) = raw[open..].find(')').map(|i| open + i) else {
        return (raw, None);
    };
    let handle = &raw[open + 2..close];
    if handle.is_empty() || !handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return (raw, None);
    }
    // The date, if any, is all that follows the handle.
    let after: Vec<&str> = raw[close + 1..].split_whitespace().collect();
    let date = match after.as_slice() {
        [] => None,
        [month, day, year]
            if crate::extract::syntax::MONTHS.contains(&month.to_lowercase().as_str())
                && day
                    .trim_end_matches(',')
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit()) =>
        {
            Some(format!("{month} {year}"))
        }
        [month] if crate::extract::syntax::MONTHS.contains(&month.to_lowercase().as_str()) => None,
        _ => return (raw, None),
    };
    // The display name runs back to the last dash before the handle.
    let head = &raw[..open];
    let Some(dash) = head.rfind(['—', '–']) else {
        return (raw, None);
    };
    let name = head[dash..].trim_start_matches(['—', '–']).trim();
    let mut kept = String::new();
    split_words_of_name(&mut kept, name);
    if let Some(date) = date {
        kept.push(' ');
        kept.push_str(&date);
    }
    (&raw[..dash], Some(kept))
}

fn split_words_of_name(out: &mut String, name: &str) {
    for word in name.split_whitespace() {
        push_word(out, word);
    }
}

/// English function words that carry no topic.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "amp", "an", "and", "any", "are", "as",
    "at", "be", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do",
    "does", "don", "done", "down", "each", "few", "for", "from", "had", "has", "have", "having",
    "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may",
    "me", "might", "more", "most", "must", "my", "no", "not", "now", "of", "off", "on", "only",
    "or", "other", "our", "out", "over", "own", "rt", "s", "same", "shall", "she", "should", "so",
    "some", "such", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "too", "under", "up", "us", "very", "via", "was", "we", "were", "what",
    "when", "where", "which", "who", "whom", "whose", "why", "will", "with", "would", "you",
    "your",
];

pub(super) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The longest term: a longer word (no English word, a hashtag run together, a line of
/// letters) is cut to its first this many characters, in the library and in queries alike.
pub const MAX_WORD_CHARS: usize = 64;

/// The search terms of `text`, in order (repeats kept); each at most [`MAX_WORD_CHARS`].
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    // Characters in `word` (lowercasing may give more than one per character read).
    let mut letters = 0usize;
    let mut chars = text.chars().peekable();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        let w = word.strip_suffix("'s").unwrap_or(word);
        if !w.is_empty() && !is_stop_word(w) {
            out.push(stem(w));
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                if letters < MAX_WORD_CHARS {
                    word.push(lower);
                    letters += 1;
                }
            }
        } else if (c == '\'' || c == '’') && !word.is_empty() {
            // An apostrophe inside a word ("don't", "Trump's") keeps it whole.
            if chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                if letters < MAX_WORD_CHARS {
                    word.push('\'');
                    letters += 1;
                }
            } else {
                flush(&mut word, &mut out);
                letters = 0;
            }
        } else {
            flush(&mut word, &mut out);
            letters = 0;
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A light English stemmer: plurals, `-ing`, `-ed`, a doubled final consonant they leave
/// ("shopped" → "shop") and a final `e` ("remove" → "remov").
pub fn stem(word: &str) -> String {
    let mut w: String = word.to_owned();
    if w.chars().count() <= 3 || !w.is_ascii() {
        return w;
    }
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 3
            && base.contains(['a', 'e', 'i', 'o', 'u', 'y'])
        {
            let mut base = base.to_owned();
            let b = base.as_bytes();
            let n = b.len();
            if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
                base.pop();
            }
            w = base;
            break;
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn posts_lose_links_handles_and_signature_day() {
        let q = query_text(
            "Wow #AustralianFires via @JaneRoe pic.twitter.com/0eJtw and https://t.co/x \
             — Center for Bio (@CenterBio) January 14, 2020",
        );
        let t = terms(&q);
        assert_eq!(
            t,
            [
                "wow",
                "australian",
                "fire",
                "jane",
                "roe",
                "center",
                "bio",
                "january",
                "2020"
            ]
        );
    }

    #[test]
    fn glued_links_and_tags_are_cut() {
        let t = terms(&query_text("#DefundTheCBChttps://t.co/Cs2 Home Alone"));
        assert_eq!(t, ["defund", "cbc", "home", "alon"]);
    }

    #[test]
    fn text_without_signature_is_kept() {
        assert_eq!(terms(&query_text("a (@x) b c d")), ["x", "b", "c", "d"]);
        assert_eq!(terms("Trump’s wall, 😀 built!"), ["trump", "wall", "built"]);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "É".repeat(10_000);
        let t = terms(&format!("a {long} b'{long} c"));
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0], "é".repeat(MAX_WORD_CHARS));
        assert_eq!(t[1].chars().count(), MAX_WORD_CHARS);
        assert_eq!(t[2], "c");
    }

    #[test]
    fn stemming_joins_forms() {
        for w in ["removed", "removes", "remove", "removing"] {
            assert_eq!(stem(w), "remov", "{w}");
        }
        assert_eq!(stem("photoshopped"), "photoshop");
        assert_eq!(stem("stories"), "story");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("crisis"), "crisis");
    }
}
