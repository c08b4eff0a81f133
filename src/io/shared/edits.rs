//! One edit, one transaction: load the rows the edit touches (locked), apply the edit to
//! them with the model's own code, write back what changed, log the edit with its author
//! (`current_user`) and the server's time, and NOTIFY the project's channel.
//!
//! Locks: an edit of claim fields locks only its claims' rows (in id order, so two edits
//! never deadlock), so analysts changing different claims never wait for each other; two
//! edits of the same claim run one after the other, the later one seeing the earlier's
//! result (READ COMMITTED re-reads a row after waiting for its lock): the later wins and
//! both are in the log. Edits that give out ids or numbers, or change speakers or the
//! project's own fields, also lock the project's row, so ids and claim numbers stay
//! unique under any number of concurrent imports.

use std::collections::{HashMap, HashSet};

use postgres::GenericClient;

use super::publications;
use super::rows::{self, ProjectRow, Row, Table};
use super::{SharedError, SharedErrorKind, SharedProject, db_message};
use crate::io::project_file;
use crate::model::edit::{self, Edit};
use crate::model::{ArticleId, ClaimId, SpeakerId};

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditReceipt {
    /// Its entry in the edit log.
    pub edit_id: i64,
    /// Who made it (the database role).
    pub author: String,
    /// The claims it added.
    pub added_claims: Vec<ClaimId>,
    /// The article it added (`Edit::AddArticle`).
    pub added_article: Option<ArticleId>,
    /// The claims whose rows it changed, added or removed.
    pub touched_claims: Vec<ClaimId>,
}

/// Which claims an edit reads and changes.
enum ClaimScope {
    None,
    Ids(Vec<ClaimId>),
    Article(ArticleId),
    Speakers(Vec<SpeakerId>),
    /// An undo or redo: the claims it names, and every claim of the articles and speakers
    /// it may remove (one still referred to is kept).
    Revert(Vec<ClaimId>, Vec<ArticleId>, Vec<SpeakerId>),
}

fn claim_scope(edit: &Edit) -> ClaimScope {
    use ClaimScope as S;
    if let Some(claims) = edit.claim_ids() {
        return S::Ids(claims.to_vec());
    }
    match edit {
        Edit::AddClaim { article, .. } | Edit::ReExtract { article, .. } => S::Article(*article),
        Edit::MergeSpeakers { from, .. } => S::Speakers(vec![*from]),
        Edit::MergeSpeakersInto { from, .. } => S::Speakers(from.clone()),
        Edit::DismissSpeaker { speaker, .. } | Edit::SplitSpeaker { speaker, .. } => {
            S::Speakers(vec![*speaker])
        }
        Edit::DismissSpeakers { speakers, .. } => S::Speakers(speakers.clone()),
        Edit::Revert(r) => {
            let (articles, speakers) = r.added_articles_and_speakers();
            S::Revert(r.claim_ids(), articles, speakers)
        }
        // The edits of claim fields are `Edit::claim_ids`'s (above: it names every kind
        // of edit, so a new one does not compile until its claims are decided); the rest
        // change only articles, speakers or the project's own fields.
        _ => S::None,
    }
}

fn article_scope(edit: &Edit) -> Vec<ArticleId> {
    match edit {
        Edit::AddClaim { article, .. }
        | Edit::ReExtract { article, .. }
        | Edit::SetArticleMemo { article, .. }
        | Edit::SetArticleMeta { article, .. } => vec![*article],
        Edit::Revert(r) => r.article_ids(),
        _ => Vec::new(),
    }
}

/// Edits that change only the fields of the claims or the article they name: these lock
/// nothing else. (Should one still change more, it is run again with the project locked.)
fn claim_fields_only(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::SetStatus { .. }
            | Edit::SetContent { .. }
            | Edit::SetNotes { .. }
            | Edit::SetRationale { .. }
            | Edit::SetPriority { .. }
            | Edit::SetInProgress { .. }
            | Edit::AddEvidence { .. }
            | Edit::RemoveEvidence { .. }
            | Edit::ApplyCheck { .. }
            | Edit::JudgeMatch { .. }
            | Edit::SetArticleMemo { .. }
            | Edit::SetArticleMeta { .. }
            | Edit::Publish { .. }
            | Edit::Unpublish { .. }
            | Edit::AddTag { .. }
            | Edit::RemoveTag { .. }
            | Edit::RenameTag { .. }
    )
}

/// The edit as the log keeps it: serde's form, except that an added or re-extracted
/// article's extraction is summarised (the rows hold the result).
fn log_form(edit: &Edit) -> String {
    match edit {
        Edit::AddArticle {
            article,
            extraction,
        } => serde_json::json!({"AddArticle": {
            "title": article.title,
            "sha256": article.sha256,
            "source_path": article.source_path,
            "claims": extraction.claims.len(),
        }})
        .to_string(),
        Edit::ReExtract {
            article,
            extraction,
        } => serde_json::json!({"ReExtract": {
            "article": article.0, "claims": extraction.claims.len()
        }})
        .to_string(),
        Edit::Revert(r) if r.has_articles() => serde_json::json!({"Revert": {
            "redo": r.redo, "articles": r.articles.len(), "claims": r.claims.len()
        }})
        .to_string(),
        other => serde_json::to_string(other).unwrap_or_else(|_| "null".into()),
    }
}

enum Attempt {
    Done(EditReceipt),
    /// The edit changed more than the rows it locked: run it again with the project locked.
    NeedsProjectLock,
    /// No room between two order keys of this table: respace it, then run the edit again.
    Respace(Table),
}

/// Rows as read: id, order key, JSON.
type Loaded = Vec<(i64, f64, String)>;

fn ids<T: Copy>(list: &[T], raw: impl Fn(T) -> u64) -> Result<Vec<i64>, String> {
    list.iter().map(|&x| rows::big(raw(x))).collect()
}

impl SharedProject {
    /// Apply one edit in its own transaction (see the module docs). On error nothing
    /// changed, except for [`SharedErrorKind::CommitUnknown`]: the connection lost during
    /// the commit itself, when the edit may have been applied.
    pub fn apply(&mut self, edit: &Edit) -> Result<EditReceipt, SharedError> {
        match self.apply_once(edit) {
            Err(SharedError {
                address,
                kind: SharedErrorKind::Database(why),
            }) if self.client.is_closed() => Err(SharedError {
                address,
                kind: SharedErrorKind::Lost(why),
            }),
            other => other,
        }
    }

    fn apply_once(&mut self, edit: &Edit) -> Result<EditReceipt, SharedError> {
        let mut lock = !claim_fields_only(edit);
        let address = self.address.to_string();
        let fail = |kind| SharedError {
            address: address.clone(),
            kind,
        };
        let db = |e: postgres::Error| fail(SharedErrorKind::Database(db_message(&e)));
        let mut respaced = 0;
        loop {
            let mut tx = self.client.transaction().map_err(db)?;
            match attempt(&mut tx, self.id, edit, lock).map_err(db)? {
                Ok(Attempt::Done(receipt)) => {
                    return match tx.commit() {
                        Ok(()) => Ok(receipt),
                        // The server may have written the commit before the connection
                        // went: say so rather than "refused" (nothing may then be claimed
                        // about the project either way).
                        Err(e) if e.as_db_error().is_none() || self.client.is_closed() => {
                            Err(fail(SharedErrorKind::CommitUnknown(db_message(&e))))
                        }
                        Err(e) => Err(db(e)),
                    };
                }
                Ok(Attempt::NeedsProjectLock) if !lock => lock = true,
                Ok(Attempt::Respace(table)) if respaced < 3 => {
                    drop(tx);
                    respaced += 1;
                    lock = true;
                    let mut tx = self.client.transaction().map_err(db)?;
                    tx.execute(
                        "SELECT 1 FROM claimdesk.projects WHERE id = $1 FOR NO KEY UPDATE",
                        &[&self.id],
                    )
                    .map_err(db)?;
                    rows::respace(&mut tx, table, self.id).map_err(db)?;
                    tx.commit().map_err(db)?;
                }
                Ok(Attempt::NeedsProjectLock) => {
                    return Err(fail(SharedErrorKind::Damaged(
                        "an edit changed rows it had not locked".into(),
                    )));
                }
                Ok(Attempt::Respace(table)) => {
                    return Err(fail(SharedErrorKind::Damaged(format!(
                        "no room left in the order of {} after respacing",
                        table.name()
                    ))));
                }
                Err(kind) => return Err(fail(kind)),
            }
        }
    }
}

fn load_rows(
    tx: &mut impl GenericClient,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> Result<Loaded, postgres::Error> {
    let mut rows: Loaded = tx
        .query(sql, params)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    Ok(rows)
}

/// One try at an edit inside `tx`. The outer error is the database's; the inner one why
/// the edit cannot be made.
fn attempt(
    tx: &mut postgres::Transaction<'_>,
    pid: i64,
    edit: &Edit,
    lock: bool,
) -> Result<Result<Attempt, SharedErrorKind>, postgres::Error> {
    let damaged = SharedErrorKind::Damaged;
    // NO KEY UPDATE: writing a claim or an edit row takes KEY SHARE on its project's row
    // (the foreign key), which FOR UPDATE would block; edits that lock only claims must
    // never wait for an import holding the project.
    let lock_sql = if lock { " FOR NO KEY UPDATE" } else { "" };
    let row = tx.query_one(
        &format!(
            "SELECT format_version, doc::text, next_id, next_number
             FROM claimdesk.projects WHERE id = $1{lock_sql}"
        ),
        &[&pid],
    )?;
    let project_row = ProjectRow {
        format_version: row.get(0),
        doc: row.get(1),
        next_id: row.get(2),
        next_number: row.get(3),
    };
    let speakers = if lock {
        load_rows(
            tx,
            "SELECT id, seq, doc::text FROM claimdesk.speakers WHERE project = $1",
            &[&pid],
        )?
    } else {
        Vec::new()
    };
    let article_ids = match ids(&article_scope(edit), |a| a.0) {
        Ok(ids) => ids,
        Err(e) => return Ok(Err(damaged(e))),
    };
    let articles = load_rows(
        tx,
        "SELECT id, seq, doc::text FROM claimdesk.articles
         WHERE project = $1 AND id = ANY($2) ORDER BY id FOR UPDATE",
        &[&pid, &article_ids],
    )?;
    let claims_sql = |filter: &str| {
        format!(
            "SELECT id, seq, doc::text FROM claimdesk.claims
             WHERE project = $1 AND {filter} ORDER BY id FOR UPDATE"
        )
    };
    let claims = match claim_scope(edit) {
        ClaimScope::None => Vec::new(),
        ClaimScope::Ids(list) => match ids(&list, |c| c.0) {
            Ok(list) => load_rows(tx, &claims_sql("id = ANY($2)"), &[&pid, &list])?,
            Err(e) => return Ok(Err(damaged(e))),
        },
        ClaimScope::Article(a) => match rows::big(a.0) {
            Ok(a) => load_rows(tx, &claims_sql("article = $2"), &[&pid, &a])?,
            Err(e) => return Ok(Err(damaged(e))),
        },
        ClaimScope::Speakers(list) => match ids(&list, |s| s.0) {
            Ok(list) => load_rows(tx, &claims_sql("speaker = ANY($2)"), &[&pid, &list])?,
            Err(e) => return Ok(Err(damaged(e))),
        },
        ClaimScope::Revert(claims, articles, speakers) => match (
            ids(&claims, |c| c.0),
            ids(&articles, |a| a.0),
            ids(&speakers, |s| s.0),
        ) {
            (Ok(c), Ok(a), Ok(s)) => load_rows(
                tx,
                &claims_sql("(id = ANY($2) OR article = ANY($3) OR speaker = ANY($4))"),
                &[&pid, &c, &a, &s],
            )?,
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return Ok(Err(damaged(e))),
        },
    };
    if let Edit::AddArticle { article, .. } = edit
        && let Some(sha) = &article.sha256
    {
        let dup = tx.query_opt(
            "SELECT id, doc->>'title' FROM claimdesk.articles
             WHERE project = $1 AND sha256 = $2 LIMIT 1",
            &[&pid, sha],
        )?;
        if let Some(dup) = dup {
            let title: Option<String> = dup.get(1);
            return Ok(Err(SharedErrorKind::Duplicate {
                id: dup.get(0),
                title: title.unwrap_or_default(),
            }));
        }
    }
    let docs = |rows: &Loaded| rows.iter().map(|r| r.2.clone()).collect::<Vec<_>>();
    let text = match rows::assemble(
        &project_row,
        &docs(&articles),
        &docs(&speakers),
        &docs(&claims),
    ) {
        Ok(text) => text,
        Err(e) => return Ok(Err(damaged(e))),
    };
    let mut before = match project_file::part_from_str(&text) {
        Ok(p) => p,
        Err(e) => return Ok(Err(SharedErrorKind::Stored(e.kind.to_string()))),
    };
    // Publications come from their own table (which only editors may write), never from
    // the claims' rows.
    let loaded_claims: Vec<i64> = claims.iter().map(|r| r.0).collect();
    let published = publications::read(tx, pid, Some(&loaded_claims))?;
    publications::overlay(&mut before, published);
    let server_edit = publications::server_form(tx, edit)?;
    let edit: &Edit = &server_edit;
    let mut after = before.clone();
    let patch = match edit::apply(&mut after, edit) {
        Ok(patch) => patch,
        Err(e) => return Ok(Err(SharedErrorKind::Edit(e))),
    };
    let published_before = publications::take(&mut before);
    let published_after = publications::take(&mut after);
    let (b, a) = match (rows::split(&before), rows::split(&after)) {
        (Ok(b), Ok(a)) => (b, a),
        (Err(e), _) | (_, Err(e)) => return Ok(Err(damaged(e))),
    };
    let project_changed =
        a.doc != b.doc || a.next_id != b.next_id || a.next_number != b.next_number;
    if !lock && (project_changed || a.speakers != b.speakers) {
        return Ok(Ok(Attempt::NeedsProjectLock));
    }
    if project_changed {
        let (Ok(next_id), Ok(next_number)) = (rows::big(a.next_id), rows::big(a.next_number))
        else {
            return Ok(Err(damaged("the project's counters are too large".into())));
        };
        tx.execute(
            "UPDATE claimdesk.projects SET doc = $2::text::json, next_id = $3, next_number = $4
             WHERE id = $1",
            &[&pid, &a.doc, &next_id, &next_number],
        )?;
    }
    // Articles, speakers and claims: rows whose JSON or place changed are written,
    // rows gone are deleted.
    let mut touched_claims = Vec::new();
    let new_articles = entity_ids(after.articles.iter().map(|x| x.id.0));
    let new_speakers = entity_ids(after.speakers.iter().map(|x| x.id.0));
    let new_claims = entity_ids(after.claims.iter().map(|x| x.id.0));
    let (Ok(new_articles), Ok(new_speakers), Ok(new_claims)) =
        (new_articles, new_speakers, new_claims)
    else {
        return Ok(Err(damaged(
            "an id is too large for the shared store".into(),
        )));
    };
    for (table, loaded, order, old_docs, new_docs) in [
        (
            Table::Articles,
            &articles,
            &new_articles,
            &b.articles,
            &a.articles,
        ),
        (
            Table::Speakers,
            &speakers,
            &new_speakers,
            &b.speakers,
            &a.speakers,
        ),
        (Table::Claims, &claims, &new_claims, &b.claims, &a.claims),
    ] {
        let old_seq: HashMap<i64, f64> = loaded.iter().map(|r| (r.0, r.1)).collect();
        let old_doc: HashMap<i64, &String> =
            loaded.iter().map(|r| r.0).zip(old_docs.iter()).collect();
        let Some(seqs) = rows::place(tx, table, pid, order, &old_seq)? else {
            return Ok(Ok(Attempt::Respace(table)));
        };
        let mut write = Vec::new();
        for (i, (&id, doc)) in order.iter().zip(new_docs).enumerate() {
            let doc_changed = old_doc.get(&id) != Some(&doc);
            if !doc_changed && old_seq.get(&id) == Some(&seqs[i]) {
                continue;
            }
            let row = match table {
                Table::Claims => {
                    if doc_changed {
                        touched_claims.push(ClaimId(after.claims[i].id.0));
                    }
                    match super::claim_row(&after.claims[i], doc, seqs[i]) {
                        Ok(row) => row,
                        Err(e) => return Ok(Err(damaged(e))),
                    }
                }
                Table::Articles => Row {
                    id,
                    seq: seqs[i],
                    doc: doc.clone(),
                    sha256: after.articles[i].sha256.clone(),
                    claim: None,
                },
                Table::Speakers => Row {
                    id,
                    seq: seqs[i],
                    doc: doc.clone(),
                    sha256: None,
                    claim: None,
                },
            };
            write.push(row);
        }
        let kept: HashSet<i64> = order.iter().copied().collect();
        let gone: Vec<i64> = loaded
            .iter()
            .map(|r| r.0)
            .filter(|id| !kept.contains(id))
            .collect();
        if table == Table::Claims {
            touched_claims.extend(gone.iter().map(|&id| ClaimId(id as u64)));
        }
        rows::delete(tx, table, pid, &gone)?;
        rows::upsert(tx, table, pid, &write)?;
    }
    let republished = publications::write(tx, pid, &published_before, &published_after)?;
    touched_claims.extend(republished);
    touched_claims.sort();
    touched_claims.dedup();
    let touched_sql: Vec<i64> = touched_claims.iter().map(|c| c.0 as i64).collect();
    let logged = tx.query_one(
        "INSERT INTO claimdesk.edits (project, kind, claims, edit)
         VALUES ($1, $2, $3, $4::text::json) RETURNING id, author",
        &[&pid, &edit.describe(), &touched_sql, &log_form(edit)],
    )?;
    let edit_id: i64 = logged.get(0);
    let author: String = logged.get(1);
    let payload = serde_json::json!({"edit": edit_id, "author": author, "kind": edit.describe()});
    tx.execute(
        "SELECT pg_notify($1, $2)",
        &[&super::channel(pid), &payload.to_string()],
    )?;
    let added_article = after
        .articles
        .iter()
        .map(|a| a.id)
        .find(|id| before.article(*id).is_none());
    Ok(Ok(Attempt::Done(EditReceipt {
        edit_id,
        author,
        added_claims: patch.added_claims.clone(),
        added_article,
        touched_claims,
    })))
}

fn entity_ids(ids: impl Iterator<Item = u64>) -> Result<Vec<i64>, String> {
    ids.map(rows::big).collect()
}
