//! The speakers view: everyone quoted in the project, with role, aliases and claim counts by
//! status; rename a speaker or merge two (all claims move to the one kept).

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Action, Queue, Tab};
use super::rows::Filter;
use super::state::ViewState;
use super::theme::{self, count_chips};
use crate::model::edit::Edit;
use crate::model::{Project, SpeakerId};

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    if project.speakers.is_empty() {
        ui.label(RichText::new("No speakers yet.").weak());
        return;
    }
    egui::Panel::bottom("speaker_edit")
        .resizable(false)
        .show(ui, |ui| editor(ui, project, view, queue));

    let mut order: Vec<&crate::model::Speaker> = project.speakers.iter().collect();
    order.sort_by_key(|s| s.name.to_lowercase());
    let mut picked: Option<SpeakerId> = None;
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("speakers_table")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::initial(180.0).at_least(80.0).clip(true))
            .column(Column::initial(240.0).at_least(60.0).clip(true))
            .column(Column::initial(260.0).at_least(60.0).clip(true))
            .column(Column::exact(60.0))
            .column(Column::remainder().at_least(120.0))
            .header(22.0, |mut h| {
                for label in ["Speaker", "Role", "Also called", "Claims", "By status"] {
                    h.col(|ui| {
                        ui.strong(label);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, order.len(), |mut row| {
                    let s = order[row.index()];
                    let counts = view
                        .index
                        .by_speaker
                        .get(&s.id)
                        .copied()
                        .unwrap_or_default();
                    row.set_selected(view.speaker == Some(s.id));
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
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(RichText::new(s.aliases.join(", ")).weak()).truncate(),
                        );
                    });
                    row.col(|ui| {
                        ui.label(counts.total().to_string());
                    });
                    row.col(|ui| count_chips(ui, &counts));
                    if row.response().clicked() {
                        picked = Some(s.id);
                    }
                });
            });
    });
    if let Some(id) = picked {
        pick(project, view, id);
    }
}

fn pick(project: &Project, view: &mut ViewState, id: SpeakerId) {
    view.speaker = Some(id);
    view.speaker_name_edit = project
        .speaker(id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    view.merge_into = None;
}

fn editor(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    ui.add_space(6.0);
    let Some(speaker) = view.speaker.and_then(|s| project.speaker(s)) else {
        ui.label(RichText::new("Click a speaker to rename it or merge it into another.").weak());
        ui.add_space(6.0);
        return;
    };
    let id = speaker.id;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&speaker.name).strong());
        if ui.button("Show claims").clicked() {
            queue.push(Action::SetFilter(Filter {
                speaker: Some(id),
                ..Default::default()
            }));
            queue.push(Action::ShowTab(Tab::Claims));
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label("Name");
        ui.add(
            egui::TextEdit::singleline(&mut view.speaker_name_edit)
                .id_salt("speaker_rename")
                .desired_width(240.0),
        )
        .labelled_by(l.id);
        let changed = view.speaker_name_edit.trim() != speaker.name
            && !view.speaker_name_edit.trim().is_empty();
        if ui
            .add_enabled(changed, egui::Button::new("Rename"))
            .clicked()
        {
            queue.push(Action::Edit(Edit::RenameSpeaker {
                speaker: id,
                name: view.speaker_name_edit.clone(),
            }));
        }
    });
    ui.horizontal(|ui| {
        ui.label("Merge into");
        let target = view
            .merge_into
            .and_then(|t| project.speaker(t))
            .map_or("choose a speaker…", |s| s.name.as_str());
        let combo = egui::ComboBox::from_id_salt("merge_into")
            .selected_text(target)
            .width(240.0)
            .show_ui(ui, |ui| {
                for s in project.speakers.iter().filter(|s| s.id != id) {
                    ui.selectable_value(&mut view.merge_into, Some(s.id), &s.name);
                }
            });
        theme::name_combo(&combo.response, "Merge into", target);
        let ok = view.merge_into.is_some_and(|t| t != id);
        if ui
            .add_enabled(ok, egui::Button::new("Merge"))
            .on_hover_text(
                "Move all of this speaker's claims to the other; its names become aliases",
            )
            .clicked()
            && let Some(into) = view.merge_into
        {
            queue.push(Action::Edit(Edit::MergeSpeakers { from: id, into }));
            view.speaker = Some(into);
            view.speaker_name_edit = project
                .speaker(into)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            view.merge_into = None;
        }
    });
    ui.add_space(6.0);
}
