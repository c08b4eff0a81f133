//! The window's part of issue 15's scale target, on a real server: a shared project of
//! 100,000 claims opens in the window (from the open action to the first frame showing
//! them in the table) and scrolls, against the same project opened from a file. Headless
//! (egui_kittest: the egui pass, no GPU). Prints the figures. Never run by CI.
//!
//! Run: `CLAIMDESK_TEST_PG=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable \
//!       cargo bench --bench shared_window` (an admin address: a database
//! `claimdesk_benchw_PID` is made and dropped).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimdesk::io::shared::{self, Address};
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use egui_kittest::Harness;

type H = Harness<'static, ClaimdeskApp>;

fn main() {
    let Ok(admin) = std::env::var("CLAIMDESK_TEST_PG") else {
        eprintln!("set CLAIMDESK_TEST_PG to an admin address (see .ci/postgres.sh)");
        std::process::exit(1);
    };
    let db = format!("claimdesk_benchw_{}", std::process::id());
    let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .expect("create database");
    let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
    let host = &base[..base.rfind('/').expect("a database in the address")];
    let url = format!("{host}/{db}?{query}&project=bench");
    let result = std::panic::catch_unwind(|| run(&url));
    client
        .batch_execute(&format!("DROP DATABASE {db} WITH (FORCE)"))
        .expect("drop database");
    if result.is_err() {
        std::process::exit(1);
    }
}

fn run(url: &str) {
    let mut project = common::big_project(5000, 20, "bench");
    project.ensure_claim_numbers();
    let claims = project.claims.len();
    shared::share(&project, &Address::parse(url).expect("address")).expect("share");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("big.claimdesk");
    claimdesk::io::project_file::save_project(&file, &project).expect("save");
    println!("claims: {claims}");
    for round in 0..3 {
        for (what, target) in [("shared", PathBuf::from(url)), ("file", file.clone())] {
            let journal = dir.path().join(format!("journal-{round}-{what}"));
            let (open, mut h) = open(target, journal, claims);
            let scroll = scroll(&mut h);
            println!(
                "{what}: open to first frame of the table {:.2} s; scroll: {}",
                open.as_secs_f64(),
                scroll
            );
        }
    }
}

/// Build the window with `target` to open, and step frames until the table shows all
/// claims; the time from the open action to the end of that frame.
fn open(target: PathBuf, journal: PathBuf, claims: usize) -> (Duration, H) {
    let started = Instant::now();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            ClaimdeskApp::new(
                cc,
                AppOptions {
                    files: vec![target],
                    sample_on_first_run: false,
                    recovery: false,
                    journal_dir: Some(journal),
                    system_clipboard: false,
                },
            )
        });
    loop {
        h.step();
        let app = h.state();
        let ready = app.doc.project.claims.len() == claims
            && app.shared.as_ref().is_none_or(|s| s.access.is_some());
        if ready {
            // The frame after the project arrived draws it.
            h.step();
            return (started.elapsed(), h);
        }
        assert!(started.elapsed() < Duration::from_secs(60), "not opened");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// 100 frames, each scrolling the table a page (PageDown moves the cursor a page and the
/// table follows): per-frame mean, p95 and max.
fn scroll(h: &mut H) -> String {
    let mut frames = Vec::new();
    for i in 0..100 {
        let key = if i < 50 {
            egui::Key::PageDown
        } else {
            egui::Key::ArrowDown
        };
        h.key_press(key);
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
    }
    frames.sort();
    let mean = frames.iter().sum::<Duration>() / frames.len() as u32;
    format!(
        "frame mean {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        mean.as_secs_f64() * 1e3,
        frames[94].as_secs_f64() * 1e3,
        frames[99].as_secs_f64() * 1e3
    )
}
