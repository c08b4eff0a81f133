//! "Assign speaker…" for the claims selected (the table's context menu): a name typed or
//! picked from the project's speakers (those whose name, alias or role matches what is
//! typed), applied to every one of them as one edit (`Edit::AssignSpeaker`). Only asks:
//! the edit goes through the queue.

use egui::{Context, Id, RichText};

use super::command::{Queue, TriageAction};
use crate::model::edit::Edit;
use crate::model::{ClaimId, Project};

/// The open window: for which claims, and the name typed so far.
#[derive(Debug, Clone, Default)]
pub struct AssignSpeaker {
    pub claims: Vec<ClaimId>,
    pub name: String,
}

/// How many matching speakers the window lists.
const LISTED: usize = 12;

/// Draw the window while `open` holds one; it closes on Assign, Cancel or Esc.
pub fn show(ctx: &Context, project: &Project, open: &mut Option<AssignSpeaker>, queue: &mut Queue) {
    let Some(assign) = open else {
        return;
    };
    let mut close = false;
    let mut done: Option<String> = None;
    egui::Modal::new(Id::unique("assign_speaker")).show(ctx, |ui| {
        ui.set_width(420.0);
        // Read before the name field, which takes an Esc for itself: one Esc closes.
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        let n = assign.claims.len();
        ui.heading(format!(
            "Assign a speaker to {n} claim{}",
            if n == 1 { "" } else { "s" }
        ));
        let label = ui.label("Speaker (a new name makes a new speaker; empty: no speaker)");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut assign.name)
                    .id(Id::unique("assign_speaker_name"))
                    .desired_width(f32::INFINITY)
                    .hint_text("Type a name"),
            )
            .labelled_by(label.id);
        if !edit.has_focus() && assign.name.is_empty() {
            edit.request_focus();
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            done = Some(assign.name.clone());
        }
        let needle = assign.name.trim().to_lowercase();
        let matching = project.speakers.iter().filter(|s| {
            needle.is_empty()
                || s.name.to_lowercase().contains(&needle)
                || s.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                || s.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(&needle))
        });
        ui.add_space(4.0);
        for s in matching.take(LISTED) {
            let text = match &s.role {
                Some(role) => format!("{} · {role}", s.name),
                None => s.name.clone(),
            };
            if ui
                .add(egui::Button::new(text).truncate())
                .on_hover_text("Assign this speaker")
                .clicked()
            {
                done = Some(s.name.clone());
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Assign").clicked() {
                done = Some(assign.name.clone());
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        ui.label(
            RichText::new("One edit: one undo gives every claim its speaker back.")
                .small()
                .weak(),
        );
    });
    if let Some(name) = done {
        queue.push(TriageAction::Edit(Edit::AssignSpeaker {
            claims: std::mem::take(&mut assign.claims),
            name,
        }));
        close = true;
    }
    if close {
        *open = None;
    }
}
