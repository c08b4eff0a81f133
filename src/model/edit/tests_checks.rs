//! Taking over an earlier fact-check ([`Edit::ApplyCheck`]) and tagging a group of
//! near-identical claims together: each one undoable step.

use super::tests::{ids, project};
use super::*;
use crate::model::MatchVerdict;

fn review(url: &str) -> Evidence {
    Evidence {
        url: url.into(),
        description: " Snopes · 2020-01-02 · False ".into(),
    }
}

#[test]
fn applying_a_check_sets_the_verdict_and_adds_the_review_in_one_step() {
    let (mut p, mut h, _) = project();
    let id = ids(&p)[0];
    let before = p.clone();
    h.apply(
        &mut p,
        Edit::ApplyCheck {
            claim: id,
            status: Some(Status::False),
            evidence: review(" https://factcheck.example/1 "),
            at: 7,
        },
    )
    .expect("applies");
    let c = p.claim(id).expect("claim");
    assert_eq!(c.status, Status::False);
    assert_eq!(c.history.len(), 1);
    assert_eq!(c.history[0].at, 7);
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].url, "https://factcheck.example/1");
    assert_eq!(c.evidence[0].description, "Snopes · 2020-01-02 · False");
    assert_eq!(h.undo_label(), Some("apply earlier fact-check"));
    let after = p.clone();
    assert!(h.undo(&mut p).is_some());
    assert_eq!(p, before, "one undo restores verdict and evidence");
    assert!(h.redo(&mut p).is_some());
    assert_eq!(p, after);
}

#[test]
fn a_check_already_taken_is_no_change_and_its_review_is_not_added_twice() {
    let (mut p, mut h, _) = project();
    let id = ids(&p)[0];
    let edit = Edit::ApplyCheck {
        claim: id,
        status: Some(Status::Misleading),
        evidence: review("https://factcheck.example/2"),
        at: 1,
    };
    h.apply(&mut p, edit.clone()).expect("applies");
    assert_eq!(apply(&mut p, &edit), Err(EditError::NoChange));
    // A rating claimdesk cannot place: only the review is added.
    let (mut p, mut h, _) = project();
    h.apply(
        &mut p,
        Edit::ApplyCheck {
            claim: id,
            status: None,
            evidence: review("https://factcheck.example/3"),
            at: 1,
        },
    )
    .expect("applies");
    let c = p.claim(id).expect("claim");
    assert_eq!(c.status, Status::Unchecked);
    assert!(c.history.is_empty());
    assert_eq!(c.evidence.len(), 1);
    // Already False with that review: only a new verdict changes it.
    let again = Edit::ApplyCheck {
        claim: id,
        status: Some(Status::False),
        evidence: review("https://factcheck.example/3"),
        at: 2,
    };
    h.apply(&mut p, again).expect("applies");
    let c = p.claim(id).expect("claim");
    assert_eq!((c.status, c.evidence.len()), (Status::False, 1));
}

#[test]
fn a_check_is_refused_without_an_address_or_with_no_verdict_status() {
    let (mut p, _, _) = project();
    let id = ids(&p)[0];
    let before = p.clone();
    for (status, url) in [
        (Some(Status::False), "  "),
        (Some(Status::Rejected), "https://x.example/"),
        (Some(Status::Unchecked), "https://x.example/"),
    ] {
        let edit = Edit::ApplyCheck {
            claim: id,
            status,
            evidence: review(url),
            at: 1,
        };
        assert!(matches!(apply(&mut p, &edit), Err(EditError::Invalid(_))));
    }
    let gone = Edit::ApplyCheck {
        claim: ClaimId(999),
        status: None,
        evidence: review("https://x.example/"),
        at: 1,
    };
    assert_eq!(
        apply(&mut p, &gone),
        Err(EditError::NoSuchClaim(ClaimId(999)))
    );
    assert_eq!(p, before);
}

/// A group's claims tagged together: one SetStatus, one undo.
#[test]
fn a_group_tagged_together_is_one_undo_step() {
    let (mut p, mut h, _) = project();
    let group = ids(&p);
    let before = p.clone();
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: group.clone(),
            status: Status::Disputed,
            at: 3,
        },
    )
    .expect("applies");
    assert!(p.claims.iter().all(|c| c.status == Status::Disputed));
    assert!(h.undo(&mut p).is_some());
    assert_eq!(p, before);
}

/// Confirming or rejecting a library match: kept on the claim with who and when, one
/// undo step each; a new word on the same review replaces the old; the same word again
/// is no change; re-extraction keeps a claim with a word on it.
#[test]
fn a_match_is_confirmed_or_rejected_with_who_and_when_and_undone() {
    let (mut p, mut h, _) = project();
    let id = ids(&p)[0];
    let before = p.clone();
    let judge = |confirmed| Edit::JudgeMatch {
        claim: id,
        url: " https://factcheck.example/1 ".into(),
        confirmed,
        by: "anna".into(),
        at: 9,
    };
    h.apply(&mut p, judge(Some(false))).expect("rejects");
    let c = p.claim(id).expect("claim");
    assert_eq!(
        c.match_verdicts,
        vec![MatchVerdict {
            url: "https://factcheck.example/1".into(),
            confirmed: false,
            by: "anna".into(),
            at: 9,
        }]
    );
    assert!(is_analyst_work(c));
    assert_eq!(h.undo_label(), Some("reject match"));
    assert_eq!(
        h.apply(&mut p, judge(Some(false))),
        Err(EditError::NoChange)
    );
    h.apply(&mut p, judge(Some(true))).expect("confirms");
    let c = p.claim(id).expect("claim");
    assert_eq!(c.match_verdicts.len(), 1, "one word per review");
    assert!(c.match_verdicts[0].confirmed);
    h.apply(&mut p, judge(None)).expect("takes back");
    assert!(p.claim(id).expect("claim").match_verdicts.is_empty());
    for _ in 0..3 {
        assert!(h.undo(&mut p).is_some());
    }
    assert_eq!(p, before, "undo restores the claim as it was");
    assert!(h.redo(&mut p).is_some());
    assert!(!p.claim(id).expect("claim").match_verdicts[0].confirmed);
    let blank = Edit::JudgeMatch {
        claim: id,
        url: "  ".into(),
        confirmed: Some(true),
        by: String::new(),
        at: 1,
    };
    assert!(matches!(h.apply(&mut p, blank), Err(EditError::Invalid(_))));
}
