//! When a feed is asked for again: after its interval, longer after errors (doubling with
//! each failure in a row, at most a day); and how far apart two requests to one host are.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::model::Feed;

/// The longest wait between two polls of a failing feed.
pub const MAX_BACKOFF_SECONDS: i64 = 24 * 60 * 60;

/// Seconds to wait after the last poll of `feed`: its interval, doubled for each failure in
/// a row (at most [`MAX_BACKOFF_SECONDS`], never less than the interval).
pub fn backoff_seconds(feed: &Feed) -> i64 {
    let interval = i64::from(feed.interval_minutes.max(1)) * 60;
    let factor = 1i64 << feed.failures.min(10);
    interval
        .saturating_mul(factor)
        .min(MAX_BACKOFF_SECONDS.max(interval))
}

/// When `feed` is next due (seconds since the Unix epoch); a feed never asked is due now.
pub fn next_due(feed: &Feed) -> Option<i64> {
    feed.last_checked
        .map(|at| at.saturating_add(backoff_seconds(feed)))
}

pub fn is_due(feed: &Feed, now: i64) -> bool {
    next_due(feed).is_none_or(|due| due <= now)
}

/// Keeps requests to one host at least `gap` apart (a poll makes them one at a time).
#[derive(Debug)]
pub struct HostGate {
    gap: Duration,
    last: HashMap<String, Instant>,
}

impl HostGate {
    pub fn new(gap: Duration) -> HostGate {
        HostGate {
            gap,
            last: HashMap::new(),
        }
    }

    /// Wait, if need be, until a request to `url`'s host may go; then count it as sent.
    /// `cancelled` is asked while waiting.
    pub fn wait(&mut self, url: &str, cancelled: &dyn Fn() -> bool) {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
            .unwrap_or_default();
        if let Some(last) = self.last.get(&host) {
            let until = *last + self.gap;
            while Instant::now() < until && !cancelled() {
                std::thread::sleep((until - Instant::now()).min(Duration::from_millis(50)));
            }
        }
        self.last.insert(host, Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_after_errors() {
        let mut feed = Feed::new("https://x.example/rss");
        assert!(is_due(&feed, 0));
        feed.last_checked = Some(1000);
        assert_eq!(backoff_seconds(&feed), 15 * 60);
        assert!(!is_due(&feed, 1000 + 15 * 60 - 1));
        assert!(is_due(&feed, 1000 + 15 * 60));
        feed.failures = 2;
        assert_eq!(backoff_seconds(&feed), 60 * 60);
        feed.failures = 40;
        assert_eq!(backoff_seconds(&feed), MAX_BACKOFF_SECONDS);
    }

    #[test]
    fn one_host_is_asked_at_most_once_per_gap() {
        let mut gate = HostGate::new(Duration::from_millis(200));
        let start = Instant::now();
        gate.wait("http://a.example/1", &|| false);
        gate.wait("http://b.example/1", &|| false);
        assert!(start.elapsed() < Duration::from_millis(150));
        gate.wait("http://A.example/2", &|| false);
        assert!(start.elapsed() >= Duration::from_millis(200));
    }
}
