//! The triage fields of the claims the details pane shows (one, or every one selected):
//! assignee (typed through the drafts, or picked from the names the project remembers),
//! priority and "in progress". Each change is one edit for all of them.

use egui::{RichText, Ui};

use super::super::command::{Queue, TriageAction};
use super::super::drafts::{Drafts, Field};
use super::super::selection::Common;
use super::super::theme;
use crate::model::edit::Edit;
use crate::model::{ClaimId, Priority, Project};

/// The grid rows "Assignee", "Priority" and "In progress" for the claims of
/// `common`.
pub fn rows(
    ui: &mut Ui,
    project: &Project,
    common: &Common,
    drafts: &mut Drafts,
    field_w: f32,
    queue: &mut Queue,
) {
    let ids = &common.ids;
    let l = ui.label("Assignee");
    ui.horizontal(|ui| {
        let Drafts {
            assignee, dirty, ..
        } = drafts;
        let hint = if common.assignee.is_none() {
            "Several (type or pick)"
        } else {
            "No one (type or pick)"
        };
        let edit = egui::TextEdit::singleline(&mut assignee.name)
            .hint_text(hint)
            .desired_width(field_w - 64.0)
            .id(Field::Assignee.id());
        let r = ui.add(edit).labelled_by(l.id);
        if r.changed() {
            dirty.insert(Field::Assignee);
        }
        pick_assignee(ui, project, ids, queue);
    });
    ui.end_row();

    ui.label("Priority");
    ui.horizontal_wrapped(|ui| {
        for priority in Priority::ALL {
            let on = common.priority == Some(priority);
            if ui
                .selectable_label(on, priority.label())
                .on_hover_text(format!("Priority {}", priority.label()))
                .clicked()
                && !on
            {
                queue.push(TriageAction::Edit(Edit::SetPriority {
                    claims: ids.clone(),
                    priority,
                }));
            }
        }
    });
    ui.end_row();

    // A row of its own: wrapped beside the priorities, it overlapped the next row.
    ui.label("");
    ui.horizontal(|ui| {
        let mut on = common.all_in_progress;
        let mixed = common.some_in_progress && !common.all_in_progress;
        let check = egui::Checkbox::new(&mut on, "In progress").indeterminate(mixed);
        if ui
            .add(check)
            .on_hover_text("Someone is working on it")
            .changed()
        {
            queue.push(TriageAction::Edit(Edit::SetInProgress {
                claims: ids.clone(),
                in_progress: on,
            }));
        }
    });
    ui.end_row();
}

/// The menu beside the assignee field: "No one" or a name the project remembers, at once.
fn pick_assignee(ui: &mut Ui, project: &Project, ids: &[ClaimId], queue: &mut Queue) {
    let combo = egui::ComboBox::from_id_salt("pick_assignee")
        .selected_text("")
        .width(24.0)
        .show_ui(ui, |ui| {
            let mut pick = |assignee: Option<String>| {
                queue.push(TriageAction::Edit(Edit::SetAssignee {
                    claims: ids.to_vec(),
                    assignee,
                }));
            };
            if ui.selectable_label(false, "No one").clicked() {
                pick(None);
            }
            if project.assignees.is_empty() {
                ui.label(RichText::new("Names typed here are remembered").weak());
            }
            for name in &project.assignees {
                if ui.selectable_label(false, name).clicked() {
                    pick(Some(name.clone()));
                }
            }
        });
    theme::name_combo(&combo.response, "Pick an assignee", "");
}
