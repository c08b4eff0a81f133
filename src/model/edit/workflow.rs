//! Edits of the triage fields (rationale, assignee, priority, in progress), of the lists of
//! assignee names and of names that are not speakers, and of the memos. Every edit taking a list of claims acts on all of
//! them as one undoable step.

use std::collections::HashSet;

use super::{EditError, Patch, article_index, claim_index};
use crate::model::workflow::clean_name;
use crate::model::{ArticleId, Claim, ClaimId, Priority, Project};

/// Indices of the listed claims for which `differs` holds (ids no longer in the project
/// are passed over, as [`Edit::SetStatus`](super::Edit::SetStatus) does). Refuses an empty
/// list and a change that would change nothing.
pub(super) fn targets(
    project: &Project,
    claims: &[ClaimId],
    differs: impl Fn(&Claim) -> bool,
) -> Result<Vec<usize>, EditError> {
    if claims.is_empty() {
        return Err(EditError::Invalid("no claim selected"));
    }
    let wanted: HashSet<ClaimId> = claims.iter().copied().collect();
    let indices: Vec<usize> = project
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| wanted.contains(&c.id) && differs(c))
        .map(|(i, _)| i)
        .collect();
    if indices.is_empty() {
        return Err(EditError::NoChange);
    }
    Ok(indices)
}

pub(super) fn set_rationale(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    rationale: &str,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    if project.claims[i].rationale == rationale {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    project.claims[i].rationale = rationale.to_string();
    Ok(())
}

pub(super) fn set_assignee(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    assignee: &Option<String>,
) -> Result<(), EditError> {
    let assignee = assignee.as_deref().and_then(clean_name);
    let indices = targets(project, claims, |c| c.assignee != assignee)?;
    if let Some(name) = &assignee {
        remember_assignee(project, patch, name);
    }
    for i in indices {
        patch.touch_claim(project, i);
        project.claims[i].assignee = assignee.clone();
    }
    Ok(())
}

/// Add `name` to the project's assignee names unless it is there already.
fn remember_assignee(project: &mut Project, patch: &mut Patch, name: &str) {
    if !project.assignees.iter().any(|n| n == name) {
        patch.touch_lists(project);
        project.assignees.push(name.to_string());
    }
}

pub(super) fn set_priority(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    priority: &Priority,
) -> Result<(), EditError> {
    for i in targets(project, claims, |c| c.priority != *priority)? {
        patch.touch_claim(project, i);
        project.claims[i].priority = *priority;
    }
    Ok(())
}

pub(super) fn set_in_progress(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    in_progress: &bool,
) -> Result<(), EditError> {
    for i in targets(project, claims, |c| c.in_progress != *in_progress)? {
        patch.touch_claim(project, i);
        project.claims[i].in_progress = *in_progress;
    }
    Ok(())
}

/// Replace the list of assignee names: trimmed, blanks and repeats dropped, order kept.
/// Claims keep their assignee whether or not the name stays in the list.
pub(super) fn set_assignees(
    project: &mut Project,
    patch: &mut Patch,
    names: &[String],
) -> Result<(), EditError> {
    let list = clean_list(names, |a, b| a == b);
    if project.assignees == list {
        return Err(EditError::NoChange);
    }
    patch.touch_lists(project);
    project.assignees = list;
    Ok(())
}

/// Replace the names dismissed as "not a speaker" (repeats compared case-insensitively).
pub(super) fn set_not_speakers(
    project: &mut Project,
    patch: &mut Patch,
    names: &[String],
) -> Result<(), EditError> {
    let list = clean_list(names, |a, b| a.eq_ignore_ascii_case(b));
    if project.not_speakers == list {
        return Err(EditError::NoChange);
    }
    patch.touch_lists(project);
    project.not_speakers = list;
    Ok(())
}

/// Names trimmed, blanks and repeats (as `same` says) dropped, first occurrence kept.
fn clean_list(names: &[String], same: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let mut list: Vec<String> = Vec::with_capacity(names.len());
    for name in names.iter().filter_map(|n| clean_name(n)) {
        if !list.iter().any(|n| same(n, &name)) {
            list.push(name);
        }
    }
    list
}

pub(super) fn set_article_memo(
    project: &mut Project,
    patch: &mut Patch,
    article: &ArticleId,
    memo: &str,
) -> Result<(), EditError> {
    let i = article_index(project, *article)?;
    if project.articles[i].memo == memo {
        return Err(EditError::NoChange);
    }
    patch
        .articles
        .push((*article, Some((i, project.articles[i].clone()))));
    project.articles[i].memo = memo.to_string();
    Ok(())
}

pub(super) fn set_project_memo(
    project: &mut Project,
    patch: &mut Patch,
    memo: &str,
) -> Result<(), EditError> {
    if project.memo == memo {
        return Err(EditError::NoChange);
    }
    patch.touch_lists(project);
    project.memo = memo.to_string();
    Ok(())
}
