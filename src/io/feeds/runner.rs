//! `claimdesk watch` on a project file: the feeds given are added to the project (and so
//! remembered), then each due feed is polled; every article is saved the moment it is
//! taken (lock, reload, add, save atomically, unlock), so that a kill loses nothing that
//! was reported, and a window or an `import` may write the project between two articles.
//! Without `once` it polls again whenever a feed is next due, until `stop` is set or the
//! process is ended.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::alerts::alert_line;
use super::apply::{add_article, is_taken, record_checked, record_failed_item};
use super::poll::{Event, Options, Sink, poll_feeds};
use super::schedule::next_due;
use crate::io::fetch;
use crate::io::import::now_seconds;
use crate::io::library::{Level, Library};
use crate::io::project_file::{ProjectLock, load_project, save_project_locked};
use crate::model::{ArticleId, FeedWatch, Flag, Project};

/// What `claimdesk watch` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct WatchSetup {
    pub project: PathBuf,
    /// Feeds to follow from now on (added to the project).
    pub add_feeds: Vec<String>,
    pub watch_speakers: Vec<String>,
    pub watch_words: Vec<String>,
    /// Poll the due feeds once and return.
    pub once: bool,
    /// Ask every feed now, whatever its interval.
    pub force: bool,
    /// A claim library: new claims with a strong "checked before" match in it are flagged.
    pub library: Option<PathBuf>,
    pub options: Options,
}

/// One line for the person running `watch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// An article was added and saved.
    Added(String),
    /// A claim the watch list flagged.
    Alert(String),
    /// A feed or an item that failed, naming it.
    Failed(String),
    /// What a cap cut, or a feed that had nothing new.
    Note(String),
}

/// What a run did, for the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub feeds_asked: usize,
    pub feeds_failed: usize,
    pub added: usize,
    pub items_failed: usize,
}

/// Run `watch` on the project file `setup.project`. An error is one line: the project
/// cannot be read, locked or saved, a feed given is no http(s) URL, no feeds to follow.
pub fn watch_file(setup: &WatchSetup, report: &mut dyn FnMut(Report)) -> Result<Summary, String> {
    let path = setup.project.as_path();
    for url in &setup.add_feeds {
        if !fetch::is_url(url.trim()) {
            return Err(format!(
                "feed {url}: only http and https feeds are followed"
            ));
        }
    }
    let library = match &setup.library {
        Some(dir) => {
            Some(Library::open(dir).map_err(|e| format!("library {}: {e}", dir.display()))?)
        }
        None => None,
    };
    let start = locked_change(path, |p| {
        let mut changed = false;
        for url in &setup.add_feeds {
            changed |= p.feeds.add_feed(url.trim());
        }
        changed |= add_names(&mut p.feeds.watch_speakers, &setup.watch_speakers);
        changed |= add_names(&mut p.feeds.watch_words, &setup.watch_words);
        changed
    })?;
    if start.feeds.feeds.is_empty() {
        return Err(format!(
            "{}: follows no feeds; give them with --feed URL or --feeds FILE",
            path.display()
        ));
    }
    let stop = setup.options.cancel.clone().unwrap_or_default();
    let mut summary = Summary::default();
    let mut project = start;
    loop {
        let mut sink = FileSink {
            path,
            watch: project.feeds.clone(),
            report: &mut *report,
            summary: &mut summary,
            library: library.as_ref(),
        };
        let known = project.known_speakers();
        let asked = poll_feeds(
            &project.feeds.feeds,
            &known,
            &now_seconds,
            setup.force,
            &setup.options,
            &mut sink,
        );
        summary.feeds_asked += asked;
        if asked == 0 && setup.once {
            let next = project.feeds.feeds.iter().filter_map(next_due).min();
            let when = next.map_or("now".into(), crate::model::time::date_time);
            report(Report::Note(format!(
                "no feed is due; the next is due at {when} (--now asks them all)"
            )));
        }
        if setup.once || stop.load(Ordering::SeqCst) {
            return Ok(summary);
        }
        project = load_or_new(path)?;
        wait_until_due(&project.feeds, &stop);
        project = load_or_new(path)?;
    }
}

/// Sleep until the first feed is due (at most a minute at a time, so that feeds added
/// meanwhile are seen), or `stop` is set.
fn wait_until_due(watch: &FeedWatch, stop: &Arc<AtomicBool>) {
    let due = watch.feeds.iter().filter_map(next_due).min().unwrap_or(0);
    let wait = (due - now_seconds()).clamp(1, 60);
    for _ in 0..wait * 10 {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Add the names not there yet (trimmed, any case); whether any was.
fn add_names(list: &mut Vec<String>, names: &[String]) -> bool {
    let before = list.len();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !list.iter().any(|l| l.eq_ignore_ascii_case(name)) {
            list.push(name.to_string());
        }
    }
    list.len() != before
}

fn load_or_new(path: &Path) -> Result<Project, String> {
    if std::fs::symlink_metadata(path).is_ok() {
        load_project(path).map_err(|e| e.to_string())
    } else {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Project::new(name))
    }
}

/// Lock the project, load it (or start it), apply `change`, save if it says it changed
/// something; the project as it now is.
fn locked_change(
    path: &Path,
    change: impl FnOnce(&mut Project) -> bool,
) -> Result<Project, String> {
    let lock = ProjectLock::acquire(path).map_err(|e| e.to_string())?;
    let mut project = load_or_new(lock.project_path())?;
    if change(&mut project) {
        save_project_locked(&lock, &project).map_err(|e| e.to_string())?;
    }
    Ok(project)
}

/// The poll's reports, each saved into the project file at once.
struct FileSink<'a> {
    path: &'a Path,
    /// The project's feeds as last saved (for `seen`).
    watch: FeedWatch,
    report: &'a mut dyn FnMut(Report),
    summary: &'a mut Summary,
    /// New claims with a strong match in it are flagged too.
    library: Option<&'a Library>,
}

impl FileSink<'_> {
    /// Apply `change` under the lock and save; keep the feeds as saved. Whatever
    /// `change` says for people is reported only once saved.
    fn save(&mut self, change: impl FnOnce(&mut Project) -> Vec<Report>) -> bool {
        let mut lines = Vec::new();
        let saved = locked_change(self.path, |p| {
            lines = change(p);
            true
        });
        match saved {
            Ok(project) => {
                self.watch = project.feeds;
                lines.into_iter().for_each(&mut *self.report);
                true
            }
            Err(e) => {
                (self.report)(Report::Failed(e));
                false
            }
        }
    }
}

impl Sink for FileSink<'_> {
    fn seen(&mut self, guid: Option<&str>, link: Option<&str>, sha: Option<&str>) -> bool {
        is_taken(&self.watch, guid, link, sha)
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Checked { feed, at, outcome } => {
                if let Err(line) = &outcome {
                    self.summary.feeds_failed += 1;
                    (self.report)(Report::Failed(line.clone()));
                }
                self.save(|p| {
                    record_checked(p, &feed, at, &outcome);
                    Vec::new()
                });
            }
            Event::Article {
                feed,
                item,
                analysed,
            } => {
                let warnings = analysed.warnings.clone();
                let link = item.link.clone().unwrap_or_default();
                let mut added = false;
                let library = self.library;
                self.save(|p| match add_article(p, &feed, item, *analysed) {
                    Ok((id, mut flags)) => {
                        if let Some(library) = library {
                            let strong = strong_flags(p, library, id, &flags);
                            p.feeds.flagged.extend(strong.iter().cloned());
                            flags.extend(strong);
                        }
                        added = true;
                        let (title, claims) = p.article(id).map_or((String::new(), 0), |a| {
                            let n = p.claims.iter().filter(|c| c.article == a.id).count();
                            (a.title.clone(), n)
                        });
                        let mut lines = vec![Report::Added(format!(
                            "added “{title}” ({claims} claims) from {link}"
                        ))];
                        lines.extend(warnings.into_iter().map(Report::Note));
                        lines.extend(flags.iter().map(|f| Report::Alert(alert_line(p, f))));
                        lines
                    }
                    Err(why) => vec![Report::Note(why)],
                });
                if added {
                    self.summary.added += 1;
                }
            }
            Event::ItemFailed { item, .. } => {
                let line = item.error.clone().unwrap_or_default();
                if item.tries < super::MAX_ITEM_TRIES {
                    self.summary.items_failed += 1;
                    (self.report)(Report::Failed(line));
                } else {
                    (self.report)(Report::Note(line));
                }
                self.save(|p| {
                    record_failed_item(p, item);
                    Vec::new()
                });
            }
            Event::Note(line) => (self.report)(Report::Note(line)),
        }
    }
}

/// Flags for the claims of article `id` that the watch list did not flag already and whose
/// best "checked before" match in `library` is strong (what the window flags too).
fn strong_flags(
    project: &Project,
    library: &Library,
    id: ArticleId,
    flagged: &[Flag],
) -> Vec<Flag> {
    let at = now_seconds();
    project
        .claims
        .iter()
        .filter(|c| c.article == id && !flagged.iter().any(|f| f.claim == c.id))
        .filter_map(|c| {
            let speaker = c.speaker.and_then(|s| project.speaker(s));
            let best = library
                .check_claim(c, speaker.map(|s| s.name.as_str()), 1)
                .into_iter()
                .next()?;
            (best.level == Level::Strong).then(|| Flag {
                claim: c.id,
                reason: format!("checked before: {}", best.review.url),
                at,
            })
        })
        .collect()
}
