//! The selected claim in full: status buttons, content, speaker and role, triage fields
//! (`workflow.rs`), the public rationale, the private notes, the near-identical claims of
//! other articles and the earlier fact-checks found (`checked.rs`), evidence and status history;
//! with several selected, what acts on all of them. The text fields type into [`Drafts`]; the dispatcher turns what was
//! typed into edits when a field is left (see `drafts.rs`).

mod checked;
mod tags;
mod workflow;

use egui::{RichText, Ui};

use super::checks::Checks;
use super::command::{Queue, TriageAction};
use super::drafts::{Drafts, Field};
use super::selection::Common;
use super::state::ViewState;
use super::theme;
use crate::model::edit::Edit;
use crate::model::{Claim, Evidence, Project, Status};

/// A text field bound to a draft: typing marks it dirty; its id lets the app see when the
/// keys leave it.
fn field(
    ui: &mut Ui,
    edit: egui::TextEdit<'_>,
    which: Field,
    dirty: &mut std::collections::BTreeSet<Field>,
    label: egui::Id,
) {
    let r = ui.add(edit.id(which.id())).labelled_by(label);
    if r.changed() {
        dirty.insert(which);
    }
}

pub fn show(
    ui: &mut Ui,
    project: &Project,
    view: &mut ViewState,
    checks: &Checks,
    queue: &mut Queue,
) {
    let selected = view.selection.ids.len();
    let revision = view.index.revision.unwrap_or(0);
    if selected > 1 {
        several(ui, project, view, revision, queue);
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
    view.drafts.follow(project, claim, revision);
    let common = Common::of([claim]);
    let assignee = common.assignee.as_ref().and_then(|a| a.as_deref());
    view.drafts.follow_assignee(&common.ids, assignee, revision);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header(ui, claim, queue);
            ui.add_space(4.0);
            status_buttons(ui, queue);
            ui.add_space(6.0);
            checked::best_line(ui, claim, checks);
            checked::also_in(ui, project, claim, checks, queue);

            // Widths below what the pane has: content wider than the pane would widen it,
            // and a width taken from the pane would then grow it every frame.
            let field_w = (ui.available_width() - 96.0).max(120.0);
            egui::Grid::new("claim_fields")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    tags::row(
                        ui,
                        project,
                        &common.ids,
                        tags::TagView::of(view),
                        field_w,
                        queue,
                    );
                    let drafts = &mut view.drafts;
                    workflow::rows(ui, project, &common, drafts, field_w, queue);
                    let Drafts {
                        content,
                        speaker_name,
                        role,
                        notes,
                        rationale,
                        dirty,
                        ..
                    } = &mut *drafts;
                    let l = ui.label("Claim");
                    let edit = egui::TextEdit::multiline(content)
                        .desired_rows(2)
                        .desired_width(field_w);
                    field(ui, edit, Field::Content, dirty, l.id);
                    ui.end_row();

                    let l = ui.label("Speaker");
                    ui.horizontal(|ui| {
                        let edit = egui::TextEdit::singleline(speaker_name)
                            .hint_text("Type a name, or pick one")
                            .desired_width(field_w - 64.0);
                        field(ui, edit, Field::Speaker, dirty, l.id);
                        pick_speaker(ui, project, claim, queue);
                    });
                    ui.end_row();

                    if claim.speaker.and_then(|s| project.speaker(s)).is_some() {
                        let l = ui.label("Role");
                        let edit = egui::TextEdit::singleline(role)
                            .hint_text("e.g. National Security Council Spokesperson")
                            .desired_width(field_w);
                        field(ui, edit, Field::Role, dirty, l.id);
                        ui.end_row();
                    }
                    if let Some(m) = &claim.mention {
                        ui.label("Mention");
                        let line = crate::ui::speakers::why::mention_line(
                            m,
                            claim.antecedent.as_ref(),
                            claim.mention_span.map(|(a, _)| a),
                        );
                        ui.add(egui::Label::new(RichText::new(line).italics()).wrap());
                        ui.end_row();
                    }

                    let l = two_line_label(ui, "Rationale", "published");
                    let edit = egui::TextEdit::multiline(rationale)
                        .hint_text(
                            "The reason for the verdict, as published (ClaimReview, reports)",
                        )
                        .desired_rows(3)
                        .desired_width(field_w);
                    field(ui, edit, Field::Rationale, dirty, l);
                    ui.end_row();

                    let l = two_line_label(ui, "Notes", "private");
                    let edit = egui::TextEdit::multiline(notes)
                        .hint_text("What you checked, whom you asked… (never published)")
                        .desired_rows(3)
                        .desired_width(field_w);
                    field(ui, edit, Field::Notes, dirty, l);
                    ui.end_row();
                });

            ui.add_space(6.0);
            checked::checked_before(ui, claim, checks, queue);
            ui.add_space(6.0);
            evidence(ui, claim, &mut view.drafts, queue);
            ui.add_space(6.0);
            history(ui, claim);
        });
}

/// A field's name with what becomes of it under ("published", "private"); the name
/// alone labels the field.
fn two_line_label(ui: &mut Ui, name: &str, note: &str) -> egui::Id {
    ui.vertical(|ui| {
        // Never wrapped: the grid's column is as wide as its widest name.
        let l = ui.add(egui::Label::new(name).extend());
        ui.add(egui::Label::new(RichText::new(note).small().weak()).extend());
        l.id
    })
    .inner
}

/// Several claims selected: what acts on all of them, each one edit.
fn several(ui: &mut Ui, project: &Project, view: &mut ViewState, revision: u64, queue: &mut Queue) {
    view.common.refresh(&view.selection, &view.index, project);
    let ViewState {
        common,
        drafts,
        index,
        focus_tags,
        tag_draft,
        ..
    } = view;
    let common = &*common;
    let assignee = common.assignee.as_ref().and_then(|a| a.as_deref());
    drafts.follow_assignee(&common.ids, assignee, revision);
    // The pane keeps its width (as with one claim shown), scrolling when short.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(format!("{} claims selected", common.ids.len()));
            ui.label("Mark them all:");
            status_buttons(ui, queue);
            ui.add_space(6.0);
            let field_w = (ui.available_width() - 96.0).max(120.0);
            egui::Grid::new("several_fields")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    workflow::rows(ui, project, common, drafts, field_w, queue);
                    let view = tags::TagView {
                        index,
                        focus: focus_tags,
                        draft: tag_draft,
                    };
                    tags::row(ui, project, &common.ids, view, field_w, queue);
                });
            ui.add_space(8.0);
            if ui.button("Delete selected claims").clicked() {
                queue.push(TriageAction::DeleteSelected);
            }
        });
}

fn header(ui: &mut Ui, claim: &Claim, queue: &mut Queue) {
    let facts = format!(
        "#{} · {}{} · {}",
        claim.number,
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
    );
    // The button first (right to left), so that the facts truncate in what is left; all in
    // one row (a right-to-left layout alone would take the pane's whole height).
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Delete claim")
                .on_hover_text("Delete this claim (Delete)")
                .clicked()
            {
                queue.push(TriageAction::DeleteSelected);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                theme::status_pill(ui, claim.status);
                crate::ui::claims_table::publish_mark(ui, claim);
                ui.add(egui::Label::new(RichText::new(facts).small().weak()).truncate());
            });
        });
    });
}

fn status_buttons(ui: &mut Ui, queue: &mut Queue) {
    ui.horizontal_wrapped(|ui| {
        for status in Status::ALL {
            if theme::status_button(ui, status).clicked() {
                queue.push(TriageAction::Tag(status));
            }
        }
    });
}

/// The speaker menu beside the name field: picking one is an edit at once.
fn pick_speaker(ui: &mut Ui, project: &Project, claim: &Claim, queue: &mut Queue) {
    let current = claim
        .speaker
        .and_then(|s| project.speaker(s))
        .map_or("", |s| s.name.as_str());
    let combo = egui::ComboBox::from_id_salt("pick_speaker")
        .selected_text("")
        .width(24.0)
        .show_ui(ui, |ui| {
            for s in &project.speakers {
                if ui
                    .selectable_label(claim.speaker == Some(s.id), &s.name)
                    .clicked()
                {
                    queue.push(TriageAction::Edit(Edit::SetSpeakerName {
                        claim: claim.id,
                        name: s.name.clone(),
                    }));
                }
            }
        });
    theme::name_combo(&combo.response, "Pick a speaker", current);
}

fn evidence(ui: &mut Ui, claim: &Claim, buf: &mut Drafts, queue: &mut Queue) {
    let heading = ui.label(RichText::new("Evidence").strong());
    for (i, e) in claim.evidence.iter().enumerate() {
        // Truncated, one line each: a long address must not widen the pane.
        ui.horizontal(|ui| {
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this link")
                .clicked()
            {
                queue.push(TriageAction::Edit(Edit::RemoveEvidence {
                    claim: claim.id,
                    index: i,
                }));
            }
            let text = RichText::new(&e.url)
                .color(ui.visuals().hyperlink_color)
                .underline();
            let link = egui::Label::new(text)
                .truncate()
                .sense(egui::Sense::click());
            if ui.add(link).on_hover_text(&e.url).clicked() {
                ui.ctx().open_url(egui::OpenUrl::new_tab(&e.url));
            }
        });
        if !e.description.is_empty() {
            ui.add(egui::Label::new(RichText::new(&e.description).weak()).truncate());
        }
    }
    ui.horizontal(|ui| {
        // Both fields share what the pane has beside the button.
        let room = (ui.available_width() - 60.0).max(120.0);
        ui.add(
            egui::TextEdit::singleline(&mut buf.ev_url)
                .id_salt("evidence_url")
                .hint_text("https://…")
                .desired_width(room * 0.5),
        )
        .labelled_by(heading.id);
        ui.add(
            egui::TextEdit::singleline(&mut buf.ev_description)
                .id_salt("evidence_description")
                .hint_text("What it shows")
                .desired_width(room * 0.5 - 8.0),
        );
        let ok = !buf.ev_url.trim().is_empty();
        if ui.add_enabled(ok, egui::Button::new("Add")).clicked() {
            queue.push(TriageAction::Edit(Edit::AddEvidence {
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
        ui.horizontal_wrapped(|ui| {
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
