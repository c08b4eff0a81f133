//! The article's details, editable: title, outlet, author, publication date and address.
//! Exports need them (ClaimReview takes the URL, date and outlet). A field commits an edit
//! when it loses focus; the fields follow the article again while none is being edited.
//! Under it, the article's memo, typed through the drafts like the details pane.

use egui::{Id, Ui};

use super::command::{Queue, TriageAction};
use super::drafts::{Drafts, Field};
use crate::model::edit::Edit;
use crate::model::{Article, ArticleId, ArticleMeta};

#[derive(Clone, Default)]
struct Buffers {
    article: Option<ArticleId>,
    title: String,
    outlet: String,
    author: String,
    published: String,
    url: String,
}

impl Buffers {
    fn of(article: &Article) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Buffers {
            article: Some(article.id),
            title: article.title.clone(),
            outlet: text(&article.meta.outlet),
            author: text(&article.meta.author),
            published: text(&article.meta.published),
            url: text(&article.meta.url),
        }
    }

    fn edit(&self, article: ArticleId) -> Edit {
        let field = |v: &str| Some(v.to_string());
        Edit::SetArticleMeta {
            article,
            title: self.title.clone(),
            meta: ArticleMeta {
                outlet: field(&self.outlet),
                author: field(&self.author),
                published: field(&self.published),
                url: field(&self.url),
            },
        }
    }
}

/// A collapsible "Article details" form under the article's title.
pub fn show(ui: &mut Ui, article: &Article, queue: &mut Queue) {
    let id = Id::unique("article_meta_buffers");
    let mut buf: Buffers = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let editing = ui.memory(|m| m.focused()).is_some_and(|f| {
        [
            "meta_title",
            "meta_outlet",
            "meta_author",
            "meta_published",
            "meta_url",
        ]
        .iter()
        .any(|salt| f == Id::unique(salt))
    });
    if buf.article != Some(article.id) || !editing {
        buf = Buffers::of(article);
    }
    egui::CollapsingHeader::new("Article details")
        .id_salt(("article_details", article.id))
        .show(ui, |ui| {
            let mut commit = false;
            egui::Grid::new("article_meta_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let fields: [(&str, &str, &str, &mut String); 5] = [
                        ("Title", "meta_title", "", &mut buf.title),
                        ("Outlet", "meta_outlet", "e.g. Al Jazeera", &mut buf.outlet),
                        ("Author", "meta_author", "", &mut buf.author),
                        (
                            "Published",
                            "meta_published",
                            "YYYY-MM-DD",
                            &mut buf.published,
                        ),
                        ("URL", "meta_url", "https://…", &mut buf.url),
                    ];
                    for (label, salt, hint, value) in fields {
                        let l = ui.label(label);
                        let r = ui
                            .add(
                                egui::TextEdit::singleline(value)
                                    .id(Id::unique(salt))
                                    .hint_text(hint)
                                    .desired_width(320.0),
                            )
                            .labelled_by(l.id);
                        commit |= r.lost_focus();
                        ui.end_row();
                    }
                });
            if commit {
                let edit = buf.edit(article.id);
                let unchanged = matches!(&edit, Edit::SetArticleMeta { title, meta, .. }
                    if title.trim() == article.title && trimmed(meta) == article.meta);
                if !unchanged {
                    queue.push(TriageAction::Edit(edit));
                }
            }
        });
    ui.data_mut(|d| d.insert_temp(id, buf));
}

/// The metadata as the edit will store it, to tell whether anything changed.
fn trimmed(meta: &ArticleMeta) -> ArticleMeta {
    let f = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    ArticleMeta {
        outlet: f(&meta.outlet),
        author: f(&meta.author),
        published: f(&meta.published),
        url: f(&meta.url),
    }
}

/// The first words of a memo, for a header ("Memo: Transcript of the…").
pub fn preview(memo: &str, chars: usize) -> String {
    let line = memo
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() > chars {
        let cut: String = line.chars().take(chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_string()
    }
}

/// The article's memo: a collapsible field whose header shows its first words. What is
/// typed is committed (one undoable edit) when the field is left.
pub fn memo(ui: &mut Ui, article: &Article, drafts: &mut Drafts, revision: u64) {
    drafts.follow_article_memo(article, revision);
    let header = if article.memo.trim().is_empty() {
        "Article memo".to_string()
    } else {
        format!("Article memo: {}", preview(&article.memo, 60))
    };
    egui::CollapsingHeader::new(header)
        .id_salt(("article_memo", article.id))
        .show(ui, |ui| {
            let l = ui.label(
                egui::RichText::new("Article memo (private: kept in the project, never exported)")
                    .small()
                    .weak(),
            );
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut drafts.article_memo.text)
                        .id(Field::ArticleMemo.id())
                        .hint_text("What to remember about this article")
                        .desired_rows(3)
                        .desired_width(ui.available_width().min(520.0)),
                )
                .labelled_by(l.id);
            if r.changed() {
                drafts.dirty.insert(Field::ArticleMemo);
            }
        });
}
