//! Crash-safe file replacement: a reader of `path` sees the old bytes or the new bytes,
//! never a mixture, whatever moment the process (or the machine) stops.
//!
//! The recipe: write a temporary file in the same folder, fsync it, optionally keep the
//! current file as a backup, rename the temporary over the target (atomic on POSIX and on
//! NTFS), then fsync the folder so that the rename itself is durable.
//!
//! No link is ever followed where a file is created: temporaries have unpredictable names
//! (`.NAME.tmp-` and 16 random hex digits) and are created exclusively (`O_CREAT|O_EXCL`,
//! which fails on anything already there, a symbolic link included); the backup is made as
//! a temporary too and renamed over `backup`, so a link planted at the backup path is
//! replaced, never written through. Only the target itself may be a link: saving through a
//! symbolic link replaces the file it points to (see docs/project-format.md).
//!
//! Names beside a file (temporaries, backups, locks: [`sibling_path`]) always fit the file
//! system's limit of [`NAME_MAX`] bytes: the file's own name, shortened with a hash of the
//! whole name when it is too long to take the suffix.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

/// The longest file name, in bytes, that common file systems take (ext4, XFS, APFS, NTFS's
/// 255 UTF-16 units hold at least as much).
pub const NAME_MAX: usize = 255;

/// The file beside `path` named like it with `suffix` (`p.claimdesk` → `p.claimdesk.bak`).
/// When that name would be longer than [`NAME_MAX`], the name is shortened and a hash of
/// the whole name keeps it distinct: `HEAD~0123abcd.bak`.
pub fn sibling_path(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default();
    let mut full = OsString::from(name);
    full.push(suffix);
    if full.as_encoded_bytes().len() <= NAME_MAX {
        return path.with_file_name(full);
    }
    let short = fitting_name(&name.to_string_lossy(), suffix.len()).into_owned();
    path.with_file_name(short + suffix)
}

/// `name` if it and `reserve` more bytes fit in [`NAME_MAX`]; else its head (whole
/// characters) and `~` and 8 hex digits of its SHA-256, together `NAME_MAX - reserve`
/// bytes at most.
fn fitting_name(name: &str, reserve: usize) -> Cow<'_, str> {
    if name.len() + reserve <= NAME_MAX {
        return Cow::Borrowed(name);
    }
    let hash: String = Sha256::digest(name.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut head = NAME_MAX.saturating_sub(reserve + 1 + hash.len());
    while !name.is_char_boundary(head) {
        head -= 1;
    }
    Cow::Owned(format!("{}~{hash}", &name[..head]))
}

/// What every temporary of `path` is named from: `.NAME.tmp-` (NAME shortened so that
/// the 16 random hex digits after it fit).
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claimdesk".into());
    format!(
        ".{}.tmp-",
        fitting_name(&name, ".".len() + ".tmp-".len() + 16)
    )
}

/// Which temporaries of earlier, killed saves of the same file to delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftovers {
    /// The caller holds the file's lock (a project save): no other save of this file can be
    /// running, so every temporary of it is a leftover, whatever its age.
    AllOfThem,
    /// No lock (exports, recovery files): only temporaries older than an hour, since a
    /// recent one may belong to another save in progress.
    Stale,
}

/// Replace `path` with `bytes` atomically. With `backup`, the file that was at `path` (if
/// any) is kept at `backup`; the backup itself is replaced atomically too, so a crash
/// leaves either the previous or the new backup. Temporaries older than an hour that
/// killed saves of `path` left are removed.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> io::Result<()> {
    replace_file(path, bytes, backup, Leftovers::Stale)
}

/// [`write_atomic`], choosing which leftover temporaries to remove first.
pub fn replace_file(
    path: &Path,
    bytes: &[u8],
    backup: Option<&Path>,
    leftovers: Leftovers,
) -> io::Result<()> {
    replace_file_with(path, backup, leftovers, |w| w.write_all(bytes))
}

/// [`replace_file`] with the content written by `write` straight into the temporary
/// (buffered), so that a large file is never held whole in memory as well.
pub fn replace_file_with(
    path: &Path,
    backup: Option<&Path>,
    leftovers: Leftovers,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_symlink(path);
    let dir = parent_dir(&target);
    // Free the space of killed saves before writing another copy.
    remove_leftovers(&target, leftovers);
    if let Some(backup) = backup {
        remove_leftovers(backup, leftovers);
    }
    let (tmp, file) = create_temporary(&target)?;
    let result = write_then_rename(&target, &dir, &tmp, file, write, backup);
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
    file: File,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    backup: Option<&Path>,
) -> io::Result<()> {
    let previous = fs::metadata(target).ok().filter(|m| m.is_file());
    if let Some(meta) = &previous {
        // Keep the permissions the analyst gave the file (e.g. private to its owner), set
        // before any byte is written.
        let _ = file.set_permissions(meta.permissions());
    }
    let mut out = io::BufWriter::with_capacity(1 << 16, file);
    write(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    if let (Some(backup), Some(_)) = (backup, &previous) {
        keep_backup(target, backup).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot keep the previous version as {}: {e}",
                    backup.display()
                ),
            )
        })?;
    }
    fs::rename(tmp, target)?;
    sync_dir(dir);
    Ok(())
}

/// Temporaries older than this were left by a save that was killed (no save takes an hour).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Delete the `.NAME.tmp-*` files that killed saves of `target` left behind, so that
/// crashes do not accumulate hidden copies of the project beside it. Best effort.
fn remove_leftovers(target: &Path, which: Leftovers) {
    if target.file_name().is_none() {
        return;
    }
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(parent_dir(target)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        // The entry itself, never what a link there points to.
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.is_dir() {
            continue;
        }
        let remove = match which {
            Leftovers::AllOfThem => true,
            Leftovers::Stale => meta
                .modified()
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_AFTER),
        };
        if remove {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Hard-link (or copy) the current `target` to a fresh temporary, then rename that over
/// `backup`: whatever was at `backup` (an old backup, a planted link) is replaced.
fn keep_backup(target: &Path, backup: &Path) -> io::Result<()> {
    // A hard link shares the old file's bytes and permissions without copying them, and
    // like an exclusive create it fails if anything is already at the new name.
    let linked = temp_path_for(backup);
    let made = match fs::hard_link(target, &linked) {
        Ok(()) => Ok(linked),
        // File systems without hard links (FAT, some network shares): copy and fsync.
        Err(_) => copy_to_temporary(target, backup),
    };
    let tmp = made?;
    if let Err(e) = fs::rename(&tmp, backup) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

fn copy_to_temporary(target: &Path, beside: &Path) -> io::Result<PathBuf> {
    let (tmp, mut file) = create_temporary(beside)?;
    let copied = (|| {
        let mut source = File::open(target)?;
        if let Ok(meta) = source.metadata() {
            file.set_permissions(meta.permissions())?;
        }
        io::copy(&mut source, &mut file)?;
        file.sync_all()
    })();
    match copied {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
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

/// A new, empty `.NAME.tmp-RANDOM` beside `path`, created exclusively: it fails on anything
/// already there, a symbolic link included.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..16 {
        let tmp = temp_path_for(path);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// `.NAME.tmp-` and 16 hex digits beside `path` ([`temp_prefix`]): hidden, and not
/// guessable by another user, who therefore cannot plant a link at it in advance.
fn temp_path_for(path: &Path) -> PathBuf {
    let tmp_name = format!("{}{:016x}", temp_prefix(path), random_u64());
    parent_dir(path).join(tmp_name)
}

/// 64 unpredictable bits: SipHash under the standard library's per-process random keys
/// (seeded from the operating system), over a counter, the process id and the time.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    h.finish()
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
    fn a_locked_save_removes_every_leftover_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claimdesk");
        let bak = dir.path().join("p.claimdesk.bak");
        let fresh = dir.path().join(".p.claimdesk.tmp-99999-1");
        let fresh_bak = dir.path().join(".p.claimdesk.bak.tmp-99999-1");
        let other = dir.path().join(".q.claimdesk.tmp-99999-0");
        for f in [&fresh, &fresh_bak, &other] {
            fs::write(f, b"partial").unwrap();
        }
        replace_file(&path, b"data", Some(&bak), Leftovers::AllOfThem).unwrap();
        assert!(!fresh.exists() && !fresh_bak.exists());
        assert!(other.exists(), "temporaries of other files are not ours");
    }

    #[test]
    fn temporary_names_are_unpredictable() {
        let a = temp_path_for(Path::new("/x/p.claimdesk"));
        let b = temp_path_for(Path::new("/x/p.claimdesk"));
        assert_ne!(a, b);
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        let suffix = name.strip_prefix(".p.claimdesk.tmp-").unwrap();
        assert_eq!(suffix.len(), 16, "{name}");
        assert!(suffix.chars().all(|c| c.is_ascii_hexdigit()), "{name}");
    }

    /// A link planted at the backup path (or at any temporary name) is replaced or makes
    /// the save fail; the file it points to is never written.
    #[cfg(unix)]
    #[test]
    fn links_at_the_backup_path_are_replaced_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret");
        fs::write(&secret, b"private").unwrap();
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).unwrap();
        let path = dir.path().join("p.claimdesk");
        let bak = dir.path().join("p.claimdesk.bak");
        fs::write(&path, b"one").unwrap();
        std::os::unix::fs::symlink(&secret, &bak).unwrap();
        // Old-style predictable temporary names, planted as links too.
        for n in 0..4 {
            let pid = std::process::id();
            let planted = dir.path().join(format!(".p.claimdesk.bak.tmp-{pid}-{n}"));
            std::os::unix::fs::symlink(&secret, &planted).unwrap();
            let planted = dir.path().join(format!(".p.claimdesk.tmp-{pid}-{n}"));
            std::os::unix::fs::symlink(&secret, &planted).unwrap();
        }
        write_atomic(&path, b"two", Some(&bak)).unwrap();
        assert_eq!(fs::read(&secret).unwrap(), b"private");
        let mode = fs::metadata(&secret).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let bak_meta = fs::symlink_metadata(&bak).unwrap();
        assert!(
            bak_meta.is_file(),
            "the link at the backup path was replaced"
        );
        assert_eq!(fs::read(&bak).unwrap(), b"one");
        assert_eq!(fs::read(&path).unwrap(), b"two");
    }

    /// Issue 31: a file whose name leaves no room for the temporaries' and the backup's
    /// suffixes (a 246-byte name) is saved, and saved again, with names that fit.
    #[test]
    fn long_names_get_siblings_that_fit() {
        let dir = tempfile::tempdir().unwrap();
        for len in [246, NAME_MAX - 4, NAME_MAX] {
            let name = format!(
                "{}.claimdesk",
                "é".repeat((len - 10) / 2) + &"a".repeat(len % 2)
            );
            assert_eq!(name.len(), len);
            let path = dir.path().join(&name);
            let bak = sibling_path(&path, ".bak");
            for content in [&b"one"[..], b"two", b"three"] {
                replace_file(&path, content, Some(&bak), Leftovers::AllOfThem).unwrap();
            }
            assert_eq!(fs::read(&path).unwrap(), b"three");
            assert_eq!(fs::read(&bak).unwrap(), b"two");
            let bak_name = bak.file_name().unwrap().len();
            assert!(bak_name <= NAME_MAX, "{bak_name}");
            assert_eq!(
                bak == dir.path().join(format!("{name}.bak")),
                len + 4 <= NAME_MAX
            );
            assert_eq!(sibling_path(&path, ".bak"), bak, "the same name each time");
            let temp = temp_path_for(&path);
            assert!(temp.file_name().unwrap().len() <= NAME_MAX);
            fs::remove_file(&path).unwrap();
            fs::remove_file(&bak).unwrap();
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "no leftovers");
    }

    /// Issue 31: a folder at the backup path is named in the error, and the file is kept.
    #[test]
    fn a_folder_at_the_backup_path_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.claimdesk");
        let bak = dir.path().join("p.claimdesk.bak");
        fs::write(&path, b"one").unwrap();
        fs::create_dir(&bak).unwrap();
        fs::write(bak.join("x"), b"x").unwrap();
        let e = write_atomic(&path, b"two", Some(&bak)).unwrap_err();
        assert!(e.to_string().contains(&bak.display().to_string()), "{e}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
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
