//! Sentences read ahead of the extractor's pass, on a second thread when asked
//! ([`super::Options::threads`]): a sentence's tokens and frames (`rules::frames`, its
//! dependency parse included) depend on its own words and place only, so batches of
//! paragraphs are read by whichever thread is free, and the pass takes them in text order.
//! What depends on the sentences before (the speakers, a quotation continued, an
//! announced content) stays in that one pass. The frames are the same whatever the number
//! of threads: only when they are computed changes.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use super::quotes::{self, Quote};
use super::rules::{self, Frame, Place, Sentence};
use super::syntax;
use super::text::{self, Token};
use super::{is_heading, lexicon};

/// About how many bytes of text a batch holds: large enough that handing it over costs
/// nothing, small enough that both threads stay busy to the end.
const BATCH_BYTES: usize = 16 * 1024;

/// How many batches may be read ahead of the pass (memory: their tokens and frames).
const AHEAD: usize = 4;

/// One paragraph read: its quotations and its sentences.
pub(super) struct Paragraph {
    pub quotes: Vec<Quote>,
    pub sentences: Vec<ReadSentence>,
}

/// One sentence read: its span, the range of the paragraph's quotations that touch it,
/// its tokens and its frames.
pub(super) struct ReadSentence {
    pub span: (usize, usize),
    pub quotes: (usize, usize),
    pub toks: Vec<Token>,
    pub frames: Vec<Frame>,
}

/// Read paragraph `para`, the `n`th of the text (nothing for a navigation line or a
/// paragraph the pass takes whole: a transcript turn, a signed quotation).
fn read_paragraph(text: &str, n: usize, para: (usize, usize), parse: bool) -> Paragraph {
    // A turn the pass finds whatever turn is open before it (only a quoted paragraph
    // with no label depends on that: it is read, in case).
    if n > 0 && rules::paragraph_frame(text, para, &mut None).is_some() {
        return Paragraph {
            quotes: Vec::new(),
            sentences: Vec::new(),
        };
    }
    read_sentences(text, n, para, parse)
}

/// Read the sentences of paragraph `para`, the `n`th of the text (none for a navigation
/// line).
fn read_sentences(text: &str, n: usize, para: (usize, usize), parse: bool) -> Paragraph {
    let line = &text[para.0..para.1];
    if lexicon::is_navigation_line(line) {
        return Paragraph {
            quotes: Vec::new(),
            sentences: Vec::new(),
        };
    }
    let quotes = quotes::find_quotes(text, para);
    let headline_line = n == 0 || is_heading(line);
    let sentences = text::sentences(text, para, &quotes)
        .into_iter()
        .enumerate()
        .map(|(i, sent)| {
            let lo = quotes.partition_point(|q| q.end <= sent.0);
            let hi = quotes.partition_point(|q| q.open < sent.1).max(lo);
            let qs = &quotes[lo..hi];
            let mut s = Sentence::new(text, text::tokenize(text, sent.0, sent.1, qs), qs);
            s.parse = parse;
            // "Name: …" opens transcript paragraphs as well as headlines.
            let place = if headline_line {
                Place::Heading
            } else if i == 0 {
                Place::ParagraphStart
            } else {
                Place::Body
            };
            let frames = rules::frames(&s, place);
            ReadSentence {
                span: sent,
                quotes: (lo, hi),
                toks: s.toks,
                frames,
            }
        })
        .collect();
    Paragraph { quotes, sentences }
}

/// The paragraphs of a text in batches, read by whichever thread is free: the pass that
/// takes them in order ([`Taker`]) and a helper thread ([`Batches::help`]), if any.
pub(super) struct Batches<'t> {
    text: &'t str,
    paras: &'t [(usize, usize)],
    parse: bool,
    /// The first paragraph of each batch, and the end.
    bounds: Vec<usize>,
    /// The next batch no thread has claimed.
    next: AtomicUsize,
    /// The batch the pass waits for or reads (the helper stays within [`AHEAD`] of it).
    taking: AtomicUsize,
    /// The pass is over, or the helper failed: the helper returns.
    stop: AtomicBool,
    failed: AtomicBool,
    done: Mutex<BTreeMap<usize, Vec<Paragraph>>>,
    changed: Condvar,
}

impl<'t> Batches<'t> {
    pub(super) fn new(text: &'t str, paras: &'t [(usize, usize)], parse: bool) -> Batches<'t> {
        let mut bounds = vec![0];
        let mut bytes = 0;
        for (i, p) in paras.iter().enumerate() {
            bytes += p.1 - p.0;
            if bytes >= BATCH_BYTES {
                bounds.push(i + 1);
                bytes = 0;
            }
        }
        if bounds.last() != Some(&paras.len()) {
            bounds.push(paras.len());
        }
        Batches {
            text,
            paras,
            parse,
            bounds,
            next: AtomicUsize::new(0),
            taking: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            failed: AtomicBool::new(false),
            done: Mutex::new(BTreeMap::new()),
            changed: Condvar::new(),
        }
    }

    fn count(&self) -> usize {
        self.bounds.len() - 1
    }

    fn read_batch(&self, b: usize) -> Vec<Paragraph> {
        (self.bounds[b]..self.bounds[b + 1])
            .map(|n| read_paragraph(self.text, n, self.paras[n], self.parse))
            .collect()
    }

    /// Claim the next batch if there is one up to `limit`.
    fn claim(&self, limit: usize) -> Option<usize> {
        let mut b = self.next.load(Ordering::SeqCst);
        loop {
            if b >= self.count() || b > limit {
                return None;
            }
            match self
                .next
                .compare_exchange(b, b + 1, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => return Some(b),
                Err(now) => b = now,
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<usize, Vec<Paragraph>>> {
        self.done.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The helper thread: read batches ahead of the pass until it is over or all are
    /// read. A panic stops it; the pass then reads what is left itself.
    pub(super) fn help(&self) {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // The models load here while the pass reads the first batch.
            syntax::load_models(self.parse);
            while !self.stop.load(Ordering::SeqCst) {
                let limit = self.taking.load(Ordering::SeqCst) + AHEAD;
                if let Some(b) = self.claim(limit) {
                    let read = self.read_batch(b);
                    self.lock().insert(b, read);
                    self.changed.notify_all();
                    continue;
                }
                if self.next.load(Ordering::SeqCst) >= self.count() {
                    return;
                }
                // Far enough ahead: wait until the pass takes a batch.
                let done = self.lock();
                let ahead =
                    self.taking.load(Ordering::SeqCst) + AHEAD < self.next.load(Ordering::SeqCst);
                if ahead && !self.stop.load(Ordering::SeqCst) {
                    drop(self.changed.wait(done));
                }
            }
        }));
        if run.is_err() {
            self.failed.store(true, Ordering::SeqCst);
            let _done = self.lock();
            self.changed.notify_all();
        }
    }

    /// The pass is over (all read, or stopped early): the helper returns.
    pub(super) fn finish(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _done = self.lock();
        self.changed.notify_all();
    }
}

/// The pass's side: paragraphs taken in order, read in batches (`ahead`: a helper
/// thread reads them too), or each when it is taken.
pub(super) struct Taker<'b, 't> {
    batches: &'b Batches<'t>,
    ahead: bool,
    /// The batch being taken and its paragraphs (the first at `bounds[current]`).
    current: usize,
    taken: Vec<Option<Paragraph>>,
}

impl<'b, 't> Taker<'b, 't> {
    pub(super) fn new(batches: &'b Batches<'t>, ahead: bool) -> Taker<'b, 't> {
        Taker {
            batches,
            ahead,
            current: usize::MAX,
            taken: Vec::new(),
        }
    }

    /// Paragraph `n`, read (`n` grows from one call to the next; paragraphs may be
    /// skipped).
    pub(super) fn paragraph(&mut self, n: usize) -> Paragraph {
        let bs = self.batches;
        if !self.ahead {
            return read_sentences(bs.text, n, bs.paras[n], bs.parse);
        }
        let b = bs.bounds.partition_point(|&x| x <= n) - 1;
        if b != self.current {
            self.taken = self.wait_for(b).into_iter().map(Some).collect();
            self.current = b;
        }
        self.taken
            .get_mut(n - bs.bounds[b])
            .and_then(Option::take)
            .unwrap_or_else(|| read_sentences(bs.text, n, bs.paras[n], bs.parse))
    }

    /// Batch `b`: read by the helper, or by this thread while it is not ready.
    fn wait_for(&self, b: usize) -> Vec<Paragraph> {
        let bs = self.batches;
        {
            let mut done = bs.lock();
            bs.taking.store(b, Ordering::SeqCst);
            // Batches before `b` the pass skipped (all navigation lines or turns).
            while done.first_key_value().is_some_and(|(&k, _)| k < b) {
                done.pop_first();
            }
        }
        bs.changed.notify_all();
        loop {
            if let Some(read) = bs.lock().remove(&b) {
                return read;
            }
            // Not ready: read the next unclaimed batch here (`b` itself, or a later one
            // while the helper reads `b`), else wait for the helper.
            if let Some(c) = bs.claim(b + AHEAD) {
                let read = bs.read_batch(c);
                if c == b {
                    return read;
                }
                bs.lock().insert(c, read);
                continue;
            }
            let done = bs.lock();
            if done.contains_key(&b) {
                continue;
            }
            if bs.failed.load(Ordering::SeqCst) {
                // The helper claimed `b` and failed on it: read it here (and fail alike).
                drop(done);
                return bs.read_batch(b);
            }
            drop(bs.changed.wait(done));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{MAX_CLAIMS, Options, extract_up_to_with};

    /// Several batches of news text, sentences with and without frames, some parsed.
    fn long_text() -> String {
        let sample = include_str!("../../assets/rafah-kirby-gallant.txt");
        let mut text = String::new();
        while text.len() < 5 * super::BATCH_BYTES {
            text.push_str(sample);
            text.push_str(concat!(
                "\n\nThe engineers rejected the union's assertion that the cranes were unsafe.\n",
                // Transcript turns, one quoted paragraph going on with the open turn.
                "HOST: Where does the money for the sea wall come from?\n",
                "MAYOR RUIZ: From the port's own budget, she said.\n",
                "\"And the rest will come from the state, which promised to pay.\n",
            ));
        }
        text
    }

    #[test]
    fn two_threads_find_what_one_finds() {
        let text = long_text();
        for parse in [false, true] {
            let one = Options { parse, threads: 1 };
            let two = Options { parse, threads: 2 };
            let a = extract_up_to_with(&text, &[], MAX_CLAIMS, &mut |_| {}, one);
            let b = extract_up_to_with(&text, &[], MAX_CLAIMS, &mut |_| {}, two);
            assert!(a.claims.len() > 50, "{}", a.claims.len());
            // The turns are the pass's: read by it, not ahead.
            assert!(
                a.claims
                    .iter()
                    .any(|c| c.content.starts_with("From the port"))
            );
            assert!(
                a.claims
                    .iter()
                    .any(|c| c.content.contains("promised to pay"))
            );
            assert_eq!(a, b);
            // Stopped early at a cap: the same claims, and the helper returns.
            let a = extract_up_to_with(&text, &[], 7, &mut |_| {}, one);
            let mut read = Vec::new();
            let b = extract_up_to_with(&text, &[], 7, &mut |at| read.push(at), two);
            assert_eq!(a.claims.len(), 7);
            assert_eq!(a, b);
            assert!(read.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
