//! The claim library (docs/library.md) at scale, on synthetic reviews (words drawn with a
//! Zipf-like skew from a made-up vocabulary, so that postings are as uneven as in real
//! text). Targets: adding 300,000 reviews ≤ 60 s, 200 queries ≤ 2 s, memory < 500 MB (the
//! last two measured on the real binary with /usr/bin/time -v, see docs/library.md).
//! An add includes counting the claim–title pairs for related terms (index format 2);
//! these made-up words are its worst case (many distinct pairs), so the add figure here is
//! an upper bound for real fact-checks. Run: `cargo bench --bench library`.

use std::hint::black_box;
use std::path::Path;

use claimdesk::io::library::{Library, add_files};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

/// A deterministic word generator: xorshift, words skewed towards the first of 20,000.
struct Words(u64);

impl Words {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn word(&mut self) -> String {
        // The product of two uniform numbers leans towards small ranks.
        let a = self.next() % 20_000;
        let b = self.next() % 20_000;
        let rank = a * b / 20_000;
        let syllables = [
            "ka", "lo", "mi", "ren", "tos", "vi", "dra", "pel", "su", "nor",
        ];
        let mut w = String::new();
        let mut r = rank + 1;
        while r > 0 {
            w.push_str(syllables[(r % 10) as usize]);
            r /= 10;
        }
        w
    }

    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn reviews(n: usize, words: &mut Words) -> Value {
    Value::Array(
        (0..n)
            .map(|i| {
                json!({
                    "@type": "ClaimReview",
                    "url": format!("https://checks.example/{i}"),
                    "claimReviewed": words.sentence(18),
                    "name": words.sentence(10),
                    "author": {"@type": "Organization", "name": "Example Checks"},
                    "reviewRating": {"@type": "Rating", "alternateName": "False"}
                })
            })
            .collect(),
    )
}

fn write_reviews(path: &Path, n: usize, words: &mut Words) {
    let bytes = serde_json::to_vec(&reviews(n, words)).expect("serialise");
    std::fs::write(path, bytes).expect("write reviews");
}

fn bench_library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    let big = dir.path().join("big.json");
    write_reviews(&big, 300_000, &mut words);
    let small = dir.path().join("small.json");
    write_reviews(&small, 30_000, &mut words);
    let queries: Vec<String> = (0..200).map(|_| words.sentence(25)).collect();

    let lib = dir.path().join("lib300k");
    add_files(&lib, std::slice::from_ref(&big)).expect("add 300k");

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.throughput(Throughput::Elements(30_000));
    group.bench_function("add 30k reviews to an empty library", |b| {
        b.iter(|| {
            let target = tempfile::tempdir().expect("temporary folder");
            add_files(&target.path().join("lib"), std::slice::from_ref(&small)).expect("add")
        })
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("open 300k", |b| {
        b.iter(|| Library::open(black_box(&lib)).expect("open"))
    });
    let library = Library::open(&lib).expect("open");
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.bench_function("200 queries, 300k reviews", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(library.search(black_box(q), 5));
            }
        })
    });
    // What the window and `library check` do for a claim: the search's best 10 scored as
    // pairs (assertion, features, probability), duplicates once.
    group.bench_function("200 claims checked, 300k reviews", |b| {
        b.iter(|| {
            for q in &queries {
                let claim = claimdesk::io::library::pair::Claim::of(black_box(q), None);
                black_box(library.check(&claim, q, 3));
            }
        })
    });
    group.bench_function("200 scored searches, 300k reviews", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(library.search_scored(black_box(q), 5));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_library);
criterion_main!(benches);
