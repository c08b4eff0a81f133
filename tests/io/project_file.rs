//! The `.claimdesk` project file: round trips, backups, the version-1 fixture, bad files.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use claimdesk::io::project_file::{
    CURRENT_VERSION, ProjectErrorKind, backup_path, changed_on_disk, file_stamp, load_project,
    open_project, project_from_str, project_to_string, save_project,
};
use claimdesk::model::{ClaimId, ClaimKind, ClaimOrigin, Project, SpeakerId, Status};
use serde_json::{Value, json};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn fixture_text() -> String {
    fs::read_to_string(FIXTURE).expect("the version-1 fixture is committed")
}

fn fixture_value() -> Value {
    serde_json::from_str(&fixture_text()).expect("fixture is JSON")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn version_1_fixture_loads_with_its_claims() {
    let p = load_project(Path::new(FIXTURE)).expect("version-1 file stays loadable");
    assert_eq!(p.name, "Ceasefire coverage");
    assert_eq!(p.settings.organisation, "Example Checks");
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.speakers.len(), 2);
    assert_eq!(p.claims.len(), 4);
    assert_eq!(p.next_id, 9);
    // Every claim's offsets point at its content in its article's text.
    for c in &p.claims {
        let text = &p.article(c.article).unwrap().text;
        assert_eq!(&text[c.start..c.end], c.content, "claim {}", c.id.0);
    }
    let first = p.claim(ClaimId(4)).unwrap();
    assert_eq!(first.content, "We are closer than we have been in weeks");
    assert_eq!(first.kind, ClaimKind::Direct);
    assert_eq!(first.status, Status::Verified);
    assert_eq!(first.history.len(), 2);
    assert_eq!(first.history[1].to, Status::Verified);
    assert_eq!(
        first.evidence[0].url,
        "https://www.state.gov/briefings/2024-03-02"
    );
    assert_eq!(
        p.speaker(first.speaker.unwrap()).unwrap().name,
        "John Kirby"
    );
    let hamas = p.claim(ClaimId(6)).unwrap();
    assert_eq!(hamas.status, Status::Disputed);
    assert_eq!(hamas.origin, ClaimOrigin::Edited);
    assert!(p.speaker(SpeakerId(3)).unwrap().is_body);
    let cafe = p.claim(ClaimId(8)).unwrap();
    assert_eq!(cafe.content, "the rules “protect residents”");
    assert_eq!(cafe.speaker, None);
    assert_eq!(cafe.origin, ClaimOrigin::Manual);
    let a = &p.articles[0];
    assert_eq!(a.source_path.as_deref(), Some("articles/ceasefire.txt"));
    assert_eq!(a.imported_at, Some(1_709_400_000));
    assert_eq!(a.meta.outlet.as_deref(), Some("Example News"));
    let loaded = open_project(Path::new(FIXTURE)).unwrap();
    assert_eq!(
        loaded.migrated_from, None,
        "version 1 is current: no migration"
    );
}

#[test]
fn current_version_writes_the_fixture_byte_for_byte() {
    // Format stability: while version 1 is current, saving the fixture reproduces it exactly.
    // When the version is bumped, this test changes; the loading test above must not.
    assert_eq!(CURRENT_VERSION, 1);
    let p = project_from_str(&fixture_text()).unwrap();
    assert_eq!(project_to_string(&p), fixture_text());
}

#[test]
fn header_comes_first_and_output_is_stable() {
    let p = common::big_project(3, 4, "a");
    let text = project_to_string(&p);
    assert!(
        text.starts_with("{\n  \"format\": \"claimdesk-project\",\n  \"version\": 1,\n"),
        "{}",
        &text[..80]
    );
    assert_eq!(text, project_to_string(&p.clone()));
    assert!(text.ends_with("}\n"));
}

#[test]
fn save_then_load_gives_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.claimdesk");
    let p = common::big_project(40, 20, "round");
    save_project(&path, &p).unwrap();
    let back = load_project(&path).unwrap();
    assert_eq!(back, p);
    assert_eq!(project_from_str(&project_to_string(&p)).unwrap(), p);
    // No backup of a file that did not exist, no temporary left behind.
    assert_eq!(files_in(dir.path()), ["big.claimdesk"]);
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.claimdesk");
    let bak = backup_path(&path);
    assert_eq!(bak, dir.path().join("work.claimdesk.bak"));
    let mut p = common::big_project(2, 3, "v");
    save_project(&path, &p).unwrap();
    let first = fs::read(&path).unwrap();
    p.claims[0].notes = "second save".into();
    save_project(&path, &p).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), first);
    let second = fs::read(&path).unwrap();
    p.claims[0].status = Status::False;
    save_project(&path, &p).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), second);
    assert_eq!(load_project(&path).unwrap(), p);
    assert_eq!(
        load_project(&bak).unwrap().claims[0].notes,
        "second save",
        "the backup is itself a loadable project"
    );
    assert_eq!(
        files_in(dir.path()),
        ["work.claimdesk", "work.claimdesk.bak"]
    );
}

#[test]
fn save_refuses_an_inconsistent_project_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.claimdesk");
    let good = common::big_project(1, 2, "ok");
    save_project(&path, &good).unwrap();
    let before = fs::read(&path).unwrap();
    let mut bad = good.clone();
    bad.claims[0].end = bad.articles[0].text.len() + 10;
    let e = save_project(&path, &bad).unwrap_err();
    assert!(matches!(e.kind, ProjectErrorKind::Write(_)), "{e}");
    assert!(e.to_string().contains("outside"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["p.claimdesk"]);
}

#[test]
fn save_into_a_missing_folder_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("p.claimdesk");
    let e = save_project(&path, &Project::new("p")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with(&path.display().to_string()), "{msg}");
    assert!(msg.contains("cannot save"), "{msg}");
}

#[test]
fn next_id_is_repaired_above_every_id() {
    let mut doc = fixture_value();
    doc["project"]["next_id"] = json!(2);
    let p = project_from_str(&doc.to_string()).unwrap();
    assert_eq!(p.next_id, 9);
}

#[test]
fn stamps_tell_whether_the_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.claimdesk");
    let p = common::big_project(1, 2, "s");
    save_project(&path, &p).unwrap();
    let opened = open_project(&path).unwrap();
    assert_eq!(Some(opened.stamp.clone()), file_stamp(&path));
    assert!(!changed_on_disk(&path, &opened.stamp));
    // Same bytes written again (a touch, a no-op checkout): not a change.
    fs::write(&path, fs::read(&path).unwrap()).unwrap();
    assert!(!changed_on_disk(&path, &opened.stamp));
    // A colleague's save: a change, even with the same length.
    let mut other = p.clone();
    other.claims[0].status = Status::Verified;
    let mut text = project_to_string(&other);
    text.truncate(fs::metadata(&path).unwrap().len() as usize - 1);
    text.push('\n');
    fs::write(&path, text).unwrap();
    assert!(changed_on_disk(&path, &opened.stamp));
    fs::remove_file(&path).unwrap();
    assert!(changed_on_disk(&path, &opened.stamp));
    assert_eq!(file_stamp(&path), None);
}

/// Write `bytes` as a project file, load it, check the error, and check that nothing on
/// disk changed.
fn load_bad(name: &str, bytes: &[u8]) -> (ProjectErrorKind, String) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let e = load_project(&path).expect_err(name);
    assert_eq!(fs::read(&path).unwrap(), bytes, "{name}: file changed");
    assert_eq!(files_in(dir.path()), [name], "{name}: files appeared");
    let msg = e.to_string();
    assert!(
        msg.starts_with(&path.display().to_string()),
        "{name}: message does not name the file: {msg}"
    );
    assert!(!msg.contains('\n'), "{name}: not one line: {msg}");
    (e.kind, msg)
}

fn with(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc = fixture_value();
    f(&mut doc);
    serde_json::to_vec_pretty(&doc).unwrap()
}

#[test]
fn not_json_empty_and_not_utf8() {
    let (k, _) = load_bad("a.claimdesk", b"Ceasefire talks resume\n");
    assert!(
        matches!(k, ProjectErrorKind::NotJson { line: 1, .. }),
        "{k:?}"
    );
    let (k, _) = load_bad("b.claimdesk", b"");
    assert_eq!(k, ProjectErrorKind::Empty);
    let (k, _) = load_bad("c.claimdesk", b"{\"format\": \"claimdesk-pro\xff\"}");
    assert_eq!(k, ProjectErrorKind::NotUtf8);
    let (k, msg) = load_bad("d.claimdesk", b"{\"format\": \"claimdesk-project\", oops}");
    assert!(matches!(k, ProjectErrorKind::NotJson { .. }), "{k:?}");
    assert!(msg.contains("not valid JSON"), "{msg}");
}

#[test]
fn truncated_files_say_so() {
    let text = fixture_text();
    for cut in [1, 40, text.len() / 2, text.len() - 3] {
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let (k, msg) = load_bad("t.claimdesk", &text.as_bytes()[..cut]);
        assert!(
            matches!(k, ProjectErrorKind::Truncated { .. }),
            "cut {cut}: {k:?}"
        );
        assert!(msg.contains("truncated"), "{msg}");
    }
}

#[test]
fn json_of_another_shape_is_not_a_project() {
    for (name, bytes) in [
        ("array.claimdesk", &b"[1, 2, 3]"[..]),
        ("string.claimdesk", b"\"claimdesk-project\""),
        ("object.claimdesk", b"{\"name\": \"x\", \"claims\": []}"),
        (
            "format.claimdesk",
            b"{\"format\": \"other-tool\", \"version\": 1}",
        ),
        (
            "array-header.claimdesk",
            b"[\"claimdesk-project\", 1, {\"name\": \"p\"}]",
        ),
    ] {
        let (k, msg) = load_bad(name, bytes);
        assert!(
            matches!(k, ProjectErrorKind::NotAProject(_)),
            "{name}: {k:?}"
        );
        assert!(msg.contains("not a claimdesk project"), "{msg}");
    }
}

#[test]
fn newer_and_bad_versions() {
    let (k, msg) = load_bad("new.claimdesk", &with(|d| d["version"] = json!(7)));
    assert_eq!(
        k,
        ProjectErrorKind::NewerVersion {
            found: 7,
            supported: 1
        }
    );
    assert!(msg.contains("made by a newer claimdesk"), "{msg}");
    for v in [json!(null), json!("1"), json!(-1), json!(1.5), json!(0)] {
        let (k, _) = load_bad("v.claimdesk", &with(|d| d["version"] = v.clone()));
        assert!(matches!(k, ProjectErrorKind::BadVersion(_)), "{v}: {k:?}");
    }
    let (k, _) = load_bad(
        "none.claimdesk",
        &with(|d| {
            d.as_object_mut().unwrap().remove("version");
        }),
    );
    assert!(matches!(k, ProjectErrorKind::BadVersion(_)), "{k:?}");
}

#[test]
fn wrong_field_types_are_damage() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "status",
            with(|d| d["project"]["claims"][0]["status"] = json!("maybe")),
        ),
        (
            "offset",
            with(|d| d["project"]["claims"][0]["start"] = json!(-5)),
        ),
        ("claims", with(|d| d["project"]["claims"] = json!({}))),
        (
            "no-project",
            with(|d| {
                d.as_object_mut().unwrap().remove("project");
            }),
        ),
        (
            "no-text",
            with(|d| {
                d["project"]["articles"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("text");
            }),
        ),
    ];
    for (name, bytes) in cases {
        let (k, msg) = load_bad(&format!("{name}.claimdesk"), &bytes);
        assert!(
            matches!(k, ProjectErrorKind::WrongShape(_)),
            "{name}: {k:?}"
        );
        assert!(msg.contains("is damaged"), "{msg}");
    }
}

#[test]
fn inconsistent_projects_are_refused() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "end-outside",
            with(|d| d["project"]["claims"][1]["end"] = json!(10_000)),
            "outside its article's text",
        ),
        (
            "start-after-end",
            with(|d| d["project"]["claims"][1]["start"] = json!(194)),
            "after its end",
        ),
        (
            // Byte 42 of the café article is inside the ’ of "mayor’s".
            "mention-in-char",
            with(|d| d["project"]["claims"][3]["mention_span"] = json!([32, 42])),
            "inside a character",
        ),
        (
            "content-in-char",
            with(|d| d["project"]["claims"][3]["end"] = json!(89)),
            "inside a character",
        ),
        (
            "no-article",
            with(|d| d["project"]["claims"][0]["article"] = json!(99)),
            "article 99, which is not in the project",
        ),
        (
            "no-speaker",
            with(|d| d["project"]["claims"][0]["speaker"] = json!(42)),
            "speaker 42, who is not in the project",
        ),
        (
            "duplicate-claim",
            with(|d| d["project"]["claims"][1]["id"] = json!(4)),
            "two claims have the id 4",
        ),
        (
            "duplicate-article",
            with(|d| d["project"]["articles"][1]["id"] = json!(1)),
            "two articles have the id 1",
        ),
    ];
    for (name, bytes, expected) in cases {
        let (k, msg) = load_bad(&format!("{name}.claimdesk"), &bytes);
        assert!(matches!(k, ProjectErrorKind::Invalid(_)), "{name}: {k:?}");
        assert!(msg.contains(expected), "{name}: {msg}");
    }
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.claimdesk");
    // A sparse 1 GB file: refused from its size, never read into memory.
    let f = fs::File::create(&path).unwrap();
    f.set_len(1024 * 1024 * 1024).unwrap();
    drop(f);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let e = load_project(&path).unwrap_err();
    assert!(
        matches!(e.kind, ProjectErrorKind::TooLarge { .. }),
        "{:?}",
        e.kind
    );
    assert!(e.to_string().contains("1024 MB"), "{e}");
    assert!(e.to_string().contains("larger than 512 MB"), "{e}");
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(meta.len(), 1024 * 1024 * 1024);
    assert_eq!(meta.modified().unwrap(), modified);
}

#[test]
fn missing_files_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let e = load_project(&dir.path().join("nope.claimdesk")).unwrap_err();
    assert_eq!(e.kind, ProjectErrorKind::NotFound);
    assert!(
        e.to_string().ends_with("nope.claimdesk: no such file"),
        "{e}"
    );
    let e = load_project(dir.path()).unwrap_err();
    assert_eq!(e.kind, ProjectErrorKind::IsDirectory);
}

#[test]
fn errors_without_a_file_say_project() {
    let e = project_from_str("[]").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("project: is not a claimdesk project"),
        "{e}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture_text());
    assert_eq!(project_from_str(&text).unwrap().claims.len(), 4);
}
