//! The output of `claimdesk extract`: a contract other tools read. Extend it, never break it.
//!
//! JSON: `{"articles":[{"path","title","outlet","author","published","url",
//! "claims":[{"content","speaker","mention","role","cue","kind","start","end",
//! "mention_start","mention_end","worth","claim_type"}], "speakers":[...]}]}`.
//! `start`/`end` are byte offsets of the content in the article text; `speaker` and
//! `role` may be null; `worth` is the content's check-worthiness in [0, 1] and
//! `claim_type` its type (docs/worth.md).

use std::io::{self, Write};

use serde::Serialize;

use super::article::ArticleSource;
use super::spreadsheet_safe;
use crate::extract::{Extraction, Score};

#[derive(Serialize)]
struct Output<'a> {
    articles: Vec<ArticleOut<'a>>,
}

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
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    role: Option<&'a str>,
    aliases: &'a [String],
    is_body: bool,
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
            })
            .collect(),
    }
}

pub fn write_json(out: &mut impl Write, items: &[(&ArticleSource, Extraction)]) -> io::Result<()> {
    let doc = Output {
        articles: items.iter().map(|(s, ex)| article_out(s, ex)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| match e.io_error_kind() {
        // Keep the kind, so that the CLI can tell a closed pipe from a real failure.
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    })?;
    writeln!(out)
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
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(csv_to_io)?;
    for (source, ex) in items {
        let a = article_out(source, ex);
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
    }
    w.flush()
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
