//! The frame around the views: menu bar, status bar, the articles list, and the row of
//! view tabs, filters and search above the claims table.

use egui::{RichText, Ui};

use super::app::{self, ClaimdeskApp};
use super::rows::StatusCounts;
use super::state::{Action, Tab, ViewState};
use super::theme;
use crate::model::{ClaimKind, Project, Status};

fn shortcut_text(ui: &Ui, s: &egui::KeyboardShortcut) -> String {
    ui.ctx().format_shortcut(s)
}

pub fn menu_bar(ui: &mut Ui, app: &mut ClaimdeskApp, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("New project").clicked() {
                actions.push(Action::NewProject);
            }
            if ui
                .add(egui::Button::new("Open…").shortcut_text(shortcut_text(ui, &app::OPEN)))
                .clicked()
            {
                actions.push(Action::OpenDialog);
            }
            if ui.button("Open path…").clicked() {
                app.dialogs.open_path = Some(String::new());
            }
            ui.menu_button("Open Recent", |ui| {
                if app.recent.is_empty() {
                    ui.label("No recent projects");
                }
                for path in app.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenPaths(vec![path]));
                    }
                }
            });
            ui.separator();
            if ui
                .add(egui::Button::new("Save").shortcut_text(shortcut_text(ui, &app::SAVE)))
                .clicked()
            {
                actions.push(Action::Save);
            }
            if ui
                .add(egui::Button::new("Save As…").shortcut_text(shortcut_text(ui, &app::SAVE_AS)))
                .clicked()
            {
                actions.push(Action::SaveAs);
            }
            if ui
                .button("Save to path…")
                .on_hover_text("Type where to save (when no file dialog can be shown)")
                .clicked()
            {
                app.dialogs.save_path = Some(
                    app.doc
                        .path
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                );
            }
            ui.separator();
            if ui.button("Export…").clicked() {
                let name = app.doc.display_name();
                app.export
                    .open(&app.doc.project, app.doc.path.as_deref(), &name);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                actions.push(Action::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = match app.doc.history.undo_label() {
                Some(what) => format!("Undo {what}"),
                None => "Undo".into(),
            };
            let b = egui::Button::new(undo).shortcut_text(shortcut_text(ui, &app::UNDO));
            if ui.add_enabled(app.doc.history.can_undo(), b).clicked() {
                actions.push(Action::Undo);
            }
            let redo = match app.doc.history.redo_label() {
                Some(what) => format!("Redo {what}"),
                None => "Redo".into(),
            };
            let b = egui::Button::new(redo).shortcut_text(shortcut_text(ui, &app::REDO));
            if ui.add_enabled(app.doc.history.can_redo(), b).clicked() {
                actions.push(Action::Redo);
            }
            ui.separator();
            ui.menu_button("Mark selected as", |ui| {
                for status in Status::ALL {
                    if theme::status_button(ui, status).clicked() {
                        actions.push(Action::Tag(status));
                    }
                }
            });
            if ui.button("Delete selected claims").clicked() {
                actions.push(Action::DeleteSelected);
            }
            if ui
                .add(egui::Button::new("Find…").shortcut_text(shortcut_text(ui, &app::FIND)))
                .clicked()
            {
                app.view.focus_search = true;
                app.view.tab = Tab::Claims;
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Claims").clicked() {
                app.view.tab = Tab::Claims;
            }
            if ui.button("Speakers").clicked() {
                app.view.tab = Tab::Speakers;
            }
            if ui.button("Clear filters").clicked() {
                app.view.filter = Default::default();
            }
        });
        ui.menu_button("Article", |ui| {
            let article = app.view.article;
            if ui
                .add_enabled(article.is_some(), egui::Button::new("Re-run extraction"))
                .on_hover_text("Finds claims again; your tags, edits and added claims are kept")
                .clicked()
                && let Some(a) = article
            {
                actions.push(Action::Reextract(a));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                app.dialogs.shortcuts = true;
            }
        });
    });
}

pub fn status_bar(ui: &mut Ui, app: &ClaimdeskApp, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let rows = &app.view.rows;
        let all = app.view.index.all;
        let text = if app.view.filter.is_active() {
            format!(
                "{} (of {} in the project)",
                rows.counts.summary(),
                all.total()
            )
        } else {
            rows.counts.summary()
        };
        ui.label(text);
        let selected = app.view.selection.ids.len();
        if selected > 1 {
            ui.separator();
            ui.label(format!("{selected} selected"));
        }
        if let Some(progress) = &app.jobs.import {
            ui.separator();
            ui.label("Opening files…");
            ui.add(
                egui::ProgressBar::new(progress.fraction())
                    .desired_width(160.0)
                    .show_percentage(),
            );
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelImport);
            }
        }
        if let Some(msg) = &app.message {
            ui.separator();
            ui.label(RichText::new(msg).italics());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let saved = if app.doc.is_dirty() {
                "Modified"
            } else {
                "Saved"
            };
            ui.label(RichText::new(saved).weak());
        });
    });
}

/// Small coloured "n label" chips for the non-zero statuses.
pub fn count_chips(ui: &mut Ui, counts: &StatusCounts) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for status in Status::ALL {
            let n = counts.get(status);
            if n > 0 {
                let text = RichText::new(format!("{n} {}", status.key()))
                    .small()
                    .color(theme::status_color(status));
                ui.label(text);
            }
        }
    });
}

const ARTICLE_ENTRY_HEIGHT: f32 = 62.0;

/// The project's articles, virtualized: only the visible entries are laid out.
pub fn articles_list(ui: &mut Ui, project: &Project, view: &mut ViewState) {
    ui.add_space(4.0);
    ui.heading("Articles");
    ui.add_space(2.0);
    let all = view.index.all;
    let label = format!("All articles ({} claims)", all.total());
    if ui
        .selectable_label(view.filter.article.is_none(), label)
        .clicked()
    {
        view.filter.article = None;
    }
    ui.separator();
    if project.articles.is_empty() {
        ui.label(
            RichText::new("No articles yet. Open some with File > Open… or drop files here.")
                .weak(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(
            ui,
            ARTICLE_ENTRY_HEIGHT,
            project.articles.len(),
            |ui, range| {
                for article in &project.articles[range] {
                    article_entry(ui, article, view);
                }
            },
        );
}

fn article_entry(ui: &mut Ui, article: &crate::model::Article, view: &mut ViewState) {
    let selected = view.filter.article == Some(article.id);
    let counts = view
        .index
        .by_article
        .get(&article.id)
        .copied()
        .unwrap_or_default();
    let size = egui::vec2(ui.available_width(), ARTICLE_ENTRY_HEIGHT);
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
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect.shrink(4.0)), |ui| {
        ui.spacing_mut().item_spacing.y = 1.0;
        ui.add(egui::Label::new(RichText::new(&article.title).strong()).truncate());
        let mut line = format!("{} claims", counts.total());
        if let Some(outlet) = &article.meta.outlet {
            line = format!("{outlet} · {line}");
        }
        ui.add(egui::Label::new(RichText::new(line).small().weak()).truncate());
        count_chips(ui, &counts);
    });
    if response.clicked() {
        view.filter.article = Some(article.id);
        view.article = Some(article.id);
    }
}

pub fn tabs_and_filters(ui: &mut Ui, project: &Project, view: &mut ViewState) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut view.tab, Tab::Claims, RichText::new("Claims").strong());
        ui.selectable_value(
            &mut view.tab,
            Tab::Speakers,
            RichText::new("Speakers").strong(),
        );
        if view.tab != Tab::Claims {
            return;
        }
        ui.separator();
        let search = ui.add(
            egui::TextEdit::singleline(&mut view.filter.search)
                .id(egui::Id::unique("claim_search"))
                .hint_text("Search claims (Ctrl+F)")
                .desired_width(200.0),
        );
        if std::mem::take(&mut view.focus_search) {
            search.request_focus();
        }
        if search.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            search.surrender_focus();
        }
        // Enter in the search field hands the keys back to the table, ready to tag.
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            view.focus_table = true;
        }
        let status_text = view.filter.status.map_or("Any status", Status::label);
        let combo = egui::ComboBox::from_id_salt("filter_status")
            .selected_text(status_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.status, None, "Any status");
                for s in Status::ALL {
                    ui.selectable_value(&mut view.filter.status, Some(s), s.label());
                }
            });
        theme::name_combo(&combo.response, "Status filter", status_text);
        let speaker_text = view
            .filter
            .speaker
            .and_then(|s| project.speaker(s))
            .map_or("Any speaker", |s| s.name.as_str());
        let combo = egui::ComboBox::from_id_salt("filter_speaker")
            .selected_text(speaker_text)
            .width(150.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.speaker, None, "Any speaker");
                for s in &project.speakers {
                    ui.selectable_value(&mut view.filter.speaker, Some(s.id), &s.name);
                }
            });
        theme::name_combo(&combo.response, "Speaker filter", speaker_text);
        let kind_text = view.filter.kind.map_or("Any kind", ClaimKind::key);
        let combo = egui::ComboBox::from_id_salt("filter_kind")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.kind, None, "Any kind");
                for k in ClaimKind::ALL {
                    ui.selectable_value(&mut view.filter.kind, Some(k), k.key());
                }
            });
        theme::name_combo(&combo.response, "Kind filter", kind_text);
        if view.filter.is_active() && ui.button("Clear filters").clicked() {
            view.filter = Default::default();
        }
    });
    ui.add_space(2.0);
}
