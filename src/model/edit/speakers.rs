//! Edits of speakers: role, name, merging two into one.

use super::{EditError, Patch, speaker_index};
use crate::model::{Project, Speaker, SpeakerId};

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
    if from == into {
        return Err(EditError::Invalid("cannot merge a speaker into itself"));
    }
    let fi = speaker_index(project, *from)?;
    let ii = speaker_index(project, *into)?;
    patch.touch_speakers(project);
    let gone = project.speakers[fi].clone();
    let target = &mut project.speakers[ii];
    for alias in std::iter::once(gone.name).chain(gone.aliases) {
        if alias != target.name && !target.aliases.contains(&alias) {
            target.aliases.push(alias);
        }
    }
    if target.role.is_none() {
        target.role = gone.role;
    }
    project.speakers.remove(fi);
    for i in 0..project.claims.len() {
        if project.claims[i].speaker == Some(*from) {
            patch.touch_claim(project, i);
            project.claims[i].speaker = Some(*into);
        }
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
    });
    Ok(Some(id))
}
