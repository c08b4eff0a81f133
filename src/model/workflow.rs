//! Who works on a claim and how urgently: the triage fields beside the verdict.

use serde::{Deserialize, Serialize};

/// How urgently a claim should be checked. Files and the CLI use the lowercase key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    High,
    #[default]
    Normal,
    Low,
}

impl Priority {
    /// Most urgent first (also the sort order).
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Normal, Priority::Low];

    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Normal => "Normal",
            Priority::Low => "Low",
        }
    }

    /// The machine name used in files, exports and on the command line ("high").
    pub fn key(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }

    pub fn from_key(key: &str) -> Option<Priority> {
        Priority::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(key.trim()))
    }

    /// For serde: the default is not written.
    pub(crate) fn is_normal(&self) -> bool {
        *self == Priority::Normal
    }
}

impl std::fmt::Display for Priority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A name as the analyst typed it, trimmed, or `None` when nothing is left.
pub(crate) fn clean_name(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_normal_is_the_default() {
        for p in Priority::ALL {
            assert_eq!(Priority::from_key(p.key()), Some(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.key())
            );
        }
        assert_eq!(Priority::default(), Priority::Normal);
        assert!(Priority::High < Priority::Low);
        assert_eq!(clean_name("  Ana "), Some("Ana".into()));
        assert_eq!(clean_name(" \t"), None);
    }
}
