//! Edits of claims: status, words, speaker, notes, evidence; adding and deleting claims.

use std::collections::HashSet;

use super::speakers::speaker_named;
use super::{EditError, Patch, claim_index, mark_edited};
use crate::model::{
    ArticleId, Claim, ClaimId, ClaimKind, ClaimOrigin, Evidence, MatchVerdict, Project, Status,
    StatusChange,
};

pub(super) fn set_status(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    status: &Status,
    at: &i64,
) -> Result<(), EditError> {
    let wanted: HashSet<ClaimId> = claims.iter().copied().collect();
    let indices: Vec<usize> = project
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| wanted.contains(&c.id) && c.status != *status)
        .map(|(i, _)| i)
        .collect();
    if indices.is_empty() {
        return Err(if claims.is_empty() {
            EditError::Invalid("no claim selected")
        } else {
            EditError::NoChange
        });
    }
    for i in indices {
        patch.touch_claim(project, i);
        let claim = &mut project.claims[i];
        claim.history.push(StatusChange {
            at: *at,
            from: claim.status,
            to: *status,
        });
        claim.status = *status;
    }
    Ok(())
}

pub(super) fn set_content(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    content: &str,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    let content = content.trim();
    if content.is_empty() {
        return Err(EditError::Invalid("a claim cannot be empty"));
    }
    if project.claims[i].content == content {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    let c = &mut project.claims[i];
    c.content = content.to_string();
    mark_edited(c);
    Ok(())
}

pub(super) fn set_speaker_name(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    name: &str,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    let speaker = speaker_named(project, patch, name)?;
    if project.claims[i].speaker == speaker {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    let c = &mut project.claims[i];
    c.speaker = speaker;
    mark_edited(c);
    Ok(())
}

/// Attribute every listed claim to the speaker `name` means (see [`speaker_named`]); an
/// empty name removes their attribution. Claims already so attributed are left alone.
pub(super) fn assign_speaker(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
    name: &str,
) -> Result<(), EditError> {
    if claims.is_empty() {
        return Err(EditError::Invalid("no claim selected"));
    }
    let wanted: HashSet<ClaimId> = claims.iter().copied().collect();
    if !project.claims.iter().any(|c| wanted.contains(&c.id)) {
        return Err(EditError::NoSuchClaim(claims[0]));
    }
    let speaker = speaker_named(project, patch, name)?;
    let indices: Vec<usize> = (0..project.claims.len())
        .filter(|&i| {
            let c = &project.claims[i];
            wanted.contains(&c.id) && c.speaker != speaker
        })
        .collect();
    if indices.is_empty() {
        return Err(EditError::NoChange);
    }
    for i in indices {
        patch.touch_claim(project, i);
        let c = &mut project.claims[i];
        c.speaker = speaker;
        mark_edited(c);
    }
    Ok(())
}

pub(super) fn set_notes(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    notes: &str,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    if project.claims[i].notes == *notes {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    project.claims[i].notes = notes.to_string();
    Ok(())
}

pub(super) fn add_evidence(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    evidence: &Evidence,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    if evidence.url.trim().is_empty() {
        return Err(EditError::Invalid("evidence needs a URL"));
    }
    patch.touch_claim(project, i);
    project.claims[i].evidence.push(Evidence {
        url: evidence.url.trim().to_string(),
        description: evidence.description.trim().to_string(),
    });
    Ok(())
}

/// The analyst's word on a library match: replaces an earlier word on the same review
/// (`None` takes it back). Refused as no change when the word stands already.
pub(super) fn judge_match(
    project: &mut Project,
    patch: &mut Patch,
    claim: ClaimId,
    url: &str,
    confirmed: Option<bool>,
    by: &str,
    at: i64,
) -> Result<(), EditError> {
    let i = claim_index(project, claim)?;
    let url = url.trim();
    if url.is_empty() {
        return Err(EditError::Invalid("a match is named by its review's URL"));
    }
    let c = &project.claims[i];
    let old = c.match_verdicts.iter().position(|v| v.url == url);
    if old.map(|k| c.match_verdicts[k].confirmed) == confirmed {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    let verdicts = &mut project.claims[i].match_verdicts;
    if let Some(k) = old {
        verdicts.remove(k);
    }
    if let Some(confirmed) = confirmed {
        verdicts.push(MatchVerdict {
            url: url.to_string(),
            confirmed,
            by: by.trim().to_string(),
            at,
        });
    }
    Ok(())
}

/// An earlier fact-check taken over: the verdict (with a history entry) and the review as
/// evidence, each only when the claim does not have it yet.
pub(super) fn apply_check(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    status: &Option<Status>,
    evidence: &Evidence,
    at: &i64,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    let url = evidence.url.trim();
    if url.is_empty() {
        return Err(EditError::Invalid("evidence needs a URL"));
    }
    if status.is_some_and(|s| !s.is_claim() || s == Status::Unchecked) {
        return Err(EditError::Invalid(
            "an earlier fact-check gives a verdict, not Unchecked or Not a claim",
        ));
    }
    let c = &project.claims[i];
    let new_status = status.filter(|s| *s != c.status);
    let new_evidence = !c.evidence.iter().any(|e| e.url == url);
    if new_status.is_none() && !new_evidence {
        return Err(EditError::NoChange);
    }
    patch.touch_claim(project, i);
    let c = &mut project.claims[i];
    if let Some(to) = new_status {
        c.history.push(StatusChange {
            at: *at,
            from: c.status,
            to,
        });
        c.status = to;
    }
    if new_evidence {
        c.evidence.push(Evidence {
            url: url.to_string(),
            description: evidence.description.trim().to_string(),
        });
    }
    Ok(())
}

pub(super) fn remove_evidence(
    project: &mut Project,
    patch: &mut Patch,
    claim: &ClaimId,
    index: &usize,
) -> Result<(), EditError> {
    let i = claim_index(project, *claim)?;
    if *index >= project.claims[i].evidence.len() {
        return Err(EditError::Invalid("no such evidence"));
    }
    patch.touch_claim(project, i);
    project.claims[i].evidence.remove(*index);
    Ok(())
}

pub(super) fn add_claim(
    project: &mut Project,
    patch: &mut Patch,
    article: &ArticleId,
    start: &usize,
    end: &usize,
    speaker: &Option<String>,
) -> Result<(), EditError> {
    let text = &project
        .article(*article)
        .ok_or(EditError::NoSuchArticle(*article))?
        .text;
    let (start, end) = (*start, *end);
    if start >= end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return Err(EditError::Invalid(
            "the selection is not a span of the text",
        ));
    }
    let content = text[start..end].trim().to_string();
    if content.is_empty() {
        return Err(EditError::Invalid("a claim cannot be empty"));
    }
    let speaker = match speaker.as_deref() {
        Some(name) => speaker_named(project, patch, name)?,
        None => None,
    };
    project.ensure_claim_numbers();
    let id = ClaimId(project.fresh_id().map_err(super::no_ids)?);
    let number = project.fresh_number();
    // Insert after the article's claims that start earlier, so reading order holds.
    let at = project
        .claims
        .iter()
        .rposition(|c| c.article == *article && c.start <= start)
        .map(|i| i + 1)
        .or_else(|| project.claims.iter().position(|c| c.article == *article))
        .unwrap_or(project.claims.len());
    patch.created_claim(id);
    project.claims.insert(
        at,
        Claim {
            id,
            number,
            article: *article,
            content,
            start,
            end,
            kind: ClaimKind::Direct,
            cue: String::new(),
            mention: None,
            mention_span: None,
            speaker,
            antecedent: None,
            status: Status::Unchecked,
            notes: String::new(),
            evidence: Vec::new(),
            history: Vec::new(),
            origin: ClaimOrigin::Manual,
            rationale: String::new(),
            assignee: None,
            priority: Default::default(),
            in_progress: false,
            published: None,
            tags: Vec::new(),
            worth: None,
            claim_type: None,
            match_verdicts: Vec::new(),
        },
    );
    Ok(())
}

pub(super) fn delete_claims(
    project: &mut Project,
    patch: &mut Patch,
    claims: &[ClaimId],
) -> Result<(), EditError> {
    let wanted: HashSet<ClaimId> = claims.iter().copied().collect();
    let mut index = 0;
    let mut deleted = 0;
    while index < project.claims.len() {
        if wanted.contains(&project.claims[index].id) {
            patch.touch_claim(project, index);
            project.claims.remove(index);
            deleted += 1;
        } else {
            index += 1;
        }
    }
    if deleted == 0 {
        return Err(EditError::Invalid("no claim selected"));
    }
    Ok(())
}
