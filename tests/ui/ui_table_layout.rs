//! The claims table's columns as the analyst lays them out (issue 28 point 1): a header's
//! right-click moves and hides columns, a column's edge drags its width, the layout is
//! saved in the project file and restored on open, undone like any edit; older files
//! load with the default layout, and re-save without it.

use crate::ui_support;

use claimdesk::io::project_file::{load_project, save_project};
use claimdesk::model::TableLayout;
use claimdesk::ui::command::TriageAction;
use egui::Modifiers;
use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::*;

fn fixture_app() -> (tempfile::TempDir, std::path::PathBuf, H) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    let h = app(vec![path.clone()]);
    (dir, path, h)
}

/// The header cell labelled `label` (the table's, not a menu's or a filter's).
fn header(h: &H, label: &str) -> Option<egui::Rect> {
    h.query_all_by_label(label)
        .map(|n| n.rect())
        .find(|r| r.min.y < 160.0 && r.min.x > 150.0)
}

/// The table's header labels, left to right.
fn header_order(h: &H) -> Vec<&'static str> {
    let mut found: Vec<(f32, &'static str)> =
        ["#", "Speaker", "Claim", "Article", "Status", "Notes"]
            .into_iter()
            .filter_map(|l| header(h, l).map(|r| (r.min.x, l)))
            .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, l)| l).collect()
}

fn right_click_header(h: &mut H, label: &str) {
    let rect = header(h, label).unwrap_or_else(|| panic!("{label} header"));
    let pos = rect.center();
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

fn layout(h: &H) -> TableLayout {
    h.state().doc.project.settings.table_layout.clone()
}

#[test]
fn a_header_menu_moves_and_hides_columns_and_undo_puts_them_back() {
    let (_dir, _path, mut h) = fixture_app();
    let before = header_order(&h);
    let at = |order: &[&str], l: &str| order.iter().position(|x| *x == l).unwrap();
    assert!(
        at(&before, "Article") + 1 == at(&before, "Status"),
        "{before:?}"
    );
    assert!(!h.state().doc.is_dirty());

    right_click_header(&mut h, "Status");
    h.get_by_label("Move left").click();
    h.run();
    let after = header_order(&h);
    assert_eq!(
        at(&after, "Status") + 1,
        at(&after, "Article"),
        "Status now left of Article: {after:?}"
    );
    assert!(h.state().doc.is_dirty(), "a layout change is an edit");
    assert_eq!(h.query_all_by_label("Move left").count(), 0, "menu closed");

    right_click_header(&mut h, "Speaker");
    h.get_by_label("Hide Speaker").click();
    h.run();
    assert!(header(&h, "Speaker").is_none(), "hidden");
    assert!(layout(&h).is_hidden("speaker"));

    // Shown again from any header's menu.
    right_click_header(&mut h, "Claim");
    assert!(
        h.get_by_label("Hide Claim").accesskit_node().is_disabled(),
        "the Claim column stays"
    );
    h.get_by_label("Show column").click();
    h.run();
    h.get_all_by_label("Speaker").last().unwrap().click();
    h.run();
    assert!(header(&h, "Speaker").is_some(), "shown again");

    // Undo, step by step, back to the first layout.
    for _ in 0..3 {
        h.state_mut().dispatch(TriageAction::Undo);
        h.run();
    }
    assert_eq!(layout(&h), TableLayout::default());
    assert_eq!(header_order(&h), before);
    assert_eq!(
        h.state().message.as_deref(),
        Some("Undid change the table's columns")
    );
}

#[test]
fn dragging_a_column_edge_sets_its_width_in_the_project() {
    let (_dir, _path, mut h) = fixture_app();
    let speaker = header(&h, "Speaker").unwrap();
    let cell_left = speaker.min.x;
    // The grip is the last few points of the header cell: the next header's left edge
    // less the gap between columns.
    let next = header(&h, "Role").or_else(|| header(&h, "Claim")).unwrap();
    let grip = egui::pos2(next.min.x - 6.0, speaker.center().y);
    h.event(egui::Event::PointerMoved(grip));
    h.run();
    h.event(egui::Event::PointerButton {
        pos: grip,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let to = egui::pos2(grip.x + 60.0, grip.y);
    for step in 1..=4 {
        h.event(egui::Event::PointerMoved(egui::pos2(
            grip.x + 15.0 * step as f32,
            grip.y,
        )));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let width = layout(&h)
        .width("speaker")
        .expect("a width kept for Speaker");
    let expected = to.x - cell_left;
    assert!(
        (width - expected).abs() <= 8.0,
        "dragged to {expected}, kept {width}"
    );
    assert!(h.state().doc.is_dirty());
    // The header is wider (room allowing; the Claim column keeps its share).
    assert!(header(&h, "Speaker").is_some());
}

#[test]
fn the_layout_is_saved_in_the_project_file_and_restored_on_open() {
    let (dir, path, mut h) = fixture_app();
    right_click_header(&mut h, "Status");
    h.get_by_label("Move left").click();
    h.run();
    let moved = header_order(&h);
    let kept = layout(&h);
    assert!(!kept.is_default());
    h.state_mut().write_project(path.clone(), None);
    settle(&mut h);
    assert!(!h.state().doc.is_dirty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"table_layout\""), "written");
    assert_eq!(load_project(&path).unwrap().settings.table_layout, kept);

    // Opened again: the same order.
    let again = app(vec![path.clone()]);
    assert_eq!(layout(&again), kept);
    assert_eq!(header_order(&again), moved);

    // Reset: every column back in its place; the Claim column keeps its share.
    right_click_header(&mut h, "Claim");
    h.get_by_label("Reset columns").click();
    h.run();
    assert_eq!(layout(&h), TableLayout::default());
    drop(dir);
}

#[test]
fn an_older_file_loads_with_the_default_layout_and_resaves_without_it() {
    let project = load_project(std::path::Path::new(FIXTURE)).unwrap();
    assert!(project.settings.table_layout.is_default());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again.claimdesk");
    save_project(&out, &project).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("table_layout"), "not written while default");

    // A layout with a key a newer version wrote inside it: read, kept, written back.
    let with = text.replacen(
        "\"settings\": {",
        "\"settings\": {\n    \"table_layout\": {\"order\": [\"status\", \"claim\"], \"widths\": {\"speaker\": 130}, \"pinned\": [\"claim\"]},",
        1,
    );
    assert_ne!(with, text, "the fixture has a settings object");
    std::fs::write(&out, &with).unwrap();
    let read = load_project(&out).unwrap();
    let layout = &read.settings.table_layout;
    assert_eq!(layout.order, ["status", "claim"]);
    assert_eq!(layout.width("speaker"), Some(130.0));
    save_project(&out, &read).unwrap();
    let back = std::fs::read_to_string(&out).unwrap();
    assert!(back.contains("\"pinned\""), "the newer key kept: {back}");

    // Opened in the window: Status before Claim.
    let h = app(vec![out.clone()]);
    let order = header_order(&h);
    let at = |l: &str| order.iter().position(|x| *x == l).unwrap();
    assert!(at("Status") < at("Claim"), "{order:?}");
}

/// At 200% in a 1280×800 window the reading panel sits below the table, never over it:
/// End brings the last row into view above the details pane (issue 28 point 2).
#[test]
fn at_200_percent_the_last_row_is_reachable_above_the_reading_panel() {
    use claimdesk::ui::command::{Action, ViewAction};
    let mut h = app(vec![sample_path()]);
    for _ in 0..10 {
        h.state_mut().dispatch(Action::View(ViewAction::ZoomIn));
    }
    h.run();
    h.run();
    assert!((h.state().prefs.zoom - 2.0).abs() < 0.01);
    let last = (h.state().doc.project.claims.iter())
        .map(|c| c.number)
        .max()
        .unwrap();
    assert!(last > 8, "more rows than the table shows at 200%");
    press(&mut h, egui::Key::End);
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(cursor_number(&h), Some(last));
    let claim_header = header(&h, "Claim").unwrap();
    let row = h
        .query_all_by_label(&last.to_string())
        .map(|n| n.rect())
        .find(|r| r.min.x < claim_header.min.x)
        .expect("the last row's number is drawn");
    let panel_top = h.get_by_label("Delete claim").rect().min.y;
    assert!(
        row.min.y > claim_header.max.y && row.max.y <= panel_top,
        "last row {row:?} between the header {claim_header:?} and the panel at {panel_top}"
    );
}
