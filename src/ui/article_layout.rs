//! The article text laid out a paragraph at a time, so that a 15 MB article costs a frame
//! no more than a short one: the text is cut into paragraphs (its lines; a very long line
//! in pieces at a space), only those on or near the screen are laid out, and their
//! galleys are kept until the look, the project or the selection changes. Each
//! paragraph's height is estimated until it has been laid out once, then known; the
//! heights sit in a Fenwick tree, so the paragraph at a scroll position and a paragraph's
//! top are found in O(log n). When paragraphs above the scroll position turn out taller or
//! shorter than estimated, the scroll position moves by as much, so that what is on the
//! screen stays put.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::{Galley, Ui};

use super::highlights::{Highlights, TextLook, paragraph_job};
use super::selection::Selection;
use crate::model::ArticleId;

/// A line longer than this is shown in pieces (cut at a space), each laid out alone.
const MAX_PARAGRAPH: usize = 4096;

/// Bytes `0..text.len()` as paragraphs: each line without its newline, a line over
/// [`MAX_PARAGRAPH`] bytes cut after a space (or anywhere at a character boundary).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let mut from = start;
        while end - from > MAX_PARAGRAPH {
            let mut cut = from + MAX_PARAGRAPH;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(space) = text[from..cut].rfind(' ') {
                cut = from + space + 1;
            }
            out.push(from..cut);
            from = cut;
        }
        out.push(from..end);
        start = end + 1;
    }
    out
}

/// Sums of paragraph heights (a Fenwick tree): a top and the paragraph at a height in
/// O(log n), a height changed in O(log n).
#[derive(Default)]
struct Heights {
    tree: Vec<f64>,
    values: Vec<f32>,
}

impl Heights {
    fn new(values: Vec<f32>) -> Self {
        let n = values.len();
        let mut tree = vec![0.0; n + 1];
        for (i, v) in values.iter().enumerate() {
            tree[i + 1] = f64::from(*v);
        }
        for i in 1..=n {
            let j = i + (i & i.wrapping_neg());
            if j <= n {
                tree[j] += tree[i];
            }
        }
        Heights { tree, values }
    }

    fn get(&self, i: usize) -> f32 {
        self.values[i]
    }

    fn set(&mut self, i: usize, value: f32) {
        let delta = f64::from(value) - f64::from(self.values[i]);
        self.values[i] = value;
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += delta;
            k += k & k.wrapping_neg();
        }
    }

    /// The sum of the first `i` heights.
    fn prefix(&self, i: usize) -> f64 {
        let mut sum = 0.0;
        let mut k = i.min(self.values.len());
        while k > 0 {
            sum += self.tree[k];
            k &= k - 1;
        }
        sum
    }

    fn total(&self) -> f64 {
        self.prefix(self.values.len())
    }

    /// The paragraph at height `y` (the last one past the end).
    fn at(&self, y: f64) -> usize {
        let n = self.values.len();
        if n == 0 {
            return 0;
        }
        let mut pos = 0;
        let mut rest = y;
        let mut step = 1 << (usize::BITS - 1 - n.leading_zeros());
        while step > 0 {
            if pos + step <= n && self.tree[pos + step] <= rest {
                pos += step;
                rest -= self.tree[pos];
            }
            step >>= 1;
        }
        pos.min(n - 1)
    }
}

/// A paragraph laid out: its galley and speaker mentions (character ranges, underlined).
pub struct Laid {
    pub galley: Arc<Galley>,
    pub mentions: Vec<(usize, usize)>,
}

/// What a paragraph's look depends on besides the text: the text's look (wrap width,
/// font size, theme), the project revision, the selection.
#[derive(Clone, Copy, PartialEq, Eq)]
struct LookKey {
    wrap: u32,
    size: u32,
    dark: bool,
}

/// What the article view keeps between frames (in the view state).
#[derive(Default)]
pub struct ArticleCache {
    pub highlights: Highlights,
    pub layout: TextLayout,
}

/// The shown article's paragraphs, their heights and the galleys of those near the screen.
#[derive(Default)]
pub struct TextLayout {
    article: Option<(ArticleId, usize)>,
    paragraphs: Vec<Range<usize>>,
    heights: Heights,
    measured: Vec<bool>,
    /// The look the heights were measured for.
    look: Option<LookKey>,
    /// Average advance of a character of the body font, for estimates.
    char_width: f32,
    /// Project revision and selection generation the galleys are of.
    content: Option<(u64, u64)>,
    laid: HashMap<usize, Laid>,
    /// The wrap width of the last frame (the next frame's measures start with it).
    pub wrap: f32,
}

/// Everything a paragraph's galley is made from.
pub struct Source<'a> {
    pub text: &'a str,
    pub highlights: &'a Highlights,
    pub selection: &'a Selection,
    pub look: &'a TextLook,
}

impl TextLayout {
    /// Make ready for `article` (text `text`) drawn `look` at `wrap` points wide, at
    /// project `revision`: what no longer holds is forgotten (heights on a new article,
    /// width or font size; galleys on any change).
    pub fn prepare(
        &mut self,
        ui: &Ui,
        article: ArticleId,
        source: &Source<'_>,
        revision: u64,
        wrap: f32,
    ) {
        let id = (article, source.text.len());
        if self.article != Some(id) {
            self.article = Some(id);
            self.paragraphs = paragraphs(source.text);
            self.look = None;
        }
        let size = source.look.plain.font_id.size;
        let look = LookKey {
            wrap: wrap.to_bits(),
            size: size.to_bits(),
            dark: source.look.dark,
        };
        if self.look != Some(look) {
            let font = source.look.plain.font_id.clone();
            let sample = "The minister said on Monday that the talks were at an advanced stage.";
            let width = ui.fonts_mut(|f| {
                f.layout_no_wrap(sample.into(), font, egui::Color32::WHITE)
                    .size()
                    .x
            });
            self.char_width = (width / sample.len() as f32).max(1.0);
            self.wrap = wrap;
            let line = source.look.plain.line_height.unwrap_or(size);
            let estimates = self
                .paragraphs
                .iter()
                .map(|p| self.estimate(p.len(), line))
                .collect();
            self.heights = Heights::new(estimates);
            self.measured = vec![false; self.paragraphs.len()];
            self.laid.clear();
            self.look = Some(look);
        }
        let content = (revision, source.selection.generation);
        if self.content != Some(content) {
            self.content = Some(content);
            self.laid.clear();
        }
    }

    /// A paragraph of `len` bytes: lines of the average character's width, wrapped a few
    /// characters early (words do not fill a line).
    fn estimate(&self, len: usize, line: f32) -> f32 {
        let per_line = ((self.wrap / self.char_width) - 4.0).max(8.0);
        (len as f32 / per_line).ceil().max(1.0) * line
    }

    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    pub fn range(&self, i: usize) -> Range<usize> {
        self.paragraphs[i].clone()
    }

    pub fn total_height(&self) -> f32 {
        self.heights.total() as f32
    }

    pub fn top(&self, i: usize) -> f32 {
        self.heights.prefix(i) as f32
    }

    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i)
    }

    /// The paragraph at height `y`.
    pub fn at(&self, y: f32) -> usize {
        self.heights.at(f64::from(y))
    }

    /// The paragraph holding byte `byte`.
    pub fn of_byte(&self, byte: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end <= byte)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// Paragraph `i` laid out (now if need be; its height is then known). Returns the
    /// height it changed by.
    pub fn lay_out(&mut self, ui: &Ui, i: usize, source: &Source<'_>) -> f32 {
        if self.laid.contains_key(&i) {
            return 0.0;
        }
        let range = self.paragraphs[i].clone();
        let (mut job, mentions) = paragraph_job(
            source.text,
            range,
            source.highlights,
            source.selection,
            source.look,
        );
        job.wrap.max_width = self.wrap;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let height = galley.size().y;
        let before = self.heights.get(i);
        if !self.measured[i] || before != height {
            self.heights.set(i, height);
            self.measured[i] = true;
        }
        self.laid.insert(i, Laid { galley, mentions });
        height - before
    }

    pub fn laid(&self, i: usize) -> Option<&Laid> {
        self.laid.get(&i)
    }

    /// Before the scroll area is drawn: lay out the paragraphs from a screen above the
    /// scroll position `offset` to two screens below it, and return the offset that keeps
    /// the text on screen where it was (paragraphs above it may have changed height).
    pub fn settle(&mut self, ui: &Ui, offset: f32, screen: f32, source: &Source<'_>) -> f32 {
        if self.paragraphs.is_empty() || screen <= 0.0 {
            return offset;
        }
        let mut offset = offset;
        let mut i = self.at(offset - screen);
        while i < self.paragraphs.len() && self.top(i) < offset + 2.0 * screen {
            let top = self.top(i);
            let changed = self.lay_out(ui, i, source);
            if top < offset {
                offset += changed;
            }
            i += 1;
        }
        offset.max(0.0)
    }

    /// Keep only the galleys of paragraphs `keep` (those near the screen).
    pub fn forget_outside(&mut self, keep: Range<usize>) {
        if self.laid.len() > keep.len() {
            self.laid.retain(|i, _| keep.contains(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines_and_long_lines_are_cut_at_spaces() {
        let text = "Title\n\nOne two.\n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["Title", "", "One two.", ""]);
        let long = "word ".repeat(2000) + "\nend";
        let p = paragraphs(&long);
        assert!(p.iter().all(|r| r.len() <= MAX_PARAGRAPH));
        assert!(
            p.windows(2)
                .all(|w| w[0].end == w[1].start || w[0].end + 1 == w[1].start)
        );
        assert!(long[p[0].clone()].ends_with("word "), "cut after a space");
        assert!(p[0].len() > MAX_PARAGRAPH - 5);
        assert_eq!(&long[p.last().cloned().unwrap_or_default()], "end");
        let wide = "é".repeat(3000);
        let p = paragraphs(&wide);
        assert_eq!(p.len(), 2, "cut at a character boundary");
        assert_eq!(p[0].end, p[1].start);
    }

    #[test]
    fn heights_sum_find_and_change() {
        let mut h = Heights::new(vec![10.0, 20.0, 30.0, 40.0, 50.0]);
        assert_eq!(h.prefix(0), 0.0);
        assert_eq!(h.prefix(3), 60.0);
        assert_eq!(h.total(), 150.0);
        assert_eq!(h.at(0.0), 0);
        assert_eq!(h.at(9.9), 0);
        assert_eq!(h.at(10.0), 1);
        assert_eq!(h.at(59.0), 2);
        assert_eq!(h.at(1000.0), 4);
        h.set(1, 5.0);
        assert_eq!(h.prefix(3), 45.0);
        assert_eq!(h.at(15.0), 2);
        for n in 1..40 {
            let h = Heights::new((0..n).map(|i| (i % 7 + 1) as f32).collect());
            for i in 0..n {
                let top = h.prefix(i);
                assert_eq!(h.at(top), i, "{n} paragraphs, top of {i}");
            }
        }
    }
}
