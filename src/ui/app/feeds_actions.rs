//! Feeds actions ([`FeedsAction`]) and the poll's reports: follow or drop a feed, check
//! now, the watch list, "looked at"; a poll started whenever a feed is due (checked every
//! [`TICK`]); each report applied to the project if the document it was started for is
//! still the one open. An article joins through the undo history (`Edit::AddArticle`),
//! like any import; the feed records (which items were taken, each feed's state, the
//! flags) are bookkeeping outside the history: what changes them also marks the project
//! unsaved, except a feed's "last checked", which is saved with the next save.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::ClaimdeskApp;
use crate::io::feeds::{self, Event, is_taken, record_checked, record_failed_item};
use crate::io::import::now_seconds;
use crate::model::edit::Edit;
use crate::ui::command::FeedsAction;
use crate::ui::jobs::FeedPoll;

/// How often the window looks for a due feed.
pub const TICK: Duration = Duration::from_secs(30);

impl ClaimdeskApp {
    pub(super) fn feeds_action(&mut self, action: FeedsAction) {
        match action {
            FeedsAction::Show => {
                let w = &mut self.feeds;
                w.open = true;
                w.unavailable = self.shared.is_some().then(|| {
                    "Feeds are followed into project files; this is a shared project.".into()
                });
                let watch = &self.doc.project.feeds;
                w.speakers = watch.watch_speakers.join(", ");
                w.words = watch.watch_words.join(", ");
            }
            FeedsAction::Close => self.feeds.open = false,
            FeedsAction::Add(url) => {
                let url = url.trim().to_string();
                if !crate::io::fetch::is_url(&url) {
                    self.dialogs.errors.push(format!(
                        "feed {url}: only http and https feeds are followed"
                    ));
                } else if self.doc.edit().0.feeds.add_feed(&url) {
                    self.feeds.url.clear();
                    self.doc.history.mark_unsaved();
                    self.message = Some(format!("Following {url}"));
                    self.start_feed_poll(false);
                } else {
                    self.message = Some(format!("{url} is followed already"));
                }
            }
            FeedsAction::Remove(url) => {
                if self.doc.edit().0.feeds.remove_feed(&url) {
                    self.doc.history.mark_unsaved();
                    self.message = Some(format!("No longer following {url}"));
                }
            }
            FeedsAction::CheckNow => self.start_feed_poll(true),
            FeedsAction::SetWatchList { speakers, words } => {
                let list = |s: &str| -> Vec<String> {
                    let mut out: Vec<String> = Vec::new();
                    for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                            out.push(name.to_string());
                        }
                    }
                    out
                };
                let watch = &mut self.doc.edit().0.feeds;
                let (speakers, words) = (list(&speakers), list(&words));
                if watch.watch_speakers != speakers || watch.watch_words != words {
                    watch.watch_speakers = speakers;
                    watch.watch_words = words;
                    self.doc.history.mark_unsaved();
                    self.message = Some("Watch list saved with the project".into());
                }
            }
            FeedsAction::MarkLooked => {
                self.doc.edit().0.feeds.last_looked = Some(now_seconds());
                self.doc.history.mark_unsaved();
            }
            FeedsAction::OnlyNew(on) => self.feeds.only_new = on,
        }
    }

    /// Start a poll (of the due feeds, or of all with `force`) unless one runs, the
    /// project is shared or follows no feed.
    pub(super) fn start_feed_poll(&mut self, force: bool) {
        let project = &self.doc.project;
        if self.feeds.polling || self.shared.is_some() || project.feeds.feeds.is_empty() {
            return;
        }
        let now = now_seconds();
        if !force && !project.feeds.feeds.iter().any(|f| feeds::is_due(f, now)) {
            return;
        }
        self.feeds.polling = true;
        self.jobs.poll_feeds(FeedPoll {
            document: self.doc.path.clone(),
            feeds: project.feeds.feeds.clone(),
            watch: project.feeds.clone(),
            known: project.known_speakers(),
            force,
        });
    }

    /// Every [`TICK`]: poll the feeds that are due.
    pub(super) fn feeds_tick(&mut self) {
        if self.last_feed_tick.elapsed() < TICK {
            return;
        }
        self.last_feed_tick = Instant::now();
        self.start_feed_poll(false);
    }

    pub(super) fn feeds_done(&mut self, document: Option<PathBuf>) {
        if document == self.doc.path {
            self.feeds.polling = false;
        }
    }

    pub(super) fn feed_event(&mut self, document: Option<PathBuf>, event: Event) {
        if document != self.doc.path || self.shared.is_some() {
            return;
        }
        match event {
            Event::Checked { feed, at, outcome } => {
                if let Err(line) = &outcome {
                    self.message = Some(line.clone());
                }
                record_checked(self.doc.edit().0, &feed, at, &outcome);
            }
            Event::Article {
                feed,
                item,
                analysed,
            } => {
                let watch = &self.doc.project.feeds;
                let keys = (item.guid.as_deref(), item.link.as_deref());
                if is_taken(watch, keys.0, keys.1, item.text_sha256.as_deref())
                    || self.doc.project.duplicate_of(&analysed.article).is_some()
                    || self.doc.project.feeds.feed(&feed).is_none()
                {
                    return;
                }
                let mut article = analysed.article;
                if article.meta.outlet.is_none() {
                    article.meta.outlet = self
                        .doc
                        .project
                        .feeds
                        .feed(&feed)
                        .and_then(|f| f.title.clone());
                }
                let title = article.title.clone();
                let before = self.doc.project.articles.len();
                self.apply_edit(Edit::AddArticle {
                    article: Box::new(article),
                    extraction: analysed.extraction,
                });
                if self.doc.project.articles.len() == before {
                    return;
                }
                let Some(id) = self.doc.project.articles.last().map(|a| a.id) else {
                    return;
                };
                let flags = feeds::taken(self.doc.edit().0, item, id);
                self.message = Some(match flags.len() {
                    0 => format!("From a feed: “{title}”"),
                    n => format!("From a feed: “{title}”, {n} flagged claims"),
                });
            }
            Event::ItemFailed { item, .. } => {
                if let Some(e) = &item.error {
                    self.message = Some(e.clone());
                }
                record_failed_item(self.doc.edit().0, item);
                self.doc.history.mark_unsaved();
            }
            Event::Note(line) => self.message = Some(line),
        }
    }
}
