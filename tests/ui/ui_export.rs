//! File → Export… in the window, driven through egui_kittest: choose a format, edit the
//! ClaimReview settings (an undoable edit), type where to write, export.

use claimdesk::ui::command::ViewAction;
use std::path::Path;
use std::time::{Duration, Instant};

use claimdesk::io::export::{self, Format, Options};
use claimdesk::model::Status;
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn app(project: &Path) -> Harness<'static, ClaimdeskApp> {
    let files = vec![project.to_path_buf()];
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(20)
        .build_eframe(move |cc| {
            ClaimdeskApp::new(
                cc,
                AppOptions {
                    files,
                    sample_on_first_run: false,
                    recovery: false,
                    system_clipboard: false,
                    journal_dir: None,
                },
            )
        });
    h.run();
    h.state_mut().finish_jobs();
    h.run();
    h
}

/// Replace the text of a labelled field.
fn set_field(h: &mut Harness<'static, ClaimdeskApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.event(egui::Event::Text(text.into()));
    h.run();
}

/// Run frames until the export thread has reported (at most 10 s).
fn wait_for_export(h: &mut Harness<'static, ClaimdeskApp>) {
    let started = Instant::now();
    while h.state().export.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(10), "export hangs");
        std::thread::sleep(Duration::from_millis(10));
        h.run();
    }
    h.run();
}

#[test]
fn export_from_the_file_menu_with_edited_settings() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &project).unwrap();
    let mut h = app(&project);
    assert_eq!(h.state().doc.project.claims.len(), 4);
    // A table layout set before: the export's settings leave it as it is.
    let layout = claimdesk::model::TableLayout::default().with_hidden("cue", true);
    h.state_mut()
        .dispatch(claimdesk::ui::command::TriageAction::Edit(
            claimdesk::model::edit::Edit::SetTableLayout {
                layout: layout.clone(),
            },
        ));
    h.run();

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.state().export.is_open());
    // Next to the project, named after it, CSV first.
    let csv = dir.path().join("Ceasefire coverage.csv");
    assert_eq!(h.state().export.path, csv.display().to_string());
    assert_eq!(h.state().export.organisation, "Example Checks");

    // Choosing ClaimReview follows with the file's extension.
    h.get_by_label("ClaimReview JSON-LD").click();
    h.run();
    let target = dir.path().join("Ceasefire coverage.jsonld");
    assert_eq!(h.state().export.path, target.display().to_string());

    set_field(&mut h, "Organisation", "Vérif & Co");
    set_field(&mut h, "Review address", "https://checks.example/{id}");
    h.get_by_label("Export").click();
    h.run();
    wait_for_export(&mut h);
    assert!(!h.state().export.is_open());

    // The settings changed through the undo history, and the file used them.
    let app = h.state();
    assert_eq!(app.doc.project.settings.organisation, "Vérif & Co");
    assert_eq!(app.doc.project.settings.table_layout, layout, "layout kept");
    assert_eq!(
        app.doc.project.settings.review_url_pattern,
        "https://checks.example/{id}"
    );
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.history.undo_label(), Some("edit project settings"));
    assert_eq!(
        app.message.as_deref(),
        Some(format!("Exported {}", target.display()).as_str())
    );
    let written = std::fs::read(&target).unwrap();
    assert_eq!(
        written,
        export::render(&app.doc.project, Format::ClaimReview, Options::default()).unwrap()
    );
    let doc: serde_json::Value = serde_json::from_slice(&written).unwrap();
    let reviewed = app
        .doc
        .project
        .claims
        .iter()
        .filter(|c| c.status != Status::Unchecked)
        .count();
    assert_eq!(doc.as_array().unwrap().len(), reviewed);
    assert_eq!(doc[0]["author"]["name"], "Vérif & Co");
    assert_eq!(doc[0]["url"], "https://checks.example/4");
}

#[test]
fn export_errors_are_shown_and_cancel_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &project).unwrap();
    let mut h = app(&project);

    // Cancel: settings typed in the window are not kept.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    // While the window is open, the table's keys do nothing to the claims.
    let before = h.state().doc.project.clone();
    h.key_press(Key::V);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().doc.project, before);
    assert!(h.state().export.is_open());
    set_field(&mut h, "Organisation", "Someone else");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().export.is_open());
    // Escape closes it too.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().export.is_open());
    assert_eq!(
        h.state().doc.project.settings.organisation,
        "Example Checks"
    );
    assert!(!h.state().doc.is_dirty());

    // A folder that does not exist: the error names the file.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    h.get_by_label("HTML report").click();
    h.run();
    let nowhere = dir.path().join("missing").join("report.html");
    set_field(&mut h, "File", &nowhere.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    wait_for_export(&mut h);
    assert!(
        h.query_by_label_contains("report.html: cannot write the export")
            .is_some(),
        "the error is shown"
    );
    assert!(!nowhere.exists());
    assert!(!h.state().doc.is_dirty(), "unchanged settings are no edit");
}

#[test]
fn only_the_claims_shown_are_exported_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &project).unwrap();
    let mut h = app(&project);
    let all = h.state().doc.project.claims.len();
    let open_export = |h: &mut Harness<'static, ClaimdeskApp>| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export…").click();
        h.run();
    };

    // With no filter, every claim is shown: the box cannot be ticked.
    open_export(&mut h);
    assert!(h.state().export.shown.is_none());
    h.get_by_label("Cancel").click();
    h.run();

    // Only the first claim's status: the box offers those claims, and the CSV has them only.
    let status = h.state().doc.project.claims[0].status;
    let shown: Vec<String> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .filter(|c| c.status == status)
        .map(|c| c.id.0.to_string())
        .collect();
    assert!(!shown.is_empty() && shown.len() < all);
    h.state_mut()
        .dispatch(ViewAction::SetFilter(claimdesk::ui::rows::Filter {
            statuses: vec![status],
            ..Default::default()
        }));
    h.run();
    open_export(&mut h);
    let label = format!(
        "Only the claims shown ({} of {all}, as the filters show them)",
        shown.len()
    );
    h.get_by_label(&label).click();
    h.run();
    let csv = dir.path().join("shown.csv");
    set_field(&mut h, "File", &csv.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    wait_for_export(&mut h);
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows = text.lines().count() - 1;
    assert_eq!(rows, shown.len(), "{text}");
    assert_eq!(
        h.state().doc.project.claims.len(),
        all,
        "the project keeps every claim"
    );

    // The box is remembered while the filter hides claims, and cleared when none are hidden.
    open_export(&mut h);
    assert!(h.state().export.only_shown);
    h.get_by_label("Cancel").click();
    h.run();
    h.state_mut().dispatch(ViewAction::ClearFilters);
    open_export(&mut h);
    assert!(!h.state().export.only_shown);
}
