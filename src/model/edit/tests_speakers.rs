//! Splitting a wrong merge and removing an alias: undoable, and kept on re-extraction.

use super::tests::{extraction, project};
use super::*;
use crate::model::ClaimOrigin;

/// The project of `tests::project` with Gallant merged into Kirby by mistake.
fn merged() -> (Project, History, SpeakerId, SpeakerId) {
    let (mut p, mut h, _) = project();
    let kirby = p.find_speaker("John Kirby").unwrap();
    let gallant = p.find_speaker("Yoav Gallant").unwrap();
    h.apply(
        &mut p,
        Edit::MergeSpeakers {
            from: gallant,
            into: kirby,
        },
    )
    .unwrap();
    (p, h, kirby, gallant)
}

#[test]
fn split_moves_aliases_and_their_claims_to_a_new_speaker_and_undoes() {
    let (mut p, mut h, kirby, _) = merged();
    let before = p.clone();
    assert_eq!(
        p.claims.iter().filter(|c| c.speaker == Some(kirby)).count(),
        2
    );
    h.apply(
        &mut p,
        Edit::SplitSpeaker {
            speaker: kirby,
            aliases: vec!["Gallant".into()],
            name: "Yoav Gallant".into(),
        },
    )
    .unwrap();
    let new = p.find_speaker("Yoav Gallant").unwrap();
    assert_ne!(new, kirby);
    assert_eq!(p.speaker(new).unwrap().aliases, vec!["Gallant".to_string()]);
    let kirby_s = p.speaker(kirby).unwrap();
    assert!(
        !kirby_s
            .aliases
            .iter()
            .any(|a| a == "Gallant" || a == "Yoav Gallant")
    );
    let moved: Vec<_> = p.claims.iter().filter(|c| c.speaker == Some(new)).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].mention.as_deref(), Some("Gallant"));
    assert_eq!(moved[0].origin, ClaimOrigin::Edited);
    h.undo(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn a_split_and_a_removed_alias_stay_through_re_extraction() {
    let (mut p, mut h, kirby, _) = merged();
    h.apply(
        &mut p,
        Edit::SplitSpeaker {
            speaker: kirby,
            aliases: vec!["Gallant".into()],
            name: "Yoav Gallant".into(),
        },
    )
    .unwrap();
    let article = p.articles[0].id;
    h.apply(
        &mut p,
        Edit::ReExtract {
            article,
            extraction: extraction(),
        },
    )
    .unwrap();
    let kirby_s = p.speaker(kirby).unwrap();
    assert!(
        !kirby_s.aliases.iter().any(|a| a.contains("Gallant")),
        "{kirby_s:?}"
    );
    let gallant = p.find_speaker("Yoav Gallant").unwrap();
    assert!(p.claims.iter().any(|c| c.speaker == Some(gallant)));
    assert!(p.claims.iter().any(|c| c.speaker == Some(kirby)));

    h.apply(
        &mut p,
        Edit::RemoveAlias {
            speaker: kirby,
            alias: "Kirby".into(),
        },
    )
    .unwrap();
    assert!(p.speaker(kirby).unwrap().aliases.is_empty());
    h.apply(
        &mut p,
        Edit::ReExtract {
            article,
            extraction: extraction(),
        },
    )
    .unwrap();
    assert!(
        !p.speaker(kirby)
            .unwrap()
            .aliases
            .iter()
            .any(|a| a == "Kirby"),
        "extraction never gives a removed alias back"
    );
    h.undo(&mut p).unwrap();
    h.undo(&mut p).unwrap();
    assert_eq!(p.speaker(kirby).unwrap().aliases, vec!["Kirby".to_string()]);
}

#[test]
fn articles_merge_only_on_identity() {
    use crate::extract::FoundSpeaker;
    let (mut p, mut h, _) = project();
    let mut ex = extraction();
    ex.speakers = vec![
        FoundSpeaker {
            name: "Jane Kirby".into(),
            aliases: vec!["Kirby".into(), "she".into()],
            ..Default::default()
        },
        FoundSpeaker {
            name: "a senior official".into(),
            unresolved: true,
            ..Default::default()
        },
    ];
    ex.claims[1].speaker = Some(1);
    let mut second = ex.clone();
    second.speakers[1] = FoundSpeaker {
        name: "a senior official".into(),
        unresolved: true,
        ..Default::default()
    };
    for e in [ex, second] {
        h.apply(
            &mut p,
            Edit::AddArticle {
                article: Box::new(super::tests::article_titled("more")),
                extraction: e,
            },
        )
        .unwrap();
    }
    let johns = p.speakers.iter().filter(|s| s.name == "John Kirby").count();
    let janes = p.speakers.iter().filter(|s| s.name == "Jane Kirby").count();
    assert_eq!(
        (johns, janes),
        (1, 1),
        "a different given name is another person"
    );
    let officials = p.speakers.iter().filter(|s| s.unresolved).count();
    assert_eq!(
        officials, 2,
        "descriptions of different articles never merge"
    );
    // Nor are they handed to the next article's extraction (which would hand them back
    // as new speakers, doubling them with every article).
    assert!(p.known_speakers().iter().all(|k| !k.unresolved));
    assert_eq!(p.known_speakers().len(), p.speakers.len() - 2);
}

/// An extraction with one claim by an unnamed "senior aide" and one by Kirby.
fn with_description() -> Extraction {
    use crate::extract::FoundSpeaker;
    let mut ex = extraction();
    ex.speakers[1] = FoundSpeaker {
        name: "senior aide".into(),
        role: None,
        aliases: Vec::new(),
        is_body: false,
        unresolved: true,
    };
    ex.claims[1].mention = Some("a senior aide".into());
    ex
}

#[test]
fn a_hand_merge_stays_through_re_extraction_in_its_article_only() {
    let mut p = Project::new("test");
    let mut h = History::new();
    for title in ["one", "two"] {
        h.apply(
            &mut p,
            Edit::AddArticle {
                article: Box::new(super::tests::article_titled(title)),
                extraction: with_description(),
            },
        )
        .unwrap();
    }
    let (one, two) = (p.articles[0].id, p.articles[1].id);
    let kirby = p.find_speaker("John Kirby").unwrap();
    let aide_of = |p: &Project, article| {
        p.claims
            .iter()
            .find(|c| c.article == article && c.mention.as_deref() == Some("a senior aide"))
            .and_then(|c| c.speaker)
            .unwrap()
    };
    let aide = aide_of(&p, one);
    assert_ne!(aide, kirby);
    let before = p.clone();
    h.apply(
        &mut p,
        Edit::MergeSpeakers {
            from: aide,
            into: kirby,
        },
    )
    .unwrap();
    h.apply(
        &mut p,
        Edit::ReExtract {
            article: one,
            extraction: with_description(),
        },
    )
    .unwrap();
    assert_eq!(aide_of(&p, one), kirby, "the merge is remembered");
    h.apply(
        &mut p,
        Edit::ReExtract {
            article: two,
            extraction: with_description(),
        },
    )
    .unwrap();
    assert_ne!(
        aide_of(&p, two),
        kirby,
        "another article's senior aide is someone else"
    );
    for _ in 0..3 {
        h.undo(&mut p).unwrap();
    }
    assert_eq!(p, before);
}

#[test]
fn a_surname_two_people_share_joins_neither() {
    use crate::extract::FoundSpeaker;
    let (mut p, mut h, _) = project();
    let mut ex = extraction();
    let person = |name: &str, alias: &str| FoundSpeaker {
        name: name.into(),
        aliases: vec![alias.into()],
        ..Default::default()
    };
    ex.speakers = vec![person("Stephen Roe", "Roe"), person("Loretta Roe", "Roe")];
    let mut later = extraction();
    later.speakers = vec![person("Roe", "Roe"), person("Yoav Gallant", "Gallant")];
    for e in [ex, later] {
        h.apply(
            &mut p,
            Edit::AddArticle {
                article: Box::new(super::tests::article_titled("more")),
                extraction: e,
            },
        )
        .unwrap();
    }
    let roe = p.find_speaker("Roe");
    assert!(
        roe.is_some_and(|id| p.speaker(id).is_some_and(|s| s.name == "Roe")),
        "\"Roe\" stays its own speaker: {:?}",
        p.speakers
    );
}
