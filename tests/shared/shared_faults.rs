//! Issue 15, point 4: a server killed in the middle of imports loses no import that
//! reported success. This test starts its own throwaway cluster (never the shared
//! CLAIMDESK_TEST_PG server, which other tests use), runs `claimdesk import URL FILE`
//! processes in a loop, stops the server the hard way (`pg_ctl stop -m immediate`: every
//! backend killed, no checkpoint, crash recovery at the next start) while they run, starts
//! it again, and checks what each process said against what the server kept.
//!
//! Needs Debian's PostgreSQL binaries (`/usr/lib/postgresql/*/bin`); without them it prints
//! a note and passes, except under `CI=true`, where it fails.

use crate::common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use claimdesk::io::shared::{Address, SharedProject};
use sha2::{Digest, Sha256};

/// A PostgreSQL cluster of this test alone, in a temporary folder, on 127.0.0.1. Stopped
/// (immediately) and removed when dropped.
struct Cluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    /// `runuser -u nobody --` when running as root (initdb refuses root), else nothing.
    as_user: Vec<String>,
}

/// The newest `/usr/lib/postgresql/*/bin` with an initdb, or `None` (after a note, or a
/// failure under CI).
fn pg_bin() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    if let Some((_, bin)) = found.pop() {
        return Some(bin);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "CI=true but no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (.ci/run \
         installs Debian's postgresql package)"
    );
    eprintln!("note: no PostgreSQL binaries in /usr/lib/postgresql/*/bin; skipping");
    None
}

fn run(cmd: &mut Command, what: &str) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Cluster {
    fn new(bin: PathBuf) -> Cluster {
        let dir = tempfile::Builder::new()
            .prefix("claimdesk-faults-")
            .tempdir()
            .expect("temporary folder");
        let root = unsafe_free_is_root();
        let mut as_user = Vec::new();
        if root {
            run(
                Command::new("chown").arg("nobody").arg(dir.path()),
                "chown nobody",
            );
            as_user = ["runuser", "-u", "nobody", "--"].map(String::from).to_vec();
        }
        let mut cluster = Cluster {
            bin,
            dir,
            port: 0,
            as_user,
        };
        let data = cluster.data();
        run(
            cluster
                .pg("initdb")
                .arg("-D")
                .arg(&data)
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8"])
                .args(["--locale=C.UTF-8", "--no-sync"]),
            "initdb",
        );
        cluster.start_on_a_free_port();
        cluster
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A command running one of the server's programs (as `nobody` when root).
    fn pg(&self, program: &str) -> Command {
        let exe = self.bin.join(program);
        match self.as_user.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }

    fn pg_ctl(&self, args: &[&str]) -> Command {
        let mut c = self.pg("pg_ctl");
        c.arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.dir.path().join("server.log"))
            .args(args);
        c
    }

    /// Start on `self.port`; false when the server did not come up (port taken).
    fn start(&self) -> bool {
        // fsync off: the test kills processes, not the machine, so what a commit wrote is
        // in the OS's cache either way; what is tested is that claimdesk reports an import
        // only once the server has committed it.
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        self.pg_ctl(&["-w", "-t", "30", "-o", &options, "start"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn start_on_a_free_port(&mut self) {
        for _ in 0..10 {
            self.port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .expect("a free port");
            if self.start() {
                return;
            }
        }
        let log = std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
        panic!("the test's PostgreSQL did not start: {log}");
    }

    /// Kill the server hard: every backend at once, no checkpoint (a crash to the data).
    fn kill(&self) {
        run(
            &mut self.pg_ctl(&["-m", "immediate", "stop"]),
            "pg_ctl stop",
        );
    }

    fn url(&self, project: &str) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/postgres?sslmode=disable&connect_timeout=5&project={project}",
            self.port
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .pg_ctl(&["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Whether this process runs as root (uid 0), asked of `id` so that the test needs no
/// unsafe code.
fn unsafe_free_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn article_text(i: usize) -> String {
    format!(
        "Ferry report {i}\n\n\
         “The ferry to the islands will run again in {i} days,” said Tomas Berg{i}, the harbour \
         master.\n\
         The council said the timetable for route {i} had been agreed with the crews.\n\
         According to the operator, ticket prices for route {i} will not rise this year.\n"
    )
}

/// One `claimdesk import URL FILE` run: the file, its exit code, what it printed.
struct Run {
    file: PathBuf,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    ended: Instant,
}

/// The admin address of the cluster's own database.
fn admin_url(cluster: &Cluster) -> String {
    format!(
        "postgres://postgres@127.0.0.1:{}/postgres?sslmode=disable",
        cluster.port
    )
}

/// Wait until `n` claimdesk connections wait for a lock (inside an import's transaction),
/// at most `limit`; returns how many were waiting.
fn wait_for_imports_waiting(cluster: &Cluster, n: i64, limit: Duration) -> i64 {
    let mut watch = postgres::Client::connect(&admin_url(cluster), postgres::NoTls).unwrap();
    let until = Instant::now() + limit;
    loop {
        let waiting: i64 = watch
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE application_name = 'claimdesk' AND wait_event_type = 'Lock'",
                &[],
            )
            .unwrap()
            .get(0);
        if waiting >= n || Instant::now() > until {
            return waiting;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The claims the extractor finds in a file (with no known speakers, as the first import).
fn claims_in(path: &Path) -> usize {
    claimdesk::io::import::analyse_file(path, &[])
        .expect("analyse")
        .extraction
        .claims
        .len()
}

#[test]
fn a_server_killed_during_imports_loses_no_import_that_reported_success() {
    let Some(bin) = pg_bin() else {
        return;
    };
    let cluster = Cluster::new(bin);
    let url = cluster.url("Ferries");
    let shown = Address::parse(&url).expect("address").to_string();
    let files = tempfile::tempdir().unwrap();
    let write = |i: usize| {
        let path = files.path().join(format!("ferry-{i:03}.txt"));
        std::fs::write(&path, article_text(i)).unwrap();
        path
    };
    // The schema and the project exist before the storm.
    let first = write(0);
    let out = common::claimdesk(&[&"import", &url, &first]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    // Four lanes, each running one import after another, each of a new article.
    let next = Arc::new(AtomicUsize::new(1));
    let stop = Arc::new(AtomicBool::new(false));
    let lanes: Vec<_> = (0..4)
        .map(|_| {
            let (next, stop, url) = (next.clone(), stop.clone(), url.clone());
            let dir = files.path().to_path_buf();
            std::thread::spawn(move || {
                let mut runs = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let file = dir.join(format!("ferry-{i:03}.txt"));
                    std::fs::write(&file, article_text(i)).unwrap();
                    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
                        .args(["import".as_ref(), url.as_ref(), file.as_os_str()])
                        .output()
                        .unwrap();
                    if !out.status.success() {
                        // The server is down: not hundreds of refused connections.
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    runs.push(Run {
                        ended: Instant::now(),
                        file,
                        code: out.status.code(),
                        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                    });
                }
                runs
            })
        })
        .collect();
    let started = Instant::now();
    // Let imports run; then hold the project's row so that the next imports wait inside
    // their transactions, and kill the server under them (and under whatever else runs).
    std::thread::sleep(Duration::from_millis(1200));
    let mut admin = postgres::Client::connect(&admin_url(&cluster), postgres::NoTls).unwrap();
    let mut hold = admin.transaction().unwrap();
    hold.execute(
        "SELECT 1 FROM claimdesk.projects WHERE name = 'Ferries' FOR UPDATE",
        &[],
    )
    .unwrap();
    let waiting = wait_for_imports_waiting(&cluster, 2, Duration::from_secs(5));
    let imports_before_kill = next.load(Ordering::Relaxed);
    cluster.kill();
    drop(hold);
    drop(admin);
    std::thread::sleep(Duration::from_millis(500));
    assert!(cluster.start(), "the server did not start again");
    let restarted = Instant::now();
    std::thread::sleep(Duration::from_millis(2000));
    stop.store(true, Ordering::Relaxed);
    let runs: Vec<Run> = lanes
        .into_iter()
        .flat_map(|lane| lane.join().expect("lane"))
        .collect();
    eprintln!(
        "{} imports in {:.1} s ({} started before the kill, {waiting} waiting in their \
         transactions when it came)",
        runs.len(),
        started.elapsed().as_secs_f64(),
        imports_before_kill
    );
    assert!(
        waiting >= 2,
        "imports should have been waiting inside their transactions"
    );
    assert!(
        runs.iter()
            .any(|r| r.code == Some(0) && r.ended > restarted + Duration::from_millis(100)),
        "imports should succeed again once the server is back"
    );

    // What the server kept: each article with its claims.
    let mut shared = SharedProject::open(&Address::parse(&url).unwrap()).expect("open again");
    let project = shared.load().expect("the project loads after the crash");
    let mut claims_of: HashMap<u64, usize> = HashMap::new();
    for claim in &project.claims {
        *claims_of.entry(claim.article.0).or_default() += 1;
    }
    let kept: HashMap<String, (u64, usize)> = project
        .articles
        .iter()
        .map(|a| {
            let sha = a
                .sha256
                .clone()
                .expect("an imported article has its SHA-256");
            (sha, (a.id.0, claims_of.get(&a.id.0).copied().unwrap_or(0)))
        })
        .collect();
    assert_eq!(kept.len(), project.articles.len(), "no article twice");

    let (mut ok, mut failed, mut failed_but_kept) = (0, 0, 0);
    for run in &runs {
        let bytes = std::fs::read(&run.file).unwrap();
        let expected = claims_in(&run.file);
        let here = kept.get(&sha256_hex(&bytes));
        let name = run.file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !run.stderr.contains("panicked"),
            "{name}: a panic: {}",
            run.stderr
        );
        if let Some(&(_, claims)) = here {
            // Whatever the process said, an article kept is kept whole.
            assert_eq!(
                claims, expected,
                "{name}: kept with some of its claims only"
            );
        }
        if run.code == Some(0) {
            ok += 1;
            assert!(
                here.is_some(),
                "{name}: reported imported, lost by the crash: {}",
                run.stdout
            );
            assert!(
                run.stdout
                    .contains(&format!("imported 1 article(s) with {expected} claim(s)")),
                "{name}: {}",
                run.stdout
            );
        } else {
            failed += 1;
            assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
            let lines: Vec<&str> = run.stderr.lines().collect();
            assert_eq!(lines.len(), 1, "{name}: one line: {}", run.stderr);
            assert!(
                lines[0].starts_with("claimdesk: ") && lines[0].contains(&shown),
                "{name}: the line names the address {shown}: {}",
                lines[0]
            );
            if here.is_some() {
                // The server committed it as its connection died: the process could not
                // know, and must not have said it was not added.
                failed_but_kept += 1;
                assert!(
                    lines[0].contains("may have been added"),
                    "{name}: kept, yet said: {}",
                    lines[0]
                );
            }
        }
    }
    let mut said: Vec<String> = runs
        .iter()
        .filter(|r| r.code != Some(0))
        .map(|r| r.stderr.split(": ").skip(3).collect::<Vec<_>>().join(": "))
        .collect();
    said.sort();
    said.dedup();
    eprintln!("failures said: {said:#?}");
    eprintln!(
        "{ok} reported imported, {failed} failed ({failed_but_kept} of them committed as the \
         server died); {} articles kept",
        kept.len()
    );
    assert!(failed >= 1, "the kill should have failed some imports");
    assert!(ok >= 4, "imports should succeed before and after the kill");
    // Every article kept came from the first import or a run of this test.
    assert_eq!(
        kept.len(),
        1 + runs
            .iter()
            .filter(|r| kept.contains_key(&sha256_hex(&std::fs::read(&r.file).unwrap())))
            .count()
    );
    // Each article kept has its edit in the log, in the same transaction.
    let logged = shared
        .edits_since(0)
        .unwrap()
        .iter()
        .filter(|e| e.edit.contains("AddArticle"))
        .count();
    assert_eq!(logged, kept.len(), "one logged edit per article kept");

    // The project exports after the crash.
    let out = common::claimdesk(&[&"export", &url, &"--format", &"json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json.is_object(), "{json}");
}
