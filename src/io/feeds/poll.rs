//! One poll: every due feed asked in turn (conditionally), its new items' pages fetched and
//! analysed one at a time, each outcome reported to a [`Sink`] as it happens, so that the
//! caller can save after each article. Nothing here touches a project: the command line
//! (`runner.rs`) and the window's job each have their own sink.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::parse::{Item, parse_feed};
use super::schedule::{HostGate, is_due};
use super::{FEED_ACCEPT, MAX_FEED_BYTES, MAX_ITEM_TRIES, MAX_ITEMS_READ, MAX_NEW_ITEMS_PER_POLL};
use crate::extract::FoundSpeaker;
use crate::io::fetch::{self, Ask, Limits, Watch};
use crate::io::import::{AnalysedArticle, analyse_source, sha256_hex};
use crate::io::web_address::without_credentials;
use crate::model::{Feed, FeedItem};

/// The limits of a poll. [`Default`] is what claimdesk uses; tests shorten them.
#[derive(Debug, Clone)]
pub struct Options {
    /// For the feed documents (their own size cap, [`MAX_FEED_BYTES`]).
    pub feed_limits: Limits,
    /// For the items' pages: the article URL limits.
    pub page_limits: Limits,
    /// The least time between two requests to one host.
    pub host_gap: Duration,
    pub max_new_items: usize,
    /// Set to stop the poll between (and during) requests.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            feed_limits: Limits {
                max_bytes: MAX_FEED_BYTES,
                ..Limits::default()
            },
            page_limits: Limits::default(),
            host_gap: Duration::from_secs(1),
            max_new_items: MAX_NEW_ITEMS_PER_POLL,
            cancel: None,
        }
    }
}

/// What a feed said when it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub title: Option<String>,
    /// Validators to send next time; `None` when some item of this poll is still to be
    /// taken (so the next poll reads the whole feed again).
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub not_modified: bool,
}

/// One outcome of a poll.
#[derive(Debug)]
pub enum Event {
    /// A feed was asked (reported after its items): what it said, or one line naming it.
    Checked {
        feed: String,
        at: i64,
        outcome: Result<Checked, String>,
    },
    /// A new item's page, read and analysed.
    Article {
        feed: String,
        item: FeedItem,
        analysed: Box<AnalysedArticle>,
    },
    /// A new item whose page could not be taken (`item.error`), or that repeats one
    /// taken before under another GUID and link (its text's hash): recorded, so that it
    /// is tried again only a few times, or never.
    ItemFailed { feed: String, item: FeedItem },
    /// Something a cap cut, one line naming the feed or page.
    Note(String),
}

/// Where a poll reports, and what it asks about the project.
pub trait Sink {
    /// Has an item with one of these keys been taken already (or given up on)?
    fn seen(&mut self, guid: Option<&str>, link: Option<&str>, text_sha256: Option<&str>) -> bool;
    fn event(&mut self, event: Event);
}

/// Ask each feed of `feeds` that is due at `now()` (every one when `force`), take its new
/// items, report everything to `sink`. Returns how many feeds were asked.
pub fn poll_feeds(
    feeds: &[Feed],
    known: &[FoundSpeaker],
    now: &dyn Fn() -> i64,
    force: bool,
    options: &Options,
    sink: &mut dyn Sink,
) -> usize {
    let cancelled = || {
        options
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::SeqCst))
    };
    let mut gate = HostGate::new(options.host_gap);
    let mut asked = 0;
    for feed in feeds {
        if cancelled() {
            break;
        }
        if !force && !is_due(feed, now()) {
            continue;
        }
        asked += 1;
        let at = now();
        let outcome = poll_one(feed, known, now, options, &mut gate, &cancelled, sink);
        sink.event(Event::Checked {
            feed: feed.url.clone(),
            at,
            outcome,
        });
    }
    asked
}

/// One feed: its document, then its new items.
fn poll_one(
    feed: &Feed,
    known: &[FoundSpeaker],
    now: &dyn Fn() -> i64,
    options: &Options,
    gate: &mut HostGate,
    cancelled: &dyn Fn() -> bool,
    sink: &mut dyn Sink,
) -> Result<Checked, String> {
    let shown = without_credentials(&feed.url);
    let line = |reason: &str| format!("feed {shown}: {reason}");
    let watch = Watch {
        cancel: options.cancel.as_deref(),
        progress: None,
    };
    gate.wait(&feed.url, cancelled);
    let ask = Ask {
        accept: FEED_ACCEPT,
        etag: feed.etag.as_deref(),
        modified_since: feed.last_modified.as_deref(),
    };
    let fetched = fetch::fetch_asking(&feed.url, &options.feed_limits, watch, ask)
        .map_err(|e| line(&feed_reason(e, &options.feed_limits)))?;
    if fetched.not_modified {
        return Ok(Checked {
            title: feed.title.clone(),
            etag: fetched.etag,
            last_modified: fetched.last_modified,
            not_modified: true,
        });
    }
    let parsed = parse_feed(&fetched.bytes, &fetched.url).map_err(|e| line(&e))?;
    drop(fetched.bytes);
    if parsed.total > MAX_ITEMS_READ {
        sink.event(Event::Note(line(&format!(
            "has {} items; only the first {MAX_ITEMS_READ} were read",
            parsed.total
        ))));
    }
    let new: Vec<&Item> = parsed
        .items
        .iter()
        .filter(|i| !sink.seen(i.guid.as_deref(), i.link.as_deref(), None))
        .collect();
    let mut complete = new.len() <= options.max_new_items;
    if !complete {
        sink.event(Event::Note(line(&format!(
            "{} new items; the newest {} are taken now, the others at the next polls",
            new.len(),
            options.max_new_items
        ))));
    }
    for item in new.into_iter().take(options.max_new_items) {
        if cancelled() {
            complete = false;
            break;
        }
        let record = |error: Option<String>, sha: Option<String>, tries: u32| FeedItem {
            feed: feed.url.clone(),
            guid: item.guid.clone(),
            link: item.link.clone(),
            text_sha256: sha,
            article: None,
            published: item.published.clone(),
            added_at: now(),
            error,
            tries,
        };
        let Some(link) = item.link.as_deref() else {
            let title = item.title.as_deref().unwrap_or("(untitled)");
            let why = line(&format!("item “{title}” has no http(s) link; passed over"));
            sink.event(Event::ItemFailed {
                feed: feed.url.clone(),
                item: record(Some(why), None, MAX_ITEM_TRIES),
            });
            continue;
        };
        gate.wait(link, cancelled);
        let source = match fetch::read_url_with(link, &options.page_limits, watch) {
            Ok(source) => source,
            Err(e) => {
                complete = false;
                sink.event(Event::ItemFailed {
                    feed: feed.url.clone(),
                    item: record(Some(line(&e.to_string())), None, 1),
                });
                continue;
            }
        };
        let sha = sha256_hex(source.text.as_bytes());
        if sink.seen(None, None, Some(&sha)) {
            let why = line(&format!(
                "{}: the same text as an article taken before; passed over",
                without_credentials(link)
            ));
            sink.event(Event::ItemFailed {
                feed: feed.url.clone(),
                item: record(Some(why), Some(sha), MAX_ITEM_TRIES),
            });
            continue;
        }
        let analysed = analyse_source(source, known);
        let mut taken = record(None, Some(sha), 0);
        taken.published = item.published.clone();
        sink.event(Event::Article {
            feed: feed.url.clone(),
            item: taken,
            analysed: Box::new(analysed),
        });
    }
    let validators = |v: Option<String>| v.filter(|_| complete);
    Ok(Checked {
        title: parsed.title,
        etag: validators(fetched.etag),
        last_modified: validators(fetched.last_modified),
        not_modified: false,
    })
}

/// The fetch's reason, said of a feed: its size limit is the feed's, not an article's.
fn feed_reason(reason: String, limits: &Limits) -> String {
    if !reason.starts_with("page is over") {
        return reason;
    }
    let (n, unit) = if limits.max_bytes >= 1024 * 1024 {
        (limits.max_bytes / (1024 * 1024), "MB")
    } else {
        (limits.max_bytes, "bytes")
    };
    format!("is over {n} {unit}; larger feeds are not read")
}
