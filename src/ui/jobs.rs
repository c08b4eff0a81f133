//! Background work for the window: native file dialogs, reading and analysing articles,
//! loading projects. Each job runs on its own thread and reports through one channel;
//! the app shell drains it in `App::logic`, so drawing never waits for the disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::extract::{Extraction, FoundSpeaker};
use crate::io::formats::ARTICLE_EXTENSIONS;
use crate::io::project_file::{self, LoadedProject};
use crate::model::{Article, ArticleId};

/// What a finished dialog was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open articles and/or a project.
    Open,
    /// Choose where to save the project.
    SaveAs,
}

/// A message from a background job.
pub enum JobMsg {
    /// A file dialog closed; empty on Cancel (or when no dialog could be shown).
    Picked {
        purpose: DialogPurpose,
        paths: Vec<PathBuf>,
    },
    /// An article was read and analysed.
    Article {
        article: Box<Article>,
        extraction: Extraction,
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
    /// The import job finished (or was cancelled).
    ImportDone { cancelled: bool },
}

/// Progress of the running import, shown in the status bar with a Cancel button.
pub struct Progress {
    pub total: usize,
    pub done: Arc<AtomicUsize>,
    pub cancel: Arc<AtomicBool>,
}

impl Progress {
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            return 1.0;
        }
        self.done.load(Ordering::Relaxed) as f32 / self.total as f32
    }
}

pub struct Jobs {
    tx: Sender<JobMsg>,
    rx: Receiver<JobMsg>,
    /// Threads started and not yet reported finished.
    running: Arc<AtomicUsize>,
    pub import: Option<Progress>,
    pub dialog_open: bool,
    repaint: Option<egui::Context>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            running: Arc::new(AtomicUsize::new(0)),
            import: None,
            dialog_open: false,
            repaint: None,
        }
    }
}

/// Article extensions and the project file's, for the open dialog.
fn open_extensions() -> Vec<&'static str> {
    let mut all = ARTICLE_EXTENSIONS.to_vec();
    all.push(project_file::EXTENSION);
    all
}

/// Whether a path names a project file rather than an article.
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(project_file::EXTENSION))
}

impl Jobs {
    /// Wake the window when a job reports (set once the context is known).
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
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

    /// Messages that arrived since the last call.
    pub fn poll(&mut self) -> Vec<JobMsg> {
        self.rx.try_iter().collect()
    }

    /// Block until every job has finished, then return all their messages (tests, benches).
    pub fn wait(&mut self) -> Vec<JobMsg> {
        while self.is_busy() {
            std::thread::sleep(std::time::Duration::from_millis(5));
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
                paths,
            });
        });
    }

    pub fn save_dialog(&mut self, suggested_name: String, start_dir: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.spawn(move |tx| {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save project")
                .add_filter("claimdesk projects", &[project_file::EXTENSION])
                .set_file_name(format!("{suggested_name}.{}", project_file::EXTENSION));
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let paths = dialog.save_file().into_iter().collect();
            let _ = tx.send(JobMsg::Picked {
                purpose: DialogPurpose::SaveAs,
                paths,
            });
        });
    }

    /// Read and analyse article files, one message per file; cancellable.
    /// `known` are the project's speakers, so that new articles' mentions join them.
    pub fn import_articles(&mut self, paths: Vec<PathBuf>, known: Vec<FoundSpeaker>) {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        self.import = Some(Progress {
            total: paths.len(),
            done: Arc::clone(&done),
            cancel: Arc::clone(&cancel),
        });
        self.spawn(move |tx| {
            let mut cancelled = false;
            for path in paths {
                if cancel.load(Ordering::SeqCst) {
                    cancelled = true;
                    break;
                }
                let msg = match crate::io::import::analyse_file(&path, &known) {
                    Ok(analysed) => JobMsg::Article {
                        article: Box::new(analysed.article),
                        extraction: analysed.extraction,
                    },
                    Err(e) => JobMsg::Failed(e.to_string()),
                };
                if cancel.load(Ordering::SeqCst) {
                    cancelled = true;
                    break;
                }
                let _ = tx.send(msg);
                done.fetch_add(1, Ordering::SeqCst);
            }
            let _ = tx.send(JobMsg::ImportDone { cancelled });
        });
    }

    pub fn cancel_import(&self) {
        if let Some(p) = &self.import {
            p.cancel.store(true, Ordering::SeqCst);
        }
    }

    pub fn load_project(&mut self, path: PathBuf) {
        self.spawn(move |tx| {
            let result = project_file::open_project(&path)
                .map(Box::new)
                .map_err(|e| e.to_string());
            let _ = tx.send(JobMsg::Project { path, result });
        });
    }

    pub fn reextract(&mut self, article: ArticleId, text: String, known: Vec<FoundSpeaker>) {
        self.spawn(move |tx| {
            let extraction = crate::extract::extract_with_known(&text, &known);
            let _ = tx.send(JobMsg::Reextracted {
                article,
                extraction,
            });
        });
    }
}
