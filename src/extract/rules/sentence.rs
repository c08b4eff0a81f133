//! One sentence with its tokens, and the token-level questions every rule asks of it.

use super::super::syntax::{self, Chunk, Tag, Tagged};
use super::Quote;
use super::Token;
use super::lex;
use std::cell::RefCell;
use std::rc::Rc;

/// One sentence with its tokens and the quotations that touch it; part-of-speech tags on
/// demand ([`Sentence::window`]).
pub struct Sentence<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub quotes: &'a [Quote],
    /// The windows tagged so far, by token range: the rules ask for the same window
    /// several times (a cue's speaker phrase, its subject, its content's end), and
    /// tagging is most of their cost.
    windows: RefCell<Vec<TaggedWindow>>,
    /// Read a dependency parse where the rules over tags find no frame
    /// (`extract::Options::parse`).
    pub parse: bool,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str, toks: Vec<Token>, quotes: &'a [Quote]) -> Self {
        Sentence {
            text,
            toks,
            quotes,
            windows: RefCell::new(Vec::new()),
            parse: false,
        }
    }

    /// The first `n` tokens as a sentence of their own (an opening clause).
    pub(super) fn prefix(&self, n: usize) -> Sentence<'a> {
        let mut s = Sentence::new(
            self.text,
            self.toks[..n.min(self.toks.len())].to_vec(),
            self.quotes,
        );
        s.parse = self.parse;
        s
    }

    /// Tags and noun phrases of tokens `a..b` read with a few tokens of context on each
    /// side. The tagger looks two tokens around each word, so a window tags its middle as
    /// the whole sentence would, at a fraction of the cost: most sentences never need it.
    /// Asking again for the same tokens gives the same window, tagged once.
    pub(super) fn window(&self, a: usize, b: usize) -> Rc<Window> {
        let lo = a.saturating_sub(CONTEXT);
        let hi = (b + CONTEXT).min(self.toks.len());
        if let Some((_, w)) = self.windows.borrow().iter().find(|(r, _)| *r == (lo, hi)) {
            return Rc::clone(w);
        }
        let toks = &self.toks[lo..hi];
        let tagged = syntax::tag(self.text, toks);
        let chunks = syntax::noun_phrases(self.text, toks, &tagged);
        let w = Rc::new(Window { lo, tagged, chunks });
        self.windows.borrow_mut().push(((lo, hi), Rc::clone(&w)));
        w
    }

    /// The form of "be" before token `k`, over fillers ("was also quoted", "is once again
    /// calling"): its index, if there is one.
    pub(super) fn be_before(&self, k: usize) -> Option<usize> {
        let mut be = k;
        while be > 0
            && self.is_free_word(be - 1)
            && lex::is_filler(self.word(be - 1))
            && !lex::is_be_form(self.word(be - 1))
        {
            be -= 1;
        }
        (be > 0 && lex::is_be_form(self.word(be - 1))).then(|| be - 1)
    }

    /// Token indices covering byte span `(a, b)`.
    pub(super) fn tokens_of(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let first = self.toks.partition_point(|t| t.start < a);
        let last = self.toks.partition_point(|t| t.end <= b);
        (first, last.max(first))
    }
}

/// A window tagged already, by the token range it covers.
type TaggedWindow = ((usize, usize), Rc<Window>);

/// Tokens of context on each side of a tagged window.
const CONTEXT: usize = 3;

/// Tags and chunks of part of a sentence; indices are the sentence's.
pub(super) struct Window {
    lo: usize,
    tagged: Tagged,
    chunks: Vec<Chunk>,
}

impl Window {
    pub(super) fn tag(&self, i: usize) -> Option<Tag> {
        self.tagged.tags.get(i.checked_sub(self.lo)?).copied()
    }

    pub(super) fn is_possessive(&self, i: usize) -> bool {
        i.checked_sub(self.lo)
            .is_some_and(|j| self.tagged.is_possessive(j))
    }

    pub(super) fn is_negated(&self, i: usize) -> bool {
        i.checked_sub(self.lo)
            .is_some_and(|j| self.tagged.is_negated(j))
    }

    /// The noun phrase that holds token `i`, if any.
    pub(super) fn chunk_at(&self, i: usize) -> Option<&Chunk> {
        let j = i.checked_sub(self.lo)?;
        self.chunks.iter().find(|c| c.start <= j && j < c.end)
    }
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
        matches!(self.word(i), "—" | "–" | "―" | "--")
    }

    pub(super) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    /// Tokens `a..b` without trailing sentence punctuation and commas outside quotes, and
    /// without a leading comma or colon.
    pub(super) fn trim(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        if a >= b {
            return None;
        }
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
