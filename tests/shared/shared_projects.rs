//! Shared projects on a real PostgreSQL (CLAIMDESK_TEST_PG, started by .ci/run): share and
//! export round trip, ten imports at once, edits by two analysts, LISTEN/NOTIFY, schema
//! versions, roles. Each test has its own database.

use crate::common;
use crate::pg_support;

use pg_support::{ANALYST, FIXTURE, notes, open, shared_fixture};
use std::fs;
use std::time::Duration;

use claimdesk::io::project_file::{load_project, project_to_string};
use claimdesk::io::shared::{self, Address, SharedProject};
use claimdesk::model::edit::Edit;
use claimdesk::model::{ClaimId, Project, Status};
use common::{claimdesk, stderr};
use serde_json::Value;

/// The fixture with keys this version does not know at every level, as a future
/// claimdesk might write them: sharing must keep them too.
fn fixture_with_unknown_keys() -> String {
    let mut doc: Value = serde_json::from_str(&fs::read_to_string(FIXTURE).unwrap()).unwrap();
    doc["from_the_future"] = serde_json::json!({"a": [1, 2.5e3, "x"]});
    let p = &mut doc["project"];
    p["workflow"] = serde_json::json!("newsroom");
    p["settings"]["locale"] = serde_json::json!("en-GB");
    p["articles"][1]["paywall"] = serde_json::json!(true);
    p["speakers"][0]["wikidata"] = serde_json::json!("Q6253779");
    p["claims"][2]["embedding"] = serde_json::json!([0.1, -0.25]);
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn a_shared_project_exports_exactly_as_the_file_it_was_shared_from() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.claimdesk");
    fs::write(&file, fixture_with_unknown_keys()).unwrap();
    let url = db.url("Ceasefire desk");
    let out = claimdesk(&[&"share", &file, &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("shared 2 article(s), 4 claim(s)"), "{said}");

    for format in ["json", "csv", "claimreview", "html", "md"] {
        let from_file = claimdesk(&[&"export", &file, &"--format", &format]);
        let from_db = claimdesk(&[&"export", &url, &"--format", &format]);
        assert!(from_db.status.success(), "{format}: {}", stderr(&from_db));
        assert!(!from_file.stdout.is_empty());
        assert_eq!(from_file.stdout, from_db.stdout, "{format}");
    }
    // Everything, unknown keys included: the shared project saves as the same file.
    let shared = open(&url).load().unwrap();
    let local = load_project(&file).unwrap();
    assert_eq!(project_to_string(&shared), project_to_string(&local));
    assert!(project_to_string(&shared).contains("\"wikidata\": \"Q6253779\""));

    // A second share under the same name changes nothing.
    let again = claimdesk(&[&"share", &file, &url]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_large_project_round_trips_through_batched_rows() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let mut project = common::big_project(12, 250, "rows");
    project.ensure_claim_numbers();
    let address = Address::parse(&db.url("big")).unwrap();
    let summary = shared::share(&project, &address).unwrap();
    assert_eq!(summary.claims, 3000);
    let back = SharedProject::open(&address).unwrap().load().unwrap();
    assert_eq!(project_to_string(&back), project_to_string(&project));
}

fn article_text(i: usize) -> String {
    format!(
        "Report number {i} on the harbour\n\n\
         “The harbour will reopen in {i} weeks,” said Maria Lopez{i}, the port director.\n\
         The union said the workers had not been consulted about plan {i}.\n"
    )
}

#[test]
fn ten_imports_at_once_leave_all_ten_articles_with_unique_claim_numbers() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = db.url("Harbour");
    let children: Vec<_> = (0..10)
        .map(|i| {
            let path = dir.path().join(format!("report-{i}.txt"));
            fs::write(&path, article_text(i)).unwrap();
            std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
                .args(["import".as_ref(), url.as_ref(), path.as_os_str()])
                .output_async()
        })
        .collect();
    let mut claims_reported = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        let n: usize = said
            .split("with ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{said}"));
        claims_reported += n;
    }
    // Loading checks unique ids and references; numbers are checked here.
    let project = open(&url).load().unwrap();
    assert_eq!(project.articles.len(), 10);
    assert_eq!(project.claims.len(), claims_reported);
    assert!(claims_reported >= 10, "{claims_reported}");
    let mut numbers: Vec<u64> = project.claims.iter().map(|c| c.number).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        project.claims.len(),
        "claim numbers are unique"
    );
    assert!(numbers[0] >= 1);
    assert!(project.next_number > *numbers.last().unwrap());
    // The same file again is refused, naming it.
    let path = dir.path().join("report-3.txt");
    let out = claimdesk(&[&"import", &url, &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("report-3.txt: already in the project"),
        "{}",
        stderr(&out)
    );
}

/// `Command::spawn` with piped output, so that ten run at once.
trait SpawnPiped {
    fn output_async(&mut self) -> std::process::Child;
}

impl SpawnPiped for std::process::Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }
}

#[test]
fn two_analysts_editing_at_once_never_conflict_and_the_later_edit_of_a_field_wins() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "desk");
    let (c1, c2) = (project.claims[0].id.0, project.claims[1].id.0);
    let anna = db.role("anna", ANALYST);
    let ben = db.role("ben", ANALYST);
    let (url_a, url_b) = (db.url_as(&anna, "desk"), db.url_as(&ben, "desk"));
    // Different claims, at the same time, each many times.
    let threads: Vec<_> = [(url_a.clone(), c1, "anna"), (url_b.clone(), c2, "ben")]
        .into_iter()
        .map(|(url, claim, who)| {
            std::thread::spawn(move || {
                let mut shared = open(&url);
                for i in 0..25 {
                    shared.apply(&notes(claim, &format!("{who} {i}"))).unwrap();
                    let status = if i % 2 == 0 {
                        Status::Verified
                    } else {
                        Status::Disputed
                    };
                    let at = 1_800_000_000 + i;
                    let edit = Edit::SetStatus {
                        claims: vec![ClaimId(c1), ClaimId(c2)],
                        status,
                        at,
                    };
                    // The same two claims from both sides: rows locked in id order.
                    match shared.apply(&edit) {
                        Ok(_) => {}
                        Err(e) => assert!(e.to_string().contains("nothing to change"), "{e}"),
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut a = open(&url_a);
    assert_eq!(a.access().unwrap(), shared::Access::Edit);
    // The schema's owner may do everything, publishing included.
    assert_eq!(
        open(&db.url("desk")).access().unwrap(),
        shared::Access::Publish
    );
    // An analyst imports into the existing project (but may not create one).
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    fs::write(&report, article_text(5)).unwrap();
    let out = claimdesk(&[&"import", &url_a, &report]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = claimdesk(&[&"import", &db.url_as(&anna, "another"), &report]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("permission denied"),
        "{}",
        stderr(&out)
    );
    let now = a.load().unwrap();
    assert_eq!(now.articles.len(), 3);
    assert_eq!(now.claim(ClaimId(c1)).unwrap().notes, "anna 24");
    assert_eq!(now.claim(ClaimId(c2)).unwrap().notes, "ben 24");

    // Anna is in the middle of an edit of c1 and an import holds the project's row: Ben's
    // edit of c2 does not wait for either.
    let mut busy = db.admin();
    let mut tx = busy.transaction().unwrap();
    tx.execute(
        "SELECT 1 FROM claimdesk.claims WHERE id = $1 FOR UPDATE",
        &[&(c1 as i64)],
    )
    .unwrap();
    tx.execute("SELECT 1 FROM claimdesk.projects FOR NO KEY UPDATE", &[])
        .unwrap();
    let ben_url = url_b.clone();
    let (sent, done) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sent.send(
            open(&ben_url)
                .apply(&notes(c2, "not blocked"))
                .map(|r| r.edit_id),
        );
    });
    let got = done.recv_timeout(Duration::from_secs(5));
    assert!(matches!(got, Ok(Ok(_))), "{got:?}");
    tx.rollback().unwrap();

    // The same field of the same claim: the later wins, both are in the history.
    let mut b = open(&url_b);
    let first = a.apply(&notes(c1, "Anna's reading")).unwrap();
    let second = b.apply(&notes(c1, "Ben's reading")).unwrap();
    assert_eq!(
        (first.author.as_str(), second.author.as_str()),
        (anna.as_str(), ben.as_str())
    );
    assert!(second.edit_id > first.edit_id);
    let now = a.load().unwrap();
    assert_eq!(now.claim(ClaimId(c1)).unwrap().notes, "Ben's reading");
    let history = a.claim_history(ClaimId(c1)).unwrap();
    let last_two: Vec<(&str, &str)> = history[history.len() - 2..]
        .iter()
        .map(|r| (r.author.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(
        last_two,
        [(anna.as_str(), "edit notes"), (ben.as_str(), "edit notes")]
    );
    assert!(history[history.len() - 2].edit.contains("Anna's reading"));
    assert!(history.iter().all(|r| r.at > 1_700_000_000));
    // 25 notes by anna on c1, some status edits, and the last two.
    assert!(history.len() >= 27, "{}", history.len());
}

#[test]
fn an_edit_is_announced_on_the_projects_channel() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "notify");
    let url = db.url("notify");
    let mut listener = open(&url);
    let channel = listener.channel();
    listener
        .client()
        .batch_execute(&format!("LISTEN {channel}"))
        .unwrap();
    let mut writer = open(&url);
    let receipt = writer
        .apply(&notes(project.claims[0].id.0, "seen?"))
        .unwrap();
    let mut notifications = listener.client().notifications();
    use postgres::fallible_iterator::FallibleIterator;
    let got = notifications
        .timeout_iter(Duration::from_secs(2))
        .next()
        .unwrap()
        .expect("a notification within 2 s");
    assert_eq!(got.channel(), channel);
    let payload: Value = serde_json::from_str(got.payload()).unwrap();
    drop(notifications);
    assert_eq!(payload["edit"], receipt.edit_id);
    assert_eq!(payload["kind"], "edit notes");
    assert_eq!(payload["author"], "postgres");
    // What the listener then fetches: the edits after the last one it knew.
    let news = listener.edits_since(receipt.edit_id - 1).unwrap();
    assert_eq!(news.len(), 1);
    assert_eq!(news[0].id, receipt.edit_id);
    assert!(news[0].edit.contains("seen?"), "{}", news[0].edit);
    assert!(listener.edits_since(receipt.edit_id).unwrap().is_empty());
    let all = listener.edits_since(0).unwrap();
    assert_eq!(
        all.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>(),
        ["share", "edit notes"]
    );
}

/// Every kind of edit, applied to the shared project and to the same project in memory,
/// leaves the two equal: the rows an edit loads are enough, and the order is kept.
#[test]
fn edits_on_the_shared_project_do_what_they_do_on_a_file() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let mut local = shared_fixture(&db, "same");
    let mut shared = open(&db.url("same"));
    let c: Vec<ClaimId> = local.claims.iter().map(|c| c.id).collect();
    let kirby = local.speakers[0].id;
    let hamas = local.speakers[1].id;
    let first = local.articles[0].id;
    let text = local.articles[0].text.clone();
    let start = text.find("Hamas said").unwrap();
    let report = article_text(1);
    let mut article = local.articles[1].clone();
    article.sha256 = Some(claimdesk::io::import::sha256_hex(report.as_bytes()));
    article.text = report.clone();
    article.title = "Harbour".into();
    let edits = vec![
        Edit::SetStatus {
            claims: vec![c[0], c[2]],
            status: Status::Misleading,
            at: 1_800_000_000,
        },
        Edit::SetContent {
            claim: c[1],
            content: "the talks continue Monday".into(),
        },
        Edit::SetSpeakerName {
            claim: c[3],
            name: "A New Voice".into(),
        },
        Edit::AddClaim {
            article: first,
            start,
            end: start + "Hamas said".len(),
            speaker: Some("Hamas".into()),
        },
        Edit::SetAssignee {
            claims: vec![c[0]],
            assignee: Some("Ines".into()),
        },
        Edit::AddEvidence {
            claim: c[0],
            evidence: claimdesk::model::Evidence {
                url: "https://example.org/e".into(),
                description: "a source".into(),
            },
        },
        Edit::ApplyCheck {
            claim: c[1],
            status: Some(Status::Disputed),
            evidence: claimdesk::model::Evidence {
                url: "https://checks.example.org/1".into(),
                description: "An earlier check".into(),
            },
            at: 1_800_000_100,
        },
        Edit::RenameSpeaker {
            speaker: kirby,
            name: "John F. Kirby".into(),
        },
        Edit::SetProjectMemo {
            memo: "Shared memo".into(),
        },
        Edit::SetArticleMemo {
            article: first,
            memo: "Article memo".into(),
        },
        Edit::AddArticle {
            article: Box::new(article),
            extraction: claimdesk::extract::extract(&report),
        },
        Edit::MergeSpeakers {
            from: hamas,
            into: kirby,
        },
        Edit::DeleteClaims { claims: vec![c[2]] },
        Edit::ReExtract {
            article: first,
            extraction: claimdesk::extract::extract(&text),
        },
    ];
    for edit in &edits {
        let mine = claimdesk::model::edit::apply(&mut local, edit).unwrap();
        let theirs = shared.apply(edit).unwrap();
        assert_eq!(
            theirs.added_claims,
            mine.added_claims,
            "{}",
            edit.describe()
        );
        let back = shared.load().unwrap();
        if matches!(edit, Edit::ReExtract { .. }) {
            // Claims a re-extraction finds join their article's claims on the server (the
            // file appends them to the project's end): same claims, article kept together.
            assert_eq!(by_id(&back), by_id(&local), "after {}", edit.describe());
            let articles: Vec<u64> = back.claims.iter().map(|c| c.article.0).collect();
            let mut grouped = articles.clone();
            grouped.dedup();
            assert_eq!(grouped, [1, 7, 11], "{articles:?}");
        } else {
            assert_eq!(
                project_to_string(&back),
                project_to_string(&local),
                "after {}",
                edit.describe()
            );
        }
    }
    // A refused edit changes nothing and says why.
    let before = project_to_string(&shared.load().unwrap());
    let e = shared.apply(&notes(999_999, "x")).unwrap_err();
    assert!(
        e.to_string().contains("claim 999999 no longer exists"),
        "{e}"
    );
    assert_eq!(project_to_string(&shared.load().unwrap()), before);
}

/// The project file text with claims in id order.
fn by_id(project: &Project) -> String {
    let mut p = project.clone();
    p.claims.sort_by_key(|c| c.id);
    project_to_string(&p)
}

/// Each claim added at the same place goes between the last one and the next: order keys
/// halve, run out after about 50, and the table is respaced, keeping the order.
#[test]
fn claims_added_again_and_again_at_one_place_keep_the_files_order() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let mut local = shared_fixture(&db, "crowded");
    let mut shared = open(&db.url("crowded"));
    let article = local.articles[0].id;
    let start = local.articles[0].text.find("Kirby added").unwrap();
    for _ in 0..70 {
        let edit = Edit::AddClaim {
            article,
            start,
            end: start + "Kirby added".len(),
            speaker: None,
        };
        claimdesk::model::edit::apply(&mut local, &edit).unwrap();
        shared.apply(&edit).unwrap();
    }
    assert_eq!(
        project_to_string(&shared.load().unwrap()),
        project_to_string(&local)
    );
    let keys: Vec<f64> = db
        .admin()
        .query("SELECT seq FROM claimdesk.claims ORDER BY seq", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "order keys stay distinct"
    );
}
