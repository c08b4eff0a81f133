//! The selected article's text with every claim highlighted in its status colour and
//! speaker mentions underlined. Clicking a highlight selects its claim; selecting text
//! offers to add it as a claim.

use std::sync::Arc;

use egui::text::CCursor;
use egui::{Align, RichText, Ui};

use super::command::{Pick, Queue, TriageAction};
use super::highlights::{self, ArticleCache};
use super::state::ViewState;
use crate::model::edit::Edit;
use crate::model::{Article, Project};

fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

fn char_of_byte(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    let Some(article) = view.article.and_then(|a| view.index.article(project, a)) else {
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
        cache.spans = highlights::spans(project, article_id, text);
        cache.mentions = cache
            .spans
            .iter()
            .filter_map(|s| s.mention)
            .map(|(a, b)| (char_of_byte(text, a), char_of_byte(text, b)))
            .collect();
        cache.mentions.sort_unstable();
        cache.spans_key = Some((article_id, revision));
    }
    let text_size = egui::TextStyle::Body.resolve(ui.style()).size;
    let job_key = (
        article_id,
        revision,
        view.selection.generation,
        ui.visuals().dark_mode,
        text_size.to_bits(),
    );
    if cache.job_key != Some(job_key) {
        cache.job = highlights::build_job(ui, text, &cache.spans, &view.selection);
        cache.job_key = Some(job_key);
    }
    show_text(ui, article, &cache, view, queue);
    view.article_cache = cache;
}

fn show_text(
    ui: &mut Ui,
    article: &Article,
    cache: &ArticleCache,
    view: &mut ViewState,
    queue: &mut Queue,
) {
    let article_id = article.id;
    let text = article.text.as_str();
    let spans = &cache.spans;

    ui.add(egui::Label::new(RichText::new(&article.title).heading()).truncate());
    ui.horizontal(|ui| {
        let meta: Vec<&str> = [
            article.meta.outlet.as_deref(),
            article.meta.published.as_deref(),
            article.source_path.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let selection = view
            .text_selection
            .filter(|(a, s, e)| *a == article_id && s < e);
        if let Some((_, start, end)) = selection
            && ui
                .button("+ Add claim from selection")
                .on_hover_text("Add the selected text as a claim")
                .clicked()
        {
            queue.push(TriageAction::Edit(Edit::AddClaim {
                article: article_id,
                start,
                end,
                speaker: None,
            }));
            view.text_selection = None;
        }
        ui.add(egui::Label::new(RichText::new(meta.join(" · ")).small().weak()).truncate());
    });
    super::article_meta::show(ui, article, queue);
    let revision = view.index.revision.unwrap_or(0);
    super::article_meta::memo(ui, article, &mut view.drafts, revision);
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
            underline_mentions(ui, &output.galley, output.galley_pos, &cache.mentions);
            let response = &output.response.response;
            if let Some(range) = output.cursor_range {
                let [a, b] = range.sorted_cursors();
                let (a, b) = (byte_of_char(text, a.index.0), byte_of_char(text, b.index.0));
                if a < b {
                    view.text_selection = Some((article_id, a, b));
                } else if response.clicked() {
                    view.text_selection = None;
                    if let Some(id) = highlights::claim_at(spans, a) {
                        queue.push(TriageAction::Select {
                            claim: id,
                            pick: Pick::Only,
                        });
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

/// Underline speaker mentions just under the baseline, inside their own line.
fn underline_mentions(
    ui: &Ui,
    galley: &egui::Galley,
    origin: egui::Pos2,
    ranges: &[(usize, usize)],
) {
    if ranges.is_empty() {
        return;
    }
    let clip = ui.clip_rect();
    let stroke = egui::Stroke::new(1.5, ui.visuals().text_color());
    let painter = ui.painter();
    let mut char_index = 0usize;
    for row in &galley.rows {
        let row_start = char_index;
        char_index += row.glyphs.len() + usize::from(row.ends_with_newline);
        let top = origin.y + row.pos.y;
        if top > clip.bottom() || top + row.size.y < clip.top() {
            continue;
        }
        let mut segment: Option<(f32, f32, f32)> = None;
        for (k, glyph) in row.glyphs.iter().enumerate() {
            let at = row_start + k;
            let inside = ranges.iter().any(|&(a, b)| a <= at && at < b);
            if inside {
                let x0 = origin.x + row.pos.x + glyph.pos.x;
                let x1 = x0 + glyph.advance_width;
                let descent = (glyph.font_height - glyph.font_ascent).max(2.0);
                let y = top + glyph.pos.y + descent * 0.45;
                segment = Some(match segment {
                    Some((start, _, y0)) => (start, x1, y0),
                    None => (x0, x1, y),
                });
            } else if let Some((a, b, y)) = segment.take() {
                painter.line_segment([egui::pos2(a, y), egui::pos2(b, y)], stroke);
            }
        }
        if let Some((a, b, y)) = segment {
            painter.line_segment([egui::pos2(a, y), egui::pos2(b, y)], stroke);
        }
    }
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
}
