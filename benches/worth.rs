//! Check-worthiness throughput (docs/worth.md): every sentence of about 10 MB of news-like
//! text scored (what `claimdesk rank` does once a file is read), extraction alone and with
//! the article's statements added (what an import does). Run: `cargo bench --bench worth`.

use claimdesk::extract::{STATEMENT_THRESHOLD, add_statements, extract, sentences, worth};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/rafah-kirby-gallant.txt");

/// Sentences in the article's own voice: figures, comparisons, rules, and filler.
const OWN_VOICE: &str = "\
The city's unemployment rate fell to 3.5% last year, down from 4.1% in 2022.
Property taxes rose by 12 percent over the past five years, faster than wages.
Residents gathered outside the town hall on a rainy Tuesday evening.
The state passed a law last year that bans plastic bags.
Crime in the downtown district has dropped since the new patrols began.
";

fn corpus() -> String {
    let mut text = String::new();
    while text.len() < 10_500_000 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
        text.push_str(OWN_VOICE);
        text.push('\n');
    }
    text
}

fn bench_worth(c: &mut Criterion) {
    let text = corpus();
    let spans = sentences(&text);
    let mut group = c.benchmark_group("worth");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("score every sentence, 10MB", |b| {
        b.iter(|| {
            let mut scorer = worth::Scorer::default();
            spans
                .iter()
                .map(|&(a, e)| scorer.assess(&text[a..e]).score)
                .sum::<f32>()
        })
    });
    group.bench_function("split and score, 10MB", |b| {
        b.iter(|| {
            let mut scorer = worth::Scorer::default();
            sentences(std::hint::black_box(&text))
                .into_iter()
                .map(|(a, e)| scorer.assess(&text[a..e]).score)
                .sum::<f32>()
        })
    });
    group.bench_function("extract, 10MB", |b| {
        b.iter(|| extract(std::hint::black_box(&text)))
    });
    group.bench_function("extract and statements, 10MB", |b| {
        b.iter(|| {
            let mut ex = extract(std::hint::black_box(&text));
            add_statements(&text, &mut ex, STATEMENT_THRESHOLD, None);
            ex
        })
    });
    group.finish();
}

criterion_group!(benches, bench_worth);
criterion_main!(benches);
