//! Published verdicts in a shared project (schema version 2): kept in their own table,
//! `claimdesk.publications`, which only an editor role may write (docs/shared-projects.md),
//! never in the claims' rows, which analysts write. A `published` key in a claim's stored
//! JSON is therefore never believed: loading sets every claim's publication from the table
//! (and none where it has no row), and the claims' rows are written without it.

use std::borrow::Cow;
use std::collections::HashMap;

use postgres::GenericClient;

use crate::model::edit::Edit;
use crate::model::{ClaimId, Project, Publication, Status};

/// One row of `claimdesk.publications`: the claim's id and its publication.
pub(super) type Rows = Vec<(i64, Publication)>;

/// The publications of project `pid` (of the listed claims only, when given).
pub(super) fn read(
    tx: &mut impl GenericClient,
    pid: i64,
    claims: Option<&[i64]>,
) -> Result<Rows, postgres::Error> {
    let rows = match claims {
        None => tx.query(
            "SELECT claim, status, rationale, at, by FROM claimdesk.publications
             WHERE project = $1",
            &[&pid],
        )?,
        Some(list) => tx.query(
            "SELECT claim, status, rationale, at, by FROM claimdesk.publications
             WHERE project = $1 AND claim = ANY($2)",
            &[&pid, &list],
        )?,
    };
    Ok(rows
        .iter()
        .filter_map(|r| {
            let status: String = r.get(1);
            // A status this claimdesk does not know (a newer one wrote it): not shown as
            // published rather than as the wrong verdict.
            let status = serde_json::from_value::<Status>(status.into()).ok()?;
            Some((
                r.get(0),
                Publication {
                    status,
                    rationale: r.get(2),
                    at: r.get(3),
                    by: r.get(4),
                },
            ))
        })
        .collect())
}

/// Set every claim's publication from the table's rows (none where there is no row).
pub(super) fn overlay(project: &mut Project, rows: Rows) {
    let mut by_claim: HashMap<i64, Publication> = rows.into_iter().collect();
    for claim in &mut project.claims {
        claim.published = i64::try_from(claim.id.0)
            .ok()
            .and_then(|id| by_claim.remove(&id));
    }
}

/// The claims' publications, taken out of the project (which then writes claims' rows
/// without them).
pub(super) fn take(project: &mut Project) -> HashMap<ClaimId, Publication> {
    project
        .claims
        .iter_mut()
        .filter_map(|c| c.published.take().map(|p| (c.id, p)))
        .collect()
}

/// Write what changed between `before` and `after` (claims gone are removed by the
/// table's foreign key). Refused by the server for a role without the publish right.
/// Returns the claims whose publication changed.
pub(super) fn write(
    tx: &mut impl GenericClient,
    pid: i64,
    before: &HashMap<ClaimId, Publication>,
    after: &HashMap<ClaimId, Publication>,
) -> Result<Vec<ClaimId>, postgres::Error> {
    let mut changed = Vec::new();
    for (claim, p) in after {
        if before.get(claim) == Some(p) {
            continue;
        }
        changed.push(*claim);
        let id = i64::try_from(claim.0).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO claimdesk.publications (project, claim, status, rationale, at, by)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (project, claim) DO UPDATE SET status = EXCLUDED.status,
                 rationale = EXCLUDED.rationale, at = EXCLUDED.at, by = EXCLUDED.by,
                 published_at = now(), published_by = current_user",
            &[
                &pid,
                &id,
                &status_name(p.status),
                &p.rationale,
                &p.at,
                &p.by,
            ],
        )?;
    }
    let gone: Vec<ClaimId> = before
        .keys()
        .filter(|c| !after.contains_key(c))
        .copied()
        .collect();
    changed.extend(&gone);
    let gone: Vec<i64> = gone
        .iter()
        .map(|c| i64::try_from(c.0).unwrap_or(i64::MAX))
        .collect();
    if !gone.is_empty() {
        tx.execute(
            "DELETE FROM claimdesk.publications WHERE project = $1 AND claim = ANY($2)",
            &[&pid, &gone],
        )?;
    }
    Ok(changed)
}

/// The status as the project file writes it ("false", "misleading").
fn status_name(status: Status) -> String {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The edit as the server applies and logs it: a publication is by the connected role,
/// whatever name the client gave.
pub(super) fn server_form<'a>(
    tx: &mut impl GenericClient,
    edit: &'a Edit,
) -> Result<Cow<'a, Edit>, postgres::Error> {
    match edit {
        Edit::Publish { claims, at, .. } => {
            let role: String = tx.query_one("SELECT current_user::text", &[])?.get(0);
            Ok(Cow::Owned(Edit::Publish {
                claims: claims.clone(),
                at: *at,
                by: role,
            }))
        }
        _ => Ok(Cow::Borrowed(edit)),
    }
}
