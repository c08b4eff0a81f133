//! Undo and redo in a shared project: the server has only edits, so an undo is sent as an
//! [`Edit::Revert`](super::Edit::Revert) built here from the undone edit's patch (what
//! each entity was before) and the project right after the edit (what the edit left),
//! for every kind of edit. How a revert applies, and what it leaves alone when someone
//! else changed the same field since, is in `revert.rs`.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::Patch;
use super::revert::{Change, Entity, Fields, Revert, fields_of};
use crate::model::{Claim, Project};

/// The revert of the edit whose application left `patch` and `after` (the project just
/// after it); `at` is now. `redo`: it reverts an undo.
pub fn revert_of(patch: &Patch, after: &Project, at: i64, redo: bool) -> Revert {
    let mut r = Revert {
        at,
        redo,
        ..Default::default()
    };
    let claims: Vec<(u64, Option<(usize, &Claim)>)> = patch
        .claim_entries()
        .iter()
        .map(|(id, b)| (id.0, b.as_deref().map(|(i, c)| (*i, c))))
        .collect();
    r.claims = changes(&claims, &after.claims);
    let articles: Vec<_> = (patch.articles.iter())
        .map(|(id, b)| (id.0, b.as_ref().map(|(i, a)| (*i, a))))
        .collect();
    r.articles = changes(&articles, &after.articles);
    if let Some(before) = patch.speakers_before() {
        let mut speakers: Vec<_> = (before.iter().enumerate())
            .map(|(i, s)| (s.id.0, Some((i, s))))
            .collect();
        let had: HashSet<u64> = before.iter().map(|s| s.id.0).collect();
        speakers.extend(
            (after.speakers.iter())
                .filter(|s| !had.contains(&s.id.0))
                .map(|s| (s.id.0, None)),
        );
        r.speakers = changes(&speakers, &after.speakers);
    }
    let mut field = |key: &str, before: Option<Value>, now: Option<Value>| {
        if before != now {
            r.project.insert(key.to_string(), (now, before));
        }
    };
    if let Some((memo, assignees, not_speakers)) = patch.lists_before() {
        field("memo", json(memo), json(&after.memo));
        field("assignees", json(assignees), json(&after.assignees));
        field(
            "not_speakers",
            json(not_speakers),
            json(&after.not_speakers),
        );
    }
    if let Some(views) = patch.views_before() {
        field("views", json(views), json(&after.views));
    }
    if let Some(settings) = &patch.settings {
        field("settings", json(settings), json(&after.settings));
    }
    r
}

/// A value as JSON (`None`: null).
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok().filter(|v| !v.is_null())
}

/// Each touched entity's change: `before` lists (id, index and value before; `None`: the
/// edit created it), `now` is the list after the edit.
fn changes<T: Entity>(before: &[(u64, Option<(usize, &T)>)], now: &[T]) -> Vec<Change<T>> {
    // A map of the whole list only when the edit touched many (one key in 100k claims must
    // not hash them all).
    let at: HashMap<u64, usize> = if before.len() * 64 < now.len() {
        let want: HashSet<u64> = before.iter().map(|(id, _)| *id).collect();
        (now.iter().enumerate())
            .filter(|(_, e)| want.contains(&e.raw()))
            .map(|(i, e)| (e.raw(), i))
            .collect()
    } else {
        now.iter().enumerate().map(|(i, e)| (e.raw(), i)).collect()
    };
    let removed: Vec<(usize, &T)> = before
        .iter()
        .filter(|(id, _)| !at.contains_key(id))
        .filter_map(|(_, b)| *b)
        .collect();
    let follows = if removed.is_empty() {
        HashMap::new()
    } else {
        order_before(before, now, &at, &removed)
    };
    let mut out = Vec::new();
    for (id, b) in before {
        let now = at.get(id).map(|&i| &now[i]);
        match (b, now) {
            (Some((_, b)), Some(now)) => {
                let (b, n) = (fields_of(*b), fields_of(now));
                let mut fields = Fields::new();
                for key in b.keys().chain(n.keys()) {
                    let (was, is) = (b.get(key).cloned(), n.get(key).cloned());
                    if was != is {
                        fields.insert(key.clone(), (is, was));
                    }
                }
                if !fields.is_empty() {
                    out.push(Change::Fields { id: *id, fields });
                }
            }
            (None, Some(now)) => out.push(Change::Added(now.clone())),
            (Some((_, b)), None) => {
                let (follows, precedes) = follows.get(id).copied().unwrap_or_default();
                out.push(Change::Removed {
                    entity: (*b).clone(),
                    follows,
                    precedes,
                })
            }
            (None, None) => {}
        }
    }
    // Removed entities in their old order, so that each one's predecessor is back first.
    let pos: HashMap<u64, usize> = removed.iter().map(|(i, e)| (e.raw(), *i)).collect();
    out.sort_by_key(|c| match c {
        Change::Removed { entity, .. } => (0, pos.get(&entity.raw()).copied().unwrap_or(0)),
        _ => (1, 0),
    });
    out
}

/// For each removed entity, the ids of the ones before and after it in the list as it was
/// before the edit (`None`: it was first, or last).
fn order_before<T: Entity>(
    before: &[(u64, Option<(usize, &T)>)],
    now: &[T],
    at: &HashMap<u64, usize>,
    removed: &[(usize, &T)],
) -> HashMap<u64, (Option<u64>, Option<u64>)> {
    let created: HashSet<u64> = before
        .iter()
        .filter(|(id, b)| b.is_none() && at.contains_key(id))
        .map(|(id, _)| *id)
        .collect();
    let mut kept = (now.iter().map(|e| e.raw()))
        .filter(|id| !created.contains(id))
        .peekable();
    let mut removed = removed.to_vec();
    removed.sort_by_key(|(i, _)| *i);
    // Merge: a removed entity goes back at its old index, the others keep their order.
    let mut ids = Vec::with_capacity(now.len() + removed.len());
    let mut back = removed.iter().peekable();
    loop {
        match back.peek() {
            Some((i, e)) if *i <= ids.len() || kept.peek().is_none() => {
                ids.push(e.raw());
                back.next();
            }
            _ => match kept.next() {
                Some(id) => ids.push(id),
                None => break,
            },
        }
    }
    let want: HashSet<u64> = removed.iter().map(|(_, e)| e.raw()).collect();
    (ids.iter().enumerate())
        .filter(|(_, id)| want.contains(id))
        .map(|(i, id)| {
            let before = i.checked_sub(1).map(|j| ids[j]);
            (*id, (before, ids.get(i + 1).copied()))
        })
        .collect()
}
