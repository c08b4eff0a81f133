//! The `.claimdesk` project file: pretty JSON, a format name and version at the top, then
//! the whole [`Project`]. See docs/project-format.md.
//!
//! Loading never panics and never changes the file: every bad file (not JSON, truncated,
//! another shape, a newer version, offsets outside the text, dangling ids, too large)
//! becomes a [`ProjectFileError`] that names the file in one line. Saving is atomic, keeps
//! the previous file as `NAME.claimdesk.bak`, and happens under the project's lock
//! ([`ProjectLock`]), which a command holds for its whole load–change–save. Keys this
//! version does not know are kept (`unknown.rs`).

mod error;
mod lock;
mod recovery;
mod unknown;

pub use error::{ProjectErrorKind, ProjectFileError};
use error::{err, read_error, write_failure};

pub use lock::{LOCK_WAIT, ProjectLock, lock_path, resolve_project_path};
pub use recovery::{
    Recovery, discard_recovery, list_recoveries, load_recovery, recovery_dir, recovery_path,
    save_recovery,
};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;
use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::atomic::{Leftovers, replace_file_with};
use crate::model::{ArticleId, Project, SpeakerId};

/// The `"format"` value of every project file.
pub const FORMAT_NAME: &str = "claimdesk-project";
/// The version this claimdesk writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u64 = 1;
/// Files larger than this are refused before being read.
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
    let meta = std::fs::metadata(path).map_err(|e| err(path, read_error(&e)))?;
    if meta.is_dir() {
        return Err(err(path, ProjectErrorKind::IsDirectory));
    }
    if !meta.is_file() {
        return Err(err(path, ProjectErrorKind::NotAFile));
    }
    if meta.len() > MAX_PROJECT_BYTES {
        return Err(err(
            path,
            ProjectErrorKind::TooLarge {
                bytes: meta.len(),
                limit: MAX_PROJECT_BYTES,
            },
        ));
    }
    let bytes = read_limited(path).map_err(|kind| err(path, kind))?;
    let stamp = FileStamp::of_bytes(&bytes, meta.modified().ok());
    let text = std::str::from_utf8(&bytes).map_err(|_| err(path, ProjectErrorKind::NotUtf8))?;
    let (project, version) = parse(text, true).map_err(|kind| err(path, kind))?;
    Ok(LoadedProject {
        project,
        stamp,
        migrated_from: (version < CURRENT_VERSION).then_some(version),
    })
}

/// Read at most the size limit, even if the file grew since its metadata was taken.
fn read_limited(path: &Path) -> Result<Vec<u8>, ProjectErrorKind> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should a FIFO have taken the file's place, opening it must not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| read_error(&e))?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(ProjectErrorKind::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(MAX_PROJECT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(&e))?;
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        return Err(ProjectErrorKind::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_PROJECT_BYTES,
        });
    }
    Ok(bytes)
}

/// Do these first bytes of a file look like a claimdesk project (a JSON object whose
/// start names the project format)? For refusing a project where an article or an export
/// target is expected; a full load decides whether it really is one.
pub fn looks_like_project(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return false;
    };
    let head = &head[start..head.len().min(start + 1024)];
    let needle = format!("\"{FORMAT_NAME}\"");
    head.first() == Some(&b'{') && head.windows(needle.len()).any(|w| w == needle.as_bytes())
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

/// Save atomically: a crash at any moment leaves the old or the new file whole. The file
/// that was at `path` is kept as `NAME.claimdesk.bak`. A project that would not load back
/// (offsets outside the text, dangling ids) is refused and nothing is written.
///
/// The save takes the project's lock (waiting up to [`LOCK_WAIT`] for another writer). If
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
    let path = lock.project_path();
    check(project).map_err(|e| {
        err(
            path,
            write_failure(path, format!("the project is inconsistent: {e}")),
        )
    })?;
    // Serialised straight into the temporary: a large project is not held twice.
    replace_file_with(
        path,
        Some(&backup_path(path)),
        Leftovers::AllOfThem,
        |out| write_project(out, project, None),
    )
    .map_err(|e| err(path, write_failure(path, e.to_string())))
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

/// Where [`save_project`] keeps the previous version: `NAME.claimdesk.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
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
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// The top of a project file; everything else is skipped without being built.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    recovery_of: Option<Value>,
    #[serde(default, rename = "project")]
    _project: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct FileIn {
    project: Project,
}

fn json_error(e: &serde_json::Error) -> ProjectErrorKind {
    match e.classify() {
        serde_json::error::Category::Eof => ProjectErrorKind::Truncated { line: e.line() },
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            ProjectErrorKind::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
        serde_json::error::Category::Data => ProjectErrorKind::WrongShape(e.to_string()),
    }
}

/// Check the header, migrate, build and validate. Returns the project and the version
/// the text was written in.
fn parse(text: &str, whole: bool) -> Result<(Project, u64), ProjectErrorKind> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = read_header(text)?;
    let version = check_header(&header)?;
    let (mut project, kept) = if version == CURRENT_VERSION {
        let project = serde_json::from_str::<FileIn>(text)
            .map_err(|e| json_error(&e))?
            .project;
        (project, unknown::unknown_keys(text))
    } else {
        let mut doc: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        migrate(&mut doc, version, &MIGRATIONS)?;
        let migrated = doc.to_string();
        let project = serde_json::from_value::<FileIn>(doc)
            .map_err(|e| ProjectErrorKind::WrongShape(e.to_string()))?
            .project;
        (project, unknown::unknown_keys(&migrated))
    };
    // The typed parse succeeded, so the text is well-formed JSON and this cannot fail.
    project.unknown = kept.map_err(|e| json_error(&e))?;
    if whole {
        validate(&mut project)?;
    }
    Ok((project, version))
}

fn read_header(text: &str) -> Result<Header, ProjectErrorKind> {
    match text.trim_start().chars().next() {
        None => return Err(ProjectErrorKind::Empty),
        Some('{') => {}
        Some(_) => {
            // JSON of another kind (an array, a string…) or not JSON at all.
            serde_json::from_str::<IgnoredAny>(text).map_err(|e| json_error(&e))?;
            return Err(ProjectErrorKind::NotAProject(
                "JSON, but not an object with \"format\": \"claimdesk-project\"".into(),
            ));
        }
    }
    serde_json::from_str::<Header>(text).map_err(|e| match json_error(&e) {
        ProjectErrorKind::WrongShape(e) => ProjectErrorKind::NotAProject(e),
        other => other,
    })
}

fn check_header(header: &Header) -> Result<u64, ProjectErrorKind> {
    match &header.format {
        Some(Value::String(f)) if f == FORMAT_NAME => {}
        Some(Value::String(f)) => {
            return Err(ProjectErrorKind::NotAProject(format!(
                "its format is \"{}\", not \"{FORMAT_NAME}\"",
                f.chars().take(60).collect::<String>()
            )));
        }
        _ => {
            return Err(ProjectErrorKind::NotAProject(format!(
                "JSON without \"format\": \"{FORMAT_NAME}\""
            )));
        }
    }
    let version = match &header.version {
        None => return Err(ProjectErrorKind::BadVersion("no format version".into())),
        Some(v) => v.as_u64().ok_or_else(|| {
            ProjectErrorKind::BadVersion(format!("an invalid format version ({v})"))
        })?,
    };
    if version == 0 {
        return Err(ProjectErrorKind::BadVersion(
            "format version 0, which never existed".into(),
        ));
    }
    if version > CURRENT_VERSION {
        return Err(ProjectErrorKind::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(version)
}

/// One migration step: a whole file document of version `v` becomes version `v + 1`.
pub type Migration = fn(&mut Value) -> Result<(), String>;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`. Version 1 is current, so
/// there is none yet; see docs/project-format.md for the policy when a version is added.
const MIGRATIONS: [Migration; (CURRENT_VERSION - 1) as usize] = [];

/// Run the steps from `from` up to the version after the last step, updating `"version"`.
fn migrate(doc: &mut Value, from: u64, steps: &[Migration]) -> Result<(), ProjectErrorKind> {
    let first = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for (i, step) in steps.iter().enumerate().skip(first) {
        step(doc).map_err(|e| {
            ProjectErrorKind::WrongShape(format!(
                "cannot upgrade from format version {}: {e}",
                i + 1
            ))
        })?;
        if let Some(obj) = doc.as_object_mut() {
            obj.insert("version".into(), Value::from(i as u64 + 2));
        }
    }
    Ok(())
}

/// Check the invariants the rest of claimdesk relies on, and repair `next_id`.
fn validate(project: &mut Project) -> Result<(), ProjectErrorKind> {
    check(project).map_err(ProjectErrorKind::Invalid)?;
    // `fresh_id` keeps ids unique whatever `next_id` says; make the file's value honest too.
    let max = project
        .articles
        .iter()
        .map(|a| a.id.0)
        .chain(project.speakers.iter().map(|s| s.id.0))
        .chain(project.claims.iter().map(|c| c.id.0))
        .max()
        .unwrap_or(0);
    if project.next_id <= max {
        project.next_id = max.saturating_add(1);
    }
    Ok(())
}

/// Unique ids, claims pointing at existing articles and speakers, offsets on character
/// boundaries inside their article's text.
fn check(project: &Project) -> Result<(), String> {
    let mut texts: HashMap<ArticleId, &str> = HashMap::with_capacity(project.articles.len());
    for a in &project.articles {
        if texts.insert(a.id, &a.text).is_some() {
            return Err(format!("two articles have the id {}", a.id.0));
        }
    }
    let mut speakers: HashSet<SpeakerId> = HashSet::with_capacity(project.speakers.len());
    for s in &project.speakers {
        if !speakers.insert(s.id) {
            return Err(format!("two speakers have the id {}", s.id.0));
        }
    }
    let mut claims = HashSet::with_capacity(project.claims.len());
    for c in &project.claims {
        let id = c.id.0;
        if !claims.insert(c.id) {
            return Err(format!("two claims have the id {id}"));
        }
        let Some(text) = texts.get(&c.article) else {
            return Err(format!(
                "claim {id} belongs to article {}, which is not in the project",
                c.article.0
            ));
        };
        if let Some(s) = c.speaker
            && !speakers.contains(&s)
        {
            return Err(format!(
                "claim {id} names speaker {}, who is not in the project",
                s.0
            ));
        }
        check_span(text, c.start, c.end).map_err(|e| format!("claim {id}: {e}"))?;
        if let Some((s, e)) = c.mention_span {
            check_span(text, s, e).map_err(|e| format!("claim {id}'s speaker mention: {e}"))?;
        }
    }
    Ok(())
}

fn check_span(text: &str, start: usize, end: usize) -> Result<(), String> {
    if start > end {
        return Err(format!("starts at byte {start}, after its end {end}"));
    }
    if end > text.len() {
        return Err(format!(
            "ends at byte {end}, outside its article's text ({} bytes)",
            text.len()
        ));
    }
    for at in [start, end] {
        if !text.is_char_boundary(at) {
            return Err(format!("byte {at} falls inside a character of the text"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bump(doc: &mut Value) -> Result<(), String> {
        let p = doc.get_mut("project").ok_or("no project")?;
        let name = p.get("name").and_then(Value::as_str).unwrap_or("");
        p["name"] = Value::from(format!("{name}+"));
        Ok(())
    }

    fn failing(_: &mut Value) -> Result<(), String> {
        Err("field x is missing".into())
    }

    #[test]
    fn migration_runs_the_steps_after_the_file_version() {
        let steps: [Migration; 3] = [bump, bump, bump];
        let mut doc = serde_json::json!({"version": 2, "project": {"name": "p"}});
        migrate(&mut doc, 2, &steps).unwrap();
        // Steps 2→3 and 3→4 ran, not 1→2.
        assert_eq!(doc["project"]["name"], "p++");
        assert_eq!(doc["version"], 4);
        let mut current = doc.clone();
        migrate(&mut current, 4, &steps).unwrap();
        assert_eq!(current, doc, "a current document is left alone");
    }

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

    #[test]
    fn a_failing_migration_step_names_its_version() {
        let steps: [Migration; 2] = [bump, failing];
        let mut doc = serde_json::json!({"version": 1, "project": {"name": "p"}});
        let e = migrate(&mut doc, 1, &steps).unwrap_err();
        assert!(e.to_string().contains("from format version 2"), "{e}");
    }
}
