//! The triage fields in the details pane (issue 12, points 5 and 6): the public rationale
//! beside the private notes, through the drafts; assignee, priority and in progress on
//! one claim or on every one selected, one edit each; the table's triage filter.

use crate::ui_support;

use claimdesk::model::Priority;
use claimdesk::ui::command::ViewAction;
use claimdesk::ui::rows::{AssigneeFilter, Filter};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Select claims 2, 3 and 4 (Down, Shift+Down twice).
fn select_three(h: &mut H) {
    press(h, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    assert_eq!(h.state().view.selection.ids.len(), 3);
}

#[test]
fn rationale_typed_then_esc_is_kept_as_one_undo_step() {
    let mut h = app(vec![sample_path()]);
    click_number(&mut h, 3, Modifiers::NONE);
    let before = h.state().doc.history.undo_label();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Rationale",
        "The ministry's own figures say otherwise.",
    );
    assert_eq!(h.state().doc.project.claims[2].rationale, "", "not yet");
    press(&mut h, Key::Escape);
    let app = h.state();
    assert_eq!(
        app.doc.project.claims[2].rationale,
        "The ministry's own figures say otherwise."
    );
    assert_eq!(
        app.doc.project.claims[2].notes, "",
        "the notes are another field"
    );
    assert_eq!(app.doc.history.undo_label(), Some("edit rationale"));
    assert_eq!(cursor_number(&h), Some(3));
    undo(&mut h);
    assert_eq!(h.state().doc.project.claims[2].rationale, "");
    assert_eq!(h.state().doc.history.undo_label(), before, "one step");
}

#[test]
fn rationale_is_committed_to_its_claim_when_another_is_selected() {
    let mut h = app(vec![sample_path()]);
    click_number(&mut h, 2, Modifiers::NONE);
    type_into(&mut h, Role::MultilineTextInput, "Rationale", "Checked");
    click_number(&mut h, 5, Modifiers::NONE);
    let claims = &h.state().doc.project.claims;
    assert_eq!(claims[1].rationale, "Checked");
    assert_eq!(claims[4].rationale, "");
    assert_eq!(cursor_number(&h), Some(5));
}

#[test]
fn priority_assignee_and_in_progress_on_three_selected_claims_one_edit_each() {
    let mut h = app(vec![sample_path()]);
    select_three(&mut h);
    assert!(h.query_by_label("3 claims selected").is_some());

    h.get_by_label("High").click();
    h.run();
    let priorities: Vec<Priority> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.priority)
        .collect();
    use Priority::*;
    assert_eq!(priorities, vec![Normal, High, High, High, Normal]);
    assert_eq!(h.state().doc.history.undo_label(), Some("set priority"));

    type_into(&mut h, Role::TextInput, "Assignee", "Ana");
    press(&mut h, Key::Escape);
    let assignees: Vec<Option<&str>> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.assignee.as_deref())
        .collect();
    assert_eq!(
        assignees,
        vec![None, Some("Ana"), Some("Ana"), Some("Ana"), None]
    );
    assert_eq!(h.state().doc.project.assignees, vec!["Ana".to_string()]);
    assert_eq!(h.state().doc.history.undo_label(), Some("assign"));

    h.get_by_label("In progress").click();
    h.run();
    let busy: Vec<bool> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.in_progress)
        .collect();
    assert_eq!(busy, vec![false, true, true, true, false]);

    // Claims 4 and 5: one in progress, one not: the box is mixed; a click sets both.
    click_number(&mut h, 4, Modifiers::NONE);
    click_number(&mut h, 5, Modifiers::SHIFT);
    let common = &h.state().view.common;
    assert_eq!(common.ids.len(), 2);
    assert!(common.some_in_progress && !common.all_in_progress);
    assert_eq!(common.priority, None, "High and Normal");
    assert_eq!(common.assignee, None, "Ana and no one");
    h.get_by_label("In progress").click();
    h.run();
    assert!(h.state().doc.project.claims[4].in_progress);
    assert!(h.state().view.common.all_in_progress, "follows the edit");
    undo(&mut h);
    press(&mut h, Key::ArrowUp);
    // Each was one edit: three undos give all three claims back their defaults.
    undo(&mut h);
    undo(&mut h);
    undo(&mut h);
    let claims = &h.state().doc.project.claims;
    assert!(
        claims
            .iter()
            .all(|c| c.priority == Normal && c.assignee.is_none() && !c.in_progress)
    );
}

#[test]
fn one_claims_assignee_is_picked_from_the_names_the_project_remembers() {
    let mut h = app(vec![sample_path()]);
    type_into(&mut h, Role::TextInput, "Assignee", "Bo");
    press(&mut h, Key::Tab);
    h.run();
    assert_eq!(
        h.state().doc.project.claims[0].assignee.as_deref(),
        Some("Bo")
    );
    click_number(&mut h, 2, Modifiers::NONE);
    h.get_by_label("Pick an assignee").click();
    h.run();
    // The table's Triage cell of claim 1 says "Bo" too: the menu's entry is the button.
    h.get_by_role_and_label(Role::Button, "Bo").click();
    h.run();
    assert_eq!(
        h.state().doc.project.claims[1].assignee.as_deref(),
        Some("Bo")
    );
    // The field shows it; "No one" takes it off.
    assert_eq!(h.state().view.drafts.assignee.name, "Bo");
    h.get_by_label("Pick an assignee").click();
    h.run();
    h.get_by_label("No one").click();
    h.run();
    assert_eq!(h.state().doc.project.claims[1].assignee, None);
}

#[test]
fn the_triage_filter_shows_claims_by_assignee_priority_and_progress() {
    let mut h = app(vec![sample_path()]);
    select_three(&mut h);
    h.get_by_label("Low").click();
    h.run();
    type_into(&mut h, Role::TextInput, "Assignee", "Ana");
    press(&mut h, Key::Escape);
    let shown = |h: &H| -> Vec<u64> {
        let app = h.state();
        app.view
            .rows
            .rows
            .iter()
            .map(|&i| app.doc.project.claims[i].number)
            .collect()
    };
    h.get_by_label("Triage filter").click();
    h.run();
    h.get_by_label("Ana").click();
    h.run();
    assert_eq!(shown(&h), vec![2, 3, 4]);
    assert!(h.query_by_label("Triage").is_some(), "the column");
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        priority: Some(Priority::Normal),
        ..Default::default()
    }));
    h.run();
    assert!(!shown(&h).contains(&2) && shown(&h).contains(&1));
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        assignee: Some(AssigneeFilter::NoOne),
        in_progress: Some(false),
        ..Default::default()
    }));
    h.run();
    assert!(!shown(&h).contains(&3) && shown(&h).contains(&5));
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        in_progress: Some(true),
        ..Default::default()
    }));
    h.run();
    assert!(shown(&h).is_empty());
}

#[test]
fn article_and_project_memos_are_typed_through_the_drafts_and_undone_in_one_step() {
    let mut h = app(vec![sample_path()]);
    h.get_by_label("Article memo").click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Article memo (private: kept in the project, never exported)",
        "Briefing transcript",
    );
    assert_eq!(h.state().doc.project.articles[0].memo, "", "not yet");
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().doc.project.articles[0].memo,
        "Briefing transcript"
    );
    assert_eq!(
        h.state().doc.history.undo_label(),
        Some("edit article memo")
    );
    // The header shows its first words.
    assert!(
        h.query_by_label("Article memo: Briefing transcript")
            .is_some()
    );

    h.get_by_label("Project memo").click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Project memo (private)",
        "Week 19",
    );
    // Selecting a claim (a click on the table) commits it too.
    click_number(&mut h, 2, Modifiers::NONE);
    assert_eq!(h.state().doc.project.memo, "Week 19");
    assert_eq!(
        h.state().doc.history.undo_label(),
        Some("edit project memo")
    );
    undo(&mut h);
    assert_eq!(h.state().doc.project.memo, "");
    undo(&mut h);
    assert_eq!(h.state().doc.project.articles[0].memo, "");
}
