//! The Speakers tab (issue 12, point 4): search, sort, several selected and merged at
//! once, the role edited in place, and a speaker's page with all their claims.

use crate::ui_support;

use claimdesk::model::{SpeakerId, Status};
use claimdesk::ui::command::{TriageAction, ViewAction};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn speakers_tab(h: &mut H) {
    h.get_by_label("Speakers").click();
    h.run();
}

fn shown_names(h: &H) -> Vec<String> {
    let app = h.state();
    app.view
        .speakers
        .rows
        .rows
        .iter()
        .map(|&i| app.doc.project.speakers[i].name.clone())
        .collect()
}

fn claims_of(h: &H, id: SpeakerId) -> usize {
    h.state()
        .doc
        .project
        .claims
        .iter()
        .filter(|c| c.speaker == Some(id))
        .count()
}

/// Click a speaker's row by its name cell.
fn click_speaker(h: &mut H, name: &str, modifiers: Modifiers) {
    let is_body = h
        .state()
        .doc
        .project
        .find_speaker(name)
        .and_then(|id| h.state().doc.project.speaker(id))
        .is_some_and(|s| s.is_body);
    let label = if is_body {
        format!("{name} (group)")
    } else {
        name.to_string()
    };
    h.get_all_by_label(&label)
        .next()
        .expect("the speaker's row")
        .click_modifiers(modifiers);
    h.run();
}

#[test]
fn search_narrows_and_sort_by_claims_puts_the_most_quoted_first() {
    let mut h = app(vec![sample_path()]);
    speakers_tab(&mut h);
    let all = shown_names(&h);
    assert!(all.len() >= 3, "{all:?}");
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted, "by name at first");

    type_into(&mut h, Role::TextInput, "Find", "KIRB");
    assert_eq!(shown_names(&h), vec!["John Kirby".to_string()]);
    assert!(
        h.query_by_label_contains("1 of ").is_some(),
        "how many are shown"
    );

    // Clear the search; the Claims header sorts by claims, most first.
    h.state_mut()
        .dispatch(ViewAction::SetSpeakerQuery(Default::default()));
    h.run();
    h.get_by_role_and_label(Role::Label, "Claims").click();
    h.run();
    let counts: Vec<usize> = {
        let app = h.state();
        app.view
            .speakers
            .rows
            .rows
            .iter()
            .map(|&i| claims_of(&h, app.doc.project.speakers[i].id))
            .collect()
    };
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(counts[0] > counts[counts.len() - 1]);
    // Again: fewest first.
    h.get_by_role_and_label(Role::Label, "Claims").click();
    h.run();
    let first = h.state().view.speakers.rows.rows[0];
    let id = h.state().doc.project.speakers[first].id;
    assert_eq!(claims_of(&h, id), *counts.iter().min().unwrap());
}

#[test]
fn three_speakers_selected_merge_into_the_one_kept() {
    let mut h = app(vec![sample_path()]);
    speakers_tab(&mut h);
    let names = shown_names(&h);
    let picked: Vec<String> = names.iter().take(3).cloned().collect();
    let ids: Vec<SpeakerId> = picked
        .iter()
        .map(|n| h.state().doc.project.find_speaker(n).unwrap())
        .collect();
    let total: usize = ids.iter().map(|id| claims_of(&h, *id)).sum();
    // Click the first, Shift-click the third: three selected; Ctrl-click takes one out
    // and puts it back.
    click_speaker(&mut h, &picked[0], Modifiers::NONE);
    click_speaker(&mut h, &picked[2], Modifiers::SHIFT);
    assert_eq!(h.state().view.speakers.selection.ids.len(), 3);
    click_speaker(&mut h, &picked[1], Modifiers::COMMAND);
    assert_eq!(h.state().view.speakers.selection.ids.len(), 2);
    click_speaker(&mut h, &picked[1], Modifiers::COMMAND);
    assert!(h.query_by_label("3 speakers selected").is_some());

    // The last clicked is kept.
    h.get_by_label("Merge selected").click();
    h.run();
    let kept = ids[1];
    let project = &h.state().doc.project;
    assert!(project.speaker(ids[0]).is_none() && project.speaker(ids[2]).is_none());
    assert_eq!(
        claims_of(&h, kept),
        total,
        "every claim went to the one kept"
    );
    let aliases = &project.speaker(kept).unwrap().aliases;
    assert!(aliases.contains(&picked[0]) && aliases.contains(&picked[2]));
    assert_eq!(h.state().view.speakers.selection.ids.len(), 1);
    assert!(
        h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("Merged 2"))
    );

    // One undo gives every speaker back (Edit::MergeSpeakersInto: one step).
    assert_eq!(h.state().doc.history.undo_label(), Some("merge speakers"));
    h.state_mut().dispatch(TriageAction::Undo);
    h.run();
    assert!(
        h.state().doc.project.speaker(ids[0]).is_some()
            && h.state().doc.project.speaker(ids[2]).is_some()
    );
    assert_eq!(h.state().doc.history.undo_label(), Some("add article"));
    assert_eq!(
        claims_of(&h, kept),
        total - claims_of(&h, ids[0]) - claims_of(&h, ids[2])
    );
}

#[test]
fn the_role_is_edited_in_place_and_kept_when_the_field_is_left() {
    let mut h = app(vec![sample_path()]);
    speakers_tab(&mut h);
    let name = "Yoav Gallant";
    let id = h.state().doc.project.find_speaker(name).unwrap();
    click_speaker(&mut h, name, Modifiers::NONE);
    // Esc leaves the field: one edit.
    type_into(
        &mut h,
        Role::TextInput,
        "Role",
        "Defence Minister of Israel",
    );
    press(&mut h, Key::Escape);
    let role = |h: &H| {
        h.state()
            .doc
            .project
            .speaker(id)
            .and_then(|s| s.role.clone())
    };
    assert_eq!(role(&h).as_deref(), Some("Defence Minister of Israel"));
    assert_eq!(h.state().doc.history.undo_label(), Some("edit role"));

    // A click on another speaker keeps the typing too, for the speaker it was typed for.
    type_into(&mut h, Role::TextInput, "Role", "Minister");
    let other = shown_names(&h).into_iter().find(|n| n != name).unwrap();
    click_speaker(&mut h, &other, Modifiers::NONE);
    assert_eq!(role(&h).as_deref(), Some("Minister"));
    let other_id = h.state().doc.project.find_speaker(&other).unwrap();
    assert_eq!(h.state().view.speakers.selection.cursor, Some(other_id));
    assert_ne!(
        h.state()
            .doc
            .project
            .speaker(other_id)
            .and_then(|s| s.role.clone())
            .as_deref(),
        Some("Minister")
    );
    // The claims table shows the role (the table filtered to the speaker, so that their
    // rows are on screen whatever else the sample's extraction finds above them).
    h.state_mut()
        .dispatch(ViewAction::ShowTab(claimdesk::ui::command::Tab::Claims));
    h.state_mut()
        .dispatch(ViewAction::SetFilter(claimdesk::ui::rows::Filter {
            speaker: Some(id),
            ..Default::default()
        }));
    h.run();
    assert!(h.query_all_by_label("Minister").count() >= 1);
}

#[test]
fn a_speakers_page_lists_their_claims_and_a_click_opens_one() {
    let mut h = app(vec![sample_path()]);
    let id = h.state().doc.project.find_speaker("John Kirby").unwrap();
    let theirs: Vec<(u64, String)> = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .filter(|c| c.speaker == Some(id))
        .map(|c| (c.number, c.content.clone()))
        .collect();
    assert!(theirs.len() >= 2);
    // Mark one, so that the page shows a verdict; then a filter that hides Kirby's claims.
    let first = h
        .state()
        .doc
        .project
        .claims
        .iter()
        .find(|c| c.speaker == Some(id));
    let claim = first.unwrap().id;
    h.state_mut().dispatch(TriageAction::Select {
        claim,
        pick: claimdesk::ui::command::Pick::Only,
    });
    press(&mut h, Key::F);
    h.state_mut()
        .dispatch(ViewAction::SetFilter(claimdesk::ui::rows::Filter {
            statuses: vec![Status::Verified],
            ..Default::default()
        }));
    speakers_tab(&mut h);
    click_speaker(&mut h, "John Kirby", Modifiers::NONE);
    assert!(
        h.query_by_label(&format!("Claims ({}) in 1 article", theirs.len()))
            .is_some()
    );
    for (number, content) in &theirs {
        assert!(
            h.query_by_label(&format!("#{number}  {content}")).is_some(),
            "#{number} listed"
        );
    }
    assert!(
        h.query_all_by_label("False").count() >= 1,
        "its verdict shown"
    );

    let (number, content) = &theirs[1];
    h.get_by_label(&format!("#{number}  {content}")).click();
    h.run();
    let app = h.state();
    assert_eq!(app.view.tab, claimdesk::ui::command::Tab::Claims);
    assert_eq!(cursor_number(&h), Some(*number));
    assert!(
        !app.view.filter.is_active(),
        "the filter that hid it is cleared"
    );
}

#[test]
fn the_list_keys_move_in_the_speakers_list_and_verdict_keys_do_nothing_there() {
    let mut h = app(vec![sample_path()]);
    speakers_tab(&mut h);
    let order: Vec<SpeakerId> = {
        let app = h.state();
        app.view.speakers.rows.ids(&app.doc.project)
    };
    assert!(order.len() >= 4);
    let cursor = |h: &H| h.state().view.speakers.selection.cursor;
    // Down with nothing selected takes the first; Down, Down the third.
    keys_in_one_frame(&mut h, &[Key::ArrowDown, Key::ArrowDown, Key::ArrowDown]);
    assert_eq!(cursor(&h), Some(order[2]));
    // Shift+Up twice: the first three.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowUp);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowUp);
    h.step();
    h.run();
    assert_eq!(h.state().view.speakers.selection.ids.len(), 3);
    assert!(h.query_by_label("3 speakers selected").is_some());
    // End, Home; Ctrl+A selects every speaker shown; Esc none.
    press(&mut h, Key::End);
    assert_eq!(cursor(&h), order.last().copied());
    press(&mut h, Key::Home);
    assert_eq!(cursor(&h), Some(order[0]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    assert_eq!(h.state().view.speakers.selection.ids.len(), order.len());
    press(&mut h, Key::Escape);
    assert!(h.state().view.speakers.selection.ids.is_empty());
    // A verdict key on the speakers list marks no claim, deletes none, and the claims
    // selection stays.
    let selected = h.state().view.selection.ids.clone();
    let claims = h.state().doc.project.claims.len();
    keys_in_one_frame(&mut h, &[Key::V, Key::Delete, Key::J]);
    assert!(statuses(&h).iter().all(|s| *s == Status::Unchecked));
    assert_eq!(h.state().doc.project.claims.len(), claims);
    assert_eq!(h.state().view.selection.ids, selected);
    assert_eq!(
        h.state().doc.history.undo_label(),
        Some("add article"),
        "no edit"
    );
}
