//! The verdict an analyst gives a claim.

use serde::{Deserialize, Serialize};

/// One type for the verdict, used by the table, the CLI and every export.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unchecked,
    Verified,
    Disputed,
    False,
    Misleading,
    Unverifiable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Unchecked,
        Status::Verified,
        Status::Disputed,
        Status::False,
        Status::Misleading,
        Status::Unverifiable,
    ];

    /// Human label, shown beside the colour so that colour is never the only signal.
    pub fn label(self) -> &'static str {
        match self {
            Status::Unchecked => "Unchecked",
            Status::Verified => "Verified",
            Status::Disputed => "Disputed",
            Status::False => "False",
            Status::Misleading => "Misleading",
            Status::Unverifiable => "Unverifiable",
        }
    }

    /// The machine name used in files and on the command line ("verified").
    pub fn key(self) -> &'static str {
        match self {
            Status::Unchecked => "unchecked",
            Status::Verified => "verified",
            Status::Disputed => "disputed",
            Status::False => "false",
            Status::Misleading => "misleading",
            Status::Unverifiable => "unverifiable",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key.trim()))
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
