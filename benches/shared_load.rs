//! Shared projects under load, on a real server: a project of 100,000 claims is shared and
//! loaded, then 20 clients make 100 edits each at once; every edit must be there at the
//! end. Prints timings and the latency of an edit. Never run by CI.
//!
//! Run: `CLAIMDESK_TEST_PG=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable \
//!       cargo bench --bench shared_load` (an admin address: a database
//! `claimdesk_bench_PID` is made and dropped).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use claimdesk::io::shared::{self, Address, SharedProject};
use claimdesk::model::edit::Edit;
use claimdesk::model::{ClaimId, Status};

const CLIENTS: usize = 20;
const EDITS: usize = 100;

fn main() {
    let Ok(admin) = std::env::var("CLAIMDESK_TEST_PG") else {
        eprintln!("set CLAIMDESK_TEST_PG to an admin address (see .ci/postgres.sh)");
        std::process::exit(1);
    };
    let db = format!("claimdesk_bench_{}", std::process::id());
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
    let address = Address::parse(url).expect("address");
    let mut project = common::big_project(5000, 20, "bench");
    project.ensure_claim_numbers();
    let ids: Vec<ClaimId> = project.claims.iter().map(|c| c.id).collect();
    println!("claims: {}", ids.len());
    let t = Instant::now();
    shared::share(&project, &address).expect("share");
    println!("share: {:.2} s", t.elapsed().as_secs_f64());
    let mut opened = SharedProject::open(&address).expect("open");
    for _ in 0..3 {
        let t = Instant::now();
        let loaded = opened.load().expect("load");
        assert_eq!(loaded.claims.len(), ids.len());
        println!("load: {:.2} s", t.elapsed().as_secs_f64());
    }

    // Each client writes notes on claims of its own (100 distinct each) and, every tenth
    // edit, sets the status of one of five claims all clients share.
    let t = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let address = address.clone();
            let ids = ids.clone();
            std::thread::spawn(move || {
                let mut shared = SharedProject::open(&address).expect("open");
                let mut latencies = Vec::with_capacity(EDITS);
                for i in 0..EDITS {
                    let edit = if i % 10 == 9 {
                        Edit::SetStatus {
                            claims: vec![ids[i % 5]],
                            status: if (c + i) % 2 == 0 {
                                Status::Verified
                            } else {
                                Status::Disputed
                            },
                            at: 1_800_000_000 + (c * EDITS + i) as i64,
                        }
                    } else {
                        Edit::SetNotes {
                            claim: ids[1000 + c * EDITS + i],
                            notes: format!("client {c} edit {i}"),
                        }
                    };
                    let t = Instant::now();
                    match shared.apply(&edit) {
                        Ok(_) => {}
                        // The hot claim already had that status: refused, nothing written.
                        Err(e) if e.to_string().contains("nothing to change") => continue,
                        Err(e) => panic!("{e}"),
                    }
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("client"))
        .collect();
    let wall = t.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{CLIENTS} clients x {EDITS} edits: {} applied in {:.2} s ({:.0} edits/s); latency \
         p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        latencies[latencies.len() - 1].as_secs_f64() * 1e3,
    );

    // None lost: every note is there, and the log has every applied edit.
    let after = opened.load().expect("load");
    let mut missing = 0;
    for c in 0..CLIENTS {
        for i in (0..EDITS).filter(|i| i % 10 != 9) {
            let claim = after.claim(ids[1000 + c * EDITS + i]).expect("claim");
            if claim.notes != format!("client {c} edit {i}") {
                missing += 1;
            }
        }
    }
    let logged: i64 = opened
        .client()
        .query_one(
            "SELECT count(*) FROM claimdesk.edits WHERE kind <> 'share'",
            &[],
        )
        .expect("count")
        .get(0);
    println!(
        "notes missing: {missing}; edits logged: {logged} of {}",
        latencies.len()
    );
    assert_eq!(missing, 0);
    assert_eq!(logged as usize, latencies.len());
}
