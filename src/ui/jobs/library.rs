//! The claim library's jobs: opening it, adding files to it, matching the project's claims
//! against it, the list of File → Claim library…. Each reads or writes the library folder
//! on its own thread (the window never waits for it) and reports through the jobs' channel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::{DialogPurpose, JobMsg, Jobs, NO_DIALOG_WITHIN};
use crate::io::library::{self, Library};
use crate::io::project_file;
use crate::ui::checks::{self, MATCH_CHUNK, ToMatch};

/// The library in `dir`: `None` when the folder has none yet (it is made by the first add).
fn open(dir: &Path) -> Result<Option<Arc<Library>>, String> {
    if dir.is_dir() && !dir.join("library.json").exists() {
        return Ok(None);
    }
    if !dir.exists() {
        return Ok(None);
    }
    Library::open(dir)
        .map(|l| Some(Arc::new(l)))
        .map_err(|e| e.to_string())
}

impl Jobs {
    /// Read the library in `dir`.
    pub fn open_library(&self, dir: PathBuf) {
        self.spawn(move |tx| {
            let result = open(&dir);
            let _ = tx.send(JobMsg::LibraryOpened { dir, result });
        });
    }

    /// Add fact-check files to the library in `dir` (made if missing), then read it again.
    pub fn add_to_library(&self, dir: PathBuf, files: Vec<PathBuf>) {
        self.spawn(move |tx| {
            let result = library::add_files(&dir, &files)
                .map_err(|e| e.to_string())
                .and_then(|report| open(&dir).map(|lib| (report, lib)));
            let _ = tx.send(JobMsg::LibraryAdded { dir, result });
        });
    }

    /// Search `library` for each claim, reporting every [`MATCH_CHUNK`] claims.
    pub fn match_claims(&self, library: Arc<Library>, generation: u64, claims: Vec<ToMatch>) {
        self.spawn(move |tx| {
            let mut chunks = claims.chunks(MATCH_CHUNK).peekable();
            while let Some(chunk) = chunks.next() {
                let found = checks::match_claims(&library, chunk);
                let done = chunks.peek().is_none();
                if tx
                    .send(JobMsg::Matched {
                        generation,
                        found,
                        done,
                    })
                    .is_err()
                {
                    return;
                }
            }
        });
    }

    /// Find the groups of near-identical claims of the project at `revision`.
    pub fn group_claims(&self, epoch: u64, revision: u64, claims: checks::GroupInput) {
        self.spawn(move |tx| {
            let groups = checks::find_groups(&claims);
            let _ = tx.send(JobMsg::Grouped {
                epoch,
                revision,
                groups,
            });
        });
    }

    /// The reviews File → Claim library… lists for `query`.
    pub fn browse_library(&self, library: Arc<Library>, generation: u64, query: String) {
        self.spawn(move |tx| {
            let rows = checks::browse(&library, &query);
            let _ = tx.send(JobMsg::LibraryBrowsed {
                generation,
                query,
                rows,
            });
        });
    }

    /// The native folder dialog for the library.
    pub fn library_folder_dialog(&mut self, start: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.spawn(move |tx| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().set_title("Claim library folder");
            if let Some(dir) = start.filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let paths: Vec<PathBuf> = dialog.pick_folder().into_iter().collect();
            let _ = tx.send(JobMsg::Picked {
                purpose: DialogPurpose::LibraryFolder,
                no_dialog: paths.is_empty() && started.elapsed() < NO_DIALOG_WITHIN,
                paths,
            });
        });
    }

    /// The native open dialog for fact-check files (ClaimReview JSON, projects).
    pub fn library_files_dialog(&mut self) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.spawn(move |tx| {
            let started = Instant::now();
            let paths = rfd::FileDialog::new()
                .set_title("Add fact-checks to the claim library")
                .add_filter(
                    "ClaimReview JSON and projects",
                    &["json", "jsonld", project_file::EXTENSION],
                )
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default();
            let _ = tx.send(JobMsg::Picked {
                purpose: DialogPurpose::LibraryFiles,
                no_dialog: paths.is_empty() && started.elapsed() < NO_DIALOG_WITHIN,
                paths,
            });
        });
    }
}
