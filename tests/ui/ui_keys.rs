//! Keys in order and stable claim numbers (issue 11, points 1, 2 and 10): keys typed
//! faster than a frame are handled one by one, in the order they were pressed.

use crate::ui_support;

use claimdesk::model::Status;
use claimdesk::model::edit::Edit;
use claimdesk::ui::command::{TriageAction, ViewAction};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

#[test]
fn home_down_down_down_v_home_d_in_one_frame() {
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::End);
    keys_in_one_frame(
        &mut h,
        &[
            Key::Home,
            Key::ArrowDown,
            Key::ArrowDown,
            Key::ArrowDown,
            Key::V,
            Key::Home,
            Key::D,
        ],
    );
    let s = statuses(&h);
    assert_eq!(s[3], Status::Verified, "claim 4 verified");
    assert_eq!(s[0], Status::Disputed, "claim 1 disputed");
    assert!(
        s.iter()
            .enumerate()
            .all(|(i, st)| i == 0 || i == 3 || *st == Status::Unchecked),
        "nothing else tagged: {s:?}"
    );
    assert_eq!(cursor_number(&h), Some(2), "the verdict moved on");
}

#[test]
fn down_f_four_times_in_one_frame_marks_four_claims() {
    let mut h = app(vec![sample_path()]);
    // The order of keys, without moving on after a verdict (Edit → Move on after a verdict).
    h.state_mut().dispatch(ViewAction::SetAdvance(false));
    assert_eq!(cursor_number(&h), Some(1));
    let keys = [Key::ArrowDown, Key::F].repeat(4);
    keys_in_one_frame(&mut h, &keys);
    assert_eq!(
        &statuses(&h)[..6],
        &[
            Status::Unchecked,
            Status::False,
            Status::False,
            Status::False,
            Status::False,
            Status::Unchecked
        ]
    );
    // "Down v Down": the claim before the second Down is the one verified.
    keys_in_one_frame(&mut h, &[Key::ArrowDown, Key::V, Key::ArrowDown]);
    assert_eq!(statuses(&h)[5], Status::Verified);
    assert_eq!(cursor_number(&h), Some(7));
}

#[test]
fn seven_quick_ups_move_seven_rows() {
    let mut h = app(vec![sample_path()]);
    keys_in_one_frame(&mut h, &[Key::ArrowDown; 9]);
    assert_eq!(cursor_number(&h), Some(10));
    keys_in_one_frame(&mut h, &[Key::ArrowUp; 7]);
    assert_eq!(cursor_number(&h), Some(3));
}

#[test]
fn a_key_for_a_text_field_is_typed_not_a_shortcut() {
    let mut h = app(vec![sample_path()]);
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Notes")
        .focus();
    h.run();
    keys_in_one_frame(&mut h, &[Key::V, Key::D, Key::ArrowDown]);
    assert!(
        statuses(&h).iter().all(|s| *s == Status::Unchecked),
        "letters typed in a field tag nothing"
    );
    assert_eq!(
        cursor_number(&h),
        Some(1),
        "arrows move the caret, not the row"
    );
}

#[test]
fn numbers_are_kept_for_life_and_searchable() {
    let mut h = app(vec![sample_path()]);
    let n = h.state().doc.project.claims.len() as u64;
    let numbers: Vec<u64> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(
        numbers,
        (1..=n).collect::<Vec<_>>(),
        "numbered in reading order"
    );

    // Delete #3: the next row (#4) is selected, and keeps its number.
    click_number(&mut h, 3, Modifiers::NONE);
    press(&mut h, Key::Delete);
    assert_eq!(cursor_number(&h), Some(4), "Delete selects the next row");
    assert!(h.state().doc.project.claims.iter().all(|c| c.number != 3));
    assert_eq!(h.state().doc.project.claims[2].number, 4);

    // A claim added by hand takes the next number, even where it is inserted.
    let article = h.state().doc.project.articles[0].id;
    h.state_mut().dispatch(TriageAction::Edit(Edit::AddClaim {
        article,
        start: 0,
        end: 10,
        speaker: None,
    }));
    h.run();
    assert_eq!(h.state().message, None);
    let manual = |h: &H| {
        h.state()
            .doc
            .project
            .claims
            .iter()
            .find(|c| c.origin == claimdesk::model::ClaimOrigin::Manual)
            .map(|c| c.number)
    };
    assert_eq!(manual(&h), Some(n + 1));
    assert!(
        h.query_by_label(&(n + 1).to_string()).is_some(),
        "# shows it"
    );
    // Undo gives the number back; redo hands out the same one.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(manual(&h), Some(n + 1));

    // "#7" finds claim 7 and nothing else.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("#7".into()));
    h.key_press(Key::Enter);
    h.run();
    let app = h.state();
    assert_eq!(app.view.rows.rows.len(), 1);
    assert_eq!(app.doc.project.claims[app.view.rows.rows[0]].number, 7);
    assert_eq!(cursor_number(&h), Some(7), "the one shown is selected");
}

#[test]
fn old_project_files_are_numbered_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    let h = app(vec![path]);
    let numbers: Vec<u64> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(numbers, vec![1, 2, 3, 4]);
    assert!(!h.state().doc.is_dirty(), "numbering is no edit");
    assert_eq!(h.state().doc.project.next_number, 5);
}

#[test]
fn keys_right_after_tab_leaves_a_field_go_to_the_table() {
    let mut h = app(vec![sample_path()]);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Role")
        .focus();
    h.run();
    // Esc leaves the field and, in the same frame, V tags the claim.
    keys_in_one_frame(&mut h, &[Key::Escape, Key::V]);
    assert_eq!(statuses(&h)[0], Status::Verified);
    assert_eq!(
        cursor_number(&h),
        Some(2),
        "the Esc only left the field, and the verdict moved on"
    );
}

#[test]
fn home_v_v_v_in_one_frame_verifies_claims_one_two_and_three() {
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::End);
    keys_in_one_frame(&mut h, &[Key::Home, Key::V, Key::V, Key::V]);
    let s = statuses(&h);
    assert_eq!(&s[..3], &[Status::Verified; 3], "claims 1, 2 and 3");
    assert!(
        s[3..].iter().all(|st| *st == Status::Unchecked),
        "nothing else: {s:?}"
    );
    assert_eq!(cursor_number(&h), Some(4), "ready for the fourth");
    // Three verdicts, three undo steps: the first Ctrl+Z gives back claim 3 only.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        &statuses(&h)[..3],
        &[Status::Verified, Status::Verified, Status::Unchecked]
    );
}

#[test]
fn moving_on_follows_the_table_order_and_the_last_row_stays() {
    let mut h = app(vec![sample_path()]);
    // Sorted by number, descending: "next" is the row below, claim n-1.
    h.get_by_label("#").click();
    h.run();
    assert!(!h.state().view.sort.ascending);
    let n = h.state().doc.project.claims.len() as u64;
    keys_in_one_frame(&mut h, &[Key::Home, Key::D]);
    assert_eq!(cursor_number(&h), Some(n - 1));
    keys_in_one_frame(&mut h, &[Key::End, Key::F, Key::F]);
    assert_eq!(
        cursor_number(&h),
        Some(1),
        "nothing after the last row: it stays"
    );
    assert_eq!(statuses(&h)[0], Status::False);
}

#[test]
fn under_a_status_filter_the_verdict_goes_on_with_the_next_claim_once() {
    let mut h = app(vec![sample_path()]);
    let unchecked = claimdesk::ui::rows::Filter {
        statuses: vec![Status::Unchecked],
        ..Default::default()
    };
    h.state_mut().dispatch(ViewAction::SetFilter(unchecked));
    h.run();
    // Each claim leaves the rows as it is marked; the next one takes the keys, never the
    // one after it.
    keys_in_one_frame(&mut h, &[Key::Home, Key::V, Key::M]);
    let s = statuses(&h);
    assert_eq!(
        &s[..3],
        &[Status::Verified, Status::Misleading, Status::Unchecked]
    );
    assert_eq!(cursor_number(&h), Some(3));
}

#[test]
fn the_setting_in_the_edit_menu_keeps_the_selection() {
    let mut h = app(vec![sample_path()]);
    assert!(h.state().prefs.advance, "on by default");
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Move on after a verdict").click();
    h.run();
    assert!(!h.state().prefs.advance);
    press(&mut h, Key::Escape);
    keys_in_one_frame(&mut h, &[Key::Home, Key::V, Key::V]);
    assert_eq!(statuses(&h)[0], Status::Verified);
    assert_eq!(statuses(&h)[1], Status::Unchecked);
    assert_eq!(cursor_number(&h), Some(1));
}

#[test]
fn j_jumps_to_the_next_unchecked_claim_and_wraps_round() {
    let mut h = app(vec![sample_path()]);
    let n = h.state().doc.project.claims.len();
    // Claims 2 and 3 are done: from 1, J skips them.
    keys_in_one_frame(
        &mut h,
        &[Key::Home, Key::ArrowDown, Key::V, Key::V, Key::Home],
    );
    assert_eq!(&statuses(&h)[1..3], &[Status::Verified; 2]);
    press(&mut h, Key::J);
    assert_eq!(cursor_number(&h), Some(4));
    // From the last claim it wraps round to claim 1.
    keys_in_one_frame(&mut h, &[Key::End, Key::J]);
    assert_eq!(cursor_number(&h), Some(1));
    // With every claim done, J says so and stays.
    h.state_mut().dispatch(TriageAction::SelectAll);
    press(&mut h, Key::V);
    assert!(statuses(&h).iter().all(|s| *s == Status::Verified));
    let at = cursor_number(&h);
    press(&mut h, Key::J);
    assert_eq!(cursor_number(&h), at);
    assert!(
        h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("No unchecked")),
        "{:?}",
        h.state().message
    );
    assert_eq!(statuses(&h).len(), n);
}

#[test]
fn three_selected_claims_take_one_verdict_and_one_undo_gives_all_three_back() {
    let mut h = app(vec![sample_path()]);
    // Click #2, Shift-click #4: three claims.
    click_number(&mut h, 2, Modifiers::NONE);
    click_number(&mut h, 4, Modifiers::SHIFT);
    assert_eq!(h.state().view.selection.ids.len(), 3);
    press(&mut h, Key::V);
    let s = statuses(&h);
    assert_eq!(
        &s[..5],
        &[
            Status::Unchecked,
            Status::Verified,
            Status::Verified,
            Status::Verified,
            Status::Unchecked
        ]
    );
    assert_eq!(cursor_number(&h), Some(5), "moved on past the three");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        statuses(&h).iter().all(|s| *s == Status::Unchecked),
        "one undo step for the three"
    );
    assert_eq!(h.state().doc.history.undo_label(), Some("add article"));
}

#[test]
fn shift_down_extends_ctrl_click_toggles_and_delete_takes_all_selected() {
    let mut h = app(vec![sample_path()]);
    let n = h.state().doc.project.claims.len();
    h.key_press(Key::Home);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.step();
    h.run();
    assert_eq!(h.state().view.selection.ids.len(), 3, "#1 to #3");
    // Ctrl-click adds #6 and takes #2 out.
    click_number(&mut h, 6, Modifiers::COMMAND);
    click_number(&mut h, 2, Modifiers::COMMAND);
    let mut picked: Vec<u64> = h
        .state()
        .view
        .selection
        .ids
        .iter()
        .filter_map(|id| h.state().doc.project.claim(*id).map(|c| c.number))
        .collect();
    picked.sort();
    assert_eq!(picked, vec![1, 3, 6]);
    // The context menu of a selected row speaks for the three.
    h.get_by_label("3").click_secondary();
    h.run();
    h.get_by_label("Delete 3 claims").click();
    h.run();
    let left: Vec<u64> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(left.len(), n - 3);
    assert!(!left.contains(&1) && !left.contains(&3) && !left.contains(&6));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.project.claims.len(),
        n,
        "one undo brings the three back"
    );
}

#[test]
fn select_all_shown_in_the_edit_menu_makes_the_filter_a_bulk_action() {
    let mut h = app(vec![sample_path()]);
    let direct = claimdesk::ui::rows::Filter {
        kind: Some(claimdesk::model::ClaimKind::Direct),
        ..Default::default()
    };
    h.state_mut().dispatch(ViewAction::SetFilter(direct));
    h.run();
    let shown = h.state().view.rows.rows.len();
    assert!(shown > 1 && shown < h.state().doc.project.claims.len());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Select all shown").click();
    h.run();
    assert_eq!(h.state().view.selection.ids.len(), shown);
    assert!(
        h.query_by_label(&format!("{shown} claims selected"))
            .is_some()
    );
    press(&mut h, Key::F);
    let app = h.state();
    for claim in &app.doc.project.claims {
        let is_direct = claim.kind == claimdesk::model::ClaimKind::Direct;
        assert_eq!(
            claim.status == Status::False,
            is_direct,
            "#{}",
            claim.number
        );
    }
}

/// Ctrl+F and a word typed at once, as fast typists do: the word is the search, and none
/// of its letters (n, d, v…) marks a claim.
#[test]
fn a_word_typed_right_after_ctrl_f_is_searched_not_shortcuts() {
    let mut h = app(vec![sample_path()]);
    let word = "Gallant";
    assert!(
        word.contains('n'),
        "n marks Unverifiable on the table: the word has one"
    );
    let type_word = |h: &mut H, word: &str| {
        for c in word.chars() {
            let key = Key::from_name(&c.to_ascii_uppercase().to_string()).unwrap();
            h.key_press(key);
            h.event(egui::Event::Text(c.to_string()));
        }
    };
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    type_word(&mut h, &word[..3]);
    h.step();
    assert_eq!(
        h.state().view.filter.search,
        "Gal",
        "typed with Ctrl+F, in one frame"
    );
    // The frame after, before the field has drawn with the keys.
    type_word(&mut h, &word[3..]);
    h.step();
    h.run();
    assert!(
        statuses(&h).iter().all(|s| *s == Status::Unchecked),
        "no letter marked a claim"
    );
    assert_eq!(h.state().view.filter.search, word);
    // Enter hands the keys back to the table: v verifies the first claim found.
    press(&mut h, Key::Enter);
    press(&mut h, Key::V);
    let app = h.state();
    let first = app.view.rows.rows.first().copied();
    assert!(first.is_some());
    assert_eq!(
        statuses(&h)
            .iter()
            .filter(|s| **s == Status::Verified)
            .count(),
        1
    );
}
