//! Reading a file that must be a regular file of bounded size (a project, a library's
//! manifest and data files, a library's input): anything else the path shows is refused
//! without being opened; the file is opened without waiting (a FIFO put in its place
//! meanwhile never blocks the open), its type and size taken again from the open handle,
//! then read through a reader that stops one byte past the limit, so that a file growing
//! while it is read is refused too, never read whole.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadRefused {
    /// Opening or reading failed.
    Io(io::Error),
    /// A folder.
    Directory,
    /// A FIFO, device or socket.
    NotRegular,
    /// Larger than the limit: `bytes` is its size, or at least that much.
    TooLarge { bytes: u64, limit: u64 },
}

impl std::fmt::Display for ReadRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadRefused::Io(e) => write!(f, "cannot read: {e}"),
            ReadRefused::Directory => write!(f, "is a folder, not a file"),
            ReadRefused::NotRegular => {
                write!(f, "is not a regular file (a pipe, device or socket)")
            }
            ReadRefused::TooLarge { bytes, limit } => write!(
                f,
                "too large ({} MB; at most {} MB)",
                bytes >> 20,
                (limit >> 20).max(1)
            ),
        }
    }
}

/// Open `path` for reading without blocking on a FIFO, and check from the open handle that
/// it is a regular file. The handle is left in non-blocking mode, which regular files
/// ignore.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadRefused> {
    // What the path shows now is refused without being opened (opening some devices does
    // something); the open file is checked again below, since the path may change.
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(ReadRefused::Directory),
        Ok(m) if !m.is_file() => return Err(ReadRefused::NotRegular),
        _ => {}
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::IsADirectory => ReadRefused::Directory,
        _ => ReadRefused::Io(e),
    })?;
    let meta = file.metadata().map_err(ReadRefused::Io)?;
    if meta.is_dir() {
        return Err(ReadRefused::Directory);
    }
    if !meta.is_file() {
        return Err(ReadRefused::NotRegular);
    }
    Ok((file, meta))
}

/// The whole regular file at `path`, refused when it is larger than `limit` bytes (by its
/// size before reading, or by what reading finds): never more than `limit + 1` bytes are
/// read.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefused> {
    let (file, meta) = open_regular(path)?;
    read_open(file, &meta, limit)
}

/// [`read_regular`] of a file already opened by [`open_regular`].
pub fn read_open(file: File, meta: &Metadata, limit: u64) -> Result<Vec<u8>, ReadRefused> {
    if meta.len() > limit {
        return Err(ReadRefused::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadRefused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefused::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_types_and_limits() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadRefused::TooLarge { bytes: 5, limit: 4 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 4),
            Err(ReadRefused::Directory)
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none"), 4),
            Err(ReadRefused::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    /// A FIFO without a writer is refused at once (a plain open would wait for one).
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        assert!(matches!(
            read_regular(&fifo, 1 << 20),
            Err(ReadRefused::NotRegular)
        ));
    }
}
