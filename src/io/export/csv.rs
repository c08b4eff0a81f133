//! `--format csv`: one row per claim for spreadsheets (docs/exports.md).
//!
//! UTF-8, optionally with a byte-order mark; the csv crate quotes cells holding commas,
//! quotes or line breaks; every cell goes through [`spreadsheet_safe`] so that a claim
//! such as `=HYPERLINK(…)` is shown as text, never run as a formula, and bidi controls
//! are shown as their codes ([`bidi_visible`]) so that no cell shows reordered text.

use std::io::{self, Write};

use super::{Options, bidi_visible, rows, verdict_date};
use crate::io::spreadsheet_safe;
use crate::model::Project;

/// The header row, in column order. New columns are added at the end only, so that
/// readers of older exports keep working.
pub const HEADER: [&str; 24] = [
    "claim_id",
    "article_title",
    "outlet",
    "url",
    "published",
    "speaker",
    "role",
    "speaker_is_body",
    "mention",
    "claim",
    "cue",
    "kind",
    "status",
    "verdict_date",
    "notes",
    "evidence_urls",
    "evidence_descriptions",
    "rationale",
    "assignee",
    "priority",
    "in_progress",
    "worth",
    "claim_type",
    "tags",
];

/// The UTF-8 byte-order mark that `bom` puts first.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Write the CSV export of the claims of `project` that `options` choose to `out`.
pub fn write(out: &mut impl Write, project: &Project, options: &Options) -> io::Result<()> {
    if options.bom {
        out.write_all(BOM)?;
    }
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(csv_to_io)?;
    for row in rows(project, options) {
        let c = row.claim;
        let article = row.article;
        let meta = article.map(|a| &a.meta);
        let speaker = row.speaker;
        // One evidence item a line, URLs and descriptions in the same order.
        let urls: Vec<String> = c.evidence.iter().map(|e| one_line(&e.url)).collect();
        let descriptions: Vec<String> = c
            .evidence
            .iter()
            .map(|e| one_line(&e.description))
            .collect();
        let (worth, claim_type) = c.worthiness();
        let cells: [String; HEADER.len()] = [
            c.id.0.to_string(),
            article.map(|a| a.title.clone()).unwrap_or_default(),
            meta.and_then(|m| m.outlet.clone()).unwrap_or_default(),
            meta.and_then(|m| m.url.clone()).unwrap_or_default(),
            meta.and_then(|m| m.published.clone()).unwrap_or_default(),
            speaker.map(|s| s.name.clone()).unwrap_or_default(),
            speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
            speaker
                .map(|s| if s.is_body { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
            c.mention.clone().unwrap_or_default(),
            c.content.clone(),
            c.cue.clone(),
            c.kind.key().to_string(),
            c.status.key().to_string(),
            verdict_date(c).unwrap_or_default(),
            c.notes.clone(),
            urls.join("\n"),
            descriptions.join("\n"),
            c.rationale.clone(),
            c.assignee.clone().unwrap_or_default(),
            c.priority.key().to_string(),
            if c.in_progress { "yes" } else { "no" }.to_string(),
            format!("{:.3}", worth.as_f64()),
            claim_type.key().to_string(),
            // Tags hold no commas (`model::tags::clean_tag`): the list reads back unambiguously.
            c.tags.join(", "),
        ];
        w.write_record(
            cells
                .iter()
                .map(|cell| spreadsheet_safe(&bidi_visible(cell)).into_owned()),
        )
        .map_err(csv_to_io)?;
    }
    w.flush()
}

/// The CSV export as bytes.
pub fn to_bytes(project: &Project, options: &Options) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write(&mut out, project, options)?;
    Ok(out)
}

/// Line breaks inside one evidence item would shift the URL and description lists apart.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn csv_to_io(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
