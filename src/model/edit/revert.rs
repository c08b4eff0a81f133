//! Undo and redo in a shared project: [`Edit::Revert`](super::Edit::Revert) sets back what
//! one of your edits changed, as an ordinary edit sent to the server after the others.
//!
//! The server holds edits, not patches, and others edit the same project meanwhile, so an
//! undo cannot restore a snapshot. A [`Revert`] names, entity by entity, what your edit did:
//! the fields it changed (each as your edit left it and as it was before), the entities it
//! added and those it removed. Applied, it works field by field (docs/shared-projects.md):
//!
//! - a field still as your edit left it is set back; a field nobody changed is left alone,
//!   so others' later edits of other fields (and of other claims) stay;
//! - a field someone else changed since is **kept** (their later edit wins over your
//!   undo, never clobbered silently) and named in [`Patch::conflicts`] for the window to
//!   say ("claim #12: notes changed by someone else since, kept");
//! - an entity your edit added is removed only if nobody changed it since (and, for an
//!   article or a speaker, only if no claim still refers to it); a removed one is put
//!   back with its id after the entity it followed;
//! - a status set back gets a history entry like any status change (the verdict's trail
//!   shows both), rather than the entry of your edit being erased.
//!
//! Redo is the revert of the undo (built the same way from the undo's patch), so it too
//! leaves alone what others changed in between. Ids and numbers are never given back.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{EditError, Patch};
use crate::model::{Article, ArticleId, Claim, ClaimId, Project, Speaker, SpeakerId, StatusChange};

/// A key of an entity's JSON form (`None`: absent or null).
pub type Field = Option<Value>;
/// The fields an edit changed: key → (as the edit left it, as it was before).
pub type Fields = BTreeMap<String, (Field, Field)>;

/// What an edit did to one entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Change<T> {
    /// The edit added it (as it left it): the revert removes it again.
    Added(T),
    /// The edit removed it: the revert puts it back after `follows` (the id of the entity
    /// before it; `None`: it was first). `precedes` (the one after it) is read too, so that
    /// the server places it where the window does.
    Removed {
        entity: T,
        follows: Option<u64>,
        #[serde(default)]
        precedes: Option<u64>,
    },
    /// The edit changed these fields of entity `id`.
    Fields { id: u64, fields: Fields },
}

/// Set back what one edit changed (see the module docs). Built by
/// [`revert_of`](super::revert_of).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Revert {
    pub claims: Vec<Change<Claim>>,
    pub articles: Vec<Change<Article>>,
    pub speakers: Vec<Change<Speaker>>,
    /// The project's own fields: `memo`, `assignees`, `not_speakers`, `settings`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project: Fields,
    /// A redo (the revert of an undo) rather than an undo.
    #[serde(default)]
    pub redo: bool,
    /// When (for the history entry of a status set back).
    pub at: i64,
}

/// An entity kind a revert handles.
pub(super) trait Entity: Serialize + DeserializeOwned + Clone {
    fn raw(&self) -> u64;
}
impl Entity for Claim {
    fn raw(&self) -> u64 {
        self.id.0
    }
}
impl Entity for Article {
    fn raw(&self) -> u64 {
        self.id.0
    }
}
impl Entity for Speaker {
    fn raw(&self) -> u64 {
        self.id.0
    }
}

/// An entity's JSON object, nulls dropped (absent and null mean the same to serde here).
pub(super) fn fields_of<T: Serialize>(entity: &T) -> Map<String, Value> {
    match serde_json::to_value(entity) {
        Ok(Value::Object(mut map)) => {
            map.retain(|_, v| !v.is_null());
            map
        }
        _ => Map::new(),
    }
}

fn change_id<T: Entity>(change: &Change<T>) -> u64 {
    match change {
        Change::Added(e) | Change::Removed { entity: e, .. } => e.raw(),
        Change::Fields { id, .. } => *id,
    }
}

impl Revert {
    /// Whether it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
            && self.articles.is_empty()
            && self.speakers.is_empty()
            && self.project.is_empty()
    }

    /// Claims it reads: those it names and those removed ones follow.
    pub fn claim_ids(&self) -> Vec<ClaimId> {
        let mut ids: Vec<ClaimId> = self.claims.iter().map(|c| ClaimId(change_id(c))).collect();
        for c in &self.claims {
            if let Change::Removed {
                follows, precedes, ..
            } = c
            {
                ids.extend(follows.iter().chain(precedes).map(|&id| ClaimId(id)));
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// Articles it reads (named or followed).
    pub fn article_ids(&self) -> Vec<ArticleId> {
        let mut ids: Vec<ArticleId> = self
            .articles
            .iter()
            .map(|c| ArticleId(change_id(c)))
            .collect();
        for c in &self.articles {
            if let Change::Removed {
                follows, precedes, ..
            } = c
            {
                ids.extend(follows.iter().chain(precedes).map(|&id| ArticleId(id)));
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// Articles and speakers it may remove: every claim referring to them must be read.
    pub fn added_articles_and_speakers(&self) -> (Vec<ArticleId>, Vec<SpeakerId>) {
        (
            (self
                .articles
                .iter()
                .filter(|c| matches!(c, Change::Added(_))))
            .map(|c| ArticleId(change_id(c)))
            .collect(),
            (self
                .speakers
                .iter()
                .filter(|c| matches!(c, Change::Added(_))))
            .map(|c| SpeakerId(change_id(c)))
            .collect(),
        )
    }

    /// Whether it carries whole articles (their text): logged as a summary.
    pub fn has_articles(&self) -> bool {
        self.articles
            .iter()
            .any(|c| !matches!(c, Change::Fields { .. }))
    }
}

/// Apply `revert` to `project` (see the module docs); what it left alone goes to
/// `patch.conflicts`. `NoChange` if it changed nothing.
pub(super) fn apply(project: &mut Project, patch: &mut Patch, r: &Revert) -> Result<(), EditError> {
    let mut changed = false;
    let number = |p: &Project, id: u64| -> String {
        match p.claims.iter().find(|c| c.id.0 == id) {
            Some(c) if c.number > 0 => format!("#{}", c.number),
            _ => format!("{id}"),
        }
    };
    // Speakers and articles put back first: claims put back may refer to them.
    if !r.speakers.is_empty() {
        patch.touch_speakers(project);
    }
    changed |= put_back(&mut project.speakers, &r.speakers, |_| {});
    let mut new_articles = Vec::new();
    changed |= put_back(&mut project.articles, &r.articles, |id| {
        new_articles.push(id)
    });
    patch
        .articles
        .extend(new_articles.into_iter().map(|id| (ArticleId(id), None)));
    let mut new_claims = Vec::new();
    changed |= put_back(&mut project.claims, &r.claims, |id| new_claims.push(id));
    for id in new_claims {
        patch.reinserted_claim(ClaimId(id));
    }
    // Fields.
    let mut conflicts = Vec::new();
    let claim_at: HashMap<u64, usize> = (project.claims.iter().enumerate())
        .map(|(i, c)| (c.id.0, i))
        .collect();
    for change in &r.claims {
        let Change::Fields { id, fields } = change else {
            continue;
        };
        let Some(&i) = claim_at.get(id) else {
            conflicts.push(format!("claim {id} no longer exists"));
            continue;
        };
        let current = &project.claims[i];
        let (merged, kept) = merge(current, fields, &["history"])?;
        conflicts.extend(
            kept.iter()
                .map(|k| format!("claim {}: {k}", number(project, *id))),
        );
        if let Some(mut claim) = merged {
            if claim.status != current.status {
                claim.history.push(StatusChange {
                    at: r.at,
                    from: current.status,
                    to: claim.status,
                });
            }
            patch.touch_claim(project, i);
            project.claims[i] = claim;
            changed = true;
        }
    }
    for change in &r.articles {
        let Change::Fields { id, fields } = change else {
            continue;
        };
        let Some(i) = project.articles.iter().position(|a| a.id.0 == *id) else {
            conflicts.push(format!("article {id} no longer exists"));
            continue;
        };
        let (merged, kept) = merge(&project.articles[i], fields, &[])?;
        conflicts.extend(kept.iter().map(|k| format!("article {id}: {k}")));
        if let Some(article) = merged {
            patch
                .articles
                .push((article.id, Some((i, project.articles[i].clone()))));
            project.articles[i] = article;
            changed = true;
        }
    }
    for change in &r.speakers {
        let Change::Fields { id, fields } = change else {
            continue;
        };
        let Some(i) = project.speakers.iter().position(|s| s.id.0 == *id) else {
            conflicts.push(format!("speaker {id} no longer exists"));
            continue;
        };
        let (merged, kept) = merge(&project.speakers[i], fields, &[])?;
        conflicts.extend(kept.iter().map(|k| format!("speaker {id}: {k}")));
        if let Some(speaker) = merged {
            project.speakers[i] = speaker;
            changed = true;
        }
    }
    // Entities the edit added: removed unless changed since or still referred to.
    let mut remove = HashSet::new();
    for change in &r.claims {
        if let Change::Added(left) = change
            && let Some(&i) = claim_at.get(&left.id.0)
        {
            if fields_of(&project.claims[i]) == fields_of(left) {
                patch.touch_claim(project, i);
                remove.insert(left.id);
            } else {
                let n = number(project, left.id.0);
                conflicts.push(format!("claim {n} changed by someone else since"));
            }
        }
    }
    if !remove.is_empty() {
        project.claims.retain(|c| !remove.contains(&c.id));
        changed = true;
    }
    let used_articles: HashSet<ArticleId> = project.claims.iter().map(|c| c.article).collect();
    let used_speakers: HashSet<SpeakerId> =
        project.claims.iter().filter_map(|c| c.speaker).collect();
    for change in &r.articles {
        if let Change::Added(left) = change
            && let Some(i) = project.articles.iter().position(|a| a.id == left.id)
        {
            if used_articles.contains(&left.id)
                || fields_of(&project.articles[i]) != fields_of(left)
            {
                conflicts.push(format!("article “{}” kept: changed since", left.title));
            } else {
                patch
                    .articles
                    .push((left.id, Some((i, project.articles.remove(i)))));
                changed = true;
            }
        }
    }
    for change in &r.speakers {
        if let Change::Added(left) = change
            && let Some(i) = project.speakers.iter().position(|s| s.id == left.id)
        {
            if used_speakers.contains(&left.id)
                || fields_of(&project.speakers[i]) != fields_of(left)
            {
                conflicts.push(format!(
                    "speaker “{}” kept: in use or changed since",
                    left.name
                ));
            } else {
                project.speakers.remove(i);
                changed = true;
            }
        }
    }
    changed |= project_fields(project, patch, &r.project, &mut conflicts)?;
    patch.conflicts = conflicts;
    if changed {
        Ok(())
    } else {
        Err(EditError::NoChange)
    }
}

/// Three-way merge of one entity: each field still as the edit left it is set back; one
/// changed since is kept and named. `None` when nothing is set back.
fn merge<T: Entity>(
    current: &T,
    fields: &Fields,
    skip: &[&str],
) -> Result<(Option<T>, Vec<String>), EditError> {
    let mut map = fields_of(current);
    let mut kept = Vec::new();
    let mut set = false;
    for (key, (left, back)) in fields {
        if skip.contains(&key.as_str()) {
            continue;
        }
        let now = map.get(key).cloned();
        if now == *left {
            match back {
                Some(v) => map.insert(key.clone(), v.clone()),
                None => map.remove(key),
            };
            set = true;
        } else if now != *back {
            kept.push(format!("{key} changed by someone else since, kept"));
        }
    }
    if !set {
        return Ok((None, kept));
    }
    let entity = serde_json::from_value(Value::Object(map))
        .map_err(|_| EditError::Invalid("the undo does not fit this entity"))?;
    Ok((Some(entity), kept))
}

/// Put back the entities `changes` removed, each after the one it followed (or at the end
/// when that one is gone), in one pass over the list. Calls `added` with each id put back.
fn put_back<T: Entity>(
    list: &mut Vec<T>,
    changes: &[Change<T>],
    mut added: impl FnMut(u64),
) -> bool {
    let present: HashSet<u64> = list.iter().map(|e| e.raw()).collect();
    let back: Vec<(&T, Option<u64>)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Removed {
                entity, follows, ..
            } if !present.contains(&entity.raw()) => Some((entity, *follows)),
            _ => None,
        })
        .collect();
    if back.is_empty() {
        return false;
    }
    let known: HashSet<u64> = present
        .iter()
        .copied()
        .chain(back.iter().map(|(e, _)| e.raw()))
        .collect();
    let mut after: HashMap<Option<u64>, Vec<T>> = HashMap::new();
    let mut orphans = Vec::new();
    for (entity, follows) in back {
        added(entity.raw());
        match follows {
            Some(f) if !known.contains(&f) => orphans.push(entity.clone()),
            f => after.entry(f).or_default().push(entity.clone()),
        }
    }
    let old = std::mem::take(list);
    let mut out = Vec::with_capacity(old.len() + after.len() + orphans.len());
    // Depth-first without recursion: an entity, then those that follow it.
    let mut stack: Vec<T> = after.remove(&None).unwrap_or_default();
    stack.reverse();
    let flush = |stack: &mut Vec<T>, out: &mut Vec<T>, after: &mut HashMap<Option<u64>, Vec<T>>| {
        while let Some(e) = stack.pop() {
            let id = e.raw();
            out.push(e);
            if let Some(mut next) = after.remove(&Some(id)) {
                next.reverse();
                stack.extend(next);
            }
        }
    };
    flush(&mut stack, &mut out, &mut after);
    for e in old {
        stack.push(e);
        flush(&mut stack, &mut out, &mut after);
    }
    out.extend(orphans);
    out.extend(after.into_values().flatten());
    *list = out;
    true
}

/// The project's own fields (memo, assignee names, dismissed names, settings).
fn project_fields(
    project: &mut Project,
    patch: &mut Patch,
    fields: &Fields,
    conflicts: &mut Vec<String>,
) -> Result<bool, EditError> {
    let mut changed = false;
    for (key, (left, back)) in fields {
        let now = match key.as_str() {
            "memo" => serde_json::to_value(&project.memo),
            "assignees" => serde_json::to_value(&project.assignees),
            "not_speakers" => serde_json::to_value(&project.not_speakers),
            "views" => serde_json::to_value(&project.views),
            "settings" => serde_json::to_value(&project.settings),
            _ => {
                return Err(EditError::Invalid(
                    "the undo names an unknown project field",
                ));
            }
        }
        .ok();
        if now != *left {
            if now != *back {
                conflicts.push(format!("project {key} changed by someone else since, kept"));
            }
            continue;
        }
        let value = back.clone().unwrap_or(Value::Null);
        let bad = |_| EditError::Invalid("the undo does not fit the project");
        match key.as_str() {
            "settings" => {
                patch
                    .settings
                    .get_or_insert_with(|| project.settings.clone());
                project.settings = serde_json::from_value(value).map_err(bad)?;
            }
            _ => {
                patch.touch_lists(project);
                match key.as_str() {
                    "memo" => project.memo = serde_json::from_value(value).map_err(bad)?,
                    "assignees" => {
                        project.assignees = serde_json::from_value(value).map_err(bad)?
                    }
                    "views" => project.views = serde_json::from_value(value).map_err(bad)?,
                    _ => project.not_speakers = serde_json::from_value(value).map_err(bad)?,
                }
            }
        }
        changed = true;
    }
    Ok(changed)
}
