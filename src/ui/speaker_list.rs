//! What the Speakers tab shows: the search and sort the analyst chose, the speakers that
//! match (cached, computed only when the project, the search or the sort changes), which
//! speakers are selected, and what is typed in the speaker's page before it is an edit.

use std::collections::BTreeSet;

use super::rows::ProjectIndex;
use crate::model::{Project, SpeakerId, Status};

/// What the speakers are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeakerSort {
    #[default]
    Name,
    /// How many claims they made.
    Claims,
    /// How many of their claims have this status.
    Status(Status),
}

impl SpeakerSort {
    /// Every sort, in the order the Sort menu lists them.
    pub fn all() -> Vec<SpeakerSort> {
        let mut all = vec![SpeakerSort::Name, SpeakerSort::Claims];
        all.extend(Status::ALL.into_iter().map(SpeakerSort::Status));
        all
    }

    pub fn label(self) -> String {
        match self {
            SpeakerSort::Name => "Name".into(),
            SpeakerSort::Claims => "Claims".into(),
            SpeakerSort::Status(s) => format!("{} claims", s.label()),
        }
    }
}

/// The search and sort of the speakers list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerQuery {
    /// Case-insensitive text in the name, an alias or the role.
    pub search: String,
    pub sort: SpeakerSort,
    /// Against the sort's own order (names A to Z, counts most first).
    pub reversed: bool,
}

impl Default for SpeakerQuery {
    fn default() -> Self {
        SpeakerQuery {
            search: String::new(),
            sort: SpeakerSort::Name,
            reversed: false,
        }
    }
}

/// The speakers shown, as indices into `project.speakers`, cached.
#[derive(Default)]
pub struct SpeakerRows {
    key: Option<(u64, SpeakerQuery)>,
    pub rows: Vec<usize>,
}

impl SpeakerRows {
    /// Recompute if the project, the search or the sort changed. Returns whether it did.
    pub fn refresh(
        &mut self,
        project: &Project,
        index: &ProjectIndex,
        revision: u64,
        query: &SpeakerQuery,
    ) -> bool {
        if matches!(&self.key, Some((r, q)) if *r == revision && q == query) {
            return false;
        }
        self.rows = matching(project, &query.search);
        sort(project, index, &mut self.rows, query);
        self.key = Some((revision, query.clone()));
        true
    }

    /// The ids shown, in list order.
    pub fn ids(&self, project: &Project) -> Vec<SpeakerId> {
        self.rows
            .iter()
            .filter_map(|&i| project.speakers.get(i).map(|s| s.id))
            .collect()
    }
}

fn matching(project: &Project, search: &str) -> Vec<usize> {
    let needle = search.trim().to_lowercase();
    project
        .speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            needle.is_empty()
                || s.name.to_lowercase().contains(&needle)
                || s.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                || s.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Sort by the chosen key; ties by name, then project order, so the list never jumps.
fn sort(project: &Project, index: &ProjectIndex, rows: &mut [usize], query: &SpeakerQuery) {
    let count = |i: usize| -> usize {
        let Some(s) = project.speakers.get(i) else {
            return 0;
        };
        let counts = index.by_speaker.get(&s.id).copied().unwrap_or_default();
        match query.sort {
            SpeakerSort::Name => 0,
            SpeakerSort::Claims => counts.total(),
            SpeakerSort::Status(status) => counts.get(status),
        }
    };
    let name = |i: usize| {
        project
            .speakers
            .get(i)
            .map(|s| s.name.to_lowercase())
            .unwrap_or_default()
    };
    let mut keyed: Vec<(usize, String, usize)> =
        rows.iter().map(|&i| (count(i), name(i), i)).collect();
    keyed.sort_by(|a, b| {
        // Names A to Z, counts most first; reversed turns the primary key only.
        let primary = if query.sort == SpeakerSort::Name {
            a.1.cmp(&b.1)
        } else {
            b.0.cmp(&a.0)
        };
        let primary = if query.reversed {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    for (slot, (_, _, i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// Selected speakers; `cursor` is the one whose page is shown, `anchor` where Shift starts.
#[derive(Debug, Clone, Default)]
pub struct SpeakerSelection {
    pub ids: BTreeSet<SpeakerId>,
    pub cursor: Option<SpeakerId>,
    anchor: Option<SpeakerId>,
}

impl SpeakerSelection {
    /// Only this speaker (a plain click).
    pub fn only(&mut self, id: SpeakerId) {
        self.ids = BTreeSet::from([id]);
        self.cursor = Some(id);
        self.anchor = Some(id);
    }

    /// Add or remove it (Ctrl-click).
    pub fn toggle(&mut self, id: SpeakerId) {
        if self.ids.remove(&id) {
            if self.cursor == Some(id) {
                self.cursor = self.ids.iter().next().copied();
            }
        } else {
            self.ids.insert(id);
            self.cursor = Some(id);
        }
        self.anchor = Some(id);
    }

    /// From the anchor to it, in `ordered` (the list as shown; Shift-click).
    pub fn extend(&mut self, id: SpeakerId, ordered: &[SpeakerId]) {
        let from = self
            .anchor
            .and_then(|a| ordered.iter().position(|s| *s == a));
        let to = ordered.iter().position(|s| *s == id);
        match (from, to) {
            (Some(a), Some(b)) => {
                self.ids = ordered[a.min(b)..=a.max(b)].iter().copied().collect();
                self.cursor = Some(id);
            }
            _ => self.only(id),
        }
    }

    pub fn contains(&self, id: SpeakerId) -> bool {
        self.ids.contains(&id)
    }

    /// Drop speakers that no longer exist (merged away, undone).
    pub fn retain_existing(&mut self, project: &Project) {
        self.ids.retain(|id| project.speaker(*id).is_some());
        if self.cursor.is_some_and(|c| project.speaker(c).is_none()) {
            self.cursor = self.ids.iter().next().copied();
        }
        if self.anchor.is_some_and(|a| project.speaker(a).is_none()) {
            self.anchor = self.cursor;
        }
    }
}

/// The Speakers tab's state beside the project.
#[derive(Default)]
pub struct SpeakerView {
    pub query: SpeakerQuery,
    pub rows: SpeakerRows,
    pub selection: SpeakerSelection,
    /// The name typed in the page (Rename makes it an edit).
    pub name_edit: String,
    /// The speaker `name_edit` was loaded from.
    pub name_for: Option<SpeakerId>,
    /// The speaker picked in "Merge into".
    pub merge_into: Option<SpeakerId>,
    /// The aliases ticked to split off, and the new speaker's name.
    pub split_chosen: std::collections::BTreeSet<String>,
    pub split_name: String,
    /// Bring the cursor's row into view (it was moved by a key).
    pub scroll: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Speaker, SpeakerId};

    fn project() -> Project {
        let mut p = Project::new("t");
        for (id, name, role) in [
            (1, "Zoe Adams", Some("Mayor")),
            (2, "bob Brown", None),
            (3, "Ann Clark", Some("Police spokesperson")),
        ] {
            p.speakers.push(Speaker {
                id: SpeakerId(id),
                name: name.into(),
                role: role.map(Into::into),
                aliases: if id == 2 {
                    vec!["the minister".into()]
                } else {
                    vec![]
                },
                is_body: false,
                unresolved: false,
                removed_aliases: Vec::new(),
                hand_merged: Vec::new(),
            });
        }
        p
    }

    fn index(counts: &[(u64, &[Status])]) -> ProjectIndex {
        let mut index = ProjectIndex::default();
        for (id, statuses) in counts {
            let c = index.by_speaker.entry(SpeakerId(*id)).or_default();
            for s in *statuses {
                c.add(*s);
            }
        }
        index
    }

    fn names(p: &Project, rows: &SpeakerRows) -> Vec<String> {
        rows.rows
            .iter()
            .map(|&i| p.speakers[i].name.clone())
            .collect()
    }

    #[test]
    fn search_matches_name_alias_and_role_and_sorts_by_counts() {
        let p = project();
        let idx = index(&[
            (1, &[Status::Verified]),
            (2, &[Status::False, Status::False, Status::Verified]),
            (3, &[Status::Verified, Status::Verified]),
        ]);
        let mut rows = SpeakerRows::default();
        let mut q = SpeakerQuery::default();
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(names(&p, &rows), ["Ann Clark", "bob Brown", "Zoe Adams"]);
        assert!(!rows.refresh(&p, &idx, 1, &q), "cached");
        q.search = "MINISTER".into();
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(names(&p, &rows), ["bob Brown"]);
        q.search = "spokes".into();
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(names(&p, &rows), ["Ann Clark"]);
        q.search.clear();
        q.sort = SpeakerSort::Claims;
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(names(&p, &rows), ["bob Brown", "Ann Clark", "Zoe Adams"]);
        q.sort = SpeakerSort::Status(Status::Verified);
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(
            names(&p, &rows),
            ["Ann Clark", "bob Brown", "Zoe Adams"],
            "ties by name"
        );
        q.reversed = true;
        rows.refresh(&p, &idx, 1, &q);
        assert_eq!(names(&p, &rows), ["bob Brown", "Zoe Adams", "Ann Clark"]);
    }

    #[test]
    fn selection_picks_toggles_and_extends_in_list_order() {
        let order = [SpeakerId(3), SpeakerId(1), SpeakerId(2)];
        let mut s = SpeakerSelection::default();
        s.only(SpeakerId(3));
        s.extend(SpeakerId(2), &order);
        assert_eq!(s.ids.len(), 3);
        s.toggle(SpeakerId(1));
        assert!(!s.contains(SpeakerId(1)));
        assert_eq!(s.cursor, Some(SpeakerId(2)));
        let mut p = project();
        p.speakers.retain(|sp| sp.id != SpeakerId(2));
        s.retain_existing(&p);
        assert_eq!(s.cursor, Some(SpeakerId(3)));
    }
}
