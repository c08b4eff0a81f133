//! The public rationale goes into ClaimReview (`reviewBody`) and the reports; the private
//! notes and memos never do. CSV and JSON carry the triage fields (assignee, priority, in
//! progress). Memos and the new fields survive save and load; version-1 files still load.

use claimdesk::io::export::{self, Format, Options};
use claimdesk::io::import::import_articles;
use claimdesk::io::project_file::{load_project, project_from_str, save_project};
use claimdesk::model::edit::{Edit, History};
use claimdesk::model::{ClaimId, Priority, Project, Status};
use serde_json::Value;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/rafah-kirby-gallant.txt"
);
const V1: &str = include_str!("../data/project-v1.claimdesk");

const NOTES: &str = "PRIVATE: the source asked not to be named";
const MEMO: &str = "PRIVATE MEMO: call the desk";
const RATIONALE: &str = "The ministry's own figures <2023> show the opposite & more.";

/// The sample with the first claim False, a rationale, private notes, assigned, high
/// priority and in progress; memos on the article and the project.
fn project() -> (Project, ClaimId) {
    let mut p = Project::new("Workflow");
    p.settings.review_url_pattern = "https://example.org/checks/{id}".into();
    assert!(import_articles(&mut p, &[SAMPLE.into()]).is_empty());
    let mut h = History::new();
    let c = p.claims[0].id;
    let article = p.articles[0].id;
    for edit in [
        Edit::SetStatus {
            claims: vec![c],
            status: Status::False,
            at: 1_709_400_000,
        },
        Edit::SetRationale {
            claim: c,
            rationale: RATIONALE.into(),
        },
        Edit::SetNotes {
            claim: c,
            notes: NOTES.into(),
        },
        Edit::SetAssignee {
            claims: vec![c],
            assignee: Some("Ana Ruiz".into()),
        },
        Edit::SetPriority {
            claims: vec![c],
            priority: Priority::High,
        },
        Edit::SetInProgress {
            claims: vec![c],
            in_progress: true,
        },
        Edit::SetArticleMemo {
            article,
            memo: MEMO.into(),
        },
        Edit::SetProjectMemo { memo: MEMO.into() },
    ] {
        h.apply(&mut p, edit).expect("applies");
    }
    (p, c)
}

fn text(p: &Project, format: Format) -> String {
    String::from_utf8(export::render(p, format, Options::default()).unwrap()).unwrap()
}

#[test]
fn rationale_is_the_review_body_and_notes_stay_private() {
    let (p, c) = project();
    let reviews: Value = serde_json::from_str(&text(&p, Format::ClaimReview)).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["reviewBody"], RATIONALE);
    assert_eq!(
        reviews[0]["url"],
        format!("https://example.org/checks/{}", c.0)
    );
    for format in [Format::ClaimReview, Format::Html, Format::Markdown] {
        let out = text(&p, format);
        assert!(!out.contains("PRIVATE"), "{format:?} holds notes or a memo");
    }
    // A claim without a rationale has no reviewBody at all.
    let mut other = p.clone();
    other.claims[0].rationale = "  ".into();
    let reviews: Value = serde_json::from_str(&text(&other, Format::ClaimReview)).unwrap();
    assert!(reviews[0].get("reviewBody").is_none());
}

#[test]
fn reports_show_the_rationale() {
    let (p, _) = project();
    let html = text(&p, Format::Html);
    assert!(html.contains(
        "<div class=\"rationale\">The ministry&#39;s own figures &lt;2023&gt; show the \
         opposite &amp; more.</div>"
    ));
    let md = text(&p, Format::Markdown);
    assert!(
        md.contains("Rationale: The ministry's own figures \\<2023\\> show the opposite \\& more."),
        "{md}"
    );
    // The speaker's record: their claims with verdicts.
    assert!(html.contains("<p class=\"record\">"));
    assert!(html.contains("1 false"));
}

#[test]
fn csv_and_json_carry_the_triage_fields() {
    let (p, c) = project();
    let csv = text(&p, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    // The triage columns, in this order, after every column that came before them (the
    // columns added later still follow them).
    let at = header.iter().position(|h| h == "rationale").unwrap();
    assert_eq!(
        header[at..at + 4],
        ["rationale", "assignee", "priority", "in_progress"],
        "triage columns in order"
    );
    assert_eq!(header[..3], ["claim_id", "article_title", "outlet"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| r[0] == c.0.to_string()).unwrap();
    assert_eq!(&row[at], RATIONALE);
    assert_eq!(&row[at + 1], "Ana Ruiz");
    assert_eq!(&row[at + 2], "high");
    assert_eq!(&row[at + 3], "yes");
    let other = rows.iter().find(|r| r[0] != c.0.to_string()).unwrap();
    assert_eq!(
        [&other[at + 1], &other[at + 2], &other[at + 3]],
        ["", "normal", "no"]
    );

    let doc: Value = serde_json::from_str(&text(&p, Format::Json)).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    let out = claims.iter().find(|o| o["id"] == c.0).unwrap();
    assert_eq!(out["assignee"], "Ana Ruiz");
    assert_eq!(out["priority"], "high");
    assert_eq!(out["in_progress"], true);
    assert_eq!(out["rationale"], RATIONALE);
    let plain = claims.iter().find(|o| o["id"] != c.0).unwrap();
    assert_eq!(plain["assignee"], Value::Null);
    assert_eq!(plain["priority"], "normal");
    assert_eq!(plain["in_progress"], false);
}

#[test]
fn memos_and_triage_fields_survive_save_and_load() {
    let (p, c) = project();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.claimdesk");
    save_project(&path, &p).unwrap();
    let back = load_project(&path).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.memo, MEMO);
    assert_eq!(back.articles[0].memo, MEMO);
    assert_eq!(back.assignees, ["Ana Ruiz"]);
    let claim = back.claim(c).unwrap();
    assert_eq!(claim.rationale, RATIONALE);
    assert_eq!(claim.notes, NOTES);
    assert_eq!(claim.priority, Priority::High);
    assert!(claim.in_progress);
    // Defaults are not written: an untouched claim has none of the new keys.
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let untouched = file["project"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] != c.0)
        .unwrap();
    for key in ["rationale", "assignee", "priority", "in_progress"] {
        assert!(untouched.get(key).is_none(), "{key}");
    }
}

#[test]
fn version_1_files_load_with_the_new_fields_at_their_defaults() {
    let p = project_from_str(V1).expect("the v1 fixture loads");
    assert!(!p.claims.is_empty());
    assert!(p.memo.is_empty() && p.assignees.is_empty() && p.not_speakers.is_empty());
    assert!(p.articles.iter().all(|a| a.memo.is_empty()));
    for c in &p.claims {
        assert!(c.rationale.is_empty() && c.assignee.is_none() && !c.in_progress);
        assert_eq!(c.priority, Priority::Normal);
    }
    // And it is written back exactly as it was.
    assert_eq!(claimdesk::io::project_file::project_to_string(&p), V1);
}

#[test]
fn a_newer_files_unknown_keys_are_kept_beside_the_new_fields() {
    let (p, c) = project();
    let text = claimdesk::io::project_file::project_to_string(&p);
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["project"]["claims"][0]["future_field"] = serde_json::json!({"x": 1});
    doc["project"]["future_list"] = serde_json::json!([1, 2]);
    let loaded = project_from_str(&doc.to_string()).unwrap();
    assert_eq!(loaded.claim(c).unwrap().rationale, RATIONALE);
    let again: Value =
        serde_json::from_str(&claimdesk::io::project_file::project_to_string(&loaded)).unwrap();
    assert_eq!(again["project"]["claims"][0]["future_field"]["x"], 1);
    assert_eq!(again["project"]["future_list"][1], 2);
    assert_eq!(again["project"]["memo"], MEMO);
}
