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
    /// "Not a claim": the analyst decided the text is no claim at all. Kept (so that
    /// re-extraction never brings it back) but left out of counts and exports unless asked.
    Rejected,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Unchecked,
        Status::Verified,
        Status::Disputed,
        Status::False,
        Status::Misleading,
        Status::Unverifiable,
        Status::Rejected,
    ];

    /// How many statuses there are (the length of [`Status::ALL`]).
    pub const COUNT: usize = Status::ALL.len();

    /// Whether the claim counts as a claim at all: every status but
    /// [`Status::Rejected`] ("Not a claim").
    pub fn is_claim(self) -> bool {
        self != Status::Rejected
    }

    /// Human label, shown beside the colour so that colour is never the only signal.
    pub fn label(self) -> &'static str {
        match self {
            Status::Unchecked => "Unchecked",
            Status::Verified => "Verified",
            Status::Disputed => "Disputed",
            Status::False => "False",
            Status::Misleading => "Misleading",
            Status::Unverifiable => "Unverifiable",
            Status::Rejected => "Not a claim",
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
            Status::Rejected => "rejected",
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
            Status::Rejected => [117, 84, 58],
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

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn keys_round_trip_and_rejected_is_not_a_claim() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.key()));
        }
        assert_eq!(Status::from_key("rejected"), Some(Status::Rejected));
        assert_eq!(Status::Rejected.label(), "Not a claim");
        assert!(!Status::Rejected.is_claim());
        assert!(Status::ALL.iter().filter(|s| !s.is_claim()).count() == 1);
        let colours: std::collections::HashSet<[u8; 3]> =
            Status::ALL.iter().map(|s| s.rgb()).collect();
        assert_eq!(colours.len(), Status::COUNT, "each status its own colour");
    }
}
