//! Word F1 of the web-page reader against reference article texts, for choosing and tuning
//! it locally (no page is part of the repository). Each folder given holds `source.html`
//! (the saved page) and `expected.html` (the article alone, e.g. mozilla/readability's test
//! pages). Prints each page's F1 for the reader and for a plain tag strip, then the means.
//!
//! `cargo run --example html_f1 -- DIR...`

use std::collections::HashMap;
use std::path::Path;

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (words(got), words(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if common == 0 || ng == 0 || nw == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / ng as f64, common as f64 / nw as f64);
    2.0 * p * r / (p + r)
}

/// The visible text of a page: scripts, styles and templates removed, tags stripped.
fn tag_strip(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template").remove();
    doc.select("body").text().to_string()
}

fn main() {
    let (mut sum_ours, mut sum_strip, mut n) = (0.0, 0.0, 0usize);
    for dir in std::env::args().skip(1) {
        let dir = Path::new(&dir);
        let (Ok(source), Ok(expected)) = (
            std::fs::read(dir.join("source.html")),
            std::fs::read_to_string(dir.join("expected.html")),
        ) else {
            continue;
        };
        let want = dom_query::Document::from(expected.as_str())
            .select("body")
            .text()
            .to_string();
        let ours = match claimdesk::io::formats::html::read(&source) {
            Ok(d) => f1(&d.text, &want),
            Err(e) => {
                eprintln!("{}: {e}", dir.display());
                0.0
            }
        };
        let strip = f1(&tag_strip(&String::from_utf8_lossy(&source)), &want);
        println!("{:.3}\t{:.3}\t{}", ours, strip, dir.display());
        sum_ours += ours;
        sum_strip += strip;
        n += 1;
    }
    if n > 0 {
        println!(
            "mean word F1 over {n} pages: reader {:.3}, tag strip {:.3}",
            sum_ours / n as f64,
            sum_strip / n as f64
        );
    }
}
