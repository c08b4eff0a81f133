//! One sentence with its tokens, and the token-level questions every rule asks of it.

use super::Quote;
use super::Token;

/// One sentence with its tokens and the quotations that touch it.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub quotes: &'a [Quote],
}

impl Sentence<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.word && t.text(self.text) == p)
    }

    pub(super) fn is_free_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word && !t.quoted)
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Is token `i` an opening quotation mark?
    pub(super) fn opens_quote(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.quote_opening_at(t.start).is_some())
    }

    /// The quotation whose opening mark is at byte `at` (quotes are sorted, disjoint).
    pub(super) fn quote_opening_at(&self, at: usize) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.open < at);
        self.quotes.get(i).filter(|q| q.open == at)
    }

    /// Is token `i` a closing quotation mark?
    pub(super) fn closes_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let j = self.quotes.partition_point(|q| q.end <= t.start);
            self.quotes
                .get(j)
                .is_some_and(|q| q.closed && q.inner_end <= t.start && t.start < q.end)
        })
    }

    pub(super) fn is_comma_like(&self, i: usize) -> bool {
        self.is_punct(i, ",") || self.is_punct(i, ";") || self.closes_quote(i) || self.is_dash(i)
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "—" | "–" | "--")
    }

    pub(super) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    /// Tokens `a..b` without trailing sentence punctuation and commas outside quotes, and
    /// without a leading comma or colon.
    pub(super) fn trim(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b && !self.toks[a].word && !self.opens_quote(a) {
            a += 1;
        }
        while b > a {
            let t = &self.toks[b - 1];
            if t.word || self.closes_quote(b - 1) || t.quoted {
                break;
            }
            b -= 1;
        }
        let words = self.toks[a..b].iter().filter(|t| t.word).take(2).count();
        (words >= 2 || (words >= 1 && self.opens_quote(a))).then_some((a, b))
    }
}

/// Byte span of tokens `a..b`.
pub(super) fn content_span(s: &Sentence, a: usize, b: usize) -> (usize, usize) {
    s.span(a, b)
}

/// Byte span of tokens `a..b`, without the outer quotation marks when one quotation is the
/// whole of it, and without a comma left inside the closing mark.
pub(super) fn strip_quotes(s: &Sentence, a: usize, b: usize) -> (usize, usize) {
    let (start, end) = s.span(a, b);
    if let Some(q) = s.quote_opening_at(start)
        && q.inner_end <= end
        && end <= q.end
    {
        let inner = &s.text[q.inner_start..q.inner_end];
        let trimmed = inner.trim_end_matches([',', ' ']).trim_end();
        let lead = inner.len() - inner.trim_start().len();
        if trimmed.len() > lead {
            return (q.inner_start + lead, q.inner_start + trimmed.len());
        }
    }
    (start, end)
}
