//! Edits of speakers: role, name, merging several into one, splitting a wrong merge,
//! removing an alias, dismissing one as "not a speaker".

use std::collections::HashSet;

use super::{DismissClaims, EditError, Patch, mark_edited, speaker_index};
use crate::model::{HandMerge, Project, Speaker, SpeakerId, Status, StatusChange};

pub(super) fn set_role(
    project: &mut Project,
    patch: &mut Patch,
    speaker: &SpeakerId,
    role: &str,
) -> Result<(), EditError> {
    let i = speaker_index(project, *speaker)?;
    let role = role.trim();
    let role = (!role.is_empty()).then(|| role.to_string());
    if project.speakers[i].role == role {
        return Err(EditError::NoChange);
    }
    patch.touch_speakers(project);
    project.speakers[i].role = role;
    Ok(())
}

pub(super) fn rename_speaker(
    project: &mut Project,
    patch: &mut Patch,
    speaker: &SpeakerId,
    name: &str,
) -> Result<(), EditError> {
    let i = speaker_index(project, *speaker)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::Invalid("a speaker needs a name"));
    }
    if project.speakers[i].name == name {
        return Err(EditError::NoChange);
    }
    if project
        .speakers
        .iter()
        .any(|s| s.id != *speaker && s.name.eq_ignore_ascii_case(name))
    {
        return Err(EditError::Invalid(
            "another speaker has that name: merge them instead",
        ));
    }
    patch.touch_speakers(project);
    let s = &mut project.speakers[i];
    let old = std::mem::replace(&mut s.name, name.to_string());
    s.aliases.retain(|a| a != name);
    if !s.aliases.contains(&old) {
        s.aliases.push(old);
    }
    Ok(())
}

pub(super) fn merge_speakers(
    project: &mut Project,
    patch: &mut Patch,
    from: &SpeakerId,
    into: &SpeakerId,
) -> Result<(), EditError> {
    merge_many(project, patch, std::slice::from_ref(from), into)
}

/// Merge every speaker of `from` into `into`, in order, as one edit: their claims move to
/// `into`, their names and aliases become aliases of `into`, and `into` takes the first
/// role found if it has none.
pub(super) fn merge_many(
    project: &mut Project,
    patch: &mut Patch,
    from: &[SpeakerId],
    into: &SpeakerId,
) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    let from: Vec<SpeakerId> = from
        .iter()
        .copied()
        .filter(|id| id != into && seen.insert(*id))
        .collect();
    if from.is_empty() {
        return Err(EditError::Invalid("cannot merge a speaker into itself"));
    }
    speaker_index(project, *into)?;
    for id in &from {
        speaker_index(project, *id)?;
    }
    patch.touch_speakers(project);
    for id in &from {
        let fi = speaker_index(project, *id)?;
        // A description stands for this speaker only in the article it was found in.
        let article = project.speakers[fi]
            .unresolved
            .then(|| {
                project
                    .claims
                    .iter()
                    .find(|c| c.speaker == Some(*id))
                    .map(|c| c.article)
            })
            .flatten();
        let gone = project.speakers.remove(fi);
        let ii = speaker_index(project, *into)?;
        let target = &mut project.speakers[ii];
        // Remembered, so that re-extraction gives the name back to `into`.
        let merge = HandMerge {
            name: gone.name.clone(),
            article,
        };
        for m in std::iter::once(merge).chain(gone.hand_merged) {
            if !target.hand_merged.contains(&m) {
                target.hand_merged.push(m);
            }
        }
        for alias in std::iter::once(gone.name).chain(gone.aliases) {
            if alias != target.name && !target.aliases.contains(&alias) {
                target.aliases.push(alias);
            }
        }
        if target.role.is_none() {
            target.role = gone.role;
        }
    }
    let gone: HashSet<SpeakerId> = from.into_iter().collect();
    for i in 0..project.claims.len() {
        if project.claims[i].speaker.is_some_and(|s| gone.contains(&s)) {
            patch.touch_claim(project, i);
            project.claims[i].speaker = Some(*into);
        }
    }
    Ok(())
}

/// "Not a speaker": the speaker leaves the project and its name is remembered so that
/// extraction never makes it a speaker again. Its claims lose the speaker, and with
/// [`DismissClaims::NotAClaim`] are also marked Not a claim (a status change at `at`).
pub(super) fn dismiss_speaker(
    project: &mut Project,
    patch: &mut Patch,
    speaker: &SpeakerId,
    claims: &DismissClaims,
    at: &i64,
) -> Result<(), EditError> {
    let si = speaker_index(project, *speaker)?;
    patch.touch_speakers(project);
    patch.touch_lists(project);
    let gone = project.speakers.remove(si);
    if !project.is_not_speaker(&gone.name) {
        project.not_speakers.push(gone.name);
    }
    for i in 0..project.claims.len() {
        if project.claims[i].speaker != Some(*speaker) {
            continue;
        }
        patch.touch_claim(project, i);
        let c = &mut project.claims[i];
        c.speaker = None;
        mark_edited(c);
        if *claims == DismissClaims::NotAClaim && c.status != Status::Rejected {
            c.history.push(StatusChange {
                at: *at,
                from: c.status,
                to: Status::Rejected,
            });
            c.status = Status::Rejected;
        }
    }
    Ok(())
}

/// "Not a speaker" for each of `speakers`, all checked before anything changes.
pub(super) fn dismiss_many(
    project: &mut Project,
    patch: &mut Patch,
    speakers: &[SpeakerId],
    claims: &DismissClaims,
    at: &i64,
) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    let speakers: Vec<SpeakerId> = speakers
        .iter()
        .copied()
        .filter(|id| seen.insert(*id))
        .collect();
    if speakers.is_empty() {
        return Err(EditError::NoChange);
    }
    for id in &speakers {
        speaker_index(project, *id)?;
    }
    for id in &speakers {
        dismiss_speaker(project, patch, id, claims, at)?;
    }
    Ok(())
}

/// The speaker a typed name means: an existing one (name or alias), else a new one. An
/// empty name means no speaker.
pub(super) fn speaker_named(
    project: &mut Project,
    patch: &mut Patch,
    name: &str,
) -> Result<Option<SpeakerId>, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    if let Some(id) = project.find_speaker(name) {
        return Ok(Some(id));
    }
    patch.touch_speakers(project);
    let id = SpeakerId(project.fresh_id().map_err(super::no_ids)?);
    project.speakers.push(Speaker {
        id,
        name: name.to_string(),
        role: None,
        aliases: Vec::new(),
        is_body: false,
        unresolved: false,
        removed_aliases: Vec::new(),
        hand_merged: Vec::new(),
    });
    Ok(Some(id))
}

/// Whether words as written name `alias`: the same ("Mrs. Roe's" is "Mrs. Roe"), or the
/// alias after a title ("Defence Minister Jane Roe").
fn mention_is(mention: &str, alias: &str) -> bool {
    let m = mention.trim();
    let m = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|s| m.strip_suffix(s))
        .unwrap_or(m)
        .trim()
        .to_lowercase();
    let alias = alias.trim().to_lowercase();
    m == alias || m.ends_with(&format!(" {alias}"))
}

/// Whether a claim's speaker was found through one of `names`: its mention, or the
/// antecedent its pronoun or description was resolved to ("he" → "Jane Roe").
fn found_through(claim: &crate::model::Claim, names: &[String]) -> bool {
    let by = |words: &str| names.iter().any(|n| mention_is(words, n));
    claim.mention.as_deref().is_some_and(by)
        || claim.antecedent.as_ref().is_some_and(|a| by(&a.words))
}

pub(super) fn split_speaker(
    project: &mut Project,
    patch: &mut Patch,
    speaker: &SpeakerId,
    aliases: &[String],
    name: &str,
) -> Result<(), EditError> {
    let i = speaker_index(project, *speaker)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::Invalid("the new speaker needs a name"));
    }
    if project
        .speakers
        .iter()
        .any(|s| s.name.eq_ignore_ascii_case(name))
    {
        return Err(EditError::Invalid(
            "another speaker has that name: reassign the claims to it instead",
        ));
    }
    let old = &project.speakers[i];
    let moving: Vec<String> = aliases
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| old.aliases.iter().any(|o| o == a))
        .collect();
    if moving.len() != aliases.len() {
        return Err(EditError::Invalid(
            "an alias to split off is not the speaker's",
        ));
    }
    let id = SpeakerId(project.fresh_id().map_err(super::no_ids)?);
    patch.touch_speakers(project);
    let old = &mut project.speakers[i];
    old.aliases
        .retain(|a| !moving.contains(a) && !a.eq_ignore_ascii_case(name));
    old.hand_merged
        .retain(|m| !moving.contains(&m.name) && !m.name.eq_ignore_ascii_case(name));
    for a in moving.iter().chain(std::iter::once(&name.to_string())) {
        if !old.removed_aliases.contains(a) {
            old.removed_aliases.push(a.clone());
        }
    }
    let (is_body, role) = (old.is_body, None);
    project.speakers.push(Speaker {
        id,
        name: name.to_string(),
        role,
        aliases: moving.iter().filter(|a| *a != name).cloned().collect(),
        is_body,
        unresolved: false,
        removed_aliases: Vec::new(),
        hand_merged: Vec::new(),
    });
    let mut names = moving.clone();
    names.push(name.to_string());
    for c in 0..project.claims.len() {
        let claim = &project.claims[c];
        if claim.speaker == Some(*speaker) && found_through(claim, &names) {
            patch.touch_claim(project, c);
            let claim = &mut project.claims[c];
            claim.speaker = Some(id);
            mark_edited(claim);
        }
    }
    Ok(())
}

pub(super) fn remove_alias(
    project: &mut Project,
    patch: &mut Patch,
    speaker: &SpeakerId,
    alias: &str,
) -> Result<(), EditError> {
    let i = speaker_index(project, *speaker)?;
    if !project.speakers[i].aliases.iter().any(|a| a == alias) {
        return Err(EditError::NoChange);
    }
    patch.touch_speakers(project);
    let s = &mut project.speakers[i];
    s.aliases.retain(|a| a != alias);
    s.hand_merged.retain(|m| m.name != alias);
    if !s.removed_aliases.iter().any(|a| a == alias) {
        s.removed_aliases.push(alias.to_string());
    }
    Ok(())
}
