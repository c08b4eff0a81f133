//! The table's order: by any column, ties in project order.

use std::collections::HashMap;

use super::status_index;
use crate::model::{ClaimKind, Priority, Project};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// The claims' numbers (#): the order they were found or added in.
    #[default]
    Number,
    Speaker,
    Role,
    Claim,
    Cue,
    Kind,
    Article,
    Status,
    /// Priority (high first), then in progress first.
    Triage,
    Marks,
    /// The claim's tags, as text (claims without tags last).
    Tags,
    /// Check-worthiness, most worth checking first.
    Worth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: SortColumn,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: SortColumn::Number,
            ascending: true,
        }
    }
}

/// Ranks of a name list, so that sorting compares integers, not strings, per pair.
fn ranks<K: Copy + Eq + std::hash::Hash>(mut names: Vec<(K, String)>) -> HashMap<K, u32> {
    names.sort_by_cached_key(|(_, name)| name.to_lowercase());
    names
        .into_iter()
        .enumerate()
        .map(|(i, (k, _))| (k, i as u32))
        .collect()
}

/// Sort by an integer key computed once per row; ties keep project order.
fn sort_by_rank(rows: &mut [usize], key: impl Fn(usize) -> u32) {
    let mut keyed: Vec<(u32, usize)> = rows.iter().map(|&i| (key(i), i)).collect();
    keyed.sort_unstable();
    for (slot, (_, i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// Sort by text: a compact (8-byte key, text, index) list is sorted instead of chasing each
/// claim per comparison. The key is taken after the prefix all texts share (claims often all
/// start with a quotation mark or the same words), so most comparisons end at the integer.
pub(super) fn sort_by_text<'a>(rows: &mut [usize], text: impl Fn(usize) -> &'a str) {
    let mut common: Option<&[u8]> = None;
    for &i in rows.iter() {
        let t = text(i).as_bytes();
        common = Some(match common {
            None => t,
            Some(c) => {
                let n = c.iter().zip(t).take_while(|(a, b)| a == b).count();
                &c[..n]
            }
        });
        if common.is_some_and(<[u8]>::is_empty) {
            break;
        }
    }
    let skip = common.map_or(0, <[u8]>::len);
    let mut keyed: Vec<(u64, &str, usize)> = rows
        .iter()
        .map(|&i| {
            let t = text(i);
            let rest = t.as_bytes().get(skip..).unwrap_or_default();
            let mut key = [0u8; 8];
            let n = rest.len().min(8);
            key[..n].copy_from_slice(&rest[..n]);
            (u64::from_be_bytes(key), t, i)
        })
        .collect();
    keyed.sort_unstable();
    for (slot, (_, _, i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}

pub fn sort_rows(project: &Project, rows: &mut [usize], sort: Sort) {
    let claims = &project.claims;
    match sort.column {
        SortColumn::Number => rows.sort_by_key(|&i| (claims[i].number, i)),
        SortColumn::Speaker | SortColumn::Role => {
            let by_role = sort.column == SortColumn::Role;
            let rank = ranks(
                project
                    .speakers
                    .iter()
                    .map(|s| {
                        let key = if by_role {
                            s.role.clone().unwrap_or_default()
                        } else {
                            s.name.clone()
                        };
                        (s.id, key)
                    })
                    .collect(),
            );
            // Claims without a speaker (or role) go last.
            sort_by_rank(rows, |i| {
                claims[i]
                    .speaker
                    .and_then(|s| rank.get(&s).copied())
                    .unwrap_or(u32::MAX)
            });
        }
        SortColumn::Article => {
            let rank = ranks(
                project
                    .articles
                    .iter()
                    .map(|a| (a.id, a.title.clone()))
                    .collect(),
            );
            sort_by_rank(rows, |i| {
                rank.get(&claims[i].article).copied().unwrap_or(u32::MAX)
            });
        }
        SortColumn::Claim => sort_by_text(rows, |i| claims[i].content.as_str()),
        SortColumn::Cue => sort_by_text(rows, |i| claims[i].cue.as_str()),
        SortColumn::Kind => sort_by_rank(rows, |i| {
            ClaimKind::ALL
                .iter()
                .position(|k| *k == claims[i].kind)
                .unwrap_or(0) as u32
        }),
        SortColumn::Status => sort_by_rank(rows, |i| status_index(claims[i].status) as u32),
        SortColumn::Triage => sort_by_rank(rows, |i| {
            let c = &claims[i];
            let p = Priority::ALL
                .iter()
                .position(|p| *p == c.priority)
                .unwrap_or(1);
            p as u32 * 2 + u32::from(!c.in_progress)
        }),
        SortColumn::Tags => {
            let joined: Vec<String> = claims.iter().map(|c| c.tags.join(", ")).collect();
            sort_by_text(rows, |i| joined[i].as_str());
            // Untagged claims after the tagged ones.
            rows.sort_by_key(|&i| claims[i].tags.is_empty());
        }
        SortColumn::Worth => sort_by_rank(rows, |i| {
            let (score, _) = claims[i].worthiness();
            u32::MAX - u32::from(score.thousandths())
        }),
        SortColumn::Marks => sort_by_rank(rows, |i| {
            let marks = claims[i].evidence.len() + usize::from(!claims[i].notes.is_empty());
            u32::MAX - marks.min(u32::MAX as usize) as u32
        }),
    }
    if !sort.ascending {
        rows.reverse();
    }
}
