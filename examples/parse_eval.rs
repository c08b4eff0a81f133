//! Parse a CoNLL-U file's gold tokens with the tags our tagger predicts and score the
//! parse against the file's trees (punctuation left out).
//!
//! ```text
//! cargo run --release --example parse_eval -- FILE.conllu [--out PRED.conllu] [--model FILE]
//! ```
//! Prints `uas=… las=…`; `--out` writes the parse as CoNLL-U (predicted XPOS, HEAD and
//! DEPREL); `--model` measures another model file than the shipped `parser.bin`.

use std::process::ExitCode;

use claimdesk::extract::syntax::parser_train;

fn run() -> Result<(), String> {
    let usage = "usage: parse_eval FILE.conllu [--out PRED.conllu] [--model FILE]";
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or(usage)?;
    let (mut out, mut model) = (None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = Some(args.next().ok_or("--out needs a path")?),
            "--model" => model = Some(args.next().ok_or("--model needs a path")?),
            _ => return Err(format!("unexpected argument {a}\n{usage}")),
        }
    }
    let data = std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?;
    let (sents, skipped) = parser_train::read_conllu(&data);
    if skipped > 0 {
        eprintln!("{input}: skipped {skipped} malformed sentences");
    }
    let examples: Vec<_> = sents.iter().map(parser_train::example).collect();
    let bytes = match &model {
        Some(m) => std::fs::read(m).map_err(|e| format!("{m}: {e}"))?,
        None => parser_train::shipped_model().to_vec(),
    };
    let (parses, time) = parser_train::parse_all(&bytes, &examples).ok_or("not a parser model")?;
    let secs = time.as_secs_f64();
    let s = parser_train::score(&examples, &parses);
    let words: usize = examples.iter().map(|e| e.len()).sum();
    if let Some(o) = out {
        let text = parser_train::write_conllu(&sents, &examples, &parses);
        std::fs::write(&o, text).map_err(|e| format!("{o}: {e}"))?;
    }
    eprintln!(
        "{} sentences, {words} words parsed in {secs:.2} s ({:.0} words/s, one core; tags and model loading aside)",
        examples.len(),
        words as f64 / secs.max(1e-9)
    );
    println!("uas={:.4} las={:.4}", s.uas(), s.las());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parse_eval: {e}");
            ExitCode::FAILURE
        }
    }
}
