//! Reading a project file's text: the header checked (`header.rs`), older versions
//! migrated, the project built and its invariants checked (unique ids, claims pointing at
//! existing articles and speakers, offsets on character boundaries inside their text).

use serde::Deserialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

use super::header::{check_header, read_header};
use super::{CURRENT_VERSION, ProjectErrorKind, unknown};
use crate::model::{ArticleId, Project, SpeakerId};

#[derive(Deserialize)]
struct FileIn {
    project: Project,
}

pub(super) fn json_error(e: &serde_json::Error) -> ProjectErrorKind {
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
pub(super) fn parse(text: &str, whole: bool) -> Result<(Project, u64), ProjectErrorKind> {
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
pub(super) fn check(project: &Project) -> Result<(), String> {
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

    #[test]
    fn a_failing_migration_step_names_its_version() {
        let steps: [Migration; 2] = [bump, failing];
        let mut doc = serde_json::json!({"version": 1, "project": {"name": "p"}});
        let e = migrate(&mut doc, 1, &steps).unwrap_err();
        assert!(e.to_string().contains("from format version 2"), "{e}");
    }
}
