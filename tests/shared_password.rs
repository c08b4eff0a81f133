//! Passwords for a shared project's server (docs/shared-projects.md): a role that must log
//! in with a password (SCRAM; .ci/postgres.sh puts members of `claimdesk_password_users`
//! before its trust rules) gets it from `PGPASSWORD` or the password file; without one and
//! without a terminal the CLI fails with one line naming the address, never the password.
//! Against the server of `CLAIMDESK_TEST_PG` (tests/pg_support).

mod common;
mod pg_support;

use std::process::{Command, Stdio};

use pg_support::{ANALYST, shared_fixture};

const SECRET: &str = "pw-Secret-7e3";

/// A role of this test that needs `SECRET` to log in.
fn password_role(db: &mut pg_support::TestDb) -> String {
    let role = db.role("pw", ANALYST);
    let mut admin = db.admin();
    admin
        .batch_execute(
            "DO $$ BEGIN CREATE ROLE claimdesk_password_users NOLOGIN;
             EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        )
        .expect("group");
    admin
        .batch_execute(&format!(
            "ALTER ROLE {role} PASSWORD '{SECRET}'; GRANT claimdesk_password_users TO {role}"
        ))
        .expect("password");
    role
}

/// `claimdesk export URL --format json` with stdin not a terminal and only `env` for
/// passwords (no ~/.pgpass of the machine's user).
fn export(url: &str, env: &[(&str, &str)], home: &std::path::Path) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
    cmd.args(["export", url, "--format", "json"])
        .stdin(Stdio::null())
        .env_remove("PGPASSWORD")
        .env("HOME", home)
        .env("PGPASSFILE", home.join("none"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run claimdesk")
}

#[test]
fn a_password_comes_from_pgpassword_or_the_password_file_and_is_never_shown() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let role = password_role(&mut db);
    let url = db.url_as(&role, "Desk");
    let home = tempfile::tempdir().unwrap();

    // None given, no terminal: one line naming the address (and its user), exit code 1.
    let out = export(&url, &[], home.path());
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&format!("{role}@127.0.0.1")), "{err}");
    assert!(err.contains("asks for a password"), "{err}");

    // PGPASSWORD.
    let out = export(&url, &[("PGPASSWORD", SECRET)], home.path());
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"claims\""));

    // The password file (PGPASSFILE), libpq's format.
    let port = url.split(':').nth(2).unwrap().split('/').next().unwrap();
    let file = home.path().join("pgpass");
    std::fs::write(
        &file,
        format!("127.0.0.1:{port}:{}:{role}:{SECRET}\n", db.name),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let out = export(&url, &[("PGPASSFILE", f)], home.path());
    assert!(out.status.success(), "{}", common::stderr(&out));

    // A wrong one is refused without being shown.
    let out = export(&url, &[("PGPASSWORD", "wrong-Guess-9")], home.path());
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("password authentication failed"), "{err}");
    assert!(
        !err.contains("wrong-Guess-9") && !err.contains(SECRET),
        "{err}"
    );
    // In the URL: shown as ***.
    let with = url.replacen(&format!("{role}@"), &format!("{role}:wrong-Guess-9@"), 1);
    let err = common::stderr(&export(&with, &[], home.path()));
    assert!(
        err.contains(&format!("{role}:***@")) && !err.contains("wrong-Guess-9"),
        "{err}"
    );
}
