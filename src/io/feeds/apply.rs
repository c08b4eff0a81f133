//! What a poll's reports change in a project: a feed's state after it was asked, an item's
//! article added (with its flags), an item that failed recorded. The command line applies
//! them to the project it reloads under the lock; the window applies the same, the
//! article itself through its undo history.

use super::MAX_ITEM_TRIES;
use super::alerts::flags_for;
use super::poll::Checked;
use crate::io::import::AnalysedArticle;
use crate::model::{ArticleId, FeedItem, FeedWatch, Flag, Project};

/// Has an item with one of these keys (GUID, link, text hash) been taken (or given up
/// on)? An item that failed fewer than [`MAX_ITEM_TRIES`] times is tried again.
pub fn is_taken(
    watch: &FeedWatch,
    guid: Option<&str>,
    link: Option<&str>,
    text_sha256: Option<&str>,
) -> bool {
    let same = |a: &Option<String>, b: Option<&str>| b.is_some() && a.as_deref() == b;
    watch.items.iter().any(|i| {
        (same(&i.guid, guid) || same(&i.link, link) || same(&i.text_sha256, text_sha256))
            && (i.article.is_some() || i.tries >= MAX_ITEM_TRIES)
    })
}

/// The feed `url` was asked at `at`: its title, validators, time, error and failures.
/// Nothing happens if the project no longer follows it.
pub fn record_checked(
    project: &mut Project,
    url: &str,
    at: i64,
    outcome: &Result<Checked, String>,
) {
    let Some(feed) = project.feeds.feed_mut(url) else {
        return;
    };
    feed.last_checked = Some(at);
    match outcome {
        Ok(checked) => {
            if checked.title.is_some() {
                feed.title.clone_from(&checked.title);
            }
            feed.etag.clone_from(&checked.etag);
            feed.last_modified.clone_from(&checked.last_modified);
            feed.last_error = None;
            feed.failures = 0;
        }
        Err(line) => {
            feed.last_error = Some(line.clone());
            feed.failures = feed.failures.saturating_add(1);
        }
    }
}

/// An item that was not taken: added, or its earlier record's tries counted up.
pub fn record_failed_item(project: &mut Project, item: FeedItem) {
    let items = &mut project.feeds.items;
    let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    if let Some(earlier) = items
        .iter_mut()
        .find(|i| i.article.is_none() && (same(&i.guid, &item.guid) || same(&i.link, &item.link)))
    {
        earlier.tries = earlier.tries.saturating_add(item.tries.max(1));
        earlier.error = item.error;
        earlier.added_at = item.added_at;
        return;
    }
    items.push(item);
}

/// Add the article of `item` (of feed `feed`) to `project`, record the item and flag its
/// claims. Returns the article's id and the flags, or why nothing was added (already in
/// the project, no ids left): then the item is recorded as passed over.
pub fn add_article(
    project: &mut Project,
    feed: &str,
    mut item: FeedItem,
    analysed: AnalysedArticle,
) -> Result<(ArticleId, Vec<Flag>), String> {
    let mut article = analysed.article;
    if article.meta.outlet.is_none() {
        article.meta.outlet = project.feeds.feed(feed).and_then(|f| f.title.clone());
    }
    let refused = |project: &mut Project, item: &mut FeedItem, why: String| {
        item.error = Some(why.clone());
        item.tries = MAX_ITEM_TRIES;
        project.feeds.items.push(item.clone());
        why
    };
    if let Some(existing) = project.duplicate_of(&article) {
        let why = format!(
            "{}: already in the project as article {} (“{}”)",
            item.link.as_deref().unwrap_or(feed),
            existing.id.0,
            existing.title
        );
        return Err(refused(project, &mut item, why));
    }
    let id = match project.add_extracted_article(article, analysed.extraction) {
        Ok(id) => id,
        Err(e) => {
            let why = format!("{}: {e}", item.link.as_deref().unwrap_or(feed));
            return Err(refused(project, &mut item, why));
        }
    };
    Ok((id, taken(project, item, id)))
}

/// Record `item` as having become article `id` (already in `project`) and flag its
/// claims; earlier failed tries of the item are dropped. Returns the new flags.
pub fn taken(project: &mut Project, mut item: FeedItem, id: ArticleId) -> Vec<Flag> {
    let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    project.feeds.items.retain(|i| {
        i.article.is_some() || !(same(&i.guid, &item.guid) || same(&i.link, &item.link))
    });
    item.article = Some(id);
    item.error = None;
    let at = item.added_at;
    project.feeds.items.push(item);
    let claims: Vec<_> = project
        .claims
        .iter()
        .filter(|c| c.article == id)
        .map(|c| c.id)
        .collect();
    let flags = flags_for(project, &claims, at);
    project.feeds.flagged.extend(flags.iter().cloned());
    flags
}
