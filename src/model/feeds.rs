//! The feeds a project follows (RSS, Atom, JSON Feed) and what came of them: each feed's
//! polling state, every item already taken (so that none is added twice), the watch list
//! of speakers and words, and the claims it flagged. Plain data: the fetching and the
//! clock live in `io::feeds`; the key `feeds` of the project file (docs/project-format.md),
//! left out while empty, so files without feeds are as before.

use serde::{Deserialize, Serialize};

use super::{ArticleId, ClaimId};

/// The default time between two polls of a feed, in minutes.
pub const DEFAULT_INTERVAL_MINUTES: u32 = 15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct FeedWatch {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feeds: Vec<Feed>,
    /// Items taken from the feeds (or given up on), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<FeedItem>,
    /// Speakers whose new claims are flagged (names or aliases, any case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch_speakers: Vec<String>,
    /// Words whose appearance in a new claim flags it (whole words, any case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch_words: Vec<String>,
    /// Claims of feed articles the watch list flagged, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flagged: Vec<Flag>,
    /// When the analyst last looked at what the feeds brought (the window's "new since I
    /// last looked"), seconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_looked: Option<i64>,
}

/// One followed feed and where its polling stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub url: String,
    /// The feed's own title, once read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Minutes between polls (at least [`DEFAULT_INTERVAL_MINUTES`] unless set lower).
    #[serde(default = "default_interval")]
    pub interval_minutes: u32,
    /// The validators of the last answer, sent back for a conditional GET.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// When the feed was last asked for (seconds since the Unix epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked: Option<i64>,
    /// The last poll's error, one line naming the feed; `None` after a good poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Polls that failed in a row (the backoff grows with them).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub failures: u32,
}

fn default_interval() -> u32 {
    DEFAULT_INTERVAL_MINUTES
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Feed {
    pub fn new(url: impl Into<String>) -> Feed {
        Feed {
            url: url.into(),
            title: None,
            interval_minutes: DEFAULT_INTERVAL_MINUTES,
            etag: None,
            last_modified: None,
            last_checked: None,
            last_error: None,
            failures: 0,
        }
    }
}

/// An item of a feed that was taken: its keys (any of which makes a later item the same),
/// and the article it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedItem {
    /// The feed's URL.
    pub feed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// SHA-256 (hex) of the article's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
    /// The article it became; `None` when it was given up on (`error` says why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleId>,
    /// The item's date as the feed gave it (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When it was taken (seconds since the Unix epoch).
    pub added_at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Failed tries so far (an item is given up on after a few).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub tries: u32,
}

/// A claim the watch list flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub claim: ClaimId,
    /// Why, for people: `speaker John Kirby`, `word "ceasefire"`.
    pub reason: String,
    pub at: i64,
}

impl FeedWatch {
    pub fn is_empty(&self) -> bool {
        *self == FeedWatch::default()
    }

    pub fn feed(&self, url: &str) -> Option<&Feed> {
        self.feeds.iter().find(|f| f.url == url)
    }

    pub fn feed_mut(&mut self, url: &str) -> Option<&mut Feed> {
        self.feeds.iter_mut().find(|f| f.url == url)
    }

    /// Follow `url` (nothing changes if it is followed already). Returns whether it is new.
    pub fn add_feed(&mut self, url: &str) -> bool {
        if self.feed(url).is_some() {
            return false;
        }
        self.feeds.push(Feed::new(url));
        true
    }

    /// Stop following `url`; its items stay (so they are not taken again if it comes back).
    pub fn remove_feed(&mut self, url: &str) -> bool {
        let before = self.feeds.len();
        self.feeds.retain(|f| f.url != url);
        before != self.feeds.len()
    }
}
