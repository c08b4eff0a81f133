//! Following feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed): each new item's page is fetched,
//! cleaned and extracted through the same pipeline as Open URL (`io::fetch`,
//! `io::import`) and added to the project with its feed, link and time, never twice
//! (the item's GUID, its link, or the SHA-256 of its text, `model::feeds`).
//!
//! Polite and bounded: a feed is asked for no more often than its interval (15 min by
//! default), with `If-None-Match`/`If-Modified-Since`, backing off after errors; one
//! request at a time (all of a poll is one thread), at least [`Options::host_gap`] apart
//! for one host; every response within a size and time limit, every page within the
//! article URL limits (`fetch::Limits`, redirects only to http(s), no public-to-internal
//! hop). A bad feed (not a feed, malformed, huge, endless, too many items, redirected
//! elsewhere) is one line naming it, and the other feeds go on.
//!
//! - `parse.rs` feed bytes to items (feed-rs), with the item cap;
//! - `schedule.rs` when a feed is due, backoff, the gap between requests to a host;
//! - `poll.rs` one poll of the due feeds, reporting to a [`Sink`];
//! - `apply.rs` what a poll's reports change in a project;
//! - `alerts.rs` the watch list: which new claims are flagged, and their lines;
//! - `runner.rs` `claimdesk watch` on a project file: one save per article, under the lock.

mod alerts;
mod apply;
mod parse;
mod poll;
mod runner;
mod schedule;

pub use alerts::{alert_line, flags_for};
pub use apply::{add_article, is_taken, record_checked, record_failed_item, taken};
pub use parse::{Item, ParsedFeed, parse_feed};
pub use poll::{Checked, Event, Options, Sink, poll_feeds};
pub use runner::{Report, Summary, WatchSetup, watch_file};
pub use schedule::{HostGate, backoff_seconds, is_due, next_due};

/// The largest feed document read (a larger one is refused, naming the feed).
pub const MAX_FEED_BYTES: u64 = 8 * 1024 * 1024;
/// The most items of one feed taken in one poll (the newest; the rest wait for the next).
pub const MAX_NEW_ITEMS_PER_POLL: usize = 30;
/// The most entries of one feed looked at (a feed with more is read up to here).
pub const MAX_ITEMS_READ: usize = 1000;
/// Failed fetches of an item's page before it is given up on.
pub const MAX_ITEM_TRIES: u32 = 3;

/// What a feed request accepts.
pub const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, \
    application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, \
    */*;q=0.5";
