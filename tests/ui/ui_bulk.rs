//! Bulk work from the claims table's context menu (issue 12, point 3) and "Not a speaker"
//! in the Speakers tab (point 4): each acts on every selected claim (or speaker) and is
//! undone in one step.

use crate::ui_support;

use claimdesk::model::{Priority, Status};
use claimdesk::ui::command::TriageAction;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Claims 2, 3 and 4 selected, and the context menu of claim 3 open.
fn three_selected_with_menu(h: &mut H) {
    press(h, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    h.get_by_label("3").click_secondary();
    h.run();
    assert!(h.query_by_label("Mark 3 claims as").is_some());
}

#[test]
fn assign_speaker_from_the_context_menu_is_one_edit_for_the_selection() {
    let mut h = app(vec![sample_path()]);
    let before: Vec<_> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.speaker)
        .collect();
    three_selected_with_menu(&mut h);
    h.get_by_label("Assign speaker…").click();
    h.run();
    assert!(h.query_by_label("Assign a speaker to 3 claims").is_some());
    // Keys go to the window's field, not the table.
    h.event(egui::Event::Text("Jane Roe".into()));
    h.run();
    h.get_by_label("Assign").click();
    h.run();
    let project = &h.state().doc.project;
    let jane = project.find_speaker("Jane Roe").expect("a new speaker");
    let after: Vec<_> = project.claims[..5].iter().map(|c| c.speaker).collect();
    assert_eq!(
        after,
        vec![before[0], Some(jane), Some(jane), Some(jane), before[4]]
    );
    assert_eq!(h.state().doc.history.undo_label(), Some("assign speaker"));
    assert!(h.state().dialogs.assign_speaker.is_none(), "closed");
    undo(&mut h);
    let after: Vec<_> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.speaker)
        .collect();
    assert_eq!(after, before, "one undo");
}

#[test]
fn one_esc_closes_the_assign_speaker_window_and_changes_nothing() {
    let mut h = app(vec![sample_path()]);
    let before = h.state().doc.history.undo_label();
    three_selected_with_menu(&mut h);
    h.get_by_label("Assign speaker…").click();
    h.run();
    h.event(egui::Event::Text("Jane".into()));
    h.run();
    // The table's keys do nothing while it is open.
    press(&mut h, Key::V);
    assert!(statuses(&h).iter().all(|s| *s == Status::Unchecked));
    press(&mut h, Key::Escape);
    assert!(h.state().dialogs.assign_speaker.is_none(), "one Esc closes");
    assert_eq!(h.state().doc.history.undo_label(), before);
    assert!(h.state().doc.project.find_speaker("Jane").is_none());
}

#[test]
fn set_priority_and_assign_to_from_the_context_menu() {
    let mut h = app(vec![sample_path()]);
    h.state_mut().dispatch(TriageAction::Edit(
        claimdesk::model::edit::Edit::SetAssignees {
            names: vec!["Ana".into()],
        },
    ));
    three_selected_with_menu(&mut h);
    h.get_by_label("Set priority").click();
    h.run();
    // The details pane (right) has a "Low" too: the menu's is the one on the left.
    h.query_all_by_role_and_label(Role::Button, "Low")
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap()
        .click();
    h.run();
    let p: Vec<Priority> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.priority)
        .collect();
    use Priority::*;
    assert_eq!(p, vec![Normal, Low, Low, Low, Normal]);

    h.get_by_label("3").click_secondary();
    h.run();
    h.get_by_label("Assign to").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Ana").click();
    h.run();
    let a: Vec<Option<&str>> = h.state().doc.project.claims[..5]
        .iter()
        .map(|c| c.assignee.as_deref())
        .collect();
    assert_eq!(a, vec![None, Some("Ana"), Some("Ana"), Some("Ana"), None]);
    undo(&mut h);
    assert!(
        h.state()
            .doc
            .project
            .claims
            .iter()
            .all(|c| c.assignee.is_none())
    );
    undo(&mut h);
    assert!(
        h.state()
            .doc
            .project
            .claims
            .iter()
            .all(|c| c.priority == Normal)
    );
}

#[test]
fn not_a_speaker_marks_their_claims_not_a_claim_or_leaves_them_without_a_speaker() {
    let mut h = app(vec![sample_path()]);
    let project = &h.state().doc.project;
    let kirby = project.find_speaker("John Kirby").unwrap();
    let theirs: Vec<usize> = (0..project.claims.len())
        .filter(|&i| project.claims[i].speaker == Some(kirby))
        .collect();
    assert!(theirs.len() > 2);
    h.get_by_label("Speakers").click();
    h.run();
    h.state_mut().dispatch(TriageAction::PickSpeaker {
        speaker: kirby,
        pick: claimdesk::ui::command::Pick::Only,
    });
    h.run();
    h.get_by_label("Not a speaker…").click();
    h.run();
    h.get_by_label("Mark them Not a claim").click();
    h.run();
    let project = &h.state().doc.project;
    assert!(project.speaker(kirby).is_none());
    assert!(project.is_not_speaker("John Kirby"));
    for &i in &theirs {
        assert_eq!(project.claims[i].status, Status::Rejected);
        assert_eq!(project.claims[i].speaker, None);
    }
    undo(&mut h);
    let project = &h.state().doc.project;
    assert!(project.speaker(kirby).is_some(), "one undo");
    assert!(
        theirs
            .iter()
            .all(|&i| project.claims[i].status == Status::Unchecked)
    );

    // The other choice: they stay claims, without a speaker.
    h.state_mut().dispatch(TriageAction::PickSpeaker {
        speaker: kirby,
        pick: claimdesk::ui::command::Pick::Only,
    });
    h.run();
    h.get_by_label("Not a speaker…").click();
    h.run();
    h.get_by_label("Keep them, without a speaker").click();
    h.run();
    let project = &h.state().doc.project;
    for &i in &theirs {
        assert_eq!(project.claims[i].status, Status::Unchecked);
        assert_eq!(project.claims[i].speaker, None);
    }
}

#[test]
fn two_speakers_marked_not_speakers_are_one_undo_step() {
    let mut h = app(vec![sample_path()]);
    let project = &h.state().doc.project;
    let kirby = project.find_speaker("John Kirby").unwrap();
    let gallant = project.find_speaker("Yoav Gallant").unwrap();
    let before = h.state().doc.history.undo_label();
    h.get_by_label("Speakers").click();
    h.run();
    for (speaker, pick) in [
        (kirby, claimdesk::ui::command::Pick::Only),
        (gallant, claimdesk::ui::command::Pick::Toggle),
    ] {
        h.state_mut()
            .dispatch(TriageAction::PickSpeaker { speaker, pick });
    }
    h.run();
    h.get_by_label("Mark 2 as not speakers…").click();
    h.run();
    h.get_by_label("Keep them, without a speaker").click();
    h.run();
    let project = &h.state().doc.project;
    assert!(project.speaker(kirby).is_none() && project.speaker(gallant).is_none());
    assert!(project.is_not_speaker("Yoav Gallant"));
    undo(&mut h);
    let project = &h.state().doc.project;
    assert!(project.speaker(kirby).is_some() && project.speaker(gallant).is_some());
    assert_eq!(h.state().doc.history.undo_label(), before, "one step");
}
