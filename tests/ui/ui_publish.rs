//! Edit → Publish verdicts in the window (issue 15, point 5), egui_kittest: Ctrl+Shift+P
//! publishes the selected claims' verdicts (one edit, undoable in a file project), the
//! table marks them "published", and "published*" once a verdict changed since. In a
//! shared project an analyst's window greys the command out and refuses the key.

use crate::pg_support;
use crate::ui_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimdesk::model::{PublishState, Status};
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pg_support::{ANALYST, shared_fixture};
use ui_support::*;

fn publish_key(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
}

#[test]
fn ctrl_shift_p_publishes_the_verdict_marks_it_and_undo_takes_it_back() {
    let mut h = app(vec![sample_path()]);
    click_number(&mut h, 2, Modifiers::NONE);
    // (Another widget may say "published": the article's date field.)
    let base = h.query_all_by_label("published").count();
    // Unchecked: nothing to publish, said so, nothing changed.
    publish_key(&mut h);
    assert!(h.state().doc.project.claims[1].published.is_none());
    let said = h.state().message.clone().unwrap_or_default();
    assert!(said.contains("no verdict to publish"), "{said}");

    // Marked False (the F key, staying on the claim), then published.
    h.state_mut().prefs.advance = false;
    press(&mut h, Key::F);
    assert_eq!(h.state().doc.project.claims[1].status, Status::False);
    publish_key(&mut h);
    let claim = &h.state().doc.project.claims[1];
    let published = claim.published.clone().expect("published");
    assert_eq!(published.status, Status::False);
    assert_eq!(claim.publish_state(), PublishState::Published);
    assert_eq!(h.state().doc.history.undo_label(), Some("publish verdicts"));
    assert!(
        h.state().doc.is_dirty(),
        "a file project has an unsaved publication"
    );
    assert_eq!(
        h.query_all_by_label("published").count(),
        base + 2,
        "the table and the details mark it"
    );

    // Another verdict: "changed since", the public one stays False.
    press(&mut h, Key::M);
    let claim = &h.state().doc.project.claims[1];
    assert_eq!(claim.publish_state(), PublishState::ChangedSince);
    assert_eq!(h.query_all_by_label("published*").count(), 2);
    assert_eq!(h.query_all_by_label("published").count(), base);

    // Undo twice: the verdict, then the publication.
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(h.state().doc.project.claims[1].published.is_none());
    assert_eq!(h.query_all_by_label("published").count(), base);
    assert_eq!(h.query_all_by_label("published*").count(), 0);
}

#[test]
fn an_analysts_window_greys_publish_out_and_refuses_the_key() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "Desk");
    let analyst = db.role("anna", ANALYST);
    let dir = tempfile::tempdir().unwrap();
    let files = vec![PathBuf::from(db.url_as(&analyst, "Desk"))];
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
    let started = Instant::now();
    while h.state().shared.as_ref().is_none_or(|s| s.access.is_none()) {
        assert!(started.elapsed() < Duration::from_secs(20), "timed out");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
    click_number(&mut h, project.claims[0].number, Modifiers::NONE);
    publish_key(&mut h);
    let said = h.state().message.clone().unwrap_or_default();
    assert!(said.contains("may not publish"), "{said}");
    assert!(h.state().doc.project.claims[0].published.is_none());
    // The Edit menu shows the command greyed out.
    h.get_by_label("Edit").click();
    h.run();
    let item = h.get_by_label_contains("Publish verdicts of selected");
    assert!(
        item.accesskit_node().is_disabled(),
        "greyed out for an analyst"
    );
}
