//! Tests of `checks.rs`: matches kept for the words and speaker they were found for.

use super::*;

fn found(rating: &str, score: f32) -> FoundMatch {
    FoundMatch {
        claim_reviewed: "The moon is made of cheese".into(),
        title: String::new(),
        url: "https://factcheck.example/moon".into(),
        rating: rating.into(),
        author: "Snopes".into(),
        date: "2020-03-04".into(),
        score,
        probability: score / 2.5,
        level: Level::of(score / 2.5),
        shared: Shared::default(),
    }
}

#[test]
fn a_match_gives_its_verdict_and_its_review_as_evidence() {
    let m = found("Pants on Fire", 2.1);
    assert!(m.is_strong());
    assert!(!found("False", 1.79).is_strong());
    assert_eq!(m.status(), Some(Status::False));
    let e = m.evidence();
    assert_eq!(e.url, "https://factcheck.example/moon");
    assert_eq!(
        e.description,
        "Checked before: Snopes · 2020-03-04 · Pants on Fire: The moon is made of cheese"
    );
}

fn one_claim(words: &str) -> Project {
    let mut p = Project::new("t");
    let text = words.to_string();
    let mut claim: Claim = serde_json::from_value(serde_json::json!({
        "id": 1, "article": 1, "content": text, "start": 0, "end": 0,
        "kind": "direct", "cue": "said", "status": "unchecked"
    }))
    .expect("a claim");
    claim.content = text;
    p.claims.push(claim);
    p
}

/// The matcher reads who says a claim: a renamed speaker's claims are matched again,
/// and until then their old matches are not shown.
#[test]
fn a_renamed_speakers_claims_are_matched_again() {
    let tmp = tempfile::tempdir().expect("a folder");
    let reviews = tmp.path().join("reviews.json");
    let review = serde_json::json!([{"@type": "ClaimReview",
        "url": "https://factcheck.example/cheese",
        "claimReviewed": "The moon is made of cheese",
        "reviewRating": {"alternateName": "False"}}]);
    std::fs::write(&reviews, review.to_string()).expect("written");
    let dir = tmp.path().join("lib");
    crate::io::library::add_files(&dir, &[reviews]).expect("a library");
    let library = Library::open(&dir).expect("opened");
    let mut checks = Checks::default();
    checks.loaded(dir, Some(Arc::new(library)));

    let mut p = one_claim("The moon is made of cheese");
    let speaker = serde_json::json!({"id": 5, "name": "Ann Lee", "role": null});
    p.speakers
        .push(serde_json::from_value(speaker).expect("a speaker"));
    p.claims[0].speaker = Some(SpeakerId(5));
    let todo = checks.to_match(&p, 1).expect("matched first");
    assert_eq!(todo[0].speaker.as_deref(), Some("Ann Lee"));
    let key = todo[0].key;
    let claim = p.claims[0].id;
    let found = vec![found("False", 2.0)];
    checks.matched(
        checks.generation,
        vec![Matched {
            claim,
            key,
            matches: found,
        }],
        true,
    );
    assert!(checks.to_match(&p, 2).is_none(), "known: not matched again");
    assert!(checks.matches_of(&p.claims[0]).is_some());

    p.speakers[0].name = "Ann Leigh".into();
    let todo = checks.to_match(&p, 3).expect("renamed: matched again");
    assert_eq!(todo[0].speaker.as_deref(), Some("Ann Leigh"));
    assert!(
        checks.matches_of(&p.claims[0]).is_none(),
        "the old name's matches are not shown meanwhile"
    );
}

/// Matches are kept for the words (and speaker) they were found for, and only from the library of
/// the moment; groups only for the project they were found in.
#[test]
fn stale_matches_and_groups_are_not_shown() {
    let mut checks = Checks::default();
    let p = one_claim("The moon is made of cheese");
    let claim = &p.claims[0];
    let key = checks.key_of(claim);
    let matched = |score| Matched {
        claim: claim.id,
        key,
        matches: vec![found("False", score)],
    };
    checks.matched(checks.generation, vec![matched(2.0)], true);
    assert!(checks.has_strong_match(claim));
    let mut edited = claim.clone();
    edited.content = "Something else entirely".into();
    assert!(
        checks.matches_of(&edited).is_none(),
        "other words: not known"
    );
    let mut said = claim.clone();
    said.speaker = Some(crate::model::SpeakerId(7));
    assert!(
        checks.matches_of(&said).is_none(),
        "another speaker: not known (the matcher reads who says it)"
    );
    checks.loaded(PathBuf::from("/lib"), None);
    assert!(
        checks.matches_of(claim).is_none(),
        "a new library: matched again"
    );
    checks.matched(checks.generation - 1, vec![matched(2.0)], true);
    assert!(
        checks.matches_of(claim).is_none(),
        "an old library's report is dropped"
    );

    let (epoch, input) = checks.to_group(&p, 3).expect("to group");
    assert_eq!(input.len(), 1);
    assert!(
        checks.to_group(&p, 4).is_none(),
        "one grouping job at a time"
    );
    checks.forget_project();
    checks.grouped(epoch, 3, vec![vec![ClaimId(1), ClaimId(2)]]);
    assert!(
        checks.group_of(ClaimId(1)).is_none(),
        "of the project before"
    );
    let (epoch, _) = checks.to_group(&p, 3).expect("to group again");
    checks.grouped(epoch, 3, vec![vec![ClaimId(1), ClaimId(2)]]);
    assert_eq!(
        checks.group_of(ClaimId(2)),
        Some(&[ClaimId(1), ClaimId(2)][..])
    );
}
