//! The disk off the UI thread (issue 11, point 4): saves are written by a job from a
//! snapshot; one at a time; quitting waits for a running save.

use crate::ui_support;

use claimdesk::io::project_file::{ProjectLock, load_project};
use claimdesk::model::Status;
use claimdesk::ui::command::{FileAction, TriageAction};
use egui::Key;
use egui_kittest::kittest::Queryable;
use ui_support::*;

#[test]
fn a_save_is_a_job_and_a_second_save_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.claimdesk");
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::V);
    h.state_mut().write_project(path.clone(), None);
    // The frame did not wait: the save is running, and the project went on changing.
    assert!(h.state().flow.saving().is_some(), "written by a job");
    h.state_mut().dispatch(TriageAction::Tag(Status::Disputed));
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);
    assert!(h.state().flow.saving().is_none());
    let on_disk = load_project(&path).unwrap();
    // V verified claim 1 and moved on: Disputed went to claim 2.
    assert_eq!(on_disk.claims[0].status, Status::Verified);
    assert_eq!(
        on_disk.claims[1].status,
        Status::Disputed,
        "the second save ran after the first"
    );
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_save_started_before_an_edit_leaves_the_edit_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snap.claimdesk");
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::V);
    h.state_mut().write_project(path.clone(), None);
    h.state_mut().dispatch(TriageAction::Tag(Status::False));
    settle(&mut h);
    assert_eq!(
        load_project(&path).unwrap().claims[0].status,
        Status::Verified
    );
    assert!(
        h.state().doc.is_dirty(),
        "the later edit is not in the file"
    );
    assert!(h.state().title().ends_with('•'));
}

#[test]
fn the_status_bar_says_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("held.claimdesk");
    // Another writer holds the file: the save waits for it, and says so meanwhile.
    let lock = ProjectLock::acquire(&path).unwrap();
    let mut h = app(vec![sample_path()]);
    h.state_mut().write_project(path.clone(), None);
    // Frames stepped, not run to rest: the running save keeps asking for them.
    h.step();
    h.step();
    assert!(h.query_by_label("Saving…").is_some());
    drop(lock);
    settle(&mut h);
    assert!(h.query_by_label("Saving…").is_none());
    assert!(h.query_by_label("Saved").is_some());
}

#[test]
fn quitting_waits_for_a_running_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quit.claimdesk");
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::V);
    h.state_mut().write_project(path.clone(), None);
    h.state_mut().dispatch(FileAction::CloseRequested);
    assert_eq!(
        h.state().message.as_deref(),
        Some("Saving… the window closes when the save is done")
    );
    assert!(
        h.state().dialogs.prompt.is_none(),
        "no question: the save goes on"
    );
    settle(&mut h);
    assert!(path.exists());
    assert!(!h.state().doc.is_dirty());
    // The window may close now: a close request is no longer held back.
    request_close(&mut h);
    assert!(!close_was_cancelled(&h));
}

#[test]
fn a_failed_save_names_the_file_and_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("x.claimdesk");
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::V);
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);
    assert!(h.query_by_label_contains("Could not save").is_some());
    assert!(h.state().doc.is_dirty());
    assert_eq!(statuses(&h)[0], Status::Verified);
}

/// "Saved" only when the file holds what is on screen: a note being typed (not yet an
/// edit) counts as unsaved, in the status bar and the title.
#[test]
fn a_note_being_typed_is_not_called_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    let mut h = app(vec![path]);
    assert!(h.query_by_label("Saved").is_some(), "just opened");
    type_into(
        &mut h,
        egui::accesskit::Role::MultilineTextInput,
        "Notes",
        "Still typing",
    );
    let claims = &h.state().doc.project.claims;
    assert!(
        !claims.iter().any(|c| c.notes == "Still typing"),
        "not an edit yet"
    );
    assert!(h.query_by_label("Saved").is_none());
    assert!(h.query_by_label("Modified").is_some());
    assert!(h.state().title().ends_with('•'), "{}", h.state().title());
}

/// A save's or the recovery copy's snapshot is the project itself, shared, whatever its
/// size: an edit while a job holds it copies the project first (the job writes the project
/// as it was), and an edit when no job holds it changes the project in place.
#[test]
fn a_snapshot_shares_the_project_and_only_an_edit_while_it_is_held_copies_it() {
    use std::sync::Arc;
    let mut h = app(vec![sample_path()]);
    settle(&mut h);
    let snap = claimdesk::ui::command::snapshot(&h.state().doc.project);
    assert!(Arc::ptr_eq(&snap, &h.state().doc.project), "nothing copied");
    let before = snap.claims[0].status;
    h.state_mut().dispatch(TriageAction::Tag(Status::False));
    assert!(!Arc::ptr_eq(&snap, &h.state().doc.project));
    assert_eq!(snap.claims[0].status, before, "the snapshot is as it was");
    assert_eq!(h.state().doc.project.claims[0].status, Status::False);
    drop(snap);
    let at = Arc::as_ptr(&h.state().doc.project);
    h.state_mut().dispatch(TriageAction::Tag(Status::Verified));
    assert_eq!(Arc::as_ptr(&h.state().doc.project), at, "changed in place");
    assert!(
        h.state()
            .doc
            .project
            .claims
            .iter()
            .any(|c| c.status == Status::Verified)
    );
}
