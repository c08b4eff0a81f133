//! Publishing verdicts ([`Edit::Publish`](super::Edit::Publish), `Unpublish`): a step of
//! its own, so that a verdict being worked on is not public until someone publishes it. In a
//! shared project only a role with the publish right may (docs/shared-projects.md); in a
//! file project anyone may.

use super::{EditError, Patch};
use crate::model::{ClaimId, Project, PublishState, Status};

/// Publish the listed claims' verdicts as they are now. Claims still Unchecked (or Not a
/// claim) have no verdict and are passed over, as are those already published as they are; refused when
/// that leaves none.
pub(super) fn publish(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    at: i64,
    by: &str,
) -> Result<(), EditError> {
    // Ids no longer in the project are passed over; none left is a missing claim.
    let indices = super::workflow::targets(project, claims, |_| true).map_err(|e| match e {
        EditError::NoChange => EditError::NoSuchClaim(claims[0]),
        e => e,
    })?;
    let due: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| {
            let c = &project.claims[i];
            has_verdict(c.status) && c.publish_state() != PublishState::Published
        })
        .collect();
    if due.is_empty() {
        let unchecked = indices
            .iter()
            .all(|&i| !has_verdict(project.claims[i].status));
        return Err(if unchecked {
            EditError::Invalid("no verdict to publish: the claims are unchecked or not claims")
        } else {
            EditError::NoChange
        });
    }
    for i in due {
        patch.touch_claim(project, i);
        let publication = project.claims[i].publication_now(at, by);
        project.claims[i].published = Some(publication);
    }
    Ok(())
}

/// Unchecked and Not a claim are no verdicts: there is nothing of theirs to publish.
pub fn has_verdict(status: Status) -> bool {
    !matches!(status, Status::Unchecked | Status::Rejected)
}

/// Withdraw the publication of the listed claims (those published; refused when none is).
pub(super) fn unpublish(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
) -> Result<(), EditError> {
    let due = super::workflow::targets(project, claims, |c| c.published.is_some())?;
    for i in due {
        patch.touch_claim(project, i);
        project.claims[i].published = None;
    }
    Ok(())
}
