//! The workbench window driven headlessly through egui_kittest: the real app state and the
//! real UI code, clicked and typed at like an analyst would.

use claimdesk::model::Status;
use claimdesk::ui::ClaimdeskApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::ui_support;

use ui_support::{app, cursor_number, sample_path, settle, statuses};

/// The status bar's summary line.
pub(crate) fn summary(h: &Harness<'static, ClaimdeskApp>) -> String {
    h.state().view.rows.counts.summary()
}

pub(crate) fn press(h: &mut Harness<'static, ClaimdeskApp>, key: Key) {
    h.key_press(key);
    h.run();
}

pub(crate) fn click_claim(
    h: &mut Harness<'static, ClaimdeskApp>,
    index: usize,
    modifiers: Modifiers,
) {
    let label = (index + 1).to_string();
    // The "#" cell of a row: clicking any cell selects the row.
    h.get_by_label(&label).click_modifiers(modifiers);
    h.run();
}

#[test]
fn opens_by_path_selects_first_claim_and_tags_by_key() {
    let mut h = app(Vec::new());
    assert!(h.state().doc.project.claims.is_empty());

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    h.get_by_role(Role::MultilineTextInput)
        .type_text(&sample_path().display().to_string());
    h.run();
    h.get_by_label("Open").click();
    settle(&mut h);

    let n = h.state().doc.project.claims.len();
    assert!(n >= 10, "the sample has many claims, got {n}");
    assert!(h.query_all_by_label("John Kirby").count() >= 3);
    // The first new claim is selected and the table has the keys: V tags it.
    let first = h.state().doc.project.claims[0].id;
    assert_eq!(h.state().view.selection.cursor, Some(first));
    press(&mut h, Key::V);
    assert_eq!(statuses(&h)[0], Status::Verified);
    assert!(
        h.query_all_by_label("Verified").count() >= 1,
        "the table shows the label"
    );
    // The verdict moved on to the next claim; D disputes it.
    assert_eq!(cursor_number(&h), Some(2));
    press(&mut h, Key::D);
    assert_eq!(&statuses(&h)[..2], &[Status::Verified, Status::Disputed]);
    assert!(summary(&h).contains("1 verified · 1 disputed"));
    assert!(h.state().doc.is_dirty());
    assert!(
        h.state().title().ends_with('•'),
        "title marks unsaved changes"
    );

    // End goes to the last claim, Home back to the first.
    press(&mut h, Key::End);
    let last = h.state().doc.project.claims[n - 1].id;
    assert_eq!(h.state().view.selection.cursor, Some(last));
    press(&mut h, Key::Home);
    assert_eq!(h.state().view.selection.cursor, Some(first));
}

#[test]
fn tag_by_click_multi_select_and_undo_redo() {
    let mut h = app(vec![sample_path()]);
    // Click row 3, then the False button of the details panel.
    click_claim(&mut h, 2, Modifiers::NONE);
    h.get_by_label("False (F)").click();
    h.run();
    assert_eq!(statuses(&h)[2], Status::False);

    // Row 1, Shift-click row 4: four rows selected; M marks them all.
    click_claim(&mut h, 0, Modifiers::NONE);
    click_claim(&mut h, 3, Modifiers::SHIFT);
    assert_eq!(h.state().view.selection.ids.len(), 4);
    // Ctrl-click removes row 2 from the selection.
    click_claim(&mut h, 1, Modifiers::COMMAND);
    assert_eq!(h.state().view.selection.ids.len(), 3);
    press(&mut h, Key::M);
    assert_eq!(
        &statuses(&h)[..5],
        &[
            Status::Misleading,
            Status::Unchecked,
            Status::Misleading,
            Status::Misleading,
            Status::Unchecked
        ]
    );
    // The history of the claim shows both changes.
    let claim = &h.state().doc.project.claims[2];
    assert_eq!(claim.history.len(), 2);

    // Undo the multi-tag, then the click-tag; redo once.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(statuses(&h)[0], Status::Unchecked);
    assert_eq!(statuses(&h)[2], Status::False);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(statuses(&h).iter().all(|s| *s == Status::Unchecked));
    // Opening the article into the new project is itself an edit.
    assert_eq!(h.state().doc.history.undo_label(), Some("add article"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(statuses(&h)[2], Status::False);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(statuses(&h)[0], Status::Misleading);
}

#[test]
fn context_menu_tags_the_row() {
    let mut h = app(vec![sample_path()]);
    h.get_by_label("5").click_secondary();
    h.run();
    // The menu is drawn last, above the details panel's button of the same name.
    h.get_all_by_label("Unverifiable (N)")
        .last()
        .unwrap()
        .click();
    h.run();
    assert_eq!(statuses(&h)[4], Status::Unverifiable);
}

#[test]
fn filter_by_status_and_search() {
    let mut h = app(vec![sample_path()]);
    let total = h.state().doc.project.claims.len();
    click_claim(&mut h, 0, Modifiers::NONE);
    press(&mut h, Key::V);

    h.get_by_label("Status filter").click();
    h.run();
    // The popup's choice is a button; the table's and details' pills are labels.
    h.get_by_role_and_label(Role::Button, "Verified").click();
    h.run();
    assert_eq!(h.state().view.rows.rows.len(), 1);
    assert!(summary(&h).starts_with("1 claim · 1 verified"));
    h.get_by_label("Clear filters").click();
    h.run();
    assert_eq!(h.state().view.rows.rows.len(), total);

    // Ctrl+F focuses the search field; typing filters the table.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    // Typed text goes to whatever has focus: the search field, if Ctrl+F worked.
    h.event(egui::Event::Text("Gallant".into()));
    h.run();
    let shown = h.state().view.rows.rows.len();
    assert!(
        shown >= 2 && shown < total,
        "search narrows the table: {shown}"
    );
    assert!(h.query_all_by_label("Yoav Gallant").count() >= 2);
    assert!(h.query_by_label("White House").is_none());
}

#[test]
fn sort_by_status_column() {
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 5, Modifiers::NONE);
    press(&mut h, Key::F);
    h.get_by_label("Status").click();
    h.run();
    // Sorted ascending by status: Unchecked first, False last.
    let rows = h.state().view.rows.rows.clone();
    assert_eq!(*rows.last().unwrap(), 5);
    h.get_by_label("Status").click();
    h.run();
    assert_eq!(
        h.state().view.rows.rows[0],
        5,
        "descending puts False first"
    );
}

#[test]
fn edit_speaker_of_a_claim() {
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 0, Modifiers::NONE);
    h.get_by_role_and_label(Role::TextInput, "Speaker").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Speaker")
        .type_text("Karine Jean-Pierre");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let app = h.state();
    let c = &app.doc.project.claims[0];
    let speaker = c.speaker.and_then(|s| app.doc.project.speaker(s)).unwrap();
    assert_eq!(speaker.name, "Karine Jean-Pierre");
    assert!(
        h.query_by_label("Karine Jean-Pierre").is_some(),
        "table shows it"
    );
    // Undo restores the speaker (keys belong to the table again after Enter).
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let app = h.state();
    let c = &app.doc.project.claims[0];
    let speaker = c.speaker.and_then(|s| app.doc.project.speaker(s)).unwrap();
    assert_eq!(speaker.name, "White House");
}

#[test]
fn merge_speakers_in_speakers_view() {
    let mut h = app(vec![sample_path()]);
    let project = &h.state().doc.project;
    let kirby = project.find_speaker("John Kirby").unwrap();
    let hamas = project.find_speaker("Hamas").unwrap();
    let hamas_claims = project
        .claims
        .iter()
        .filter(|c| c.speaker == Some(hamas))
        .count();
    assert!(hamas_claims > 0);

    h.get_by_label("Speakers").click();
    h.run();
    let is_body = h.state().doc.project.speaker(hamas).unwrap().is_body;
    h.get_by_label(if is_body { "Hamas (group)" } else { "Hamas" })
        .click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Merge into")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "John Kirby").click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    let project = &h.state().doc.project;
    assert!(project.speaker(hamas).is_none());
    assert!(project.claims.iter().all(|c| c.speaker != Some(hamas)));
    assert!(
        project
            .speaker(kirby)
            .unwrap()
            .aliases
            .contains(&"Hamas".to_string())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().doc.project.speaker(hamas).is_some(),
        "undo un-merges"
    );
}

#[test]
fn rename_speaker_in_speakers_view() {
    let mut h = app(vec![sample_path()]);
    h.get_by_label("Speakers").click();
    h.run();
    h.get_by_label("Yoav Gallant").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Yoav Gallant (IDF)");
    h.run();
    h.get_by_label("Rename").click();
    h.run();
    let project = &h.state().doc.project;
    assert!(project.find_speaker("Yoav Gallant (IDF)").is_some());
    assert_eq!(
        project.find_speaker("Yoav Gallant"),
        project.find_speaker("Yoav Gallant (IDF)"),
        "the old name is kept as an alias"
    );
}

#[test]
fn clicking_a_highlight_selects_its_claim_and_notes_commit() {
    let mut h = app(vec![sample_path()]);
    // Select claim 4 from the table, then write a note.
    click_claim(&mut h, 3, Modifiers::NONE);
    h.get_by_role_and_label(Role::MultilineTextInput, "Notes")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Notes")
        .type_text("Asked the NSC press office.");
    h.run();
    // Clicking the table again commits the note (the field loses focus).
    click_claim(&mut h, 0, Modifiers::NONE);
    assert_eq!(
        h.state().doc.project.claims[3].notes,
        "Asked the NSC press office."
    );
    assert!(
        h.query_by_label("Asked the NSC press office.").is_some(),
        "the table shows the note's first words"
    );
}

#[test]
fn keyboard_shortcuts_window_lists_keys() {
    let mut h = app(Vec::new());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();
    assert!(h.query_by_label("Ctrl+Shift+Z, Ctrl+Y").is_some());
    assert_eq!(
        h.query_all_by_label_contains("Mark selected claims")
            .count(),
        7,
        "six verdicts and Not a claim (R)"
    );
    // Generated from the one shortcut table: every entry is listed.
    for s in claimdesk::ui::shortcuts::SHORTCUTS {
        assert!(h.query_by_label(s.help).is_some(), "{} is listed", s.help);
    }
}

#[test]
fn clicking_highlighted_text_selects_that_claim() {
    let mut h = app(vec![sample_path()]);
    // Start from the last claim so that a click elsewhere is a visible change.
    press(&mut h, Key::End);
    let before = h.state().view.selection.cursor;
    // Each paragraph is drawn on its own: click those on screen until one's middle is a
    // highlight (most are). The title is a field of Article details too.
    let article = h.state().doc.project.articles[0].text.clone();
    for line in article.lines().skip(1).filter(|l| !l.is_empty()) {
        let Some(paragraph) = h.query_by_value(line) else {
            continue;
        };
        paragraph.click();
        h.run();
        if h.state().view.selection.cursor != before {
            break;
        }
    }
    let app = h.state();
    let now = app.view.selection.cursor.expect("a claim is selected");
    assert_ne!(Some(now), before);
    let claim = app.doc.project.claim(now).unwrap();
    assert_eq!(claim.article, app.doc.project.articles[0].id);
    // The table has the keys again: V tags the clicked claim.
    press(&mut h, Key::V);
    assert_eq!(
        h.state().doc.project.claim(now).unwrap().status,
        Status::Verified
    );
}

#[test]
fn page_keys_move_by_a_page() {
    let mut h = app(vec![sample_path()]);
    press(&mut h, Key::PageDown);
    let app = h.state();
    let pos = app
        .view
        .selection
        .cursor
        .and_then(|c| app.view.index.index_of(c))
        .unwrap();
    assert!(pos > 1, "moved by more than one row: {pos}");
    press(&mut h, Key::PageUp);
    let first = h.state().doc.project.claims[0].id;
    assert_eq!(h.state().view.selection.cursor, Some(first));
}

#[test]
fn evidence_is_added_and_removed_in_details() {
    let mut h = app(vec![sample_path()]);
    click_claim(&mut h, 2, Modifiers::NONE);
    h.get_by_role_and_label(Role::TextInput, "Evidence").focus();
    h.run();
    h.event(egui::Event::Text("https://example.org/transcript".into()));
    h.run();
    // The details panel scrolls; bring the button into view first.
    h.get_by_label("Add").scroll_to_me();
    h.run();
    h.get_by_label("Add").click();
    h.run();
    let ev = &h.state().doc.project.claims[2].evidence;
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].url, "https://example.org/transcript");
    assert!(
        h.query_by_label("1 ev.").is_some(),
        "the table marks evidence"
    );
    h.get_by_label("Remove").scroll_to_me();
    h.run();
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().doc.project.claims[2].evidence.is_empty());
}

#[test]
fn triage_under_a_status_filter_moves_to_the_next_claim() {
    let mut h = app(vec![sample_path()]);
    h.get_by_label("Status filter").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Unchecked").click();
    h.run();
    click_claim(&mut h, 0, Modifiers::NONE);
    // Tagging hides the claim; the next unchecked one takes its place and the selection.
    press(&mut h, Key::V);
    press(&mut h, Key::D);
    press(&mut h, Key::F);
    assert_eq!(
        &statuses(&h)[..4],
        &[
            Status::Verified,
            Status::Disputed,
            Status::False,
            Status::Unchecked
        ]
    );
    let fourth = h.state().doc.project.claims[3].id;
    assert_eq!(h.state().view.selection.cursor, Some(fourth));
    // Search hides the selected claim: keys no longer act on it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("Gallant".into()));
    h.key_press(Key::Enter);
    h.run();
    assert!(
        !h.state().view.selection.contains(fourth),
        "hidden claims leave the selection"
    );
}

#[test]
fn select_all_tags_every_shown_claim_and_delete_moves_on() {
    let mut h = app(vec![sample_path()]);
    // Only Gallant's claims: Ctrl+A then N marks them all unverifiable.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("Gallant".into()));
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    press(&mut h, Key::N);
    let shown = h.state().view.rows.rows.len();
    let marked = statuses(&h)
        .iter()
        .filter(|s| **s == Status::Unverifiable)
        .count();
    assert_eq!(marked, shown);
    assert!(shown > 0 && shown < h.state().doc.project.claims.len());

    // Delete removes the selected claims; Esc clears the selection.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    press(&mut h, Key::Delete);
    assert_eq!(h.state().view.rows.rows.len(), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().view.rows.rows.len(),
        shown,
        "undo brings them back"
    );
    click_claim_in_view(&mut h, 0);
    press(&mut h, Key::Delete);
    assert_eq!(h.state().view.rows.rows.len(), shown - 1);
    assert!(
        h.state().view.selection.cursor.is_some(),
        "the next claim takes the deleted one's place"
    );
    press(&mut h, Key::Escape);
    assert!(h.state().view.selection.ids.is_empty());
}

/// Click the `row`-th visible row (by its "#" cell).
pub(crate) fn click_claim_in_view(h: &mut Harness<'static, ClaimdeskApp>, row: usize) {
    let index = h.state().view.rows.rows[row];
    click_claim(h, index, Modifiers::NONE);
}
