//! The articles sidebar: every article with its claim counts by status, virtualized, and
//! a search over their titles, outlets and addresses (the matches are found again only
//! when the search or the project changes). Entries truncate and chips wrap, so the
//! sidebar never grows with what it shows. Above them, the project memo (typed through
//! the drafts).

use egui::{RichText, Ui};

use super::command::{Queue, ViewAction};
use super::drafts::{Drafts, Field};
use super::rows::ProjectIndex;
use super::theme;
use crate::model::{Article, ArticleId, Project};

const ENTRY_HEIGHT: f32 = 104.0;

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
    let count = matches.as_ref().map_or(project.articles.len(), |m| m.len());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ENTRY_HEIGHT, count, |ui, range| {
            for row in range {
                let i = matches.as_ref().map_or(Some(row), |m| m.get(row).copied());
                if let Some(article) = i.and_then(|i| project.articles.get(i)) {
                    entry(ui, article, index, shown == Some(article.id), queue);
                }
            }
        });
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

fn entry(ui: &mut Ui, article: &Article, index: &ProjectIndex, selected: bool, queue: &mut Queue) {
    let counts = index
        .by_article
        .get(&article.id)
        .copied()
        .unwrap_or_default();
    let size = egui::vec2(ui.available_width(), ENTRY_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
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
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink(4.0)));
    {
        let ui = &mut child;
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        // The labels must not take the entry's click.
        ui.style_mut().interaction.selectable_labels = false;
        ui.spacing_mut().item_spacing.y = 2.0;
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
