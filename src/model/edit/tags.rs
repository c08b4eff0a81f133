//! Edits of claims' tags (add, remove, rename or merge across the project) and of the
//! project's saved views. Each is one undoable step, whatever number of claims it changes.

use super::workflow::targets;
use super::{EditError, Patch};
use crate::model::tags::{clean_tag, same_name};
use crate::model::{ClaimId, NamedView, Project};

fn has(tags: &[String], tag: &str) -> bool {
    tags.iter().any(|t| same_name(t, tag))
}

fn cleaned(tag: &str) -> Result<String, EditError> {
    clean_tag(tag).ok_or(EditError::Invalid("a tag needs a letter or digit"))
}

/// Tag the claims (those that have it already, in any case, are passed over).
pub(super) fn add_tag(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    tag: &str,
) -> Result<(), EditError> {
    let tag = cleaned(tag)?;
    // Spelt as the project already spells it, so that one tag is not split by case.
    let tag = crate::model::tags::all_tags(project)
        .into_iter()
        .find(|t| same_name(t, &tag))
        .unwrap_or(tag);
    for i in targets(project, claims, |c| !has(&c.tags, &tag))? {
        patch.touch_claim(project, i);
        project.claims[i].tags.push(tag.clone());
    }
    Ok(())
}

/// Take the tag off the claims (any case).
pub(super) fn remove_tag(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    tag: &str,
) -> Result<(), EditError> {
    for i in targets(project, claims, |c| has(&c.tags, tag))? {
        patch.touch_claim(project, i);
        project.claims[i].tags.retain(|t| !same_name(t, tag));
    }
    Ok(())
}

/// Rename `from` to `to` on the listed claims (the window lists every claim tagged `from`);
/// where a claim has `to` already the two merge into one. Renaming to the same tag in
/// another case changes the spelling.
pub(super) fn rename_tag(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    from: &str,
    to: &str,
) -> Result<(), EditError> {
    let to = cleaned(to)?;
    // Into a tag the project has (in any case): its spelling, so that the two merge.
    let to = crate::model::tags::all_tags(project)
        .into_iter()
        .find(|t| t != from && same_name(t, &to))
        .unwrap_or(to);
    if from == to {
        return Err(EditError::NoChange);
    }
    for i in targets(project, claims, |c| c.tags.iter().any(|t| t == from))? {
        patch.touch_claim(project, i);
        let tags = &mut project.claims[i].tags;
        let at = tags.iter().position(|t| t == from).unwrap_or(tags.len());
        let merged = tags.iter().any(|t| t != from && same_name(t, &to));
        if merged {
            tags.retain(|t| t != from);
        } else if let Some(slot) = tags.get_mut(at) {
            *slot = to.clone();
        }
    }
    Ok(())
}

/// Replace the saved views (names trimmed; a blank name or a repeated one, in any case,
/// is refused).
pub(super) fn set_views(
    project: &mut Project,
    patch: &mut Patch,
    views: &[NamedView],
) -> Result<(), EditError> {
    let mut list: Vec<NamedView> = Vec::with_capacity(views.len());
    for view in views {
        let name = view.name.trim();
        if name.is_empty() {
            return Err(EditError::Invalid("a view needs a name"));
        }
        if list.iter().any(|v| same_name(&v.name, name)) {
            return Err(EditError::Invalid("two views have the same name"));
        }
        list.push(NamedView {
            name: name.to_string(),
            filter: view.filter.clone(),
        });
    }
    if project.views == list {
        return Err(EditError::NoChange);
    }
    patch.touch_lists(project);
    project.views = list;
    Ok(())
}
