//! A save killed at any moment leaves the old or the new project whole.
//!
//! The test re-runs its own binary as a child (selected by an environment variable) that
//! saves two large projects (about 20 MB each) in turn; the parent kills it at varying
//! moments and checks the file and its backup each time.
//!
//! `save_project` is: check, serialise (pure, in memory), then `write_atomic` (the disk).
//! In the dev profile serialising takes most of a save, so half the rounds run
//! `save_project` whole and half run only its disk part with the same bytes, so that kills
//! land inside the write, fsync and renames.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk::io::atomic::write_atomic;
use claimdesk::io::project_file::{backup_path, load_project, project_to_string, save_project};
use claimdesk::model::Project;

const CHILD_ENV: &str = "CLAIMDESK_CRASH_TEST_FILE";
/// Set to a folder holding `old.json` and `new.json`: the child writes those bytes.
const RAW_ENV: &str = "CLAIMDESK_CRASH_TEST_RAW";

/// Two projects of about 20 MB each, same size, different content.
fn projects() -> (Project, Project) {
    (
        common::big_project(1000, 20, "old"),
        common::big_project(1000, 20, "new"),
    )
}

/// The child: save the new then the old project, in turn, until killed.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return; // an ordinary test run: nothing to do
    };
    let path = Path::new(&path);
    enum Mode {
        Whole(Box<(Project, Project)>),
        Raw(Vec<u8>, Vec<u8>),
    }
    let mode = match std::env::var_os(RAW_ENV) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            Mode::Raw(
                std::fs::read(dir.join("old.json")).unwrap(),
                std::fs::read(dir.join("new.json")).unwrap(),
            )
        }
        None => Mode::Whole(Box::new(projects())),
    };
    // Bounded, so that a parent that died does not leave a child saving forever.
    let started = Instant::now();
    for i in 0usize.. {
        if started.elapsed() > Duration::from_secs(20) {
            return;
        }
        println!("saving {i}");
        match &mode {
            Mode::Whole(ab) => {
                let (a, b) = &**ab;
                save_project(path, if i % 2 == 0 { b } else { a }).expect("child save")
            }
            Mode::Raw(a, b) => {
                let bytes = if i % 2 == 0 { b } else { a };
                write_atomic(path, bytes, Some(&backup_path(path))).expect("child write")
            }
        }
    }
}

#[test]
fn killed_saves_leave_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let raw_dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.claimdesk");
    let (a, b) = projects();
    let (a_text, b_text) = (project_to_string(&a), project_to_string(&b));
    assert!(a_text.len() > 15_000_000, "{} bytes", a_text.len());
    std::fs::write(raw_dir.path().join("old.json"), &a_text).unwrap();
    std::fs::write(raw_dir.path().join("new.json"), &b_text).unwrap();
    save_project(&path, &a).unwrap();

    let exe = std::env::current_exe().unwrap();
    // The child test's full name in this binary: its module path without the crate's name.
    let child_test = module_path!()
        .split_once("::")
        .map_or("crash_child".to_owned(), |(_, m)| {
            format!("{m}::crash_child")
        });
    let started = Instant::now();
    let mut seen = [0usize; 2];
    // Kills that landed inside a write, counted right after each kill: the next save
    // removes the temporaries of killed ones, so they cannot be counted at the end.
    let mut torn = 0usize;
    let mut temporaries = std::collections::HashSet::new();
    let mut rounds = 0u64;
    // Ten rounds at least; more (up to 40) while too few kills have hit a write, so that
    // a fast or a loaded machine does not decide the result.
    for round in 0..40u64 {
        if round >= 10 && torn >= 2 && seen[1] >= 1 {
            break;
        }
        rounds += 1;
        let mut command = Command::new(&exe);
        command
            .args([
                child_test.as_str(),
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .env_remove(RAW_ENV)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if round % 2 == 1 {
            command.env(RAW_ENV, raw_dir.path());
        }
        let mut child = command.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Twice, let the child finish a save first, so that the new project is on disk too.
        let wait_saves = u64::from(round % 5 == 4);
        let announced = format!("saving {wait_saves}");
        let reached = lines
            .by_ref()
            .map_while(Result::ok)
            // The test harness may print "test crash_child ... " on the same line.
            .any(|line| line.ends_with(&announced));
        assert!(reached, "round {round}: the child stopped before saving");
        std::thread::sleep(Duration::from_millis(round * 41 % 300));
        child.kill().unwrap();
        child.wait().unwrap();

        let on_disk = std::fs::read(&path).unwrap();
        let which = if on_disk == a_text.as_bytes() {
            0
        } else if on_disk == b_text.as_bytes() {
            1
        } else {
            panic!(
                "round {round}: the file is neither project whole ({} bytes)",
                on_disk.len()
            );
        };
        seen[which] += 1;
        if let Ok(bak) = std::fs::read(backup_path(&path)) {
            assert!(
                bak == a_text.as_bytes() || bak == b_text.as_bytes(),
                "round {round}: the backup is torn ({} bytes)",
                bak.len()
            );
        }
        // A kill inside a write leaves its temporary file: proof that the test interrupts
        // writes rather than only the gaps between them.
        // (Only a temporary not seen after an earlier round counts: an earlier kill's may
        // still be there.)
        let fresh = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".tmp-"))
            .filter(|name| temporaries.insert(name.clone()))
            .count();
        torn += usize::from(fresh > 0);
        // Temporaries a killed save leaves behind do not disturb loading.
        assert!(load_project(&path).is_ok());
    }
    eprintln!(
        "{rounds} kills in {:?}: {torn} inside a write; old project on disk {} times, new {} times",
        started.elapsed(),
        seen[0],
        seen[1]
    );
    assert!(torn >= 2, "only {torn} kills landed inside a write");
    assert!(seen[1] >= 1, "the child never completed a save");
}
