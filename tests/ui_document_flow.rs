//! The document's life in the window (issue 23, points 1, 2 and 5), driven through
//! egui_kittest with autosave on: a failed open changes nothing, even after Discard; a
//! save that fails while quitting keeps the window open with the work; every start offers
//! what is recoverable.
//!
//! Recovery files live under `XDG_DATA_HOME`, which is one per process: the tests of this
//! binary take turns (`exclusive`), each with its own folder.

mod ui_support;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use claimdesk::io::project_file::{list_recoveries, load_recovery, recovery_path, save_recovery};
use claimdesk::model::Status;
use claimdesk::ui::AppOptions;
use claimdesk::ui::command::{FileAction, Prompt};
use egui::Key;
use egui_kittest::kittest::Queryable;
use ui_support::{FIXTURE, H, app_with, close_was_cancelled, request_close, settle, statuses};

static ENV: Mutex<()> = Mutex::new(());

/// This test alone, with its own recovery folder (under the returned temporary folder).
fn exclusive() -> (MutexGuard<'static, ()>, tempfile::TempDir) {
    let guard = ENV.lock().unwrap_or_else(|e| e.into_inner());
    let data = tempfile::tempdir().unwrap();
    // SAFETY: the tests of this binary hold `ENV` while they run; none reads the
    // environment without it.
    unsafe { std::env::set_var("XDG_DATA_HOME", data.path()) };
    (guard, data)
}

/// The window as the analyst starts it (autosave and recovery on), with `files`.
fn window(files: Vec<PathBuf>) -> H {
    let options = AppOptions {
        files,
        sample_on_first_run: false,
        system_clipboard: false,
        ..AppOptions::default()
    };
    app_with(options, [1280.0, 800.0])
}

/// A copy of the test project in `dir`.
fn project_in(dir: &Path) -> PathBuf {
    let path = dir.join("case.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    path
}

/// The window's close button: true if the window held the close back.
fn close_button(h: &mut H) -> bool {
    request_close(h);
    let held = close_was_cancelled(h);
    h.run();
    held
}

/// Verdict keys as the events of one frame (each moves on to the next claim), then the
/// autosave of what they did (what the 30-second timer writes). The statuses after.
fn verdicts_autosaved(h: &mut H, keys: [Key; 2]) -> Vec<Status> {
    for key in keys {
        h.key_press(key);
    }
    h.step();
    h.run();
    h.state_mut().autosave_now();
    settle(h);
    statuses(h)
}

fn prompt(h: &H) -> Option<&Prompt> {
    h.state().dialogs.prompt.as_ref()
}

/// Issue 23's lost work: unsaved edits (autosaved), File → Open of a project that then
/// fails to open, "Discard": nothing may change. The edits stay on screen and unsaved, the
/// recovery copy stays, and quitting still asks.
#[test]
fn discard_then_a_failed_open_then_quit_keeps_the_work() {
    let (_env, _data) = exclusive();
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let on_disk = std::fs::read(&path).unwrap();
    let mut h = window(vec![path.clone()]);
    assert!(prompt(&h).is_none(), "{:?}", prompt(&h));
    // Two verdicts in one frame: the first claim verified, the second disputed.
    let edited = verdicts_autosaved(&mut h, [Key::V, Key::D]);
    assert_eq!(&edited[..2], &[Status::Verified, Status::Disputed]);
    let recovery = std::fs::read(recovery_path(Some(&path))).unwrap();

    let moved = dir.path().join("moved-away.claimdesk");
    h.state_mut().dispatch(FileAction::OpenPaths(vec![moved]));
    h.run();
    assert!(matches!(prompt(&h), Some(Prompt::Unsaved(_))));
    h.get_by_label("Discard").click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("Could not open").is_some(),
        "the failure is said"
    );
    h.get_by_label("OK").click();
    h.run();

    // Nothing changed: the edits on screen, unsaved, in the recovery copy, not on disk.
    assert_eq!(statuses(&h), edited);
    assert!(h.state().doc.is_dirty(), "still unsaved");
    assert!(h.state().title().ends_with('•'), "{}", h.state().title());
    assert!(h.query_by_label("Saved").is_none(), "never said Saved");
    assert!(h.query_by_label("Modified").is_some());
    assert_eq!(
        std::fs::read(recovery_path(Some(&path))).ok(),
        Some(recovery),
        "the recovery copy is kept as it was"
    );
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);

    // Quitting asks, and the window stays open with the work.
    assert!(close_button(&mut h), "the close is held back");
    assert!(
        matches!(prompt(&h), Some(Prompt::Unsaved(_))),
        "{:?}",
        prompt(&h)
    );
    assert_eq!(statuses(&h), edited);
    let kept = load_recovery(Some(&path))
        .unwrap()
        .expect("still recoverable");
    assert_eq!(kept.claims[1].status, Status::Disputed);
    assert_eq!(list_recoveries().len(), 1);
}

/// Quit, "Save" in the unsaved-changes question, and the save fails (another writer holds
/// the file): the window stays open with the work, unsaved, its recovery copy kept; the
/// next close asks again.
#[test]
fn a_save_failing_mid_quit_keeps_the_window_open_with_the_work() {
    let (_env, _data) = exclusive();
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let on_disk = std::fs::read(&path).unwrap();
    let mut h = window(vec![path.clone()]);
    let edited = verdicts_autosaved(&mut h, [Key::F, Key::M]);
    assert_eq!(&edited[..2], &[Status::False, Status::Misleading]);
    assert!(recovery_path(Some(&path)).exists(), "autosaved");

    let lock = claimdesk::io::project_file::ProjectLock::acquire(&path).unwrap();
    assert!(close_button(&mut h), "the close is held back");
    h.get_by_label("Save").click();
    h.step();
    assert!(h.state().flow.saving().is_some(), "the save runs");
    // Closing again while it runs: held back, it waits for the save.
    assert!(close_button(&mut h));
    settle(&mut h);
    drop(lock);
    assert!(
        h.query_by_label_contains("Could not save").is_some(),
        "the failure is said"
    );
    assert!(!h.state().flow.closing(), "the window stays open");
    assert_eq!(
        h.state().message.as_deref(),
        Some("Not saved, so the window stays open"),
        "no longer says the window closes"
    );
    assert_eq!(statuses(&h), edited, "with the work");
    assert!(h.state().doc.is_dirty());
    assert!(h.query_by_label("Modified").is_some());
    assert!(recovery_path(Some(&path)).exists(), "the copy is kept");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);
    h.get_by_label("OK").click();
    h.run();
    assert!(close_button(&mut h), "still held back: nothing is saved");
    assert!(matches!(prompt(&h), Some(Prompt::Unsaved(_))));
}

/// Quit while a save runs, and an edit made after the save began: once the save is done
/// the window does not close with that edit unsaved; it asks.
#[test]
fn a_save_finishing_mid_quit_with_a_later_edit_asks_before_closing() {
    let (_env, _data) = exclusive();
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let mut h = window(vec![path.clone()]);
    let lock = claimdesk::io::project_file::ProjectLock::acquire(&path).unwrap();
    // V, then Ctrl+S starts the save (held by the lock), then F is typed.
    h.key_press(Key::V);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.step();
    assert!(h.state().flow.saving().is_some());
    h.key_press(Key::F);
    h.step();
    assert!(close_button(&mut h), "held back while saving");
    drop(lock);
    settle(&mut h);
    let saved = claimdesk::io::project_file::load_project(&path).unwrap();
    assert_eq!(
        saved.claims[0].status,
        Status::Verified,
        "the save went through"
    );
    assert!(!h.state().flow.closing(), "the later edit is not on disk");
    assert!(h.state().doc.is_dirty());
    assert!(
        matches!(prompt(&h), Some(Prompt::Unsaved(_))),
        "{:?}",
        prompt(&h)
    );
}

/// Every start offers what is recoverable: unsaved work whose copy survived a failed open
/// after Discard (the window then killed), and another project's copy, each in turn, even
/// when the start's own open fails first.
#[test]
fn recovery_is_offered_on_the_next_start() {
    let (_env, _data) = exclusive();
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path());
    let mut h = window(vec![path.clone()]);
    h.key_press(Key::D);
    h.step();
    h.run();
    h.state_mut().autosave_now();
    settle(&mut h);
    h.state_mut().dispatch(FileAction::OpenPaths(vec![
        dir.path().join("gone.claimdesk"),
    ]));
    h.run();
    h.get_by_label("Discard").click();
    settle(&mut h);
    h.get_by_label("OK").click();
    h.run();
    // An untitled project's copy from another session.
    let other = claimdesk::io::project_file::load_project(Path::new(FIXTURE)).unwrap();
    save_recovery(None, &other).unwrap();
    // The window is killed: nothing more runs.
    drop(h);
    assert_eq!(list_recoveries().len(), 2);

    // The next start is asked to open a project that is gone.
    let mut h = window(vec![dir.path().join("gone-too.claimdesk")]);
    assert!(
        h.query_by_label_contains("Could not open").is_some(),
        "its failure first"
    );
    h.get_by_label("OK").click();
    h.run();
    let mut offered = Vec::new();
    while let Some(Prompt::Restore(found)) = prompt(&h) {
        offered.push(found.project_path.clone());
        h.get_by_label("Later").click();
        h.run();
    }
    offered.sort();
    assert_eq!(
        offered,
        vec![None, Some(std::path::absolute(&path).unwrap())],
        "both copies offered"
    );
    // Restoring brings the unsaved verdict back.
    drop(h);
    let mut h = window(vec![]);
    while let Some(Prompt::Restore(found)) = prompt(&h) {
        let mine = found.project_path.is_some();
        h.get_by_label(if mine { "Restore" } else { "Later" })
            .click();
        settle(&mut h);
        if mine {
            break;
        }
    }
    assert_eq!(statuses(&h)[0], Status::Disputed);
    assert!(h.state().doc.is_dirty(), "restored work is unsaved");
}
