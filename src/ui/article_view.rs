//! The selected article's text with every claim highlighted in its status colour and
//! speaker mentions underlined. Clicking a highlight selects its claim; selecting text
//! offers to add it as a claim.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, RichText, Stroke, Ui};

use super::state::{Action, ViewState};
use super::theme;
use crate::model::edit::Edit;
use crate::model::{ArticleId, ClaimId, Project, Status};

/// The shown article's highlights and laid-out text, rebuilt only when the article, the
/// project or the selection changes (a project may hold 100k claims).
#[derive(Default)]
pub struct ArticleCache {
    spans_key: Option<(ArticleId, u64)>,
    spans: Vec<Span>,
    job_key: Option<(ArticleId, u64, u64, bool)>,
    job: LayoutJob,
}

/// A claim's highlight: byte span, claim, status.
struct Span {
    start: usize,
    end: usize,
    claim: ClaimId,
    status: Status,
    mention: Option<(usize, usize)>,
}

/// The claims of an article whose spans are valid for its text, in reading order.
fn spans(project: &Project, article: ArticleId, text: &str) -> Vec<Span> {
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
fn claim_at(spans: &[Span], at: usize) -> Option<ClaimId> {
    spans
        .iter()
        .filter(|s| s.start <= at && at < s.end)
        .min_by_key(|s| s.end - s.start)
        .map(|s| s.claim)
}

fn build_job(ui: &Ui, text: &str, spans: &[Span], view: &ViewState) -> LayoutJob {
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
            let selected = view.selection.contains(s.claim);
            format.background = theme::highlight_color(s.status, dark, selected);
            if selected {
                format.color = Color32::WHITE;
            }
        }
        if let Some(s) = spans
            .iter()
            .find(|s| s.mention.is_some_and(|(ma, mb)| ma <= a && b <= mb))
        {
            format.underline = Stroke::new(1.5, theme::status_color(s.status));
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

fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

fn char_of_byte(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, actions: &mut Vec<Action>) {
    let Some(article) = view.article.and_then(|a| project.article(a)) else {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new("Open an article to read it here.").weak());
        });
        return;
    };
    let article_id = article.id;
    let text = article.text.as_str();
    let revision = view.index.revision.unwrap_or(0);
    let mut cache = std::mem::take(&mut view.article_cache);
    if cache.spans_key != Some((article_id, revision)) {
        cache.spans = spans(project, article_id, text);
        cache.spans_key = Some((article_id, revision));
    }
    let job_key = (
        article_id,
        revision,
        view.selection.generation,
        ui.visuals().dark_mode,
    );
    if cache.job_key != Some(job_key) {
        cache.job = build_job(ui, text, &cache.spans, view);
        cache.job_key = Some(job_key);
    }
    show_text(ui, article, &cache, view, actions);
    view.article_cache = cache;
}

fn show_text(
    ui: &mut Ui,
    article: &crate::model::Article,
    cache: &ArticleCache,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let article_id = article.id;
    let text = article.text.as_str();
    let spans = &cache.spans;

    ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(&article.title).heading()).truncate());
    });
    ui.horizontal(|ui| {
        let meta: Vec<&str> = [
            article.meta.outlet.as_deref(),
            article.meta.published.as_deref(),
            article.source_path.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        ui.label(RichText::new(meta.join(" · ")).small().weak());
        let selection = view
            .text_selection
            .filter(|(a, s, e)| *a == article_id && s < e);
        if let Some((_, start, end)) = selection
            && ui
                .button("+ Add claim from selection")
                .on_hover_text("Add the selected text as a claim")
                .clicked()
        {
            actions.push(Action::Edit(Edit::AddClaim {
                article: article_id,
                start,
                end,
                speaker: None,
            }));
            view.text_selection = None;
        }
    });
    super::article_meta::show(ui, article, actions);
    ui.separator();

    let scroll_target = if std::mem::take(&mut view.scroll_text) {
        view.selection
            .cursor
            .and_then(|c| spans.iter().find(|s| s.claim == c))
            .map(|s| s.start)
    } else {
        None
    };

    let mut layouter = |ui: &Ui, _buf: &dyn egui::TextBuffer, wrap: f32| -> Arc<egui::Galley> {
        let mut job = cache.job.clone();
        job.wrap.max_width = wrap;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    egui::ScrollArea::vertical()
        .id_salt(("article_text", article_id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut buffer: &str = text;
            let output = egui::TextEdit::multiline(&mut buffer)
                .id(egui::Id::unique("article_text"))
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            let response = &output.response.response;
            if let Some(range) = output.cursor_range {
                let [a, b] = range.sorted_cursors();
                let (a, b) = (byte_of_char(text, a.index.0), byte_of_char(text, b.index.0));
                if a < b {
                    view.text_selection = Some((article_id, a, b));
                } else if response.clicked() {
                    view.text_selection = None;
                    if let Some(id) = claim_at(spans, a) {
                        view.selection.only(id);
                        view.scroll_table = true;
                        view.focus_table = true;
                    }
                }
            }
            if let Some(start) = scroll_target {
                let rect = output
                    .galley
                    .pos_from_cursor(CCursor::new(char_of_byte(text, start)))
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect.expand(8.0), Some(Align::Center));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_byte_round_trip() {
        let t = "añb“c”";
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(byte_of_char(t, ci), bi);
            assert_eq!(char_of_byte(t, bi), ci);
        }
        assert_eq!(byte_of_char(t, 99), t.len());
    }

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
