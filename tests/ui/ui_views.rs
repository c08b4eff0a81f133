//! The views agree, the layout holds, text is legible, messages are exact (issue 11,
//! points 6 to 9).

use crate::ui_support;

use claimdesk::model::Status;
use claimdesk::ui::command::{Action, ThemeChoice, TriageAction, ViewAction};
use claimdesk::ui::jobs::{DialogPurpose, JobMsg};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn fixture_app() -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    let h = app(vec![path]);
    (dir, h)
}

/// The article the text pane shows and the claim the details pane shows agree with the
/// table's cursor.
fn assert_views_agree(h: &H) {
    let app = h.state();
    let cursor = app.view.selection.cursor.expect("a claim is selected");
    let claim = app.doc.project.claim(cursor).unwrap();
    assert_eq!(
        app.view.article,
        Some(claim.article),
        "text pane shows its article"
    );
    assert!(
        app.view
            .rows
            .rows
            .iter()
            .any(|&i| app.doc.project.claims[i].id == cursor),
        "the selected claim is shown in the table"
    );
    assert!(
        h.query_by_label_contains(&format!("#{} ·", claim.number))
            .is_some(),
        "details show claim #{}",
        claim.number
    );
}

#[test]
fn after_a_search_the_views_show_the_same_claim() {
    let (_dir, mut h) = fixture_app();
    assert_eq!(cursor_number(&h), Some(1), "a load selects the first claim");
    assert_views_agree(&h);
    // Claim 4 is in the second article.
    click_number(&mut h, 4, Modifiers::NONE);
    assert_views_agree(&h);
    // A search that hides it: the first claim shown is selected, in every pane.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("Kirby".into()));
    h.run();
    assert_eq!(cursor_number(&h), Some(1));
    assert_views_agree(&h);
    // A sort keeps the selected claim, and asks both panes to bring it into view.
    press(&mut h, Key::Enter);
    press(&mut h, Key::ArrowDown);
    let kept = cursor_number(&h);
    h.state_mut()
        .dispatch(ViewAction::SortBy(claimdesk::ui::rows::SortColumn::Claim));
    assert!(h.state().view.scroll_table && h.state().view.scroll_text);
    h.run();
    assert_eq!(cursor_number(&h), kept);
    assert_views_agree(&h);
}

#[test]
fn picking_an_article_selects_its_first_claim() {
    let (_dir, mut h) = fixture_app();
    // The sidebar's entry (drawn before the table's Article cells).
    h.get_all_by_label("Café owners protest new rules")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(cursor_number(&h), Some(4));
    assert_views_agree(&h);
    // One article shown: no Article column (only the menu's "Article" is left).
    assert_eq!(h.query_all_by_label("Article").count(), 1);
    h.get_by_label_contains("All articles").click();
    h.run();
    assert_eq!(
        h.query_all_by_label("Article").count(),
        2,
        "menu and column"
    );
}

const HEADERS: [&str; 9] = [
    "#", "Speaker", "Role", "Claim", "Cue", "Kind", "Status", "Triage", "Notes",
];

/// From 80% to 100% every column is in view; up to 200% the Claim column keeps 45% of
/// the table, so the columns of least use (Cue, Kind, Article…) may be left out, but the
/// number, speaker, claim and status always show, inside the window.
#[test]
fn columns_stay_visible_from_80_to_200_percent() {
    let (_dir, mut h) = fixture_app();
    for (steps, zoom) in [(0, 1.0), (2, 0.8), (5, 1.5), (10, 2.0)] {
        h.state_mut().dispatch(ViewAction::ZoomReset);
        for _ in 0..steps {
            h.state_mut().dispatch(if zoom < 1.0 {
                Action::View(ViewAction::ZoomOut)
            } else {
                Action::View(ViewAction::ZoomIn)
            });
        }
        h.run();
        h.run();
        assert!(
            (h.state().prefs.zoom - zoom).abs() < 0.01,
            "zoom {}",
            h.state().prefs.zoom
        );
        let width = h.ctx.content_rect().width();
        let always = ["#", "Speaker", "Claim", "Status"];
        for label in HEADERS.iter().chain(&["Article"]) {
            let nodes: Vec<egui::Rect> = h.query_all_by_label(label).map(|n| n.rect()).collect();
            let header = nodes
                .iter()
                .find(|r| r.min.y < 160.0 && r.min.x > 150.0 / zoom);
            let Some(header) = header else {
                assert!(
                    zoom > 1.0 && !always.contains(label),
                    "{label} header at {zoom}: {nodes:?}"
                );
                continue;
            };
            assert!(
                header.max.x <= width + 0.5 && header.width() > 4.0,
                "{label} header visible at {zoom}: {header:?} in {width}"
            );
        }
    }
}

#[test]
fn a_click_anywhere_on_a_header_sorts() {
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::F);
    let label = h
        .query_all_by_label("Status")
        .map(|n| n.rect())
        .find(|r| r.min.y < 140.0)
        .unwrap();
    let pos = egui::pos2(label.right() + 30.0, label.center().y);
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(
        h.state().view.sort.column,
        claimdesk::ui::rows::SortColumn::Status
    );
}

#[test]
fn tagging_and_long_urls_do_not_widen_the_panes() {
    let mut h = app(vec![sample_path()]);
    // The Claims tab starts where the sidebar ends.
    let sidebar = |h: &H| h.get_by_label("Claims").rect().min.x;
    // The details pane grows leftwards: the left edge of its first button tells its width.
    let claim_field = |h: &H| h.get_by_label("Unchecked (U)").rect();
    let (before_sidebar, before_field) = (sidebar(&h), claim_field(&h).min.x);
    // Every status on some claim: six chips under the article.
    for key in [Key::V, Key::D, Key::F, Key::M, Key::N] {
        keys_in_one_frame(&mut h, &[key, Key::ArrowDown]);
    }
    click_number(&mut h, 1, Modifiers::NONE);
    let url = format!("https://example.org/{}", "very-long-path/".repeat(20));
    let claim = h.state().doc.project.claims[0].id;
    h.state_mut().dispatch(TriageAction::Edit(
        claimdesk::model::edit::Edit::AddEvidence {
            claim,
            evidence: claimdesk::model::Evidence {
                url,
                description: "A long address".into(),
            },
        },
    ));
    for _ in 0..3 {
        h.run();
    }
    assert!(
        (sidebar(&h) - before_sidebar).abs() < 1.0,
        "sidebar kept its width"
    );
    assert!(
        (claim_field(&h).min.x - before_field).abs() < 1.0,
        "details kept their width: {before_field} then {}",
        claim_field(&h).min.x
    );
}

#[test]
fn theme_and_text_size_are_remembered_and_text_is_at_least_12pt() {
    use eframe::App as _;
    let mut h = app(vec![sample_path()]);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.state().prefs.theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.state().prefs.zoom - 1.1).abs() < 0.01);
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);
    let prefs: claimdesk::ui::Prefs = eframe::get_value(&storage, "claimdesk.prefs").unwrap();
    assert_eq!(prefs.theme, ThemeChoice::Light);
    assert!((prefs.zoom - 1.1).abs() < 0.01);
    for theme in [egui::Theme::Dark, egui::Theme::Light] {
        let style = h.ctx.style_of(theme);
        for (text_style, font) in &style.text_styles {
            assert!(font.size >= 12.0, "{text_style:?} is {} pt", font.size);
        }
    }
}

#[test]
fn the_report_uses_the_apps_status_colours() {
    let project = claimdesk::io::project_file::load_project(std::path::Path::new(FIXTURE)).unwrap();
    let html = claimdesk::io::export::render(
        &project,
        claimdesk::io::export::Format::Html,
        Default::default(),
    )
    .unwrap();
    let html = String::from_utf8(html).unwrap();
    for status in Status::ALL {
        let rule = format!(".st-{} .pill{{color:{}}}", status.key(), status.hex());
        assert!(html.contains(&rule), "{rule}");
        let [r, g, b] = status.rgb();
        assert_eq!(
            claimdesk::ui::theme::status_color(status),
            egui::Color32::from_rgb(r, g, b)
        );
    }
}

#[test]
fn messages_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("binary.txt");
    std::fs::write(&bad, b"\x00\x01\x02\x03").unwrap();
    // Only a bad file: no "other files were opened".
    let h = app(vec![bad.clone()]);
    assert!(h.query_by_label("No file was opened.").is_some());
    assert!(h.query_by_label_contains("other").is_none());
    let error = &h.state().dialogs.errors[0];
    assert!(error.contains("binary.txt"), "{error}");
    assert!(
        !error.contains("not an article format"),
        "no contradiction: {error}"
    );
    // A bad file and a good one.
    let h = app(vec![bad, sample_path()]);
    assert!(h.query_by_label("The other file was opened.").is_some());

    // Cancel in the save dialog is not an error.
    let mut h = app(Vec::new());
    h.state_mut().load_sample();
    h.run();
    h.state_mut().dispatch(Action::Job(JobMsg::Picked {
        purpose: DialogPurpose::SaveAs,
        paths: vec![],
        no_dialog: false,
    }));
    assert_eq!(
        h.state().message.as_deref(),
        Some("Not saved: the save dialog was cancelled")
    );
    assert!(h.state().dialogs.prompt.is_none());

    // The title follows the file's name after Save As.
    assert!(h.state().title().contains("Sample"));
    let path = dir.path().join("rafah-check.claimdesk");
    h.state_mut().write_project(path, None);
    settle(&mut h);
    assert!(
        h.state().title().contains("rafah-check"),
        "{}",
        h.state().title()
    );
    assert!(!h.state().title().contains("Sample"));
}

#[test]
fn import_progress_never_shows_100_percent_while_files_are_left() {
    use std::sync::atomic::Ordering;
    let mut h = app(Vec::new());
    h.state_mut()
        .open_paths(vec![sample_path(), sample_path(), sample_path()]);
    let progress = h.state().jobs.import.as_ref().unwrap();
    // Whatever the bytes say, a file left keeps it under 100%.
    progress.bytes.store(100, Ordering::SeqCst);
    progress.bytes_done.store(100, Ordering::SeqCst);
    progress.files_done.store(2, Ordering::SeqCst);
    assert!(progress.fraction() < 1.0);
    assert!(
        progress.describe().starts_with("Analysing file 3 of 3"),
        "{}",
        progress.describe()
    );
    settle(&mut h);
    assert!(h.state().jobs.import.is_none());
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
fn article_entries_do_not_overlap() {
    let (_dir, h) = fixture_app();
    let top = |label: &str| {
        h.query_all_by_label(label)
            .map(|n| n.rect())
            .find(|r| r.min.x < 40.0)
            .unwrap_or_else(|| panic!("{label} in the sidebar"))
    };
    let first = top("Ceasefire talks resume in Cairo");
    let second = top("Café owners protest new rules");
    // The first entry's chips (three statuses) end before the second entry starts.
    let chips_bottom = h
        .query_all_by_label_contains("verified")
        .map(|n| n.rect())
        .filter(|r| r.min.x < 200.0 && r.min.y > first.min.y && r.max.y < 600.0)
        .map(|r| r.max.y)
        .fold(0.0, f32::max);
    assert!(chips_bottom > first.max.y, "chips under the first title");
    assert!(
        second.min.y > chips_bottom + 4.0,
        "{second:?} after {chips_bottom}"
    );
}
