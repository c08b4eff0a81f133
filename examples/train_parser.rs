//! Train the dependency parser and measure it on held-out treebanks.
//!
//! ```text
//! cargo run --release --example train_parser -- /tmp/ud src/extract/syntax/parser.bin
//! ```
//! `DATA_DIR` is what `tools/parser-data.sh` writes: the model learns from every
//! `.conllu` file of `DATA_DIR/train`, and is measured on `DATA_DIR/ewt-dev.conllu` and
//! `DATA_DIR/gum-dev` (tuning) and `DATA_DIR/ewt-test.conllu` (reported only). Options
//! after the two paths: `--iters N` (12), `--prune X` (1.0), `--explore P` (0.9), and
//! `--also X:PATH` (repeatable: the same training pruned at `X` is also written to `PATH`
//! and measured, for choosing the threshold on the dev sets). See docs/parser.md for the
//! data and its licences.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use claimdesk::extract::syntax::parser_train::{self, Example, Options};
use claimdesk::extract::syntax::train;

fn load(path: &Path) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for f in train::conllu_files(path) {
        let data = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let (sents, skipped) = parser_train::read_conllu(&data);
        if skipped > 0 {
            eprintln!("{}: skipped {skipped} sentences", f.display());
        }
        out.extend(sents.iter().map(parser_train::example));
    }
    Ok(out)
}

fn number<T: std::str::FromStr>(v: Option<String>, what: &str) -> Result<T, String> {
    v.and_then(|v| v.parse().ok())
        .ok_or(format!("{what} needs a number"))
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage =
        "usage: train_parser DATA_DIR OUT [--iters N] [--prune X] [--explore P] [--also X:PATH]";
    let data_dir = PathBuf::from(args.next().ok_or(usage)?);
    let out = PathBuf::from(args.next().ok_or(usage)?);
    let mut opt = Options::default();
    let mut also: Vec<(f32, PathBuf)> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iters" => opt.iterations = number(args.next(), "--iters")?,
            "--prune" => opt.prune = number(args.next(), "--prune")?,
            "--explore" => opt.explore = number(args.next(), "--explore")?,
            "--also" => {
                let v = args.next().unwrap_or_default();
                let (x, path) = v.split_once(':').ok_or("--also needs X:PATH")?;
                also.push((number(Some(x.to_string()), "--also")?, PathBuf::from(path)));
            }
            _ => return Err(format!("unexpected argument {a}\n{usage}")),
        }
    }
    let start = Instant::now();
    let data = load(&data_dir.join("train"))?;
    let ntok: usize = data.iter().map(Example::len).sum();
    eprintln!("training on {} sentences, {ntok} words", data.len());
    let mut outputs = vec![(opt.prune, out)];
    outputs.extend(also);
    let prunes: Vec<f32> = outputs.iter().map(|o| o.0).collect();
    let models = parser_train::train_pruned(&data, &opt, &prunes, &mut |l| {
        eprintln!("{l} ({:.0} s)", start.elapsed().as_secs_f64())
    });
    for ((prune, out), bytes) in outputs.iter().zip(&models) {
        std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!(
            "wrote {} (pruned at {prune}: {} bytes, {} features) in {:.0} s",
            out.display(),
            bytes.len(),
            parser_train::feature_count(bytes),
            start.elapsed().as_secs_f64()
        );
    }
    for name in ["ewt-dev.conllu", "gum-dev", "ewt-test.conllu"] {
        let path = data_dir.join(name);
        if !path.exists() {
            continue;
        }
        let data = load(&path)?;
        for ((_, out), bytes) in outputs.iter().zip(&models) {
            let (parses, _) = parser_train::parse_all(bytes, &data).ok_or("bad model")?;
            let s = parser_train::score(&data, &parses);
            println!(
                "{}: {name}: {} sentences, {} words: uas={:.4} las={:.4}",
                out.display(),
                data.len(),
                s.words,
                s.uas(),
                s.las()
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_parser: {e}");
            ExitCode::FAILURE
        }
    }
}
