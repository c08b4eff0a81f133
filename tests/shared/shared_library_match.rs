//! The analyst's word on a claim library match in a shared project (issue 27, point 3): it
//! travels like other claim edits (the claim's row, the edit log), the other analysts load
//! it, and a shared undo (a revert sent to the server) takes it back.

use crate::pg_support;

use claimdesk::model::edit::{self, Edit, revert_of};
use claimdesk::model::{ClaimId, MatchVerdict};
use pg_support::{ANALYST, open, shared_fixture};

const URL: &str = "https://factcheck.example/rafah-monitoring";

#[test]
fn a_rejected_match_travels_to_another_analyst_and_a_shared_undo_takes_it_back() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "desk");
    let anna = db.role("anna", ANALYST);
    let ben = db.role("ben", ANALYST);
    let mut a = open(&db.url_as(&anna, "desk"));
    let mut b = open(&db.url_as(&ben, "desk"));
    let claim: ClaimId = project.claims[0].id;
    let judge = Edit::JudgeMatch {
        claim,
        url: URL.into(),
        confirmed: Some(false),
        by: "anna".into(),
        at: 1_767_225_000,
    };
    // As the window does: applied locally (for the undo step), then sent.
    let mut local = a.load().unwrap();
    let patch = edit::apply(&mut local, &judge).unwrap();
    let undo = revert_of(&patch, &local, 1_767_225_100, false);
    let receipt = a.apply(&judge).unwrap();
    assert_eq!(receipt.touched_claims, vec![claim]);
    let seen = b.load().unwrap();
    assert_eq!(
        seen.claim(claim).unwrap().match_verdicts,
        vec![MatchVerdict {
            url: URL.into(),
            confirmed: false,
            by: "anna".into(),
            at: 1_767_225_000,
        }],
        "the other analyst sees the rejection"
    );
    a.apply(&Edit::Revert(Box::new(undo))).unwrap();
    assert!(
        b.load()
            .unwrap()
            .claim(claim)
            .unwrap()
            .match_verdicts
            .is_empty(),
        "undone for everyone"
    );
}
