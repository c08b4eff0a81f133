//! Publishing verdicts ([`Edit::Publish`], [`Edit::Unpublish`]): what is recorded, what is
//! passed over, undo and redo, and the "changed since" state.

use super::tests::{ids, project};
use super::*;
use crate::model::PublishState;

fn set_status(p: &mut Project, h: &mut History, claims: Vec<ClaimId>, status: Status) {
    h.apply(
        p,
        Edit::SetStatus {
            claims,
            status,
            at: 5,
        },
    )
    .expect("status");
}

#[test]
fn publishing_records_the_verdict_when_and_by_whom_and_undo_takes_it_back() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    let (a, b) = (all[0], all[1]);
    set_status(&mut p, &mut h, vec![a], Status::False);
    h.apply(
        &mut p,
        Edit::SetRationale {
            claim: a,
            rationale: "The port never closed.".into(),
        },
    )
    .expect("rationale");
    let before = p.clone();
    h.apply(
        &mut p,
        Edit::Publish {
            claims: vec![a, b],
            at: 1_700_000_000,
            by: "anna".into(),
        },
    )
    .expect("publishes");
    let pa = p
        .claim(a)
        .and_then(|x| x.published.clone())
        .expect("a published");
    assert_eq!(pa.status, Status::False);
    assert_eq!(pa.rationale, "The port never closed.");
    assert_eq!((pa.at, pa.by.as_str()), (1_700_000_000, "anna"));
    assert_eq!(
        p.claim(a).map(|x| x.publish_state()),
        Some(PublishState::Published)
    );
    // Unchecked: no verdict to publish, passed over.
    assert_eq!(
        p.claim(b).map(|x| x.publish_state()),
        Some(PublishState::Unpublished)
    );
    assert_eq!(h.undo_label(), Some("publish verdicts"));
    let after = p.clone();
    assert!(h.undo(&mut p).is_some());
    assert_eq!(
        p, before,
        "one undo takes every publication of the step back"
    );
    assert!(h.redo(&mut p).is_some());
    assert_eq!(p, after);
}

#[test]
fn a_verdict_changed_after_publishing_shows_as_changed_since_until_published_again() {
    let (mut p, mut h, _) = project();
    let a = ids(&p)[0];
    set_status(&mut p, &mut h, vec![a], Status::Verified);
    let publish = |at| Edit::Publish {
        claims: vec![a],
        at,
        by: String::new(),
    };
    h.apply(&mut p, publish(10)).expect("publishes");
    // Published as it is: publishing again changes nothing.
    assert_eq!(
        apply(&mut p.clone(), &publish(11)),
        Err(EditError::NoChange)
    );
    set_status(&mut p, &mut h, vec![a], Status::Misleading);
    let claim = p.claim(a).expect("claim");
    assert_eq!(claim.publish_state(), PublishState::ChangedSince);
    assert_eq!(
        claim.published.as_ref().map(|x| x.status),
        Some(Status::Verified)
    );
    h.apply(&mut p, publish(12)).expect("published again");
    let claim = p.claim(a).expect("claim");
    assert_eq!(claim.publish_state(), PublishState::Published);
    assert_eq!(claim.published.as_ref().map(|x| x.at), Some(12));
}

#[test]
fn only_unchecked_claims_have_nothing_to_publish_and_unpublish_withdraws() {
    let (mut p, mut h, _) = project();
    let a = ids(&p)[0];
    let publish = Edit::Publish {
        claims: vec![a],
        at: 1,
        by: String::new(),
    };
    assert!(matches!(
        apply(&mut p.clone(), &publish),
        Err(EditError::Invalid(_))
    ));
    assert!(matches!(
        apply(
            &mut p.clone(),
            &Edit::Publish {
                claims: vec![],
                at: 1,
                by: String::new()
            }
        ),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(
        apply(&mut p.clone(), &Edit::Unpublish { claims: vec![a] }),
        Err(EditError::NoChange)
    );
    set_status(&mut p, &mut h, vec![a], Status::Unverifiable);
    h.apply(&mut p, publish).expect("publishes");
    let published = p.clone();
    h.apply(&mut p, Edit::Unpublish { claims: vec![a] })
        .expect("withdraws");
    assert_eq!(p.claim(a).and_then(|x| x.published.clone()), None);
    assert_eq!(h.undo_label(), Some("withdraw publication"));
    assert!(h.undo(&mut p).is_some());
    assert_eq!(p, published);
    // A published claim is the analyst's work: re-extraction keeps it.
    assert!(is_analyst_work(p.claim(a).expect("claim")));
}
