//! Tags typed from the keyboard (T, completion with Tab, Enter, Esc back to the table, all
//! in one frame), the status and tag filters, and a view saved in the project.

use crate::common;
use crate::ui_support;

use claimdesk::model::Status;
use claimdesk::ui::command::ViewAction;
use claimdesk::ui::rows::Filter;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn tags_of(h: &H, number: u64) -> Vec<String> {
    h.state()
        .doc
        .project
        .claims
        .iter()
        .find(|c| c.number == number)
        .map(|c| c.tags.clone())
        .unwrap_or_default()
}

fn key(key: Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

fn text(t: &str) -> egui::Event {
    egui::Event::Text(t.into())
}

/// These events as the input of one single frame (the harness's own key presses may each
/// get a frame of their own).
fn one_frame(h: &mut H, events: Vec<egui::Event>) {
    h.input_mut().events.extend(events);
    h.step();
    h.run();
}

fn shown_numbers(h: &H) -> Vec<u64> {
    let app = h.state();
    app.view
        .rows
        .rows
        .iter()
        .map(|&i| app.doc.project.claims[i].number)
        .collect()
}

#[test]
fn tags_are_typed_completed_and_added_by_keyboard_in_one_frame() {
    let mut h = app(vec![sample_path()]);
    assert_eq!(cursor_number(&h), Some(1));
    // T, the tag, Enter: one frame.
    one_frame(
        &mut h,
        vec![key(Key::T), text("for tomorrow"), key(Key::Enter)],
    );
    assert_eq!(tags_of(&h, 1), vec!["for tomorrow"]);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(egui::Id::unique("claim_tag_field")),
        "the tag field keeps the keys"
    );
    // The field keeps the keys for another tag; Esc gives them back to the table.
    press(&mut h, Key::Escape);
    // Next claim, T, "fo", Tab (completes), Enter, Esc, V: one frame.
    one_frame(
        &mut h,
        vec![
            key(Key::ArrowDown),
            key(Key::T),
            text("fo"),
            key(Key::Tab),
            key(Key::Enter),
            key(Key::Escape),
            key(Key::V),
        ],
    );
    assert_eq!(
        tags_of(&h, 2),
        vec!["for tomorrow"],
        "completed from the project"
    );
    assert_eq!(statuses(&h)[1], Status::Verified, "V went to the table");
    assert!(!tags_of(&h, 2).iter().any(|t| t == "fo"));
    assert!(h.state().view.tag_draft.is_empty());

    // The filters: several statuses and a tag.
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        statuses: vec![Status::Verified, Status::Unchecked],
        tags: vec!["FOR TOMORROW".into()],
        ..Filter::default()
    }));
    h.run();
    assert_eq!(shown_numbers(&h), vec![1, 2]);
    h.state_mut().dispatch(ViewAction::SetFilter(Filter {
        statuses: vec![Status::Verified],
        tags: vec!["for tomorrow".into()],
        ..Filter::default()
    }));
    h.run();
    assert_eq!(shown_numbers(&h), vec![2]);

    // Saved as a view of the project, picked again after the filters are cleared.
    h.get_by_label("Views").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Save these filters as")
        .focus();
    h.run();
    h.event(egui::Event::Text("Tomorrow".into()));
    h.run();
    h.get_by_label("Save current filters").click();
    h.run();
    let views = &h.state().doc.project.views;
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].name, "Tomorrow");
    assert_eq!(views[0].filter.statuses, vec![Status::Verified]);
    h.state_mut().dispatch(ViewAction::ClearFilters);
    h.run();
    assert!(shown_numbers(&h).len() > 2);
    h.get_by_label("Views").click();
    h.run();
    h.get_by_label("Tomorrow").click();
    h.run();
    assert_eq!(shown_numbers(&h), vec![2]);
    // Undo takes the view back out of the project.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc.project.views.is_empty());
}

#[test]
fn a_tag_is_renamed_and_merged_across_the_project_in_one_undoable_step() {
    use claimdesk::model::edit::Edit;
    use claimdesk::ui::command::TriageAction;
    let mut h = app(vec![sample_path()]);
    let ids: Vec<_> = h.state().doc.project.claims.iter().map(|c| c.id).collect();
    for (claims, tag) in [(vec![ids[0], ids[1]], "econ"), (vec![ids[2]], "Economy")] {
        h.state_mut().dispatch(TriageAction::Edit(Edit::AddTag {
            claims,
            tag: tag.into(),
        }));
    }
    h.run();
    assert_eq!(cursor_number(&h), Some(1));
    h.get_by_label("econ ×").click_secondary();
    h.run();
    type_into(
        &mut h,
        Role::TextInput,
        "Rename \"econ\" everywhere to",
        "economy",
    );
    h.get_by_label("Merge into \"Economy\" (2 claims)").click();
    h.run();
    for n in [1, 2, 3] {
        assert_eq!(tags_of(&h, n), vec!["Economy"], "claim {n}");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tags_of(&h, 1), vec!["econ"]);
    assert_eq!(tags_of(&h, 2), vec!["econ"]);
    assert_eq!(tags_of(&h, 3), vec!["Economy"]);
    assert_eq!(
        h.state().message.as_deref(),
        Some("Undid rename tag \"econ\" to \"economy\" on 2 claims")
    );
    // A verdict's undo names the claim by its number and first words.
    press(&mut h, Key::V);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let message = h.state().message.clone().unwrap_or_default();
    assert!(
        message.starts_with("Undid \"Verified\" on #1 \""),
        "{message}"
    );
}

/// A project not yet saved exports next to its articles, never into the folder the
/// program was started in; Esc closes the Help window.
#[test]
fn export_starts_beside_the_articles_and_esc_closes_help() {
    use claimdesk::ui::command::FileAction;
    let mut h = app(vec![sample_path()]);
    h.state_mut().dispatch(FileAction::ShowExport);
    h.run();
    let dir = sample_path().parent().unwrap().to_path_buf();
    let path = std::path::PathBuf::from(&h.state().export.path);
    assert_eq!(path.parent(), Some(dir.as_path()), "{}", path.display());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().export.is_open());
    h.state_mut().dispatch(ViewAction::ShowShortcuts);
    h.run();
    assert!(h.state().dialogs.shortcuts);
    press(&mut h, Key::Escape);
    assert!(!h.state().dialogs.shortcuts, "Esc closes Help");
    // A filter's menu: Esc closes it, and only it (the selection stays).
    let cursor = cursor_number(&h);
    assert!(cursor.is_some());
    h.get_by_label("Status filter").click();
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx));
    press(&mut h, Key::Escape);
    assert!(!egui::Popup::is_any_open(&h.ctx), "Esc closes the menu");
    assert_eq!(cursor_number(&h), cursor);
}

/// A day's 100 articles: the list says how many, finds one by its title, and shows its
/// claim counts by status.
#[test]
fn the_article_list_searches_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.claimdesk");
    let project = common::big_project(100, 3, "x");
    claimdesk::io::project_file::save_project(&path, &project).unwrap();
    let mut h = app(vec![path]);
    assert_eq!(h.state().doc.project.articles.len(), 100);
    h.get_by_role_and_label(Role::TextInput, "Find article")
        .focus();
    h.run();
    h.event(egui::Event::Text("día 42".into()));
    h.run();
    assert!(h.query_by_label("1 of 100 articles").is_some());
    let title = "Article 42: talks resume — día 42";
    assert!(h.query_by_label(title).is_some(), "the match is listed");
    h.get_by_label(title).click();
    h.run();
    assert_eq!(
        h.state().view.filter.article,
        Some(h.state().doc.project.articles[42].id)
    );
}

/// Each article's entry is as tall as its chips: an article whose claims have four
/// statuses wraps its chips and still ends before the next title; articles with one
/// status stay compact.
#[test]
fn article_entries_are_as_tall_as_their_chips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.claimdesk");
    let mut project = common::big_project(4, 4, "x");
    let first = project.articles[0].id;
    for claim in &mut project.claims {
        claim.status = Status::Unchecked;
    }
    let statuses = [
        Status::Unchecked,
        Status::Verified,
        Status::Disputed,
        Status::False,
    ];
    for (claim, status) in project
        .claims
        .iter_mut()
        .filter(|c| c.article == first)
        .zip(statuses)
    {
        claim.status = status;
    }
    claimdesk::io::project_file::save_project(&path, &project).unwrap();
    let h = app(vec![path]);
    // The list's copy of a title (the article view may show it too, further right).
    let title = |a: usize| {
        h.get_all_by_label(&format!("Article {a}: talks resume — día {a}"))
            .map(|n| n.rect())
            .min_by(|a, b| a.min.x.total_cmp(&b.min.x))
            .unwrap()
    };
    let (t0, t1, t2, t3) = (title(0), title(1), title(2), title(3));
    for chip in ["1 unchecked", "1 verified", "1 disputed", "1 false"] {
        let r = h.get_by_label(chip).rect();
        assert!(
            r.min.y > t0.max.y && r.max.y < t1.min.y,
            "{chip} sits in its entry: {r:?} between {t0:?} and {t1:?}"
        );
    }
    // One chip line: the two single-status entries are the same, and short.
    let (step2, step3) = (t2.min.y - t1.min.y, t3.min.y - t2.min.y);
    assert!((step2 - step3).abs() < 0.5, "{step2} vs {step3}");
    assert!(step2 < 80.0, "a one-line entry is {step2} points tall");
    assert!(t1.min.y - t0.min.y > step2, "the wrapped entry is taller");
}
