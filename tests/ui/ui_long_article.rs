//! A long article opens with the window still answering (issue 23, point 5): keys pressed
//! while it is read and analysed are handled in the frames of the load, a verdict on one
//! of its claims applies in the next frame, and the text shows only the paragraphs on
//! screen (the last claim's paragraph drawn, the first no longer).

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{app, sample_path};

use claimdesk::model::Status;

/// The sample's paragraphs again and again, blank lines between (about `bytes` long).
fn long_article(bytes: usize) -> String {
    let sample = std::fs::read_to_string(sample_path()).expect("the sample");
    let (title, body) = sample.split_once('\n').expect("a title line");
    let mut text = format!("{title}\n\n");
    while text.len() < bytes {
        for paragraph in body.lines().filter(|l| !l.trim().is_empty()) {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
    }
    text
}

#[test]
fn a_long_article_opens_with_the_window_answering() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, long_article(1_500_000)).unwrap();
    let mut h = app(Vec::new());
    h.state_mut().open_paths(vec![path]);
    h.step();
    assert!(
        h.state().jobs.import.is_some(),
        "the article is being analysed"
    );

    // Keys while it loads: each handled in its frame.
    let zoom = h.state().prefs.zoom;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.step();
    assert!(
        h.state().prefs.zoom > zoom,
        "Ctrl+Plus handled during the load"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.step();
    h.step();
    assert_eq!(h.state().prefs.zoom, 1.0, "Ctrl+0 in the same frame");
    h.key_press(Key::Escape);
    h.step();
    assert!(
        h.state().jobs.import.is_some(),
        "still loading: the keys above were answered during the load"
    );

    // Loaded: the claims are in the table, the first selected.
    while h.state().jobs.import.is_some() {
        h.state_mut().finish_jobs();
        h.step();
    }
    h.step();
    let claims = h.state().doc.project.claims.len();
    assert!(claims > 5_000, "a long article: {claims} claims");
    assert_eq!(h.state().view.rows.rows.len(), claims);
    let first = h
        .state()
        .view
        .selection
        .cursor
        .expect("the first claim selected");

    // A verdict applies in the next frame, and moves on to the next claim.
    h.key_press(Key::V);
    h.step();
    let app = h.state();
    assert_eq!(
        app.doc.project.claim(first).unwrap().status,
        Status::Verified
    );
    assert_ne!(app.view.selection.cursor, Some(first), "moved on");

    // End: the last claim, its paragraph drawn; the article's first paragraph no longer is.
    h.key_press(Key::End);
    h.step();
    h.step();
    h.step();
    let app = h.state();
    let last = app.view.selection.cursor.expect("a cursor");
    let claim = app.doc.project.claim(last).unwrap();
    let text = &app.doc.project.articles[0].text;
    let start = text[..claim.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[claim.start..]
        .find('\n')
        .map_or(text.len(), |i| claim.start + i);
    let paragraph = text[start..end].to_string();
    let opening = text.lines().nth(2).unwrap().to_string();
    let near_end = claim.start > text.len() - 5_000;
    assert!(near_end, "the last claim is at the end of the article");
    assert!(
        h.query_all_by_value(&paragraph).next().is_some(),
        "the last claim's paragraph is drawn: {paragraph:?}; drawn: {:?}",
        h.query_all_by_role(egui::accesskit::Role::MultilineTextInput)
            .map(|n| n.value())
            .collect::<Vec<_>>()
    );
    // The same words are in every copy of the sample: the paragraph drawn is near the end.
    let drawn = h.query_all_by_value(&opening).count();
    assert!(drawn <= 2, "only paragraphs on screen are drawn ({drawn})");
}
