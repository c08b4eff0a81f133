//! Recovery files: the window's 30-second autosave of unsaved changes
//! (docs/project-format.md, *Recovery files*).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::header::read_header;
use super::save::{Capped, save_error};
use super::{
    EXTENSION, MAX_PROJECT_BYTES, ProjectErrorKind, ProjectFileError, err, load_project,
    write_project,
};
use crate::io::atomic::{Leftovers, replace_file_with};
use crate::io::regular_file::{open_regular, read_open};
use crate::model::Project;

/// Where recovery files live: `$XDG_DATA_HOME/claimdesk/recovery` (default
/// `~/.local/share/claimdesk/recovery`); `~/Library/Application Support/claimdesk/recovery`
/// on macOS; `%LOCALAPPDATA%\claimdesk\recovery` on Windows; the temp folder otherwise.
pub fn recovery_dir() -> PathBuf {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = if cfg!(windows) {
        env_dir("LOCALAPPDATA").or_else(|| env_dir("APPDATA"))
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".local/share")))
    };
    match base {
        Some(b) => b.join("claimdesk").join("recovery"),
        None => std::env::temp_dir().join("claimdesk-recovery"),
    }
}

/// The recovery file of a project: one per project path (`NAME-HASH.claimdesk`, the hash of
/// the absolute path), `untitled.claimdesk` for a project never saved.
pub fn recovery_path(project_path: Option<&Path>) -> PathBuf {
    let name = match project_path {
        None => format!("untitled.{EXTENSION}"),
        Some(p) => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            let hash = Sha256::digest(abs.to_string_lossy().as_bytes());
            let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
            let stem: String = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                .take(40)
                .collect();
            format!("{stem}-{hex}.{EXTENSION}")
        }
    };
    recovery_dir().join(name)
}

/// Write the unsaved state of a project to its recovery file (atomically, no backup).
/// Returns the recovery file's path.
pub fn save_recovery(
    project_path: Option<&Path>,
    project: &Project,
) -> Result<PathBuf, ProjectFileError> {
    let path = recovery_path(project_path);
    let dir = recovery_dir();
    std::fs::create_dir_all(&dir).map_err(|e| err(&dir, ProjectErrorKind::Write(e.to_string())))?;
    let of = project_path.map(|p| {
        std::path::absolute(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .to_string_lossy()
            .into_owned()
    });
    // Never larger than a project file may be, or it could not be restored.
    replace_file_with(&path, None, Leftovers::Stale, |out| {
        write_project(
            &mut Capped::new(out, MAX_PROJECT_BYTES),
            project,
            of.as_deref(),
        )
    })
    .map_err(|e| {
        err(
            &path,
            ProjectErrorKind::Write(save_error(&e, MAX_PROJECT_BYTES)),
        )
    })?;
    Ok(path)
}

/// The recovered project of `project_path`, `Ok(None)` when there is no recovery file.
pub fn load_recovery(project_path: Option<&Path>) -> Result<Option<Project>, ProjectFileError> {
    let path = recovery_path(project_path);
    match load_project(&path) {
        Ok(p) => Ok(Some(p)),
        Err(ProjectFileError {
            kind: ProjectErrorKind::NotFound,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Remove the recovery file (after a save, or when the analyst discards the changes).
pub fn discard_recovery(project_path: Option<&Path>) -> Result<(), ProjectFileError> {
    let path = recovery_path(project_path);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(err(&path, ProjectErrorKind::Write(e.to_string()))),
    }
}

/// A recovery file found at start-up, to offer its restoration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file itself (pass it to [`load_project`]).
    pub file: PathBuf,
    /// The project file it holds unsaved changes of; `None` for an untitled project.
    pub project_path: Option<PathBuf>,
    pub saved_at: Option<SystemTime>,
}

/// Every recovery file present, newest first. Unreadable entries are skipped.
pub fn list_recoveries() -> Vec<Recovery> {
    let Ok(entries) = std::fs::read_dir(recovery_dir()) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
        .filter_map(|file| {
            let (opened, meta) = open_regular(&file).ok()?;
            let bytes = read_open(opened, &meta, MAX_PROJECT_BYTES).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let header = read_header(&text).ok()?;
            let project_path = match header.recovery_of {
                Some(Value::String(s)) => Some(PathBuf::from(s)),
                _ => None,
            };
            Some(Recovery {
                file,
                project_path,
                saved_at: meta.modified().ok(),
            })
        })
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
    found
}
