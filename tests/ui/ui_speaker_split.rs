//! A speaker's page (issue 25, point 5): a wrong merge split by ticking the other
//! person's names, an alias removed; both undoable.

use crate::ui_support;

use claimdesk::model::SpeakerId;
use claimdesk::ui::command::TriageAction;
use egui::Modifiers;
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn claims_of(h: &H, id: SpeakerId) -> usize {
    let p = &h.state().doc.project;
    p.claims.iter().filter(|c| c.speaker == Some(id)).count()
}

#[test]
fn a_wrong_merge_is_split_from_the_page_and_an_alias_removed() {
    let mut h = app(vec![sample_path()]);
    let p = &h.state().doc.project;
    let kirby = p.find_speaker("John Kirby").unwrap();
    let gallant = p.find_speaker("Yoav Gallant").unwrap();
    let gallants = claims_of(&h, gallant);
    let kirbys = claims_of(&h, kirby);
    assert!(gallants >= 1 && kirbys >= 1);
    h.state_mut().dispatch(TriageAction::MergeSpeakers {
        from: vec![gallant],
        into: kirby,
    });
    h.run();
    assert_eq!(claims_of(&h, kirby), kirbys + gallants);

    h.get_by_label("Speakers").click();
    h.run();
    h.get_all_by_label("John Kirby")
        .next()
        .expect("Kirby's row")
        .click_modifiers(Modifiers::NONE);
    h.run();
    // Tick Gallant's names; the new speaker's name is the fullest of them.
    for alias in ["Yoav Gallant", "Gallant"] {
        h.get_by_label(alias).click();
        h.run();
    }
    h.get_by_label("Split").click();
    h.run();
    let p = &h.state().doc.project;
    let split = p.find_speaker("Yoav Gallant").expect("split off");
    assert_ne!(split, kirby);
    assert_eq!(
        claims_of(&h, split),
        gallants,
        "Gallant's claims went with him"
    );
    assert_eq!(claims_of(&h, kirby), kirbys);
    assert_eq!(h.state().doc.history.undo_label(), Some("split speaker"));
    h.state_mut().dispatch(TriageAction::Undo);
    h.run();
    assert_eq!(claims_of(&h, kirby), kirbys + gallants, "undone");

    // Remove an alias: the first "Remove" on Kirby's page.
    let before = h
        .state()
        .doc
        .project
        .speaker(kirby)
        .unwrap()
        .aliases
        .clone();
    h.get_all_by_label("Remove")
        .next()
        .expect("a Remove")
        .click();
    h.run();
    let after = h
        .state()
        .doc
        .project
        .speaker(kirby)
        .unwrap()
        .aliases
        .clone();
    assert_eq!(after.len() + 1, before.len(), "{before:?} → {after:?}");
    assert_eq!(h.state().doc.history.undo_label(), Some("remove alias"));
}
