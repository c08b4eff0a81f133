//! A shared project's undo and redo ([`Edit::Revert`]): for every kind of edit, the revert
//! of an edit sets the project back, the revert of that revert (redo) brings the edit back,
//! and what someone else changed in between is kept and named.

use super::tests::{article_titled, extraction, ids, project};
use super::*;
use crate::extract::Extraction;
use crate::model::{ArticleMeta, Evidence, Priority, ProjectSettings, Status};

fn review() -> Evidence {
    Evidence {
        url: "https://checks.example/1".into(),
        description: "an earlier check".into(),
    }
}

/// The project as undo must give it back: status history aside (a status set back is a
/// new entry, not an erased one) and the counters (ids are never given back).
fn normal(p: &Project) -> Project {
    let mut p = p.clone();
    for c in &mut p.claims {
        c.history.clear();
    }
    p.next_id = 0;
    p.next_number = 0;
    p
}

/// One edit of every kind, made on [`project`]'s project. A new kind of edit does not
/// compile until it is named here.
fn every_edit(p: &Project) -> Vec<Edit> {
    let c = ids(p);
    let s: Vec<SpeakerId> = p.speakers.iter().map(|s| s.id).collect();
    let a = p.articles[0].id;
    let mut more = article_titled("second");
    more.text = "Kirby said \"we will help\". Gallant said \"we will go on\". ".into();
    let edits = vec![
        Edit::SetStatus {
            claims: c.clone(),
            status: Status::False,
            at: 5,
        },
        Edit::SetContent {
            claim: c[0],
            content: "we help".into(),
        },
        Edit::SetSpeakerName {
            claim: c[0],
            name: "Lloyd Austin".into(),
        },
        Edit::SetSpeakerName {
            claim: c[0],
            name: "Yoav Gallant".into(),
        },
        Edit::SetRole {
            speaker: s[0],
            role: "Spokesperson".into(),
        },
        Edit::AssignSpeaker {
            claims: c.clone(),
            name: "A Ministry".into(),
        },
        Edit::SetNotes {
            claim: c[1],
            notes: "call back".into(),
        },
        Edit::SetRationale {
            claim: c[1],
            rationale: "the record shows".into(),
        },
        Edit::SetAssignee {
            claims: c.clone(),
            assignee: Some("anna".into()),
        },
        Edit::SetPriority {
            claims: vec![c[0]],
            priority: Priority::High,
        },
        Edit::SetInProgress {
            claims: vec![c[1]],
            in_progress: true,
        },
        Edit::SetAssignees {
            names: vec!["anna".into(), "ben".into()],
        },
        Edit::SetArticleMemo {
            article: a,
            memo: "ask the desk".into(),
        },
        Edit::SetProjectMemo {
            memo: "elections".into(),
        },
        Edit::AddEvidence {
            claim: c[0],
            evidence: review(),
        },
        Edit::ApplyCheck {
            claim: c[1],
            status: Some(Status::False),
            evidence: review(),
            at: 6,
        },
        Edit::JudgeMatch {
            claim: c[0],
            url: "https://factcheck.example/1".into(),
            confirmed: Some(false),
            by: "anna".into(),
            at: 6,
        },
        Edit::AddClaim {
            article: a,
            start: 0,
            end: 10,
            speaker: Some("Kirby".into()),
        },
        Edit::DeleteClaims { claims: vec![c[0]] },
        Edit::DeleteClaims { claims: c.clone() },
        Edit::RenameSpeaker {
            speaker: s[0],
            name: "Admiral Kirby".into(),
        },
        Edit::MergeSpeakers {
            from: s[0],
            into: s[1],
        },
        Edit::MergeSpeakersInto {
            from: vec![s[0]],
            into: s[1],
        },
        Edit::DismissSpeaker {
            speaker: s[0],
            claims: DismissClaims::LoseSpeaker,
            at: 7,
        },
        Edit::DismissSpeakers {
            speakers: s.clone(),
            claims: DismissClaims::NotAClaim,
            at: 7,
        },
        Edit::SetNotSpeakers {
            names: vec!["The Desk".into()],
        },
        Edit::ReExtract {
            article: a,
            extraction: Extraction {
                claims: extraction().claims[..1].to_vec(),
                ..extraction()
            },
        },
        Edit::AddArticle {
            article: Box::new(more),
            extraction: extraction(),
        },
        Edit::SetSettings {
            settings: ProjectSettings {
                organisation: "Desk".into(),
                review_url_pattern: "https://desk.example/{id}".into(),
                statement_threshold: None,
                ..Default::default()
            },
        },
        Edit::SetTableLayout {
            layout: crate::model::TableLayout::default()
                .with_width("speaker", 120.0)
                .with_hidden("cue", true),
        },
        Edit::SetArticleMeta {
            article: a,
            title: "New title".into(),
            meta: ArticleMeta {
                outlet: Some("Paper".into()),
                ..Default::default()
            },
        },
        Edit::AddTag {
            claims: c.clone(),
            tag: "for tomorrow".into(),
        },
        Edit::SetViews {
            views: vec![crate::model::NamedView {
                name: "Tomorrow".into(),
                filter: crate::model::Filter {
                    tags: vec!["for tomorrow".into()],
                    ..Default::default()
                },
            }],
        },
    ];
    for e in &edits {
        match e {
            Edit::SetStatus { .. }
            | Edit::SetContent { .. }
            | Edit::SetSpeakerName { .. }
            | Edit::SetRole { .. }
            | Edit::AssignSpeaker { .. }
            | Edit::SetNotes { .. }
            | Edit::SetRationale { .. }
            | Edit::SetAssignee { .. }
            | Edit::SetPriority { .. }
            | Edit::SetInProgress { .. }
            | Edit::SetAssignees { .. }
            | Edit::SetArticleMemo { .. }
            | Edit::SetProjectMemo { .. }
            | Edit::AddEvidence { .. }
            | Edit::RemoveEvidence { .. }
            | Edit::ApplyCheck { .. }
            | Edit::JudgeMatch { .. }
            | Edit::AddClaim { .. }
            | Edit::DeleteClaims { .. }
            | Edit::RenameSpeaker { .. }
            | Edit::MergeSpeakers { .. }
            | Edit::MergeSpeakersInto { .. }
            | Edit::SplitSpeaker { .. }
            | Edit::RemoveAlias { .. }
            | Edit::DismissSpeaker { .. }
            | Edit::DismissSpeakers { .. }
            | Edit::SetNotSpeakers { .. }
            | Edit::ReExtract { .. }
            | Edit::AddArticle { .. }
            | Edit::SetSettings { .. }
            | Edit::SetTableLayout { .. }
            | Edit::SetArticleMeta { .. }
            | Edit::AddTag { .. }
            | Edit::SetViews { .. }
            | Edit::Revert(_) => {}
            // They need a tag first: tested in tests_tags.rs.
            Edit::RemoveTag { .. } | Edit::RenameTag { .. } => {}
            // Undone through the same revert, tested with a verdict set first below.
            Edit::Publish { .. } | Edit::Unpublish { .. } => {}
        }
    }
    edits
}

/// Apply `edit`, then its revert, then the revert of that: before, after, before again.
fn undo_redo(mut p: Project, edit: &Edit) {
    let before = normal(&p);
    let patch = apply(&mut p, edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    let after = normal(&p);
    assert_ne!(before, after, "{edit:?} changed nothing");
    let undo = revert_of(&patch, &p, 100, false);
    // Through the log's JSON and back, as another window gets it.
    let json = serde_json::to_string(&Edit::Revert(Box::new(undo))).unwrap();
    let undo: Edit = serde_json::from_str(&json).unwrap();
    let undone = apply(&mut p, &undo).unwrap_or_else(|e| panic!("undo of {edit:?}: {e}"));
    assert!(undone.conflicts.is_empty(), "{:?}", undone.conflicts);
    assert_eq!(normal(&p), before, "undo of {edit:?}");
    let redo = Edit::Revert(Box::new(revert_of(&undone, &p, 101, true)));
    let redone = apply(&mut p, &redo).unwrap_or_else(|e| panic!("redo of {edit:?}: {e}"));
    assert!(redone.conflicts.is_empty(), "{:?}", redone.conflicts);
    assert_eq!(normal(&p), after, "redo of {edit:?}");
}

#[test]
fn every_kind_of_edit_is_undone_and_redone_by_a_revert() {
    let (p, _, _) = project();
    for edit in every_edit(&p) {
        undo_redo(p.clone(), &edit);
    }
    // Removing evidence needs some first.
    let (mut p, _, _) = project();
    let claim = ids(&p)[0];
    apply(
        &mut p,
        &Edit::AddEvidence {
            claim,
            evidence: review(),
        },
    )
    .unwrap();
    undo_redo(p, &Edit::RemoveEvidence { claim, index: 0 });
}

#[test]
fn a_status_set_back_is_a_new_history_entry() {
    let (mut p, _, _) = project();
    let claim = ids(&p)[0];
    let edit = Edit::SetStatus {
        claims: vec![claim],
        status: Status::False,
        at: 5,
    };
    let patch = apply(&mut p, &edit).unwrap();
    let undo = Edit::Revert(Box::new(revert_of(&patch, &p, 9, false)));
    apply(&mut p, &undo).unwrap();
    let c = p.claim(claim).unwrap();
    assert_eq!(c.status, Status::Unchecked);
    let trail: Vec<(i64, Status, Status)> =
        c.history.iter().map(|h| (h.at, h.from, h.to)).collect();
    assert_eq!(
        trail,
        vec![
            (5, Status::Unchecked, Status::False),
            (9, Status::False, Status::Unchecked)
        ]
    );
}

#[test]
fn undo_keeps_what_someone_else_changed_since_and_names_it() {
    let (mut p, _, _) = project();
    let c = ids(&p);
    // Mine: notes and status of the first claim.
    let mine = apply(
        &mut p,
        &Edit::SetNotes {
            claim: c[0],
            notes: "mine".into(),
        },
    )
    .unwrap();
    let undo_notes = Edit::Revert(Box::new(revert_of(&mine, &p, 9, false)));
    let mine = apply(
        &mut p,
        &Edit::SetStatus {
            claims: c.clone(),
            status: Status::False,
            at: 5,
        },
    )
    .unwrap();
    let undo_status = Edit::Revert(Box::new(revert_of(&mine, &p, 9, false)));
    // Theirs, later: the same claim's notes; the second claim's status; a field I never
    // touched.
    apply(
        &mut p,
        &Edit::SetNotes {
            claim: c[0],
            notes: "theirs".into(),
        },
    )
    .unwrap();
    apply(
        &mut p,
        &Edit::SetStatus {
            claims: vec![c[1]],
            status: Status::Verified,
            at: 6,
        },
    )
    .unwrap();
    apply(
        &mut p,
        &Edit::SetRationale {
            claim: c[0],
            rationale: "why".into(),
        },
    )
    .unwrap();
    let patch = apply(&mut p, &undo_status).unwrap();
    assert_eq!(patch.conflicts.len(), 1, "{:?}", patch.conflicts);
    assert!(
        patch.conflicts[0].contains("status"),
        "{:?}",
        patch.conflicts
    );
    assert_eq!(
        p.claim(c[0]).unwrap().status,
        Status::Unchecked,
        "mine set back"
    );
    assert_eq!(
        p.claim(c[1]).unwrap().status,
        Status::Verified,
        "theirs kept"
    );
    // My notes were overwritten by theirs: nothing to set back, and it is said.
    let err = apply(&mut p, &undo_notes).unwrap_err();
    assert_eq!(err, EditError::NoChange);
    let claim = p.claim(c[0]).unwrap();
    assert_eq!(
        (claim.notes.as_str(), claim.rationale.as_str()),
        ("theirs", "why")
    );
}

#[test]
fn an_added_claim_someone_else_worked_on_is_not_removed_and_a_deleted_one_returns_in_place() {
    let (mut p, _, a) = project();
    let add = Edit::AddClaim {
        article: a,
        start: 0,
        end: 10,
        speaker: None,
    };
    let patch = apply(&mut p, &add).unwrap();
    let new = patch.added_claims[0];
    let undo = Edit::Revert(Box::new(revert_of(&patch, &p, 9, false)));
    apply(
        &mut p,
        &Edit::SetNotes {
            claim: new,
            notes: "theirs".into(),
        },
    )
    .unwrap();
    let kept = apply(&mut p, &undo).unwrap_err();
    assert_eq!(kept, EditError::NoChange);
    assert!(p.claim(new).is_some());
    // Deleting the middle claim of three, then undoing: back between its neighbours.
    let order = ids(&p);
    let patch = apply(
        &mut p,
        &Edit::DeleteClaims {
            claims: vec![order[1]],
        },
    )
    .unwrap();
    let undo = Edit::Revert(Box::new(revert_of(&patch, &p, 9, false)));
    apply(&mut p, &undo).unwrap();
    assert_eq!(ids(&p), order);
}

#[test]
fn publishing_and_withdrawing_are_undone_and_redone_by_a_revert() {
    let (mut p, _, _) = project();
    let claim = ids(&p)[0];
    apply(
        &mut p,
        &Edit::SetStatus {
            claims: vec![claim],
            status: Status::Disputed,
            at: 10,
        },
    )
    .unwrap();
    let publish = Edit::Publish {
        claims: vec![claim],
        at: 20,
        by: "editor".into(),
    };
    undo_redo(p.clone(), &publish);
    apply(&mut p, &publish).unwrap();
    undo_redo(
        p,
        &Edit::Unpublish {
            claims: vec![claim],
        },
    );
}
