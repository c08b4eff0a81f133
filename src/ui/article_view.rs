//! The selected article's text with every claim highlighted in its status colour and
//! speaker mentions underlined. Clicking a highlight selects its claim; selecting text
//! (within a paragraph) offers to add it as a claim.
//!
//! Only the paragraphs on or near the screen are laid out and drawn (`article_layout`), and
//! their highlights are found by binary search (`highlights`): a frame costs the same for a
//! 15 MB article as for a short one, and an edit rebuilds no more than the article's spans.

use egui::scroll_area::State as ScrollState;
use egui::text::CCursor;
use egui::{Align, RichText, Ui, UiBuilder};

use super::article_layout::{ArticleCache, Source};
use super::command::{Pick, Queue, TriageAction};
use super::highlights::TextLook;
use super::state::ViewState;
use crate::model::edit::Edit;
use crate::model::{Article, Project};

/// Byte offset of character `char_index` of `text` (a paragraph: short).
fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

/// Character index of byte `byte` of `text` (a paragraph: short).
fn char_of_byte(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

/// The least height of the article's header and of its text when the pane is short.
const ROW_MIN: f32 = 24.0;

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    let Some(article) = view.article.and_then(|a| view.index.article(project, a)) else {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new("Open an article to read it here.").weak());
        });
        return;
    };
    // The header takes at most 40% of a short pane (200% text in a small window) and
    // scrolls there, so that the text keeps the rest and nothing is drawn past the pane.
    let most = (ui.available_height() * 0.4).max(ROW_MIN);
    egui::ScrollArea::vertical()
        .id_salt("article_header")
        .max_height(most)
        .min_scrolled_height(ROW_MIN)
        .show(ui, |ui| header(ui, article, view, queue));
    let revision = view.index.revision.unwrap_or(0);
    let mut cache = std::mem::take(&mut view.article_cache);
    cache
        .highlights
        .refresh(project, article.id, &article.text, revision);
    // Where the cursor's claim starts, when the text is to bring it into view.
    let scroll_target = std::mem::take(&mut view.scroll_text)
        .then(|| view.selection.cursor.and_then(|c| view.index.index_of(c)))
        .flatten()
        .and_then(|i| project.claims.get(i))
        .filter(|c| c.article == article.id && article.text.is_char_boundary(c.start))
        .map(|c| c.start);
    show_text(ui, article, &mut cache, view, scroll_target, queue);
    view.article_cache = cache;
}

/// Title, source, "+ Add claim from selection", article details and memo.
fn header(ui: &mut Ui, article: &Article, view: &mut ViewState, queue: &mut Queue) {
    let article_id = article.id;
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
}

fn show_text(
    ui: &mut Ui,
    article: &Article,
    cache: &mut ArticleCache,
    view: &mut ViewState,
    scroll_target: Option<usize>,
    queue: &mut Queue,
) {
    let article_id = article.id;
    let text = article.text.as_str();
    let revision = view.index.revision.unwrap_or(0);
    let look = TextLook::of(ui);
    let ArticleCache { highlights, layout } = cache;
    let source = Source {
        text,
        highlights,
        selection: &view.selection,
        look: &look,
    };

    // Lay out what the scroll area will show before it is drawn, so that paragraphs above
    // it found taller or shorter than estimated move the scroll position, not the text.
    let salt = ("article_text", article_id);
    let scroll_id = ui.make_persistent_id(salt);
    let screen = ui.available_height();
    let first_wrap = if layout.wrap > 0.0 {
        layout.wrap
    } else {
        ui.available_width()
    };
    layout.prepare(ui, article_id, &source, revision, first_wrap);
    let offset = ScrollState::load(ui.ctx(), scroll_id).map_or(0.0, |s| s.unclamped_offset().y);
    let settled = layout.settle(ui, offset, screen, &source);
    let mut area = egui::ScrollArea::vertical()
        .id_salt(salt)
        .min_scrolled_height(ROW_MIN)
        .auto_shrink([false, false]);
    if settled != offset {
        area = area.vertical_scroll_offset(settled);
    }

    let mut picked = None;
    let mut selected_text = None;
    area.show_viewport(ui, |ui, viewport| {
        let wrap = ui.available_width();
        if (wrap - layout.wrap).abs() > 0.5 {
            layout.prepare(ui, article_id, &source, revision, wrap);
        }
        if layout.is_empty() {
            return;
        }
        let origin = ui.max_rect().min;
        let first = layout.at(viewport.min.y);
        let mut last = first;
        while last < layout.len() {
            layout.lay_out(ui, last, &source);
            let top = layout.top(last);
            if top >= viewport.max.y {
                break;
            }
            let Some(laid) = layout.laid(last) else { break };
            let rect = egui::Rect::from_min_size(
                origin + egui::vec2(0.0, top),
                egui::vec2(wrap, laid.galley.size().y),
            );
            let range = layout.range(last);
            let paragraph = &text[range.clone()];
            let id = ui.make_persistent_id(("article_paragraph", last));
            let block = ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                let mut buffer: &str = paragraph;
                let galley = laid.galley.clone();
                let mut layouter = |_: &Ui, _: &dyn egui::TextBuffer, _: f32| galley.clone();
                egui::TextEdit::multiline(&mut buffer)
                    .id(id)
                    .desired_width(wrap)
                    .desired_rows(1)
                    .margin(egui::Margin::ZERO)
                    .frame(egui::Frame::NONE)
                    .layouter(&mut layouter)
                    .show(ui)
            });
            let output = block.inner;
            underline_mentions(ui, &output.galley, output.galley_pos, &laid.mentions);
            let response = &output.response.response;
            if let Some(cursors) = output.cursor_range
                && (response.has_focus() || response.clicked())
            {
                let [a, b] = cursors.sorted_cursors();
                let a = range.start + byte_of_char(paragraph, a.index.0);
                let b = range.start + byte_of_char(paragraph, b.index.0);
                if a < b {
                    selected_text = Some(Some((article_id, a, b)));
                } else if response.clicked() {
                    selected_text = Some(None);
                    picked = source.highlights.claim_at(a);
                }
            }
            last += 1;
        }
        // Keep a screen's galleys on either side (the next frames' scrolling).
        let keep = layout.at(viewport.min.y - viewport.height())
            ..layout.at(viewport.max.y + 2.0 * viewport.height()) + 1;
        layout.forget_outside(keep);
        ui.set_min_height(layout.total_height());
        if let Some(start) = scroll_target {
            let i = layout.of_byte(start);
            layout.lay_out(ui, i, &source);
            if let Some(laid) = layout.laid(i) {
                let range = layout.range(i);
                let local = char_of_byte(&text[range.clone()], start - range.start);
                let rect = laid
                    .galley
                    .pos_from_cursor(CCursor::new(local))
                    .translate(egui::vec2(origin.x, origin.y + layout.top(i)));
                // At once: paragraphs met on the way would move an animated target.
                ui.scroll_to_rect_animation(
                    rect.expand(8.0),
                    Some(Align::Center),
                    egui::style::ScrollAnimation::none(),
                );
            }
        }
    });
    if let Some(selected) = selected_text {
        view.text_selection = selected;
    }
    if let Some(claim) = picked {
        queue.push(TriageAction::Select {
            claim,
            pick: Pick::Only,
        });
    }
}

/// Underline speaker mentions (character ranges of the galley) just under the baseline,
/// inside their own line.
fn underline_mentions(
    ui: &Ui,
    galley: &egui::Galley,
    origin: egui::Pos2,
    ranges: &[(usize, usize)],
) {
    if ranges.is_empty() {
        return;
    }
    let stroke = egui::Stroke::new(1.5, ui.visuals().text_color());
    let painter = ui.painter();
    let mut char_index = 0usize;
    for row in &galley.rows {
        let row_start = char_index;
        char_index += row.glyphs.len() + usize::from(row.ends_with_newline);
        let top = origin.y + row.pos.y;
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
