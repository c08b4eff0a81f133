//! Passwords for a shared project's server (docs/shared-projects.md): a role that must log
//! in with a password (SCRAM; .ci/postgres.sh puts members of `claimdesk_password_users`
//! before its trust rules) gets it from `PGPASSWORD` or the password file; without one and
//! without a terminal the CLI fails with one line naming the address, never the password.
//! Against the server of `CLAIMDESK_TEST_PG` (tests/pg_support).

mod common;
mod pg_support;

use std::process::{Command, Stdio};

use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui::Key;
use egui_kittest::kittest::Queryable;
use pg_support::{ANALYST, shared_fixture};

const SECRET: &str = "pw-Secret-7e3";

/// A role of this test that needs `SECRET` to log in.
fn password_role(db: &mut pg_support::TestDb) -> String {
    password_role_with(db, "pw", SECRET)
}

/// A role of this test (named from `prefix`) that needs `secret` to log in.
fn password_role_with(db: &mut pg_support::TestDb, prefix: &str, secret: &str) -> String {
    let role = db.role(prefix, ANALYST);
    let mut admin = db.admin();
    admin
        .batch_execute(
            // Two tests may create it at once: the loser sees a unique violation.
            "DO $$ BEGIN CREATE ROLE claimdesk_password_users NOLOGIN;
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
        )
        .expect("group");
    admin
        .batch_execute(&format!(
            "ALTER ROLE {role} PASSWORD '{secret}'; GRANT claimdesk_password_users TO {role}"
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

/// Issue 31 (M3): a password holding `/`, `?`, `@`, `:` and `&` works in the URL, raw or
/// percent-encoded, and no message shows it in any spelling: a refused one, an unreachable
/// server, an address naming no project.
#[test]
fn a_password_with_url_delimiters_works_and_is_never_shown_in_any_spelling() {
    const DELIMITED: &str = "pa/ss?w@rd:&Z9";
    const ENCODED: &str = "pa%2Fss%3Fw%40rd%3A%26Z9";
    const WRONG: &str = "wr/ng?x@y:&z";
    const WRONG_ENCODED: &str = "wr%2Fng%3Fx%40y%3A%26z";
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let role = password_role_with(&mut db, "pwd", DELIMITED);
    let url = db.url_as(&role, "Desk");
    let home = tempfile::tempdir().unwrap();
    let with = |pw: &str| url.replacen(&format!("{role}@"), &format!("{role}:{pw}@"), 1);
    let hidden = |text: &str| {
        for f in [
            DELIMITED,
            ENCODED,
            WRONG,
            WRONG_ENCODED,
            "pa/ss",
            "ss?w",
            "w@rd",
            "rd:&",
            "&Z9",
            "%2Fss",
            "wr/ng",
            "ng?x",
            "x@y",
            "%2Fng",
        ] {
            assert!(!text.contains(f), "{f:?} shown in {text:?}");
        }
    };
    for pw in [DELIMITED, ENCODED] {
        let out = export(&with(pw), &[], home.path());
        assert!(out.status.success(), "{pw}: {}", common::stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("\"claims\""));
    }
    let port = url.split(':').nth(2).unwrap().split('/').next().unwrap();
    for pw in [WRONG, WRONG_ENCODED] {
        let out = export(&with(pw), &[], home.path());
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("password authentication failed"), "{err}");
        assert!(err.contains(&format!("{role}:***@127.0.0.1")), "{err}");
        hidden(&err);
    }
    for pw in [DELIMITED, ENCODED, WRONG] {
        let unreachable = with(pw).replace(&format!(":{port}/"), ":1/");
        let err = common::stderr(&export(&unreachable, &[], home.path()));
        assert!(err.contains("cannot connect"), "{err}");
        hidden(&err);
        let no_project = with(pw).replace("&project=Desk", "");
        let err = common::stderr(&export(&no_project, &[], home.path()));
        assert!(err.contains("?project=NAME"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        hidden(&err);
    }
}

/// The window on `url` (kittest), journals in `journal`.
fn window(url: &str, journal: &std::path::Path) -> egui_kittest::Harness<'static, ClaimdeskApp> {
    let files = vec![std::path::PathBuf::from(url)];
    let journal_dir = Some(journal.to_path_buf());
    egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(30)
        .build_eframe(move |cc| {
            ClaimdeskApp::new(
                cc,
                AppOptions {
                    files,
                    sample_on_first_run: false,
                    recovery: false,
                    journal_dir,
                    system_clipboard: false,
                },
            )
        })
}

fn wait(
    h: &mut egui_kittest::Harness<'static, ClaimdeskApp>,
    done: impl Fn(&ClaimdeskApp) -> bool,
) {
    let started = std::time::Instant::now();
    while !done(h.state()) {
        assert!(started.elapsed().as_secs() < 20, "timed out");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
}

#[test]
fn the_window_asks_for_a_password_masked_keeps_it_in_memory_and_esc_cancels() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let role = password_role(&mut db);
    let url = db.url_as(&role, "Desk");
    let dir = tempfile::tempdir().unwrap();
    // No password from the environment in this process (the other test here only runs
    // child processes with their own environment).
    unsafe {
        std::env::remove_var("PGPASSWORD");
        std::env::set_var("PGPASSFILE", dir.path().join("none"));
    }
    let mut h = window(&url, dir.path());
    wait(&mut h, |app| app.dialogs.password.is_some());
    assert!(
        h.query_by_label_contains("The server asks for a password")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&format!("{role}@127.0.0.1"))
            .is_some()
    );
    // A wrong one first: asked again, saying so.
    h.event(egui::Event::Text("wrong-Guess-9".into()));
    h.key_press(Key::Enter);
    h.run();
    wait(&mut h, |app| {
        app.dialogs
            .password
            .as_ref()
            .is_some_and(|p| p.why.contains("refused"))
    });
    h.event(egui::Event::Text(SECRET.into()));
    h.run();
    let typed = h.query_by_label_contains(SECRET).is_none();
    assert!(typed, "the password is masked");
    h.key_press(Key::Enter);
    h.run();
    wait(&mut h, |app| {
        app.shared.as_ref().is_some_and(|s| s.access.is_some())
    });
    assert_eq!(h.state().doc.project.claims.len(), 4);
    // An edit goes through the journal: the password is in no file claimdesk wrote.
    h.key_press(Key::F);
    h.run();
    wait(&mut h, |app| {
        app.shared
            .as_ref()
            .is_some_and(|s| s.status.sent == 1 && s.status.pending == 0)
    });
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(SECRET),
            "{} holds the password",
            entry.display()
        );
    }
    assert!(
        h.state()
            .recent
            .iter()
            .all(|p| !p.to_string_lossy().contains(SECRET))
    );
    let message = h.state().message.clone().unwrap_or_default();
    assert!(!message.contains(SECRET), "{message}");
    drop(h);

    // Esc cancels: nothing opened, said so.
    let mut h = window(&url, dir.path());
    wait(&mut h, |app| app.dialogs.password.is_some());
    h.key_press(Key::Escape);
    h.run();
    let (s, p) = (
        h.state().shared.is_none(),
        h.state().dialogs.password.is_none(),
    );
    assert!(s && p, "closed: {s} {p}: {:?}", h.state().message);
    let message = h.state().message.clone().unwrap_or_default();
    assert!(
        message.starts_with("Not opened: no password given for"),
        "{message}"
    );
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
