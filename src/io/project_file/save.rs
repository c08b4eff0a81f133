//! Saving a project file: atomic, under the project's lock, the previous file kept as
//! `NAME.claimdesk.bak`, and never larger than [`MAX_PROJECT_BYTES`], the limit the loader
//! applies: a save that would write a file no claimdesk opens again stops before the
//! rename, says so, and leaves the file on disk as it was.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::{err, write_failure};
use super::{
    MAX_PROJECT_BYTES, ProjectErrorKind, ProjectFileError, ProjectLock, resolve_project_path,
    write_project,
};
use crate::io::atomic::{Leftovers, NAME_MAX, replace_file_with, sibling_path};
use crate::model::Project;

/// Save atomically: a crash at any moment leaves the old or the new file whole. The file
/// that was at `path` is kept as `NAME.claimdesk.bak`. A project that would not load back
/// (offsets outside the text, dangling ids, larger than [`MAX_PROJECT_BYTES`]) is refused
/// and nothing is written.
///
/// The save takes the project's lock (waiting up to [`LOCK_WAIT`](super::LOCK_WAIT) for
/// another writer). If
/// another claimdesk replaced the file while this save waited, nothing is written
/// ([`ProjectErrorKind::ChangedWhileWaiting`]): the caller's view of the file is out of
/// date, and the window's next save asks whether to overwrite.
pub fn save_project(path: &Path, project: &Project) -> Result<(), ProjectFileError> {
    let target = resolve_project_path(path)?;
    save_if_still(path, project, identity(&target))
}

/// Take the lock, then save unless the file is no longer the one `before` describes.
fn save_if_still(
    path: &Path,
    project: &Project,
    before: Option<Identity>,
) -> Result<(), ProjectFileError> {
    let lock = ProjectLock::acquire(path)?;
    if identity(lock.project_path()) != before {
        return Err(err(path, ProjectErrorKind::ChangedWhileWaiting));
    }
    save_project_locked(&lock, project)
}

/// [`save_project`] by a writer that already holds the project's lock (the CLI holds it
/// from load to save). Writes to the lock's project file; every temporary an earlier,
/// killed save of it left is removed first.
pub fn save_project_locked(lock: &ProjectLock, project: &Project) -> Result<(), ProjectFileError> {
    save_within(lock.project_path(), project, MAX_PROJECT_BYTES)
}

/// Save `project` to `path` (its lock held) unless its file would be over `limit` bytes.
pub(super) fn save_within(
    path: &Path,
    project: &Project,
    limit: u64,
) -> Result<(), ProjectFileError> {
    let fail = |reason: String| err(path, write_failure(path, reason));
    super::parse::check(project).map_err(|e| fail(format!("the project is inconsistent: {e}")))?;
    let backup = backup_path(path);
    check_names(path, &backup).map_err(fail)?;
    // Serialised straight into the temporary, counted as it goes: a large project is not
    // held twice, and one over the limit stops there.
    replace_file_with(path, Some(&backup), Leftovers::AllOfThem, |out| {
        write_project(&mut Capped::new(out, limit), project, None)
    })
    .map_err(|e| fail(save_error(&e, limit)))
}

/// What the error of a capped write says: the limit, or the system's reason.
pub(super) fn save_error(e: &io::Error, limit: u64) -> String {
    if e.get_ref().is_some_and(|inner| inner.is::<OverLimit>()) {
        format!(
            "the project would be larger than {}, the largest project file claimdesk \
             opens, so it could not be opened again; remove articles or split the project",
            size_text(limit)
        )
    } else {
        e.to_string()
    }
}

/// "512 MB", or "900 bytes" below a megabyte.
pub(super) fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// Refuse at once a save whose file name the file system cannot take, and a folder where
/// the backup copy goes (the rename over it would fail only after the whole write).
fn check_names(path: &Path, backup: &Path) -> Result<(), String> {
    let len = path.file_name().map_or(0, |n| n.as_encoded_bytes().len());
    if len > NAME_MAX {
        return Err(format!(
            "its file name is {len} bytes long; file names are at most {NAME_MAX} bytes"
        ));
    }
    if std::fs::symlink_metadata(backup).is_ok_and(|m| m.is_dir()) {
        return Err(format!(
            "a folder is in the way of the backup copy {}; move it away and save again",
            backup.display()
        ));
    }
    Ok(())
}

/// The error a [`Capped`] writer stops with.
#[derive(Debug)]
struct OverLimit;

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file would be larger than the project size limit")
    }
}

impl std::error::Error for OverLimit {}

/// A writer that passes bytes on until more than `limit` would have been written, then
/// fails with [`OverLimit`].
pub(super) struct Capped<'a> {
    inner: &'a mut dyn Write,
    written: u64,
    limit: u64,
}

impl<'a> Capped<'a> {
    pub fn new(inner: &'a mut dyn Write, limit: u64) -> Capped<'a> {
        Capped {
            inner,
            written: 0,
            limit,
        }
    }
}

impl Write for Capped<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written.saturating_add(buf.len() as u64) > self.limit {
            return Err(io::Error::other(OverLimit));
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Which file is at `path` now: a save replaces the file (a new inode), so any save by
/// someone else changes this. `None` when nothing is there.
type Identity = (u64, u64, u64, Option<SystemTime>);

fn identity(path: &Path) -> Option<Identity> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Some((dev, ino, meta.len(), meta.modified().ok()))
}

/// Where [`save_project`] keeps the previous version: `NAME.claimdesk.bak` (for a name
/// too long to take the suffix, a shortened name with a hash of the whole one:
/// `crate::io::atomic::sibling_path`).
pub fn backup_path(path: &Path) -> PathBuf {
    sibling_path(path, ".bak")
}

#[cfg(test)]
mod tests {
    use super::super::{load_project, open_within, project_to_string};
    use super::*;

    /// What `save_project` does when another writer replaced the file between the moment
    /// it looked and the moment it got the lock: it writes nothing.
    #[test]
    fn a_save_does_not_overwrite_a_file_replaced_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claimdesk");
        let mine = Project::new("mine");
        save_project(&path, &mine).unwrap();
        let before = identity(&path);
        let theirs = Project::new("theirs");
        save_project(&path, &theirs).unwrap();
        let e = save_if_still(&path, &mine, before).unwrap_err();
        assert_eq!(e.kind, ProjectErrorKind::ChangedWhileWaiting, "{e}");
        assert!(e.to_string().contains("nothing was written"), "{e}");
        assert_eq!(load_project(&path).unwrap().name, "theirs");
        // Unchanged since it looked: the save goes through.
        save_if_still(&path, &mine, identity(&path)).unwrap();
        assert_eq!(load_project(&path).unwrap().name, "mine");
    }

    /// Issue 31, H2: a save that the loader's limit would refuse to open again is refused
    /// before the rename; the file on disk stays as it was. Save and load share the limit
    /// (lowered here to the size of the project's file).
    #[test]
    fn a_save_over_the_load_limit_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claimdesk");
        let small = Project::new("small");
        let mut large = Project::new("large");
        large.settings.organisation = "n".repeat(10_000);
        let limit = project_to_string(&large).len() as u64;
        save_within(&path, &small, limit).unwrap();
        let before = std::fs::read(&path).unwrap();
        // Exactly at the limit: saved, and it opens under the same limit.
        save_within(&path, &large, limit).unwrap();
        assert_eq!(
            open_within(&path, limit)
                .unwrap()
                .project
                .settings
                .organisation
                .len(),
            10_000
        );
        save_within(&path, &small, limit).unwrap();
        large.settings.organisation.push('n');
        let e = save_within(&path, &large, limit).unwrap_err();
        let line = e.to_string();
        assert!(
            line.contains(&format!("larger than {limit} bytes"))
                && line.contains("could not be opened again"),
            "{line}"
        );
        assert!(line.contains("the file on disk is unchanged"), "{line}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "nothing changed");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
        // A file of that size is refused by the loader under that limit.
        std::fs::write(&path, project_to_string(&large)).unwrap();
        assert!(matches!(
            open_within(&path, limit).unwrap_err().kind,
            ProjectErrorKind::TooLarge { .. }
        ));
        // Never created when there was no file.
        let fresh = dir.path().join("fresh.claimdesk");
        let e = save_within(&fresh, &large, limit).unwrap_err();
        assert!(matches!(e.kind, ProjectErrorKind::NotCreated(_)), "{e}");
        assert!(!fresh.exists());
    }
}
