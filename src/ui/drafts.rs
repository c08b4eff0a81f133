//! What the analyst is typing in the details pane (claim, speaker, role, rationale, notes,
//! assignee) and in a
//! speaker's page (the role), before it becomes an edit. Nothing typed is lost: leaving a field any way at all (Esc, Tab, a
//! click elsewhere, another claim selected, the field no longer drawn, Save or Quit) makes
//! the dispatcher commit it, one undoable edit per field, to the claim it was typed for.
//!
//! The app notices a field was left by comparing which field has the keys at the end of
//! each frame with the one that had them before (`Drafts::focused`), so the commit does not
//! depend on the widget being drawn in the frame it lost focus.

use std::collections::BTreeSet;

use egui::Id;

use crate::model::edit::Edit;
use crate::model::{Article, ArticleId, Claim, ClaimId, Project, SpeakerId};

/// A text field of the details pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Content,
    Speaker,
    Role,
    Notes,
    /// The public rationale of the claim's verdict.
    Rationale,
    /// Whom the claims shown in the details pane (one, or all selected) are assigned to.
    Assignee,
    /// The role in the Speakers tab's page (of [`SpeakerRole::speaker`]).
    SpeakerRole,
    /// The memo of the article shown (of [`MemoDraft::article`]).
    ArticleMemo,
    /// The project's memo.
    ProjectMemo,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Content,
        Field::Speaker,
        Field::Role,
        Field::Notes,
        Field::Rationale,
        Field::Assignee,
        Field::SpeakerRole,
        Field::ArticleMemo,
        Field::ProjectMemo,
    ];

    /// The widget id of the field's text edit.
    pub fn id(self) -> Id {
        Id::unique(("details_field", self as u8))
    }
}

/// The role typed in a speaker's page, for one speaker.
#[derive(Debug, Clone, Default)]
pub struct SpeakerRole {
    pub speaker: Option<SpeakerId>,
    pub revision: Option<u64>,
    pub role: String,
}

/// The assignee typed in the details pane, for the claims it shows (one, or every one
/// selected): committed to all of them as one edit.
#[derive(Debug, Clone, Default)]
pub struct AssigneeDraft {
    pub claims: Vec<ClaimId>,
    pub revision: Option<u64>,
    pub name: String,
}

/// A memo being typed: an article's (`article`) or the project's (`None`).
#[derive(Debug, Clone, Default)]
pub struct MemoDraft {
    pub article: Option<ArticleId>,
    pub revision: Option<u64>,
    pub text: String,
}

/// The details pane's buffers, for one claim, and the speaker page's role.
#[derive(Debug, Clone, Default)]
pub struct Drafts {
    /// The claim the buffers were loaded from (and edits go to).
    pub claim: Option<ClaimId>,
    /// The speaker whose role `role` is.
    pub speaker: Option<SpeakerId>,
    /// The project revision the buffers were loaded at.
    pub revision: Option<u64>,
    pub content: String,
    pub speaker_name: String,
    pub role: String,
    pub notes: String,
    pub rationale: String,
    pub ev_url: String,
    pub ev_description: String,
    /// Fields typed in since the buffers were loaded.
    pub dirty: BTreeSet<Field>,
    /// The field that had the keys at the end of the last frame.
    pub focused: Option<Field>,
    /// The Speakers tab's role field (kept when the claim buffers reload).
    pub speaker_role: SpeakerRole,
    /// The assignee field (kept when the claim buffers reload).
    pub assignee: AssigneeDraft,
    /// The article memo and the project memo (kept when the claim buffers reload).
    pub article_memo: MemoDraft,
    pub project_memo: MemoDraft,
}

impl Drafts {
    /// Load the buffers from `claim` unless they hold typing not yet committed. The evidence
    /// fields are kept while the same claim is shown.
    pub fn follow(&mut self, project: &Project, claim: &Claim, revision: u64) {
        let same = self.claim == Some(claim.id);
        if (same && self.revision == Some(revision)) || !self.dirty.is_empty() {
            return;
        }
        let speaker = claim.speaker.and_then(|s| project.speaker(s));
        let (ev_url, ev_description) = if same {
            (
                std::mem::take(&mut self.ev_url),
                std::mem::take(&mut self.ev_description),
            )
        } else {
            (String::new(), String::new())
        };
        *self = Drafts {
            claim: Some(claim.id),
            speaker: speaker.map(|s| s.id),
            revision: Some(revision),
            content: claim.content.clone(),
            speaker_name: speaker.map(|s| s.name.clone()).unwrap_or_default(),
            role: speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
            notes: claim.notes.clone(),
            rationale: claim.rationale.clone(),
            ev_url,
            ev_description,
            dirty: BTreeSet::new(),
            focused: self.focused,
            speaker_role: std::mem::take(&mut self.speaker_role),
            assignee: std::mem::take(&mut self.assignee),
            article_memo: std::mem::take(&mut self.article_memo),
            project_memo: std::mem::take(&mut self.project_memo),
        };
    }

    /// Load the article memo from `article` unless it holds typing not committed.
    pub fn follow_article_memo(&mut self, article: &Article, revision: u64) {
        let m = &self.article_memo;
        let current = m.article == Some(article.id) && m.revision == Some(revision);
        if current || self.dirty.contains(&Field::ArticleMemo) {
            return;
        }
        self.article_memo = MemoDraft {
            article: Some(article.id),
            revision: Some(revision),
            text: article.memo.clone(),
        };
    }

    /// Load the project memo unless it holds typing not committed.
    pub fn follow_project_memo(&mut self, project: &Project, revision: u64) {
        if self.project_memo.revision == Some(revision) || self.dirty.contains(&Field::ProjectMemo)
        {
            return;
        }
        self.project_memo = MemoDraft {
            article: None,
            revision: Some(revision),
            text: project.memo.clone(),
        };
    }

    /// Load the assignee field for `claims` unless it holds typing not committed: their
    /// common assignee (`common`), or nothing when they differ.
    pub fn follow_assignee(&mut self, claims: &[ClaimId], common: Option<&str>, revision: u64) {
        let a = &self.assignee;
        let current = a.claims == claims && a.revision == Some(revision);
        if current || self.dirty.contains(&Field::Assignee) {
            return;
        }
        self.assignee = AssigneeDraft {
            claims: claims.to_vec(),
            revision: Some(revision),
            name: common.unwrap_or_default().to_string(),
        };
    }

    /// Load the speaker page's role from `speaker` unless it holds typing not committed.
    pub fn follow_speaker(&mut self, speaker: &crate::model::Speaker, revision: u64) {
        let r = &self.speaker_role;
        let current = r.speaker == Some(speaker.id) && r.revision == Some(revision);
        if current || self.dirty.contains(&Field::SpeakerRole) {
            return;
        }
        self.speaker_role = SpeakerRole {
            speaker: Some(speaker.id),
            revision: Some(revision),
            role: speaker.role.clone().unwrap_or_default(),
        };
    }

    /// The field that has the keys now, if it is one of ours.
    pub fn field_with_focus(ctx: &egui::Context) -> Option<Field> {
        let focused = ctx.memory(|m| m.focused())?;
        Field::ALL.into_iter().find(|f| f.id() == focused)
    }

    /// The edits that make the project hold what was typed, one per field typed in, and
    /// forget the typing (the buffers reload from the project).
    pub fn take_edits(&mut self, project: &Project) -> Vec<Edit> {
        let mut dirty = std::mem::take(&mut self.dirty);
        self.revision = None;
        let mut edits = Vec::new();
        if dirty.remove(&Field::SpeakerRole) {
            self.speaker_role.revision = None;
            if let Some(speaker) = self.speaker_role.speaker.and_then(|s| project.speaker(s))
                && self.speaker_role.role.trim() != speaker.role.as_deref().unwrap_or("")
            {
                edits.push(Edit::SetRole {
                    speaker: speaker.id,
                    role: self.speaker_role.role.clone(),
                });
            }
        }
        if dirty.remove(&Field::ArticleMemo) {
            self.article_memo.revision = None;
            let memo = &self.article_memo;
            if let Some(article) = memo.article.and_then(|a| project.article(a))
                && article.memo != memo.text
            {
                edits.push(Edit::SetArticleMemo {
                    article: article.id,
                    memo: memo.text.clone(),
                });
            }
        }
        if dirty.remove(&Field::ProjectMemo) {
            self.project_memo.revision = None;
            if project.memo != self.project_memo.text {
                edits.push(Edit::SetProjectMemo {
                    memo: self.project_memo.text.clone(),
                });
            }
        }
        if dirty.remove(&Field::Assignee) {
            self.assignee.revision = None;
            let name = self.assignee.name.trim();
            let assignee = (!name.is_empty()).then(|| name.to_string());
            let wanted: std::collections::HashSet<ClaimId> =
                self.assignee.claims.iter().copied().collect();
            let targets: Vec<&Claim> = project
                .claims
                .iter()
                .filter(|c| wanted.contains(&c.id))
                .collect();
            let changes = targets.iter().any(|c| c.assignee != assignee);
            let claims: Vec<ClaimId> = targets.iter().map(|c| c.id).collect();
            if changes {
                edits.push(Edit::SetAssignee { claims, assignee });
            }
        }
        let Some(claim) = self.claim.and_then(|c| project.claim(c)) else {
            return edits;
        };
        let current_speaker = claim.speaker.and_then(|s| project.speaker(s));
        for field in dirty {
            match field {
                Field::Content if self.content.trim() != claim.content => {
                    edits.push(Edit::SetContent {
                        claim: claim.id,
                        content: self.content.clone(),
                    });
                }
                Field::Speaker
                    if self.speaker_name.trim() != current_speaker.map_or("", |s| &s.name) =>
                {
                    edits.push(Edit::SetSpeakerName {
                        claim: claim.id,
                        name: self.speaker_name.clone(),
                    });
                }
                Field::Role => {
                    if let Some(speaker) = self.speaker.and_then(|s| project.speaker(s))
                        && self.role.trim() != speaker.role.as_deref().unwrap_or("")
                    {
                        edits.push(Edit::SetRole {
                            speaker: speaker.id,
                            role: self.role.clone(),
                        });
                    }
                }
                Field::Notes if self.notes != claim.notes => {
                    edits.push(Edit::SetNotes {
                        claim: claim.id,
                        notes: self.notes.clone(),
                    });
                }
                Field::Rationale if self.rationale != claim.rationale => {
                    edits.push(Edit::SetRationale {
                        claim: claim.id,
                        rationale: self.rationale.clone(),
                    });
                }
                _ => {}
            }
        }
        edits
    }
}
