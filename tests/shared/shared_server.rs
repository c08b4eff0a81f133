//! Shared projects: what the server decides (roles, schema versions, TLS) and what an
//! unreachable or bad address gives. Each test has its own database (tests/pg_support).

use crate::common;
use crate::pg_support;

use std::fs;

use claimdesk::io::project_file::{project_from_str, project_to_string};
use claimdesk::io::shared::{self, Address, SharedProject};
use common::{claimdesk, stderr};
use pg_support::{FIXTURE, READER, notes, open, shared_fixture};
use serde_json::Value;

#[test]
fn a_reader_role_can_export_but_not_edit() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "ro");
    let reader = db.role("rita", READER);
    let url = db.url_as(&reader, "ro");
    let out = claimdesk(&[&"export", &url, &"--format", &"json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut shared = open(&url);
    assert_eq!(shared.access().unwrap(), shared::Access::Read);
    let e = shared
        .apply(&notes(project.claims[0].id.0, "not allowed"))
        .unwrap_err();
    assert!(e.to_string().contains("permission denied"), "{e}");
    assert_eq!(
        project_to_string(&shared.load().unwrap()),
        project_to_string(&project)
    );
}

#[test]
fn the_schema_is_migrated_step_by_step_and_a_newer_one_is_refused() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    use claimdesk::io::shared::schema;
    let mut client = db.admin();
    assert_eq!(schema::version(&mut client).unwrap(), 0);
    assert_eq!(
        schema::migrate(&mut client, &schema::MIGRATIONS).unwrap(),
        0
    );
    assert_eq!(
        schema::version(&mut client).unwrap(),
        schema::SCHEMA_VERSION
    );
    // A project made at this version survives a (test) next version that adds a column.
    shared_fixture(&db, "old");
    let mut next: Vec<&str> = schema::MIGRATIONS.to_vec();
    next.push("ALTER TABLE claimdesk.projects ADD COLUMN colour text");
    let newer = schema::SCHEMA_VERSION + 1;
    assert_eq!(
        schema::migrate(&mut client, &next).unwrap(),
        schema::SCHEMA_VERSION
    );
    assert_eq!(schema::version(&mut client).unwrap(), newer);
    assert_eq!(
        schema::migrate(&mut client, &next).unwrap(),
        newer,
        "already there"
    );
    // This claimdesk refuses the newer database and changes nothing.
    let out = claimdesk(&[&"export", &db.url("old")]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains(&format!("newer claimdesk (schema version {newer}")),
        "{said}"
    );
}

#[test]
fn many_claimdesks_starting_at_once_migrate_an_empty_database_once() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let url = db.url("first");
    let threads: Vec<_> = (0..6)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                SharedProject::open_or_create(&Address::parse(&url).unwrap()).map(|p| p.id())
            })
        })
        .collect();
    let ids: Vec<i64> = threads
        .into_iter()
        .map(|t| t.join().unwrap().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    let rows = db
        .admin()
        .query_one("SELECT count(*) FROM claimdesk.schema_version", &[])
        .unwrap();
    // One row per migration: each ran once.
    assert_eq!(
        rows.get::<_, i64>(0),
        i64::from(claimdesk::io::shared::schema::SCHEMA_VERSION)
    );
}

/// TLS as libpq's sslmode says: encrypted for prefer and require, the certificate checked
/// for verify-ca and verify-full (against sslrootcert), refused when it does not check out.
#[test]
fn tls_is_used_and_the_certificate_checked_as_sslmode_says() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let Some(ca) = pg_support::test_ca() else {
        return;
    };
    let project = shared_fixture(&db, "tls");
    let url = db.url("tls");
    let with = |mode: &str| url.replace("sslmode=disable", mode);
    let encrypted = |u: &str| -> bool {
        open(u)
            .client()
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert!(!encrypted(&url));
    assert!(encrypted(&with("sslmode=prefer")));
    assert!(encrypted(&with("sslmode=require")));
    let full = with(&format!("sslmode=verify-full&sslrootcert={ca}"));
    assert!(encrypted(&full));
    assert!(encrypted(&with(&format!(
        "sslmode=verify-ca&sslrootcert={ca}"
    ))));
    // The whole round trip over TLS.
    let out = claimdesk(&[&"export", &full, &"--format", &"json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(exported.to_string().contains(&project.claims[0].content));
    // A self-signed certificate nobody said to trust: refused, in one line.
    let e = SharedProject::open(&Address::parse(&with("sslmode=verify-full")).unwrap())
        .err()
        .expect("an untrusted certificate is refused");
    let said = e.to_string();
    assert!(
        said.contains("cannot connect") && said.contains("certificate"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    // Trusted, but for another name: verify-full refuses, verify-ca accepts.
    let other_name = full.replace("127.0.0.1", "localhost");
    let e = SharedProject::open(&Address::parse(&other_name).unwrap())
        .err()
        .expect("a certificate for another host is refused");
    assert!(e.to_string().contains("cannot connect"), "{e}");
    let ca_only =
        with(&format!("sslmode=verify-ca&sslrootcert={ca}")).replace("127.0.0.1", "localhost");
    assert!(encrypted(&ca_only));
}

/// Issue 31 (low): two claims with the same number make `share` fail with one line naming
/// the file and the number (not the database's words), before anything is uploaded. The
/// claims are not renumbered: a number is what notes and published reviews cite.
#[test]
fn sharing_a_file_with_a_duplicate_claim_number_names_the_file_and_the_number() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let mut doc: Value = serde_json::from_str(&fs::read_to_string(FIXTURE).unwrap()).unwrap();
    for (i, number) in [3, 7, 3, 9].into_iter().enumerate() {
        doc["project"]["claims"][i]["number"] = number.into();
    }
    doc["project"]["next_number"] = 10.into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dup.claimdesk");
    fs::write(&file, doc.to_string()).unwrap();
    let url = db.url("dup");
    let out = claimdesk(&[&"share", &file, &url]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains(&file.display().to_string()), "{said}");
    assert!(said.contains("both have the number #3"), "{said}");
    assert!(!said.contains("duplicate key"), "{said}");
    // The library refuses it too (its callers have no file to name), uploading nothing.
    let project = claimdesk::io::project_file::load_project(&file).unwrap();
    let e = shared::share(&project, &Address::parse(&url).unwrap()).unwrap_err();
    assert!(e.to_string().contains("#3") && e.to_string().contains("nothing was uploaded"));
    assert!(SharedProject::open(&Address::parse(&url).unwrap()).is_err());
}

/// No server needed: bad addresses and unreachable servers give one line without the
/// password.
#[test]
fn bad_or_unreachable_addresses_give_one_line_without_the_password() {
    let out = claimdesk(&[&"export", &"postgres://anna:hunter2@127.0.0.1:1/news"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("?project=NAME"), "{said}");
    assert!(!said.contains("hunter2"), "{said}");
    let out = claimdesk(&[
        &"import",
        &"postgres://anna:hunter2@127.0.0.1:1/news?project=x&sslmode=disable",
        &FIXTURE,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("cannot connect"), "{said}");
    assert!(said.contains("anna:***@127.0.0.1:1"), "{said}");
    assert!(!said.contains("hunter2"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    // The window refuses an address that names no project before opening (it says
    // itself when a server cannot be reached: tests/ui/ui_shared.rs).
    let out = claimdesk(&[&"postgres://anna:hunter2@127.0.0.1:1/news"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("?project=NAME"), "{said}");
    assert!(!said.contains("hunter2"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    // Sharing a file that is not a project names the file and uploads nothing.
    let out = claimdesk(&[
        &"share",
        &"/nonexistent/p.claimdesk",
        &"postgres://db/x?project=p",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/p.claimdesk"),
        "{}",
        stderr(&out)
    );
    // A project file is still a project file.
    let _ = project_from_str(&fs::read_to_string(FIXTURE).unwrap()).unwrap();
}
