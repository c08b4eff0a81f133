//! A person or body that makes claims. Shared across the project's articles.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub u64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: SpeakerId,
    /// Canonical name: "John Kirby", "White House".
    pub name: String,
    /// Role as the text gives it: "National Security Council Spokesperson".
    pub role: Option<String>,
    /// Other ways the articles name this speaker: "Kirby", "the spokesperson".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// An organisation or group rather than a person ("Hamas", "Israeli officials").
    #[serde(default)]
    pub is_body: bool,
    /// A description the article ties to no one ("a senior official"): it stands for the
    /// speaker, and is never merged with a description of another article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unresolved: bool,
    /// Aliases the analyst removed or split off: extraction never gives them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_aliases: Vec<String>,
    /// Speakers the analyst merged into this one by hand: re-extraction hands their
    /// names back to this speaker, a description only in its own article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hand_merged: Vec<HandMerge>,
}

/// A name merged by hand into a speaker ([`Speaker::hand_merged`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandMerge {
    pub name: String,
    /// For a description standing for someone unnamed ("the party's nominee"): the article
    /// it was found in, the only one where it means this speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<super::ArticleId>,
}
