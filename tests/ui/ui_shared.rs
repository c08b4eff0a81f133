//! A shared project in the window (egui_kittest): the read-only banner and refused keys,
//! edits sent to the server with the status bar saying so, Save not needed. Against the
//! server of `CLAIMDESK_TEST_PG` (skipped without it unless CI=true).

use crate::pg_support;
use crate::ui_support;

use claimdesk::ui::command::FileAction;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimdesk::model::Status;
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pg_support::{READER, open, shared_fixture};
use ui_support::{H, press, statuses};

fn window(url: &str, journal: &std::path::Path) -> H {
    let files = vec![PathBuf::from(url)];
    let journal_dir = Some(journal.to_path_buf());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(30)
        .build_eframe(move |cc| {
            ClaimdeskApp::new(
                cc,
                AppOptions {
                    files,
                    sample_on_first_run: false,
                    recovery: false,
                    journal_dir,
                    system_clipboard: false,
                },
            )
        });
    wait(&mut h, |app| {
        app.shared.as_ref().is_some_and(|s| s.access.is_some())
    });
    h
}

/// Run frames until `done` holds (the link reports on its own thread).
fn wait(h: &mut H, done: impl Fn(&ClaimdeskApp) -> bool) {
    let started = Instant::now();
    while !done(h.state()) {
        assert!(started.elapsed() < Duration::from_secs(20), "timed out");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
}

#[test]
fn read_only_project_shows_a_banner_refuses_verdict_keys_and_follows_others_edits() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let reader = db.role("reader", READER);
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(&db.url_as(&reader, "Desk"), dir.path());
    assert!(
        h.query_by_label_contains("Read-only: your role may read the shared project")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("shared: Desk @ 127.0.0.1 · read-only")
            .is_some()
    );
    let before = statuses(&h);
    assert_eq!(before.len(), 4);
    press(&mut h, Key::F);
    assert_eq!(statuses(&h), before, "nothing changed");
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.starts_with("Read-only"), "{message}");

    // An analyst imports an article (logged as a summary: the window loads the
    // project again): its claims are in the table within 2 s.
    let (added, errors) = claimdesk::io::shared::import_files(
        &mut open(&db.url("Desk")),
        &[ui_support::sample_path()],
    );
    assert!(errors.is_empty(), "{errors:?}");
    let claims = 4 + added[0].added_claims.len();
    let started = Instant::now();
    wait(&mut h, |app| app.view.rows.rows.len() == claims);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(h.state().doc.project.articles.len(), 3);
}

#[test]
fn a_verdict_key_goes_to_the_server_and_save_is_not_needed() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(&db.url("Desk"), dir.path());
    assert!(
        h.query_by_label_contains("shared: Desk @ 127.0.0.1")
            .is_some()
    );
    let first = h
        .state()
        .view
        .selection
        .cursor
        .expect("first claim selected");
    let status = |s: &[Status]| s[0];
    let was = status(&statuses(&h));
    let key = if was == Status::False { Key::D } else { Key::F };
    press(&mut h, key);
    assert_ne!(status(&statuses(&h)), was, "applied here at once");
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 1 && s.status.pending == 0)
    });
    assert!(h.query_by_label_contains("all edits sent").is_some());
    let server = open(&db.url("Desk")).load().unwrap();
    let on_server = server.claims.iter().find(|c| c.id == first).unwrap().status;
    assert_eq!(on_server, status(&statuses(&h)));
    assert!(!h.state().doc.is_dirty(), "nothing to save");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.contains("saved on the server"), "{message}");
    // Save As… writes a copy of the current state; the window stays on the server's.
    let copy = dir.path().join("copy.claimdesk");
    h.state_mut().dispatch(FileAction::SaveTo(copy.clone()));
    h.state_mut().finish_jobs();
    h.run();
    let saved = claimdesk::io::project_file::load_project(&copy).unwrap();
    let in_copy = saved.claims.iter().find(|c| c.id == first).unwrap().status;
    assert_eq!(in_copy, status(&statuses(&h)));
    assert!(h.state().doc.path.is_none() && h.state().shared.is_some());

    // Undo sends the edit that sets the old verdict back; the claim's history on the
    // server shows both.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(status(&statuses(&h)), was, "undone here at once");
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 2 && s.status.pending == 0)
    });
    let mut server = open(&db.url("Desk"));
    let on_server = server.load().unwrap();
    let on_server = on_server.claims.iter().find(|c| c.id == first).unwrap();
    assert_eq!(on_server.status, was);
    assert_eq!(server.claim_history(first).unwrap().len(), 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().message.as_deref(), Some("Nothing to undo"));

    // An article opened in the window is analysed here and added on the server.
    h.state_mut().open_paths(vec![ui_support::sample_path()]);
    h.state_mut().finish_jobs();
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 3 && s.status.pending == 0)
    });
    let on_server = open(&db.url("Desk")).load().unwrap();
    assert_eq!(on_server.articles.len(), 3);
    assert_eq!(on_server.claims.len(), h.state().doc.project.claims.len());
}

#[test]
fn an_unreachable_server_is_one_line_naming_the_address_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = "postgres://anna:hunter2@127.0.0.1:1/news?project=Desk&connect_timeout=2";
    let files = vec![PathBuf::from(url)];
    let journal_dir = Some(dir.path().to_path_buf());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(30)
        .build_eframe(move |cc| {
            ClaimdeskApp::new(
                cc,
                AppOptions {
                    files,
                    sample_on_first_run: false,
                    recovery: false,
                    journal_dir,
                    system_clipboard: false,
                },
            )
        });
    // The project being opened has its own link until it loads; the failure is the prompt.
    wait(&mut h, |app| {
        matches!(
            app.dialogs.prompt,
            Some(claimdesk::ui::command::Prompt::Error(_))
        )
    });
    assert!(h.state().shared.is_none());
    assert!(h.query_by_label_contains("Could not open.").is_some());
    let shown = match &h.state().dialogs.prompt {
        Some(claimdesk::ui::command::Prompt::Error(e)) => e.clone(),
        other => panic!("an error prompt, not {other:?}"),
    };
    assert!(
        shown.contains("postgres://anna:***@127.0.0.1:1/news") && shown.contains("cannot connect"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"));
    assert!(!shown.contains('\n'), "one line: {shown}");
}

#[test]
fn undo_and_redo_keys_in_one_frame_are_sent_in_order_and_the_server_follows() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(&db.url("Desk"), dir.path());
    let first = h
        .state()
        .view
        .selection
        .cursor
        .expect("first claim selected");
    let was = statuses(&h)[0];
    let key = if was == Status::False { Key::D } else { Key::F };
    press(&mut h, key);
    let set = statuses(&h)[0];
    assert_ne!(set, was);
    let (cmd, shift) = (
        egui::Modifiers::COMMAND,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
    );
    // One frame: undo, redo, undo, redo, undo: the verdict ends undone.
    for m in [cmd, shift, cmd, shift, cmd] {
        h.key_press_modifiers(m, Key::Z);
    }
    h.step();
    h.run();
    assert_eq!(statuses(&h)[0], was, "five steps applied in order");
    // The message names the verdict and the claim, as in a project file.
    let number = (h.state().doc.project.claims.iter())
        .find(|c| c.id == first)
        .map(|c| c.number)
        .expect("the claim");
    let said = h.state().message.clone().unwrap_or_default();
    assert!(
        said.starts_with(&format!("Undid \"{}\" on #{number} \"", set.label())),
        "{said}"
    );
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 6 && s.status.pending == 0)
    });
    let server = open(&db.url("Desk")).load().unwrap();
    let on_server = server.claims.iter().find(|c| c.id == first).unwrap();
    assert_eq!(on_server.status, was);
    // Redo once more: the server has the verdict again; the Edit menu names what is next.
    h.key_press_modifiers(shift, Key::Z);
    h.run();
    assert_eq!(statuses(&h)[0], set);
    assert_eq!(
        h.state().message.as_deref(),
        Some(said.replacen("Undid", "Redid", 1).as_str())
    );
    h.key_press_modifiers(shift, Key::Z);
    h.run();
    assert_eq!(h.state().message.as_deref(), Some("Nothing to redo"));
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 7 && s.status.pending == 0)
    });
    let server = open(&db.url("Desk")).load().unwrap();
    let on_server = server.claims.iter().find(|c| c.id == first).unwrap();
    assert_eq!(on_server.status, set);
    assert_eq!(
        open(&db.url("Desk")).claim_history(first).unwrap().len(),
        7,
        "the edit, five steps and the redo, each logged"
    );
}

/// The table's layout is a project setting: in a shared project it goes to the server
/// like any edit, and a window opening the project later gets it (issue 28 point 1).
#[test]
fn a_table_layout_goes_to_the_server_and_another_window_gets_it() {
    use claimdesk::model::TableLayout;
    use claimdesk::model::edit::Edit;
    use claimdesk::ui::command::TriageAction;
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(&db.url("Desk"), dir.path());
    let layout = TableLayout::default()
        .with_width("speaker", 140.0)
        .with_hidden("cue", true);
    h.state_mut()
        .dispatch(TriageAction::Edit(Edit::SetTableLayout {
            layout: layout.clone(),
        }));
    h.run();
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent >= 1 && s.status.pending == 0)
    });
    let server = open(&db.url("Desk")).load().unwrap();
    assert_eq!(server.settings.table_layout, layout);
    let other = tempfile::tempdir().unwrap();
    let again = window(&db.url("Desk"), other.path());
    assert_eq!(again.state().doc.project.settings.table_layout, layout);
}
