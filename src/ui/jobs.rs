//! Background work for the window: native file dialogs, reading and analysing articles,
//! loading, saving and exporting projects, recovery files. Each job runs on its own thread
//! and reports through one channel; the app shell turns each report into an
//! an `Action::Job` (see `command.rs`), so drawing never waits for the disk.
//!
//! Saving follows rerun's `saving.rs`: the shell hands a snapshot of the project to the
//! job, which writes it atomically (`io::project_file`) while the analyst goes on working.
//! One save runs at a time; the shell queues a second one until the first has reported.

mod feeds;
mod library;
pub mod shared;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

mod import;

pub use feeds::FeedPoll;
pub use import::{Pasted, Progress};

use crate::extract::{Extraction, FoundSpeaker};
use crate::io::export::{self, Format, Options};
use crate::io::formats::ARTICLE_EXTENSIONS;
use crate::io::project_file::{self, FileStamp, LoadedProject, Recovery};
use crate::model::edit::SavedToken;
use crate::model::{Article, ArticleId, Project};

/// What a finished dialog was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open articles and/or a project.
    Open,
    /// Choose where to save the project.
    SaveAs,
    /// Choose the export's file.
    Export,
    /// Choose the claim library's folder.
    LibraryFolder,
    /// Choose fact-check files to add to the library.
    LibraryFiles,
}

/// A dialog that answers faster than this was most likely never shown (rfd returns
/// nothing at once when no dialog can be opened), not cancelled by the analyst.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(150);

/// A message from a background job.
pub enum JobMsg {
    /// A file dialog closed; empty on Cancel (or when no dialog could be shown).
    Picked {
        purpose: DialogPurpose,
        paths: Vec<PathBuf>,
        /// It answered too fast to have been shown.
        no_dialog: bool,
    },
    /// An article was read and analysed; `warnings` say what a cap cut of it.
    Article {
        article: Box<Article>,
        extraction: Extraction,
        warnings: Vec<String>,
    },
    /// A file could not be opened; the message names it.
    Failed(String),
    Project {
        path: PathBuf,
        result: Result<Box<LoadedProject>, String>,
    },
    /// An article was analysed again.
    Reextracted {
        article: ArticleId,
        extraction: Extraction,
    },
    /// The import job `id` finished (or was cancelled).
    ImportDone { id: u64, cancelled: bool },
    /// What the clipboard held (for File → Paste article and Ctrl+V), or why nothing.
    Clipboard(Result<Pasted, String>),
    /// The project was written (or not) to `path`, as it was when `token` was taken.
    Saved {
        path: PathBuf,
        token: SavedToken,
        result: Result<Option<FileStamp>, String>,
    },
    /// The file changed on disk since it was opened or saved: nothing was written.
    SaveConflict { path: PathBuf },
    /// The recovery copy was written (or not) for the write `ticket` names.
    RecoverySaved {
        ticket: crate::ui::document_flow::RecoveryTicket,
        result: Result<(), String>,
    },
    /// Recovery files found at start.
    Recoveries(Vec<Recovery>),
    /// A recovery file was read back.
    Restored {
        found: Recovery,
        result: Result<(Box<Project>, Option<FileStamp>), String>,
    },
    /// An export was written to this file, or why not.
    Exported(Result<PathBuf, String>),
    /// The claim library in `dir` was read (`None`: the folder has none yet).
    LibraryOpened {
        dir: PathBuf,
        result: Result<Option<Arc<crate::io::library::Library>>, String>,
    },
    /// Files were added to the library in `dir`, which was then read again.
    LibraryAdded {
        dir: PathBuf,
        #[allow(clippy::type_complexity)]
        result: Result<
            (
                crate::io::library::AddReport,
                Option<Arc<crate::io::library::Library>>,
            ),
            String,
        >,
    },
    /// Matches of some claims in the library of `generation`; `done` on the last report.
    Matched {
        generation: u64,
        found: Vec<crate::ui::checks::Matched>,
        done: bool,
    },
    /// The groups of near-identical claims of the project at `revision`.
    Grouped {
        epoch: u64,
        revision: u64,
        groups: Vec<Vec<crate::model::ClaimId>>,
    },
    /// The reviews listed for `query` in File → Claim library….
    LibraryBrowsed {
        generation: u64,
        query: String,
        rows: Vec<crate::ui::checks::FoundMatch>,
    },
    /// A report of the feeds' poll (`jobs/feeds.rs`) started for `document`.
    Feeds {
        document: Option<PathBuf>,
        event: Box<crate::io::feeds::Event>,
    },
    /// The feeds' poll started for `document` has ended.
    FeedsDone { document: Option<PathBuf> },
    /// From the link to the shared project open in the window (`jobs/shared.rs`).
    Shared {
        /// Which link (a window opening another shared project drops the old one's).
        link: u64,
        event: shared::SharedEvent,
    },
}

impl std::fmt::Debug for JobMsg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            JobMsg::Picked { .. } => "Picked",
            JobMsg::Article { .. } => "Article",
            JobMsg::Failed(_) => "Failed",
            JobMsg::Project { .. } => "Project",
            JobMsg::Reextracted { .. } => "Reextracted",
            JobMsg::ImportDone { .. } => "ImportDone",
            JobMsg::Clipboard(_) => "Clipboard",
            JobMsg::Saved { .. } => "Saved",
            JobMsg::SaveConflict { .. } => "SaveConflict",
            JobMsg::RecoverySaved { .. } => "RecoverySaved",
            JobMsg::Recoveries(_) => "Recoveries",
            JobMsg::Restored { .. } => "Restored",
            JobMsg::Exported(_) => "Exported",
            JobMsg::LibraryOpened { .. } => "LibraryOpened",
            JobMsg::LibraryAdded { .. } => "LibraryAdded",
            JobMsg::Matched { .. } => "Matched",
            JobMsg::LibraryBrowsed { .. } => "LibraryBrowsed",
            JobMsg::Grouped { .. } => "Grouped",
            JobMsg::Shared { .. } => "Shared",
            JobMsg::Feeds { .. } => "Feeds",
            JobMsg::FeedsDone { .. } => "FeedsDone",
        };
        write!(f, "JobMsg::{name}")
    }
}

/// A save for [`Jobs::save_project`].
pub struct SaveJob {
    pub path: PathBuf,
    pub snapshot: std::sync::Arc<Project>,
    pub token: SavedToken,
    /// The file as it was opened or last saved; `None` overwrites whatever is there.
    pub expect: Option<FileStamp>,
}

pub struct Jobs {
    tx: Sender<JobMsg>,
    rx: Receiver<JobMsg>,
    /// Threads started and not yet reported finished.
    running: Arc<AtomicUsize>,
    pub import: Option<Progress>,
    /// The id the next import gets (a cancelled import's late report is told apart).
    next_import: u64,
    /// The clipboard is being read.
    pub reading_clipboard: bool,
    pub dialog_open: bool,
    repaint: Option<egui::Context>,
    /// The same, for long-lived threads started before the context was known.
    repaint_later: Arc<std::sync::OnceLock<egui::Context>>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            running: Arc::new(AtomicUsize::new(0)),
            import: None,
            next_import: 1,
            reading_clipboard: false,
            dialog_open: false,
            repaint: None,
            repaint_later: Arc::default(),
        }
    }
}

/// Article extensions and the project file's, for the open dialog.
fn open_extensions() -> Vec<&'static str> {
    let mut all = ARTICLE_EXTENSIONS.to_vec();
    all.push(project_file::EXTENSION);
    all
}

/// Whether a path names a project file rather than an article (an http(s) URL is always
/// an article).
pub fn is_project_path(path: &Path) -> bool {
    crate::io::fetch::url_of(path).is_none()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(project_file::EXTENSION))
}

impl Jobs {
    /// Wake the window when a job reports (set once the context is known).
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
            let _ = self.repaint_later.set(ctx.clone());
        }
    }

    pub fn is_busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }

    fn spawn(&self, work: impl FnOnce(&Sender<JobMsg>) + Send + 'static) {
        let tx = self.tx.clone();
        let running = Arc::clone(&self.running);
        let ctx = self.repaint.clone();
        running.fetch_add(1, Ordering::SeqCst);
        std::thread::spawn(move || {
            work(&tx);
            running.fetch_sub(1, Ordering::SeqCst);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Start the link to a shared project (its own long-lived thread, not counted as a
    /// running job); its events arrive as `JobMsg::Shared`.
    pub fn open_shared(
        &self,
        link: u64,
        address: crate::io::shared::Address,
        journal_dir: PathBuf,
    ) -> Sender<shared::ToServer> {
        let tx = self.tx.clone();
        let ctx = Arc::clone(&self.repaint_later);
        shared::start_link(address, journal_dir, move |event| {
            let _ = tx.send(JobMsg::Shared { link, event });
            if let Some(ctx) = ctx.get() {
                ctx.request_repaint();
            }
        })
    }

    /// Messages that arrived since the last call.
    pub fn poll(&mut self) -> Vec<JobMsg> {
        self.rx.try_iter().collect()
    }

    /// Block until every job has finished, then return all their messages (tests, benches).
    pub fn wait(&mut self) -> Vec<JobMsg> {
        while self.is_busy() {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.poll()
    }

    /// The native open dialog, on a thread so that drawing goes on.
    pub fn open_dialog(&mut self, start_dir: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.spawn(move |tx| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .set_title("Open articles or a project")
                .add_filter("Articles and projects", &open_extensions())
                .add_filter("Articles", ARTICLE_EXTENSIONS)
                .add_filter("claimdesk projects", &[project_file::EXTENSION])
                .add_filter("All files", &["*"]);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let paths = dialog.pick_files().unwrap_or_default();
            let _ = tx.send(JobMsg::Picked {
                purpose: DialogPurpose::Open,
                no_dialog: paths.is_empty() && started.elapsed() < NO_DIALOG_WITHIN,
                paths,
            });
        });
    }

    /// The native save dialog, for the project or an export.
    pub fn save_dialog(
        &mut self,
        purpose: DialogPurpose,
        file_name: String,
        start_dir: Option<PathBuf>,
        filter: (&'static str, &'static str),
    ) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.spawn(move |tx| {
            let started = Instant::now();
            let title = match purpose {
                DialogPurpose::Export => "Export",
                _ => "Save project",
            };
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(filter.0, &[filter.1])
                .set_file_name(file_name);
            if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let paths: Vec<PathBuf> = dialog.save_file().into_iter().collect();
            let _ = tx.send(JobMsg::Picked {
                purpose,
                no_dialog: paths.is_empty() && started.elapsed() < NO_DIALOG_WITHIN,
                paths,
            });
        });
    }

    pub fn load_project(&mut self, path: PathBuf) {
        self.spawn(move |tx| {
            let result = project_file::open_project(&path)
                .map(Box::new)
                .map_err(|e| e.to_string());
            let _ = tx.send(JobMsg::Project { path, result });
        });
    }

    /// Extract the article's claims again, and its statements from `threshold`.
    pub fn reextract(
        &mut self,
        article: ArticleId,
        text: String,
        meta: crate::model::ArticleMeta,
        known: Vec<FoundSpeaker>,
        threshold: f32,
    ) {
        self.reextract_all(vec![(article, text, meta)], known, threshold);
    }

    /// [`Jobs::reextract`] of several articles, one after the other on one thread.
    pub fn reextract_all(
        &mut self,
        articles: Vec<(ArticleId, String, crate::model::ArticleMeta)>,
        known: Vec<FoundSpeaker>,
        threshold: f32,
    ) {
        self.spawn(move |tx| {
            for (article, text, meta) in articles {
                let mut extraction = crate::extract::extract_with_known(&text, &known);
                crate::io::import::add_statements(&text, &mut extraction, &meta, threshold);
                let msg = JobMsg::Reextracted {
                    article,
                    extraction,
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
    }

    /// Write `snapshot` to `path` atomically (keeping a backup). With `expect`, the file
    /// must still be as it was then (else nothing is written and `SaveConflict` reports
    /// it). Which recovery copy goes after is the document flow's decision.
    pub fn save_project(&mut self, save: SaveJob) {
        let SaveJob {
            path,
            snapshot,
            token,
            expect,
        } = save;
        self.spawn(move |tx| {
            if let Some(stamp) = &expect
                && project_file::changed_on_disk(&path, stamp)
            {
                let _ = tx.send(JobMsg::SaveConflict { path });
                return;
            }
            let result = project_file::save_project(&path, &snapshot)
                .map(|()| project_file::file_stamp(&path))
                .map_err(|e| e.to_string());
            let _ = tx.send(JobMsg::Saved {
                path,
                token,
                result,
            });
        });
    }

    /// Write the unsaved project to its recovery file.
    pub fn save_recovery(
        &mut self,
        path: Option<PathBuf>,
        snapshot: std::sync::Arc<Project>,
        ticket: crate::ui::document_flow::RecoveryTicket,
    ) {
        self.spawn(move |tx| {
            let result = project_file::save_recovery(path.as_deref(), &snapshot)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let _ = tx.send(JobMsg::RecoverySaved { ticket, result });
        });
    }

    /// Remove a project's recovery file (changes discarded or a new project started).
    pub fn discard_recovery(&self, path: Option<PathBuf>) {
        self.spawn(move |_| {
            let _ = project_file::discard_recovery(path.as_deref());
        });
    }

    /// Remove one recovery file the analyst chose not to restore.
    pub fn remove_file(&self, file: PathBuf) {
        self.spawn(move |_| {
            let _ = std::fs::remove_file(file);
        });
    }

    /// Look for recovery files left by a crash.
    pub fn find_recoveries(&self) {
        self.spawn(|tx| {
            let _ = tx.send(JobMsg::Recoveries(project_file::list_recoveries()));
        });
    }

    /// Read a recovery file back.
    pub fn restore(&self, found: Recovery) {
        self.spawn(move |tx| {
            let result = project_file::load_project(&found.file)
                .map(|p| {
                    let stamp = found
                        .project_path
                        .as_deref()
                        .and_then(project_file::file_stamp);
                    (Box::new(p), stamp)
                })
                .map_err(|e| e.to_string());
            let _ = tx.send(JobMsg::Restored { found, result });
        });
    }

    /// Render and write an export of `snapshot` atomically.
    pub fn export(
        &mut self,
        snapshot: std::sync::Arc<Project>,
        format: Format,
        options: Options,
        path: PathBuf,
    ) {
        self.spawn(move |tx| {
            let outcome = export::render(&snapshot, format, options)
                .and_then(|bytes| {
                    export::deliver(Some(&path), &bytes)
                        .map_err(|e| format!("{}: cannot write the export: {e}", path.display()))
                })
                .map(|()| path);
            let _ = tx.send(JobMsg::Exported(
                outcome.map_err(|e| format!("Could not export. {e}")),
            ));
        });
    }
}
