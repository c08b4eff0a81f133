//! One writer at a time: an advisory lock on a project, held for a whole load–change–save.
//!
//! The lock is the file `NAME.claimdesk.lock` beside the project (beside the file a
//! symbolic link points to, so that every path to one project shares one lock), locked
//! exclusively through the operating system (`flock` on Unix, `LockFileEx` on Windows, by
//! the fs4 crate). The lock is released when the [`ProjectLock`] is dropped, or when the
//! process ends in any way (the system drops it with the process), so a killed claimdesk
//! never leaves a project locked. A lock file claimdesk made holds one line saying so; it
//! is removed on release (on Unix), so that folders do not collect `.lock` files, and a
//! writer that opened a lock file just removed by its holder notices and takes the new
//! one. A file of someone else's found at the lock's path (anything but that line, or an
//! empty file, which older versions made) is locked as it is and never removed or
//! changed.
//!
//! A second writer waits [`LOCK_WAIT`] for the first to finish, then gives up with
//! [`ProjectErrorKind::Locked`]; it never goes on without the lock.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::fs_std::FileExt;

use super::{ProjectErrorKind, ProjectFileError};

/// How long a writer waits for another to release a project before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// What a lock file claimdesk made holds.
const MARK: &[u8] = b"claimdesk project lock: held while a claimdesk saves this project\n";

/// Pause between two attempts to take a busy lock.
const RETRY_EVERY: Duration = Duration::from_millis(25);

/// An exclusive lock on one project file, held until dropped.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    lock_path: PathBuf,
    project: PathBuf,
    /// The lock file is claimdesk's (made by us or by another claimdesk): removed on
    /// release.
    ours: bool,
}

impl ProjectLock {
    /// Lock the project at `path` (which need not exist yet), waiting up to [`LOCK_WAIT`].
    pub fn acquire(path: &Path) -> Result<ProjectLock, ProjectFileError> {
        ProjectLock::acquire_within(path, LOCK_WAIT)
    }

    /// Lock the project at `path`, waiting up to `wait` for another writer to finish.
    pub fn acquire_within(path: &Path, wait: Duration) -> Result<ProjectLock, ProjectFileError> {
        let project = resolve_project_path(path)?;
        let lock_path = lock_path(&project);
        let fail = |kind| ProjectFileError {
            path: Some(path.to_path_buf()),
            kind,
        };
        let deadline = Instant::now() + wait;
        loop {
            let file = open_lock_file(&lock_path).map_err(|e| fail(cannot_lock(&project, &e)))?;
            match file.try_lock_exclusive() {
                Ok(true) => {
                    if same_file_as_path(&file, &lock_path) {
                        let ours = mark_if_ours(&file);
                        return Ok(ProjectLock {
                            file,
                            lock_path,
                            project,
                            ours,
                        });
                    }
                    // The holder removed this lock file as we opened it: take the new one.
                    continue;
                }
                Ok(false) => {}
                Err(e) => return Err(fail(cannot_lock(&project, &e))),
            }
            drop(file);
            if Instant::now() >= deadline {
                return Err(fail(ProjectErrorKind::Locked {
                    waited: wait,
                    lock_file: lock_path,
                }));
            }
            std::thread::sleep(RETRY_EVERY);
        }
    }

    /// The project file this lock guards: the path given, with a symbolic link resolved.
    pub fn project_path(&self) -> &Path {
        &self.project
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Remove the lock file while still holding it, then release by closing. A writer
        // waiting on the removed file sees that it is no longer at the path and retries.
        if cfg!(unix) && self.ours {
            let _ = std::fs::remove_file(&self.lock_path);
        }
        let _ = FileExt::unlock(&self.file);
    }
}

/// `NAME.claimdesk.lock` beside `project` (for a name too long to take the suffix, a
/// shortened name with a hash of the whole one: `crate::io::atomic::sibling_path`).
pub fn lock_path(project: &Path) -> PathBuf {
    crate::io::atomic::sibling_path(project, ".lock")
}

/// Is the locked `file` claimdesk's: empty (new, or made by an older claimdesk) or holding
/// [`MARK`]? An empty one is marked. Anything else is someone's own file.
fn mark_if_ours(file: &File) -> bool {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut head = Vec::with_capacity(MARK.len() + 1);
    let mut reader = file;
    if reader.seek(SeekFrom::Start(0)).is_err()
        || reader
            .take(MARK.len() as u64 + 1)
            .read_to_end(&mut head)
            .is_err()
    {
        return false;
    }
    if head.is_empty() {
        let mut writer = file;
        // Best effort: an unmarked empty file is recognised as ours all the same.
        let _ = writer.write_all(MARK);
        return true;
    }
    head == MARK
}

/// The file a project path stands for. A symbolic link is resolved once, here, to the file
/// it points to: that file is locked, loaded and replaced, and the link stays a link. A
/// link whose target does not exist is refused rather than replaced by a file.
pub fn resolve_project_path(path: &Path) -> Result<PathBuf, ProjectFileError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| ProjectFileError {
                path: Some(path.to_path_buf()),
                kind: ProjectErrorKind::BrokenLink(e.to_string()),
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

fn cannot_lock(project: &Path, e: &std::io::Error) -> ProjectErrorKind {
    super::error::write_failure(
        project,
        format!(
            "cannot create or open its lock file {}: {e}",
            lock_path(project).display()
        ),
    )
}

/// Open (creating if needed) the lock file, never through a symbolic link planted there.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// Is the open `file` still the one at `path`? (Not if its holder removed it meanwhile.)
#[cfg(unix)]
fn same_file_as_path(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file_as_path(_file: &File, _path: &Path) -> bool {
    // The lock file is never removed where it is not Unix.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_fails_and_the_lock_file_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.claimdesk");
        let first = ProjectLock::acquire(&project).unwrap();
        assert!(lock_path(&project).exists());
        let started = Instant::now();
        let e = ProjectLock::acquire_within(&project, Duration::from_millis(200)).unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(200));
        assert!(matches!(e.kind, ProjectErrorKind::Locked { .. }), "{e}");
        assert!(e.to_string().contains("another claimdesk"), "{e}");
        drop(first);
        if cfg!(unix) {
            assert!(
                !lock_path(&project).exists(),
                "released locks leave no file"
            );
        }
        let again = ProjectLock::acquire_within(&project, Duration::ZERO).unwrap();
        assert_eq!(again.project_path(), project);
    }

    /// Issue 31: a file of the analyst's own at the lock's path is locked as it is, never
    /// changed or removed; claimdesk's own lock files (an empty one of an older version
    /// too) are removed on release.
    #[test]
    fn a_users_file_at_the_lock_path_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.claimdesk");
        let mine = lock_path(&project);
        std::fs::write(&mine, b"my notes on the lock\n").unwrap();
        let lock = ProjectLock::acquire(&project).unwrap();
        let e = ProjectLock::acquire_within(&project, Duration::ZERO).unwrap_err();
        assert!(matches!(e.kind, ProjectErrorKind::Locked { .. }), "{e}");
        drop(lock);
        assert_eq!(std::fs::read(&mine).unwrap(), b"my notes on the lock\n");
        std::fs::write(&mine, b"").unwrap();
        drop(ProjectLock::acquire(&project).unwrap());
        assert_eq!(mine.exists(), cfg!(not(unix)));
    }

    #[test]
    fn waiting_writers_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.claimdesk");
        let counter = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let threads: Vec<_> = (0..4)
            .map(|i| {
                let (project, counter) = (project.clone(), counter.clone());
                std::thread::spawn(move || {
                    let _lock = ProjectLock::acquire(&project).unwrap();
                    counter.lock().unwrap().push((i, "in"));
                    std::thread::sleep(Duration::from_millis(20));
                    counter.lock().unwrap().push((i, "out"));
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let log = counter.lock().unwrap();
        // Never two holders at once: every "in" is followed by its own "out".
        for pair in log.chunks(2) {
            assert_eq!(pair[0].0, pair[1].0, "{log:?}");
        }
    }
}
