//! A project as rows, and rows as a project.
//!
//! Each article, speaker and claim row holds the entity's JSON object exactly as the
//! project file writes it (known fields, then the unknown keys it was read with); the
//! project row holds the project's own fields and the file's unknown keys. Loading puts
//! the rows back together into project file text and parses that with the file code, so
//! the file format's migrations, unknown-key keeping and checks apply unchanged: a shared
//! project exports exactly as the file it was shared from.

use std::collections::HashMap;
use std::fmt;

use postgres::GenericClient;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::io::project_file::{self, CURRENT_VERSION, FORMAT_NAME};
use crate::model::Project;

/// A JSON object's entries in order, each value as its JSON text.
struct Object(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value::<Box<RawValue>>()?));
                }
                Ok(Object(entries))
            }
        }
        d.deserialize_map(V)
    }
}

/// A project taken apart: what goes in each row.
pub(super) struct Parts {
    /// The project row's `doc`: `{"file": {…unknown file keys…}, "project": {…}}`, the
    /// project's own fields without its lists and counters.
    pub doc: String,
    pub next_id: u64,
    pub next_number: u64,
    /// Each entity's object, in project order.
    pub articles: Vec<String>,
    pub speakers: Vec<String>,
    pub claims: Vec<String>,
}

fn bad(e: impl fmt::Display) -> String {
    format!("the project cannot be split into rows: {e}")
}

/// Take `project` apart into the rows' JSON, each entity as the file writes it.
pub(super) fn split(project: &Project) -> Result<Parts, String> {
    let text = project_file::project_to_compact(project);
    let file: Object = serde_json::from_str(&text).map_err(bad)?;
    let mut file_extra = Vec::new();
    let mut fields = Vec::new();
    let (mut articles, mut speakers, mut claims) = (Vec::new(), Vec::new(), Vec::new());
    for (key, value) in file.0 {
        match key.as_str() {
            "format" | "version" | "recovery_of" => {}
            "project" => {
                let inner: Object = serde_json::from_str(value.get()).map_err(bad)?;
                for (key, value) in inner.0 {
                    let list = match key.as_str() {
                        "articles" => &mut articles,
                        "speakers" => &mut speakers,
                        "claims" => &mut claims,
                        "next_id" | "next_number" => continue,
                        _ => {
                            fields.push((key, value));
                            continue;
                        }
                    };
                    let items: Vec<Box<RawValue>> =
                        serde_json::from_str(value.get()).map_err(bad)?;
                    *list = items.into_iter().map(|r| r.get().to_string()).collect();
                }
            }
            _ => file_extra.push((key, value)),
        }
    }
    let doc = format!(
        "{{\"file\":{},\"project\":{}}}",
        object_text(&file_extra),
        object_text(&fields)
    );
    Ok(Parts {
        doc,
        next_id: project.next_id,
        next_number: project.next_number,
        articles,
        speakers,
        claims,
    })
}

fn object_text(entries: &[(String, Box<RawValue>)]) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A string always serialises.
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(':');
        out.push_str(value.get());
    }
    out.push('}');
    out
}

/// The project row as read.
pub(super) struct ProjectRow {
    pub format_version: i32,
    pub doc: String,
    pub next_id: i64,
    pub next_number: i64,
}

/// Project file text from rows (in project order), in the file format version the rows
/// were written in, so that the file code migrates them if they are older.
pub(super) fn assemble(
    row: &ProjectRow,
    articles: &[String],
    speakers: &[String],
    claims: &[String],
) -> Result<String, String> {
    let bad = |e: serde_json::Error| format!("the stored project is damaged: {e}");
    let doc: Object = serde_json::from_str(&row.doc).map_err(bad)?;
    let mut file = Vec::new();
    let mut fields = Vec::new();
    for (key, value) in doc.0 {
        let entries: Object = serde_json::from_str(value.get()).map_err(bad)?;
        match key.as_str() {
            "file" => file = entries.0,
            "project" => fields = entries.0,
            _ => {}
        }
    }
    let mut out = format!(
        "{{\"format\":\"{FORMAT_NAME}\",\"version\":{},\"project\":{{",
        row.format_version
    );
    for (key, value) in &fields {
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(':');
        out.push_str(value.get());
        out.push(',');
    }
    out.push_str(&format!("\"next_id\":{}", row.next_id));
    if row.next_number != 0 {
        out.push_str(&format!(",\"next_number\":{}", row.next_number));
    }
    for (name, list) in [
        ("articles", articles),
        ("speakers", speakers),
        ("claims", claims),
    ] {
        out.push_str(&format!(",\"{name}\":["));
        out.push_str(&list.join(","));
        out.push(']');
    }
    out.push('}');
    for (key, value) in &file {
        out.push(',');
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(':');
        out.push_str(value.get());
    }
    out.push('}');
    Ok(out)
}

/// The file format version rows are written in.
pub(super) fn format_version() -> i32 {
    i32::try_from(CURRENT_VERSION).unwrap_or(i32::MAX)
}

/// Two claims of `project` with the same number (0, unnumbered, may repeat), said in one
/// line: a shared project's claim numbers are unique (`claims_number`). The claims are not
/// renumbered: a number is what notes, reports and published reviews cite.
pub fn duplicate_number(project: &Project) -> Option<String> {
    let mut seen = HashMap::new();
    for claim in project.claims.iter().filter(|c| c.number != 0) {
        if let Some(first) = seen.insert(claim.number, claim.id) {
            return Some(format!(
                "claims {} and {} both have the number #{} (a shared project's claim numbers \
                 are unique: give one of them another number)",
                first.0, claim.id.0, claim.number
            ));
        }
    }
    None
}

/// An id, number or counter as PostgreSQL's bigint.
pub(super) fn big(n: u64) -> Result<i64, String> {
    i64::try_from(n).map_err(|_| format!("the number {n} is too large for the shared store"))
}

/// One article, speaker or claim row to write.
pub(super) struct Row {
    pub id: i64,
    pub seq: f64,
    pub doc: String,
    /// Articles: the SHA-256; others: unused.
    pub sha256: Option<String>,
    /// Claims: number, article, speaker.
    pub claim: Option<(i64, i64, Option<i64>)>,
}

/// Which table a row goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Articles,
    Speakers,
    Claims,
}

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "claimdesk.articles",
            Table::Speakers => "claimdesk.speakers",
            Table::Claims => "claimdesk.claims",
        }
    }
}

/// Rows per statement when writing many.
const BATCH: usize = 2000;

/// Insert `rows`, or replace the rows with the same id.
pub(super) fn upsert(
    tx: &mut impl GenericClient,
    table: Table,
    project: i64,
    rows: &[Row],
) -> Result<(), postgres::Error> {
    for chunk in rows.chunks(BATCH) {
        let ids: Vec<i64> = chunk.iter().map(|r| r.id).collect();
        let seqs: Vec<f64> = chunk.iter().map(|r| r.seq).collect();
        let docs: Vec<&str> = chunk.iter().map(|r| r.doc.as_str()).collect();
        match table {
            Table::Articles => {
                let shas: Vec<Option<&str>> = chunk.iter().map(|r| r.sha256.as_deref()).collect();
                tx.execute(
                    "INSERT INTO claimdesk.articles (project, id, seq, sha256, doc)
                     SELECT $1, u.id, u.seq, u.sha, u.doc::json
                     FROM unnest($2::bigint[], $3::float8[], $4::text[], $5::text[])
                          AS u(id, seq, sha, doc)
                     ON CONFLICT (project, id) DO UPDATE
                     SET seq = excluded.seq, sha256 = excluded.sha256, doc = excluded.doc",
                    &[&project, &ids, &seqs, &shas, &docs],
                )?;
            }
            Table::Speakers => {
                tx.execute(
                    "INSERT INTO claimdesk.speakers (project, id, seq, doc)
                     SELECT $1, u.id, u.seq, u.doc::json
                     FROM unnest($2::bigint[], $3::float8[], $4::text[]) AS u(id, seq, doc)
                     ON CONFLICT (project, id) DO UPDATE
                     SET seq = excluded.seq, doc = excluded.doc",
                    &[&project, &ids, &seqs, &docs],
                )?;
            }
            Table::Claims => {
                let numbers: Vec<i64> = chunk.iter().map(|r| r.claim.map_or(0, |c| c.0)).collect();
                let articles: Vec<i64> = chunk.iter().map(|r| r.claim.map_or(0, |c| c.1)).collect();
                let speakers: Vec<Option<i64>> =
                    chunk.iter().map(|r| r.claim.and_then(|c| c.2)).collect();
                tx.execute(
                    "INSERT INTO claimdesk.claims
                         (project, id, seq, number, article, speaker, doc)
                     SELECT $1, u.id, u.seq, u.number, u.article, u.speaker, u.doc::json
                     FROM unnest($2::bigint[], $3::float8[], $4::bigint[], $5::bigint[],
                                 $6::bigint[], $7::text[])
                          AS u(id, seq, number, article, speaker, doc)
                     ON CONFLICT (project, id) DO UPDATE
                     SET seq = excluded.seq, number = excluded.number,
                         article = excluded.article, speaker = excluded.speaker,
                         doc = excluded.doc",
                    &[&project, &ids, &seqs, &numbers, &articles, &speakers, &docs],
                )?;
            }
        }
    }
    Ok(())
}

/// Delete the rows with these ids.
pub(super) fn delete(
    tx: &mut impl GenericClient,
    table: Table,
    project: i64,
    ids: &[i64],
) -> Result<(), postgres::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "DELETE FROM {} WHERE project = $1 AND id = ANY($2)",
        table.name()
    );
    tx.execute(&sql, &[&project, &ids])?;
    Ok(())
}

/// Room left between two neighbours when placing rows at an end of the order.
const SPACING: f64 = 1024.0;

/// The order key (`seq`) of every row of `order` (ids in their new order). A row keeps
/// its old key while the order holds; the others (new rows, rows moved) get keys between
/// their neighbours. A run of rows without a neighbour on one side is placed against the
/// nearest row of the whole table on that side, so rows not loaded stay where they were.
/// `None` when two neighbours' keys are too close to put a key between them: then
/// [`respace`] the table and try again.
pub(super) fn place(
    tx: &mut impl GenericClient,
    table: Table,
    project: i64,
    order: &[i64],
    old: &HashMap<i64, f64>,
) -> Result<Option<Vec<f64>>, postgres::Error> {
    let mut seqs: Vec<Option<f64>> = vec![None; order.len()];
    let mut last = f64::NEG_INFINITY;
    for (i, id) in order.iter().enumerate() {
        if let Some(&s) = old.get(id)
            && s > last
        {
            seqs[i] = Some(s);
            last = s;
        }
    }
    let mut i = 0;
    while i < seqs.len() {
        if seqs[i].is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < seqs.len() && seqs[i].is_none() {
            i += 1;
        }
        let run = (i - start) as f64;
        let lo = start.checked_sub(1).and_then(|j| seqs[j]);
        let hi = seqs.get(i).copied().flatten();
        let (lo, hi) = match (lo, hi) {
            (Some(lo), Some(hi)) => (lo, hi),
            (Some(lo), None) => {
                let next = neighbour(tx, table, project, "min", ">", lo)?;
                (lo, next.unwrap_or(lo + SPACING * (run + 1.0)))
            }
            (None, Some(hi)) => {
                let prev = neighbour(tx, table, project, "max", "<", hi)?;
                (prev.unwrap_or(hi - SPACING * (run + 1.0)), hi)
            }
            (None, None) => {
                let sql = format!("SELECT max(seq) FROM {} WHERE project = $1", table.name());
                let max: Option<f64> = tx.query_one(&sql, &[&project])?.get(0);
                let lo = max.unwrap_or(0.0);
                (lo, lo + SPACING * (run + 1.0))
            }
        };
        let step = (hi - lo) / (run + 1.0);
        let mut prev = lo;
        for (k, seq) in seqs[start..i].iter_mut().enumerate() {
            let key = lo + step * (k as f64 + 1.0);
            if !(key > prev && key < hi && key.is_finite()) {
                return Ok(None);
            }
            *seq = Some(key);
            prev = key;
        }
    }
    Ok(Some(seqs.into_iter().map(|s| s.unwrap_or(0.0)).collect()))
}

/// Give every row of the project's `table` a fresh key, [`SPACING`] apart, in the same
/// order. The caller holds the project's row lock.
pub(super) fn respace(
    tx: &mut impl GenericClient,
    table: Table,
    project: i64,
) -> Result<(), postgres::Error> {
    let t = table.name();
    let sql = format!(
        "UPDATE {t} AS t SET seq = r.n * {SPACING}
         FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS n
               FROM {t} WHERE project = $1) AS r
         WHERE t.project = $1 AND t.id = r.id"
    );
    tx.execute(&sql, &[&project])?;
    Ok(())
}

fn neighbour(
    tx: &mut impl GenericClient,
    table: Table,
    project: i64,
    agg: &str,
    cmp: &str,
    at: f64,
) -> Result<Option<f64>, postgres::Error> {
    let sql = format!(
        "SELECT {agg}(seq) FROM {} WHERE project = $1 AND seq {cmp} $2",
        table.name()
    );
    Ok(tx.query_one(&sql, &[&project, &at])?.get(0))
}
