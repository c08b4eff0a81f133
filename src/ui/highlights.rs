//! The article text's highlights: which claims cover which bytes, kept sorted by start
//! beside the furthest end reached so far, so that the claims over one paragraph are found
//! by binary search (a long article holds tens of thousands); and one paragraph's layout
//! job with every claim in its status colour. Rebuilt when the article or the project
//! changes, never per frame; a job is built only for a paragraph on screen.

use std::ops::Range;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};

use super::selection::Selection;
use super::theme;
use crate::model::{ArticleId, ClaimId, Project, Status};

/// A claim's highlight: byte span, claim, status, where its speaker is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub claim: ClaimId,
    pub status: Status,
    pub mention: Option<(usize, usize)>,
}

/// The highlights of the article shown, for one project revision.
#[derive(Default)]
pub struct Highlights {
    key: Option<(ArticleId, u64)>,
    /// Sorted by (start, end).
    spans: Vec<Span>,
    /// `reach[i]`: the largest end among `spans[..=i]` (non-decreasing).
    reach: Vec<usize>,
    /// Speaker mentions, sorted, with their own reach.
    mentions: Vec<(usize, usize)>,
    mention_reach: Vec<usize>,
}

/// The furthest end reached by each prefix of a list sorted by start.
fn reaches(ends: impl Iterator<Item = usize>) -> Vec<usize> {
    ends.scan(0, |max, e| {
        *max = (*max).max(e);
        Some(*max)
    })
    .collect()
}

/// The indices of the items (sorted by start, with their `reach`) that may overlap `a..b`:
/// every one that does is inside; those inside that end by `a` are for the caller to skip.
fn window<T>(
    items: &[T],
    reach: &[usize],
    start: impl Fn(&T) -> usize,
    a: usize,
    b: usize,
) -> Range<usize> {
    let lo = reach.partition_point(|&r| r <= a).min(items.len());
    let hi = lo + items[lo..].partition_point(|x| start(x) < b);
    lo..hi
}

impl Highlights {
    /// Up to date for `article` (text `text`) at project `revision`: rebuilt only when
    /// either changed. Returns whether it was.
    pub fn refresh(
        &mut self,
        project: &Project,
        article: ArticleId,
        text: &str,
        revision: u64,
    ) -> bool {
        if self.key == Some((article, revision)) {
            return false;
        }
        *self = Self::new(project, article, text);
        self.key = Some((article, revision));
        true
    }

    /// The claims of `article` whose spans are valid for its text.
    pub fn new(project: &Project, article: ArticleId, text: &str) -> Self {
        let valid = |s: usize, e: usize| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        let spans: Vec<Span> = project
            .claims
            .iter()
            .filter(|c| c.article == article && valid(c.start, c.end))
            .map(|c| Span {
                start: c.start,
                end: c.end,
                claim: c.id,
                status: c.status,
                mention: c.mention_span.filter(|&(s, e)| valid(s, e)),
            })
            .collect();
        Self::of_spans(spans)
    }

    /// The highlights of `spans` (in any order).
    fn of_spans(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|s| (s.start, s.end));
        let mut mentions: Vec<(usize, usize)> = spans.iter().filter_map(|s| s.mention).collect();
        mentions.sort_unstable();
        mentions.dedup();
        Highlights {
            key: None,
            reach: reaches(spans.iter().map(|s| s.end)),
            mention_reach: reaches(mentions.iter().map(|m| m.1)),
            spans,
            mentions,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The spans overlapping bytes `a..b`, in order of start.
    pub fn overlapping(&self, a: usize, b: usize) -> impl Iterator<Item = &Span> {
        let w = window(&self.spans, &self.reach, |s| s.start, a, b);
        self.spans[w].iter().filter(move |s| s.end > a)
    }

    /// The speaker mentions overlapping bytes `a..b`.
    pub fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let w = window(&self.mentions, &self.mention_reach, |m| m.0, a, b);
        self.mentions[w].iter().copied().filter(move |m| m.1 > a)
    }

    /// The innermost (shortest) claim covering byte `at`.
    pub fn claim_at(&self, at: usize) -> Option<ClaimId> {
        self.overlapping(at, at + 1)
            .filter(|s| s.start <= at)
            .min_by_key(|s| s.end - s.start)
            .map(|s| s.claim)
    }
}

/// How the text is drawn: the body font, its line height, the theme's colours.
#[derive(Clone)]
pub struct TextLook {
    pub plain: TextFormat,
    pub strong: egui::Color32,
    pub dark: bool,
}

impl TextLook {
    pub fn of(ui: &egui::Ui) -> Self {
        let font = egui::TextStyle::Body.resolve(ui.style());
        TextLook {
            plain: TextFormat {
                color: ui.visuals().text_color(),
                line_height: Some(font.size * 1.45),
                font_id: font,
                ..Default::default()
            },
            // On a tint the theme's strongest text colour keeps 4.5:1 (tested in theme).
            strong: ui.visuals().strong_text_color(),
            dark: ui.visuals().dark_mode,
        }
    }
}

/// The layout job of bytes `range` of `text` (one paragraph), every claim in its status
/// colour (the selected solid); and the speaker mentions as character ranges of the
/// paragraph (the view underlines them). Mentions keep the text's upright face: egui's
/// slanted italics lean into the following space, so "Kirby said" read as "Kirbysaid".
pub fn paragraph_job(
    text: &str,
    range: Range<usize>,
    highlights: &Highlights,
    selection: &Selection,
    look: &TextLook,
) -> (LayoutJob, Vec<(usize, usize)>) {
    let (from, to) = (range.start, range.end);
    let spans: Vec<&Span> = highlights.overlapping(from, to).collect();
    let mentions: Vec<(usize, usize)> = highlights
        .mentions_in(from, to)
        .map(|(a, b)| (a.max(from), b.min(to)))
        .collect();
    let mut cuts: Vec<usize> = vec![from, to];
    for s in &spans {
        cuts.extend([s.start.clamp(from, to), s.end.clamp(from, to)]);
    }
    for &(a, b) in &mentions {
        cuts.extend([a, b]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        text: text[from..to].to_owned(),
        ..LayoutJob::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let mut format = look.plain.clone();
        let covering = spans
            .iter()
            .filter(|s| s.start <= a && b <= s.end)
            .min_by_key(|s| s.end - s.start);
        if let Some(s) = covering {
            let selected = selection.contains(s.claim);
            format.background = theme::highlight_color(s.status, look.dark, selected);
            format.color = if selected {
                theme::status_text_color(s.status)
            } else {
                look.strong
            };
        }
        // A mention's underline is painted by the article view, inside the line (a text
        // format's underline sits on the line's bottom edge, against the next line).
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(a - from)..ByteIndex(b - from),
            format,
        });
    }
    if job.sections.is_empty() {
        // An empty line is one line high.
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(0)..ByteIndex(0),
            format: look.plain.clone(),
        });
    }
    let paragraph = &text[from..to];
    let chars = |byte: usize| paragraph[..byte - from].chars().count();
    let mention_chars = mentions
        .iter()
        .filter(|&&(a, b)| a < b && text.is_char_boundary(a) && text.is_char_boundary(b))
        .map(|&(a, b)| (chars(a), chars(b)))
        .collect();
    (job, mention_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlights(spans: &[(usize, usize, u64)]) -> Highlights {
        let spans = spans
            .iter()
            .map(|&(start, end, id)| Span {
                start,
                end,
                claim: ClaimId(id),
                status: Status::Unchecked,
                mention: Some((start, start + 1)),
            })
            .collect();
        Highlights::of_spans(spans)
    }

    /// "Kirby said": the mention keeps the text's upright face (slanted italics ate the
    /// space after it: "Kirbysaid") and the space stays between it and the next word.
    #[test]
    fn a_mention_keeps_its_face_and_the_space_after_it() {
        let text = "Kirby said the talks go on.";
        let h = Highlights::of_spans(vec![Span {
            start: 0,
            end: text.len(),
            claim: ClaimId(1),
            status: Status::Unchecked,
            mention: Some((0, 5)),
        }]);
        let look = TextLook {
            plain: TextFormat::default(),
            strong: egui::Color32::WHITE,
            dark: false,
        };
        let (job, mentions) = paragraph_job(text, 0..text.len(), &h, &Selection::default(), &look);
        assert_eq!(job.text, text);
        assert_eq!(mentions, vec![(0, 5)]);
        assert!(job.sections.iter().all(|s| !s.format.italics));
        let cut = job
            .sections
            .iter()
            .map(|s| s.byte_range.start.0)
            .collect::<Vec<_>>();
        assert!(cut.contains(&5), "the mention is its own section: {cut:?}");
    }

    #[test]
    fn innermost_claim_wins() {
        let h = highlights(&[(0, 20, 1), (5, 10, 2)]);
        assert_eq!(h.claim_at(6), Some(ClaimId(2)));
        assert_eq!(h.claim_at(15), Some(ClaimId(1)));
        assert_eq!(h.claim_at(25), None);
    }

    /// The binary search finds exactly what a scan of every span finds, long spans
    /// reaching over later ones included.
    #[test]
    fn overlapping_matches_a_full_scan() {
        let list = [
            (0, 300, 1),
            (5, 10, 2),
            (12, 40, 3),
            (50, 60, 4),
            (55, 58, 5),
            (100, 400, 6),
            (320, 330, 7),
        ];
        let h = highlights(&list);
        for a in 0..420 {
            for len in [1, 7, 30, 200] {
                let b = a + len;
                let mut found: Vec<u64> = h.overlapping(a, b).map(|s| s.claim.0).collect();
                let mut scanned: Vec<u64> = list
                    .iter()
                    .filter(|&&(s, e, _)| s < b && e > a)
                    .map(|&(_, _, id)| id)
                    .collect();
                found.sort_unstable();
                scanned.sort_unstable();
                assert_eq!(found, scanned, "{a}..{b}");
                let mentions = h.mentions_in(a, b).count();
                let scanned = list.iter().filter(|&&(s, _, _)| s < b && s + 1 > a).count();
                assert_eq!(mentions, scanned, "mentions in {a}..{b}");
            }
        }
    }
}
