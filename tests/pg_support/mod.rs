//! A fresh PostgreSQL database per test, on the server named by `CLAIMDESK_TEST_PG`
//! (`.ci/run` starts one: `.ci/postgres.sh`). Without it a test is skipped with a note on
//! a developer's machine; under `CI=true` it fails.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};

use claimdesk::io::project_file::load_project;
use claimdesk::io::shared::{self, Address, SharedProject};
use claimdesk::model::edit::Edit;
use claimdesk::model::{ClaimId, Project};

/// The version-1 project file of the tests.
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

/// A reader's grants (the start of every role's).
macro_rules! reads {
    () => {
        "GRANT USAGE ON SCHEMA claimdesk TO {role};
         GRANT SELECT ON ALL TABLES IN SCHEMA claimdesk TO {role};"
    };
}

/// An analyst's grants besides a reader's and those on `projects`.
macro_rules! writes {
    () => {
        "GRANT INSERT, UPDATE, DELETE ON claimdesk.articles, claimdesk.speakers,
             claimdesk.claims TO {role};
         GRANT INSERT ON claimdesk.edits TO {role};
         GRANT USAGE ON ALL SEQUENCES IN SCHEMA claimdesk TO {role};"
    };
}

/// Grants of the analyst role (docs/shared-projects.md): a project's counters and fields,
/// never its name.
pub const ANALYST: &str = concat!(
    reads!(),
    writes!(),
    "GRANT UPDATE (doc, next_id, next_number) ON claimdesk.projects TO {role};"
);

/// The analyst's grants as documented before schema version 3 (UPDATE on every column of
/// `projects`): what the server's own checks must hold against.
pub const ANALYST_TABLE_GRANTS: &str = concat!(
    reads!(),
    writes!(),
    "GRANT UPDATE ON claimdesk.projects TO {role};"
);

/// Grants of the editor role: an analyst's, and creating, renaming and publishing.
pub const EDITOR: &str = concat!(
    reads!(),
    writes!(),
    "GRANT INSERT, UPDATE ON claimdesk.projects TO {role};
     GRANT INSERT, UPDATE, DELETE ON claimdesk.publications TO {role};"
);

/// Takes a database at schema version 3 back to version 2 (what schema version 3 added:
/// src/io/shared/roles.rs).
pub const UNDO_V3: &str = "DROP FUNCTION claimdesk.stamp(), claimdesk.projects_guard(),
        claimdesk.claims_guard(),
        claimdesk.is_published(bigint, bigint), claimdesk.may_publish() CASCADE;
    ALTER TABLE claimdesk.articles DROP CONSTRAINT articles_doc_object;
    ALTER TABLE claimdesk.speakers DROP CONSTRAINT speakers_doc_object;
    ALTER TABLE claimdesk.claims DROP CONSTRAINT claims_doc_object,
        DROP CONSTRAINT claims_article_exists, DROP CONSTRAINT claims_speaker_exists;
    DELETE FROM claimdesk.schema_version WHERE version > 2;";

/// A plain SQL connection to this test's database as `role` (what anyone with `psql` and
/// the role's password has).
pub fn sql_as(db: &TestDb, role: &str) -> postgres::Client {
    let url = db.url_as(role, "x");
    let url = url
        .trim_end_matches("&project=x")
        .trim_end_matches("?project=x");
    postgres::Client::connect(url, postgres::NoTls).expect("connect as the role")
}

/// Grants of the reader role.
pub const READER: &str = reads!();

/// Open an existing shared project (panics: for tests).
pub fn open(url: &str) -> SharedProject {
    SharedProject::open(&Address::parse(url).unwrap()).unwrap()
}

/// The fixture project (claims numbered) shared as `name`.
pub fn shared_fixture(db: &TestDb, name: &str) -> Project {
    let mut project = load_project(std::path::Path::new(FIXTURE)).unwrap();
    project.ensure_claim_numbers();
    shared::share(&project, &Address::parse(&db.url(name)).unwrap()).unwrap();
    project
}

/// Set a claim's notes.
pub fn notes(edit_claim: u64, text: &str) -> Edit {
    Edit::SetNotes {
        claim: ClaimId(edit_claim),
        notes: text.to_string(),
    }
}

/// A database made for one test, dropped (with the roles the test made) when it ends.
pub struct TestDb {
    admin: String,
    pub name: String,
    roles: Vec<String>,
}

/// The server's admin address, or `None` (after a note) when there is none and this is not
/// CI.
fn server() -> Option<String> {
    match std::env::var("CLAIMDESK_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !ci,
                "CI=true but CLAIMDESK_TEST_PG is not set: the shared-project tests need the \
                 PostgreSQL server .ci/run starts"
            );
            // Written past the test harness's capture, once per test binary, so that the
            // skip shows in `cargo test`'s output.
            static NOTE: std::sync::Once = std::sync::Once::new();
            NOTE.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "note: CLAIMDESK_TEST_PG is not set; skipping the tests that need \
                     PostgreSQL (see .ci/postgres.sh)"
                );
            });
            None
        }
    }
}

/// The test server's certificate (CLAIMDESK_TEST_PG_CA, a PEM file for 127.0.0.1), or
/// `None` when skipped, as [`fresh_db`].
pub fn test_ca() -> Option<String> {
    match std::env::var("CLAIMDESK_TEST_PG_CA") {
        Ok(path) if !path.is_empty() => Some(path),
        _ => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !ci,
                "CI=true but CLAIMDESK_TEST_PG_CA is not set (.ci/postgres.sh)"
            );
            None
        }
    }
}

/// `url` with its database replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let base = format!("{}/{db}", &base[..host_end]);
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// A new, empty database (random name) for this test, or `None` when skipped.
pub fn fresh_db() -> Option<TestDb> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let admin = server()?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!(
        "claimdesk_test_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to CLAIMDESK_TEST_PG ({admin}): {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create the test database");
    Some(TestDb {
        admin,
        name,
        roles: Vec::new(),
    })
}

impl TestDb {
    /// The database's address, connecting as the server's admin role.
    pub fn base(&self) -> String {
        with_database(&self.admin, &self.name)
    }

    /// A shared project's address in this database (as the admin role).
    pub fn url(&self, project: &str) -> String {
        add_param(&self.base(), "project", project)
    }

    /// A shared project's address logging in as `role` (made with [`TestDb::role`]).
    pub fn url_as(&self, role: &str, project: &str) -> String {
        let base = self.base();
        let at = base.find("://").map_or(0, |i| i + 3);
        let rest = &base[at..];
        let host = rest.split_once('@').map_or(rest, |(_, h)| h);
        add_param(&format!("{}{role}@{host}", &base[..at]), "project", project)
    }

    /// A connection as the admin role to this database.
    pub fn admin(&self) -> postgres::Client {
        postgres::Client::connect(&self.base(), postgres::NoTls).expect("connect")
    }

    /// A login role unique to this test (`{prefix}_{n}`), created with `grants` run in
    /// this database (`{role}` in them is replaced by its name). Returns its name.
    pub fn role(&mut self, prefix: &str, grants: &str) -> String {
        let role = format!(
            "{prefix}_{}",
            self.name.trim_start_matches("claimdesk_test_")
        );
        let mut admin = self.admin();
        admin
            .batch_execute(&format!("CREATE ROLE {role} LOGIN"))
            .expect("create role");
        self.roles.push(role.clone());
        admin
            .batch_execute(&grants.replace("{role}", &role))
            .expect("grant");
        role
    }
}

fn add_param(url: &str, key: &str, value: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let value: String = value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{url}{sep}{key}={value}")
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            for role in &self.roles {
                let _ = client.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
            }
        }
    }
}
