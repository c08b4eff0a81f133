//! Every change an analyst makes to a project, as one command type, and the undo/redo history.
//!
//! The window never mutates a [`Project`] directly: views emit [`Edit`]s and the app shell
//! hands them to [`History::apply`], which applies them, remembers how to undo them and
//! tells the shell that the project changed. Undo restores the entities an edit touched
//! (a [`Patch`]); redo applies the same edit again, which is deterministic because undo
//! also restores the project's id counter.
//!
//! Re-extraction (`Edit::ReExtract`) keeps the analyst's work. Conflicts resolve so:
//! - a claim the analyst touched (origin `Edited`/`Manual`, a status other than Unchecked,
//!   notes, evidence or a status history) is kept as it is;
//! - untouched extracted claims are replaced by the new extraction;
//! - a newly found claim whose content span overlaps a kept claim is dropped: the
//!   analyst's version wins.

use std::collections::HashSet;

use super::{
    Article, ArticleId, ArticleMeta, Claim, ClaimId, ClaimKind, ClaimOrigin, Evidence, Project,
    ProjectSettings, Speaker, SpeakerId, Status, StatusChange,
};
use crate::extract::Extraction;

/// One change to a project. Times are given by the caller (seconds since the Unix epoch).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set the status of several claims at once, adding a history entry to each claim whose
    /// status changes.
    SetStatus {
        claims: Vec<ClaimId>,
        status: Status,
        at: i64,
    },
    SetContent {
        claim: ClaimId,
        content: String,
    },
    /// Attribute a claim to a speaker by name: an existing speaker (name or alias) or a new one.
    /// An empty name removes the attribution.
    SetSpeakerName {
        claim: ClaimId,
        name: String,
    },
    /// The role of a speaker ("National Security Council Spokesperson"); empty clears it.
    SetRole {
        speaker: SpeakerId,
        role: String,
    },
    SetNotes {
        claim: ClaimId,
        notes: String,
    },
    AddEvidence {
        claim: ClaimId,
        evidence: Evidence,
    },
    RemoveEvidence {
        claim: ClaimId,
        index: usize,
    },
    /// Add a claim the analyst marked in the article text (byte offsets into it).
    AddClaim {
        article: ArticleId,
        start: usize,
        end: usize,
        speaker: Option<String>,
    },
    DeleteClaims {
        claims: Vec<ClaimId>,
    },
    RenameSpeaker {
        speaker: SpeakerId,
        name: String,
    },
    /// Move every claim of `from` to `into`; `from`'s name and aliases become aliases of `into`.
    MergeSpeakers {
        from: SpeakerId,
        into: SpeakerId,
    },
    /// Replace an article's extracted claims, keeping the analyst's work (see module docs).
    ReExtract {
        article: ArticleId,
        extraction: Extraction,
    },
    /// Add an article (its `id` is assigned on apply) with the claims found in it.
    AddArticle {
        article: Box<Article>,
        extraction: Extraction,
    },
    /// Replace the project settings (organisation, review address pattern); values are
    /// trimmed.
    SetSettings {
        settings: ProjectSettings,
    },
    /// An article's title and bibliographic data (exports such as ClaimReview need them).
    /// Values are trimmed; an empty field clears it; an empty title keeps the old one.
    SetArticleMeta {
        article: ArticleId,
        title: String,
        meta: ArticleMeta,
    },
}

impl Edit {
    /// A short description for the Edit menu ("Undo set status").
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::SetStatus { .. } => "set status",
            Edit::SetContent { .. } => "edit claim",
            Edit::SetSpeakerName { .. } => "change speaker",
            Edit::SetRole { .. } => "edit role",
            Edit::SetNotes { .. } => "edit notes",
            Edit::AddEvidence { .. } => "add evidence",
            Edit::RemoveEvidence { .. } => "remove evidence",
            Edit::AddClaim { .. } => "add claim",
            Edit::DeleteClaims { .. } => "delete claims",
            Edit::RenameSpeaker { .. } => "rename speaker",
            Edit::MergeSpeakers { .. } => "merge speakers",
            Edit::ReExtract { .. } => "re-extract article",
            Edit::AddArticle { .. } => "add article",
            Edit::SetSettings { .. } => "edit project settings",
            Edit::SetArticleMeta { .. } => "edit article details",
        }
    }
}

/// Why an edit was refused; the project is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    NoSuchClaim(ClaimId),
    NoSuchSpeaker(SpeakerId),
    NoSuchArticle(ArticleId),
    /// The edit would change nothing.
    NoChange,
    Invalid(&'static str),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchClaim(id) => write!(f, "claim {} no longer exists", id.0),
            EditError::NoSuchSpeaker(id) => write!(f, "speaker {} no longer exists", id.0),
            EditError::NoSuchArticle(id) => write!(f, "article {} no longer exists", id.0),
            EditError::NoChange => f.write_str("nothing to change"),
            EditError::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for EditError {}

/// What an applied edit changed: the previous state of every entity it touched
/// (`None`: the entity did not exist), with its index so that order is restored too.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    claims: Vec<(ClaimId, Option<(usize, Claim)>)>,
    articles: Vec<(ArticleId, Option<(usize, Article)>)>,
    /// Speakers are few; edits that touch them keep the whole list.
    speakers: Option<Vec<Speaker>>,
    settings: Option<ProjectSettings>,
    next_id: u64,
    /// The edit added these claims (for selecting them afterwards).
    pub added_claims: Vec<ClaimId>,
    /// Claims already in `claims` (an edit touching 10k claims must not scan a list per claim).
    touched: HashSet<ClaimId>,
}

impl Patch {
    fn new(project: &Project) -> Self {
        Patch {
            next_id: project.next_id,
            ..Default::default()
        }
    }

    fn touch_claim(&mut self, project: &Project, index: usize) {
        let claim = &project.claims[index];
        if self.touched.insert(claim.id) {
            self.claims.push((claim.id, Some((index, claim.clone()))));
        }
    }

    fn created_claim(&mut self, id: ClaimId) {
        self.touched.insert(id);
        self.claims.push((id, None));
        self.added_claims.push(id);
    }

    fn touch_speakers(&mut self, project: &Project) {
        if self.speakers.is_none() {
            self.speakers = Some(project.speakers.clone());
        }
    }

    /// Put back what the edit changed.
    fn restore(self, project: &mut Project) {
        // Claims changed in place first, through one id → index map (a status set on 10k
        // claims is undone in linear time); then claims added or removed, newest first.
        let positions: std::collections::HashMap<ClaimId, usize> = project
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let mut structural = Vec::new();
        for (id, before) in self.claims {
            match (positions.get(&id), before) {
                (Some(&i), Some((_, claim))) => project.claims[i] = claim,
                (now, before) => structural.push((id, now.is_some(), before)),
            }
        }
        for (id, exists, before) in structural.into_iter().rev() {
            let now = if exists {
                project.claims.iter().position(|c| c.id == id)
            } else {
                None
            };
            put_back(&mut project.claims, now, before);
        }
        for (id, before) in self.articles.into_iter().rev() {
            let now = project.articles.iter().position(|a| a.id == id);
            put_back(&mut project.articles, now, before);
        }
        if let Some(speakers) = self.speakers {
            project.speakers = speakers;
        }
        if let Some(settings) = self.settings {
            project.settings = settings;
        }
        project.next_id = self.next_id;
    }
}

/// The speaker a typed name means: an existing one (name or alias), else a new one. An
/// empty name means no speaker.
fn speaker_named(
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
    let id = SpeakerId(project.fresh_id().map_err(no_ids)?);
    project.speakers.push(Speaker {
        id,
        name: name.to_string(),
        role: None,
        aliases: Vec::new(),
        is_body: false,
    });
    Ok(Some(id))
}

/// An edit refused because the project's ids are used up (see [`Project::fresh_id`]).
fn no_ids(_: crate::model::IdsExhausted) -> EditError {
    EditError::Invalid("the project has no ids left; nothing was added")
}

/// At most how many fresh ids `edit` takes: checked before anything changes, so that an
/// edit is refused whole rather than stopped half-way.
fn ids_needed(edit: &Edit) -> usize {
    match edit {
        Edit::SetSpeakerName { .. } => 1,
        Edit::AddClaim { .. } => 2,
        Edit::ReExtract { extraction, .. } => Project::ids_needed(extraction),
        Edit::AddArticle { extraction, .. } => Project::ids_needed(extraction).saturating_add(1),
        _ => 0,
    }
}

/// Undo one entity's change in `list`: `now` is where it is (if it exists), `before` where
/// and what it was (if it existed). Replaces, removes or re-inserts accordingly.
fn put_back<T>(list: &mut Vec<T>, now: Option<usize>, before: Option<(usize, T)>) {
    match (now, before) {
        (Some(i), Some((_, old))) => list[i] = old,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some((index, old))) => {
            let index = index.min(list.len());
            list.insert(index, old);
        }
        (None, None) => {}
    }
}

fn claim_index(project: &Project, id: ClaimId) -> Result<usize, EditError> {
    project
        .claims
        .iter()
        .position(|c| c.id == id)
        .ok_or(EditError::NoSuchClaim(id))
}

fn speaker_index(project: &Project, id: SpeakerId) -> Result<usize, EditError> {
    project
        .speakers
        .iter()
        .position(|s| s.id == id)
        .ok_or(EditError::NoSuchSpeaker(id))
}

/// An extracted claim becomes `Edited` when the analyst changes its words or attribution.
fn mark_edited(claim: &mut Claim) {
    if claim.origin == ClaimOrigin::Extracted {
        claim.origin = ClaimOrigin::Edited;
    }
}

/// Whether re-extraction must keep this claim as it is.
fn is_analyst_work(claim: &Claim) -> bool {
    claim.origin != ClaimOrigin::Extracted
        || claim.status != Status::Unchecked
        || !claim.notes.is_empty()
        || !claim.evidence.is_empty()
        || !claim.history.is_empty()
}

/// Apply `edit` to `project`. On error the project is unchanged.
pub fn apply(project: &mut Project, edit: &Edit) -> Result<Patch, EditError> {
    project.ensure_ids(ids_needed(edit)).map_err(no_ids)?;
    let mut patch = Patch::new(project);
    match edit {
        Edit::SetStatus { claims, status, at } => {
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
        }
        Edit::SetContent { claim, content } => {
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
        }
        Edit::SetSpeakerName { claim, name } => {
            let i = claim_index(project, *claim)?;
            let speaker = speaker_named(project, &mut patch, name)?;
            if project.claims[i].speaker == speaker {
                return Err(EditError::NoChange);
            }
            patch.touch_claim(project, i);
            let c = &mut project.claims[i];
            c.speaker = speaker;
            mark_edited(c);
        }
        Edit::SetRole { speaker, role } => {
            let i = speaker_index(project, *speaker)?;
            let role = role.trim();
            let role = (!role.is_empty()).then(|| role.to_string());
            if project.speakers[i].role == role {
                return Err(EditError::NoChange);
            }
            patch.touch_speakers(project);
            project.speakers[i].role = role;
        }
        Edit::SetArticleMeta {
            article,
            title,
            meta,
        } => {
            let i = project
                .articles
                .iter()
                .position(|a| a.id == *article)
                .ok_or(EditError::NoSuchArticle(*article))?;
            let field = |v: &Option<String>| {
                v.as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            let meta = ArticleMeta {
                outlet: field(&meta.outlet),
                author: field(&meta.author),
                published: field(&meta.published),
                url: field(&meta.url),
            };
            let current = &project.articles[i];
            let title = match title.trim() {
                "" => current.title.clone(),
                t => t.to_string(),
            };
            if current.title == title && current.meta == meta {
                return Err(EditError::NoChange);
            }
            patch.articles.push((*article, Some((i, current.clone()))));
            project.articles[i].title = title;
            project.articles[i].meta = meta;
        }
        Edit::SetSettings { settings } => {
            let settings = ProjectSettings {
                organisation: settings.organisation.trim().to_string(),
                review_url_pattern: settings.review_url_pattern.trim().to_string(),
            };
            if project.settings == settings {
                return Err(EditError::NoChange);
            }
            patch.settings = Some(std::mem::replace(&mut project.settings, settings));
        }
        Edit::SetNotes { claim, notes } => {
            let i = claim_index(project, *claim)?;
            if project.claims[i].notes == *notes {
                return Err(EditError::NoChange);
            }
            patch.touch_claim(project, i);
            project.claims[i].notes = notes.clone();
        }
        Edit::AddEvidence { claim, evidence } => {
            let i = claim_index(project, *claim)?;
            if evidence.url.trim().is_empty() {
                return Err(EditError::Invalid("evidence needs a URL"));
            }
            patch.touch_claim(project, i);
            project.claims[i].evidence.push(Evidence {
                url: evidence.url.trim().to_string(),
                description: evidence.description.trim().to_string(),
            });
        }
        Edit::RemoveEvidence { claim, index } => {
            let i = claim_index(project, *claim)?;
            if *index >= project.claims[i].evidence.len() {
                return Err(EditError::Invalid("no such evidence"));
            }
            patch.touch_claim(project, i);
            project.claims[i].evidence.remove(*index);
        }
        Edit::AddClaim {
            article,
            start,
            end,
            speaker,
        } => {
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
                Some(name) => speaker_named(project, &mut patch, name)?,
                None => None,
            };
            let id = ClaimId(project.fresh_id().map_err(no_ids)?);
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
                    article: *article,
                    content,
                    start,
                    end,
                    kind: ClaimKind::Direct,
                    cue: String::new(),
                    mention: None,
                    mention_span: None,
                    speaker,
                    status: Status::Unchecked,
                    notes: String::new(),
                    evidence: Vec::new(),
                    history: Vec::new(),
                    origin: ClaimOrigin::Manual,
                },
            );
        }
        Edit::DeleteClaims { claims } => {
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
        }
        Edit::RenameSpeaker { speaker, name } => {
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
        }
        Edit::MergeSpeakers { from, into } => {
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
        }
        Edit::ReExtract {
            article,
            extraction,
        } => {
            if project.article(*article).is_none() {
                return Err(EditError::NoSuchArticle(*article));
            }
            patch.touch_speakers(project);
            let mut kept: Vec<(usize, usize)> = Vec::new();
            let mut index = 0;
            while index < project.claims.len() {
                let c = &project.claims[index];
                if c.article != *article {
                    index += 1;
                } else if is_analyst_work(c) {
                    kept.push((c.start, c.end));
                    index += 1;
                } else {
                    patch.touch_claim(project, index);
                    project.claims.remove(index);
                }
            }
            let found = project
                .claims_from_extraction(*article, extraction)
                .map_err(no_ids)?;
            let overlaps = |c: &Claim| kept.iter().any(|&(s, e)| c.start < e && s < c.end);
            let fresh: Vec<Claim> = found.into_iter().filter(|c| !overlaps(c)).collect();
            for c in &fresh {
                patch.created_claim(c.id);
            }
            project.claims.extend(fresh);
            sort_article_claims(project, *article);
        }
        Edit::AddArticle {
            article,
            extraction,
        } => {
            patch.touch_speakers(project);
            let id = project
                .add_article((**article).clone(), extraction)
                .map_err(no_ids)?;
            patch.articles.push((id, None));
            for c in project.claims.iter().filter(|c| c.article == id) {
                patch.created_claim(c.id);
            }
        }
    }
    Ok(patch)
}

/// Keep one article's claims in reading order, leaving every other claim where it is.
fn sort_article_claims(project: &mut Project, article: ArticleId) {
    let slots: Vec<usize> = (0..project.claims.len())
        .filter(|&i| project.claims[i].article == article)
        .collect();
    let mut mine: Vec<Claim> = slots.iter().map(|&i| project.claims[i].clone()).collect();
    mine.sort_by_key(|c| (c.start, c.end));
    for (slot, claim) in slots.into_iter().zip(mine) {
        project.claims[slot] = claim;
    }
}

struct Entry {
    edit: Edit,
    patch: Patch,
    serial: u64,
}

/// Undo and redo stacks. Each applied edit gets a serial number; the project is "dirty"
/// when the serial on top of the undo stack differs from the one last saved.
#[derive(Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_serial: u64,
    saved_serial: u64,
    /// Bumped on every change to the project (apply, undo, redo), so views know to refresh.
    revision: u64,
}

impl History {
    pub fn new() -> Self {
        History {
            next_serial: 1,
            ..Default::default()
        }
    }

    /// Apply an edit and record it for undo. Clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<&Patch, EditError> {
        let patch = apply(project, &edit)?;
        self.redo.clear();
        let serial = self.next_serial.max(1);
        self.next_serial = serial + 1;
        self.revision += 1;
        self.undo.push(Entry {
            edit,
            patch,
            serial,
        });
        Ok(&self.undo[self.undo.len() - 1].patch)
    }

    /// Undo the last edit; returns its description.
    pub fn undo(&mut self, project: &mut Project) -> Option<&'static str> {
        let entry = self.undo.pop()?;
        let what = entry.edit.describe();
        entry.patch.clone().restore(project);
        self.revision += 1;
        self.redo.push(entry);
        Some(what)
    }

    /// Redo the last undone edit; returns its description.
    pub fn redo(&mut self, project: &mut Project) -> Option<&'static str> {
        let mut entry = self.redo.pop()?;
        let what = entry.edit.describe();
        match apply(project, &entry.edit) {
            Ok(patch) => {
                entry.patch = patch;
                self.revision += 1;
                self.undo.push(entry);
                Some(what)
            }
            // Cannot happen while every change goes through this history; drop the entry.
            Err(_) => None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|e| e.edit.describe())
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|e| e.edit.describe())
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.serial)
    }

    /// Whether the project differs from the last saved (or opened) state.
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// The project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_serial = self.current_serial();
    }

    /// Forget the saved state (e.g. restored from a recovery file): dirty until saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Changes on every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{FoundClaim, FoundSpeaker};
    use crate::model::ArticleMeta;

    const TEXT: &str = "Kirby said \"we will help\". Gallant said \"we will go on\".";

    fn extraction() -> Extraction {
        Extraction {
            claims: vec![
                FoundClaim {
                    content: "we will help".into(),
                    start: 12,
                    end: 24,
                    kind: ClaimKind::Direct,
                    cue: "said".into(),
                    mention: Some("Kirby".into()),
                    mention_span: Some((0, 5)),
                    speaker: Some(0),
                },
                FoundClaim {
                    content: "we will go on".into(),
                    start: 41,
                    end: 54,
                    kind: ClaimKind::Direct,
                    cue: "said".into(),
                    mention: Some("Gallant".into()),
                    mention_span: Some((27, 34)),
                    speaker: Some(1),
                },
            ],
            speakers: vec![
                FoundSpeaker {
                    name: "John Kirby".into(),
                    aliases: vec!["Kirby".into()],
                    ..Default::default()
                },
                FoundSpeaker {
                    name: "Yoav Gallant".into(),
                    aliases: vec!["Gallant".into()],
                    ..Default::default()
                },
            ],
        }
    }

    fn project() -> (Project, History, ArticleId) {
        let mut p = Project::new("test");
        let mut h = History::new();
        let article = Article {
            id: ArticleId(0),
            title: "t".into(),
            text: TEXT.into(),
            source_path: None,
            sha256: None,
            imported_at: None,
            meta: ArticleMeta::default(),
        };
        h.apply(
            &mut p,
            Edit::AddArticle {
                article: Box::new(article),
                extraction: extraction(),
            },
        )
        .unwrap();
        h.mark_saved();
        let id = p.articles[0].id;
        (p, h, id)
    }

    fn ids(p: &Project) -> Vec<ClaimId> {
        p.claims.iter().map(|c| c.id).collect()
    }

    #[test]
    fn add_article_adds_claims_and_speakers_and_undoes() {
        let (mut p, mut h, _) = project();
        assert_eq!(p.claims.len(), 2);
        assert_eq!(p.speakers.len(), 2);
        assert_eq!(h.undo(&mut p), Some("add article"));
        assert!(p.articles.is_empty() && p.claims.is_empty() && p.speakers.is_empty());
        h.redo(&mut p);
        assert_eq!(p.claims.len(), 2);
    }

    #[test]
    fn set_status_records_history_and_undo_redo_round_trip() {
        let (mut p, mut h, _) = project();
        let before = p.clone();
        let all = ids(&p);
        h.apply(
            &mut p,
            Edit::SetStatus {
                claims: all.clone(),
                status: Status::Verified,
                at: 100,
            },
        )
        .unwrap();
        assert!(p.claims.iter().all(|c| c.status == Status::Verified));
        assert_eq!(
            p.claims[0].history,
            vec![StatusChange {
                at: 100,
                from: Status::Unchecked,
                to: Status::Verified
            }]
        );
        assert!(h.is_dirty());
        let after = p.clone();
        h.undo(&mut p);
        assert_eq!(p, before);
        assert!(!h.is_dirty());
        h.redo(&mut p);
        assert_eq!(p, after);
        // Same status again changes nothing and is not recorded.
        let again = Edit::SetStatus {
            claims: all,
            status: Status::Verified,
            at: 200,
        };
        assert_eq!(h.apply(&mut p, again).unwrap_err(), EditError::NoChange);
    }

    #[test]
    fn new_edit_clears_redo() {
        let (mut p, mut h, _) = project();
        let c = p.claims[0].id;
        h.apply(
            &mut p,
            Edit::SetNotes {
                claim: c,
                notes: "a".into(),
            },
        )
        .unwrap();
        h.undo(&mut p);
        assert!(h.can_redo());
        h.apply(
            &mut p,
            Edit::SetNotes {
                claim: c,
                notes: "b".into(),
            },
        )
        .unwrap();
        assert!(!h.can_redo());
        assert_eq!(p.claims[0].notes, "b");
    }

    #[test]
    fn speaker_by_name_reuses_or_creates() {
        let (mut p, mut h, _) = project();
        let c = p.claims[1].id;
        h.apply(
            &mut p,
            Edit::SetSpeakerName {
                claim: c,
                name: "kirby".into(),
            },
        )
        .unwrap();
        assert_eq!(p.claims[1].speaker, p.claims[0].speaker);
        assert_eq!(p.claims[1].origin, ClaimOrigin::Edited);
        h.apply(
            &mut p,
            Edit::SetSpeakerName {
                claim: c,
                name: "Hamas".into(),
            },
        )
        .unwrap();
        assert_eq!(p.speakers.len(), 3);
        h.undo(&mut p);
        assert_eq!(p.speakers.len(), 2);
    }

    #[test]
    fn merge_moves_claims_and_keeps_names_as_aliases() {
        let (mut p, mut h, _) = project();
        let kirby = p.speakers[0].id;
        let gallant = p.speakers[1].id;
        h.apply(
            &mut p,
            Edit::MergeSpeakers {
                from: gallant,
                into: kirby,
            },
        )
        .unwrap();
        assert_eq!(p.speakers.len(), 1);
        assert!(p.claims.iter().all(|c| c.speaker == Some(kirby)));
        assert!(p.speakers[0].aliases.contains(&"Yoav Gallant".to_string()));
        h.undo(&mut p);
        assert_eq!(p.speakers.len(), 2);
        assert_eq!(p.claims[1].speaker, Some(gallant));
    }

    #[test]
    fn rename_refuses_duplicates_and_keeps_old_name_as_alias() {
        let (mut p, mut h, _) = project();
        let kirby = p.speakers[0].id;
        let dup = Edit::RenameSpeaker {
            speaker: kirby,
            name: "yoav gallant".into(),
        };
        assert!(matches!(h.apply(&mut p, dup), Err(EditError::Invalid(_))));
        h.apply(
            &mut p,
            Edit::RenameSpeaker {
                speaker: kirby,
                name: "J. Kirby".into(),
            },
        )
        .unwrap();
        assert_eq!(p.speakers[0].name, "J. Kirby");
        assert!(p.speakers[0].aliases.contains(&"John Kirby".to_string()));
    }

    #[test]
    fn add_and_delete_claims_undo_restores_order() {
        let (mut p, mut h, a) = project();
        let order = ids(&p);
        let patch = h
            .apply(
                &mut p,
                Edit::AddClaim {
                    article: a,
                    start: 0,
                    end: 5,
                    speaker: Some("Narrator".into()),
                },
            )
            .unwrap();
        let added = patch.added_claims[0];
        assert_eq!(p.claims[0].id, added, "inserted in reading order");
        assert_eq!(p.claims[0].content, "Kirby");
        h.apply(
            &mut p,
            Edit::DeleteClaims {
                claims: order.clone(),
            },
        )
        .unwrap();
        assert_eq!(ids(&p), vec![added]);
        h.undo(&mut p);
        h.undo(&mut p);
        assert_eq!(ids(&p), order);
        // Redo gives the same id again.
        h.redo(&mut p);
        assert_eq!(p.claims[0].id, added);
    }

    #[test]
    fn bad_spans_are_refused_without_change() {
        let (mut p, mut h, a) = project();
        let before = p.clone();
        for (start, end) in [(5, 5), (10, 2), (0, 999)] {
            let e = Edit::AddClaim {
                article: a,
                start,
                end,
                speaker: None,
            };
            assert!(h.apply(&mut p, e).is_err());
        }
        assert_eq!(p, before);
        assert_eq!(
            h.undo_label(),
            Some("add article"),
            "refused edits are not recorded"
        );
    }

    #[test]
    fn re_extract_keeps_analyst_work() {
        let (mut p, mut h, a) = project();
        let tagged = p.claims[0].id;
        h.apply(
            &mut p,
            Edit::SetStatus {
                claims: vec![tagged],
                status: Status::False,
                at: 1,
            },
        )
        .unwrap();
        let untouched = p.claims[1].id;
        h.apply(
            &mut p,
            Edit::ReExtract {
                article: a,
                extraction: extraction(),
            },
        )
        .unwrap();
        assert_eq!(p.claims.len(), 2);
        assert_eq!(p.claims[0].id, tagged);
        assert_eq!(p.claims[0].status, Status::False);
        assert_ne!(p.claims[1].id, untouched, "untouched claim replaced");
        assert_eq!(p.claims[1].content, "we will go on");
        h.undo(&mut p);
        assert_eq!(p.claims[1].id, untouched);
    }

    #[test]
    fn evidence_add_remove() {
        let (mut p, mut h, _) = project();
        let c = p.claims[0].id;
        let e = Evidence {
            url: " https://example.org ".into(),
            description: "x".into(),
        };
        h.apply(
            &mut p,
            Edit::AddEvidence {
                claim: c,
                evidence: e,
            },
        )
        .unwrap();
        assert_eq!(p.claims[0].evidence[0].url, "https://example.org");
        let bad = Edit::RemoveEvidence { claim: c, index: 3 };
        assert!(h.apply(&mut p, bad).is_err());
        h.apply(&mut p, Edit::RemoveEvidence { claim: c, index: 0 })
            .unwrap();
        assert!(p.claims[0].evidence.is_empty());
    }

    #[test]
    fn tagging_and_undoing_many_claims_round_trips() {
        let (mut p, mut h, a) = project();
        let template = p.claims[0].clone();
        for i in 0..20_000u64 {
            let mut c = template.clone();
            c.id = ClaimId(1_000 + i);
            c.article = a;
            p.claims.push(c);
        }
        let before = p.clone();
        let all = ids(&p);
        let started = std::time::Instant::now();
        h.apply(
            &mut p,
            Edit::SetStatus {
                claims: all,
                status: Status::Disputed,
                at: 5,
            },
        )
        .unwrap();
        h.undo(&mut p);
        assert_eq!(p, before);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "linear, not quadratic: {:?}",
            started.elapsed()
        );
    }

    /// Ids never wrap: with `next_id` (or an id) at the top of the range, edits that need
    /// ids are refused whole with a clear message, and the project is unchanged.
    #[test]
    fn ids_run_out_without_wrapping() {
        for (next_id, top_claim) in [(u64::MAX, None), (3, Some(u64::MAX)), (u64::MAX - 1, None)] {
            let (mut p, mut h, article) = project();
            p.next_id = next_id;
            if let Some(id) = top_claim {
                p.claims[0].id = ClaimId(id);
            }
            let before = p.clone();
            let e = h
                .apply(
                    &mut p,
                    Edit::AddClaim {
                        article,
                        start: 0,
                        end: 4,
                        speaker: Some("Somebody New".into()),
                    },
                )
                .unwrap_err();
            assert!(e.to_string().contains("no ids left"), "{e}");
            assert_eq!(p, before);
            if p.ids_left() == 0 {
                assert_eq!(p.fresh_id(), Err(crate::model::IdsExhausted));
                assert_eq!(p.next_id, before.next_id, "a refused id changes nothing");
            }
        }
        let mut p = Project::new("p");
        p.next_id = u64::MAX - 2;
        assert_eq!(p.fresh_id(), Ok(u64::MAX - 2));
        assert_eq!(p.ids_left(), 1);
        assert_eq!(p.fresh_id(), Ok(u64::MAX - 1));
        assert_eq!(p.fresh_id(), Err(crate::model::IdsExhausted));
    }

    #[test]
    fn set_settings_trims_marks_dirty_and_undoes() {
        let (mut p, mut h, _) = project();
        let before = p.clone();
        let edit = Edit::SetSettings {
            settings: ProjectSettings {
                organisation: "  Example Checks ".into(),
                review_url_pattern: "https://example.org/checks/{id}\n".into(),
            },
        };
        h.apply(&mut p, edit.clone()).unwrap();
        assert_eq!(p.settings.organisation, "Example Checks");
        assert_eq!(
            p.settings.review_url_pattern,
            "https://example.org/checks/{id}"
        );
        assert!(h.is_dirty());
        assert_eq!(h.undo_label(), Some("edit project settings"));
        // The same settings again change nothing.
        assert_eq!(h.apply(&mut p, edit).unwrap_err(), EditError::NoChange);
        h.undo(&mut p);
        assert_eq!(p, before);
        assert!(!h.is_dirty());
        h.redo(&mut p);
        assert_eq!(p.settings.organisation, "Example Checks");
    }

    #[test]
    fn article_details_are_trimmed_and_undone() {
        let mut project = Project::new("p");
        let id = project
            .add_article(
                Article {
                    id: ArticleId(0),
                    title: "Old title".into(),
                    text: "Text.".into(),
                    source_path: None,
                    sha256: None,
                    imported_at: None,
                    meta: ArticleMeta::default(),
                },
                &Extraction::default(),
            )
            .unwrap();
        let mut history = History::new();
        let edit = Edit::SetArticleMeta {
            article: id,
            title: "  ".into(),
            meta: ArticleMeta {
                outlet: Some(" The Courier ".into()),
                url: Some("https://example.org/a".into()),
                author: Some("   ".into()),
                published: None,
            },
        };
        history.apply(&mut project, edit.clone()).expect("applies");
        let a = project.article(id).expect("article");
        assert_eq!(a.title, "Old title", "an empty title keeps the old one");
        assert_eq!(a.meta.outlet.as_deref(), Some("The Courier"));
        assert_eq!(a.meta.author, None);
        assert_eq!(
            history.apply(&mut project, edit),
            Err(EditError::NoChange),
            "the same details again change nothing"
        );
        history.undo(&mut project);
        assert_eq!(
            project.article(id).expect("article").meta,
            ArticleMeta::default()
        );
    }
}
