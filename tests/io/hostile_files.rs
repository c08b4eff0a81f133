//! Issue 31 (hostile files): exports into FIFOs and the process's own output, projects
//! recognised wherever their format key stands, the sibling files of a save (a folder at
//! the backup, a name near the limit, a file of the analyst's own at the lock), `import -`
//! and the lock, and the claim library under hostile input: one huge word, one review of
//! 100,000 words, FIFOs and oversized files in its folder, searches during adds.

use crate::common;

use common::{claimdesk, claimdesk_within, mkfifo, spawn, stderr, wait_within};

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Far more than the fixed code needs; the old code took minutes or blocked for ever.
const LIMIT: Duration = Duration::from_secs(30);

use claimdesk::io::library::{self, Library};
use claimdesk::io::project_file::{
    ProjectLock, backup_path, load_project, lock_path, save_project,
};
use claimdesk::model::Project;
use serde_json::{Value, json};

const ARTICLE: &str = "Bridge to reopen in spring\n\n\
“We will rebuild the bridge by April,” Mayor Jane Smith told reporters on Tuesday.\n\
According to the transport ministry, the repairs will cost 4 million euros.\n";

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

fn saved_project(dir: &Path) -> PathBuf {
    let article = dir.join("article.txt");
    fs::write(&article, ARTICLE).unwrap();
    let project = dir.join("case.claimdesk");
    let out = claimdesk(&[&"import", &project, &article]);
    assert!(out.status.success(), "{}", stderr(&out));
    project
}

/// H3: an export onto a FIFO is written into it (its reader gets the bytes) and the FIFO
/// stays a FIFO; `/dev/fd/1` is the process's own output, never replaced.
#[cfg(unix)]
#[test]
fn exports_write_into_fifos_and_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_project(dir.path());
    let expected = claimdesk(&[&"export", &project, &"--format", &"csv"]);
    assert!(expected.status.success(), "{}", stderr(&expected));

    let fifo = dir.path().join("out.csv");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_end(&mut got)
                .unwrap();
            got
        })
    };
    let out = claimdesk_within(
        &[&"export", &project, &"--format", &"csv", &"-o", &fifo],
        LIMIT,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Checked first: had the FIFO been replaced, its reader would wait for ever.
    assert!(is_fifo(&fifo), "the FIFO was replaced by a file");
    assert_eq!(reader.join().unwrap(), expected.stdout);
    assert!(
        fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-")),
        "no temporary left"
    );

    let out = claimdesk(&[
        &"export",
        &project,
        &"--format",
        &"csv",
        &"-o",
        &"/dev/fd/1",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, expected.stdout);
}

/// M5: a project whose `"format"` key comes after its first KiB (valid: the loader finds
/// it anywhere) is never overwritten by an export.
#[test]
fn an_export_never_replaces_a_project_with_a_late_format_key() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_project(dir.path());
    let doc: Value = serde_json::from_str(&fs::read_to_string(&project).unwrap()).unwrap();
    let text = format!(
        "{{\"padding\": \"{}\", \"project\": {}, \"version\": 1, \"format\": \"claimdesk-project\"}}",
        "x".repeat(4096),
        doc["project"]
    );
    assert!(text.find("\"format\"").unwrap() > 4096);
    let target = dir.path().join("notes.json");
    fs::write(&target, &text).unwrap();
    assert_eq!(load_project(&target).unwrap().articles.len(), 1);
    let out = claimdesk(&[&"export", &project, &"-o", &target]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a claimdesk project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), text);
}

/// Low: a folder at `NAME.claimdesk.bak` is named in the error, and the project is left
/// as it was.
#[test]
fn a_folder_at_the_backup_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_project(dir.path());
    let before = fs::read(&project).unwrap();
    let bak = backup_path(&project);
    let _ = fs::remove_file(&bak);
    fs::create_dir(&bak).unwrap();
    fs::write(bak.join("keep"), b"x").unwrap();
    let more = dir.path().join("more.txt");
    fs::write(&more, ARTICLE.replace("April", "May")).unwrap();
    let out = claimdesk(&[&"import", &project, &more]);
    assert_eq!(out.status.code(), Some(1));
    let line = stderr(&out);
    assert!(
        line.contains(&bak.display().to_string()) && line.contains("folder"),
        "{line}"
    );
    assert_eq!(fs::read(&project).unwrap(), before);
}

/// Low: a project whose name leaves no room for the temporaries' suffix (246 bytes) is
/// imported into, saved again (with a backup) and opened.
#[test]
fn a_246_byte_project_name_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let name = format!("{}.claimdesk", "n".repeat(236));
    assert_eq!(name.len(), 246);
    let project = dir.path().join(&name);
    for text in [ARTICLE, &ARTICLE.replace("April", "May")] {
        fs::write(&article, text).unwrap();
        let out = claimdesk(&[&"import", &project, &article]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(load_project(&project).unwrap().articles.len(), 2);
    assert_eq!(
        load_project(&backup_path(&project)).unwrap().articles.len(),
        1
    );
    let left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Low: a file of the analyst's own at `NAME.claimdesk.lock` is never deleted.
#[test]
fn a_users_file_at_the_lock_path_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_project(dir.path());
    let theirs = lock_path(&project);
    fs::write(&theirs, "my own notes\n").unwrap();
    let more = dir.path().join("more.txt");
    fs::write(&more, ARTICLE.replace("April", "May")).unwrap();
    let out = claimdesk(&[&"import", &project, &more]);
    assert!(out.status.success(), "{}", stderr(&out));
    save_project(&project, &load_project(&project).unwrap()).unwrap();
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "my own notes\n");
}

/// Low: `import -` reads standard input before it locks the project: a save by someone
/// else goes through while the pipe is still open.
#[test]
fn import_from_standard_input_does_not_hold_the_lock_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.claimdesk");
    save_project(&project, &Project::new("p")).unwrap();
    let mut child = spawn(&[&"import", &project, &"-"], Stdio::piped());
    // Give it time to start reading (the old code took the lock first).
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1) && !lock_path(&project).exists() {
        std::thread::sleep(Duration::from_millis(20));
    }
    let taken = ProjectLock::acquire_within(&project, Duration::from_millis(200));
    assert!(taken.is_ok(), "{:?}", taken.err());
    drop(taken);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(ARTICLE.as_bytes()).unwrap();
    drop(stdin);
    let out = wait_within(child, LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(load_project(&project).unwrap().articles.len(), 1);
}

fn review(url: &str, claim: &str) -> Value {
    json!({
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "name": format!("Fact check: {claim}"),
        "reviewRating": {"alternateName": "False"}
    })
}

fn reviews_file(dir: &Path, name: &str, reviews: &[Value]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, serde_json::to_vec(reviews).unwrap()).unwrap();
    path
}

fn small_library(dir: &Path) -> PathBuf {
    let file = reviews_file(
        dir,
        "r.json",
        &[
            review(
                "https://a.example/shark",
                "A shark swims on a flooded highway",
            ),
            review("https://a.example/moon", "The moon landing was staged"),
        ],
    );
    let lib = dir.join("lib");
    library::add_files(&lib, &[file]).unwrap();
    lib
}

/// H4: one 8,000-letter word (28 s before, about n^2.7) is searched at once.
#[test]
fn a_search_of_one_huge_word_is_quick() {
    let dir = tempfile::tempdir().unwrap();
    let lib = small_library(dir.path());
    let word: String = "sharkmoon".repeat(900).chars().take(8000).collect();
    let out = claimdesk_within(&[&"library", &"search", &lib, &word], LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["query"].as_str().unwrap().len(), 8000);
}

/// M1: one review of 100,000 distinct words is added at once (13 s before, quadratic in
/// the index), its claim capped.
#[test]
fn a_review_of_a_hundred_thousand_words_is_added_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let words: Vec<String> = (0..100_000).map(|i| format!("w{i}x")).collect();
    let claim = format!("Zebras vote {}", words.join(" "));
    let file = reviews_file(
        dir.path(),
        "big.json",
        &[review("https://a.example/big", &claim)],
    );
    let lib = dir.path().join("lib");
    let out = claimdesk_within(&[&"library", &"add", &lib, &file], LIMIT);
    assert!(out.status.success(), "{}", stderr(&out));
    let opened = Library::open(&lib).unwrap();
    let stored = &opened.reviews()[0].claim_reviewed;
    assert!(stored.chars().count() <= library::MAX_CLAIM_CHARS);
    assert!(stored.starts_with("Zebras vote w0x w1x"));
    let hits = opened.search("zebras vote", 1);
    assert_eq!(hits[0].review.url, "https://a.example/big");
}

/// M6: a FIFO at any file of the library folder, or as a file to add, is refused at once
/// (it used to block for ever); a data file larger than the manifest says is refused from
/// its size, never read (a sparse 5 GB file here).
#[cfg(unix)]
#[test]
fn fifos_and_oversized_files_in_a_library_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let lib = small_library(dir.path());
    let manifest: Value =
        serde_json::from_slice(&fs::read(lib.join("library.json")).unwrap()).unwrap();
    let reviews = lib.join(manifest["reviews"]["file"].as_str().unwrap());
    let index = lib.join(manifest["index"]["file"].as_str().unwrap());
    let input = dir.path().join("input.json");
    mkfifo(&input);
    refused_at_once(&[&"library", &"add", &lib, &input], "not a regular file");
    for file in [lib.join("library.json"), reviews.clone(), index] {
        let kept = dir.path().join("kept");
        fs::rename(&file, &kept).unwrap();
        mkfifo(&file);
        refused_at_once(
            &[&"library", &"search", &lib, &"moon"],
            "not a regular file",
        );
        fs::remove_file(&file).unwrap();
        fs::rename(&kept, &file).unwrap();
    }
    fs::File::options()
        .write(true)
        .open(&reviews)
        .unwrap()
        .set_len(5 << 30)
        .unwrap();
    refused_at_once(&[&"library", &"search", &lib, &"moon"], "damaged");
}

/// Run claimdesk with `args`: it must end within [`LIMIT`] with exit code 1 and a message
/// that says `says`.
fn refused_at_once(args: &[&dyn AsRef<std::ffi::OsStr>], says: &str) {
    let out = claimdesk_within(args, LIMIT);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(says), "{}", stderr(&out));
}

/// M7: searches while adds commit one after another never fail: each reads the last
/// committed generation, without waiting for the adds' lock.
#[test]
fn searches_during_adds_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    let lib = small_library(dir.path());
    let adder = {
        let (dir, lib) = (dir.path().to_path_buf(), lib.clone());
        std::thread::spawn(move || {
            for i in 0..30 {
                let reviews: Vec<Value> = (0..50)
                    .map(|j| {
                        review(
                            &format!("https://b.example/{i}/{j}"),
                            &format!("claim {i} {j}"),
                        )
                    })
                    .collect();
                let file = reviews_file(&dir, &format!("add{i}.json"), &reviews);
                library::add_files(&lib, &[file]).unwrap();
            }
        })
    };
    let mut opened = 0;
    while !adder.is_finished() {
        let library = Library::open(&lib).unwrap_or_else(|e| panic!("after {opened}: {e}"));
        assert!(!library.search("moon landing", 1).is_empty());
        opened += 1;
    }
    adder.join().unwrap();
    assert_eq!(Library::open(&lib).unwrap().len(), 2 + 30 * 50);
}
