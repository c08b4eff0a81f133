//! Issue 9: one writer at a time, exports that never replace a project, unknown keys kept,
//! backups and temporaries that follow no link, ids that never wrap. The real binary runs
//! where the behaviour is the command's.

use crate::common;

use common::{claimdesk, stderr};

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk::io::project_file::{
    LOCK_WAIT, ProjectErrorKind, ProjectLock, load_project, lock_path, project_to_string,
    save_project,
};
use claimdesk::model::Project;
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn article(dir: &Path, name: &str, n: usize) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "Council meets on budget {n}\n\n“We will fix {n} roads this year,” Mayor Ann Lee \
             said on Monday.\nThe treasurer said the plan would cost {n} million.\n"
        ),
    )
    .unwrap();
    path
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Two imports into one project at the same moment: each either succeeds with its article
/// in the final file, or fails with a non-zero exit. Never "imported" and then lost.
#[test]
fn concurrent_imports_never_lose_an_acknowledged_article() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("shared.claimdesk");
    let seed = article(dir.path(), "seed.txt", 0);
    assert!(claimdesk(&[&"import", &project, &seed]).status.success());
    for round in 0..4 {
        let a = article(dir.path(), &format!("a{round}.txt"), 100 + round);
        let b = article(dir.path(), &format!("b{round}.txt"), 200 + round);
        let spawn = |file: &Path| {
            Command::new(env!("CARGO_BIN_EXE_claimdesk"))
                .args(["import".as_ref(), project.as_os_str(), file.as_os_str()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            pa.wait_with_output().unwrap(),
            pb.wait_with_output().unwrap(),
        );
        let p = load_project(&project).unwrap();
        for (out, file) in [(&oa, &a), (&ob, &b)] {
            let present = p
                .articles
                .iter()
                .any(|x| x.source_path.as_deref() == Some(&*file.display().to_string()));
            if out.status.success() {
                assert!(
                    present,
                    "round {round}: {} acknowledged, then lost",
                    file.display()
                );
            } else {
                assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
                assert!(stderr(out).contains("another claimdesk"), "{}", stderr(out));
            }
        }
    }
    // Nothing left beside the project but its backup and the articles.
    let leftovers: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| !n.ends_with(".txt"))
        .collect();
    assert_eq!(leftovers, ["shared.claimdesk", "shared.claimdesk.bak"]);
}

/// A project locked by another process: a writer gives up after the bounded wait with a
/// one-line message, exit code 1, and the file unchanged.
#[test]
fn a_held_lock_makes_import_fail_clearly_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("busy.claimdesk");
    fs::copy(FIXTURE, &project).unwrap();
    let before = fs::read(&project).unwrap();
    let lock = ProjectLock::acquire(&project).unwrap();
    assert!(lock_path(&project).exists());
    let file = article(dir.path(), "late.txt", 1);
    let started = Instant::now();
    let out = claimdesk(&[&"import", &project, &file]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("busy.claimdesk: is being changed by another claimdesk"),
        "{err}"
    );
    assert!(
        took >= LOCK_WAIT,
        "it waited for the other writer first ({took:?})"
    );
    assert!(took < LOCK_WAIT + Duration::from_secs(20), "{took:?}");
    assert_eq!(fs::read(&project).unwrap(), before);
    // The window's save (save_project) takes the same lock.
    let p = load_project(&project).unwrap();
    let e = save_project(&project, &p).unwrap_err();
    assert!(matches!(e.kind, ProjectErrorKind::Locked { .. }), "{e}");
    drop(lock);
    assert!(
        !lock_path(&project).exists(),
        "a released lock leaves no file"
    );
    let out = claimdesk(&[&"import", &project, &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A save that waits for another writer (the window's save while an import runs) goes
/// through once the lock is free; whether it may overwrite is decided on the file as it
/// was when the save began (unit test in src/io/project_file.rs).
#[test]
fn a_save_waits_for_the_lock_then_goes_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.claimdesk");
    fs::copy(FIXTURE, &path).unwrap();
    let mut mine = load_project(&path).unwrap();
    mine.name = "Saved after waiting".into();
    let lock = ProjectLock::acquire(&path).unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(lock);
    });
    let started = Instant::now();
    save_project(&path, &mine).unwrap();
    assert!(started.elapsed() >= Duration::from_millis(250));
    releaser.join().unwrap();
    assert_eq!(load_project(&path).unwrap().name, mine.name);
}

#[test]
fn export_never_replaces_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.claimdesk");
    fs::copy(FIXTURE, &project).unwrap();
    let before = fs::read(&project).unwrap();
    // By extension: the project itself, or a new file named like a project.
    for target in [project.clone(), dir.path().join("new.CLAIMDESK")] {
        let out = claimdesk(&[&"export", &project, &"--format", &"csv", &"-o", &target]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("is a claimdesk project"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
    }
    assert!(!dir.path().join("new.CLAIMDESK").exists());
    // By content: a project under another name.
    let renamed = dir.path().join("copy.json");
    fs::copy(FIXTURE, &renamed).unwrap();
    let out = claimdesk(&[&"export", &project, &"-o", &renamed]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(fs::read(&renamed).unwrap(), before);
    assert_eq!(fs::read(&project).unwrap(), before);
    // A real export target is written atomically: the file and nothing else.
    let csv = dir.path().join("claims.csv");
    let out = claimdesk(&[&"export", &project, &"--format", &"csv", &"-o", &csv]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names_in(dir.path()),
        ["claims.csv", "copy.json", "p.claimdesk"]
    );
}

#[test]
fn a_project_is_not_imported_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.claimdesk");
    fs::copy(FIXTURE, &project).unwrap();
    let before = fs::read(&project).unwrap();
    let out = claimdesk(&[&"import", &project, &project]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("is a claimdesk project, not an article"),
        "{err}"
    );
    assert_eq!(fs::read(&project).unwrap(), before);
    let out = claimdesk(&[&"extract", &project]);
    assert_eq!(out.status.code(), Some(1));
}

/// The fixture's text with `insert` put after the first line that contains `after`.
fn insert_after(text: &str, after: &str, insert: &str) -> String {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("{after} in the fixture"));
    let end = at + text[at..].find('\n').unwrap() + 1;
    format!("{}{insert}\n{}", &text[..end], &text[end..])
}

/// Keys a newer claimdesk wrote, at every level, survive load and save, in place.
#[test]
fn unknown_keys_at_every_level_survive_a_save() {
    let mut text = fs::read_to_string(FIXTURE).unwrap();
    // Values with their own inner order and spelling, kept as written.
    text = insert_after(
        &text,
        "\"version\": 1,",
        r#"  "workspace": {"z": 1, "a": [true, null]},"#,
    );
    text = insert_after(
        &text,
        "\"name\": \"Ceasefire coverage\",",
        r#"    "team": "desk-2","#,
    );
    text = insert_after(
        &text,
        "\"organisation\": \"Example Checks\",",
        r#"      "locale": "en-GB","#,
    );
    text = insert_after(&text, "\"id\": 1,", r#"        "paywall": true,"#);
    text = insert_after(&text, "\"id\": 7,", r#"        "section": "World","#);
    text = insert_after(&text, "\"id\": 2,", r#"        "wikidata": "Q6252591","#);
    text = insert_after(&text, "\"id\": 4,", r#"        "assignee": "ana","#);
    text = insert_after(
        &text,
        "\"id\": 8,",
        r#"        "review": {"b": 2.50, "a": "x\u0041"},"#,
    );
    let doc: Value = serde_json::from_str(&text).expect("the test file is JSON");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.claimdesk");
    fs::write(&path, &text).unwrap();
    let project = load_project(&path).unwrap();
    save_project(&path, &project).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    let back: Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, doc, "every key, known or not, is kept with its value");
    // Unknown values are written exactly as they were read.
    for raw in [
        r#""workspace": {"z": 1, "a": [true, null]}"#,
        r#""review": {"b": 2.50, "a": "x\u0041"}"#,
        r#""assignee": "ana""#,
        r#""wikidata": "Q6252591""#,
    ] {
        assert!(saved.contains(raw), "{raw} in\n{saved}");
    }
    // Saving again changes nothing.
    save_project(&path, &load_project(&path).unwrap()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), saved);
    // And a change keeps them too: the CLI's import of another article.
    let file = article(dir.path(), "more.txt", 3);
    let out = claimdesk(&[&"import", &path, &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(after["workspace"], doc["workspace"]);
    assert_eq!(after["project"]["team"], "desk-2");
    assert_eq!(after["project"]["claims"][0]["assignee"], "ana");
    assert_eq!(after["project"]["settings"]["locale"], "en-GB");
    assert_eq!(after["project"]["articles"][1]["section"], "World");
}

#[test]
fn the_fixture_still_saves_byte_for_byte() {
    let text = fs::read_to_string(FIXTURE).unwrap();
    let p = load_project(Path::new(FIXTURE)).unwrap();
    assert_eq!(project_to_string(&p), text);
}

/// A link planted at the backup path is replaced, never written through; temporaries a
/// killed save left are gone after the next save.
#[cfg(unix)]
#[test]
fn backups_follow_no_link_and_leftovers_are_removed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "private").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).unwrap();
    let path = dir.path().join("p.claimdesk");
    fs::copy(FIXTURE, &path).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("p.claimdesk.bak")).unwrap();
    let pid = std::process::id();
    std::os::unix::fs::symlink(
        &secret,
        dir.path().join(format!(".p.claimdesk.bak.tmp-{pid}-1")),
    )
    .unwrap();
    fs::write(dir.path().join(".p.claimdesk.tmp-12345-0"), "half a save").unwrap();
    let p = load_project(&path).unwrap();
    save_project(&path, &p).unwrap();
    assert_eq!(fs::read_to_string(&secret).unwrap(), "private");
    let mode = fs::metadata(&secret).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        fs::symlink_metadata(dir.path().join("p.claimdesk.bak"))
            .unwrap()
            .is_file()
    );
    assert_eq!(
        names_in(dir.path()),
        ["p.claimdesk", "p.claimdesk.bak", "secret.txt"]
    );
}

/// A project path that is a symbolic link: the file it points to is locked, loaded and
/// replaced atomically, and the link stays; a link to nothing is refused.
#[cfg(unix)]
#[test]
fn a_project_path_that_is_a_link_saves_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("case.claimdesk");
    fs::copy(FIXTURE, &real).unwrap();
    let link = dir.path().join("case.claimdesk");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let file = article(dir.path(), "new.txt", 4);
    let out = claimdesk(&[&"import", &link, &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_project(&real).unwrap().articles.len(), 3);
    assert!(
        real_dir.join("case.claimdesk.bak").exists(),
        "backup beside the target"
    );

    let dangling = dir.path().join("gone.claimdesk");
    std::os::unix::fs::symlink(dir.path().join("nowhere.claimdesk"), &dangling).unwrap();
    let out = claimdesk(&[&"import", &dangling, &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!dir.path().join("nowhere.claimdesk").exists());
}

/// Ids at the top of the range: import refuses clearly instead of wrapping around.
#[test]
fn exhausted_ids_are_refused_not_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.claimdesk");
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"next_id\": 9", &format!("\"next_id\": {}", u64::MAX));
    fs::write(&path, &text).unwrap();
    let file = article(dir.path(), "a.txt", 5);
    for _ in 0..2 {
        let out = claimdesk(&[&"import", &path, &file]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("no ids left"), "{err}");
        assert!(!err.contains("two speakers"), "{err}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// A new project that cannot be created says so, without claiming a file was kept.
#[test]
fn a_new_project_that_cannot_be_written_says_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("new.claimdesk");
    let e = save_project(&path, &Project::new("new")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("none was written"), "{msg}");
    assert!(!msg.contains("unchanged"), "{msg}");
    // A read-only folder (where permissions bind: not for root).
    #[cfg(unix)]
    if unsafe_is_root() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        let file = article(dir.path(), "a.txt", 6);
        let out = claimdesk(&[&"import", &ro.join("p.claimdesk"), &file]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("none was written"), "{err}");
        assert!(!err.contains("unchanged"), "{err}");
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(unix)]
fn unsafe_is_root() -> bool {
    // Root writes into read-only folders anyway; `id -u` tells without unsafe code.
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
