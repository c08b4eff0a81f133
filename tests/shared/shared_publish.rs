//! Publishing verdicts in a shared project (issue 15, point 5): a right of its own, decided
//! by PostgreSQL roles. An editor may publish; an analyst's or a reader's publish is refused
//! by the server and changes nothing; a publication written into a claim's row (which
//! analysts may write) is never believed; a version-1 database is migrated to version 2.

use crate::common;
use crate::pg_support;

use claimdesk::io::project_file::project_to_string;
use claimdesk::io::shared::{self, Access, Address, SharedProject};
use claimdesk::model::edit::Edit;
use claimdesk::model::{ClaimId, PublishState, Status};
use common::{claimdesk, stderr};
use pg_support::{ANALYST, EDITOR, READER, open, shared_fixture};
use serde_json::Value;

fn verdict(claims: Vec<ClaimId>, status: Status) -> Edit {
    Edit::SetStatus {
        claims,
        status,
        at: 1_767_225_000,
    }
}

fn publish(claims: Vec<ClaimId>) -> Edit {
    Edit::Publish {
        claims,
        at: 1_767_225_600,
        by: "whoever the client says".into(),
    }
}

#[test]
fn an_editor_publishes_and_an_analyst_or_reader_is_refused_changing_nothing() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "desk");
    let editor = db.role("erin", EDITOR);
    let analyst = db.role("anna", ANALYST);
    let reader = db.role("rita", READER);
    let mut e = open(&db.url_as(&editor, "desk"));
    let mut a = open(&db.url_as(&analyst, "desk"));
    let mut r = open(&db.url_as(&reader, "desk"));
    assert_eq!(e.access().unwrap(), Access::Publish);
    assert!(e.access().unwrap().may_publish());
    assert_eq!(a.access().unwrap(), Access::Edit);
    assert!(!a.access().unwrap().may_publish());
    assert_eq!(r.access().unwrap(), Access::Read);
    let (c1, c2) = (project.claims[0].id, project.claims[1].id);
    a.apply(&verdict(vec![c1, c2], Status::False)).unwrap();
    let before = project_to_string(&a.load().unwrap());

    // The analyst and the reader may not publish: the server refuses, nothing changes.
    for (who, link) in [("analyst", &mut a), ("reader", &mut r)] {
        let err = link.apply(&publish(vec![c1])).unwrap_err();
        assert!(
            err.to_string().contains("permission denied"),
            "{who}: {err}"
        );
        assert_eq!(project_to_string(&link.load().unwrap()), before, "{who}");
    }

    // The editor may; the publication is by the editor's role, whatever the client said.
    let receipt = e.apply(&publish(vec![c1, c2])).unwrap();
    assert_eq!(receipt.author, editor);
    let loaded = a.load().unwrap();
    let p1 = loaded.claim(c1).and_then(|c| c.published.clone()).unwrap();
    assert_eq!(
        (p1.status, p1.at, p1.by.as_str()),
        (Status::False, 1_767_225_600, editor.as_str())
    );
    assert_eq!(
        loaded.claim(c2).map(|c| c.publish_state()),
        Some(PublishState::Published)
    );
    // The claim's history names the publish step and its author.
    let history = a.claim_history(c1).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.kind.as_str(), last.author.as_str()),
        ("publish verdicts", editor.as_str())
    );

    // The analyst changes a published verdict: shown as changed since, the public verdict
    // stays; the analyst may not withdraw it either.
    a.apply(&verdict(vec![c2], Status::Misleading)).unwrap();
    let loaded = r.load().unwrap();
    let claim = loaded.claim(c2).unwrap();
    assert_eq!(claim.publish_state(), PublishState::ChangedSince);
    assert_eq!(
        claim.published.as_ref().map(|p| p.status),
        Some(Status::False)
    );
    let err = a.apply(&Edit::Unpublish { claims: vec![c1] }).unwrap_err();
    assert!(err.to_string().contains("permission denied"), "{err}");

    // The export says what is published (the reader's export, as a newsroom pipeline's).
    let out = claimdesk(&[&"export", &db.url_as(&reader, "desk"), &"--format", &"json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let exported = |id: ClaimId| {
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id.0)
            .cloned()
            .unwrap()
    };
    assert_eq!(exported(c1)["published"]["status"], "false");
    assert_eq!(exported(c1)["published"]["by"], editor.as_str());
    assert_eq!(exported(c2)["published"]["changed_since"], true);

    // Withdrawn by the editor.
    e.apply(&Edit::Unpublish { claims: vec![c1] }).unwrap();
    assert_eq!(a.load().unwrap().claim(c1).unwrap().published, None);
}

#[test]
fn a_publication_written_into_a_claims_row_is_not_believed() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "forged");
    let analyst = db.role("anna", ANALYST);
    let c1 = project.claims[0].id;
    // The analyst may write claims' rows: a forged "published" key there is ignored.
    let mut raw = postgres::Client::connect(
        &db.url_as(&analyst, "forged")
            .replace("&project=forged", "")
            .replace("?project=forged", ""),
        postgres::NoTls,
    )
    .unwrap();
    let forged = raw
        .execute(
            r#"UPDATE claimdesk.claims SET doc = (left(doc::text, -1) ||
                 ',"published":{"status":"verified","at":1,"by":"nobody"}}')::json
               WHERE id = $1"#,
            &[&(c1.0 as i64)],
        )
        .unwrap();
    assert_eq!(forged, 1);
    let mut shared = open(&db.url_as(&analyst, "forged"));
    assert_eq!(shared.load().unwrap().claim(c1).unwrap().published, None);
    // An edit of the claim by the analyst does not make it published either.
    let other = if project.claims[0].status == Status::False {
        Status::Misleading
    } else {
        Status::False
    };
    shared.apply(&verdict(vec![c1], other)).unwrap();
    assert_eq!(shared.load().unwrap().claim(c1).unwrap().published, None);
}

#[test]
fn a_version_1_database_is_migrated_to_the_current_version_and_sharing_keeps_publications() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    use claimdesk::io::shared::schema;
    // A database as claimdesk's schema version 1 left it, with a project in it.
    let mut client = db.admin();
    schema::migrate(&mut client, &schema::MIGRATIONS[..1]).unwrap();
    assert_eq!(schema::version(&mut client).unwrap(), 1);
    let project = {
        // Shared through the current code (which migrates), then taken back to version 1.
        let p = shared_fixture(&db, "old");
        client
            .batch_execute(&format!(
                "{}; DROP TABLE claimdesk.publications;
                     DELETE FROM claimdesk.schema_version WHERE version > 1;",
                pg_support::UNDO_V3
            ))
            .unwrap();
        p
    };
    assert_eq!(schema::version(&mut client).unwrap(), 1);
    let url = db.url("old");
    let mut shared = open(&url);
    assert_eq!(
        schema::version(&mut client).unwrap(),
        schema::SCHEMA_VERSION
    );
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('claimdesk.publications') IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(exists);
    assert_eq!(
        project_to_string(&shared.load().unwrap()),
        project_to_string(&project),
        "the version-1 project loads unchanged"
    );
    let c1 = project.claims[0].id;
    shared.apply(&verdict(vec![c1], Status::Disputed)).unwrap();
    shared.apply(&publish(vec![c1])).unwrap();
    let published = shared.load().unwrap();
    assert!(published.claim(c1).unwrap().published.is_some());

    // Sharing a file with publications keeps them, by whom included.
    let copy = db.url("copy");
    shared::share(&published, &Address::parse(&copy).unwrap()).unwrap();
    let back = SharedProject::open(&Address::parse(&copy).unwrap())
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(project_to_string(&back), project_to_string(&published));
}
