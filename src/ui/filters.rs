//! The row above the claims table: the view tabs, search and the filters. The widgets
//! edit a copy of the view's filter; a change goes on the queue as `Action::View(ViewAction::SetFilter)`, in
//! order with every other input, and the table follows on the next refresh.

use egui::{RichText, Ui};

use super::command::{Queue, Tab, ViewAction};
use super::rows::{AssigneeFilter, Filter};
use super::state::ViewState;
use super::theme;
use crate::model::{CheckedLevel, ClaimKind, Priority, Project, Status};

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    let mut filter = view.filter.clone();
    ui.horizontal_wrapped(|ui| {
        for (tab, label) in [(Tab::Claims, "Claims"), (Tab::Speakers, "Speakers")] {
            if ui
                .selectable_label(view.tab == tab, RichText::new(label).strong())
                .clicked()
            {
                queue.push(ViewAction::ShowTab(tab));
            }
        }
        if view.tab != Tab::Claims {
            return;
        }
        ui.separator();
        // Focus before the field is drawn: it takes this frame's typing, not the next's.
        let search_id = egui::Id::unique("claim_search");
        if std::mem::take(&mut view.focus_search) {
            ui.memory_mut(|m| m.request_focus(search_id));
            // The caret after what is there (text typed with Ctrl+F included).
            let mut state = egui::TextEdit::load_state(ui.ctx(), search_id).unwrap_or_default();
            let end = egui::text::CCursor::new(filter.search.chars().count());
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            state.store(ui.ctx(), search_id);
        }
        let search = ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .id(search_id)
                .hint_text("Search claims, or #17 (Ctrl+F)")
                .desired_width(190.0),
        );
        // Enter in the search field hands the keys back to the table, ready to tag.
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            queue.push(ViewAction::FocusTable);
        }
        status_filter(ui, &mut filter);
        let speaker_text = view
            .filter
            .speaker
            .and_then(|s| project.speaker(s))
            .map_or("Any speaker", |s| s.name.as_str());
        let combo = egui::ComboBox::from_id_salt("filter_speaker")
            .selected_text(speaker_text)
            .width(140.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.speaker, None, "Any speaker");
                for s in &project.speakers {
                    ui.selectable_value(&mut filter.speaker, Some(s.id), &s.name);
                }
            });
        theme::name_combo(&combo.response, "Speaker filter", speaker_text);
        let kind_text = filter.kind.map_or("Any kind", ClaimKind::key);
        let combo = egui::ComboBox::from_id_salt("filter_kind")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.kind, None, "Any kind");
                for k in ClaimKind::ALL {
                    ui.selectable_value(&mut filter.kind, Some(k), k.key());
                }
            });
        theme::name_combo(&combo.response, "Kind filter", kind_text);
        tag_filter(ui, &view.index.tags, &mut filter);
        triage_filter(ui, project, &mut filter);
        checked_filter(ui, &mut filter);
        super::views_menu::show(ui, project, view, queue);
        super::worth::menu(ui, project, &mut filter, queue);
        if filter.is_active() && ui.button("Clear filters").clicked() {
            queue.push(ViewAction::ClearFilters);
        }
    });
    if filter != view.filter {
        queue.push(ViewAction::SetFilter(filter));
    }
    ui.add_space(2.0);
}

/// The statuses shown, several at once: "Any status" (Not a claim hidden), "Any, with Not
/// a claim", or the statuses ticked (Not a claim among them if ticked).
fn status_filter(ui: &mut Ui, filter: &mut Filter) {
    const WITH_REJECTED: &str = "Any, with Not a claim";
    let text = match (filter.statuses.as_slice(), filter.show_rejected) {
        ([], true) => WITH_REJECTED.to_string(),
        ([], false) => "Any status".to_string(),
        ([one], _) => one.label().to_string(),
        ([first, rest @ ..], _) => format!("{} +{}", first.label(), rest.len()),
    };
    let combo = egui::ComboBox::from_id_salt("filter_status")
        .selected_text(&text)
        .width(120.0)
        .height(420.0)
        .truncate()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            let any = filter.statuses.is_empty() && !filter.show_rejected;
            if ui
                .selectable_label(any, "Any status")
                .on_hover_text("Every claim but those marked Not a claim")
                .clicked()
            {
                filter.statuses.clear();
                filter.show_rejected = false;
            }
            let with = filter.statuses.is_empty() && filter.show_rejected;
            if ui.selectable_label(with, WITH_REJECTED).clicked() {
                filter.statuses.clear();
                filter.show_rejected = true;
            }
            ui.separator();
            ui.label(
                RichText::new("Any of (click to add or remove):")
                    .weak()
                    .small(),
            );
            for s in Status::ALL {
                let on = filter.statuses.contains(&s);
                if ui.selectable_label(on, s.label()).clicked() {
                    filter.toggle_status(s, !on);
                    filter.show_rejected = false;
                }
            }
        });
    theme::name_combo(&combo.response, "Status filter", &text);
}

/// The tags shown (claims with any of those ticked), each with its claim count.
fn tag_filter(ui: &mut Ui, tags: &[(String, usize)], filter: &mut Filter) {
    if tags.is_empty() && filter.tags.is_empty() {
        return;
    }
    let text = match filter.tags.as_slice() {
        [] => "Any tag".to_string(),
        [one] => format!("Tag: {one}"),
        [first, rest @ ..] => format!("Tag: {first} +{}", rest.len()),
    };
    let combo = egui::ComboBox::from_id_salt("filter_tag")
        .selected_text(&text)
        .width(110.0)
        .height(420.0)
        .truncate()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.tags.is_empty(), "Any tag")
                .clicked()
            {
                filter.tags.clear();
            }
            ui.separator();
            for (tag, count) in tags {
                let mut on = filter
                    .tags
                    .iter()
                    .any(|t| crate::model::tags::same_name(t, tag));
                if ui.checkbox(&mut on, format!("{tag} ({count})")).changed() {
                    filter
                        .tags
                        .retain(|t| !crate::model::tags::same_name(t, tag));
                    if on {
                        filter.tags.push(tag.clone());
                    }
                }
            }
        });
    theme::name_combo(&combo.response, "Tag filter", &text);
}

/// One menu for the triage filters: assignee, priority, in progress. Its text says what is
/// chosen ("Ana · High"), or "Any triage".
fn triage_filter(ui: &mut Ui, project: &Project, filter: &mut Filter) {
    let mut parts: Vec<String> = Vec::new();
    match &filter.assignee {
        Some(AssigneeFilter::NoOne) => parts.push("Assigned to no one".into()),
        Some(AssigneeFilter::Named(name)) => parts.push(name.clone()),
        None => {}
    }
    if let Some(p) = filter.priority {
        parts.push(p.label().into());
    }
    match filter.in_progress {
        Some(true) => parts.push("In progress".into()),
        Some(false) => parts.push("Not in progress".into()),
        None => {}
    }
    let text = if parts.is_empty() {
        "Any triage".to_string()
    } else {
        parts.join(" · ")
    };
    let combo = egui::ComboBox::from_id_salt("filter_triage")
        .selected_text(&text)
        .width(120.0)
        .height(420.0)
        .truncate()
        .show_ui(ui, |ui| {
            ui.label(RichText::new("Assigned to").strong());
            ui.selectable_value(&mut filter.assignee, None, "Anyone");
            ui.selectable_value(&mut filter.assignee, Some(AssigneeFilter::NoOne), "No one");
            for name in &project.assignees {
                let value = Some(AssigneeFilter::Named(name.clone()));
                ui.selectable_value(&mut filter.assignee, value, name);
            }
            ui.separator();
            ui.label(RichText::new("Priority").strong());
            ui.selectable_value(&mut filter.priority, None, "Any priority");
            for p in Priority::ALL {
                ui.selectable_value(&mut filter.priority, Some(p), p.label());
            }
            ui.separator();
            ui.label(RichText::new("Progress").strong());
            ui.selectable_value(&mut filter.in_progress, None, "Any progress");
            ui.selectable_value(&mut filter.in_progress, Some(true), "In progress");
            ui.selectable_value(&mut filter.in_progress, Some(false), "Not in progress");
        });
    theme::name_combo(&combo.response, "Triage filter", &text);
}

/// "Checked before": the claims whose best match in the claim library (not rejected) is
/// strong, possible, or none; several at once. The levels come from the matching jobs.
fn checked_filter(ui: &mut Ui, filter: &mut Filter) {
    let text = match filter.checked.as_slice() {
        [] => "Checked before: any".to_string(),
        [one] => one.label().to_string(),
        many => format!(
            "Checked before: {}",
            many.iter().map(|l| l.key()).collect::<Vec<_>>().join(", ")
        ),
    };
    let combo = egui::ComboBox::from_id_salt("filter_checked")
        .selected_text(&text)
        .width(150.0)
        .truncate()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.checked.is_empty(), "Checked before: any")
                .clicked()
            {
                filter.checked.clear();
            }
            ui.separator();
            for level in CheckedLevel::ALL {
                let mut on = filter.checked.contains(&level);
                let hover = match level {
                    CheckedLevel::Strong => {
                        "Its best match is strong (p ≥ 0.8), or you confirmed one"
                    }
                    CheckedLevel::Possible => "Its best match is possible (0.4 ≤ p < 0.8)",
                    CheckedLevel::None => {
                        "Nothing like it in the claim library (matches you rejected left out)"
                    }
                };
                if ui
                    .checkbox(&mut on, level.label())
                    .on_hover_text(hover)
                    .changed()
                {
                    filter.checked.retain(|l| *l != level);
                    if on {
                        filter.checked.push(level);
                        filter.checked.sort_by_key(|l| std::cmp::Reverse(*l));
                    }
                }
            }
        });
    theme::name_combo(&combo.response, "Checked before filter", &text);
}
