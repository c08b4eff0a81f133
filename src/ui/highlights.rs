//! The article text's highlights: which claims cover which bytes, and the laid-out text with
//! every claim in its status colour. Cached per article, project revision and selection,
//! because a project may hold 100k claims.

use egui::Ui;
use egui::text::{LayoutJob, TextFormat};

use super::selection::Selection;
use super::theme;
use crate::model::{ArticleId, ClaimId, Project, Status};

/// The shown article's highlights and laid-out text, rebuilt only when the article, the
/// project or the selection changes (a project may hold 100k claims).
#[derive(Default)]
pub struct ArticleCache {
    pub spans_key: Option<(ArticleId, u64)>,
    pub spans: Vec<Span>,
    /// Speaker mentions as character ranges (for underlining), sorted.
    pub mentions: Vec<(usize, usize)>,
    /// Article, revision, selection generation, dark mode, text size.
    pub job_key: Option<(ArticleId, u64, u64, bool, u32)>,
    pub job: LayoutJob,
}

/// A claim's highlight: byte span, claim, status.
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub claim: ClaimId,
    pub status: Status,
    pub mention: Option<(usize, usize)>,
}

/// The claims of an article whose spans are valid for its text, in reading order.
pub fn spans(project: &Project, article: ArticleId, text: &str) -> Vec<Span> {
    let valid = |s: usize, e: usize| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let mut spans: Vec<Span> = project
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
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// The innermost (shortest) claim covering byte `at`.
pub fn claim_at(spans: &[Span], at: usize) -> Option<ClaimId> {
    spans
        .iter()
        .filter(|s| s.start <= at && at < s.end)
        .min_by_key(|s| s.end - s.start)
        .map(|s| s.claim)
}

pub fn build_job(ui: &Ui, text: &str, spans: &[Span], selection: &Selection) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        line_height: Some(font.size * 1.45),
        ..Default::default()
    };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in spans {
        cuts.extend([s.start, s.end]);
        if let Some((a, b)) = s.mention {
            cuts.extend([a, b]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        text: text.to_owned(),
        ..LayoutJob::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let mut format = plain.clone();
        let covering = spans
            .iter()
            .filter(|s| s.start <= a && b <= s.end)
            .min_by_key(|s| s.end - s.start);
        if let Some(s) = covering {
            let selected = selection.contains(s.claim);
            format.background = theme::highlight_color(s.status, dark, selected);
            format.color = if selected {
                theme::status_text_color(s.status)
            } else {
                // On a tint the theme's strongest text colour keeps 4.5:1 (tested in theme).
                ui.visuals().strong_text_color()
            };
        }
        if spans
            .iter()
            .any(|s| s.mention.is_some_and(|(ma, mb)| ma <= a && b <= mb))
        {
            // The underline is painted by the article view, inside the line (a text
            // format's underline sits on the line's bottom edge, against the next line).
            format.italics = true;
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(a)..egui::text::ByteIndex(b),
            format,
        });
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn innermost_claim_wins() {
        let s = |start, end, id| Span {
            start,
            end,
            claim: ClaimId(id),
            status: Status::Unchecked,
            mention: None,
        };
        let spans = [s(0, 20, 1), s(5, 10, 2)];
        assert_eq!(claim_at(&spans, 6), Some(ClaimId(2)));
        assert_eq!(claim_at(&spans, 15), Some(ClaimId(1)));
        assert_eq!(claim_at(&spans, 25), None);
    }
}
