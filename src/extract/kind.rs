//! How a claim is reported in the text; the model stores it with each claim.

use serde::{Deserialize, Serialize};

/// How the claim is reported in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Wholly inside quotation marks.
    Direct,
    /// Reported speech, no quotation marks.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
    /// A headline or subheading attribution ("…: White House").
    Headline,
    /// A check-worthy sentence no one is quoted saying: the article's own voice.
    Statement,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Direct,
        ClaimKind::Indirect,
        ClaimKind::Mixed,
        ClaimKind::Headline,
        ClaimKind::Statement,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Headline => "headline",
            ClaimKind::Statement => "statement",
        }
    }
}
