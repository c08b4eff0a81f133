//! "Not a claim" (status `rejected`): left out of every export and count unless asked
//! for (`include_rejected`, `--include-rejected`), never brought back by re-extraction,
//! undone like any edit; bulk edits are one undoable step. Exports of only some claims.

use crate::common;

use std::collections::BTreeSet;

use claimdesk::io::export::{self, Format, Options};
use claimdesk::io::import::import_articles;
use claimdesk::io::project_file::{load_project, save_project};
use claimdesk::model::edit::{Edit, History};
use claimdesk::model::{ClaimId, Project, Status};
use common::{claimdesk, stderr};
use serde_json::Value;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/rafah-kirby-gallant.txt"
);

/// The sample article imported with its real extraction; the first claim verified, the
/// second marked Not a claim (returned), through the history.
fn project() -> (Project, History, ClaimId) {
    let mut p = Project::new("Triage");
    assert!(import_articles(&mut p, &[SAMPLE.into()]).is_empty());
    assert!(p.claims.len() >= 3, "the sample has claims");
    let mut h = History::new();
    let [first, second] = [p.claims[0].id, p.claims[1].id];
    for (id, status) in [(first, Status::Verified), (second, Status::Rejected)] {
        h.apply(
            &mut p,
            Edit::SetStatus {
                claims: vec![id],
                status,
                at: 1_709_400_000,
            },
        )
        .expect("status");
    }
    (p, h, second)
}

fn text(p: &Project, format: Format, options: Options) -> String {
    String::from_utf8(export::render(p, format, options).expect("export")).expect("utf-8")
}

fn with_rejected() -> Options {
    Options {
        include_rejected: true,
        ..Options::default()
    }
}

/// Claim ids in the CSV, JSON and ClaimReview exports, and whether the reports show the
/// claim's anchor.
fn ids_in(p: &Project, options: &Options) -> [BTreeSet<u64>; 3] {
    let csv = text(p, Format::Csv, options.clone());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let csv_ids = reader
        .records()
        .map(|r| r.expect("row")[0].parse().expect("id"))
        .collect();
    let json: Value = serde_json::from_str(&text(p, Format::Json, options.clone())).unwrap();
    let json_ids = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    let reviews: Value =
        serde_json::from_str(&text(p, Format::ClaimReview, options.clone())).unwrap();
    let review_ids = reviews
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let url = r["url"].as_str().expect("url");
            url.rsplit('/').next().unwrap().parse().unwrap()
        })
        .collect();
    [csv_ids, json_ids, review_ids]
}

#[test]
fn rejected_claims_are_left_out_of_every_export_unless_asked() {
    let (mut p, _, rejected) = project();
    p.settings.review_url_pattern = "https://example.org/checks/{id}".into();
    let content = p.claim(rejected).unwrap().content.clone();
    let all: BTreeSet<u64> = p.claims.iter().map(|c| c.id.0).collect();

    let [csv, json, reviews] = ids_in(&p, &Options::default());
    assert_eq!(csv.len(), p.claims.len() - 1);
    assert!(!csv.contains(&rejected.0) && !json.contains(&rejected.0));
    assert!(!reviews.contains(&rejected.0));
    assert_eq!(csv, json);
    for format in [Format::Html, Format::Markdown] {
        let report = text(&p, format, Options::default());
        assert!(!report.contains("Not a claim"), "{format:?}");
        assert!(
            !report.contains(&format!("claim-{}", rejected.0)),
            "{format:?}"
        );
        let n = p.claims.len() - 1;
        assert!(
            report.contains(&format!("{n} claims in 1 article")),
            "{format:?}"
        );
    }
    let json: Value = serde_json::from_str(&text(&p, Format::Json, Options::default())).unwrap();
    assert_eq!(json["articles"][0]["claim_count"], p.claims.len() - 1);

    let [csv, json, reviews] = ids_in(&p, &with_rejected());
    assert_eq!(csv, all);
    assert_eq!(json, all);
    assert!(reviews.contains(&rejected.0));
    let html = text(&p, Format::Html, with_rejected());
    assert!(html.contains(&format!("id=\"claim-{}\"", rejected.0)));
    assert!(html.contains("<span class=\"pill\">Not a claim</span>"));
    assert!(html.contains("; 1 marked not a claim"));
    let md = text(&p, Format::Markdown, with_rejected());
    assert!(md.contains("**Not a claim**"));
    let csv = text(&p, Format::Csv, with_rejected());
    assert!(csv.contains(",rejected,"), "the status key in the CSV");
    assert!(!content.is_empty());
}

#[test]
fn only_the_claims_shown_are_exported() {
    let (mut p, _, rejected) = project();
    p.settings.review_url_pattern = "https://example.org/checks/{id}".into();
    let shown: BTreeSet<ClaimId> = [p.claims[0].id, p.claims[2].id, rejected]
        .into_iter()
        .collect();
    let options = Options {
        only_claims: Some(shown),
        ..Options::default()
    };
    let [csv, json, reviews] = ids_in(&p, &options);
    let want: BTreeSet<u64> = [p.claims[0].id.0, p.claims[2].id.0].into_iter().collect();
    assert_eq!(csv, want, "Not a claim stays out even when shown");
    assert_eq!(json, want);
    assert_eq!(
        reviews,
        [p.claims[0].id.0].into_iter().collect(),
        "verdicts only"
    );
    let options = Options {
        include_rejected: true,
        ..options
    };
    let [csv, _, _] = ids_in(&p, &options);
    assert_eq!(csv.len(), 3);
    let md = text(&p, Format::Markdown, options);
    assert!(md.contains("2 claims in 1 article"), "{md}");
}

#[test]
fn cli_include_rejected() {
    let (mut p, _, rejected) = project();
    p.settings.review_url_pattern = "https://example.org/checks/{id}".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("triage.claimdesk");
    save_project(&path, &p).unwrap();
    let count = |extra: &[&str]| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"export", &path];
        for a in extra {
            args.push(a);
        }
        let out = claimdesk(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let ids: Vec<u64> = doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_u64().unwrap())
            .collect();
        ids
    };
    let without = count(&[]);
    assert_eq!(without.len(), p.claims.len() - 1);
    assert!(!without.contains(&rejected.0));
    let with = count(&["--include-rejected"]);
    assert_eq!(with.len(), p.claims.len());
    assert!(with.contains(&rejected.0));
    let out = claimdesk(&[&"export", &path, &"--format", &"csv", &"--include-rejected"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(",rejected,"));
}

#[test]
fn re_extraction_does_not_resurrect_a_rejected_claim() {
    let (mut p, mut h, rejected) = project();
    let article = p.articles[0].id;
    let before = p.claim(rejected).unwrap().clone();
    let extraction =
        claimdesk::extract::extract_with_known(&p.articles[0].text, &p.known_speakers());
    assert!(
        extraction
            .claims
            .iter()
            .any(|c| c.start == before.start && c.end == before.end),
        "the extractor finds the rejected claim again"
    );
    h.apply(
        &mut p,
        Edit::ReExtract {
            article,
            extraction,
        },
    )
    .expect("re-extract");
    let same: Vec<_> = p
        .claims
        .iter()
        .filter(|c| c.start < before.end && before.start < c.end)
        .collect();
    assert_eq!(same.len(), 1, "{same:?}");
    assert_eq!(same[0].id, rejected);
    assert_eq!(same[0].status, Status::Rejected);
    // Saved and loaded, it is still Not a claim.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.claimdesk");
    save_project(&path, &p).unwrap();
    let back = load_project(&path).unwrap();
    assert_eq!(back.claim(rejected).unwrap().status, Status::Rejected);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"status\": \"rejected\"")
    );
}

#[test]
fn not_a_claim_and_bulk_edits_undo_and_redo_whole() {
    let (mut p, mut h, rejected) = project();
    assert_eq!(h.undo(&mut p), Some("set status"));
    assert_eq!(p.claim(rejected).unwrap().status, Status::Unchecked);
    h.redo(&mut p);
    assert_eq!(p.claim(rejected).unwrap().status, Status::Rejected);

    let all: Vec<ClaimId> = p.claims.iter().map(|c| c.id).collect();
    let before = p.clone();
    for edit in [
        Edit::SetStatus {
            claims: all.clone(),
            status: Status::False,
            at: 1,
        },
        Edit::AssignSpeaker {
            claims: all.clone(),
            name: "A New Speaker".into(),
        },
        Edit::SetPriority {
            claims: all.clone(),
            priority: claimdesk::model::Priority::High,
        },
        Edit::DeleteClaims {
            claims: all.clone(),
        },
    ] {
        let undo_to = p.clone();
        h.apply(&mut p, edit).expect("applies");
        let after = p.clone();
        h.undo(&mut p);
        assert_eq!(p, undo_to, "one undo restores every claim");
        h.redo(&mut p);
        assert_eq!(p, after, "one redo reapplies to every claim");
    }
    assert!(p.claims.is_empty());
    for _ in 0..4 {
        h.undo(&mut p);
    }
    assert_eq!(p, before);
}
