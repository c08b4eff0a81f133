//! The command's promises, checked on a two-claim article.

use super::*;
use crate::extract::{FoundClaim, FoundSpeaker};
use crate::model::ArticleMeta;
use crate::model::{Article, ClaimKind, ClaimOrigin, Evidence, ProjectSettings, StatusChange};

const TEXT: &str = "Kirby said \"we will help\". Gallant said \"we will go on\".";

pub(super) fn extraction() -> Extraction {
    Extraction {
        claims: vec![
            FoundClaim {
                content: "we will help".into(),
                start: 12,
                end: 24,
                kind: ClaimKind::Direct,
                cue: "said".into(),
                mention: Some("Kirby".into()),
                mention_span: Some((0, 5)),
                speaker: Some(0),
                worth: Default::default(),
                claim_type: Default::default(),
                antecedent: None,
            },
            FoundClaim {
                content: "we will go on".into(),
                start: 41,
                end: 54,
                kind: ClaimKind::Direct,
                cue: "said".into(),
                mention: Some("Gallant".into()),
                mention_span: Some((27, 34)),
                speaker: Some(1),
                worth: Default::default(),
                claim_type: Default::default(),
                antecedent: None,
            },
        ],
        speakers: vec![
            FoundSpeaker {
                name: "John Kirby".into(),
                aliases: vec!["Kirby".into()],
                ..Default::default()
            },
            FoundSpeaker {
                name: "Yoav Gallant".into(),
                aliases: vec!["Gallant".into()],
                ..Default::default()
            },
        ],
    }
}

/// An article of `TEXT`, before the project gives it an id.
pub(super) fn article_titled(title: &str) -> Article {
    Article {
        id: ArticleId(0),
        title: title.into(),
        text: TEXT.into(),
        source_path: None,
        sha256: None,
        imported_at: None,
        meta: ArticleMeta::default(),
        memo: String::new(),
    }
}

pub(super) fn project() -> (Project, History, ArticleId) {
    let mut p = Project::new("test");
    let mut h = History::new();
    let article = article_titled("t");
    h.apply(
        &mut p,
        Edit::AddArticle {
            article: Box::new(article),
            extraction: extraction(),
        },
    )
    .unwrap();
    h.mark_saved();
    let id = p.articles[0].id;
    (p, h, id)
}

pub(super) fn ids(p: &Project) -> Vec<ClaimId> {
    p.claims.iter().map(|c| c.id).collect()
}

#[test]
fn add_article_adds_claims_and_speakers_and_undoes() {
    let (mut p, mut h, _) = project();
    assert_eq!(p.claims.len(), 2);
    assert_eq!(p.speakers.len(), 2);
    assert_eq!(h.undo(&mut p), Some("add article"));
    assert!(p.articles.is_empty() && p.claims.is_empty() && p.speakers.is_empty());
    h.redo(&mut p);
    assert_eq!(p.claims.len(), 2);
}

#[test]
fn set_status_records_history_and_undo_redo_round_trip() {
    let (mut p, mut h, _) = project();
    let before = p.clone();
    let all = ids(&p);
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: all.clone(),
            status: Status::Verified,
            at: 100,
        },
    )
    .unwrap();
    assert!(p.claims.iter().all(|c| c.status == Status::Verified));
    assert_eq!(
        p.claims[0].history,
        vec![StatusChange {
            at: 100,
            from: Status::Unchecked,
            to: Status::Verified
        }]
    );
    assert!(h.is_dirty());
    let after = p.clone();
    h.undo(&mut p);
    assert_eq!(p, before);
    assert!(!h.is_dirty());
    h.redo(&mut p);
    assert_eq!(p, after);
    // Same status again changes nothing and is not recorded.
    let again = Edit::SetStatus {
        claims: all,
        status: Status::Verified,
        at: 200,
    };
    assert_eq!(h.apply(&mut p, again).unwrap_err(), EditError::NoChange);
}

#[test]
fn new_edit_clears_redo() {
    let (mut p, mut h, _) = project();
    let c = p.claims[0].id;
    h.apply(
        &mut p,
        Edit::SetNotes {
            claim: c,
            notes: "a".into(),
        },
    )
    .unwrap();
    h.undo(&mut p);
    assert!(h.can_redo());
    h.apply(
        &mut p,
        Edit::SetNotes {
            claim: c,
            notes: "b".into(),
        },
    )
    .unwrap();
    assert!(!h.can_redo());
    assert_eq!(p.claims[0].notes, "b");
}

#[test]
fn speaker_by_name_reuses_or_creates() {
    let (mut p, mut h, _) = project();
    let c = p.claims[1].id;
    h.apply(
        &mut p,
        Edit::SetSpeakerName {
            claim: c,
            name: "kirby".into(),
        },
    )
    .unwrap();
    assert_eq!(p.claims[1].speaker, p.claims[0].speaker);
    assert_eq!(p.claims[1].origin, ClaimOrigin::Edited);
    h.apply(
        &mut p,
        Edit::SetSpeakerName {
            claim: c,
            name: "Hamas".into(),
        },
    )
    .unwrap();
    assert_eq!(p.speakers.len(), 3);
    h.undo(&mut p);
    assert_eq!(p.speakers.len(), 2);
}

#[test]
fn merge_moves_claims_and_keeps_names_as_aliases() {
    let (mut p, mut h, _) = project();
    let kirby = p.speakers[0].id;
    let gallant = p.speakers[1].id;
    h.apply(
        &mut p,
        Edit::MergeSpeakers {
            from: gallant,
            into: kirby,
        },
    )
    .unwrap();
    assert_eq!(p.speakers.len(), 1);
    assert!(p.claims.iter().all(|c| c.speaker == Some(kirby)));
    assert!(p.speakers[0].aliases.contains(&"Yoav Gallant".to_string()));
    h.undo(&mut p);
    assert_eq!(p.speakers.len(), 2);
    assert_eq!(p.claims[1].speaker, Some(gallant));
}

#[test]
fn rename_refuses_duplicates_and_keeps_old_name_as_alias() {
    let (mut p, mut h, _) = project();
    let kirby = p.speakers[0].id;
    let dup = Edit::RenameSpeaker {
        speaker: kirby,
        name: "yoav gallant".into(),
    };
    assert!(matches!(h.apply(&mut p, dup), Err(EditError::Invalid(_))));
    h.apply(
        &mut p,
        Edit::RenameSpeaker {
            speaker: kirby,
            name: "J. Kirby".into(),
        },
    )
    .unwrap();
    assert_eq!(p.speakers[0].name, "J. Kirby");
    assert!(p.speakers[0].aliases.contains(&"John Kirby".to_string()));
}

#[test]
fn add_and_delete_claims_undo_restores_order() {
    let (mut p, mut h, a) = project();
    let order = ids(&p);
    let patch = h
        .apply(
            &mut p,
            Edit::AddClaim {
                article: a,
                start: 0,
                end: 5,
                speaker: Some("Narrator".into()),
            },
        )
        .unwrap();
    let added = patch.added_claims[0];
    assert_eq!(p.claims[0].id, added, "inserted in reading order");
    assert_eq!(p.claims[0].content, "Kirby");
    h.apply(
        &mut p,
        Edit::DeleteClaims {
            claims: order.clone(),
        },
    )
    .unwrap();
    assert_eq!(ids(&p), vec![added]);
    h.undo(&mut p);
    h.undo(&mut p);
    assert_eq!(ids(&p), order);
    // Redo gives the same id again.
    h.redo(&mut p);
    assert_eq!(p.claims[0].id, added);
}

#[test]
fn bad_spans_are_refused_without_change() {
    let (mut p, mut h, a) = project();
    let before = p.clone();
    for (start, end) in [(5, 5), (10, 2), (0, 999)] {
        let e = Edit::AddClaim {
            article: a,
            start,
            end,
            speaker: None,
        };
        assert!(h.apply(&mut p, e).is_err());
    }
    assert_eq!(p, before);
    assert_eq!(
        h.undo_label(),
        Some("add article"),
        "refused edits are not recorded"
    );
}

#[test]
fn re_extract_keeps_analyst_work() {
    let (mut p, mut h, a) = project();
    let tagged = p.claims[0].id;
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: vec![tagged],
            status: Status::False,
            at: 1,
        },
    )
    .unwrap();
    let untouched = p.claims[1].id;
    h.apply(
        &mut p,
        Edit::ReExtract {
            article: a,
            extraction: extraction(),
        },
    )
    .unwrap();
    assert_eq!(p.claims.len(), 2);
    assert_eq!(p.claims[0].id, tagged);
    assert_eq!(p.claims[0].status, Status::False);
    assert_ne!(p.claims[1].id, untouched, "untouched claim replaced");
    assert_eq!(p.claims[1].content, "we will go on");
    h.undo(&mut p);
    assert_eq!(p.claims[1].id, untouched);
}

#[test]
fn evidence_add_remove() {
    let (mut p, mut h, _) = project();
    let c = p.claims[0].id;
    let e = Evidence {
        url: " https://example.org ".into(),
        description: "x".into(),
    };
    h.apply(
        &mut p,
        Edit::AddEvidence {
            claim: c,
            evidence: e,
        },
    )
    .unwrap();
    assert_eq!(p.claims[0].evidence[0].url, "https://example.org");
    let bad = Edit::RemoveEvidence { claim: c, index: 3 };
    assert!(h.apply(&mut p, bad).is_err());
    h.apply(&mut p, Edit::RemoveEvidence { claim: c, index: 0 })
        .unwrap();
    assert!(p.claims[0].evidence.is_empty());
}

#[test]
fn tagging_and_undoing_many_claims_round_trips() {
    let (mut p, mut h, a) = project();
    let template = p.claims[0].clone();
    for i in 0..20_000u64 {
        let mut c = template.clone();
        c.id = ClaimId(1_000 + i);
        c.article = a;
        p.claims.push(c);
    }
    let before = p.clone();
    let all = ids(&p);
    let started = std::time::Instant::now();
    h.apply(
        &mut p,
        Edit::SetStatus {
            claims: all,
            status: Status::Disputed,
            at: 5,
        },
    )
    .unwrap();
    h.undo(&mut p);
    assert_eq!(p, before);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "linear, not quadratic: {:?}",
        started.elapsed()
    );
}

#[test]
fn set_settings_trims_marks_dirty_and_undoes() {
    let (mut p, mut h, _) = project();
    let before = p.clone();
    let edit = Edit::SetSettings {
        settings: ProjectSettings {
            organisation: "  Example Checks ".into(),
            review_url_pattern: "https://example.org/checks/{id}\n".into(),
            statement_threshold: None,
            ..Default::default()
        },
    };
    h.apply(&mut p, edit.clone()).unwrap();
    assert_eq!(p.settings.organisation, "Example Checks");
    assert_eq!(
        p.settings.review_url_pattern,
        "https://example.org/checks/{id}"
    );
    assert!(h.is_dirty());
    assert_eq!(h.undo_label(), Some("edit project settings"));
    // The same settings again change nothing.
    assert_eq!(h.apply(&mut p, edit).unwrap_err(), EditError::NoChange);
    h.undo(&mut p);
    assert_eq!(p, before);
    assert!(!h.is_dirty());
    h.redo(&mut p);
    assert_eq!(p.settings.organisation, "Example Checks");
}

#[test]
fn article_details_are_trimmed_and_undone() {
    let mut project = Project::new("p");
    let id = project
        .add_article(
            Article {
                id: ArticleId(0),
                title: "Old title".into(),
                text: "Text.".into(),
                source_path: None,
                sha256: None,
                imported_at: None,
                meta: ArticleMeta::default(),
                memo: String::new(),
            },
            &Extraction::default(),
        )
        .unwrap();
    let mut history = History::new();
    let edit = Edit::SetArticleMeta {
        article: id,
        title: "  ".into(),
        meta: ArticleMeta {
            outlet: Some(" The Courier ".into()),
            url: Some("https://example.org/a".into()),
            author: Some("   ".into()),
            published: None,
        },
    };
    history.apply(&mut project, edit.clone()).expect("applies");
    let a = project.article(id).expect("article");
    assert_eq!(a.title, "Old title", "an empty title keeps the old one");
    assert_eq!(a.meta.outlet.as_deref(), Some("The Courier"));
    assert_eq!(a.meta.author, None);
    assert_eq!(
        history.apply(&mut project, edit),
        Err(EditError::NoChange),
        "the same details again change nothing"
    );
    history.undo(&mut project);
    assert_eq!(
        project.article(id).expect("article").meta,
        ArticleMeta::default()
    );
}

/// Ids never wrap: with `next_id` (or an id) at the top of the range, edits that need
/// ids are refused whole with a clear message, and the project is unchanged.
#[test]
fn ids_run_out_without_wrapping() {
    for (next_id, top_claim) in [(u64::MAX, None), (3, Some(u64::MAX)), (u64::MAX - 1, None)] {
        let (mut p, mut h, article) = project();
        p.next_id = next_id;
        if let Some(id) = top_claim {
            p.claims[0].id = ClaimId(id);
        }
        let before = p.clone();
        let e = h
            .apply(
                &mut p,
                Edit::AddClaim {
                    article,
                    start: 0,
                    end: 4,
                    speaker: Some("Somebody New".into()),
                },
            )
            .unwrap_err();
        assert!(e.to_string().contains("no ids left"), "{e}");
        assert_eq!(p, before);
        if p.ids_left() == 0 {
            assert_eq!(p.fresh_id(), Err(crate::model::IdsExhausted));
            assert_eq!(p.next_id, before.next_id, "a refused id changes nothing");
        }
    }
    let mut p = Project::new("p");
    p.next_id = u64::MAX - 2;
    assert_eq!(p.fresh_id(), Ok(u64::MAX - 2));
    assert_eq!(p.ids_left(), 1);
    assert_eq!(p.fresh_id(), Ok(u64::MAX - 1));
    assert_eq!(p.fresh_id(), Err(crate::model::IdsExhausted));
}

/// An article's claims take a block of ids and numbers after everything the project
/// holds, even when `next_id` lags behind the ids in the file; no id is given twice.
#[test]
fn added_claims_take_fresh_ids_in_one_block() {
    let (mut p, _, _) = project();
    p.claims[0].id = ClaimId(500);
    p.next_id = 1;
    let article = article_titled("second");
    let second = p.add_article(article, &extraction()).unwrap();
    let new: Vec<&Claim> = p.claims.iter().filter(|c| c.article == second).collect();
    assert_eq!(new.len(), 2);
    assert!(second.0 > 500, "article id {} collides", second.0);
    assert_eq!(new[0].id.0 + 1, new[1].id.0, "claims take consecutive ids");
    assert!(new[0].id.0 > second.0);
    assert_eq!(new[0].number + 1, new[1].number);
    assert_eq!(p.next_id, new[1].id.0 + 1);
    let mut all: Vec<u64> = p.claims.iter().map(|c| c.id.0).collect();
    all.extend(p.speakers.iter().map(|s| s.id.0));
    all.extend(p.articles.iter().map(|a| a.id.0));
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "ids are unique");
    let mut numbers: Vec<u64> = p.claims.iter().map(|c| c.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), p.claims.len(), "numbers are unique");
}
