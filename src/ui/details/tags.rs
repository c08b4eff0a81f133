//! The "Tags" row of the details pane: the tags of the claims shown (each with × to take
//! it off them all) and a field to add one, typed with completion from the project's
//! tags: T in the table gives it the keys, Tab completes, Enter adds (and keeps the keys
//! for another tag), Esc goes back to the table. Every change is one edit.

use egui::{Key, Modifiers, RichText, Ui};

use super::super::command::{Queue, TriageAction, ViewAction};
use super::super::rows::ProjectIndex;
use super::super::state::ViewState;
use crate::model::edit::Edit;
use crate::model::{ClaimId, Project};

/// How many selected claims the row reads their tags from (a select-all of a huge
/// project does not read every claim each frame).
const READ_AT_MOST: usize = 2000;

/// The id of the tag field (tests type into it).
pub fn field_id() -> egui::Id {
    egui::Id::unique("claim_tag_field")
}

/// What the row reads and writes of the view state.
pub struct TagView<'a> {
    pub index: &'a ProjectIndex,
    pub focus: &'a mut bool,
    pub draft: &'a mut String,
}

impl<'a> TagView<'a> {
    pub fn of(view: &'a mut ViewState) -> Self {
        TagView {
            index: &view.index,
            focus: &mut view.focus_tags,
            draft: &mut view.tag_draft,
        }
    }
}

pub fn row(
    ui: &mut Ui,
    project: &Project,
    ids: &[ClaimId],
    view: TagView<'_>,
    field_w: f32,
    queue: &mut Queue,
) {
    // Each tag with how many of the claims carry it, in the order first met.
    let mut tags: Vec<(String, usize)> = Vec::new();
    for claim in ids
        .iter()
        .take(READ_AT_MOST)
        .filter_map(|id| view.index.index_of(*id).and_then(|i| project.claims.get(i)))
    {
        for tag in &claim.tags {
            match tags.iter_mut().find(|(t, _)| t == tag) {
                Some((_, n)) => *n += 1,
                None => tags.push((tag.clone(), 1)),
            }
        }
    }
    let l = ui.label("Tags");
    ui.vertical(|ui| {
        ui.set_max_width(field_w);
        if !tags.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (tag, n) in &tags {
                    let text = if ids.len() > 1 {
                        format!("{tag} ({n}) ×")
                    } else {
                        format!("{tag} ×")
                    };
                    let chip = ui.small_button(text).on_hover_text(format!(
                        "Take the tag \"{tag}\" off (right-click: rename or merge it \
                         across the project)"
                    ));
                    if chip.clicked() {
                        queue.push(TriageAction::Edit(Edit::RemoveTag {
                            claims: ids.to_vec(),
                            tag: tag.clone(),
                        }));
                    }
                    chip.context_menu(|ui| rename_menu(ui, project, &view.index.tags, tag, queue));
                }
            });
        }
        let id = field_id();
        if std::mem::take(view.focus) {
            ui.memory_mut(|m| m.request_focus(id));
            let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
            let end = egui::text::CCursor::new(view.draft.chars().count() + 64);
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            state.store(ui.ctx(), id);
        }
        let focused = ui.memory(|m| m.has_focus(id));
        if focused && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
            queue.push(ViewAction::CompleteTag);
        }
        let field = ui
            .add(
                egui::TextEdit::singleline(view.draft)
                    .id(id)
                    .hint_text("Add a tag (T)")
                    // Tab completes here instead of moving the keys on.
                    .lock_focus(true)
                    .desired_width(field_w.min(220.0)),
            )
            .labelled_by(l.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            queue.push(TriageAction::AddTypedTag);
            *view.focus = true;
        }
        if focused || field.has_focus() {
            let has: Vec<String> = tags.iter().map(|(t, _)| t.clone()).collect();
            let found = crate::model::tags::completions(project, view.draft, &has);
            if !found.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Tab:").weak().small());
                    for tag in found.iter().take(6) {
                        if ui.small_button(tag).clicked() {
                            queue.push(TriageAction::Edit(Edit::AddTag {
                                claims: ids.to_vec(),
                                tag: tag.clone(),
                            }));
                        }
                    }
                });
            }
        }
    });
    ui.end_row();
}

/// The id of the rename field (tests type into it).
pub fn rename_field_id() -> egui::Id {
    egui::Id::unique("rename_tag_field")
}

/// Rename `tag` on every claim of the project; a name the project has already merges the
/// two. One edit.
/// `tags`: the project's tags with their counts (the index's, so that an open menu reads
/// no claim per frame).
fn rename_menu(
    ui: &mut Ui,
    project: &Project,
    tags: &[(String, usize)],
    tag: &str,
    queue: &mut Queue,
) {
    let id = rename_field_id();
    let mut to: String = ui
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| tag.to_string());
    let l = ui.label(format!("Rename \"{tag}\" everywhere to"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut to)
                .id(id)
                .desired_width(180.0),
        )
        .labelled_by(l.id);
    let count = tags.iter().find(|(t, _)| t == tag).map_or(0, |(_, n)| *n);
    let into = tags
        .iter()
        .find(|(t, _)| t != tag && crate::model::tags::same_name(t, to.trim()));
    let label = match into {
        Some((other, _)) => format!("Merge into \"{other}\" ({count} claims)"),
        None => format!("Rename on {count} claims"),
    };
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if ui.button(label).clicked() || enter {
        let tagged: Vec<ClaimId> = project
            .claims
            .iter()
            .filter(|c| c.tags.iter().any(|t| t == tag))
            .map(|c| c.id)
            .collect();
        queue.push(TriageAction::Edit(Edit::RenameTag {
            claims: tagged,
            from: tag.to_string(),
            to: to.trim().to_string(),
        }));
        ui.data_mut(|d| d.remove::<String>(id));
        ui.close();
        return;
    }
    ui.data_mut(|d| d.insert_temp(id, to));
}
