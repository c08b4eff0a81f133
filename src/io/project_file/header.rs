//! The header of a project file (`"format"`, `"version"`, and for recovery files
//! `"recovery_of"`), read wherever its keys stand among the top-level keys: the loader's
//! check, and the one that recognises a project where an article or an export target is
//! expected (so an export never replaces a project whose `"format"` comes late).

use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::{CURRENT_VERSION, FORMAT_NAME, MAX_PROJECT_BYTES, ProjectErrorKind};

/// The top of a project file; everything else is skipped without being built.
#[derive(Debug, Default)]
pub(super) struct Header {
    pub format: Option<Value>,
    pub version: Option<Value>,
    pub recovery_of: Option<Value>,
}

impl Header {
    /// Does the header name the project format (whatever its version)?
    pub fn is_project(&self) -> bool {
        matches!(&self.format, Some(Value::String(f)) if f == FORMAT_NAME)
    }
}

/// Fills a [`Header`] key by key as the top-level object is read, so that what was seen
/// before an error (a file cut short, a bad value further on) is kept.
struct Fill<'a>(&'a mut Header);

impl<'de> DeserializeSeed<'de> for Fill<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fill<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let (slot, name) = match key.as_str() {
                "format" => (&mut self.0.format, "format"),
                "version" => (&mut self.0.version, "version"),
                "recovery_of" => (&mut self.0.recovery_of, "recovery_of"),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if slot.is_some() {
                return Err(de::Error::duplicate_field(name));
            }
            *slot = Some(map.next_value()?);
        }
        Ok(())
    }
}

/// The header of a whole project file's text (its byte-order mark already removed).
pub(super) fn read_header(text: &str) -> Result<Header, ProjectErrorKind> {
    match text.trim_start().chars().next() {
        None => return Err(ProjectErrorKind::Empty),
        Some('{') => {}
        Some(_) => {
            // JSON of another kind (an array, a string…) or not JSON at all.
            serde_json::from_str::<IgnoredAny>(text).map_err(|e| super::json_error(&e))?;
            return Err(ProjectErrorKind::NotAProject(
                "JSON, but not an object with \"format\": \"claimdesk-project\"".into(),
            ));
        }
    }
    let mut header = Header::default();
    let mut de = serde_json::Deserializer::from_str(text);
    Fill(&mut header)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| match super::json_error(&e) {
            ProjectErrorKind::WrongShape(e) => ProjectErrorKind::NotAProject(e),
            other => other,
        })?;
    Ok(header)
}

/// The version of a project file with this header, or why it is not one this claimdesk
/// reads.
pub(super) fn check_header(header: &Header) -> Result<u64, ProjectErrorKind> {
    match &header.format {
        _ if header.is_project() => {}
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

/// Do these bytes (a whole file or its start) hold a claimdesk project: a JSON object
/// whose `"format"` key, wherever it stands among its top-level keys in these bytes, names
/// the project format? The loader's own header reading, which keeps what it saw when the
/// bytes end early or go wrong further on. For refusing a project where an article or a
/// library file is expected; a full load decides whether it is a sound one.
pub fn looks_like_project(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    let mut header = Header::default();
    let _ = Fill(&mut header).deserialize(&mut serde_json::Deserializer::from_slice(bytes));
    header.is_project()
}

/// Does the file at `path` hold a claimdesk project ([`looks_like_project`] of the file,
/// read as a stream in constant memory, at most the project size limit)? A file that is
/// missing, unreadable or not a regular file is not one.
pub fn is_project_file(path: &Path) -> bool {
    use std::io::Read;
    let Ok((file, _)) = crate::io::regular_file::open_regular(path) else {
        return false;
    };
    let mut reader = BufReader::with_capacity(1 << 16, file.take(MAX_PROJECT_BYTES));
    let Ok(head) = reader.fill_buf() else {
        return false;
    };
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    let Ok(head) = reader.fill_buf() else {
        return false;
    };
    if head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    let mut header = Header::default();
    let _ = Fill(&mut header).deserialize(&mut serde_json::Deserializer::from_reader(reader));
    header.is_project()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_key_is_found_wherever_it_stands() {
        let late = format!(
            "{{\"project\": {{\"notes\": \"{}\"}}, \"format\": \"claimdesk-project\"}}",
            "x".repeat(5000)
        );
        assert!(looks_like_project(late.as_bytes()));
        // Cut short after the key: still a project.
        let cut = "\u{feff} {\"format\": \"claimdesk-project\", \"project\": {\"n";
        assert!(looks_like_project(cut.as_bytes()));
        for not in [
            "",
            "[\"claimdesk-project\"]",
            "{\"name\": \"claimdesk-project\"}",
            "{\"format\": \"other\", \"x\": \"claimdesk-project\"}",
            "{\"nested\": {\"format\": \"claimdesk-project\"}}",
        ] {
            assert!(!looks_like_project(not.as_bytes()), "{not}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("late.json");
        std::fs::write(&path, &late).unwrap();
        assert!(is_project_file(&path));
        std::fs::write(&path, "{\"format\": \"csv\"}").unwrap();
        assert!(!is_project_file(&path));
        assert!(!is_project_file(dir.path()));
    }
}
