//! Extraction throughput over more than 10 MB of news-like text (the sample article and
//! sentences of every construction, repeated, two of them read from the dependency parse): `extract` alone, and what `claimdesk extract`
//! does with the text once read (extract, then the JSON written out); with the dependency
//! parse (`Options::parse`), on one thread and with a second reading ahead
//! (`Options::threads`, what `claimdesk extract` does with an article that runs alone).
//! Run: `cargo bench --bench extract`.

use claimdesk::extract::{Options, extract, extract_with_options};
use claimdesk::io::article::ArticleSource;
use claimdesk::io::extract_output::write_json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/rafah-kirby-gallant.txt");

const VARIETY: &str = "\
\"The bridge will open in May,\" Mayor Ana Ruiz said. \"We have the money.\"
Transport Minister Paul Okafor said the budget was final, adding that tolls would stay low.
According to the city auditor, the works are late, and costs may rise.
Maria Lopes, a spokeswoman for the port authority, said the cranes were idle.
''We will build it,'' Mr. Okafor said, but warned that \"delays are possible.\"
The river rose overnight. Schools stayed closed and buses ran late.
The harbour master criticised the new toll plan as a burden on small fishing crews.
Union leaders urged dock workers to reject the contract, although the board refused to meet them.
In July, the latest survey showed a clear majority for the new bridge.
HOST: Where does the money for the sea wall come from, and when will it be built?
Last week it was reported that the cranes at the port had been idle for months.
The engineers rejected the union's assertion that the cranes were unsafe.
";

fn corpus() -> String {
    let mut text = String::new();
    while text.len() < 10_500_000 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
        text.push_str(VARIETY);
        text.push('\n');
    }
    text
}

fn bench_extract(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("10MB", |b| b.iter(|| extract(std::hint::black_box(&text))));
    let source = ArticleSource {
        path: "bench.txt".into(),
        title: String::new(),
        text: text.clone(),
        sha256: String::new(),
        meta: Default::default(),
        warnings: Vec::new(),
    };
    group.bench_function("10MB to JSON", |b| {
        b.iter(|| {
            let ex = extract(std::hint::black_box(&source.text));
            let mut out = std::io::sink();
            write_json(&mut out, &[(&source, ex)])
        })
    });
    for threads in [1, 2] {
        let options = Options {
            parse: true,
            threads,
        };
        group.bench_function(format!("10MB parsed, {threads} thread(s)"), |b| {
            b.iter(|| extract_with_options(std::hint::black_box(&text), options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
