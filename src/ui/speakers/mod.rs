//! The Speakers tab: everyone quoted in the project, searchable and sortable (name, claims,
//! claims by status), with click / Shift-click / Ctrl-click selection. The selected
//! speaker's page (`page.rs`) renames, edits the role in place, merges, and lists the
//! speaker's claims across articles. Every input goes on the queue.

mod aliases;
mod page;
pub mod why;

use egui::{Align, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{Project, SpeakerId};
use crate::ui::command::{Pick, Queue, TriageAction, ViewAction};
use crate::ui::speaker_list::{SpeakerQuery, SpeakerSort};
use crate::ui::state::ViewState;
use crate::ui::theme::{self, count_chips_line};

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    if project.speakers.is_empty() {
        ui.label(RichText::new("No speakers yet.").weak());
        return;
    }
    toolbar(ui, project, view, queue);
    let width = ui.available_width();
    egui::Panel::right("speaker_page")
        .resizable(true)
        .default_size((width * 0.38).clamp(260.0, 480.0))
        // The list keeps more than half the width at any text size.
        .size_range(240.0..=(width * 0.45).max(260.0))
        .show(ui, |ui| page::show(ui, project, view, queue));
    egui::CentralPanel::default().show(ui, |ui| table(ui, project, view, queue));
}

/// Search, sort and how many are shown.
fn toolbar(ui: &mut Ui, project: &Project, view: &ViewState, queue: &mut Queue) {
    let mut query = view.speakers.query.clone();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut query.search)
                .id(egui::Id::unique("speaker_search"))
                .hint_text("name, alias or role")
                .desired_width(200.0),
        )
        .labelled_by(l.id);
        let sort_text = query.sort.label();
        let combo = egui::ComboBox::from_id_salt("speaker_sort")
            .selected_text(format!("Sort: {sort_text}"))
            .show_ui(ui, |ui| {
                for sort in SpeakerSort::all() {
                    ui.selectable_value(&mut query.sort, sort, sort.label());
                }
            });
        theme::name_combo(&combo.response, "Sort speakers by", &sort_text);
        let order = match (query.sort, query.reversed) {
            (SpeakerSort::Name, false) => "A to Z",
            (SpeakerSort::Name, true) => "Z to A",
            (_, false) => "Most first",
            (_, true) => "Fewest first",
        };
        if ui
            .button(order)
            .on_hover_text("Reverse the order")
            .clicked()
        {
            query.reversed = !query.reversed;
        }
        let shown = view.speakers.rows.rows.len();
        let total = project.speakers.len();
        let mut facts = if shown == total {
            format!("{total} speakers")
        } else {
            format!("{shown} of {total} speakers")
        };
        let selected = view.speakers.selection.ids.len();
        if selected > 1 {
            facts.push_str(&format!(" · {selected} selected"));
        }
        ui.label(RichText::new(facts).weak());
    });
    if query != view.speakers.query {
        queue.push(ViewAction::SetSpeakerQuery(query));
    }
}

fn table(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    // A key moved the cursor: bring its row into view.
    let scroll_to = if std::mem::take(&mut view.speakers.scroll) {
        let cursor = view.speakers.selection.cursor;
        view.speakers
            .rows
            .rows
            .iter()
            .position(|&i| project.speakers.get(i).map(|s| s.id) == cursor)
    } else {
        None
    };
    let view = &*view;
    let rows = &view.speakers.rows.rows;
    if rows.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("No speaker matches the search.").weak());
        return;
    }
    let modifiers = ui.input(|i| i.modifiers);
    let mut clicked: Option<(SpeakerId, Modifiers)> = None;
    let mut sort_by: Option<SpeakerSort> = None;
    // Widths follow the panel: the chips get about a third, the names share the rest;
    // narrow (large text), "Also called" is left to the speaker's page.
    let gap = ui.spacing().item_spacing.x;
    let aliases = ui.available_width() >= 620.0;
    let columns = if aliases { 5.0 } else { 4.0 };
    let width = ui.available_width() - columns * gap;
    let chips = (width * 0.3).max(110.0);
    let claims = 52.0;
    let rest = (width - chips - claims).max(150.0);
    let shares: &[f32] = if aliases {
        &[0.38, 0.34, 0.28]
    } else {
        &[0.55, 0.45]
    };
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt(("speakers_table", aliases))
            .striped(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center));
        for share in shares {
            table = table.column(Column::exact(rest * share).clip(true));
        }
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, None);
        }
        table
            .column(Column::exact(claims))
            .column(Column::exact(chips).clip(true))
            .header(22.0, |mut h| {
                for (label, sort) in [
                    ("Speaker", Some(SpeakerSort::Name)),
                    ("Role", None),
                    ("Also called", None),
                    ("Claims", Some(SpeakerSort::Claims)),
                    ("By status", None),
                ] {
                    if label == "Also called" && !aliases {
                        continue;
                    }
                    let (_, response) = h.col(|ui| {
                        ui.strong(label);
                    });
                    if let Some(sort) = sort
                        && response
                            .on_hover_text(format!("Sort by {}", sort.label().to_lowercase()))
                            .clicked()
                    {
                        sort_by = Some(sort);
                    }
                }
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let Some(s) = rows.get(row.index()).and_then(|&i| project.speakers.get(i))
                    else {
                        return;
                    };
                    let counts = view
                        .index
                        .by_speaker
                        .get(&s.id)
                        .copied()
                        .unwrap_or_default();
                    row.set_selected(view.speakers.selection.contains(s.id));
                    row.col(|ui| {
                        let name = if s.is_body {
                            format!("{} (group)", s.name)
                        } else {
                            s.name.clone()
                        };
                        ui.add(egui::Label::new(name).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(s.role.as_deref().unwrap_or("")).truncate());
                    });
                    if aliases {
                        row.col(|ui| {
                            let names = RichText::new(s.aliases.join(", ")).weak();
                            ui.add(egui::Label::new(names).truncate());
                        });
                    }
                    row.col(|ui| {
                        ui.label(counts.total().to_string());
                    });
                    row.col(|ui| count_chips_line(ui, &counts));
                    if row.response().clicked() {
                        clicked = Some((s.id, modifiers));
                    }
                });
            });
    });
    if let Some(sort) = sort_by {
        let mut query: SpeakerQuery = view.speakers.query.clone();
        if query.sort == sort {
            query.reversed = !query.reversed;
        } else {
            query.sort = sort;
            query.reversed = false;
        }
        queue.push(ViewAction::SetSpeakerQuery(query));
    }
    if let Some((speaker, mods)) = clicked {
        let pick = if mods.shift {
            Pick::Extend
        } else if mods.command {
            Pick::Toggle
        } else {
            Pick::Only
        };
        queue.push(TriageAction::PickSpeaker { speaker, pick });
    }
}
