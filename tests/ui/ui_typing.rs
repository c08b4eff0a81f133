//! Nothing typed is lost (issue 11, point 3): leaving a details field by Esc, Tab, a click
//! elsewhere or selecting another claim commits its text as one undoable edit, to the
//! claim it was typed for.

use crate::ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn notes_are_kept_when_esc_leaves_the_field() {
    let mut h = app(vec![sample_path()]);
    click_number(&mut h, 4, Modifiers::NONE);
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Notes",
        "Asked the NSC press office.",
    );
    press(&mut h, Key::Escape);
    let app = h.state();
    assert_eq!(
        app.doc.project.claims[3].notes,
        "Asked the NSC press office."
    );
    assert_eq!(app.doc.history.undo_label(), Some("edit notes"));
    assert_eq!(
        cursor_number(&h),
        Some(4),
        "Esc leaves the field, the claim stays selected"
    );
    // The table has the keys again: V tags the claim, one Esc later clears the selection.
    press(&mut h, Key::V);
    assert_eq!(statuses(&h)[3], claimdesk::model::Status::Verified);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(
        h.state().doc.project.claims[3].notes,
        "",
        "one undo takes the note back"
    );
}

#[test]
fn role_is_kept_when_tab_leaves_the_field() {
    let mut h = app(vec![sample_path()]);
    let speaker = h.state().doc.project.claims[0].speaker.unwrap();
    let before = h.state().doc.project.speaker(speaker).unwrap().role.clone();
    type_into(&mut h, Role::TextInput, "Role", "Press office");
    press(&mut h, Key::Tab);
    h.run();
    let project = &h.state().doc.project;
    assert_eq!(
        project.speaker(speaker).unwrap().role.as_deref(),
        Some("Press office")
    );
    assert_eq!(h.state().doc.history.undo_label(), Some("edit role"));
    press(&mut h, Key::Escape);
    undo(&mut h);
    assert_eq!(h.state().doc.project.speaker(speaker).unwrap().role, before);
}

#[test]
fn claim_words_go_to_their_claim_when_another_is_selected() {
    let mut h = app(vec![sample_path()]);
    click_number(&mut h, 2, Modifiers::NONE);
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Claim",
        "Corrected words of claim two",
    );
    // Selecting claim 5 in the table: the words belong to claim 2, not 5.
    click_number(&mut h, 5, Modifiers::NONE);
    let project = &h.state().doc.project;
    assert_eq!(project.claims[1].content, "Corrected words of claim two");
    assert_ne!(project.claims[4].content, "Corrected words of claim two");
    assert_eq!(cursor_number(&h), Some(5));
    assert_eq!(h.state().doc.history.undo_label(), Some("edit claim"));
}

#[test]
fn speaker_is_kept_after_a_click_elsewhere() {
    let mut h = app(vec![sample_path()]);
    type_into(&mut h, Role::TextInput, "Speaker", "Karine Jean-Pierre");
    // A click on nothing in particular (the articles heading).
    h.get_by_label("Articles").click();
    h.run();
    h.run();
    let app = h.state();
    let c = &app.doc.project.claims[0];
    let name = c
        .speaker
        .and_then(|s| app.doc.project.speaker(s))
        .map(|s| s.name.clone());
    assert_eq!(name.as_deref(), Some("Karine Jean-Pierre"));
    assert_eq!(app.doc.history.undo_label(), Some("change speaker"));
    assert!(
        h.query_by_label("Karine Jean-Pierre").is_some(),
        "the table shows it"
    );
}

#[test]
fn saving_from_a_field_saves_what_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.claimdesk");
    let mut h = app(vec![sample_path()]);
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);
    type_into(&mut h, Role::MultilineTextInput, "Notes", "Still typing");
    // Ctrl+S while the field has the keys: the note is committed, then saved.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = claimdesk::io::project_file::load_project(&path).unwrap();
    assert_eq!(saved.claims[0].notes, "Still typing");
    assert!(!h.state().doc.is_dirty());
}
