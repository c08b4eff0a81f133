//! Train the part-of-speech tagger and measure it on held-out treebanks.
//!
//! ```text
//! cargo run --release --example train_tagger -- \
//!     --out src/extract/syntax/tagger.bin \
//!     --train /tmp/tagdata/train/*.conllu \
//!     --eval /tmp/ud-ewt/en_ewt-ud-test.conllu --eval /tmp/tagdata/pud.conllu
//! ```
//! Options: `--iters N` (10), `--prune X` (0.05). `--eval` may name a directory (all its
//! `.conllu` files, reported together). Each held-out set is reported twice: on the
//! extractor's own tokens (as the tagger is used) and on the treebank's tokens. See
//! docs/tagger.md for the data and its licences.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk::extract::syntax::train::{self, Example, Options, Trainer};

fn load(paths: &[PathBuf]) -> Result<Vec<train::TreeSentence>, String> {
    let mut out = Vec::new();
    for p in paths {
        for f in train::conllu_files(p) {
            let data = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            let (sents, skipped) = train::read_conllu(&data);
            if skipped > 0 {
                eprintln!("{}: skipped {skipped} sentences", f.display());
            }
            out.extend(sents);
        }
    }
    Ok(out)
}

fn run() -> Result<(), String> {
    let mut out = PathBuf::from("src/extract/syntax/tagger.bin");
    let mut train_paths = Vec::new();
    let mut evals: Vec<PathBuf> = Vec::new();
    let mut opt = Options::default();
    let mut args = std::env::args().skip(1);
    let mut mode = "";
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().ok_or("--out needs a path")?.into(),
            "--iters" => {
                opt.iterations = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--iters needs a number")?
            }
            "--prune" => {
                opt.prune = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--prune needs a number")?
            }
            "--dict-count" => {
                opt.dict_min_count = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--dict-count needs a number")?
            }
            "--dict-share" => {
                opt.dict_min_share = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--dict-share needs a number")?
            }
            "--train" => mode = "train",
            "--eval" => mode = "eval",
            _ if mode == "train" => train_paths.push(PathBuf::from(a)),
            _ if mode == "eval" => {
                evals.push(PathBuf::from(a));
                mode = "";
            }
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let sents = load(&train_paths)?;
    let data: Vec<Example> = sents.iter().map(train::our_tokens).collect();
    let ntok: usize = data.iter().map(Example::len).sum();
    eprintln!("training on {} sentences, {ntok} words", data.len());
    let trainer = Trainer::train(&data, &opt, &mut |l| eprintln!("{l}"));
    eprintln!(
        "tag dictionary covers {:.1}% of lower-case training words",
        100.0 * trainer.dict_share
    );
    let bytes = trainer.model_bytes(&opt);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        out.display(),
        bytes.len(),
        train::feature_count(&bytes)
    );
    for e in &evals {
        let sents = load(std::slice::from_ref(e))?;
        for (name, data) in [
            (
                "our tokens",
                sents.iter().map(train::our_tokens).collect::<Vec<_>>(),
            ),
            (
                "treebank tokens",
                sents.iter().map(train::treebank_tokens).collect(),
            ),
        ] {
            if let Ok(n) = std::env::var("TAGGER_ERRORS") {
                for l in train::errors(&bytes, &data, n.parse().unwrap_or(50)) {
                    eprintln!("  {l}");
                }
            }
            let ev = train::evaluate(&bytes, &data).ok_or("bad model")?;
            let top: Vec<String> = ev
                .confusion
                .iter()
                .take(8)
                .map(|((g, p), n)| format!("{g}→{p} {n}"))
                .collect();
            println!(
                "{}: {} sentences, {} tokens ({name}): accuracy {:.2}%, {:.2}% of {} non-punctuation  [{}]",
                e.display(),
                sents.len(),
                ev.total,
                100.0 * ev.right as f64 / ev.total.max(1) as f64,
                100.0 * ev.right_words as f64 / ev.words.max(1) as f64,
                ev.words,
                top.join(", ")
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_tagger: {e}");
            ExitCode::FAILURE
        }
    }
}
