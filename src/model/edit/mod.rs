//! Every change an analyst makes to a project, as one command type, and the undo/redo history.
//!
//! The window never mutates a [`Project`] directly: views emit [`Edit`]s and the app shell
//! hands them to [`History::apply`], which applies them, remembers how to undo them and
//! tells the shell that the project changed. Undo restores the entities an edit touched
//! (a [`Patch`]); redo applies the same edit again, which is deterministic because undo
//! also restores the project's id counter (an added article is moved out by undo and back
//! by redo instead: the history keeps no copy of it).
//!
//! Re-extraction (`Edit::ReExtract`) keeps the analyst's work. Conflicts resolve so:
//! - a claim the analyst touched (origin `Edited`/`Manual`, a status other than Unchecked,
//!   notes, evidence, a status history, a rationale, an assignee, a priority, "in
//!   progress" or tags) is kept as it is;
//! - untouched extracted claims are replaced by the new extraction;
//! - a newly found claim whose content span overlaps a kept claim is dropped: the
//!   analyst's version wins. So is one with the same words as a claim of the article
//!   marked Not a claim: a rejected claim never comes back;
//! - speakers dismissed as "not a speaker" are not made speakers again;
//! - a speaker merged by hand into another is found as that one again (a description
//!   standing for someone unnamed, in its own article only); split-off and removed
//!   aliases are never given back.
//!
//! Rooms: this file holds the command ([`Edit`]) and sends each variant to its apply
//! function (`claims.rs`, `speakers.rs`, `articles.rs`, `workflow.rs` for the triage
//! fields and memos, `publish.rs` for publishing verdicts, `tags.rs` for tags and saved
//! views); `patch.rs` records what an edit
//! changed so that undo can put it back; `history.rs` holds the undo/redo stacks and the
//! saved state.

mod articles;
mod claims;
mod describe;
mod history;
mod inverse;
mod patch;
mod publish;
mod revert;
mod speakers;
mod tags;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bulk;
#[cfg(test)]
mod tests_checks;
#[cfg(test)]
mod tests_publish;
#[cfg(test)]
mod tests_revert;
#[cfg(test)]
mod tests_speakers;
#[cfg(test)]
mod tests_tags;
mod workflow;

use super::{
    Article, ArticleId, ArticleMeta, Claim, ClaimId, ClaimOrigin, Evidence, NamedView, Priority,
    Project, ProjectSettings, SpeakerId, Status,
};
use crate::extract::Extraction;

pub use history::{History, SavedToken};
pub use inverse::revert_of;
pub use patch::Patch;
pub use revert::{Change, Revert};

/// One change to a project. Times are given by the caller (seconds since the Unix epoch).
/// Serialised (serde's externally tagged form) into a shared project's edit log.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Attribute several claims at once to a speaker by name (as [`Edit::SetSpeakerName`]);
    /// an empty name removes their attribution.
    AssignSpeaker {
        claims: Vec<ClaimId>,
        name: String,
    },
    /// The private notes of a claim: never in ClaimReview or the reports.
    SetNotes {
        claim: ClaimId,
        notes: String,
    },
    /// The public rationale of a claim's verdict (ClaimReview's `reviewBody`).
    SetRationale {
        claim: ClaimId,
        rationale: String,
    },
    /// Assign claims to someone (trimmed; `None` or blank: to no one). A new name joins
    /// the project's assignee names.
    SetAssignee {
        claims: Vec<ClaimId>,
        assignee: Option<String>,
    },
    SetPriority {
        claims: Vec<ClaimId>,
        priority: Priority,
    },
    SetInProgress {
        claims: Vec<ClaimId>,
        in_progress: bool,
    },
    /// Replace the project's list of assignee names (trimmed, repeats dropped).
    SetAssignees {
        names: Vec<String>,
    },
    SetArticleMemo {
        article: ArticleId,
        memo: String,
    },
    SetProjectMemo {
        memo: String,
    },
    AddEvidence {
        claim: ClaimId,
        evidence: Evidence,
    },
    RemoveEvidence {
        claim: ClaimId,
        index: usize,
    },
    /// Take over an earlier fact-check (the library's "Checked before"): its verdict, when
    /// it has one claimdesk knows (`status`), and its review as evidence (not added twice),
    /// as one step. Refused as no change when the claim has both already.
    ApplyCheck {
        claim: ClaimId,
        status: Option<Status>,
        evidence: Evidence,
        at: i64,
    },
    /// The analyst's word on a match of the claim library ("Checked before") for a claim:
    /// confirmed (`Some(true)`), rejected (`Some(false)`), or taken back (`None`). One word
    /// per review address: a new one replaces the earlier. `by` and `at`: who and when.
    JudgeMatch {
        claim: ClaimId,
        url: String,
        confirmed: Option<bool>,
        #[serde(default)]
        by: String,
        at: i64,
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
    /// Merge several speakers into `into` as one edit (as [`Edit::MergeSpeakers`] for each;
    /// `into` itself in `from` is passed over).
    MergeSpeakersInto {
        from: Vec<SpeakerId>,
        into: SpeakerId,
    },
    /// Split a wrong merge: a new speaker `name` takes `aliases` from `speaker`, with every
    /// claim of `speaker` whose mention is one of them or `name` (marked edited, so that
    /// re-extraction keeps them); `speaker` remembers them as removed.
    SplitSpeaker {
        speaker: SpeakerId,
        aliases: Vec<String>,
        name: String,
    },
    /// Take an alias off a speaker; extraction never gives it back to that speaker.
    RemoveAlias {
        speaker: SpeakerId,
        alias: String,
    },
    /// "Not a speaker": remove a speaker and remember its name so that extraction never
    /// makes it a speaker again; its claims lose the speaker, or are also marked Not a
    /// claim, as `claims` says (docs/triage.md).
    DismissSpeaker {
        speaker: SpeakerId,
        claims: DismissClaims,
        at: i64,
    },
    /// "Not a speaker" for several speakers as one edit (as [`Edit::DismissSpeaker`] for
    /// each; repeats passed over). Refused whole if one of them is not in the project.
    DismissSpeakers {
        speakers: Vec<SpeakerId>,
        claims: DismissClaims,
        at: i64,
    },
    /// Replace the names dismissed as "not a speaker" (trimmed, repeats dropped): taking a
    /// name off lets extraction find that speaker again.
    SetNotSpeakers {
        names: Vec<String>,
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
    /// The claims table's column order, widths and hidden columns (a project setting).
    SetTableLayout {
        layout: crate::model::TableLayout,
    },
    /// An article's title and bibliographic data (exports such as ClaimReview need them).
    /// Values are trimmed; an empty field clears it; an empty title keeps the old one.
    SetArticleMeta {
        article: ArticleId,
        title: String,
        meta: ArticleMeta,
    },
    /// Publish the verdicts of claims: each one's status and rationale as they are now,
    /// with when and by whom ([`Publication`](crate::model::Publication)). Unchecked
    /// claims and those already published as they are are passed over. A shared project
    /// lets only roles with the publish right make this edit; `by` is then the role.
    Publish {
        claims: Vec<ClaimId>,
        at: i64,
        #[serde(default)]
        by: String,
    },
    /// Withdraw the publication of claims' verdicts.
    Unpublish {
        claims: Vec<ClaimId>,
    },
    /// Tag claims ([`tags::clean_tag`](crate::model::tags::clean_tag); spelt as the
    /// project already spells it in another case).
    AddTag {
        claims: Vec<ClaimId>,
        tag: String,
    },
    /// Take a tag off claims.
    RemoveTag {
        claims: Vec<ClaimId>,
        tag: String,
    },
    /// Rename a tag on the claims listed (every claim tagged `from`, as the window saw
    /// them); on a claim that has `to` already the two merge.
    RenameTag {
        claims: Vec<ClaimId>,
        from: String,
        to: String,
    },
    /// Replace the project's saved views (named filters).
    SetViews {
        views: Vec<NamedView>,
    },
    /// Set back what one of your edits changed, leaving alone what others changed since: a
    /// shared project's undo and redo (`revert.rs`), built by [`revert_of`].
    Revert(Box<Revert>),
}

/// What dismissing a speaker ([`Edit::DismissSpeaker`]) does to its claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DismissClaims {
    /// They stay claims, without a speaker.
    #[default]
    LoseSpeaker,
    /// They are marked Not a claim (and lose the speaker).
    NotAClaim,
}

impl Edit {
    /// A short description for the Edit menu ("Undo set status").
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::SetStatus { .. } => "set status",
            Edit::SetContent { .. } => "edit claim",
            Edit::SetSpeakerName { .. } => "change speaker",
            Edit::SetRole { .. } => "edit role",
            Edit::AssignSpeaker { .. } => "assign speaker",
            Edit::SetNotes { .. } => "edit notes",
            Edit::SetRationale { .. } => "edit rationale",
            Edit::SetAssignee { .. } => "assign",
            Edit::SetPriority { .. } => "set priority",
            Edit::SetInProgress { .. } => "set in progress",
            Edit::SetAssignees { .. } => "edit assignee names",
            Edit::SetArticleMemo { .. } => "edit article memo",
            Edit::SetProjectMemo { .. } => "edit project memo",
            Edit::AddEvidence { .. } => "add evidence",
            Edit::RemoveEvidence { .. } => "remove evidence",
            Edit::ApplyCheck { .. } => "apply earlier fact-check",
            Edit::JudgeMatch {
                confirmed: Some(true),
                ..
            } => "confirm match",
            Edit::JudgeMatch {
                confirmed: Some(false),
                ..
            } => "reject match",
            Edit::JudgeMatch { .. } => "take back match verdict",
            Edit::AddClaim { .. } => "add claim",
            Edit::DeleteClaims { .. } => "delete claims",
            Edit::RenameSpeaker { .. } => "rename speaker",
            Edit::SplitSpeaker { .. } => "split speaker",
            Edit::RemoveAlias { .. } => "remove alias",
            Edit::MergeSpeakers { .. } | Edit::MergeSpeakersInto { .. } => "merge speakers",
            Edit::DismissSpeaker { .. } | Edit::DismissSpeakers { .. } => "mark not a speaker",
            Edit::SetNotSpeakers { .. } => "edit not-a-speaker names",
            Edit::ReExtract { .. } => "re-extract article",
            Edit::AddArticle { .. } => "add article",
            Edit::SetSettings { .. } => "edit project settings",
            Edit::SetTableLayout { .. } => "change the table's columns",
            Edit::SetArticleMeta { .. } => "edit article details",
            Edit::Publish { .. } => "publish verdicts",
            Edit::Unpublish { .. } => "withdraw publication",
            Edit::AddTag { .. } => "tag",
            Edit::RemoveTag { .. } => "remove tag",
            Edit::RenameTag { .. } => "rename tag",
            Edit::SetViews { .. } => "edit saved views",
            Edit::Revert(r) if r.redo => "redo",
            Edit::Revert(_) => "undo",
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

/// Apply `edit` to `project`. On error the project is unchanged.
pub fn apply(project: &mut Project, edit: &Edit) -> Result<Patch, EditError> {
    project.ensure_ids(ids_needed(edit)).map_err(no_ids)?;
    let mut patch = Patch::new(project);
    let p = &mut patch;
    match edit {
        Edit::SetStatus { claims, status, at } => {
            claims::set_status(project, p, claims, status, at)
        }
        Edit::SetContent { claim, content } => claims::set_content(project, p, claim, content),
        Edit::SetSpeakerName { claim, name } => claims::set_speaker_name(project, p, claim, name),
        Edit::AssignSpeaker { claims, name } => claims::assign_speaker(project, p, claims, name),
        Edit::SetNotes { claim, notes } => claims::set_notes(project, p, claim, notes),
        Edit::SetRationale { claim, rationale } => {
            workflow::set_rationale(project, p, claim, rationale)
        }
        Edit::SetAssignee { claims, assignee } => {
            workflow::set_assignee(project, p, claims, assignee)
        }
        Edit::SetPriority { claims, priority } => {
            workflow::set_priority(project, p, claims, priority)
        }
        Edit::SetInProgress {
            claims,
            in_progress,
        } => workflow::set_in_progress(project, p, claims, in_progress),
        Edit::SetAssignees { names } => workflow::set_assignees(project, p, names),
        Edit::SetArticleMemo { article, memo } => {
            workflow::set_article_memo(project, p, article, memo)
        }
        Edit::SetProjectMemo { memo } => workflow::set_project_memo(project, p, memo),
        Edit::AddEvidence { claim, evidence } => claims::add_evidence(project, p, claim, evidence),
        Edit::RemoveEvidence { claim, index } => claims::remove_evidence(project, p, claim, index),
        Edit::ApplyCheck {
            claim,
            status,
            evidence,
            at,
        } => claims::apply_check(project, p, claim, status, evidence, at),
        Edit::JudgeMatch {
            claim,
            url,
            confirmed,
            by,
            at,
        } => claims::judge_match(project, p, *claim, url, *confirmed, by, *at),
        Edit::AddClaim {
            article,
            start,
            end,
            speaker,
        } => claims::add_claim(project, p, article, start, end, speaker),
        Edit::DeleteClaims { claims } => claims::delete_claims(project, p, claims),
        Edit::SetRole { speaker, role } => speakers::set_role(project, p, speaker, role),
        Edit::RenameSpeaker { speaker, name } => {
            speakers::rename_speaker(project, p, speaker, name)
        }
        Edit::MergeSpeakers { from, into } => speakers::merge_speakers(project, p, from, into),
        Edit::SplitSpeaker {
            speaker,
            aliases,
            name,
        } => speakers::split_speaker(project, p, speaker, aliases, name),
        Edit::RemoveAlias { speaker, alias } => speakers::remove_alias(project, p, speaker, alias),
        Edit::MergeSpeakersInto { from, into } => speakers::merge_many(project, p, from, into),
        Edit::DismissSpeaker {
            speaker,
            claims,
            at,
        } => speakers::dismiss_speaker(project, p, speaker, claims, at),
        Edit::DismissSpeakers {
            speakers,
            claims,
            at,
        } => speakers::dismiss_many(project, p, speakers, claims, at),
        Edit::SetNotSpeakers { names } => workflow::set_not_speakers(project, p, names),
        Edit::SetArticleMeta {
            article,
            title,
            meta,
        } => articles::set_article_meta(project, p, article, title, meta),
        Edit::SetSettings { settings } => articles::set_settings(project, p, settings),
        Edit::SetTableLayout { layout } => articles::set_table_layout(project, p, layout),
        Edit::ReExtract {
            article,
            extraction,
        } => articles::re_extract(project, p, article, extraction),
        Edit::AddArticle {
            article,
            extraction,
        } => articles::add_article(project, p, (**article).clone(), extraction.clone()).map(|_| ()),
        Edit::Publish { claims, at, by } => publish::publish(project, p, claims, *at, by),
        Edit::Unpublish { claims } => publish::unpublish(project, p, claims),
        Edit::AddTag { claims, tag } => tags::add_tag(project, p, claims, tag),
        Edit::RemoveTag { claims, tag } => tags::remove_tag(project, p, claims, tag),
        Edit::RenameTag { claims, from, to } => tags::rename_tag(project, p, claims, from, to),
        Edit::SetViews { views } => tags::set_views(project, p, views),
        Edit::Revert(r) => revert::apply(project, p, r),
    }?;
    Ok(patch)
}

/// [`apply`] of an [`Edit::AddArticle`] taking the article and the claims found in it by
/// value: they move into the project and are never copied (the history keeps no second
/// copy of a large article either, see `history.rs`).
pub(super) fn apply_add_article(
    project: &mut Project,
    article: Article,
    extraction: Extraction,
) -> Result<(Patch, ArticleId), EditError> {
    project
        .ensure_ids(Project::ids_needed(&extraction).saturating_add(1))
        .map_err(no_ids)?;
    let mut patch = Patch::new(project);
    let id = articles::add_article(project, &mut patch, article, extraction)?;
    Ok((patch, id))
}

fn claim_index(project: &Project, id: ClaimId) -> Result<usize, EditError> {
    project
        .claims
        .iter()
        .position(|c| c.id == id)
        .ok_or(EditError::NoSuchClaim(id))
}

fn article_index(project: &Project, id: ArticleId) -> Result<usize, EditError> {
    project
        .articles
        .iter()
        .position(|a| a.id == id)
        .ok_or(EditError::NoSuchArticle(id))
}

fn speaker_index(project: &Project, id: SpeakerId) -> Result<usize, EditError> {
    project
        .speakers
        .iter()
        .position(|s| s.id == id)
        .ok_or(EditError::NoSuchSpeaker(id))
}

/// An extracted claim becomes `Edited` when the analyst changes its words or attribution.
pub(super) fn mark_edited(claim: &mut Claim) {
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
        || !claim.rationale.is_empty()
        || claim.assignee.is_some()
        || claim.priority != Priority::Normal
        || claim.in_progress
        || claim.published.is_some()
        || !claim.tags.is_empty()
        || !claim.match_verdicts.is_empty()
}

/// An edit refused because the project's ids are used up (see [`Project::fresh_id`]).
fn no_ids(_: crate::model::IdsExhausted) -> EditError {
    EditError::Invalid("the project has no ids left; nothing was added")
}

/// At most how many fresh ids `edit` takes: checked before anything changes, so that an
/// edit is refused whole rather than stopped half-way.
fn ids_needed(edit: &Edit) -> usize {
    match edit {
        Edit::SetSpeakerName { .. } | Edit::AssignSpeaker { .. } => 1,
        Edit::AddClaim { .. } => 2,
        Edit::ReExtract { extraction, .. } => Project::ids_needed(extraction),
        Edit::AddArticle { extraction, .. } => Project::ids_needed(extraction).saturating_add(1),
        _ => 0,
    }
}
