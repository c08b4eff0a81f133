//! The `.claimdesk` project file: pretty JSON, a format name and version at the top, then
//! the whole [`Project`]. See docs/project-format.md.
//!
//! Loading never panics and never changes the file: every bad file (not JSON, truncated,
//! another shape, a newer version, offsets outside the text, dangling ids, too large)
//! becomes a [`ProjectFileError`] that names the file in one line. Saving (`save.rs`) is
//! atomic, keeps the previous file as `NAME.claimdesk.bak`, happens under the project's
//! lock ([`ProjectLock`]), which a command holds for its whole load–change–save, and never
//! writes a file larger than [`MAX_PROJECT_BYTES`], the limit loading applies. Keys this
//! version does not know are kept (`unknown.rs`).
//!
//! - `header.rs` the format and version, wherever they stand; recognising a project;
//! - `parse.rs` text to a checked project, older versions migrated;
//! - `save.rs` saving, the size limit, the backup's name;
//! - `lock.rs`, `recovery.rs`, `unknown.rs`, `error.rs`.

mod error;
mod header;
mod lock;
mod parse;
mod recovery;
mod save;
mod unknown;

pub use error::{ProjectErrorKind, ProjectFileError};
use error::{err, read_error};
pub use header::{is_project_file, looks_like_project};
use parse::{json_error, parse};
pub use save::{backup_path, save_project, save_project_locked};

pub use lock::{LOCK_WAIT, ProjectLock, lock_path, resolve_project_path};
pub use recovery::{
    Recovery, discard_recovery, list_recoveries, load_recovery, recovery_dir, recovery_path,
    save_recovery,
};

use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::Project;

/// The `"format"` value of every project file.
pub const FORMAT_NAME: &str = "claimdesk-project";
/// The version this claimdesk writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u64 = 1;
/// The largest project file: larger files are refused before being read, and a save that
/// would write a larger one is refused before it replaces anything.
pub const MAX_PROJECT_BYTES: u64 = 512 * 1024 * 1024;
/// The file extension, without the dot.
pub const EXTENSION: &str = "claimdesk";

/// Length, modification time and content hash of a file, taken when it was opened or saved.
/// Before saving over the file, compare with [`file_stamp`] to learn whether someone else
/// (another window, a colleague, a `git pull`) changed it meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub sha256: [u8; 32],
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            modified,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Same bytes, whatever the modification time says (a `touch` is not a change).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }
}

/// The stamp of the file at `path` now; `None` if it does not exist or cannot be read.
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let modified = std::fs::metadata(path).ok()?.modified().ok();
    let bytes = std::fs::read(path).ok()?;
    Some(FileStamp::of_bytes(&bytes, modified))
}

/// True when the file at `path` no longer holds the content `stamp` was taken of
/// (changed, deleted or unreadable): the window should ask before overwriting it.
pub fn changed_on_disk(path: &Path, stamp: &FileStamp) -> bool {
    file_stamp(path).is_none_or(|now| !now.same_content(stamp))
}

/// A project as opened from disk, with what the window needs to save it back safely.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedProject {
    pub project: Project,
    /// The file as it was read; pass it to [`changed_on_disk`] before saving over it.
    pub stamp: FileStamp,
    /// `Some(v)` when the file was in an older format version `v` and was migrated: the
    /// project is unsaved until written back in the current version.
    pub migrated_from: Option<u64>,
}

/// Open a project file. Nothing on disk changes, whatever the outcome.
pub fn load_project(path: &Path) -> Result<Project, ProjectFileError> {
    open_project(path).map(|l| l.project)
}

/// [`load_project`], also returning the file's stamp and whether it was migrated.
pub fn open_project(path: &Path) -> Result<LoadedProject, ProjectFileError> {
    open_within(path, MAX_PROJECT_BYTES)
}

/// [`open_project`] of a file of at most `limit` bytes.
fn open_within(path: &Path, limit: u64) -> Result<LoadedProject, ProjectFileError> {
    use crate::io::regular_file::{ReadRefused, open_regular, read_open};
    let refused = |refused| {
        err(
            path,
            match refused {
                ReadRefused::Io(e) => read_error(&e),
                ReadRefused::Directory => ProjectErrorKind::IsDirectory,
                ReadRefused::NotRegular => ProjectErrorKind::NotAFile,
                ReadRefused::TooLarge { bytes, limit } => {
                    ProjectErrorKind::TooLarge { bytes, limit }
                }
            },
        )
    };
    // Opened without waiting on a FIFO; type and size checked from the open file, then
    // read no further than the limit, even if the file grows meanwhile.
    let (file, meta) = open_regular(path).map_err(refused)?;
    let bytes = read_open(file, &meta, limit).map_err(refused)?;
    let stamp = FileStamp::of_bytes(&bytes, meta.modified().ok());
    let text = std::str::from_utf8(&bytes).map_err(|_| err(path, ProjectErrorKind::NotUtf8))?;
    let (project, version) = parse(text, true).map_err(|kind| err(path, kind))?;
    Ok(LoadedProject {
        project,
        stamp,
        migrated_from: (version < CURRENT_VERSION).then_some(version),
    })
}

/// Parse project file text (any supported version; older ones are migrated).
pub fn project_from_str(text: &str) -> Result<Project, ProjectFileError> {
    parse(text, true)
        .map(|(project, _)| project)
        .map_err(|kind| ProjectFileError { path: None, kind })
}

/// [`project_from_str`] for a part of a project (some of its claims, articles or
/// speakers): ids pointing outside the part are not refused. The shared store loads the
/// entities an edit touches so (`io::shared`).
pub(crate) fn part_from_str(text: &str) -> Result<Project, ProjectFileError> {
    parse(text, false)
        .map(|(project, _)| project)
        .map_err(|kind| ProjectFileError { path: None, kind })
}

/// The project file document on one line (no indentation): what the shared store splits
/// into rows, each entity's object exactly as the file writes it.
pub(crate) fn project_to_compact(project: &Project) -> String {
    let doc = FileOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        recovery_of: None,
        project: unknown::ProjectOut::of(project),
        extra: unknown::Extra(&project.unknown.file),
    };
    // Plain structs, strings, numbers and kept JSON text in memory: this cannot fail.
    serde_json::to_string(&doc).unwrap_or_default()
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    recovery_of: Option<&'a str>,
    project: unknown::ProjectOut<'a>,
    #[serde(flatten)]
    extra: unknown::Extra<'a>,
}

/// The project file text: pretty JSON, fields in a fixed order, ending with a newline.
pub fn project_to_string(project: &Project) -> String {
    // Serialising plain structs, strings and numbers into memory cannot fail.
    to_string_with(project, None).unwrap_or_default()
}

fn to_string_with(
    project: &Project,
    recovery_of: Option<&str>,
) -> Result<String, serde_json::Error> {
    let mut bytes = Vec::new();
    write_project(&mut bytes, project, recovery_of).map_err(serde_json::Error::io)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).map_err(|e| serde_json::Error::io(std::io::Error::other(e)))
}

/// The project file text, written to `out`: pretty JSON, then a newline.
fn write_project(
    out: &mut dyn std::io::Write,
    project: &Project,
    recovery_of: Option<&str>,
) -> std::io::Result<()> {
    let doc = FileOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        recovery_of,
        project: unknown::ProjectOut::of(project),
        extra: unknown::Extra(&project.unknown.file),
    };
    // An error of `out` itself comes back as it was (the size limit of a save).
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
