//! The claim library: earlier fact-checks kept in a folder, with a full-text index, so that
//! every new claim can be matched against what was checked before. See docs/library.md.
//!
//! - `read.rs` fact-checks in (ClaimReview JSON-LD in its published shapes, projects);
//! - `normalise.rs` text to search terms (posts from social media included);
//! - `index.rs` the BM25F index and its second look at the best results;
//! - `expand.rs` what the library teaches the query: related terms, unknown words split;
//! - `store.rs` the folder: manifest, generations written atomically, the lock.
//!
//! The window and `claimdesk library` use the same two calls: [`add_files`] and
//! [`Library::open`] + [`Library::search`].

mod expand;
mod index;
pub mod normalise;
mod read;
mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use read::{FileReviews, read_file};
pub use store::{LOCK_WAIT, VERSION};

use index::Index;

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
    /// by a newer claimdesk is an error (nothing is changed on disk).
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let manifest = store::read_manifest(dir)?.ok_or_else(|| {
            LibraryError::at(
                dir,
                "no claim library here (add files with `claimdesk library add`)",
            )
        })?;
        Library::from_manifest(dir, &manifest)
    }

    fn from_manifest(dir: &Path, manifest: &store::Manifest) -> Result<Library, LibraryError> {
        let bytes = store::read_data(dir, &manifest.reviews)?;
        let reviews = store::decode_reviews(&dir.join(&manifest.reviews.file), &bytes)?;
        drop(bytes);
        let index_path = dir.join(&manifest.index.file);
        let bytes = store::read_data(dir, &manifest.index)?;
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
    /// ClaimReview objects passed over for having no address or no claim.
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
    for path in files {
        let got = match read_file(path) {
            Ok(got) => got,
            Err(e) => {
                report.failed.push(e);
                continue;
            }
        };
        report.skipped += got.skipped;
        for review in got.reviews {
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
/// "score"}, …]}`, best first, the score rounded to three decimals.
pub fn search_line(query: &str, matches: &[Match<'_>]) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        query: &'a str,
        matches: Vec<Found<'a>>,
    }
    #[derive(Serialize)]
    struct Found<'a> {
        claim_reviewed: &'a str,
        url: &'a str,
        rating: &'a str,
        author: &'a str,
        date: &'a str,
        score: f64,
    }
    let line = Line {
        query,
        matches: matches
            .iter()
            .map(|m| Found {
                claim_reviewed: &m.review.claim_reviewed,
                url: &m.review.url,
                rating: &m.review.rating,
                author: &m.review.author,
                date: &m.review.date,
                score: (f64::from(m.score) * 1000.0).round() / 1000.0,
            })
            .collect(),
    };
    // Strings and finite numbers only: serialising cannot fail.
    serde_json::to_string(&line).unwrap_or_default()
}
