//! The output of `claimdesk extract`: a contract other tools read. Extend it, never break it.
//!
//! JSON: `{"articles":[{"path","title","outlet","author","published","url",
//! "claims":[{"content","speaker","mention","role","cue","kind","start","end",
//! "mention_start","mention_end","worth","claim_type", and when they apply
//! "speaker_unresolved": true, "antecedent":{"words","span","sentences_before"}}],
//! "speakers":[...]}]}`. `start`/`end` are byte offsets of the content in the article
//! text; `speaker` and `role` may be null; `worth` is the content's check-worthiness in
//! [0, 1] and `claim_type` its type (docs/worth.md).
//!
//! Both are written one article at a time ([`Writer`]): `claimdesk extract` reads and
//! extracts inputs on all cores, writes each in the order given and drops it, so its
//! memory is about that of the largest input, not of all of them. The JSON is byte for byte what serde_json's pretty printer
//! makes of the whole document.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::article::ArticleSource;
use super::spreadsheet_safe;
use crate::extract::{Extraction, Score};

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: String,
    title: &'a str,
    /// outlet, author, published, url (null when the file did not say).
    #[serde(flatten)]
    meta: &'a crate::model::ArticleMeta,
    claims: Vec<ClaimOut<'a>>,
    speakers: Vec<SpeakerOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    content: &'a str,
    speaker: Option<&'a str>,
    mention: Option<&'a str>,
    role: Option<&'a str>,
    cue: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    worth: Score,
    claim_type: &'static str,
    /// The speaker is a description standing for someone unnamed ("a senior official").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    speaker_unresolved: bool,
    /// How a pronoun or description found its speaker (absent when the mention is a name).
    #[serde(skip_serializing_if = "Option::is_none")]
    antecedent: Option<&'a crate::extract::Antecedent>,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    role: Option<&'a str>,
    aliases: &'a [String],
    is_body: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unresolved: bool,
}

fn article_out<'a>(source: &'a ArticleSource, ex: &'a Extraction) -> ArticleOut<'a> {
    ArticleOut {
        path: source.path.display().to_string(),
        title: &source.title,
        meta: &source.meta,
        claims: ex
            .claims
            .iter()
            .map(|c| {
                let speaker = ex.speaker_of(c);
                ClaimOut {
                    content: &c.content,
                    speaker: speaker.map(|s| s.name.as_str()),
                    mention: c.mention.as_deref(),
                    role: speaker.and_then(|s| s.role.as_deref()),
                    cue: &c.cue,
                    kind: c.kind.key(),
                    start: c.start,
                    end: c.end,
                    mention_start: c.mention_span.map(|s| s.0),
                    mention_end: c.mention_span.map(|s| s.1),
                    worth: c.worth,
                    claim_type: c.claim_type.key(),
                    speaker_unresolved: speaker.is_some_and(|s| s.unresolved),
                    antecedent: c.antecedent.as_ref(),
                }
            })
            .collect(),
        speakers: ex
            .speakers
            .iter()
            .map(|s| SpeakerOut {
                name: &s.name,
                role: s.role.as_deref(),
                aliases: &s.aliases,
                is_body: s.is_body,
                unresolved: s.unresolved,
            })
            .collect(),
    }
}

pub fn write_json(out: &mut impl Write, items: &[(&ArticleSource, Extraction)]) -> io::Result<()> {
    let mut w = Writer::json(out);
    for (source, ex) in items {
        w.article(source, ex)?;
    }
    w.finish()
}

/// The output format of `claimdesk extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// Writes the output one article at a time; [`Writer::finish`] ends it.
pub enum Writer<'w, W: Write> {
    /// `articles`: how many were written.
    Json {
        out: &'w mut W,
        articles: usize,
    },
    Csv(Box<csv::Writer<&'w mut W>>),
}

impl<'w, W: Write> Writer<'w, W> {
    pub fn new(format: Format, out: &'w mut W) -> io::Result<Self> {
        match format {
            Format::Json => Ok(Writer::json(out)),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_HEADER).map_err(csv_to_io)?;
                Ok(Writer::Csv(Box::new(w)))
            }
        }
    }

    fn json(out: &'w mut W) -> Self {
        Writer::Json { out, articles: 0 }
    }

    /// Write one article's claims.
    pub fn article(&mut self, source: &ArticleSource, ex: &Extraction) -> io::Result<()> {
        let a = article_out(source, ex);
        match self {
            Writer::Json { out, articles } => {
                // As the pretty printer lays out the article in `{"articles": [...]}`: at
                // an indent of two levels, after a comma on its own line end.
                let before: &[u8] = if *articles == 0 {
                    b"{\n  \"articles\": [\n    "
                } else {
                    b",\n    "
                };
                out.write_all(before)?;
                *articles += 1;
                let mut indented = Indented {
                    out: &mut **out,
                    buf: Vec::with_capacity(Indented::<W>::CHUNK),
                };
                serde_json::to_writer_pretty(&mut indented, &a).map_err(json_to_io)?;
                indented.flush_buf()
            }
            Writer::Csv(w) => {
                for c in &a.claims {
                    let (start, end) = (c.start.to_string(), c.end.to_string());
                    let worth = format!("{:.3}", c.worth.as_f64());
                    let row = [
                        a.path.as_str(),
                        a.title,
                        c.speaker.unwrap_or(""),
                        c.mention.unwrap_or(""),
                        c.role.unwrap_or(""),
                        c.cue,
                        c.kind,
                        &start,
                        &end,
                        c.content,
                        &worth,
                        c.claim_type,
                    ];
                    w.write_record(row.iter().map(|cell| spreadsheet_safe(cell).into_owned()))
                        .map_err(csv_to_io)?;
                }
                Ok(())
            }
        }
    }

    /// Flush what was written so far.
    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::Json { out, .. } => out.flush(),
            Writer::Csv(w) => w.flush(),
        }
    }

    /// End the output and flush it.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Writer::Json { out, articles } => {
                if articles == 0 {
                    out.write_all(b"{\n  \"articles\": []\n}\n")?;
                } else {
                    out.write_all(b"\n  ]\n}\n")?;
                }
                out.flush()
            }
            Writer::Csv(mut w) => w.flush(),
        }
    }
}

/// Four spaces after each line end: a pretty-printed value nested two levels deep. (A JSON
/// string never holds a raw line end, so only the layout's own get them.) serde_json
/// writes in many small pieces: they gather in `buf` and go out indented a chunk at a time.
struct Indented<'a, W: Write> {
    out: &'a mut W,
    buf: Vec<u8>,
}

impl<W: Write> Indented<'_, W> {
    const CHUNK: usize = 64 * 1024;

    /// Write out what `buf` holds, indented.
    fn flush_buf(&mut self) -> io::Result<()> {
        for (i, line) in self.buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n    ")?;
            }
            self.out.write_all(line)?;
        }
        self.buf.clear();
        Ok(())
    }
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() >= Self::CHUNK {
            self.flush_buf()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf()?;
        self.out.flush()
    }
}

fn json_to_io(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        // Keep the kind, so that the CLI can tell a closed pipe from a real failure.
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

/// What [`stream`] did: inputs written and inputs that could not be read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Streamed {
    pub written: usize,
    pub failed: usize,
}

/// `claimdesk extract`: each input (a file, `-` or a URL) read, its claims found and
/// written in the order given. `report` is told each input that could not be read (its
/// error) and what a cap cut (a warning), one line each naming the input, in that order
/// too. With `statements`, the article's statements from that score are listed too
/// ([`super::import::add_statements`]). Fails only when the output cannot be written.
///
/// Inputs are read and extracted on all cores ([`super::in_order`]); files small enough
/// to run side by side do, and a long one runs alone, so memory stays about that of the
/// largest input. Each article is written and dropped as soon as those before it are.
pub fn stream(
    format: Format,
    statements: Option<f32>,
    options: crate::extract::Options,
    inputs: &[PathBuf],
    out: &mut impl Write,
    report: &mut dyn FnMut(Report),
) -> io::Result<Streamed> {
    let mut w = Writer::new(format, out)?;
    let mut done = Streamed::default();
    let sizes: Vec<Option<u64>> = inputs.iter().map(|p| input_size(p)).collect();
    let largest = sizes.iter().flatten().copied().max().unwrap_or(0);
    // The parser's model weighs as much as a long article: beside it, long inputs run one
    // at a time (each on all cores), small ones still side by side.
    let side_by_side = if options.parse {
        super::in_order::SIDE_BY_SIDE_PARSED
    } else {
        super::in_order::SIDE_BY_SIDE
    };
    let budget = largest.saturating_add(side_by_side);
    let workers = super::in_order::workers();
    // An input that runs alone has the cores to itself: it reads ahead within it on the
    // others. When all do, they are read on this thread, one after another (fewer threads
    // holding freed memory of their own).
    let alone = |i: usize| inputs.len() == 1 || sizes[i].is_none_or(|s| s > side_by_side);
    let work = |i: usize| {
        let threads = if alone(i) { workers } else { 1 };
        extract_input(
            &inputs[i],
            statements,
            crate::extract::Options { threads, ..options },
        )
    };
    let pool = if (0..inputs.len()).all(alone) {
        1
    } else {
        workers
    };
    super::in_order::map_in_order(
        &sizes,
        pool,
        budget,
        work,
        |_, extracted| -> io::Result<()> {
            let (source, ex) = match extracted {
                Ok(Extracted {
                    source,
                    ex,
                    warnings,
                }) => {
                    warnings
                        .into_iter()
                        .for_each(|l| report(Report::Warning(l)));
                    (source, ex)
                }
                Err(e) => {
                    report(Report::Failed(e));
                    done.failed += 1;
                    return Ok(());
                }
            };
            w.article(&source, &ex)?;
            // Out before the next input is taken (a pipeline sees each article as it is done).
            w.flush()?;
            done.written += 1;
            Ok(())
        },
    )?;
    w.finish()?;
    Ok(done)
}

/// An input read and its claims found, with the warnings to report for it.
struct Extracted {
    source: ArticleSource,
    ex: Extraction,
    warnings: Vec<String>,
}

/// Read and extract one input of [`stream`]; `Err` is the line that names what failed.
fn extract_input(
    path: &Path,
    statements: Option<f32>,
    options: crate::extract::Options,
) -> Result<Extracted, String> {
    let source = super::import::read_input(path).map_err(|e| e.to_string())?;
    let mut ex = crate::extract::extract_with_options(&source.text, options);
    if let Some(threshold) = statements {
        super::import::add_statements(&source.text, &mut ex, &source.meta, threshold);
    }
    let mut warnings: Vec<String> = source.warning_lines().collect();
    let cap = crate::extract::MAX_CLAIMS;
    if let Some(cut) = super::import::claims_cap_warning(&ex, &source.text, cap) {
        let shown = super::article::shown_path(&source.path);
        warnings.push(format!("{shown}: {cut}"));
    }
    Ok(Extracted {
        source,
        ex,
        warnings,
    })
}

/// What an input weighs before it is read: a file's size; `None` for standard input, a
/// URL or what cannot be looked at (such an input runs alone).
fn input_size(path: &Path) -> Option<u64> {
    if path.as_os_str() == "-" || super::fetch::url_of(path).is_some() {
        return None;
    }
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

/// A line [`stream`] reports, naming its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    Failed(String),
    Warning(String),
}

pub const CSV_HEADER: [&str; 12] = [
    "path",
    "title",
    "speaker",
    "mention",
    "role",
    "cue",
    "kind",
    "start",
    "end",
    "content",
    "worth",
    "claim_type",
];

pub fn write_csv(out: &mut impl Write, items: &[(&ArticleSource, Extraction)]) -> io::Result<()> {
    let mut w = Writer::new(Format::Csv, out)?;
    for (source, ex) in items {
        w.article(source, ex)?;
    }
    w.finish()
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole document, as `extract` wrote it before it streamed.
    #[derive(Serialize)]
    struct Whole<'a> {
        articles: Vec<ArticleOut<'a>>,
    }

    #[test]
    fn streamed_json_is_the_pretty_printed_document_byte_for_byte() {
        let source = |name: &str, text: &str| ArticleSource {
            path: name.into(),
            title: format!("Title of {name}"),
            text: text.into(),
            sha256: String::new(),
            meta: crate::model::ArticleMeta {
                url: Some("https://example.org/a".into()),
                ..Default::default()
            },
            warnings: Vec::new(),
        };
        let a = source(
            "a.txt",
            "\u{201c}We will win,\u{201d} the mayor said.\nLine \"two\".",
        );
        let b = source("b\nc.txt", "No claims here at all");
        let (ea, eb) = (
            crate::extract::extract(&a.text),
            crate::extract::extract(&b.text),
        );
        assert!(!ea.claims.is_empty() && eb.claims.is_empty());
        let items = [(&a, ea.clone()), (&b, eb.clone())];
        for n in 0..=2 {
            let items = &items[..n];
            let whole = Whole {
                articles: items.iter().map(|(s, ex)| article_out(s, ex)).collect(),
            };
            let mut want = serde_json::to_vec_pretty(&whole).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            write_json(&mut got, items).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }
}
