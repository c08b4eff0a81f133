//! In-process fuzzing of the project loader and every article reader (text, HTML,
//! Markdown, PDF, DOCX) with mutated inputs: no input may panic, and each must end
//! quickly. Deterministic (a seeded xorshift generator), so a failure can be replayed.
//! Not part of `cargo test` (CI has 2 cores); run it in release:
//!
//! `cargo run --release --example fuzz_readers -- [INPUTS] [SEED]`
//!
//! INPUTS (default 1,200,000) is the total, shared between the six targets. Prints, per
//! target, the inputs run, how many loaded, panics, and the slowest input's time; exits
//! 1 if anything panicked, printing how to replay each of the first panicking inputs
//! (`-- replay TARGET CASE_SEED` runs one case with the panic shown and writes its input
//! to fuzz-replay.bin).

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use claimdesk::io::formats::{docx, html, markdown, pdf, text};
use claimdesk::io::project_file::{project_from_str, project_to_string};

const PROJECT: &str = include_str!("../tests/data/project-v1.claimdesk");
const ARTICLE: &str = include_str!("../assets/rafah-kirby-gallant.txt");

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that matter to one parser or another, spliced in by the mutator.
const TOKENS: &[&[u8]] = &[
    b"<div>",
    b"</x>",
    b"</div>",
    b"<p>",
    b"<b>",
    b"<a href=",
    b"<table>",
    b"<script>",
    b"</script>",
    b"<!--",
    b"-->",
    b"&amp;",
    b"&#x0;",
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"null",
    b"18446744073709551615",
    b"-1",
    b"1e999",
    b"\\u0000",
    b"\\ud800",
    b"\"id\": ",
    b"\"next_id\": ",
    b"\"start\": ",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\x00",
    b"\r\n",
    b"\n\n",
    b"# ",
    b"**",
    b"`",
    b"[x](",
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"%%EOF",
    b"xref",
    b"trailer",
    b"/Length 99999",
    b"BT",
    b"ET",
    b"Tj",
    b"(",
    b")",
    b"<w:p>",
    b"</w:p>",
    b"<w:t>",
    b"</w:t>",
    b"<![CDATA[",
    b"\xE2\x80\x9C",
    b"\xE2\x80\x9D",
    b"said",
    b"according to",
];

/// Change `bytes` by one to eight edits: flips, inserts, deletions, duplicated or
/// moved runs, tokens, truncation.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let edits = 1 + rng.below(8);
    for _ in 0..edits {
        let len = bytes.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                bytes[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                let token = rng.pick(TOKENS);
                bytes.splice(i..i, token.iter().copied());
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                bytes.drain(i..i + n);
            }
            4 if len > 0 => {
                // Repeat a run many times: deep nesting, long lines.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(16));
                let run: Vec<u8> = bytes[i..i + n].to_vec();
                let times = 1 + rng.below(400);
                let at = rng.below(len + 1);
                bytes.splice(at..at, run.iter().copied().cycle().take(n * times));
            }
            5 if len > 0 => {
                bytes.truncate(rng.below(len));
            }
            6 if len > 1 => {
                let (a, b) = (rng.below(len), rng.below(len));
                bytes.swap(a, b);
            }
            7 => {
                let i = rng.below(len + 1);
                let token = rng.pick(TOKENS);
                let times = 1 + rng.below(2000);
                let run: Vec<u8> = token
                    .iter()
                    .copied()
                    .cycle()
                    .take(token.len() * times)
                    .collect();
                bytes.splice(i..i, run);
            }
            _ => {
                let i = rng.below(len + 1);
                bytes.insert(i, rng.next() as u8);
            }
        }
    }
}

fn html_seed() -> Vec<u8> {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Talks resume | News</title>\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\",\
         \"author\":{\"name\":\"A. Reporter\"},\"datePublished\":\"2024-03-02\"}</script></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Talks resume</h1>",
    );
    for line in ARTICLE.lines().filter(|l| !l.trim().is_empty()).take(12) {
        page.push_str(&format!("<p>{line}</p>"));
    }
    page.push_str("</article><footer>© News</footer></body></html>");
    page.into_bytes()
}

fn markdown_seed() -> Vec<u8> {
    let mut md = String::from("# Talks resume\n\n*By A. Reporter*\n\n");
    for line in ARTICLE.lines().filter(|l| !l.trim().is_empty()).take(12) {
        md.push_str(&format!(
            "{line}\n\n> quoted [link](https://example.org) `code`\n\n"
        ));
    }
    md.into_bytes()
}

#[path = "../tests/common/pdf.rs"]
mod pdf_writer;

/// A one-page PDF whose content stream shows `lines`.
fn pdf_of(content: &[u8]) -> Vec<u8> {
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Title (Talks resume) /Author (A. Reporter) >>".to_vec(),
    ];
    pdf_writer::pdf_file(&objects, "/Info 6 0 R ")
}

fn pdf_content_seed() -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
    for line in ARTICLE.lines().filter(|l| !l.trim().is_empty()).take(8) {
        let line: String = line
            .chars()
            .filter(|c| c.is_ascii() && !matches!(c, '(' | ')' | '\\'))
            .take(90)
            .collect();
        content.push_str(&format!("({line}) Tj T*\n"));
    }
    content.push_str("ET");
    content.into_bytes()
}

/// A DOCX (stored, not deflated, so that mutations of the XML reach the XML reader).
fn docx_of(document: &[u8]) -> Vec<u8> {
    let core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Talks resume</dc:title><dc:creator>A. Reporter</dc:creator></cp:coreProperties>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("[Content_Types].xml", &b"<Types/>"[..]),
        ("word/document.xml", document),
        ("docProps/core.xml", core.as_bytes()),
    ] {
        if zip.start_file(name, opts).is_err() || zip.write_all(data).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn docx_document_seed() -> Vec<u8> {
    let mut body = String::new();
    for line in ARTICLE.lines().filter(|l| !l.trim().is_empty()).take(10) {
        let line = line.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r><w:r><w:tab/><w:delText>gone</w:delText></w:r></w:p>"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
    .into_bytes()
}

/// One fuzzed input: builds it from the generator, runs the reader, returns the input and
/// whether it loaded.
type Case = Box<dyn Fn(&mut Rng) -> (Vec<u8>, bool)>;

struct Target {
    name: &'static str,
    index: usize,
    run: Case,
}

#[derive(Default)]
struct Tally {
    inputs: u64,
    loaded: u64,
    panics: u64,
    slowest: Duration,
    busy: Duration,
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let replay = args.peek().is_some_and(|a| a == "replay");
    if replay {
        args.next();
    }
    let replay_target: Option<(usize, u64)> = if replay {
        let t = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
        let s = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
        Some((t, s))
    } else {
        None
    };
    let total: u64 = args
        .next()
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_200_000);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    if replay_target.is_none() {
        // Panics are counted and their seeds printed, not their messages one by one.
        std::panic::set_hook(Box::new(|_| {}));
    }

    let text_seed = ARTICLE.as_bytes().to_vec();
    let html_seed = html_seed();
    let md_seed = markdown_seed();
    let pdf_content = pdf_content_seed();
    let pdf_whole = pdf_of(&pdf_content);
    let docx_doc = docx_document_seed();
    let docx_whole = docx_of(&docx_doc);
    let project_seed = PROJECT.as_bytes().to_vec();

    let targets: Vec<Target> = vec![
        Target {
            name: "project loader",
            index: 0,
            run: Box::new(move |rng| {
                let mut b = project_seed.clone();
                mutate(rng, &mut b);
                let text = String::from_utf8_lossy(&b);
                let ok = match project_from_str(&text) {
                    Ok(p) => {
                        // Whatever loads saves and loads back to the same project.
                        let again = project_from_str(&project_to_string(&p));
                        assert!(again.as_ref() == Ok(&p), "round trip changed the project");
                        true
                    }
                    Err(_) => false,
                };
                (b, ok)
            }),
        },
        Target {
            name: "text",
            index: 1,
            run: Box::new(move |rng| {
                let mut b = text_seed.clone();
                mutate(rng, &mut b);
                let ok = text::decode(&b).is_ok();
                let owned = text::decode_owned(b.clone());
                assert_eq!(owned.is_ok(), ok, "owned and borrowed decoding differ");
                (b, ok)
            }),
        },
        Target {
            name: "html",
            index: 2,
            run: Box::new(move |rng| {
                let mut b = html_seed.clone();
                mutate(rng, &mut b);
                let ok = html::read(&b).is_ok();
                (b, ok)
            }),
        },
        Target {
            name: "markdown",
            index: 3,
            run: Box::new(move |rng| {
                let mut b = md_seed.clone();
                mutate(rng, &mut b);
                let ok = markdown::read(&b).is_ok();
                (b, ok)
            }),
        },
        Target {
            name: "pdf",
            index: 4,
            run: Box::new(move |rng| {
                let mut b = if rng.below(2) == 0 {
                    let mut c = pdf_content.clone();
                    mutate(rng, &mut c);
                    pdf_of(&c)
                } else {
                    pdf_whole.clone()
                };
                mutate(rng, &mut b);
                let ok = pdf::read(&b).is_ok();
                (b, ok)
            }),
        },
        Target {
            name: "docx",
            index: 5,
            run: Box::new(move |rng| {
                let mut b = if rng.below(4) != 0 {
                    let mut d = docx_doc.clone();
                    mutate(rng, &mut d);
                    docx_of(&d)
                } else {
                    let mut z = docx_whole.clone();
                    mutate(rng, &mut z);
                    z
                };
                if rng.below(8) == 0 {
                    mutate(rng, &mut b);
                }
                let ok = docx::read(&b).is_ok();
                (b, ok)
            }),
        },
    ];

    if let Some((t, seed)) = replay_target {
        let (input, loaded) = (targets[t].run)(&mut Rng(seed));
        println!(
            "{} input of {} bytes, loaded: {loaded}",
            targets[t].name,
            input.len()
        );
        let _ = std::fs::write("fuzz-replay.bin", &input);
        return;
    }
    let per_target = total.div_ceil(targets.len() as u64);
    let mut rng = Rng(seed | 1);
    let mut tallies: Vec<Tally> = targets.iter().map(|_| Tally::default()).collect();
    let started = Instant::now();
    let mut saved = 0;
    for round in 0..per_target {
        for (t, tally) in targets.iter().zip(tallies.iter_mut()) {
            let mut case_rng = Rng(rng.next() | 1);
            let replay = case_rng.0;
            let began = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| (t.run)(&mut case_rng)));
            let took = began.elapsed();
            tally.inputs += 1;
            tally.busy += took;
            tally.slowest = tally.slowest.max(took);
            match outcome {
                Ok((_, true)) => tally.loaded += 1,
                Ok((_, false)) => {}
                Err(_) => {
                    tally.panics += 1;
                    if saved < 20 {
                        // The case's generator seed rebuilds its input exactly.
                        eprintln!("PANIC: replay with `-- replay {} {replay}`", t.index);
                        saved += 1;
                    }
                }
            }
        }
        if round > 0 && round % 50_000 == 0 {
            eprintln!(
                "{} inputs, {:?}",
                round * targets.len() as u64,
                started.elapsed()
            );
        }
    }
    let mut panics = 0;
    let mut inputs = 0;
    println!(
        "{:<15} {:>9} {:>9} {:>7} {:>12} {:>10}",
        "target", "inputs", "loaded", "panics", "slowest", "mean"
    );
    for (t, tally) in targets.iter().zip(&tallies) {
        println!(
            "{:<15} {:>9} {:>9} {:>7} {:>10.1}ms {:>8.1}µs",
            t.name,
            tally.inputs,
            tally.loaded,
            tally.panics,
            tally.slowest.as_secs_f64() * 1e3,
            tally.busy.as_secs_f64() * 1e6 / tally.inputs.max(1) as f64
        );
        panics += tally.panics;
        inputs += tally.inputs;
    }
    println!(
        "total {inputs} inputs, {panics} panics, {:.0} s, seed {seed:#x}",
        started.elapsed().as_secs_f64()
    );
    if panics > 0 {
        std::process::exit(1);
    }
}
