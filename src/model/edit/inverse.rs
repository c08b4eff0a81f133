//! Undo in a shared project: the server has only edits, so an undo is sent as the edits
//! that set back what the undone edit changed (the old status, notes, …), made from its
//! patch's earlier values. Kinds without an inverse yet (articles, speakers, claims added
//! or deleted, evidence) return `None`: the window says undo is not available for them.

use std::collections::BTreeMap;

use super::{Edit, Patch};
use crate::model::{Claim, ClaimId};

/// The edits that undo `edit`, whose application left `patch`; `at` is now (a status
/// change is a new entry in the claim's history, with both in the server's log).
pub fn inverse(edit: &Edit, patch: &Patch, at: i64) -> Option<Vec<Edit>> {
    let before: Vec<(ClaimId, &Claim)> = patch
        .claims_before()
        .map(|(id, c)| c.map(|c| (id, c)))
        .collect::<Option<_>>()?;
    // Claims grouped by an earlier value, in id order: one edit per value.
    fn group<K: Ord + Clone>(
        before: &[(ClaimId, &Claim)],
        key: impl Fn(&Claim) -> K,
    ) -> BTreeMap<K, Vec<ClaimId>> {
        let mut groups: BTreeMap<K, Vec<ClaimId>> = BTreeMap::new();
        for (id, c) in before {
            groups.entry(key(c)).or_default().push(*id);
        }
        for ids in groups.values_mut() {
            ids.sort();
        }
        groups
    }
    let one = |claim: &ClaimId| before.iter().find(|(id, _)| id == claim).map(|(_, c)| *c);
    let edits = match edit {
        Edit::SetStatus { .. } => group(&before, |c| c.status)
            .into_iter()
            .map(|(status, claims)| Edit::SetStatus { claims, status, at })
            .collect(),
        Edit::SetPriority { .. } => group(&before, |c| c.priority)
            .into_iter()
            .map(|(priority, claims)| Edit::SetPriority { claims, priority })
            .collect(),
        Edit::SetInProgress { .. } => group(&before, |c| c.in_progress)
            .into_iter()
            .map(|(in_progress, claims)| Edit::SetInProgress {
                claims,
                in_progress,
            })
            .collect(),
        Edit::SetAssignee { .. } => group(&before, |c| c.assignee.clone())
            .into_iter()
            .map(|(assignee, claims)| Edit::SetAssignee { claims, assignee })
            .collect(),
        Edit::SetNotes { claim, .. } => vec![Edit::SetNotes {
            claim: *claim,
            notes: one(claim)?.notes.clone(),
        }],
        Edit::SetRationale { claim, .. } => vec![Edit::SetRationale {
            claim: *claim,
            rationale: one(claim)?.rationale.clone(),
        }],
        Edit::SetContent { claim, .. } => vec![Edit::SetContent {
            claim: *claim,
            content: one(claim)?.content.clone(),
        }],
        _ => return None,
    };
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ids, project};
    use super::super::{Edit, apply};
    use super::inverse;
    use crate::model::Status;

    #[test]
    fn the_inverse_of_a_status_change_sets_back_each_claims_own_status() {
        let (mut p, _, _) = project();
        let claims = ids(&p);
        apply(
            &mut p,
            &Edit::SetStatus {
                claims: vec![claims[0]],
                status: Status::False,
                at: 1,
            },
        )
        .unwrap();
        let edit = Edit::SetStatus {
            claims: claims.clone(),
            status: Status::Verified,
            at: 2,
        };
        let patch = apply(&mut p, &edit).unwrap();
        let undo = inverse(&edit, &patch, 3).expect("has an inverse");
        assert_eq!(undo.len(), 2, "one edit per earlier status: {undo:?}");
        for e in &undo {
            apply(&mut p, e).unwrap();
        }
        let statuses: Vec<Status> = p.claims.iter().map(|c| c.status).collect();
        assert_eq!(statuses, vec![Status::False, Status::Unchecked]);
    }

    #[test]
    fn notes_are_set_back_and_kinds_without_an_inverse_say_so() {
        let (mut p, _, _) = project();
        let claim = ids(&p)[1];
        let edit = Edit::SetNotes {
            claim,
            notes: "checked with the ministry".into(),
        };
        let patch = apply(&mut p, &edit).unwrap();
        let undo = inverse(&edit, &patch, 0).unwrap();
        assert_eq!(
            undo,
            vec![Edit::SetNotes {
                claim,
                notes: String::new()
            }]
        );
        let delete = Edit::DeleteClaims {
            claims: vec![claim],
        };
        let patch = apply(&mut p, &delete).unwrap();
        assert_eq!(inverse(&delete, &patch, 0), None);
    }
}
