//! Not a claim in the window (issue 12, point 2): R marks the selected claims, they leave
//! the table and the counts, the status filter shows them, one undo brings them back, and
//! File → Export… leaves them out unless its box is ticked.

use crate::ui_support;

use std::time::{Duration, Instant};

use claimdesk::model::Status;
use claimdesk::ui::command::{TriageAction, ViewAction};
use claimdesk::ui::rows::Filter;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn shown_numbers(h: &H) -> Vec<u64> {
    let app = h.state();
    app.view
        .rows
        .rows
        .iter()
        .map(|&i| app.doc.project.claims[i].number)
        .collect()
}

#[test]
fn r_hides_a_claim_and_one_undo_brings_it_back() {
    let mut h = app(vec![sample_path()]);
    let all = h.state().doc.project.claims.len();
    assert_eq!(cursor_number(&h), Some(1));
    press(&mut h, Key::R);
    assert_eq!(statuses(&h)[0], Status::Rejected);
    assert!(!shown_numbers(&h).contains(&1), "hidden from the table");
    assert_eq!(shown_numbers(&h).len(), all - 1);
    assert_eq!(cursor_number(&h), Some(2), "the selection moved on");
    // Left out of the counts: the status bar and the articles list count one claim less.
    let summary = h.state().view.rows.counts.summary();
    assert!(
        summary.starts_with(&format!("{} claims", all - 1)),
        "{summary}"
    );
    assert_eq!(h.state().view.index.all.total(), all - 1);
    assert!(
        h.query_by_label_contains(&format!("All articles ({} claims)", all - 1))
            .is_some()
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(statuses(&h)[0], Status::Unchecked, "one undo step");
    assert!(shown_numbers(&h).contains(&1));
    assert_eq!(h.state().view.index.all.total(), all);
}

#[test]
fn three_selected_claims_are_marked_not_a_claim_in_one_edit() {
    let mut h = app(vec![sample_path()]);
    keys_in_one_frame(&mut h, &[Key::ArrowDown]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    assert_eq!(h.state().view.selection.ids.len(), 3);
    press(&mut h, Key::R);
    assert_eq!(
        &statuses(&h)[..5],
        &[
            Status::Unchecked,
            Status::Rejected,
            Status::Rejected,
            Status::Rejected,
            Status::Unchecked
        ]
    );
    assert_eq!(
        cursor_number(&h),
        Some(5),
        "went on with the claim after them"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(statuses(&h).iter().all(|s| *s == Status::Unchecked));
}

#[test]
fn the_status_filter_shows_claims_marked_not_a_claim() {
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::R);
    let all = h.state().doc.project.claims.len();
    // The status filter's entries, picked with the mouse.
    h.get_by_label("Status filter").click();
    h.run();
    h.get_by_label("Not a claim").click();
    h.run();
    assert_eq!(h.state().view.filter.statuses, vec![Status::Rejected]);
    assert_eq!(shown_numbers(&h), vec![1]);
    assert!(
        h.state()
            .view
            .rows
            .counts
            .summary()
            .contains("1 marked Not a claim")
    );
    // The menu stays open after a pick, so that several statuses can be picked.
    h.get_by_label("Any, with Not a claim").click();
    h.run();
    assert_eq!(shown_numbers(&h).len(), all, "every claim, Not a claim too");
    // Back to the default: hidden again.
    h.state_mut().dispatch(ViewAction::ClearFilters);
    h.run();
    assert!(!shown_numbers(&h).contains(&1));
    // Opening a hidden claim (a speaker's page, a highlight) shows it.
    let id = h.state().doc.project.claims[0].id;
    h.state_mut().dispatch(TriageAction::JumpToClaim(id));
    h.run();
    assert_eq!(cursor_number(&h), Some(1));
    assert!(h.state().view.filter.show_rejected);
}

/// Run frames until the export thread has reported (at most 10 s).
fn wait_for_export(h: &mut H) {
    let started = Instant::now();
    while h.state().export.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(10), "export hangs");
        std::thread::sleep(Duration::from_millis(10));
        h.run();
    }
    h.run();
}

fn export_csv(h: &mut H, path: &std::path::Path, include: bool) -> usize {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let ticked = h.state().export.include_rejected;
    if ticked != include {
        h.get_by_label("Include claims marked Not a claim").click();
        h.run();
    }
    h.get_by_role_and_label(Role::TextInput, "File").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    h.get_by_label("Export").click();
    h.run();
    wait_for_export(h);
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().count() - 1
}

#[test]
fn the_export_window_leaves_not_a_claim_out_unless_its_box_is_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(vec![sample_path()]);
    let all = h.state().doc.project.claims.len();
    keys_in_one_frame(&mut h, &[Key::R, Key::R]);
    assert_eq!(
        statuses(&h)
            .iter()
            .filter(|s| **s == Status::Rejected)
            .count(),
        2
    );
    // Only Not a claim hidden: there is nothing to choose with "only the claims shown".
    assert_eq!(
        export_csv(&mut h, &dir.path().join("a.csv"), false),
        all - 2
    );
    assert!(h.state().export.shown.is_none());
    assert_eq!(export_csv(&mut h, &dir.path().join("b.csv"), true), all);
    // The box stays ticked for the next export; a filter showing them and "only shown".
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        statuses: vec![Status::Rejected],
        ..Default::default()
    }));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.state().export.include_rejected);
    assert_eq!(h.state().export.shown.as_ref().map(|s| s.len()), Some(2));
    h.get_by_label("Cancel").click();
    h.run();
}
