//! Issue 31 (M4): roles are enforced by PostgreSQL itself (schema version 3,
//! src/io/shared/roles.rs), not only by table grants. Each role connects with plain SQL, as
//! anyone with `psql` and its password can: an analyst cannot forge an edit's author,
//! rename or break a project, or delete or rewrite a published claim; an editor's forged
//! publication stamp is replaced by the server's; the paths the app takes still work for
//! every role; a version-2 database is used as it is by a role that may not migrate it,
//! and migrated by its owner. Against the server of `CLAIMDESK_TEST_PG` (tests/pg_support).

use crate::common;
use crate::pg_support;

use claimdesk::io::project_file::project_to_string;
use claimdesk::io::shared::schema;
use claimdesk::model::edit::Edit;
use claimdesk::model::{ClaimId, PublishState, Status};
use common::{claimdesk, stderr};
use pg_support::{
    ANALYST, ANALYST_TABLE_GRANTS, EDITOR, READER, UNDO_V3, notes, open, shared_fixture, sql_as,
};

fn publish(claims: Vec<ClaimId>) -> Edit {
    Edit::Publish {
        claims,
        at: 1_767_225_600,
        by: "whoever".into(),
    }
}

/// Run `sql` (one statement, its own transaction) and return the server's refusal.
fn refused(client: &mut postgres::Client, sql: &str) -> String {
    match client.batch_execute(sql) {
        Ok(()) => panic!("accepted: {sql}"),
        Err(e) => e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_string()),
    }
}

#[test]
fn an_analyst_with_sql_cannot_forge_authors_rename_projects_or_touch_published_claims() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "desk");
    shared_fixture(&db, "other");
    // The grants documented before version 3 (UPDATE on all of `projects`): the server's
    // checks hold whatever the grants.
    let analyst = db.role("anna", ANALYST_TABLE_GRANTS);
    let editor = db.role("erin", EDITOR);
    let reader = db.role("rita", READER);
    let c: Vec<ClaimId> = project.claims.iter().map(|c| c.id).collect();
    let mut e = open(&db.url_as(&editor, "desk"));
    e.apply(&publish(vec![c[0]])).unwrap();
    let pid = e.id();
    let load = |name: &str| project_to_string(&open(&db.url(name)).load().unwrap());
    let (desk, other) = (load("desk"), load("other"));

    let mut sql = sql_as(&db, &analyst);
    // The edit log's author and time are the server's.
    let row = sql
        .query_one(
            "INSERT INTO claimdesk.edits (project, author, at, kind, edit)
             VALUES ($1, $2, '2001-01-01', 'set notes', '{}')
             RETURNING author, at > now() - interval '1 hour'",
            &[&pid, &editor],
        )
        .unwrap();
    assert_eq!(
        (row.get::<_, String>(0), row.get::<_, bool>(1)),
        (analyst.clone(), true)
    );
    let (published, other_article) = (c[0].0, project.articles[1].id.0);
    let first_article = project.claims[1].article.0;
    let hostile = [
        "UPDATE claimdesk.projects SET name = 'hijacked' WHERE name = 'other'".to_string(),
        "UPDATE claimdesk.projects SET doc = json_build_object('file', doc -> 'file',
            'project', (doc -> 'project')::jsonb || '{\"name\": \"hijacked\"}')
         WHERE name = 'other'"
            .into(),
        "UPDATE claimdesk.projects SET format_version = 99 WHERE name = 'other'".into(),
        "UPDATE claimdesk.projects SET next_id = 1 WHERE name = 'other'".into(),
        "UPDATE claimdesk.projects SET next_number = 0 WHERE name = 'other'".into(),
        "UPDATE claimdesk.projects SET doc = '[]' WHERE name = 'other'".into(),
        "DELETE FROM claimdesk.projects WHERE name = 'other'".into(),
        format!("DELETE FROM claimdesk.claims WHERE project = {pid} AND id = {published}"),
        format!(
            "UPDATE claimdesk.claims SET doc = (doc::jsonb || '{{\"content\": \"forged\"}}')::json
             WHERE project = {pid} AND id = {published}"
        ),
        format!(
            "UPDATE claimdesk.claims SET number = 999 WHERE project = {pid} AND id = {published}"
        ),
        format!(
            "UPDATE claimdesk.claims SET article = {other_article}
             WHERE project = {pid} AND id = {published}"
        ),
        "DELETE FROM claimdesk.publications".into(),
        "UPDATE claimdesk.publications SET status = 'true'".into(),
        format!(
            "INSERT INTO claimdesk.publications (project, claim, status, at)
             VALUES ({pid}, {}, 'true', 1)",
            c[1].0
        ),
        format!("DELETE FROM claimdesk.articles WHERE project = {pid} AND id = {first_article}"),
        format!(
            "UPDATE claimdesk.claims SET doc = '5' WHERE project = {pid} AND id = {}",
            c[1].0
        ),
        format!(
            "UPDATE claimdesk.claims SET article = 987654 WHERE project = {pid} AND id = {}",
            c[1].0
        ),
    ];
    let mut said = Vec::new();
    for statement in &hostile {
        said.push(refused(&mut sql, statement));
    }
    assert!(
        said[0].contains("only an editor or its creator may rename"),
        "{said:?}"
    );
    assert!(said[3].contains("never given back"), "{said:?}");
    assert!(
        said[7].contains("is published: only an editor may delete it"),
        "{said:?}"
    );
    assert!(said[8].contains("is published"), "{said:?}");
    // Who created a project stays the server's record.
    sql.batch_execute("UPDATE claimdesk.projects SET created_by = 'nobody'")
        .unwrap();
    let creators: Vec<String> = sql
        .query("SELECT DISTINCT created_by FROM claimdesk.projects", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(creators, vec!["postgres".to_string()]);
    // Nothing of it changed either project.
    assert_eq!(load("other"), other);
    assert_eq!(load("desk"), desk);

    // A reader may do none of it.
    let mut sql_r = sql_as(&db, &reader);
    for statement in [&hostile[0], &hostile[7]] {
        assert!(refused(&mut sql_r, statement).contains("permission denied"));
    }

    // The app's own paths still work for the analyst: a published claim's verdict and
    // notes, the project's memo, an import, deleting an unpublished claim; deleting or
    // rewriting a published one is refused with a clear line and changes nothing.
    let mut a = open(&db.url_as(&analyst, "desk"));
    a.apply(&Edit::SetStatus {
        claims: vec![c[0]],
        status: Status::Misleading,
        at: 1_767_226_000,
    })
    .unwrap();
    a.apply(&notes(c[0].0, "checked again")).unwrap();
    a.apply(&Edit::SetProjectMemo {
        memo: "analyst memo".into(),
    })
    .unwrap();
    let receipt = a.apply(&Edit::DeleteClaims { claims: vec![c[1]] }).unwrap();
    assert_eq!(receipt.author, analyst);
    let err = a
        .apply(&Edit::DeleteClaims { claims: vec![c[0]] })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("is published: only an editor may delete it"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let err = a
        .apply(&Edit::SetContent {
            claim: c[0],
            content: "something else".into(),
        })
        .unwrap_err();
    assert!(err.to_string().contains("is published"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    std::fs::write(
        &report,
        "Harbour report\n\n“The harbour will reopen in two weeks,” said Maria Lopez, the \
         port director.\n",
    )
    .unwrap();
    let out = claimdesk(&[&"import", &db.url_as(&analyst, "desk"), &report]);
    assert!(out.status.success(), "{}", stderr(&out));
    let now = a.load().unwrap();
    assert_eq!(now.memo, "analyst memo");
    assert!(now.claim(c[1]).is_none());
    let kept = now.claim(c[0]).unwrap();
    assert_eq!(kept.publish_state(), PublishState::ChangedSince);
    assert_eq!(kept.content, project.claims[0].content);
    assert_eq!(now.articles.len(), project.articles.len() + 1);

    // The editor may rename a project and delete a published claim; a forged publication
    // stamp is replaced by the server's.
    let mut sql_e = sql_as(&db, &editor);
    sql_e
        .batch_execute("UPDATE claimdesk.projects SET name = 'renamed' WHERE name = 'other'")
        .unwrap();
    assert_eq!(load("renamed"), other);
    let stamped = sql_e
        .query_one(
            "INSERT INTO claimdesk.publications
                 (project, claim, status, at, by, published_by, published_at)
             VALUES ($1, $2, 'false', 1, 'erin', 'somebody else', '2001-01-01')
             RETURNING published_by, published_at > now() - interval '1 hour'",
            &[&pid, &(c[2].0 as i64)],
        )
        .unwrap();
    assert_eq!(
        (stamped.get::<_, String>(0), stamped.get::<_, bool>(1)),
        (editor.clone(), true)
    );
    e.apply(&Edit::DeleteClaims { claims: vec![c[0]] }).unwrap();
    assert!(e.load().unwrap().claim(c[0]).is_none());
}

#[test]
fn a_version_2_database_is_used_as_it_is_by_an_analyst_and_migrated_by_its_owner() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "old");
    let analyst = db.role("anna", ANALYST);
    let mut admin = db.admin();
    admin.batch_execute(UNDO_V3).unwrap();
    assert_eq!(schema::version(&mut admin).unwrap(), 2);
    let forge = |sql: &mut postgres::Client| -> String {
        sql.query_one(
            "INSERT INTO claimdesk.edits (project, author, kind, edit)
             SELECT id, 'postgres', 'set notes', '{}' FROM claimdesk.projects RETURNING author",
            &[],
        )
        .unwrap()
        .get(0)
    };
    // The weakness version 3 mends, on version 2.
    assert_eq!(forge(&mut sql_as(&db, &analyst)), "postgres");

    // An analyst may not migrate: the app works on version 2 as it is.
    let mut a = open(&db.url_as(&analyst, "old"));
    assert_eq!(schema::version(&mut admin).unwrap(), 2);
    let receipt = a
        .apply(&notes(project.claims[0].id.0, "on version 2"))
        .unwrap();
    assert_eq!(receipt.author, analyst);

    // The owner's claimdesk migrates; the project is unchanged and the checks hold.
    let before = project_to_string(&open(&db.url("old")).load().unwrap());
    assert_eq!(schema::version(&mut admin).unwrap(), schema::SCHEMA_VERSION);
    assert_eq!(project_to_string(&a.load().unwrap()), before);
    assert_eq!(forge(&mut sql_as(&db, &analyst)), analyst);
    a.apply(&notes(project.claims[0].id.0, "on version 3"))
        .unwrap();
}
