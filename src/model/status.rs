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

    /// The status's colour (sRGB), one for the window and the reports. White text on it
    /// reads at 4.5:1 or better (tested in `ui::theme`), and so does the colour as text on
    /// white paper.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Status::Unchecked => [95, 99, 104],
            Status::Verified => [29, 122, 52],
            Status::Disputed => [172, 84, 0],
            Status::False => [179, 38, 30],
            Status::Misleading => [123, 79, 179],
            Status::Unverifiable => [46, 95, 158],
        }
    }

    /// The colour as CSS (`#1d7a34`).
    pub fn hex(self) -> String {
        let [r, g, b] = self.rgb();
        format!("#{r:02x}{g:02x}{b:02x}")
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
