//! The import job: article files and URLs read (fetched) and analysed one by one, with
//! progress in bytes and a Cancel that takes effect at once; and the clipboard, read and
//! analysed off the UI thread for File → Paste article and Ctrl+V.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{JobMsg, Jobs};
use crate::extract::FoundSpeaker;
use crate::io::fetch::{self, Limits, Watch};
use crate::io::import::{AnalysedArticle, analyse_source_watched, read_input, read_pasted};

/// Progress of the running import, in bytes read (fetched) and analysed, shown in the
/// status bar.
pub struct Progress {
    /// Which import this is (a cancelled one's late report is ignored).
    pub id: u64,
    pub files: usize,
    pub files_done: Arc<AtomicUsize>,
    /// Bytes of all the files (known once the job has looked at them; for a URL, once the
    /// server has said) and of those done.
    pub bytes: Arc<AtomicU64>,
    pub bytes_done: Arc<AtomicU64>,
    /// The item being read is a URL being fetched.
    pub fetching: Arc<AtomicBool>,
    pub started: Instant,
    pub cancel: Arc<AtomicBool>,
    /// Articles added to the project by this import.
    pub added: usize,
}

impl Progress {
    /// Share of the bytes analysed; below 1 while any file is left.
    pub fn fraction(&self) -> f32 {
        let total = self.bytes.load(Ordering::Relaxed);
        let done = self.bytes_done.load(Ordering::Relaxed);
        let files_left = self.files_done.load(Ordering::Relaxed) < self.files;
        let f = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        if files_left { f.min(0.99) } else { f.min(1.0) }
    }

    /// "Analysing file 3 of 17 · 1.2 of 5.4 MB · 0:09, about 0:13 left", or "Fetching 1 of
    /// 2 · 120 kB · 0:01" while a URL is read.
    pub fn describe(&self) -> String {
        let files_done = self.files_done.load(Ordering::Relaxed);
        let total = self.bytes.load(Ordering::Relaxed);
        let done = self.bytes_done.load(Ordering::Relaxed);
        let elapsed = self.started.elapsed();
        let current = (files_done + 1).min(self.files);
        let mut s = if self.fetching.load(Ordering::Relaxed) {
            format!("Fetching {current} of {}", self.files)
        } else {
            format!("Analysing file {current} of {}", self.files)
        };
        if total > 0 {
            s.push_str(&format!(" · {} of {}", size(done), size(total)));
        } else if done > 0 {
            s.push_str(&format!(" · {}", size(done)));
        }
        s.push_str(&format!(" · {}", clock(elapsed)));
        if done > 0 && done < total {
            let left = elapsed.as_secs_f64() * (total - done) as f64 / done as f64;
            s.push_str(&format!(
                ", about {} left",
                clock(Duration::from_secs_f64(left))
            ));
        }
        s
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}

fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

/// What the clipboard held: HTML when it had some (copied from a browser), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    pub html: Option<String>,
    pub text: String,
}

impl Jobs {
    /// Read and analyse articles (files, or http(s) URLs fetched), one message per item;
    /// cancellable. Progress counts bytes. `known` are the project's speakers, so that new
    /// articles' mentions join them; their statements from `threshold`.
    pub fn import_articles(
        &mut self,
        paths: Vec<PathBuf>,
        known: Vec<FoundSpeaker>,
        threshold: f32,
    ) {
        let id = self.next_import;
        self.next_import += 1;
        let progress = Progress {
            id,
            files: paths.len(),
            files_done: Arc::new(AtomicUsize::new(0)),
            bytes: Arc::new(AtomicU64::new(0)),
            bytes_done: Arc::new(AtomicU64::new(0)),
            fetching: Arc::new(AtomicBool::new(false)),
            started: Instant::now(),
            cancel: Arc::new(AtomicBool::new(false)),
            added: 0,
        };
        let files_done = Arc::clone(&progress.files_done);
        let bytes = Arc::clone(&progress.bytes);
        let bytes_done = Arc::clone(&progress.bytes_done);
        let fetching = Arc::clone(&progress.fetching);
        let cancel = Arc::clone(&progress.cancel);
        self.import = Some(progress);
        self.spawn(move |tx| {
            let sizes: Vec<u64> = paths
                .iter()
                .map(|p| match fetch::url_of(p) {
                    Some(_) => 0,
                    None => std::fs::metadata(p).map_or(0, |m| m.len()),
                })
                .collect();
            // Sizes are what the files say (a sparse file may say anything): never wrap.
            let total = sizes.iter().fold(0u64, |sum, len| sum.saturating_add(*len));
            bytes.store(total, Ordering::SeqCst);
            let mut cancelled = false;
            for (path, len) in paths.into_iter().zip(sizes) {
                if cancel.load(Ordering::SeqCst) {
                    cancelled = true;
                    break;
                }
                let done_before = bytes_done.load(Ordering::SeqCst);
                let analysed = match fetch::url_of(&path) {
                    Some(url) => {
                        fetching.store(true, Ordering::SeqCst);
                        let total_before = bytes.load(Ordering::SeqCst);
                        let on_bytes = |got: u64, announced: Option<u64>| {
                            bytes_done.store(done_before.saturating_add(got), Ordering::SeqCst);
                            let total =
                                total_before.saturating_add(announced.unwrap_or(got).max(got));
                            bytes.store(total, Ordering::SeqCst);
                        };
                        let watch = Watch {
                            cancel: Some(&cancel),
                            progress: Some(&on_bytes),
                        };
                        let read = fetch::read_url_with(url, &Limits::default(), watch);
                        fetching.store(false, Ordering::SeqCst);
                        read.map(|source| {
                            analyse_source_watched(source, &known, threshold, &mut |_| {})
                        })
                    }
                    None => read_input(&path).map(|source| {
                        // The file's bytes counted as its text is analysed.
                        let mut analysed = |share: f64| {
                            let at = done_before.saturating_add((len as f64 * share) as u64);
                            bytes_done.store(at, Ordering::SeqCst);
                        };
                        analyse_source_watched(source, &known, threshold, &mut analysed)
                    }),
                };
                let msg = match analysed {
                    Ok(AnalysedArticle {
                        article,
                        extraction,
                        warnings,
                    }) => JobMsg::Article {
                        article: Box::new(article),
                        extraction,
                        warnings,
                    },
                    Err(e) => JobMsg::Failed(e.to_string()),
                };
                if cancel.load(Ordering::SeqCst) {
                    cancelled = true;
                    break;
                }
                let _ = tx.send(msg);
                if fetch::url_of(&path).is_none() {
                    bytes_done.store(done_before.saturating_add(len), Ordering::SeqCst);
                }
                files_done.fetch_add(1, Ordering::SeqCst);
            }
            let _ = tx.send(JobMsg::ImportDone { id, cancelled });
        });
    }

    /// Stop the running import: the item being read is dropped (a fetch stops at its next
    /// chunk, within the time limits at worst) and the import ends now for the window.
    /// Returns the articles it had added.
    pub fn cancel_import(&mut self) -> Option<usize> {
        let progress = self.import.take()?;
        progress.cancel.store(true, Ordering::SeqCst);
        Some(progress.added)
    }

    /// Read the clipboard on a thread (HTML first, then text). `text` is what egui already
    /// read with Ctrl+V, used when the clipboard has no HTML or cannot be read; without
    /// `system`, it is all there is (tests).
    pub fn read_clipboard(&mut self, text: Option<String>, system: bool) {
        if self.reading_clipboard {
            return;
        }
        self.reading_clipboard = true;
        self.spawn(move |tx| {
            let read = if system {
                read_system_clipboard()
            } else {
                Err("the clipboard cannot be read here".to_string())
            };
            let result = match (read, text) {
                (Ok(pasted), Some(text)) if pasted.html.is_none() => {
                    Ok(Pasted { html: None, text })
                }
                (Ok(pasted), _) => Ok(pasted),
                (Err(_), Some(text)) => Ok(Pasted { html: None, text }),
                (Err(e), None) => Err(e),
            };
            let _ = tx.send(JobMsg::Clipboard(result));
        });
    }

    /// Analyse a pasted article (titled `title`, else by its first line) on a thread; it
    /// arrives as an `Article` message, or `Failed`.
    pub fn analyse_pasted(
        &mut self,
        pasted: Pasted,
        title: String,
        known: Vec<FoundSpeaker>,
        threshold: f32,
    ) {
        self.spawn(move |tx| {
            let title = Some(title.trim()).filter(|t| !t.is_empty());
            let msg = match read_pasted(pasted.html.as_deref(), &pasted.text, title) {
                Ok(source) => {
                    let analysed = analyse_source_watched(source, &known, threshold, &mut |_| {});
                    JobMsg::Article {
                        article: Box::new(analysed.article),
                        extraction: analysed.extraction,
                        warnings: analysed.warnings,
                    }
                }
                Err(e) => JobMsg::Failed(e.to_string()),
            };
            let _ = tx.send(msg);
        });
    }
}

/// The system clipboard's HTML (arboard reads the `text/html` target on X11 and Wayland,
/// CF_HTML on Windows, public.html on macOS) and text.
fn read_system_clipboard() -> Result<Pasted, String> {
    let mut clipboard =
        arboard::Clipboard::new().map_err(|e| format!("the clipboard cannot be read: {e}"))?;
    let html = clipboard.get().html().ok().filter(|h| !h.trim().is_empty());
    let text = clipboard.get_text().unwrap_or_default();
    if html.is_none() && text.trim().is_empty() {
        return Err("the clipboard holds no text".into());
    }
    Ok(Pasted { html, text })
}
