//! Why a project file could not be read or written: one line naming the file.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a project file could not be read or written. Displays as one line naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFileError {
    /// The file concerned; `None` for text given directly to [`project_from_str`].
    pub path: Option<PathBuf>,
    pub kind: ProjectErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectErrorKind {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// A FIFO, device or socket: only regular files are read as projects.
    NotAFile,
    /// Another failure while reading.
    Read(String),
    /// A failure while saving; the file on disk is unchanged.
    Write(String),
    /// A failure while saving a file that did not exist yet: nothing was written.
    NotCreated(String),
    /// Another claimdesk held the project's lock for longer than the wait.
    Locked {
        waited: Duration,
        lock_file: PathBuf,
    },
    /// Another claimdesk saved the file while this save waited for the lock.
    ChangedWhileWaiting,
    /// The project path is a symbolic link to nothing.
    BrokenLink(String),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Empty,
    NotUtf8,
    /// Not JSON at all: a syntax error at this place (1-based).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that ends too early: a partial write or a cut download.
    Truncated {
        line: usize,
    },
    /// Valid JSON, but not a claimdesk project (no `"format": "claimdesk-project"`).
    NotAProject(String),
    /// The version field is missing or not a version number.
    BadVersion(String),
    /// Written by a newer claimdesk than this one.
    NewerVersion {
        found: u64,
        supported: u64,
    },
    /// A claimdesk project whose fields do not have the expected types.
    WrongShape(String),
    /// Well-formed, but inconsistent: offsets outside the text, dangling ids, duplicates.
    Invalid(String),
}

impl fmt::Display for ProjectErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProjectErrorKind::*;
        match self {
            NotFound => write!(f, "no such file"),
            PermissionDenied => write!(f, "permission denied"),
            IsDirectory => write!(f, "is a folder, not a project file"),
            NotAFile => write!(
                f,
                "is not a regular file (a pipe, device or socket), not a project file"
            ),
            Read(e) => write!(f, "cannot read: {e}"),
            Write(e) => write!(f, "cannot save ({e}); the file on disk is unchanged"),
            NotCreated(e) => write!(
                f,
                "cannot save ({e}); there was no file yet and none was written"
            ),
            Locked { waited, lock_file } => write!(
                f,
                "is being changed by another claimdesk (it holds {}); gave up after {} s \
                 and changed nothing; try again when it has finished",
                lock_file.display(),
                waited.as_secs_f32()
            ),
            ChangedWhileWaiting => write!(
                f,
                "was saved by another claimdesk while this save waited for it; nothing was \
                 written (save again to decide whether to replace its changes)"
            ),
            BrokenLink(e) => write!(
                f,
                "is a symbolic link to a file that cannot be found ({e}); not followed"
            ),
            TooLarge { bytes, limit } => write!(
                f,
                "file is {} MB; project files larger than {} MB are not opened",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Empty => write!(f, "file is empty, not a claimdesk project"),
            NotUtf8 => write!(f, "is not a claimdesk project (not UTF-8 text)"),
            NotJson { line, column } => write!(
                f,
                "is not a claimdesk project (not valid JSON at line {line}, column {column})"
            ),
            Truncated { line } => write!(
                f,
                "is truncated: the JSON ends too early (line {line}); the previous version \
                 may be in the .bak file beside it"
            ),
            NotAProject(what) => write!(f, "is not a claimdesk project ({what})"),
            BadVersion(what) => write!(f, "has {what}"),
            NewerVersion { found, supported } => write!(
                f,
                "was made by a newer claimdesk (project format version {found}; this \
                 claimdesk reads versions up to {supported}); update claimdesk to open it"
            ),
            WrongShape(e) => write!(f, "is damaged: {e}"),
            Invalid(e) => write!(f, "is inconsistent: {e}"),
        }
    }
}

impl fmt::Display for ProjectFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.kind),
            None => write!(f, "project: {}", self.kind),
        }
    }
}

impl std::error::Error for ProjectFileError {}

pub(super) fn err(path: &Path, kind: ProjectErrorKind) -> ProjectFileError {
    ProjectFileError {
        path: Some(path.to_path_buf()),
        kind,
    }
}

/// A save of `path` failed for `reason`: "unchanged" if a file was there, else "nothing
/// was written".
pub(super) fn write_failure(path: &Path, reason: String) -> ProjectErrorKind {
    if std::fs::symlink_metadata(path).is_ok() {
        ProjectErrorKind::Write(reason)
    } else {
        ProjectErrorKind::NotCreated(reason)
    }
}

pub(super) fn read_error(e: &std::io::Error) -> ProjectErrorKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => ProjectErrorKind::NotFound,
        std::io::ErrorKind::PermissionDenied => ProjectErrorKind::PermissionDenied,
        std::io::ErrorKind::IsADirectory => ProjectErrorKind::IsDirectory,
        _ => ProjectErrorKind::Read(e.to_string()),
    }
}
