//! Counting the operators of a page's content stream on its bytes, in one linear pass,
//! before lopdf decodes it: lopdf builds every operation at once (a few hundred bytes
//! each), so 60 MB of `(x) Tj` would take gigabytes. The page is cut after the operator
//! that reaches the cap, and only that much is decoded.

/// Where the content of a page should end: the first `end` bytes hold the first `ops`
/// operators (all of them when `cut` is false).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub end: usize,
    pub ops: usize,
    pub cut: bool,
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The bytes of `data` that hold at most `max` operators. Strings, names, numbers,
/// arrays, dictionaries and comments are operands or nothing; every other bare word
/// (`Tj`, `'`, `BT`, …) is an operator. An inline image's data (`ID` … `EI`) is skipped.
pub(super) fn first_operators(data: &[u8], max: usize) -> Span {
    let mut ops = 0usize;
    // The end of the last operator counted.
    let mut last_end = 0usize;
    let mut i = 0usize;
    let n = data.len();
    while i < n {
        let b = data[i];
        if is_white(b) || matches!(b, b'[' | b']' | b'{' | b'}' | b'>' | b')') {
            i += 1;
        } else if b == b'%' {
            while i < n && !matches!(data[i], b'\n' | b'\r') {
                i += 1;
            }
        } else if b == b'(' {
            i = skip_string(data, i + 1);
        } else if b == b'<' {
            if data.get(i + 1) == Some(&b'<') {
                i += 2;
            } else {
                // A hex string.
                i = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(n, |p| i + p + 1);
            }
        } else {
            let start = i;
            i += 1;
            while i < n && !is_white(data[i]) && !is_delimiter(data[i]) {
                i += 1;
            }
            let word = &data[start..i];
            let operand = b == b'/'
                || b.is_ascii_digit()
                || matches!(b, b'+' | b'-' | b'.')
                || matches!(word, b"true" | b"false" | b"null");
            if operand {
                continue;
            }
            if ops == max {
                return Span {
                    end: last_end,
                    ops,
                    cut: true,
                };
            }
            ops += 1;
            if word == b"ID" {
                i = end_of_inline_image(data, i);
            }
            last_end = i;
        }
    }
    Span {
        end: n,
        ops,
        cut: false,
    }
}

/// After the `(` of a literal string at `from`: the index after its closing `)`
/// (parentheses nest; a backslash escapes the next byte).
fn skip_string(data: &[u8], from: usize) -> usize {
    let mut depth = 1usize;
    let mut i = from;
    while i < data.len() {
        match data[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    data.len()
}

/// After an inline image's `ID`: the index of its `EI` (preceded by white space and
/// followed by white space or the end), or the end of the data.
fn end_of_inline_image(data: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        let Some(p) = data[i..].windows(2).position(|w| w == b"EI") else {
            return data.len();
        };
        let at = i + p;
        let before = at > 0 && is_white(data[at - 1]);
        let after = data.get(at + 2).is_none_or(|&c| is_white(c));
        if before && after {
            return at;
        }
        i = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_operators_not_operands() {
        let page = b"BT /F1 12 Tf 72 720 Td (a (nested) \\) Tj) Tj [(b) -250 (c)] TJ <414243> Tj \
                     % comment Tj\n<< /MCID 0 >> BDC true false null ' ET";
        assert_eq!(
            first_operators(page, usize::MAX),
            Span {
                end: page.len(),
                ops: 9,
                cut: false
            }
        );
        let cut = first_operators(page, 3);
        assert_eq!((cut.ops, cut.cut), (3, true));
        assert_eq!(&page[..cut.end], b"BT /F1 12 Tf 72 720 Td");
        // An inline image's bytes are data, not operators.
        let image = b"BI /W 1 /H 1 ID \x00Tj Tj EI Q";
        assert_eq!(first_operators(image, usize::MAX).ops, 4);
        // 100,000 operators past the cap cost one pass, and only the cap is kept.
        let many = b"(x) Tj\n".repeat(100_000);
        let span = first_operators(&many, 10);
        assert_eq!((span.ops, span.cut, span.end), (10, true, 69));
    }
}
