//! The selected claim in full: status buttons, content, speaker and role, notes, evidence
//! and status history. Text fields commit an edit when they lose focus.

use egui::{Id, RichText, Ui};

use super::state::{Action, ViewState};
use super::theme;
use crate::model::edit::Edit;
use crate::model::{Claim, ClaimId, Evidence, Project, Status};

/// Editing buffers of the details panel, reloaded when another claim is shown or the
/// project changes.
#[derive(Clone, Default)]
struct Buffers {
    claim: Option<ClaimId>,
    revision: Option<u64>,
    content: String,
    speaker: String,
    role: String,
    notes: String,
    ev_url: String,
    ev_description: String,
}

impl Buffers {
    fn load(&mut self, project: &Project, claim: &Claim, revision: u64) {
        let speaker = claim.speaker.and_then(|s| project.speaker(s));
        let keep_evidence = self.claim == Some(claim.id);
        *self = Buffers {
            claim: Some(claim.id),
            revision: Some(revision),
            content: claim.content.clone(),
            speaker: speaker.map(|s| s.name.clone()).unwrap_or_default(),
            role: speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
            notes: claim.notes.clone(),
            ev_url: if keep_evidence {
                std::mem::take(&mut self.ev_url)
            } else {
                String::new()
            },
            ev_description: if keep_evidence {
                std::mem::take(&mut self.ev_description)
            } else {
                String::new()
            },
        };
    }
}

fn buffers_id() -> Id {
    Id::unique("details_buffers")
}

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, actions: &mut Vec<Action>) {
    let selected = view.selection.ids.len();
    if selected > 1 {
        ui.heading(format!("{selected} claims selected"));
        ui.label("Mark them all:");
        status_buttons(ui, actions);
        ui.add_space(8.0);
        if ui.button("Delete selected claims").clicked() {
            actions.push(Action::DeleteSelected);
        }
        return;
    }
    let Some(claim) = view.selection.cursor.and_then(|c| {
        view.index
            .index_of(c)
            .and_then(|i| project.claims.get(i))
            .filter(|claim| claim.id == c)
    }) else {
        ui.add_space(8.0);
        ui.label(RichText::new("Select a claim to see and edit its details.").weak());
        return;
    };
    let revision = view.index.revision.unwrap_or(0);
    let mut buf: Buffers = ui.data(|d| d.get_temp(buffers_id())).unwrap_or_default();
    if buf.claim != Some(claim.id) || buf.revision != Some(revision) {
        buf.load(project, claim, revision);
    }

    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header(ui, &view.index, claim, actions);
            ui.add_space(4.0);
            status_buttons(ui, actions);
            ui.add_space(6.0);

            // Fixed widths: an "infinite" field would push the resizable panel to its maximum.
            let field_w = (ui.available_width() - 80.0).max(120.0);
            egui::Grid::new("claim_fields")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let l = ui.label("Claim");
                    let r = ui
                        .add(
                            egui::TextEdit::multiline(&mut buf.content)
                                .id_salt("claim_content")
                                .desired_rows(2)
                                .desired_width(field_w),
                        )
                        .labelled_by(l.id);
                    if r.lost_focus() && buf.content.trim() != claim.content {
                        actions.push(Action::Edit(Edit::SetContent {
                            claim: claim.id,
                            content: buf.content.clone(),
                        }));
                    }
                    ui.end_row();

                    let l = ui.label("Speaker");
                    speaker_field(ui, project, claim, &mut buf, actions, field_w, l.id);
                    ui.end_row();

                    if let Some(speaker) = claim.speaker.and_then(|s| project.speaker(s)) {
                        let l = ui.label("Role");
                        let r = ui
                            .add(
                                egui::TextEdit::singleline(&mut buf.role)
                                    .id_salt("speaker_role")
                                    .hint_text("e.g. National Security Council Spokesperson")
                                    .desired_width(field_w),
                            )
                            .labelled_by(l.id);
                        if r.lost_focus()
                            && buf.role.trim() != speaker.role.as_deref().unwrap_or("")
                        {
                            actions.push(Action::Edit(Edit::SetRole {
                                speaker: speaker.id,
                                role: buf.role.clone(),
                            }));
                        }
                        ui.end_row();
                    }
                    if let Some(m) = &claim.mention {
                        ui.label("Mention");
                        ui.label(RichText::new(format!("“{m}”")).italics());
                        ui.end_row();
                    }

                    let l = ui.label("Notes");
                    let r = ui
                        .add(
                            egui::TextEdit::multiline(&mut buf.notes)
                                .id_salt("claim_notes")
                                .hint_text("What you checked, whom you asked…")
                                .desired_rows(3)
                                .desired_width(field_w),
                        )
                        .labelled_by(l.id);
                    if r.lost_focus() && buf.notes != claim.notes {
                        actions.push(Action::Edit(Edit::SetNotes {
                            claim: claim.id,
                            notes: buf.notes.clone(),
                        }));
                    }
                    ui.end_row();
                });

            ui.add_space(6.0);
            evidence(ui, claim, &mut buf, actions);
            ui.add_space(6.0);
            history(ui, claim);
        });
    ui.data_mut(|d| d.insert_temp(buffers_id(), buf));
}

fn header(
    ui: &mut Ui,
    view_index: &super::rows::ProjectIndex,
    claim: &Claim,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        theme::status_pill(ui, claim.status);
        let n = view_index.index_of(claim.id).unwrap_or(0);
        ui.label(
            RichText::new(format!(
                "#{} · {}{} · {}",
                n + 1,
                claim.kind.key(),
                if claim.cue.is_empty() {
                    String::new()
                } else {
                    format!(" · cue “{}”", claim.cue)
                },
                match claim.origin {
                    crate::model::ClaimOrigin::Extracted => "found by claimdesk",
                    crate::model::ClaimOrigin::Edited => "edited",
                    crate::model::ClaimOrigin::Manual => "added by hand",
                }
            ))
            .small()
            .weak(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Delete claim")
                .on_hover_text("Delete this claim (Delete)")
                .clicked()
            {
                actions.push(Action::DeleteSelected);
            }
        });
    });
}

fn status_buttons(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for status in Status::ALL {
            if theme::status_button(ui, status).clicked() {
                actions.push(Action::Tag(status));
            }
        }
    });
}

fn speaker_field(
    ui: &mut Ui,
    project: &Project,
    claim: &Claim,
    buf: &mut Buffers,
    actions: &mut Vec<Action>,
    width: f32,
    label: egui::Id,
) {
    ui.horizontal(|ui| {
        let current = claim
            .speaker
            .and_then(|s| project.speaker(s))
            .map_or("", |s| s.name.as_str());
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut buf.speaker)
                    .id_salt("claim_speaker")
                    .hint_text("Type a name, or pick one")
                    .desired_width(width - 44.0),
            )
            .labelled_by(label);
        if r.lost_focus() && buf.speaker.trim() != current {
            actions.push(Action::Edit(Edit::SetSpeakerName {
                claim: claim.id,
                name: buf.speaker.clone(),
            }));
        }
        let combo = egui::ComboBox::from_id_salt("pick_speaker")
            .selected_text("")
            .width(24.0)
            .show_ui(ui, |ui| {
                for s in &project.speakers {
                    if ui
                        .selectable_label(claim.speaker == Some(s.id), &s.name)
                        .clicked()
                    {
                        buf.speaker = s.name.clone();
                        actions.push(Action::Edit(Edit::SetSpeakerName {
                            claim: claim.id,
                            name: s.name.clone(),
                        }));
                    }
                }
            });
        theme::name_combo(&combo.response, "Pick a speaker", current);
    });
}

fn evidence(ui: &mut Ui, claim: &Claim, buf: &mut Buffers, actions: &mut Vec<Action>) {
    let heading = ui.label(RichText::new("Evidence").strong());
    for (i, e) in claim.evidence.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this link")
                .clicked()
            {
                actions.push(Action::Edit(Edit::RemoveEvidence {
                    claim: claim.id,
                    index: i,
                }));
            }
            ui.hyperlink_to(&e.url, &e.url);
            if !e.description.is_empty() {
                ui.label(RichText::new(&e.description).weak());
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut buf.ev_url)
                .id_salt("evidence_url")
                .hint_text("https://…")
                .desired_width(160.0),
        )
        .labelled_by(heading.id);
        ui.add(
            egui::TextEdit::singleline(&mut buf.ev_description)
                .id_salt("evidence_description")
                .hint_text("What it shows")
                .desired_width((ui.available_width() - 50.0).max(60.0)),
        );
        let ok = !buf.ev_url.trim().is_empty();
        if ui.add_enabled(ok, egui::Button::new("Add")).clicked() {
            actions.push(Action::Edit(Edit::AddEvidence {
                claim: claim.id,
                evidence: Evidence {
                    url: std::mem::take(&mut buf.ev_url),
                    description: std::mem::take(&mut buf.ev_description),
                },
            }));
        }
    });
}

fn history(ui: &mut Ui, claim: &Claim) {
    ui.label(RichText::new("History").strong());
    if claim.history.is_empty() {
        ui.label(RichText::new("Not tagged yet.").weak());
    }
    for change in claim.history.iter().rev() {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(crate::model::time::date_time(change.at))
                    .monospace()
                    .small(),
            );
            theme::status_pill(ui, change.from);
            ui.label("to");
            theme::status_pill(ui, change.to);
        });
    }
}
