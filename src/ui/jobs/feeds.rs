//! The Feeds window's network work: one poll of the project's feeds on its own thread
//! (one request at a time, `io::feeds::poll_feeds`), each outcome sent to the window as it
//! happens (`JobMsg::Feeds`), then `JobMsg::FeedsDone`. The window applies each report to
//! the project (`app/feeds_actions.rs`) only if the same document is still open.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use super::{JobMsg, Jobs};
use crate::extract::FoundSpeaker;
use crate::io::feeds::{Event, Options, Sink, is_taken, poll_feeds};
use crate::io::import::now_seconds;
use crate::model::{ArticleId, Feed, FeedWatch};

/// What a poll is for: the document it was started for (its path) and its feeds.
pub struct FeedPoll {
    pub document: Option<PathBuf>,
    pub feeds: Vec<Feed>,
    /// The project's feed records (what is taken already).
    pub watch: FeedWatch,
    pub known: Vec<FoundSpeaker>,
    /// Ask every feed, due or not.
    pub force: bool,
}

/// Sends each report on; remembers the articles it sent, so that one poll never sends the
/// same item twice (the window checks again when it applies them).
struct ChannelSink<'a> {
    tx: &'a Sender<JobMsg>,
    document: Option<PathBuf>,
    watch: FeedWatch,
}

impl Sink for ChannelSink<'_> {
    fn seen(&mut self, guid: Option<&str>, link: Option<&str>, sha: Option<&str>) -> bool {
        is_taken(&self.watch, guid, link, sha)
    }

    fn event(&mut self, event: Event) {
        if let Event::Article { item, .. } = &event {
            let mut sent = item.clone();
            sent.article = Some(ArticleId(0));
            self.watch.items.push(sent);
        }
        let _ = self.tx.send(JobMsg::Feeds {
            document: self.document.clone(),
            event: Box::new(event),
        });
    }
}

impl Jobs {
    /// Poll the feeds of `poll` off the UI thread.
    pub fn poll_feeds(&self, poll: FeedPoll) {
        self.spawn(move |tx| {
            let mut sink = ChannelSink {
                tx,
                document: poll.document.clone(),
                watch: poll.watch,
            };
            poll_feeds(
                &poll.feeds,
                &poll.known,
                &now_seconds,
                poll.force,
                &Options::default(),
                &mut sink,
            );
            let _ = tx.send(JobMsg::FeedsDone {
                document: poll.document,
            });
        });
    }
}
