//! Opening and saving a project of 1,000 articles and 20,000 claims (about 21 MB).
//! Targets: open ≤ 0.5 s, save ≤ 0.3 s. Run: `cargo bench --bench project`.
//!
//! `save` is the real atomic save (temporary file, fsync, backup link, rename, folder
//! fsync) into a temporary folder; `load` reads, checks and validates the file.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;

use claimdesk::io::project_file::{
    load_project, project_from_str, project_to_string, save_project,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_project(c: &mut Criterion) {
    let project = common::big_project(1000, 20, "bench");
    assert_eq!(project.claims.len(), 20_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.claimdesk");
    save_project(&path, &project).expect("first save");
    let text = project_to_string(&project);

    let mut group = c.benchmark_group("project 1k articles 20k claims");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load", |b| {
        b.iter(|| load_project(black_box(&path)).expect("load"))
    });
    group.bench_function("save", |b| {
        b.iter(|| save_project(black_box(&path), black_box(&project)).expect("save"))
    });
    group.bench_function("parse (in memory)", |b| {
        b.iter(|| project_from_str(black_box(&text)).expect("parse"))
    });
    group.bench_function("serialise (in memory)", |b| {
        b.iter(|| project_to_string(black_box(&project)))
    });
    group.finish();
}

criterion_group!(benches, bench_project);
criterion_main!(benches);
