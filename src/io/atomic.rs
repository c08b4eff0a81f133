//! Crash-safe file replacement: a reader of `path` sees the old bytes or the new bytes,
//! never a mixture, whatever moment the process (or the machine) stops.
//!
//! The recipe: write a temporary file in the same folder, fsync it, optionally keep the
//! current file as a backup, rename the temporary over the target (atomic on POSIX and on
//! NTFS), then fsync the folder so that the rename itself is durable.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replace `path` with `bytes` atomically. With `backup`, the file that was at `path` (if
/// any) is kept at `backup`; the backup itself is replaced atomically too, so a crash
/// leaves either the previous or the new backup.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> io::Result<()> {
    let target = resolve_symlink(path);
    let dir = parent_dir(&target);
    let tmp = temp_path_for(&target);
    let result = write_then_rename(&target, &dir, &tmp, bytes, backup);
    if result.is_err() {
        // Best effort: the temporary is ours and useless now.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(
    target: &Path,
    dir: &Path,
    tmp: &Path,
    bytes: &[u8],
    backup: Option<&Path>,
) -> io::Result<()> {
    let previous = fs::metadata(target).ok().filter(|m| m.is_file());
    {
        let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
        file.write_all(bytes)?;
        if let Some(meta) = &previous {
            // Keep the permissions the analyst gave the file (e.g. read-only for others).
            let _ = file.set_permissions(meta.permissions());
        }
        file.sync_all()?;
    }
    if let (Some(backup), Some(_)) = (backup, &previous) {
        keep_backup(target, backup)?;
    }
    fs::rename(tmp, target)?;
    sync_dir(dir);
    remove_stale_temporaries(target);
    if let Some(backup) = backup {
        remove_stale_temporaries(&resolve_symlink(backup));
    }
    Ok(())
}

/// Temporaries older than this were left by a save that was killed (no save takes an hour).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Delete the `.NAME.tmp-*` files that killed saves of `target` left behind, so that
/// crashes do not accumulate hidden copies of the project beside it. Best effort.
fn remove_stale_temporaries(target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(parent_dir(target)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Copy (or hard-link) the current `target` to `backup`, atomically replacing the old backup.
fn keep_backup(target: &Path, backup: &Path) -> io::Result<()> {
    let backup = resolve_symlink(backup);
    let tmp = temp_path_for(&backup);
    let made = fs::hard_link(target, &tmp).or_else(|_| {
        // File systems without hard links (FAT, some network shares): copy and fsync.
        fs::copy(target, &tmp)?;
        File::open(&tmp)?.sync_all()
    });
    if let Err(e) = made.and_then(|()| fs::rename(&tmp, &backup)) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// Saving through a symbolic link replaces the file it points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.into()),
        _ => path.to_path_buf(),
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.tmp-PID-N` beside `path`: hidden, unique per process and per call.
fn temp_path_for(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claimdesk".into());
    let tmp_name = format!(".{name}.tmp-{}-{n}", std::process::id());
    parent_dir(path).join(tmp_name)
}

/// Make a rename durable. Folders cannot be opened for syncing on every platform
/// (Windows), where the rename is already durable enough; errors are ignored.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let bak = dir.path().join("a.txt.bak");
        write_atomic(&path, b"one", Some(&bak)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!bak.exists(), "no backup of a file that did not exist");
        write_atomic(&path, b"two", Some(&bak)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(&bak).unwrap(), b"one");
        write_atomic(&path, b"three", Some(&bak)).unwrap();
        assert_eq!(fs::read(&bak).unwrap(), b"two");
        // Only the target and its backup remain: no temporaries left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn old_temporaries_of_killed_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claimdesk");
        let stale = dir.path().join(".p.claimdesk.tmp-99999-0");
        let fresh = dir.path().join(".p.claimdesk.tmp-99999-1");
        let other = dir.path().join(".q.claimdesk.tmp-99999-0");
        for f in [&stale, &fresh, &other] {
            fs::write(f, b"partial").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - 2 * STALE_AFTER;
        for f in [&stale, &other] {
            let file = File::options().write(true).open(f).unwrap();
            file.set_modified(two_hours_ago).unwrap();
        }
        write_atomic(&path, b"data", None).unwrap();
        assert!(
            !stale.exists(),
            "an hour-old temporary of this file is removed"
        );
        assert!(
            fresh.exists(),
            "a recent one may be another save in progress"
        );
        assert!(other.exists(), "temporaries of other files are not ours");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_replaces_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.claimdesk");
        let link = dir.path().join("link.claimdesk");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", None).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn failure_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename must fail, and the temporary be removed.
        let path = dir.path().join("sub");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("x"), b"x").unwrap();
        assert!(write_atomic(&path, b"data", None).is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
