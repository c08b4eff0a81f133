//! Quotation spans of one paragraph, straight or typographic, double or single.
//!
//! One left-to-right pass. Only top-level quotations are returned: single quotes inside a
//! double quotation are part of it. Unbalanced marks are recovered locally: a double
//! quotation still open at the end of its paragraph ends there (the news convention for a
//! quote running over paragraphs), a new opening mark while one is open closes the first
//! just before it, and an unclosed single quote is taken for an apostrophe.

use super::lexicon::char_at;

/// A quotation: `open` is the byte of the opening mark, `inner_start..inner_end` the quoted
/// words, `end` the byte after the closing mark (or the paragraph end when unclosed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    pub end: usize,
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

pub fn find_quotes(text: &str, para: (usize, usize)) -> Vec<Quote> {
    let (pstart, pend) = para;
    let s = &text[pstart..pend];
    let mut out = Vec::new();
    // (mark, byte of the opening mark, byte after it)
    let mut open: Option<(Mark, usize, usize)> = None;
    let mut prev: Option<char> = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Plain ASCII other than `"` and `'` is never a quote mark: skip it at once, and
        // remember its last char as the one before the next mark.
        let skip = bytes[i..]
            .iter()
            .position(|&b| b == b'"' || b == b'\'' || b >= 0x80)
            .unwrap_or(bytes.len() - i);
        if skip > 0 {
            i += skip;
            prev = Some(bytes[i - 1] as char);
            if i >= bytes.len() {
                break;
            }
        }
        let Some(c) = char_at(s, i) else {
            break;
        };
        let at = pstart + i;
        let mut after = at + c.len_utf8();
        i += c.len_utf8();
        let mut next = char_at(s, i);
        // Two apostrophes stand for a double quotation mark in some wire and archive text.
        let c = if c == '\'' && next == Some('\'') {
            i += 1;
            after += 1;
            next = char_at(s, i);
            '"'
        } else {
            c
        };
        if !super::lexicon::is_quote_mark(c) {
            prev = Some(c);
            continue;
        }
        let prev_space = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
        });
        let next_space = next.is_none_or(|n| {
            n.is_whitespace()
                || matches!(
                    n,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–'
                )
        });
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
                if let Some((Mark::Double, o, i0)) = open {
                    // A second opening mark: the first quotation lost its closing mark.
                    out.push(unclosed(o, i0, at));
                }
                open = Some((Mark::Double, at, after));
            }
            '\u{201D}' | '\u{00BB}' => {
                if let Some((_, o, i0)) = open {
                    out.push(closed(o, i0, at, after));
                    open = None;
                }
            }
            '"' => match open {
                Some((Mark::Double, o, i0)) if !prev_space || next_space => {
                    out.push(closed(o, i0, at, after));
                    open = None;
                }
                Some((Mark::Double, o, i0)) => {
                    // Looks like an opening mark while one is open: recover.
                    out.push(unclosed(o, i0, at));
                    open = Some((Mark::Double, at, after));
                }
                Some((Mark::Single, ..)) | None => {
                    if !next_space || prev_space {
                        open = Some((Mark::Double, at, after));
                    }
                }
            },
            '\u{2018}' if open.is_none() => {
                open = Some((Mark::Single, at, after));
            }
            '\'' | '\u{2019}' => {
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                match open {
                    Some((Mark::Single, o, i0)) if !inside_word && !prev_space && next_space => {
                        out.push(closed(o, i0, at, after));
                        open = None;
                    }
                    None if c == '\'' && prev_space && next.is_some_and(char::is_alphanumeric) => {
                        open = Some((Mark::Single, at, after));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((Mark::Double, o, i0)) = open {
        out.push(unclosed(o, i0, pend));
    }
    out
}

fn closed(open: usize, inner_start: usize, close: usize, end: usize) -> Quote {
    Quote {
        open,
        inner_start,
        inner_end: close,
        end,
        closed: true,
    }
}

fn unclosed(open: usize, inner_start: usize, end: usize) -> Quote {
    let inner_end = end.max(inner_start);
    Quote {
        open,
        inner_start,
        inner_end,
        end: inner_end,
        closed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_quotes(text, (0, text.len()))
            .iter()
            .map(|q| &text[q.inner_start..q.inner_end])
            .collect()
    }

    #[test]
    fn straight_and_typographic() {
        assert_eq!(inner(r#""We will win," he said."#), vec!["We will win,"]);
        assert_eq!(inner("“We will win,” he said."), vec!["We will win,"]);
        assert_eq!(inner("'Israel' would invade"), vec!["Israel"]);
        assert_eq!(inner("''We will,'' he said."), vec!["We will,"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Hamas' ability and the group's plan, don't").is_empty());
        assert_eq!(
            inner("“It's Hamas' fault,” she said"),
            vec!["It's Hamas' fault,"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            inner(r#""He said 'no' twice," she said."#),
            vec!["He said 'no' twice,"]
        );
    }

    #[test]
    fn unbalanced_recovers_locally() {
        // Unclosed at the end of the paragraph: runs to the end.
        assert_eq!(inner(r#"He said: "we will go on"#), vec!["we will go on"]);
        // A second opening mark closes the first.
        assert_eq!(inner("“one “two” three"), vec!["one ", "two"]);
    }
}
