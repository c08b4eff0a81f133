//! Train the check-worthiness model on the ClaimBuster sentences and measure it, with the
//! TF-IDF + logistic-regression baseline, on the held-out fifth.
//!
//! ```text
//! cargo run --release --example train_worth -- ../shared/data/claimbuster src/extract/worth/worth.bin
//! ```
//! Reads `kfold_30ncs.json` (11,056 sentences) from the folder. A fifth of the sentences
//! (by a hash of `sentence_id`) is held out for measuring; the regularisation of each model
//! is chosen on a fifth of the rest, then each is refitted on the whole rest. Deterministic:
//! the same data gives the same bytes. See docs/worth.md.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk::extract::worth::train::{
    Item, Measure, fit_baseline, fit_worth, held_out, measure, validation,
};

const ITERATIONS: usize = 500;
const L2: [f64; 4] = [0.5, 1.0, 3.0, 10.0];
const C: [f64; 5] = [0.3, 1.0, 3.0, 10.0, 30.0];

fn load(dir: &std::path::Path) -> Result<Vec<Item>, String> {
    let path = dir.join("kfold_30ncs.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    rows.iter()
        .map(|r| {
            Some(Item {
                id: r.get("sentence_id")?.as_u64()?,
                label: r.get("label")?.as_u64()? == 1,
                text: r.get("text")?.as_str()?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            format!(
                "{}: an item without sentence_id, label or text",
                path.display()
            )
        })
}

fn line(name: &str, m: &Measure) {
    println!(
        "| {name} | {:.3} | {:.3} | {:.3} | {:.4} | {:.4} | {:.1} |",
        m.precision, m.recall, m.f1, m.map, m.r_precision, m.p_at_10
    );
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: train_worth DATA_DIR OUT")?);
    let out = PathBuf::from(args.next().ok_or("usage: train_worth DATA_DIR OUT")?);
    let items = load(&dir)?;
    let train: Vec<&Item> = items.iter().filter(|i| !held_out(i.id)).collect();
    let test: Vec<&Item> = items.iter().filter(|i| held_out(i.id)).collect();
    let fit: Vec<&Item> = train
        .iter()
        .copied()
        .filter(|i| !validation(i.id))
        .collect();
    let val: Vec<&Item> = train.iter().copied().filter(|i| validation(i.id)).collect();
    let pos = |v: &[&Item]| v.iter().filter(|i| i.label).count();
    eprintln!(
        "training {} ({} check-worthy), held out {} ({} check-worthy); validation {} of the training part",
        train.len(),
        pos(&train),
        test.len(),
        pos(&test),
        val.len()
    );
    let val_labels: Vec<bool> = val.iter().map(|i| i.label).collect();
    let test_labels: Vec<bool> = test.iter().map(|i| i.label).collect();
    let mut best_l2 = (f64::MIN, L2[0]);
    for l2 in L2 {
        let m = fit_worth(&fit, l2, ITERATIONS);
        let scores: Vec<f32> = val.iter().map(|i| m.score(&i.text)).collect();
        let map = measure(&scores, &val_labels).map;
        eprintln!("validation: ours l2={l2}: MAP {map:.4}");
        if map > best_l2.0 {
            best_l2 = (map, l2);
        }
    }
    let mut best_c = (f64::MIN, C[0]);
    for c in C {
        let f = fit_baseline(&fit, c);
        let scores: Vec<f32> = val.iter().map(|i| f(&i.text)).collect();
        let map = measure(&scores, &val_labels).map;
        eprintln!("validation: baseline C={c}: MAP {map:.4}");
        if map > best_c.0 {
            best_c = (map, c);
        }
    }
    println!("| model | P | R | F1 | MAP | R-prec | P@10 |");
    println!("|---|---|---|---|---|---|---|");
    for c in [1.0, best_c.1] {
        let f = fit_baseline(&train, c);
        let scores: Vec<f32> = test.iter().map(|i| f(&i.text)).collect();
        line(
            &format!("TF-IDF + LR, C={c}"),
            &measure(&scores, &test_labels),
        );
    }
    let model = fit_worth(&train, best_l2.1, ITERATIONS);
    let bytes = model.to_bytes();
    // Measured as shipped: through the stored (quantised) weights.
    let shipped = claimdesk::extract::worth::Model::from_bytes(&bytes).ok_or("model bytes")?;
    let scores: Vec<f32> = test.iter().map(|i| shipped.score(&i.text)).collect();
    line(
        &format!("ours, l2={}", best_l2.1),
        &measure(&scores, &test_labels),
    );
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_worth: {e}");
            ExitCode::FAILURE
        }
    }
}
