//! An article: its full text (offsets of claims point into it) and what is known about it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub u64);

/// Bibliographic data; feeds exports such as ClaimReview. All optional and editable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleMeta {
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    /// Publication date as given (ideally ISO 8601).
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    /// The normalised text claims point into (UTF-8, `\n` line ends).
    pub text: String,
    /// Where the article was read from, as given by the analyst.
    #[serde(default)]
    pub source_path: Option<String>,
    /// SHA-256 (hex) of the original file's bytes.
    #[serde(default)]
    pub sha256: Option<String>,
    /// Seconds since the Unix epoch (UTC).
    #[serde(default)]
    pub imported_at: Option<i64>,
    #[serde(default)]
    pub meta: ArticleMeta,
    /// The analyst's memo about the whole article (private, like a claim's notes).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
}
