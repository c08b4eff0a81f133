//! The output of `claimdesk rank`: a contract other tools read. Extend it, never break it.
//!
//! One record per sentence, in input order: JSON Lines
//! `{"file","line","start","end","text","score","type"}` or CSV with those columns.
//! `line` is the 1-based line of the text the sentence starts on, `start`/`end` byte
//! offsets of the sentence in the article's text, `score` its check-worthiness in [0, 1]
//! and `type` its claim type (docs/worth.md).

use std::io::{self, Write};

use serde::Serialize;

use super::article::ArticleSource;
use super::spreadsheet_safe;
use crate::extract::worth;

#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    line: usize,
    start: usize,
    end: usize,
    text: &'a str,
    score: f32,
    #[serde(rename = "type")]
    claim_type: &'static str,
}

pub const CSV_HEADER: [&str; 7] = ["file", "line", "start", "end", "text", "score", "type"];

/// Where the records go: JSON Lines, or CSV (its header written first).
pub enum Sink<W: Write> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> Sink<W> {
    pub fn new(out: W, csv: bool) -> io::Result<Sink<W>> {
        if !csv {
            return Ok(Sink::Jsonl(out));
        }
        let mut w = csv::Writer::from_writer(out);
        w.write_record(CSV_HEADER).map_err(csv_to_io)?;
        Ok(Sink::Csv(Box::new(w)))
    }

    /// Score and write every sentence of one article; with `lines`, every non-empty line
    /// of its text is one sentence.
    pub fn article(&mut self, source: &ArticleSource, lines: bool) -> io::Result<()> {
        let text = source.text.as_str();
        let file = source.path.display().to_string();
        let spans = if lines {
            crate::extract::lines(text)
        } else {
            crate::extract::sentences(text)
        };
        let (mut line, mut counted) = (1usize, 0usize);
        let mut scorer = worth::Scorer::default();
        for (start, end) in spans {
            line += text.as_bytes()[counted..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted = start;
            let sentence = &text[start..end];
            let w = scorer.assess(sentence);
            let row = Row {
                file: &file,
                line,
                start,
                end,
                text: sentence,
                score: w.score,
                claim_type: w.claim_type.key(),
            };
            self.write(&row)?;
        }
        Ok(())
    }

    fn write(&mut self, row: &Row<'_>) -> io::Result<()> {
        match self {
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row).map_err(io::Error::other)?;
                out.write_all(b"\n")
            }
            Sink::Csv(w) => {
                let cells = [
                    row.file.to_string(),
                    row.line.to_string(),
                    row.start.to_string(),
                    row.end.to_string(),
                    row.text.to_string(),
                    row.score.to_string(),
                    row.claim_type.to_string(),
                ];
                w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
                    .map_err(csv_to_io)
            }
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Jsonl(out) => out.flush(),
            Sink::Csv(w) => w.flush(),
        }
    }
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
