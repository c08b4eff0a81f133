//! Fit the claim library's pair calibration (src/io/library/calibration.rs) on half of the
//! labelled news pairs and report on the other half (docs/library.md, "Is it the same
//! claim?"). Offline, like training: not run in CI.
//!
//! ```text
//! cargo run --release --example fit_library_calibration -- LIB CORPUS \
//!     [--checkthat CHECKTHAT_DIR] [--write]
//! ```
//! LIB: a library holding the CheckThat! 2020 fact-checks (`claimdesk library add`);
//! CORPUS: the folder of the PolNeAR articles the pairs name (`train/NNN.txt`,
//! `dev/NNN.txt`). The pairs are read from tests/data/library-pairs.tsv; a pair's article
//! with an even number goes to the fitting half, an odd one to the held-out half (so no
//! article is in both). `--checkthat` adds the CheckThat! 2020 train tweets' best 5
//! results, labelled by the task's gold pairs, to the fitting half (the directory that
//! `checkthat-prepare.sh` writes); the fitted score is then rescaled on the news pairs of the
//! fitting half (Platt scaling), and refitted there with `quote_said` (the news stage).
//! `--write` writes the fitted coefficients into
//! calibration.rs. `--dump` prints each pair's features instead (the tweets' too, with
//! `--checkthat`); `--mine` prints every pair of the corpus's claims (read with their
//! speakers) and their best candidates that is not judged yet, with its probability, for
//! judging (docs/library-judging.md, batch 6). `--no-speaker` reads the claims without
//! their speakers (to measure what the speaker brings).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimdesk::io::article::read_article;
use claimdesk::io::library::pair::{self, Claim, FEATURE_NAMES, FEATURES, Level};
use claimdesk::io::library::{Library, check::CANDIDATES};

const PAIRS: &str = "tests/data/library-pairs.tsv";
const OUT: &str = "src/io/library/calibration.rs";
/// L2 penalty on the weights (not the bias), per pair.
const L2: f64 = 0.01;
const STEPS: usize = 20_000;
const RATE: f64 = 0.5;

struct Pair {
    article: String,
    url: String,
    same: bool,
    fit: bool,
    x: [f32; FEATURES],
    asserts: bool,
    /// Among the search's best CANDIDATES (the window's and `check`'s candidates).
    candidate: bool,
    /// The matcher before: the search's score, and whether it was the best result.
    score: f32,
    best: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(lib), Some(corpus)) = (args.first(), args.get(1)) else {
        eprintln!("usage: fit_library_calibration LIB CORPUS [--write]");
        std::process::exit(1);
    };
    let write = args.iter().any(|a| a == "--write");
    // The claims read without their speakers (to measure what the speaker brings).
    let no_speaker = args.iter().any(|a| a == "--no-speaker");
    let library = Library::open(Path::new(lib)).unwrap_or_else(|e| panic!("{e}"));
    let by_url: HashMap<&str, usize> = library
        .reviews()
        .iter()
        .enumerate()
        .map(|(i, r)| (r.url.as_str(), i))
        .collect();
    let tsv = std::fs::read_to_string(PAIRS).unwrap_or_else(|e| panic!("{PAIRS}: {e}"));
    if args.iter().any(|a| a == "--mine") {
        mine(&library, Path::new(corpus), &tsv);
        return;
    }
    let mut texts: HashMap<String, (String, claimdesk::extract::Extraction)> = HashMap::new();
    let mut pairs = Vec::new();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let [article, start, end, url, judgement, ..] = f[..] else {
            panic!("{PAIRS}: short line: {line}");
        };
        let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
        let (text, extraction) = texts.entry(article.to_owned()).or_insert_with(|| {
            let path = PathBuf::from(corpus).join(article);
            let text = read_article(&path).unwrap_or_else(|e| panic!("{e}")).text;
            let extraction = claimdesk::extract::extract(&text);
            (text, extraction)
        });
        let content = &text[start..end];
        let found = extraction
            .claims
            .iter()
            .find(|c| c.start == start && c.end == end);
        let kind = found.map(|c| c.kind);
        // Who says it, as the window knows it (the claim's resolved speaker).
        let speaker = found
            .and_then(|c| c.speaker)
            .and_then(|i| extraction.speakers.get(i))
            .map(|s| s.name.as_str());
        let review = &library.reviews()[*by_url
            .get(url)
            .unwrap_or_else(|| panic!("{url}: not in the library"))];
        let found = library.search(content, 50);
        let rank = found.iter().position(|m| m.review.url == url);
        let score = rank.map_or(0.0, |r| found[r].score);
        let claim = Claim::of(content, kind).spoken_by(speaker.filter(|_| !no_speaker));
        let (x, _) = library.pair_features(&claim, review, score);
        let number: usize = article
            .trim_end_matches(".txt")
            .rsplit('/')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        pairs.push(Pair {
            article: article.to_owned(),
            url: url.to_owned(),
            same: judgement == "same",
            fit: number.is_multiple_of(2),
            x,
            asserts: claim.asserts,
            candidate: rank.is_some_and(|r| r < CANDIDATES),
            score,
            best: rank == Some(0),
        });
    }
    // The tweets of CheckThat! 2020 train against the same library: their best 5 results,
    // labelled by the task's gold pairs, join the fitting half (news alone has too few
    // same-claim pairs to fit on; docs/library.md).
    let mut tweets = Vec::new();
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--checkthat")
        .and_then(|i| args.get(i + 1))
    {
        tweets = checkthat_pairs(&library, Path::new(dir));
        println!(
            "CheckThat! train pairs: {} ({} same)",
            tweets.len(),
            tweets.iter().filter(|p| p.same).count()
        );
    }
    if args.iter().any(|a| a == "--dump") {
        for p in pairs.iter().chain(&tweets) {
            let x: Vec<String> = p.x.iter().map(|v| format!("{v:.3}")).collect();
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                p.article,
                p.url,
                u8::from(p.same),
                u8::from(p.fit),
                u8::from(p.asserts),
                u8::from(p.candidate),
                x.join("\t")
            );
        }
        return;
    }
    let fit: Vec<&Pair> = pairs.iter().filter(|p| p.fit).chain(&tweets).collect();
    let held: Vec<&Pair> = pairs.iter().filter(|p| !p.fit).collect();
    let count = |ps: &[&Pair]| (ps.len(), ps.iter().filter(|p| p.same).count());
    println!(
        "pairs: {} (fit {} with {} same; held out {} with {} same)",
        pairs.len(),
        count(&fit).0,
        count(&fit).1,
        count(&held).0,
        count(&held).1
    );
    let (mut weights, mut bias) = train(&fit);
    if !tweets.is_empty() {
        // The tweets all have an answer; news claims rarely do. The weights come from both;
        // the scale and the intercept from the news pairs of the fitting half alone (Platt
        // scaling of the fitted score: the base rate of news, and how far a difference of
        // score there goes).
        let news: Vec<&Pair> = pairs.iter().filter(|p| p.fit).collect();
        let (slope, intercept) = platt(&news, &weights, bias);
        println!("news scaling: slope {slope:.3}, intercept {intercept:.3}");
        weights = weights.map(|w| w * slope);
        bias = bias * slope + intercept;
        // The news stage: the scaled score and the conjunctive "the review's subject named
        // and its quoted words written" refitted on the news pairs alone (a same-claim
        // signal the tweets, whose words the reviews mostly share anyway, cannot weigh).
        let (slope, said, intercept) = news_stage(&news, &weights, bias);
        println!(
            "news stage: slope {slope:.3}, {} {said:+.3}, intercept {intercept:.3}",
            FEATURE_NAMES[SAID]
        );
        weights = weights.map(|w| w * slope);
        weights[SAID] += said;
        bias = bias * slope + intercept;
    }
    println!("bias {bias:.3}");
    for (name, w) in FEATURE_NAMES.iter().zip(weights) {
        println!("  {name:<22} {w:+.3}");
    }
    for (name, half) in [("fit half", &fit), ("held-out half", &held)] {
        println!("{name}:");
        report_before(half);
        report_after(half, &weights, bias);
    }
    let misses: Vec<&&Pair> = held
        .iter()
        .filter(|p| {
            let pr = prob(p, &weights, bias);
            (Level::of(pr) == Level::Strong && !p.same) || (p.same && pr < pair::POSSIBLE)
        })
        .collect();
    for p in misses {
        println!(
            "  held-out miss: {} {} same={} p={:.2}",
            p.article,
            p.url,
            p.same,
            prob(p, &weights, bias)
        );
    }
    if write {
        let list: Vec<String> = weights.iter().map(|w| format!("{w:.4}")).collect();
        let code = format!(
            "//! The pair scorer's coefficients (`pair.rs`): a logistic model over its `FEATURES`\n\
             //! features (as many weights, or `pair.rs` does not build), fitted offline on half of the\n\
             //! labelled news pairs (tests/data/library-pairs.tsv) by `cargo run --release --example\n\
             //! fit_library_calibration` (docs/library.md). Written by that example; do not edit by hand.\n\n\
             pub const BIAS: f32 = {bias:.4};\n\
             pub const WEIGHTS: [f32; {}] = [\n    {},\n];\n",
            list.len(),
            list.join(", ")
        );
        std::fs::write(OUT, code).unwrap_or_else(|e| panic!("{OUT}: {e}"));
        println!("written: {OUT} (run cargo fmt)");
    }
}

/// Pairs of the CheckThat! 2020 train tweets and their best 5 results in `library`.
fn checkthat_pairs(library: &Library, dir: &Path) -> Vec<Pair> {
    let queries = std::fs::read_to_string(dir.join("train.queries.txt")).expect("queries");
    let qrels = std::fs::read_to_string(dir.join("train.qrels")).expect("qrels");
    let gold: std::collections::HashSet<(usize, String)> = qrels
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let q = f.next()?.parse().ok()?;
            let v = f.next()?;
            Some((q, format!("https://factcheck.example/vclaim/{v}")))
        })
        .collect();
    let mut out = Vec::new();
    for (i, q) in queries.lines().enumerate() {
        let claim = Claim::of(q, None);
        for (rank, m) in library.search(q, 5).iter().enumerate() {
            let (x, _) = library.pair_features(&claim, m.review, m.score);
            out.push(Pair {
                article: format!("checkthat-train#{i}"),
                url: m.review.url.clone(),
                same: gold.contains(&(i, m.review.url.clone())),
                fit: true,
                x,
                asserts: claim.asserts,
                candidate: true,
                score: m.score,
                best: rank == 0,
            });
        }
    }
    out
}

fn prob(p: &Pair, weights: &[f32; FEATURES], bias: f32) -> f32 {
    if !p.asserts || !p.candidate {
        return 0.0;
    }
    let pr = pair::logistic(weights, bias, &p.x);
    // As the window and `library check` score it (`pair::probability`).
    if pair::restated(&p.x) {
        pr.max(pair::RESTATEMENT)
    } else {
        pr
    }
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.3} ({a}/{b})", a as f64 / b as f64)
    }
}

/// The matcher before this calibration: strong = the best result scoring 1.8 or more,
/// shown = among the best 3 scoring 1.4 or more (docs/library.md, thresholds of old).
fn report_before(half: &[&Pair]) {
    let strong: Vec<_> = half.iter().filter(|p| p.best && p.score >= 1.8).collect();
    let shown = half.iter().filter(|p| p.score >= 1.4).count();
    let same = half.iter().filter(|p| p.same).count();
    let same_shown = half.iter().filter(|p| p.same && p.score >= 1.4).count();
    println!(
        "  before: strong precision {}, shown precision {}, recall (shown) {}",
        ratio(strong.iter().filter(|p| p.same).count(), strong.len()),
        ratio(same_shown, shown),
        ratio(same_shown, same)
    );
}

fn report_after(half: &[&Pair], weights: &[f32; FEATURES], bias: f32) {
    let level = |p: &Pair| Level::of(prob(p, weights, bias));
    let strong: Vec<_> = half.iter().filter(|p| level(p) == Level::Strong).collect();
    let shown: Vec<_> = half
        .iter()
        .filter(|p| level(p) >= Level::Possible)
        .collect();
    let same = half.iter().filter(|p| p.same).count();
    println!(
        "  after:  strong precision {}, possible-or-strong precision {}, recall (strong) {}, recall (strong or possible) {}",
        ratio(strong.iter().filter(|p| p.same).count(), strong.len()),
        ratio(shown.iter().filter(|p| p.same).count(), shown.len()),
        ratio(strong.iter().filter(|p| p.same).count(), same),
        ratio(shown.iter().filter(|p| p.same).count(), same)
    );
    // Calibration: mean probability against the share that is the same, by band.
    for (lo, hi) in [(0.0, 0.1), (0.1, 0.4), (0.4, 0.8), (0.8, 1.01)] {
        let band: Vec<_> = half
            .iter()
            .filter(|p| p.asserts && p.candidate)
            .filter(|p| {
                let pr = pair::logistic(weights, bias, &p.x);
                pr >= lo && pr < hi
            })
            .collect();
        if band.is_empty() {
            continue;
        }
        let mean = band
            .iter()
            .map(|p| pair::logistic(weights, bias, &p.x) as f64)
            .sum::<f64>()
            / band.len() as f64;
        println!(
            "    p in [{lo:.1}, {hi:.1}): {} pairs, mean p {mean:.2}, same {}",
            band.len(),
            ratio(band.iter().filter(|p| p.same).count(), band.len())
        );
    }
}

/// The slope and intercept that fit `pairs` best on the score `bias + weights·x` (mean log
/// loss; Platt scaling): p = 1 / (1 + e^-(slope·score + intercept)).
fn platt(pairs: &[&Pair], weights: &[f32; FEATURES], bias: f32) -> (f32, f32) {
    let data: Vec<(f64, f64)> = pairs
        .iter()
        .filter(|p| p.asserts)
        .map(|p| {
            let z = f64::from(bias)
                + weights
                    .iter()
                    .zip(&p.x)
                    .map(|(w, x)| f64::from(*w) * f64::from(*x))
                    .sum::<f64>();
            (z, if p.same { 1.0 } else { 0.0 })
        })
        .collect();
    let n = data.len().max(1) as f64;
    // Fitted on the centred score (well conditioned), then put back.
    let mean = data.iter().map(|(z, _)| z).sum::<f64>() / n;
    let (mut a, mut c) = (1.0f64, 0.0f64);
    for _ in 0..STEPS * 5 {
        let (mut ga, mut gc) = (0.0, 0.0);
        for (z, y) in &data {
            let z = z - mean;
            let err = 1.0 / (1.0 + (-(a * z + c)).exp()) - y;
            ga += err * z;
            gc += err;
        }
        a -= RATE * ga / n;
        c -= RATE * gc / n;
    }
    (a as f32, (c - a * mean) as f32)
}

/// The news stage's feature: `quote_said` (pair.rs).
const SAID: usize = 19;
/// Its L2 penalty (on the slope and the weight, not the intercept), per pair: the one used
/// for news-only fits before (docs/library.md).
const NEWS_L2: f64 = 0.001;

/// The slope of the score `bias + weights·x`, the weight of feature [`SAID`] and the
/// intercept that fit the news `pairs` best (mean log loss, [`NEWS_L2`]).
fn news_stage(pairs: &[&Pair], weights: &[f32; FEATURES], bias: f32) -> (f32, f32, f32) {
    let data: Vec<(f64, f64, f64)> = pairs
        .iter()
        .filter(|p| p.asserts)
        .map(|p| {
            let z = f64::from(pair::logit(weights, bias, &p.x));
            (z, f64::from(p.x[SAID]), if p.same { 1.0 } else { 0.0 })
        })
        .collect();
    let n = data.len().max(1) as f64;
    let mean = data.iter().map(|(z, _, _)| z).sum::<f64>() / n;
    let (mut a, mut q, mut c) = (1.0f64, 0.0f64, 0.0f64);
    for _ in 0..STEPS * 10 {
        let (mut ga, mut gq, mut gc) = (0.0, 0.0, 0.0);
        for (z, s, y) in &data {
            let z = z - mean;
            let err = 1.0 / (1.0 + (-(a * z + q * s + c)).exp()) - y;
            ga += err * z;
            gq += err * s;
            gc += err;
        }
        a -= RATE * (ga / n + NEWS_L2 * a);
        q -= RATE * (gq / n + NEWS_L2 * q);
        c -= RATE * gc / n;
    }
    (a as f32, q as f32, (c - a * mean) as f32)
}

/// Logistic regression by gradient descent on the mean log loss with an L2 penalty.
/// Pairs whose claim asserts nothing are left out (their probability is 0 by rule).
fn train(pairs: &[&Pair]) -> ([f32; FEATURES], f32) {
    let data: Vec<&&Pair> = pairs.iter().filter(|p| p.asserts).collect();
    let n = data.len().max(1) as f64;
    let (mut w, mut b) = ([0.0f64; FEATURES], 0.0f64);
    for _ in 0..STEPS {
        let (mut gw, mut gb) = ([0.0f64; FEATURES], 0.0f64);
        for p in &data {
            let z = b + w
                .iter()
                .zip(&p.x)
                .map(|(w, x)| w * f64::from(*x))
                .sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - if p.same { 1.0 } else { 0.0 };
            for (g, x) in gw.iter_mut().zip(&p.x) {
                *g += err * f64::from(*x);
            }
            gb += err;
        }
        for (wi, g) in w.iter_mut().zip(gw) {
            *wi -= RATE * (g / n + L2 * *wi);
        }
        b -= RATE * gb / n;
    }
    (w.map(|w| w as f32), b as f32)
}

/// `--mine`: every claim of the corpus's train and dev articles, read with its speaker,
/// against its best CANDIDATES, the pairs not judged yet printed with their probability
/// (article, start, end, url, probability, whether the review's subject is the claim's
/// speaker only, the claim, the review's claim) for judging (docs/library-judging.md).
fn mine(library: &Library, corpus: &Path, tsv: &str) {
    let judged: std::collections::HashSet<(String, usize, usize, String)> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.parse().ok()?,
                f.get(2)?.parse().ok()?,
                f.get(3)?.to_string(),
            ))
        })
        .collect();
    for split in ["train", "dev"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(split))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        for path in files {
            let Ok(article) = read_article(&path) else {
                continue;
            };
            let name = format!(
                "{split}/{}",
                path.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            );
            let extraction = claimdesk::extract::extract(&article.text);
            for c in &extraction.claims {
                let speaker = c
                    .speaker
                    .and_then(|i| extraction.speakers.get(i))
                    .map(|s| s.name.as_str());
                let bare = Claim::of(&c.content, Some(c.kind));
                let claim = bare.clone().spoken_by(speaker);
                if !claim.asserts {
                    continue;
                }
                for m in library.search(&c.content, CANDIDATES) {
                    let key = (name.clone(), c.start, c.end, m.review.url.clone());
                    if judged.contains(&key) {
                        continue;
                    }
                    let (x, _) = library.pair_features(&claim, m.review, m.score);
                    let (plain, _) = library.pair_features(&bare, m.review, m.score);
                    let p = pair::probability(&claim, &x);
                    println!(
                        "{name}\t{}\t{}\t{}\t{p:.3}\t{}\t{:.2}\t{}\t{}",
                        c.start,
                        c.end,
                        m.review.url,
                        u8::from(x[15] > plain[15]),
                        x[19],
                        c.content.replace(['\t', '\n'], " "),
                        m.review.claim_reviewed.replace(['\t', '\n'], " ")
                    );
                }
            }
        }
    }
}
