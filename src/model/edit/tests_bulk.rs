//! Edits that act on many claims at once, the triage fields, memos and speaker
//! management: each one undoable step that undo restores whole and redo reapplies.

use super::tests::{extraction, ids, project};
use super::*;
use crate::extract::FoundClaim;

/// Apply, check, undo back to `before`, redo to the same `after`.
fn round_trip(p: &mut Project, h: &mut History, edit: Edit, check: impl Fn(&Project)) {
    let before = p.clone();
    h.apply(p, edit).expect("applies");
    check(p);
    let after = p.clone();
    assert!(h.undo(p).is_some());
    assert_eq!(*p, before, "undo restores every claim");
    assert!(h.redo(p).is_some());
    assert_eq!(*p, after, "redo reapplies");
}

#[test]
fn bulk_not_a_claim_is_one_step() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    round_trip(
        &mut p,
        &mut h,
        Edit::SetStatus {
            claims: all,
            status: Status::Rejected,
            at: 5,
        },
        |p| {
            assert!(p.claims.iter().all(|c| c.status == Status::Rejected));
            assert_eq!(p.status_tally().claims(), 0);
            assert_eq!(p.status_tally().get(Status::Rejected), 2);
        },
    );
    assert!(h.undo(&mut p).is_some());
    assert!(p.claims.iter().all(|c| c.status == Status::Unchecked));
}

#[test]
fn bulk_speaker_assignment_creates_one_speaker_and_undoes() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    round_trip(
        &mut p,
        &mut h,
        Edit::AssignSpeaker {
            claims: all.clone(),
            name: " Hamas ".into(),
        },
        |p| {
            assert_eq!(p.speakers.len(), 3);
            let hamas = p.find_speaker("Hamas");
            assert!(hamas.is_some());
            assert!(p.claims.iter().all(|c| c.speaker == hamas));
            assert!(p.claims.iter().all(|c| c.origin == ClaimOrigin::Edited));
        },
    );
    // An empty name unattributes them all.
    h.apply(
        &mut p,
        Edit::AssignSpeaker {
            claims: all.clone(),
            name: String::new(),
        },
    )
    .unwrap();
    assert!(p.claims.iter().all(|c| c.speaker.is_none()));
    let again = Edit::AssignSpeaker {
        claims: all,
        name: String::new(),
    };
    assert_eq!(h.apply(&mut p, again), Err(EditError::NoChange));
    let none = Edit::AssignSpeaker {
        claims: vec![],
        name: "x".into(),
    };
    assert!(matches!(h.apply(&mut p, none), Err(EditError::Invalid(_))));
}

#[test]
fn bulk_delete_restores_all_in_order() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    round_trip(&mut p, &mut h, Edit::DeleteClaims { claims: all }, |p| {
        assert!(p.claims.is_empty())
    });
}

#[test]
fn triage_fields_on_many_claims_round_trip() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    round_trip(
        &mut p,
        &mut h,
        Edit::SetAssignee {
            claims: all.clone(),
            assignee: Some("  Ana Ruiz ".into()),
        },
        |p| {
            assert!(
                p.claims
                    .iter()
                    .all(|c| c.assignee.as_deref() == Some("Ana Ruiz"))
            );
            assert_eq!(p.assignees, vec!["Ana Ruiz".to_string()]);
        },
    );
    round_trip(
        &mut p,
        &mut h,
        Edit::SetPriority {
            claims: all.clone(),
            priority: Priority::High,
        },
        |p| assert!(p.claims.iter().all(|c| c.priority == Priority::High)),
    );
    round_trip(
        &mut p,
        &mut h,
        Edit::SetInProgress {
            claims: all.clone(),
            in_progress: true,
        },
        |p| assert!(p.claims.iter().all(|c| c.in_progress)),
    );
    // Unassigning keeps the name for next time.
    h.apply(
        &mut p,
        Edit::SetAssignee {
            claims: all.clone(),
            assignee: Some("   ".into()),
        },
    )
    .unwrap();
    assert!(p.claims.iter().all(|c| c.assignee.is_none()));
    assert_eq!(p.assignees, vec!["Ana Ruiz".to_string()]);
    let same = Edit::SetInProgress {
        claims: all,
        in_progress: true,
    };
    assert_eq!(h.apply(&mut p, same), Err(EditError::NoChange));
    round_trip(
        &mut p,
        &mut h,
        Edit::SetAssignees {
            names: vec![" Bo ".into(), "Ana Ruiz".into(), "Bo".into(), "".into()],
        },
        |p| assert_eq!(p.assignees, vec!["Bo".to_string(), "Ana Ruiz".to_string()]),
    );
}

#[test]
fn rationale_and_memos_round_trip() {
    let (mut p, mut h, article) = project();
    let c = p.claims[0].id;
    round_trip(
        &mut p,
        &mut h,
        Edit::SetRationale {
            claim: c,
            rationale: "The ministry's figures say otherwise.".into(),
        },
        |p| {
            assert_eq!(
                p.claims[0].rationale,
                "The ministry's figures say otherwise."
            );
            assert!(p.claims[0].notes.is_empty(), "notes are a separate field");
        },
    );
    round_trip(
        &mut p,
        &mut h,
        Edit::SetArticleMemo {
            article,
            memo: "Ask the desk about the second quote.".into(),
        },
        |p| assert_eq!(p.articles[0].memo, "Ask the desk about the second quote."),
    );
    round_trip(
        &mut p,
        &mut h,
        Edit::SetProjectMemo {
            memo: "Deadline Friday.".into(),
        },
        |p| assert_eq!(p.memo, "Deadline Friday."),
    );
    let missing = Edit::SetArticleMemo {
        article: ArticleId(999),
        memo: "x".into(),
    };
    assert_eq!(
        h.apply(&mut p, missing),
        Err(EditError::NoSuchArticle(ArticleId(999)))
    );
}

#[test]
fn merging_several_speakers_is_one_edit() {
    let (mut p, mut h, _) = project();
    let c = p.claims[0].id;
    h.apply(
        &mut p,
        Edit::SetSpeakerName {
            claim: c,
            name: "Hamas".into(),
        },
    )
    .unwrap();
    let [kirby, gallant, hamas] = [0, 1, 2].map(|i| p.speakers[i].id);
    round_trip(
        &mut p,
        &mut h,
        Edit::MergeSpeakersInto {
            from: vec![gallant, hamas, kirby, gallant],
            into: kirby,
        },
        |p| {
            assert_eq!(p.speakers.len(), 1);
            assert!(p.claims.iter().all(|c| c.speaker == Some(kirby)));
            let aliases = &p.speakers[0].aliases;
            for name in ["Yoav Gallant", "Gallant", "Hamas"] {
                assert!(aliases.iter().any(|a| a == name), "{name} in {aliases:?}");
            }
        },
    );
    let only_self = Edit::MergeSpeakersInto {
        from: vec![kirby],
        into: kirby,
    };
    assert!(matches!(
        h.apply(&mut p, only_self),
        Err(EditError::Invalid(_))
    ));
}

#[test]
fn not_a_speaker_either_unattributes_or_rejects_and_stays_dismissed() {
    for choice in [DismissClaims::LoseSpeaker, DismissClaims::NotAClaim] {
        let (mut p, mut h, article) = project();
        let gallant = p.speakers[1].id;
        round_trip(
            &mut p,
            &mut h,
            Edit::DismissSpeaker {
                speaker: gallant,
                claims: choice,
                at: 9,
            },
            |p| {
                assert!(p.speaker(gallant).is_none());
                assert!(p.is_not_speaker("yoav gallant"));
                let c = &p.claims[1];
                assert_eq!(c.speaker, None);
                let want = match choice {
                    DismissClaims::LoseSpeaker => Status::Unchecked,
                    DismissClaims::NotAClaim => Status::Rejected,
                };
                assert_eq!(c.status, want);
                assert_eq!(p.claims[0].status, Status::Unchecked, "others untouched");
            },
        );
        // Re-extraction does not bring the speaker back.
        h.apply(
            &mut p,
            Edit::ReExtract {
                article,
                extraction: extraction(),
            },
        )
        .unwrap();
        assert!(p.find_speaker("Yoav Gallant").is_none());
        assert!(p.claims.iter().all(|c| c.speaker != Some(gallant)));
        assert_eq!(p.claims.len(), 2, "{choice:?}");
        // Taking the name off the list lets extraction find the speaker again.
        round_trip(
            &mut p,
            &mut h,
            Edit::SetNotSpeakers { names: vec![] },
            |p| assert!(!p.is_not_speaker("Yoav Gallant")),
        );
        let dup = Edit::SetNotSpeakers {
            names: vec![" X ".into(), "x".into()],
        };
        h.apply(&mut p, dup).unwrap();
        assert_eq!(p.not_speakers, ["X"]);
    }
}

#[test]
fn re_extraction_never_brings_back_a_rejected_claim() {
    let (mut p, mut h, article) = project();
    let rejected = p.claims[1].id;
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: vec![rejected],
            status: Status::Rejected,
            at: 1,
        },
    )
    .unwrap();
    // The same words found again elsewhere (a span that does not overlap) stay out too.
    let mut ex = extraction();
    ex.claims.push(FoundClaim {
        content: "We will  go on".into(),
        start: 0,
        end: 5,
        ..ex.claims[1].clone()
    });
    h.apply(
        &mut p,
        Edit::ReExtract {
            article,
            extraction: ex,
        },
    )
    .unwrap();
    assert_eq!(p.claims.len(), 2);
    let again: Vec<&Claim> = p
        .claims
        .iter()
        .filter(|c| c.content.eq_ignore_ascii_case("we will go on"))
        .collect();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].id, rejected);
    assert_eq!(again[0].status, Status::Rejected);
}

#[test]
fn speaker_record_lists_claims_with_verdicts() {
    let (mut p, mut h, _) = project();
    let kirby = p.speakers[0].id;
    let c = p.claims[1].id;
    h.apply(
        &mut p,
        Edit::SetSpeakerName {
            claim: c,
            name: "Kirby".into(),
        },
    )
    .unwrap();
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: vec![c],
            status: Status::Rejected,
            at: 1,
        },
    )
    .unwrap();
    let record = p.speaker_record(kirby, false).expect("record");
    assert_eq!(record.claims.len(), 1);
    assert_eq!(record.tally.get(Status::Unchecked), 1);
    let all = p.speaker_record(kirby, true).expect("record");
    assert_eq!(all.claims.len(), 2);
    assert_eq!(all.tally.get(Status::Rejected), 1);
    assert_eq!(all.tally.claims(), 1);
    assert_eq!(p.speaker_records(false).len(), 2);
    assert!(p.speaker_record(SpeakerId(12345), false).is_none());
}

#[test]
fn dismissing_several_speakers_is_one_edit() {
    let (mut p, mut h, _) = project();
    let all: Vec<SpeakerId> = p.speakers.iter().map(|s| s.id).collect();
    assert!(all.len() >= 2);
    let names: Vec<String> = p.speakers.iter().map(|s| s.name.clone()).collect();
    round_trip(
        &mut p,
        &mut h,
        Edit::DismissSpeakers {
            speakers: vec![all[0], all[1], all[0]],
            claims: DismissClaims::NotAClaim,
            at: 9,
        },
        |p| {
            assert!(p.speaker(all[0]).is_none() && p.speaker(all[1]).is_none());
            assert!(names[..2].iter().all(|n| p.is_not_speaker(n)));
            assert_eq!(p.not_speakers.len(), 2, "a repeat is passed over");
        },
    );
    // One speaker not in the project: refused whole, nothing changed.
    let before = p.clone();
    let refused = h.apply(
        &mut p,
        Edit::DismissSpeakers {
            speakers: vec![all[0], SpeakerId(999_999)],
            claims: DismissClaims::LoseSpeaker,
            at: 9,
        },
    );
    assert!(refused.is_err());
    assert_eq!(p, before);
}

/// A second article added to a project with work on its first: undo takes it and its
/// claims out and puts back the speakers and counters; redo restores the same project.
/// The article's text and claims move (project → redo stack → project) and are never
/// copied: the history holds no second copy of a long article.
#[test]
fn added_article_moves_through_undo_and_redo_without_a_copy() {
    let (mut p, mut h, _) = project();
    let first = ids(&p);
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: first,
            status: Status::Verified,
            at: 3,
        },
    )
    .expect("applies");
    let article = super::tests::article_titled("second");
    let text_at = article.text.as_ptr();
    let mut found = extraction();
    found.claims[0].content = "we will help, a second time".into();
    let content_at = found.claims[0].content.as_ptr();
    round_trip(
        &mut p,
        &mut h,
        Edit::AddArticle {
            article: Box::new(article),
            extraction: found,
        },
        |p| assert_eq!((p.articles.len(), p.claims.len()), (2, 4)),
    );
    let second = &p.articles[1];
    assert_eq!(
        second.text.as_ptr(),
        text_at,
        "the text was moved, not copied"
    );
    let claim = p.claims.iter().find(|c| c.article == second.id);
    assert_eq!(claim.map(|c| c.content.as_ptr()), Some(content_at));
    assert_eq!(h.undo_label(), Some("add article"));
    // Undone twice: the verdict too; redone twice: both back, in order.
    h.undo(&mut p);
    h.undo(&mut p);
    assert!(p.claims.iter().all(|c| c.status == Status::Unchecked));
    assert_eq!(h.redo_label(), Some("set status"));
    h.redo(&mut p);
    h.redo(&mut p);
    assert_eq!(p.articles[1].text.as_ptr(), text_at);
    assert_eq!(p.claims.len(), 4);
    // A new edit after an undone add drops it from the redo stack.
    h.undo(&mut p);
    h.apply(&mut p, Edit::SetProjectMemo { memo: "m".into() })
        .expect("applies");
    assert!(!h.can_redo());
    assert_eq!(p.articles.len(), 1);
}
