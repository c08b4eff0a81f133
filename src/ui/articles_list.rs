//! The articles sidebar: every article with its claim counts by status, virtualized, and
//! a search over their titles, outlets and addresses (the matches are found again only
//! when the search or the project changes). Entries truncate and chips wrap, so the
//! sidebar never grows with what it shows; each entry is as tall as its chips need (the
//! heights worked out again only when the project, the width or the text size changes),
//! and only the entries on screen are drawn. Above them, the project memo (typed through
//! the drafts).

use egui::{RichText, Ui};

use super::command::{Queue, ViewAction};
use super::drafts::{Drafts, Field};
use super::rows::ProjectIndex;
use super::theme;
use crate::model::{Article, ArticleId, Project};

/// Room around an entry's text, on each side.
const ENTRY_MARGIN: f32 = 4.0;
/// Space between an entry's lines, and between its chips.
const LINE_GAP: f32 = 2.0;
const CHIP_GAP: f32 = 4.0;
/// A chip's padding around its text (as `theme::count_chips` draws it).
const CHIP_PAD: egui::Vec2 = egui::vec2(6.0, 2.0);

/// `shown`: the article the table is filtered to (`None`: all).
pub fn show(
    ui: &mut Ui,
    project: &Project,
    index: &ProjectIndex,
    shown: Option<ArticleId>,
    drafts: &mut Drafts,
    queue: &mut Queue,
) {
    ui.add_space(4.0);
    project_memo(ui, project, index, drafts);
    ui.heading("Articles");
    ui.add_space(2.0);
    let label = format!("All articles ({} claims)", index.all.total());
    if ui
        .add(egui::Button::selectable(shown.is_none(), label).truncate())
        .clicked()
    {
        queue.push(ViewAction::ShowArticle(None));
    }
    ui.separator();
    if project.articles.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new("No articles yet. Open some with File > Open… or drop files here.")
                    .weak(),
            )
            .wrap(),
        );
        return;
    }
    let query_id = search_id();
    let mut query: String = ui.data(|d| d.get_temp(query_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let l = ui.label("Find article");
        ui.add(
            egui::TextEdit::singleline(&mut query)
                .id(query_id)
                .hint_text(format!("in {} articles", project.articles.len()))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    });
    let matches = matching(ui, project, index, &query);
    ui.data_mut(|d| d.insert_temp(query_id, query.clone()));
    if let Some(found) = &matches {
        ui.label(
            RichText::new(format!(
                "{} of {} articles",
                found.len(),
                project.articles.len()
            ))
            .small(),
        );
    }
    let layout = list_layout(ui, project, index, &query, &matches);
    let (shown_articles, tops) = (&layout.0, &layout.1);
    let y = tops.last().copied().unwrap_or(0.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(y);
            let origin = ui.min_rect().min;
            let width = ui.available_width();
            // The first entry whose bottom is below the viewport's top.
            let first = tops
                .partition_point(|top| *top <= viewport.min.y)
                .saturating_sub(1);
            for (k, &i) in shown_articles.iter().enumerate().skip(first) {
                if tops[k] > viewport.max.y {
                    break;
                }
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, tops[k]),
                    egui::vec2(width, tops[k + 1] - tops[k]),
                );
                if let Some(article) = project.articles.get(i) {
                    entry(ui, rect, article, index, shown == Some(article.id), queue);
                }
            }
        });
}

/// The articles shown (indices, in list order) and where each entry starts from the top
/// of the list (one more: the list's height), cached per project revision, search, width
/// and text size. An entry holds the title, the outlet and count line, and the chips
/// wrapped as `theme::count_chips` wraps them.
fn list_layout(
    ui: &Ui,
    project: &Project,
    index: &ProjectIndex,
    query: &str,
    matches: &Option<std::sync::Arc<Vec<usize>>>,
) -> std::sync::Arc<(Vec<usize>, Vec<f32>)> {
    let width = (ui.available_width() - ui.spacing().scroll.bar_width).max(1.0);
    let key = (
        index.revision,
        project.articles.len(),
        width.to_bits(),
        ui.ctx().pixels_per_point().to_bits(),
        query.trim().to_lowercase(),
    );
    let cache_id = egui::Id::unique("article_list_layout");
    type Layout = std::sync::Arc<(Vec<usize>, Vec<f32>)>;
    type Cache = ((Option<u64>, usize, u32, u32, String), Layout);
    if let Some((k, layout)) = ui.data(|d| d.get_temp::<Cache>(cache_id))
        && k == key
    {
        return layout;
    }
    let title = ui.text_style_height(&egui::TextStyle::Body);
    let small = ui.text_style_height(&egui::TextStyle::Small);
    // A wrapped row is at least as tall as a button (egui's horizontal_wrapped).
    let chip_height = (small + 2.0 * CHIP_PAD.y).max(ui.spacing().interact_size.y);
    let room = width - 2.0 * ENTRY_MARGIN;
    // A chip's width for each status and count, measured once per distinct text.
    let mut widths: std::collections::HashMap<String, f32> = Default::default();
    let mut shown: Vec<usize> = match matches {
        Some(found) => found.to_vec(),
        None => (0..project.articles.len()).collect(),
    };
    shown.retain(|&i| i < project.articles.len()); // one top per entry shown
    let mut tops = Vec::with_capacity(shown.len() + 1);
    let mut top = 0.0f32;
    for article in shown.iter().filter_map(|&i| project.articles.get(i)) {
        tops.push(top);
        top += {
            let counts = index
                .by_article
                .get(&article.id)
                .copied()
                .unwrap_or_default();
            let mut rows = 0usize;
            let mut x = 0.0f32;
            for text in theme::count_chip_texts(&counts) {
                let w = *widths
                    .entry(text.clone())
                    .or_insert_with(|| theme::chip_text_width(ui, &text) + 2.0 * CHIP_PAD.x);
                if rows == 0 || (x > 0.0 && x + w > room) {
                    rows += 1;
                    x = 0.0;
                }
                x += w + CHIP_GAP;
            }
            let chips = rows as f32 * chip_height + rows.saturating_sub(1) as f32 * LINE_GAP;
            2.0 * ENTRY_MARGIN + title + LINE_GAP + small + LINE_GAP + chips + 2.0 * LINE_GAP
        };
    }
    tops.push(top);
    let layout = std::sync::Arc::new((shown, tops));
    ui.data_mut(|d| d.insert_temp::<Cache>(cache_id, (key, layout.clone())));
    layout
}

/// The id of the article search field (tests type into it).
pub fn search_id() -> egui::Id {
    egui::Id::unique("article_search")
}

/// The articles matching `query` (indices), `None` when there is no query; cached per
/// query and project revision so that a frame does not search every article.
fn matching(
    ui: &Ui,
    project: &Project,
    index: &ProjectIndex,
    query: &str,
) -> Option<std::sync::Arc<Vec<usize>>> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let key = (needle.clone(), index.revision);
    let cache_id = egui::Id::unique("article_search_cache");
    type Cache = (String, Option<u64>, std::sync::Arc<Vec<usize>>);
    let cached: Option<Cache> = ui.data(|d| d.get_temp(cache_id));
    if let Some((q, r, found)) = cached
        && (q, r) == key
    {
        return Some(found);
    }
    let found: Vec<usize> = project
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.title.to_lowercase().contains(&needle)
                || a.meta
                    .outlet
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains(&needle))
                || a.meta
                    .url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase().contains(&needle))
                || a.source_path
                    .as_deref()
                    .is_some_and(|s| s.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    let found = std::sync::Arc::new(found);
    let entry: Cache = (key.0, key.1, found.clone());
    ui.data_mut(|d| d.insert_temp(cache_id, entry));
    Some(found)
}

fn entry(
    ui: &mut Ui,
    rect: egui::Rect,
    article: &Article,
    index: &ProjectIndex,
    selected: bool,
    queue: &mut Queue,
) {
    let counts = index
        .by_article
        .get(&article.id)
        .copied()
        .unwrap_or_default();
    let response = ui.interact(
        rect,
        ui.scope_id().with(("article_entry", article.id.0)),
        egui::Sense::click(),
    );
    let response = response.on_hover_text("Show this article's claims and text");
    if selected || response.hovered() {
        let fill = if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.5)
        } else {
            ui.visuals().widgets.hovered.weak_bg_fill
        };
        ui.painter().rect_filled(rect, 4.0, fill);
    }
    // A child that allocates nothing in the list: the entry's own rect is its place (a
    // scope would move the list's cursor back to where its content ends).
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink(ENTRY_MARGIN)));
    {
        let ui = &mut child;
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        // The labels must not take the entry's click.
        ui.style_mut().interaction.selectable_labels = false;
        ui.spacing_mut().item_spacing.y = LINE_GAP;
        ui.add(egui::Label::new(RichText::new(&article.title).strong()).truncate());
        let mut line = format!("{} claims", counts.total());
        if let Some(outlet) = &article.meta.outlet {
            line = format!("{outlet} · {line}");
        }
        ui.add(egui::Label::new(RichText::new(line).small().weak()).truncate());
        theme::count_chips(ui, &counts);
    }
    if response.clicked() {
        queue.push(ViewAction::ShowArticle(Some(article.id)));
    }
}

/// "Project memo": collapsible, its first words in the header when it has some.
fn project_memo(ui: &mut Ui, project: &Project, index: &ProjectIndex, drafts: &mut Drafts) {
    drafts.follow_project_memo(project, index.revision.unwrap_or(0));
    let header = if project.memo.trim().is_empty() {
        "Project memo".to_string()
    } else {
        format!("Memo: {}", super::article_meta::preview(&project.memo, 24))
    };
    egui::CollapsingHeader::new(header)
        .id_salt("project_memo")
        .show(ui, |ui| {
            let l = ui.label(RichText::new("Project memo (private)").small().weak());
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut drafts.project_memo.text)
                        .id(Field::ProjectMemo.id())
                        .hint_text("Notes for the whole project")
                        .desired_rows(4)
                        .desired_width(ui.available_width()),
                )
                .labelled_by(l.id);
            if r.changed() {
                drafts.dirty.insert(Field::ProjectMemo);
            }
        });
    ui.add_space(2.0);
}
