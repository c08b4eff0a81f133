//! The workbench's files in the window: saving, reopening, recent projects, a file changed
//! on disk, dropping and typing paths, closing with unsaved changes, a bad file among good
//! ones, the article's details.

use crate::ui_workbench::*;
use std::path::{Path, PathBuf};

use claimdesk::model::Status;
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::ui_support;

use ui_support::{app, close_was_cancelled, request_close, sample_path, settle, statuses};

#[test]
fn unsaved_changes_prompt_and_save_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 0, Modifiers::NONE);
    press(&mut h, Key::V);

    // Saving writes the project; the title loses its mark.
    let path = dir.path().join("rafah.claimdesk");
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().title().ends_with('•'));
    assert_eq!(
        h.state()
            .recent
            .first()
            .map(|p| p.ends_with("rafah.claimdesk")),
        Some(true)
    );

    // A new change, then New project: asked Save / Discard / Cancel.
    press(&mut h, Key::D);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New project").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    // V moved on to claim 2, which D disputed.
    assert_eq!(statuses(&h)[1], Status::Disputed, "cancel keeps the work");

    // Open the saved project: asked again; Discard opens it with the saved status.
    h.state_mut().open_project(path.clone());
    h.run();
    h.get_by_label("Discard").click();
    settle(&mut h);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(statuses(&h)[0], Status::Verified);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn bad_file_is_named_and_others_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("binary.txt");
    std::fs::write(&bad, b"\x00\x01\x02\x03").unwrap();
    let h = app(vec![bad, sample_path()]);
    assert_eq!(h.state().doc.project.articles.len(), 1);
    assert_eq!(h.state().dialogs.errors.len(), 1);
    assert!(h.state().dialogs.errors[0].contains("binary.txt"));
    assert!(h.query_by_label("Some files could not be opened").is_some());
}

#[test]
fn dropping_a_file_opens_it() {
    let mut h = app(Vec::new());
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(sample_path())));
    settle(&mut h);
    assert_eq!(h.state().doc.project.articles.len(), 1);
    assert!(!h.state().doc.project.claims.is_empty());
    assert!(h.state().view.selection.cursor.is_some());
}

#[test]
fn save_to_typed_path_then_reextract_keeps_tags() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("checks");
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 1, Modifiers::NONE);
    press(&mut h, Key::F);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save to path…").click();
    h.run();
    // The path field has focus when the window opens.
    h.event(egui::Event::Text(target.display().to_string()));
    h.run();
    h.get_by_label("Save here").click();
    settle(&mut h);
    let saved = dir.path().join("checks.claimdesk");
    assert!(saved.exists(), "saved with the .claimdesk extension");
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.project.name, "checks");
    assert!(h.state().title().contains("checks"));

    // Re-running extraction keeps the tag and the claim.
    let tagged = h.state().doc.project.claims[1].id;
    // The menu (drawn first), not the table's "Article" column header.
    h.get_all_by_label("Article").next().unwrap().click();
    h.run();
    h.get_by_label("Re-run extraction").click();
    settle(&mut h);
    let claim = h
        .state()
        .doc
        .project
        .claim(tagged)
        .expect("tagged claim kept");
    assert_eq!(claim.status, Status::False);
    assert_eq!(
        h.state().doc.history.undo_label(),
        Some("re-extract article")
    );
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn open_recent_is_remembered_across_runs() {
    use eframe::App as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("remembered.claimdesk");
    let mut first = app(vec![sample_path()]);
    first.state_mut().write_project(path.clone(), None);
    settle(&mut first);
    let mut storage = MemoryStorage::default();
    first.state_mut().save(&mut storage);

    // The next run reads the list back and reopens the last project.
    let recent: Vec<PathBuf> = eframe::get_value(&storage, "claimdesk.recent").unwrap();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(20)
        .build_eframe(move |_cc| {
            ClaimdeskApp::headless(
                AppOptions {
                    files: vec![],
                    sample_on_first_run: true,
                    recovery: false,
                    system_clipboard: false,
                    journal_dir: None,
                },
                recent,
            )
        });
    settle(&mut h);
    assert_eq!(
        h.state()
            .doc
            .path
            .as_deref()
            .map(|p| p.ends_with("remembered.claimdesk")),
        Some(true)
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open Recent").click();
    h.run();
    assert!(h.query_by_label_contains("remembered.claimdesk").is_some());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.claimdesk");
    let mut h = app(vec![sample_path()]);
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);

    // A colleague changes the file; then the analyst tags and presses Ctrl+S.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Sample", "Theirs");
    std::fs::write(&path, format!("{theirs}\n")).unwrap();
    click_claim(&mut h, 0, Modifiers::NONE);
    press(&mut h, Key::V);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.query_by_label("File changed on disk").is_some());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{theirs}\n"),
        "nothing written before the answer"
    );
    h.get_by_label("Overwrite").click();
    settle(&mut h);
    assert!(!h.state().doc.is_dirty());
    let saved = claimdesk::io::project_file::load_project(&path).unwrap();
    assert_eq!(saved.claims[0].status, Status::Verified);
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 0, Modifiers::NONE);
    press(&mut h, Key::V);
    request_close(&mut h);
    assert!(close_was_cancelled(&h), "the close is held back");
    h.run();
    assert!(h.query_by_label_contains("before quitting").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(statuses(&h)[0], Status::Verified, "work kept");

    // Discard lets the window close.
    request_close(&mut h);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    request_close(&mut h);
    assert!(!close_was_cancelled(&h), "now it may close");
}

#[test]
fn article_details_are_editable_and_undoable() {
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 0, Modifiers::NONE);
    h.get_by_label("Article details").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Outlet").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Outlet")
        .type_text("The Evening Courier");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "URL").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "URL")
        .type_text("https://example.org/rafah");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let meta = h.state().doc.project.articles[0].meta.clone();
    assert_eq!(meta.outlet.as_deref(), Some("The Evening Courier"));
    assert_eq!(meta.url.as_deref(), Some("https://example.org/rafah"));
    assert!(h.state().doc.is_dirty());
    // Two edits (one per field); undo both.
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.articles[0].meta.url, None);
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
