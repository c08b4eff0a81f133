//! What a claim's published verdict says: the status and public rationale as they were
//! when someone published them ([`Edit::Publish`](crate::model::edit::Edit::Publish)), with
//! when and by whom. Publishing is a step of its own: a verdict changed afterwards is not
//! public until it is published again (the window marks such a claim "changed since").

use serde::{Deserialize, Serialize};

use super::{Claim, Status};

/// A published verdict. `at` is seconds since the Unix epoch (given by the caller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    pub at: i64,
    /// Who published it: in a shared project the database role, else the name the caller
    /// gave (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// Where a claim's verdict stands against what was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishState {
    /// Never published (or withdrawn).
    Unpublished,
    /// Published as it is now.
    Published,
    /// Published, then its status or rationale changed: the public verdict is the old one.
    ChangedSince,
}

impl Claim {
    /// Whether the claim's verdict is published, and as it is now.
    pub fn publish_state(&self) -> PublishState {
        match &self.published {
            None => PublishState::Unpublished,
            Some(p) if p.status == self.status && p.rationale == self.rationale => {
                PublishState::Published
            }
            Some(_) => PublishState::ChangedSince,
        }
    }

    /// The publication this claim's verdict would have if published now by `by` at `at`.
    pub fn publication_now(&self, at: i64, by: &str) -> Publication {
        Publication {
            status: self.status,
            rationale: self.rationale.clone(),
            at,
            by: by.to_string(),
        }
    }
}
