//! The claim library in the window (issue 13, points 3 and 4): "Checked before" in a
//! claim's details, the table's mark, the key that takes the best match over (one undo
//! step), keys in one frame, File → Claim library… adding files, and near-identical claims
//! of several articles marked together.

use crate::ui_support;

use std::path::{Path, PathBuf};

use claimdesk::model::{ClaimId, Status};
use claimdesk::ui::command::{LibraryAction, TriageAction, ViewAction};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

const MONITOR_URL: &str = "https://factcheck.example/rafah-monitoring";
const INVADE_URL: &str = "https://factcheck.example/invade-gaza";

/// A small library: two fact-checks of claims in the sample, three of other things.
fn library(dir: &Path) -> PathBuf {
    let reviews = serde_json::json!([
        {"@type": "ClaimReview", "url": MONITOR_URL,
         "claimReviewed": "The United States will be monitoring the Israeli military actions in Rafah closely",
         "author": {"name": "Desk A"}, "datePublished": "2024-05-08",
         "reviewRating": {"alternateName": "Mostly True"}},
        {"@type": "ClaimReview", "url": INVADE_URL,
         "claimReviewed": "Israel would invade all of Gaza if the captives were not retrieved",
         "author": {"name": "Desk B"}, "datePublished": "2024-05-09",
         "reviewRating": {"alternateName": "Pants on Fire"}},
        {"@type": "ClaimReview", "url": "https://factcheck.example/moon",
         "claimReviewed": "The moon landing was staged in a film studio",
         "author": {"name": "Desk C"}, "reviewRating": {"alternateName": "False"}},
        {"@type": "ClaimReview", "url": "https://factcheck.example/bleach",
         "claimReviewed": "Drinking bleach will cure viral infections",
         "author": {"name": "Desk C"}, "reviewRating": {"alternateName": "False"}},
        {"@type": "ClaimReview", "url": "https://factcheck.example/vaccine",
         "claimReviewed": "Vaccines contain microchips that track people",
         "author": {"name": "Desk D"}, "reviewRating": {"alternateName": "Fake"}}
    ]);
    let file = dir.join("reviews.json");
    std::fs::write(&file, serde_json::to_string(&reviews).unwrap()).unwrap();
    let lib = dir.join("lib");
    claimdesk::io::library::add_files(&lib, &[file]).expect("library made");
    lib
}

/// The sample open, the library chosen and every claim matched.
fn sample_with_library() -> (H, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let mut h = app(vec![sample_path()]);
    h.state_mut().dispatch(LibraryAction::OpenLibrary(lib));
    settle(&mut h);
    assert!(!h.state().checks.matching, "matching finished");
    (h, tmp)
}

fn claim_starting(h: &H, words: &str) -> ClaimId {
    h.state()
        .doc
        .project
        .claims
        .iter()
        .find(|c| c.content.starts_with(words))
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("a claim starting {words:?}"))
}

fn row_of(h: &H, id: ClaimId) -> usize {
    let app = h.state();
    let i = app.view.index.index_of(id).expect("indexed");
    app.view.rows.position_of(i).expect("shown")
}

fn show(h: &mut H, id: ClaimId) {
    h.state_mut().dispatch(TriageAction::JumpToClaim(id));
    h.run();
}

#[test]
fn the_details_show_what_was_checked_before_and_the_table_marks_strong_matches() {
    let (mut h, _tmp) = sample_with_library();
    let monitor = claim_starting(&h, "that the United States will be monitoring");
    show(&mut h, monitor);
    assert!(h.query_by_label("Checked before").is_some());
    assert!(h.query_by_label("Mostly True").is_some(), "the verdict");
    assert!(
        h.query_by_label("Desk A · 2024-05-08").is_some(),
        "outlet and date"
    );
    assert!(h.query_by_label(MONITOR_URL).is_some(), "the link");
    assert!(h.query_by_label("strong match · p 0.95").is_some());
    assert!(h.query_by_label("Take over: Verified + evidence").is_some());
    assert!(
        h.query_by_label("(L takes it over)").is_some(),
        "the line on top"
    );
    // The table marks it, and not a claim the library knows nothing like.
    let app = h.state();
    let claim = app.doc.project.claim(monitor).unwrap();
    assert!(app.checks.has_strong_match(claim));
    let strong: Vec<u64> = app
        .doc
        .project
        .claims
        .iter()
        .filter(|c| app.checks.has_strong_match(c))
        .map(|c| c.number)
        .collect();
    assert!(
        strong.len() <= 4,
        "only claims like the reviews are marked: {strong:?}"
    );
    assert!(
        h.query_all_by_label("before").count() >= 1,
        "the mark drawn"
    );
    // The headline says what the review checked in other words ("US to closely monitor
    // Israeli military actions in Rafah"): if it is matched, it is to that review (a
    // paraphrase is not a restatement: the calibration decides how sure). A claim of
    // other words is not marked.
    let headline = h.state().doc.project.claims[0].id;
    let app = h.state();
    if let Some(best) = app.checks.best(app.doc.project.claim(headline).unwrap()) {
        assert_eq!(best.url, MONITOR_URL);
    }
    let other = claim_starting(&h, "Everybody's coming to the table");
    show(&mut h, other);
    let app = h.state();
    assert!(
        !app.checks
            .has_strong_match(app.doc.project.claim(other).unwrap())
    );
    assert!(h.query_by_label("Mostly True").is_none());
}

#[test]
fn l_takes_over_the_best_match_as_one_undoable_edit() {
    let (mut h, _tmp) = sample_with_library();
    let monitor = claim_starting(&h, "that the United States will be monitoring");
    show(&mut h, monitor);
    press(&mut h, Key::L);
    let c = h.state().doc.project.claim(monitor).unwrap().clone();
    assert_eq!(c.status, Status::Verified, "Mostly True is Verified");
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].url, MONITOR_URL);
    assert!(c.evidence[0].description.contains("Desk A"));
    assert_eq!(
        h.state().doc.history.undo_label(),
        Some("apply earlier fact-check")
    );
    assert_ne!(h.state().view.selection.cursor, Some(monitor), "moved on");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let c = h.state().doc.project.claim(monitor).unwrap();
    assert_eq!(c.status, Status::Unchecked, "one undo: the verdict");
    assert!(c.evidence.is_empty(), "and the evidence");
    assert!(c.history.is_empty());
}

/// Matches follow a claim's words: edited, it is matched again (off the UI thread).
#[test]
fn a_claim_whose_words_change_is_matched_again() {
    let (mut h, _tmp) = sample_with_library();
    let other = claim_starting(&h, "Everybody's coming to the table");
    let has_strong = |h: &H| {
        let app = h.state();
        app.checks
            .has_strong_match(app.doc.project.claim(other).unwrap())
    };
    assert!(!has_strong(&h));
    h.state_mut().dispatch(TriageAction::Edit(
        claimdesk::model::edit::Edit::SetContent {
            claim: other,
            content: "Drinking bleach will cure viral infections".into(),
        },
    ));
    settle(&mut h);
    assert!(has_strong(&h), "matched again after the edit");
    show(&mut h, other);
    assert!(
        h.query_by_label("“Drinking bleach will cure viral infections”")
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(!has_strong(&h), "and after undo");
}

#[test]
fn without_a_library_the_details_say_where_to_choose_one_and_l_changes_nothing() {
    let mut h = app(vec![sample_path()]);
    assert!(
        h.query_by_label(
            "No claim library chosen: File > Claim library… matches every claim with earlier fact-checks."
        )
        .is_some()
    );
    let before = h.state().doc.project.clone();
    press(&mut h, Key::L);
    assert_eq!(h.state().doc.project, before);
    assert!(
        h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("No claim library"))
    );
}

#[test]
fn keys_in_one_frame_take_over_each_claims_own_match() {
    let (mut h, _tmp) = sample_with_library();
    h.state_mut().dispatch(ViewAction::SetAdvance(false));
    let monitor = claim_starting(&h, "that the United States will be monitoring");
    let invade = claim_starting(&h, "'Israel' would invade all of Gaza");
    let (a, b) = (row_of(&h, monitor), row_of(&h, invade));
    let mut keys = vec![Key::Home];
    keys.extend(std::iter::repeat_n(Key::ArrowDown, a));
    keys.push(Key::L);
    keys.push(Key::Home);
    keys.extend(std::iter::repeat_n(Key::ArrowDown, b));
    keys.push(Key::L);
    keys.push(Key::ArrowUp);
    keys_in_one_frame(&mut h, &keys);
    let project = &h.state().doc.project;
    let m = project.claim(monitor).unwrap();
    let i = project.claim(invade).unwrap();
    assert_eq!(
        (m.status, m.evidence[0].url.as_str()),
        (Status::Verified, MONITOR_URL)
    );
    assert_eq!(
        (i.status, i.evidence[0].url.as_str()),
        (Status::False, INVADE_URL),
        "Pants on Fire is False"
    );
    let others = project
        .claims
        .iter()
        .filter(|c| c.id != monitor && c.id != invade)
        .filter(|c| c.status != Status::Unchecked || !c.evidence.is_empty())
        .count();
    assert_eq!(others, 0, "no other claim touched");
    assert_eq!(row_of(&h, h.state().view.selection.cursor.unwrap()), b - 1);
}

#[test]
fn the_library_window_adds_files_and_names_a_bad_one_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.json");
    std::fs::write(
        &good,
        r#"{"@type": "ClaimReview", "url": "https://factcheck.example/r1",
            "claimReviewed": "A claim checked", "reviewRating": {"alternateName": "False"}}"#,
    )
    .unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let lib = tmp.path().join("new-lib");
    let mut h = app(vec![sample_path()]);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Claim library…").click();
    h.run();
    assert!(h.state().checks.window.open);
    // The table's keys do nothing while it is open.
    press(&mut h, Key::V);
    assert!(statuses(&h).iter().all(|s| *s == Status::Unchecked));
    type_into(
        &mut h,
        egui::accesskit::Role::TextInput,
        "Folder",
        &lib.display().to_string(),
    );
    h.get_by_label("Use").click();
    settle(&mut h);
    assert!(
        h.query_by_label("No library in this folder yet: add files to make one.")
            .is_some()
    );
    let paths = format!("{}\n{}", bad.display(), good.display());
    h.get_by_label("Or paths").focus();
    h.run();
    h.event(egui::Event::Text(paths));
    h.run();
    h.get_by_label("Add these").click();
    settle(&mut h);
    let checks = &h.state().checks;
    assert_eq!(checks.len(), 1, "the good file was added");
    assert_eq!(checks.window.failed.len(), 1);
    let line = &checks.window.failed[0];
    assert!(line.contains("bad.json") && !line.contains('\n'), "{line}");
    assert!(h.query_by_label("1 review in the library").is_some());
    assert!(h.query_by_label("A claim checked").is_some(), "listed");
    press(&mut h, Key::Escape);
    assert!(!h.state().checks.window.open, "one Esc closes");
    assert_eq!(h.state().checks.dir.as_deref(), Some(lib.as_path()));
}

/// Two articles with the same claim: "also in 1 other article", a jump, and one edit that
/// marks both.
#[test]
fn near_identical_claims_are_shown_together_and_marked_in_one_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    let b = tmp.path().join("b.txt");
    std::fs::write(
        &a,
        "Bridge costs questioned\n\nThe transport minister, Anna Berg, said the new river bridge \
         will cost 40 million euros and open to traffic next spring.\n\nLocal residents were \
         sceptical about the timetable.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "City council debates the bridge\n\nCouncil members met on Tuesday. Anna Berg, the \
         transport minister, said the new river bridge will cost 40 million euros and open to \
         traffic next spring.\n\nThe debate went on late into the night.\n",
    )
    .unwrap();
    let mut h = app(vec![a, b]);
    let ids: Vec<ClaimId> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .filter(|c| c.content.contains("river bridge"))
        .map(|c| c.id)
        .collect();
    assert_eq!(ids.len(), 2);
    show(&mut h, ids[0]);
    assert!(h.query_by_label("Also in 1 other article").is_some());
    assert!(h.query_all_by_label("×2").count() >= 2, "both rows marked");
    let number = h.state().doc.project.claim(ids[1]).unwrap().number;
    h.get_by_label(&format!("#{number}")).click();
    h.run();
    assert_eq!(h.state().view.selection.cursor, Some(ids[1]), "jumped");
    h.get_by_label("Mark all 2 as").click();
    h.run();
    h.get_by_label("Disputed").click();
    h.run();
    let project = &h.state().doc.project;
    assert!(
        ids.iter()
            .all(|id| project.claim(*id).unwrap().status == Status::Disputed)
    );
    assert_eq!(h.state().doc.history.undo_label(), Some("set status"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let project = &h.state().doc.project;
    assert!(
        ids.iter()
            .all(|id| project.claim(*id).unwrap().status == Status::Unchecked),
        "one undo restores both"
    );
    // Select all 2: then one verdict key marks both.
    h.get_by_label("Select all 2").click();
    h.run();
    press(&mut h, Key::F);
    let project = &h.state().doc.project;
    assert!(
        ids.iter()
            .all(|id| project.claim(*id).unwrap().status == Status::False)
    );
}

/// The rows the table shows, as claim ids.
fn shown_ids(h: &H) -> Vec<ClaimId> {
    let app = h.state();
    app.view
        .rows
        .rows
        .iter()
        .map(|&i| app.doc.project.claims[i].id)
        .collect()
}

/// Issue 27, point 3: the analyst rejects a match (not shown again for that claim, the
/// table's mark and L follow), undoes it, confirms it (shown first and marked, with who
/// and when), and the JSON export carries the word.
#[test]
fn a_match_is_rejected_and_confirmed_in_the_details_and_undone() {
    let (mut h, _tmp) = sample_with_library();
    let monitor = claim_starting(&h, "that the United States will be monitoring");
    show(&mut h, monitor);
    assert!(h.query_by_label("Mostly True").is_some());
    h.query_all_by_label("Not this claim")
        .next()
        .expect("a reject button")
        .click_accesskit();
    h.run();
    let c = h.state().doc.project.claim(monitor).unwrap().clone();
    assert_eq!(c.match_verdicts.len(), 1);
    assert_eq!(c.match_verdicts[0].url, MONITOR_URL);
    assert!(!c.match_verdicts[0].confirmed);
    assert!(c.match_verdicts[0].at > 0, "when");
    assert_eq!(h.state().doc.history.undo_label(), Some("reject match"));
    assert!(h.query_by_label("Mostly True").is_none(), "not shown again");
    assert!(
        h.query_by_label("1 match you rejected not shown.")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Nothing like it")
            .next()
            .is_none(),
        "not \"nothing like it\": one was, and was rejected"
    );
    assert!(!h.state().checks.has_strong_match(&c), "the mark goes");
    // L no longer takes the rejected review over.
    h.state_mut().dispatch(ViewAction::SetAdvance(false));
    press(&mut h, Key::L);
    assert!(
        h.state()
            .doc
            .project
            .claim(monitor)
            .unwrap()
            .evidence
            .is_empty(),
        "L does not take a rejected match over"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .doc
            .project
            .claim(monitor)
            .unwrap()
            .match_verdicts
            .is_empty(),
        "one undo brings it back"
    );
    assert!(h.query_by_label("Mostly True").is_some());
    h.query_all_by_label("Same claim")
        .next()
        .expect("a confirm button")
        .click_accesskit();
    h.run();
    let c = h.state().doc.project.claim(monitor).unwrap().clone();
    assert!(c.match_verdicts[0].confirmed);
    assert!(h.query_by_label("Take back").is_some(), "marked confirmed");
    assert_eq!(
        h.state().checks.best(&c).map(|m| m.url.as_str()),
        Some(MONITOR_URL),
        "a confirmed match comes first"
    );
    let json = claimdesk::io::export::json::to_string(&h.state().doc.project).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let out = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == monitor.0)
        .unwrap();
    assert_eq!(out["match_verdicts"][0]["url"], MONITOR_URL);
    assert_eq!(out["match_verdicts"][0]["confirmed"], true);
}

/// Issue 27, point 3: the filter "checked before: strong / possible / none" shows the
/// claims by their best match not rejected; rejecting a claim's match moves it.
#[test]
fn the_checked_before_filter_follows_the_matches_and_the_analysts_word() {
    use claimdesk::model::{CheckedLevel, Filter};
    let (mut h, _tmp) = sample_with_library();
    assert!(
        h.query_by_label("Checked before filter").is_some(),
        "the filter"
    );
    let monitor = claim_starting(&h, "that the United States will be monitoring");
    let other = claim_starting(&h, "Everybody's coming to the table");
    let all = shown_ids(&h).len();
    let only = |levels: Vec<CheckedLevel>| {
        ViewAction::SetFilter(Filter {
            checked: levels,
            ..Default::default()
        })
    };
    h.state_mut().dispatch(only(vec![CheckedLevel::Strong]));
    h.run();
    let strong = shown_ids(&h);
    assert!(strong.contains(&monitor), "{strong:?}");
    assert!(!strong.contains(&other));
    assert!(strong.len() < all);
    h.state_mut().dispatch(only(vec![CheckedLevel::None]));
    h.run();
    let none = shown_ids(&h);
    assert!(none.contains(&other) && !none.contains(&monitor));
    h.state_mut().dispatch(only(vec![
        CheckedLevel::Strong,
        CheckedLevel::Possible,
        CheckedLevel::None,
    ]));
    h.run();
    assert_eq!(shown_ids(&h).len(), all, "every level: every claim");
    h.state_mut().dispatch(only(vec![CheckedLevel::Strong]));
    h.state_mut().dispatch(LibraryAction::JudgeMatch {
        claim: monitor,
        url: MONITOR_URL.into(),
        confirmed: Some(false),
    });
    h.run();
    let strong_now = shown_ids(&h);
    let level = {
        let app = h.state();
        app.checks
            .levels
            .level_of(app.doc.project.claim(monitor).unwrap())
    };
    assert!(!strong_now.contains(&monitor), "rejected: no longer strong");
    assert_ne!(level, Some(CheckedLevel::Strong));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(shown_ids(&h).contains(&monitor), "undo: strong again");
}

/// A match the analyst confirmed stays in view when no library is open.
#[test]
fn a_confirmed_match_is_shown_without_a_library() {
    let mut h = app(vec![sample_path()]);
    let claim = claim_starting(&h, "that the United States will be monitoring");
    h.state_mut().dispatch(LibraryAction::JudgeMatch {
        claim,
        url: MONITOR_URL.into(),
        confirmed: Some(true),
    });
    show(&mut h, claim);
    assert!(h.query_by_label_contains("Confirmed").is_some());
    assert!(h.query_by_label(MONITOR_URL).is_some(), "its link");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.query_by_label_contains("Confirmed").is_none(), "undone");
}
