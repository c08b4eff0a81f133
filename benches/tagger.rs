//! Tagging throughput of the syntactic layer over about 5 MB of news text (the sample
//! article repeated): tokens per second for tags alone, and with noun phrases and verb
//! groups, and with the dependency parse. Includes splitting into paragraphs, sentences and tokens, as the extractor does.
//! Run: `cargo bench --bench tagger`.

use claimdesk::extract::syntax;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/rafah-kirby-gallant.txt");

fn corpus() -> String {
    let mut text = String::new();
    while text.len() < 5_000_000 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
    }
    text
}

fn bench_tagger(c: &mut Criterion) {
    let text = corpus();
    let tokens: usize = syntax::analyse(&text, true)
        .iter()
        .map(|s| s.tokens.len())
        .sum();
    let mut group = c.benchmark_group("tagger");
    group.sample_size(10);
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tags", |b| {
        b.iter(|| syntax::analyse(std::hint::black_box(&text), true))
    });
    group.bench_function("tags+chunks", |b| {
        b.iter(|| syntax::analyse(std::hint::black_box(&text), false))
    });
    group.bench_function("tags+parse", |b| {
        b.iter(|| syntax::analyse_parsed(std::hint::black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench_tagger);
criterion_main!(benches);
