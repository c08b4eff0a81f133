//! The body text claimdesk reads from each web page of a folder, as the JSON that
//! ScrapingHub's article-extraction-benchmark's `evaluate.py` scores
//! (`{"version": …, "output": {"<file stem>": {"articleBody": …}}}`). The headline line the
//! reader puts first is left out (the benchmark's gold has none); see docs/import.md.
//!
//! `cargo run --release --example benchmark_bodies -- [--reader NAME] DIR > output/x.json`
//!
//! `--reader` is `claimdesk` (the import's reader, the default), or one of the readers it
//! is built from, measured alone: `readability` (dom_smoothie) or `trafilatura`
//! (rs-trafilatura).

use std::collections::BTreeMap;
use std::path::PathBuf;

use claimdesk::io::formats::html::{self, Reader};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut reader = Reader::Claimdesk;
    // rs-trafilatura's own text, as the benchmark's runner takes it (no headline or
    // standfirst handling of ours).
    let mut raw = false;
    // Leave out the standfirst the reader puts after the headline, too.
    let mut no_standfirst = false;
    let mut dirs = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--without-standfirst" {
            no_standfirst = true;
        } else if arg == "--reader" {
            reader = match args.next().as_deref() {
                Some("claimdesk") => Reader::Claimdesk,
                Some("readability") => Reader::Readability,
                Some("trafilatura") => Reader::Trafilatura,
                Some("trafilatura-raw") => {
                    raw = true;
                    Reader::Trafilatura
                }
                other => {
                    eprintln!("unknown reader {other:?}");
                    std::process::exit(1);
                }
            };
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    let mut output = BTreeMap::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{}: cannot read the folder", dir.display());
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        files.sort();
        for file in files {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if raw {
                let html =
                    String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
                let body = rs_trafilatura::extract(&html)
                    .map(|r| r.content_text)
                    .unwrap_or_default();
                output.insert(stem, serde_json::json!({ "articleBody": body }));
                continue;
            }
            let body = match std::fs::read(&file)
                .map_err(|e| e.to_string())
                .and_then(|bytes| html::read_with(&bytes, reader))
            {
                Ok(page) => {
                    let mut lines: Vec<&str> = page.text.lines().collect();
                    if lines.first().map(|l| l.trim()) == page.title.as_deref().map(str::trim) {
                        lines.remove(0);
                    }
                    if no_standfirst
                        && lines.first().map(|l| l.trim()) == page.standfirst.as_deref()
                    {
                        lines.remove(0);
                    }
                    lines.join("\n")
                }
                Err(e) => {
                    eprintln!("{}: {e}", file.display());
                    String::new()
                }
            };
            output.insert(stem, serde_json::json!({ "articleBody": body }));
        }
    }
    let version = format!("claimdesk {} ({reader:?})", env!("CARGO_PKG_VERSION"));
    let doc = serde_json::json!({ "version": version, "output": output });
    println!("{doc:#}");
}
