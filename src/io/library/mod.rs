//! The claim library: earlier fact-checks kept in a folder, with a full-text index, so that
//! every new claim can be matched against what was checked before. See docs/library.md.
//!
//! - `read.rs` fact-checks in (ClaimReview JSON-LD in its published shapes, projects);
//! - `normalise.rs` text to search terms (posts from social media included);
//! - `index.rs` the BM25F index and its second look at the best results;
//! - `expand.rs` what the library teaches the query: related terms, unknown words split;
//! - `store.rs` the folder: manifest, generations written atomically, the lock;
//! - `pair.rs` is it the same claim: features of a (claim, review) pair and their
//!   calibrated probability (`calibration.rs` holds the fitted coefficients);
//! - `check.rs` a claim checked: candidates scored as pairs, duplicate reviews once.
//!
//! The window and `claimdesk library` use the same calls: [`add_files`],
//! [`Library::open`] + [`Library::search_scored`] or [`Library::check_claim`].

mod calibration;
pub mod check;
mod expand;
mod index;
mod lemma;
pub mod normalise;
pub mod pair;
mod quote;
mod read;
mod runs;
mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use check::{Checked, check_line};
pub use pair::Level;
pub use read::{FileReviews, read_file};
pub use store::{LOCK_WAIT, VERSION};

use index::Index;

/// How many generations a reader tries when adds replace each one as it reads it.
const READ_ATTEMPTS: usize = 8;

/// One earlier fact-check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The claim checked (ClaimReview `claimReviewed`).
    pub claim_reviewed: String,
    /// The review's title (`name` or `headline`), often the claim as a question.
    #[serde(default)]
    pub title: String,
    /// The review's address: what makes two reviews the same.
    pub url: String,
    /// The verdict's words (`reviewRating.alternateName`, else "value/best").
    #[serde(default)]
    pub rating: String,
    /// Who checked it (`author.name`).
    #[serde(default)]
    pub author: String,
    /// When (`datePublished`), as written.
    #[serde(default)]
    pub date: String,
}

/// The most of each review field kept, in characters: a longer claim or title is cut at a
/// word boundary within it, so that one oversized review cannot make an add or the index
/// large. A review whose address is longer than [`MAX_URL_BYTES`] is passed over.
pub const MAX_CLAIM_CHARS: usize = 4_000;
pub const MAX_TITLE_CHARS: usize = 1_000;
/// Rating, author and date.
pub const MAX_SHORT_CHARS: usize = 200;
pub const MAX_URL_BYTES: usize = 2_048;

impl Review {
    /// The review with its fields cut to the limits above; `None` when its address is too
    /// long to be one.
    pub fn capped(mut self) -> Option<Review> {
        if self.url.len() > MAX_URL_BYTES {
            return None;
        }
        cut(&mut self.claim_reviewed, MAX_CLAIM_CHARS);
        cut(&mut self.title, MAX_TITLE_CHARS);
        for field in [&mut self.rating, &mut self.author, &mut self.date] {
            cut(field, MAX_SHORT_CHARS);
        }
        Some(self)
    }
}

/// Cut `text` to at most `max` characters, at the last whitespace within them when there
/// is one in their second half.
fn cut(text: &mut String, max: usize) {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return;
    };
    let head = &text[..end];
    let at = head
        .rfind(char::is_whitespace)
        .filter(|&at| at >= end / 2)
        .unwrap_or(end);
    text.truncate(at);
    text.truncate(text.trim_end().len());
}

/// A review that matches a query, and how well (higher is better; comparable within one
/// query only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match<'a> {
    pub review: &'a Review,
    pub score: f32,
}

/// Something wrong with a library or one of its files: one line, naming the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryError {
    pub path: PathBuf,
    pub message: String,
}

impl LibraryError {
    pub fn at(path: &Path, message: impl Into<String>) -> LibraryError {
        LibraryError {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LibraryError {}

/// A library read from its folder, ready to search.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    generation: u64,
    reviews: Vec<Review>,
    index: Index,
}

impl Library {
    /// Open the library in `dir`. A folder without a library, a damaged one, or one made
    /// by a newer claimdesk is an error (nothing is changed on disk). Never waits for an
    /// add: it reads the last generation committed (and the one after, should an add
    /// commit and remove the files of the first while they are being opened).
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let none = || {
            LibraryError::at(
                dir,
                "no claim library here (add files with `claimdesk library add`)",
            )
        };
        let manifest = store::read_manifest(dir)?.ok_or_else(none)?;
        Library::open_from(dir, manifest)
    }

    /// The library as `manifest` (read a moment ago) describes it, or as a newer manifest
    /// does when an add has replaced that generation meanwhile.
    fn open_from(dir: &Path, mut manifest: store::Manifest) -> Result<Library, LibraryError> {
        for _ in 0..READ_ATTEMPTS {
            let failed = match Library::from_manifest(dir, &manifest) {
                Ok(library) => return Ok(library),
                Err(e) => e,
            };
            match store::read_manifest(dir)? {
                Some(now) if now.generation != manifest.generation => manifest = now,
                _ => return Err(failed),
            }
        }
        Err(LibraryError::at(
            dir,
            "adds kept replacing the library while it was being read; try again",
        ))
    }

    fn from_manifest(dir: &Path, manifest: &store::Manifest) -> Result<Library, LibraryError> {
        // Both files opened first: once open, an add that removes them cannot take them
        // away (on Unix), and the moment in which it can is short.
        let reviews_file = store::open_data(dir, &manifest.reviews)?;
        let index_file = store::open_data(dir, &manifest.index)?;
        let reviews_path = reviews_file.path().to_path_buf();
        let bytes = reviews_file.read()?;
        let reviews = store::decode_reviews(&reviews_path, &bytes)?;
        drop(bytes);
        let index_path = index_file.path().to_path_buf();
        let bytes = index_file.read()?;
        let index =
            Index::decode(&bytes).map_err(|e| LibraryError::at(&index_path, e.to_string()))?;
        if index.len() != reviews.len() {
            return Err(LibraryError::at(
                &index_path,
                "damaged: the index does not cover the reviews",
            ));
        }
        Ok(Library {
            dir: dir.to_path_buf(),
            generation: manifest.generation,
            reviews,
            index,
        })
    }

    /// An empty library (nothing on disk) at `dir`.
    fn empty(dir: &Path) -> Library {
        Library {
            dir: dir.to_path_buf(),
            generation: 0,
            reviews: Vec::new(),
            index: Index::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every review, in the order they were added.
    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    pub fn len(&self) -> usize {
        self.reviews.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty()
    }

    /// The best `limit` reviews for `query` (a claim, a post, any text), best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Match<'_>> {
        let text_of = |doc: u32| {
            let r = &self.reviews[doc as usize];
            (r.claim_reviewed.as_str(), r.title.as_str())
        };
        self.index
            .search(query, limit, text_of)
            .into_iter()
            .map(|h| Match {
                review: &self.reviews[h.doc as usize],
                score: h.score,
            })
            .collect()
    }
}

/// What [`add_files`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AddReport {
    /// Reviews new to the library.
    pub added: usize,
    /// Reviews already in it (same address) whose text or verdict changed: replaced.
    pub updated: usize,
    /// Reviews already in it, unchanged.
    pub unchanged: usize,
    /// ClaimReview objects passed over for having no address, an address longer than
    /// [`MAX_URL_BYTES`], or no claim.
    pub skipped: usize,
    /// Files that could not be read, one line each naming the file; the others were added.
    pub failed: Vec<String>,
    /// Reviews in the library after the add.
    pub total: usize,
}

/// Add the fact-checks of `files` to the library in `dir` (created if missing), under its
/// lock: every readable file is added even when others fail. Nothing is written when
/// nothing changed. An error means the library could not be opened, locked or written;
/// it is then as it was.
pub fn add_files(dir: &Path, files: &[PathBuf]) -> Result<AddReport, LibraryError> {
    add_files_within(dir, files, LOCK_WAIT)
}

/// [`add_files`], waiting at most `wait` for another add to finish.
pub fn add_files_within(
    dir: &Path,
    files: &[PathBuf],
    wait: Duration,
) -> Result<AddReport, LibraryError> {
    // The files are read before the lock is taken: another add waits only for the
    // library's own update.
    let read: Vec<Result<FileReviews, String>> = files.iter().map(|p| read_file(p)).collect();
    if !dir.exists() {
        std::fs::create_dir_all(dir)
            .map_err(|e| LibraryError::at(dir, format!("cannot create the library folder: {e}")))?;
    }
    let _lock = store::LibraryLock::acquire(dir, wait)?;
    let mut library = match store::read_manifest(dir)? {
        Some(m) => Library::from_manifest(dir, &m)?,
        None => Library::empty(dir),
    };
    let mut report = AddReport::default();
    let mut by_url: HashMap<String, usize> = library
        .reviews
        .iter()
        .enumerate()
        .map(|(i, r)| (r.url.clone(), i))
        .collect();
    let mut changed_text = false;
    for got in read {
        let got = match got {
            Ok(got) => got,
            Err(e) => {
                report.failed.push(e);
                continue;
            }
        };
        report.skipped += got.skipped;
        for review in got.reviews {
            let Some(review) = review.capped() else {
                report.skipped += 1;
                continue;
            };
            match by_url.get(&review.url) {
                Some(&i) if library.reviews[i] == review => report.unchanged += 1,
                Some(&i) => {
                    library.reviews[i] = review;
                    report.updated += 1;
                    changed_text = true;
                }
                None => {
                    by_url.insert(review.url.clone(), library.reviews.len());
                    library.reviews.push(review);
                    report.added += 1;
                }
            }
        }
    }
    report.total = library.reviews.len();
    if report.added == 0 && !changed_text {
        return Ok(report);
    }
    // New reviews extend the index; a replaced review means building it again.
    let index = if changed_text {
        Index::build(
            library
                .reviews
                .iter()
                .map(|r| (r.claim_reviewed.as_str(), r.title.as_str())),
        )
    } else {
        let mut index = std::mem::take(&mut library.index);
        for r in &library.reviews[index.len()..] {
            index.push(&r.claim_reviewed, &r.title);
        }
        index.relate();
        index
    };
    let encoded = index.encode();
    drop(index);
    store::write_generation(dir, library.generation + 1, &library.reviews, &encoded)?;
    Ok(report)
}

/// One line of `claimdesk library search` output (the contract of docs/library.md):
/// `{"query": …, "matches": [{"claim_reviewed", "url", "rating", "author", "date",
/// "score", "probability", "level"}, …]}`, best first, numbers rounded to three decimals.
pub fn search_line(query: &str, matches: &[Checked<'_>]) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        query: &'a str,
        matches: Vec<check::Found<'a>>,
    }
    let line = Line {
        query,
        matches: matches.iter().map(check::Found::of).collect(),
    };
    // Strings and finite numbers only: serialising cannot fail.
    serde_json::to_string(&line).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviews_file(dir: &Path, name: &str, url: &str) -> PathBuf {
        let path = dir.join(name);
        let review = serde_json::json!({
            "@type": "ClaimReview", "url": url, "claimReviewed": format!("claim of {name}")
        });
        std::fs::write(&path, review.to_string()).unwrap();
        path
    }

    /// Issue 31, M7: a reader that read the manifest just before an add committed (and
    /// removed the files that manifest names) reads the new generation instead of failing.
    #[test]
    fn a_reader_overtaken_by_an_add_reads_the_new_generation() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        let first = reviews_file(dir.path(), "one.json", "https://x.example/1");
        add_files(&lib, &[first]).unwrap();
        let stale = store::read_manifest(&lib).unwrap().unwrap();
        let second = reviews_file(dir.path(), "two.json", "https://x.example/2");
        add_files(&lib, &[second]).unwrap();
        assert!(
            Library::from_manifest(&lib, &stale).is_err(),
            "its files are gone"
        );
        let library = Library::open_from(&lib, stale).unwrap();
        assert_eq!(library.len(), 2);
        assert_eq!(library.generation, 2);
    }

    #[test]
    fn review_fields_are_capped() {
        let long = |n: usize| "word ".repeat(n);
        let r = Review {
            claim_reviewed: long(10_000),
            title: long(10_000),
            url: "https://x.example/1".into(),
            rating: "é".repeat(1_000),
            author: String::new(),
            date: String::new(),
        };
        let r = r.capped().unwrap();
        assert!(r.claim_reviewed.chars().count() <= MAX_CLAIM_CHARS);
        assert!(r.claim_reviewed.chars().count() > MAX_CLAIM_CHARS - 10);
        assert!(r.claim_reviewed.ends_with("word"), "cut at a word boundary");
        assert!(r.title.chars().count() <= MAX_TITLE_CHARS);
        assert_eq!(r.rating.chars().count(), MAX_SHORT_CHARS);
        let mut long_url = r.clone();
        long_url.url = format!("https://x.example/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(long_url.capped(), None);
    }
}
