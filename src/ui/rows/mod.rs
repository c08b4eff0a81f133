//! What the claims table shows: the filtered, sorted list of claim indices, and the
//! per-article and per-speaker counts the side views show. Computed only when the project
//! (its history revision), the filter or the sort changes, never every frame.

use std::collections::HashMap;

use crate::model::{Article, ArticleId, ClaimId, Project, Speaker, SpeakerId, Status};

/// Claim counts by status, in [`Status::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts(pub [usize; Status::COUNT]);

impl StatusCounts {
    pub fn add(&mut self, status: Status) {
        self.0[status_index(status)] += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        self.0[status_index(status)]
    }

    /// Every claim counted, those marked Not a claim left out.
    pub fn total(&self) -> usize {
        Status::ALL
            .iter()
            .filter(|s| s.is_claim())
            .map(|s| self.get(*s))
            .sum()
    }

    /// "23 claims · 5 verified · 2 disputed · 16 unchecked" (statuses with no claim left
    /// out; Not a claim is no claim: "· 3 marked Not a claim" after them when shown).
    pub fn summary(&self) -> String {
        let total = self.total();
        let mut s = format!("{total} claim{}", if total == 1 { "" } else { "s" });
        for status in STATUS_SUMMARY_ORDER {
            let n = self.get(status);
            if n > 0 {
                s.push_str(&format!(" · {n} {}", status.key()));
            }
        }
        let rejected = self.get(Status::Rejected);
        if rejected > 0 {
            s.push_str(&format!(" · {rejected} marked Not a claim"));
        }
        s
    }
}

/// Checked verdicts first, the to-do pile last.
const STATUS_SUMMARY_ORDER: [Status; 6] = [
    Status::Verified,
    Status::Disputed,
    Status::False,
    Status::Misleading,
    Status::Unverifiable,
    Status::Unchecked,
];

pub fn status_index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(0)
}
mod sort;

pub use crate::model::filter::{AssigneeFilter, CheckedLevels, Filter, filtered, filtered_with};
pub use sort::{Sort, SortColumn, sort_rows};

/// A hasher for the project's ids (numbers): one multiply, not SipHash, because the
/// index is rebuilt after every edit of projects with 100k claims.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A map keyed by the project's ids.
pub type IdMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Facts about the project that every view needs, recomputed when the project changes.
#[derive(Default)]
pub struct ProjectIndex {
    pub revision: Option<u64>,
    pub claim_index: IdMap<ClaimId, usize>,
    /// The claims' ids in project order, as `claim_index` has them (an edit that changes
    /// no claim's place leaves it as it is).
    ids: Vec<ClaimId>,
    pub article_index: IdMap<ArticleId, usize>,
    pub speaker_index: IdMap<SpeakerId, usize>,
    pub by_article: IdMap<ArticleId, StatusCounts>,
    pub by_speaker: IdMap<SpeakerId, StatusCounts>,
    pub all: StatusCounts,
    /// The project's tags with how many claims carry each, by name.
    pub tags: Vec<(String, usize)>,
}

impl ProjectIndex {
    pub fn refresh(&mut self, project: &Project, revision: u64) -> bool {
        if self.revision == Some(revision) {
            return false;
        }
        self.revision = Some(revision);
        let same_places = self.ids.len() == project.claims.len()
            && project
                .claims
                .iter()
                .zip(&self.ids)
                .all(|(c, id)| c.id == *id);
        if !same_places {
            self.ids = project.claims.iter().map(|c| c.id).collect();
            self.claim_index = self
                .ids
                .iter()
                .enumerate()
                .map(|(i, id)| (*id, i))
                .collect();
        }
        self.article_index = project
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        self.speaker_index = project
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        self.by_article.clear();
        self.by_speaker.clear();
        self.all = StatusCounts::default();
        for c in &project.claims {
            self.by_article.entry(c.article).or_default().add(c.status);
            if let Some(s) = c.speaker {
                self.by_speaker.entry(s).or_default().add(c.status);
            }
            self.all.add(c.status);
        }
        self.tags = crate::model::tags::tag_counts(project);
        true
    }

    pub fn index_of(&self, id: ClaimId) -> Option<usize> {
        self.claim_index.get(&id).copied()
    }

    /// An article by id in O(1) (the project's own lookup is linear).
    pub fn article<'p>(&self, project: &'p Project, id: ArticleId) -> Option<&'p Article> {
        self.article_index
            .get(&id)
            .and_then(|&i| project.articles.get(i))
            .filter(|a| a.id == id)
    }

    pub fn speaker<'p>(&self, project: &'p Project, id: SpeakerId) -> Option<&'p Speaker> {
        self.speaker_index
            .get(&id)
            .and_then(|&i| project.speakers.get(i))
            .filter(|s| s.id == id)
    }
}

/// The generation of the levels a filter reads: none unless it filters on them.
fn checked_generation(filter: &Filter, checked: &CheckedLevels) -> u64 {
    if filter.checked.is_empty() {
        0
    } else {
        checked.generation
    }
}

/// The table's visible rows (indices into `project.claims`), cached.
#[derive(Default)]
pub struct Rows {
    /// Revision, filter, sort, and the "checked before" levels' generation when the
    /// filter reads them (0 otherwise: a matching job's report redoes no rows then).
    key: Option<(u64, Filter, Sort, u64)>,
    pub rows: Vec<usize>,
    /// Each claim's row (by index into `project.claims`), `u32::MAX` when not shown.
    positions: Vec<u32>,
    pub counts: StatusCounts,
    /// Whether any row shown has something in each column that can be empty: the
    /// table shrinks an empty one to its header.
    pub filled: Filled,
}

/// Columns that can be empty for every row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filled {
    pub role: bool,
    pub triage: bool,
    pub notes: bool,
    pub tags: bool,
}

impl Rows {
    /// Whether the rows are those of this project revision, filter, sort and levels.
    pub fn is_current(
        &self,
        revision: u64,
        filter: &Filter,
        sort: Sort,
        checked: &CheckedLevels,
    ) -> bool {
        let g = checked_generation(filter, checked);
        matches!(&self.key, Some((r, f, s, k)) if *r == revision && f == filter && *s == sort && *k == g)
    }

    /// Recompute if the project, filter or sort changed. Returns whether it did.
    pub fn refresh(
        &mut self,
        project: &Project,
        revision: u64,
        filter: &Filter,
        sort: Sort,
    ) -> bool {
        self.refresh_checked(project, revision, filter, sort, &CheckedLevels::default())
    }

    /// [`Rows::refresh`], with the claims' "checked before" levels (found by the matching
    /// jobs) for a filter that reads them.
    pub fn refresh_checked(
        &mut self,
        project: &Project,
        revision: u64,
        filter: &Filter,
        sort: Sort,
        checked: &CheckedLevels,
    ) -> bool {
        if self.is_current(revision, filter, sort, checked) {
            return false;
        }
        self.rows = filtered_with(project, filter, checked);
        sort_rows(project, &mut self.rows, sort);
        self.counts = StatusCounts::default();
        self.filled = Filled::default();
        let with_role: std::collections::HashSet<SpeakerId> = project
            .speakers
            .iter()
            .filter(|s| s.role.as_deref().is_some_and(|r| !r.trim().is_empty()))
            .map(|s| s.id)
            .collect();
        self.positions.clear();
        self.positions.resize(project.claims.len(), u32::MAX);
        for (row, &i) in self.rows.iter().enumerate() {
            let c = &project.claims[i];
            self.counts.add(c.status);
            let f = &mut self.filled;
            f.role |= c.speaker.is_some_and(|s| with_role.contains(&s));
            f.triage |= c.priority != crate::model::Priority::Normal
                || c.assignee.is_some()
                || c.in_progress
                || c.published.is_some();
            f.notes |= !c.notes.trim().is_empty() || !c.evidence.is_empty();
            f.tags |= !c.tags.is_empty();
            self.positions[i] = u32::try_from(row).unwrap_or(u32::MAX);
        }
        self.key = Some((
            revision,
            filter.clone(),
            sort,
            checked_generation(filter, checked),
        ));
        true
    }

    /// Forget the cache (a different project was loaded).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// The row showing the claim at `claim_index` of the project, in O(1).
    pub fn position_of(&self, claim_index: usize) -> Option<usize> {
        self.positions
            .get(claim_index)
            .filter(|&&p| p != u32::MAX)
            .map(|&p| p as usize)
            .filter(|&p| self.rows.get(p) == Some(&claim_index))
    }
}

#[cfg(test)]
mod tests {
    use super::sort::sort_by_text;
    use super::*;
    use crate::model::filter::contains_folded;
    use crate::model::{Article, ArticleMeta, Claim, ClaimKind, ClaimOrigin, Speaker};

    fn project() -> Project {
        let mut p = Project::new("t");
        p.articles.push(Article {
            id: ArticleId(1),
            title: "A".into(),
            text: "x".repeat(100),
            source_path: None,
            sha256: None,
            imported_at: None,
            meta: ArticleMeta::default(),
            memo: String::new(),
        });
        for (id, name) in [(2, "Zed"), (3, "Amy")] {
            p.speakers.push(Speaker {
                id: SpeakerId(id),
                name: name.into(),
                role: None,
                aliases: vec![],
                is_body: false,
                unresolved: false,
                removed_aliases: Vec::new(),
                hand_merged: Vec::new(),
            });
        }
        for (i, (content, speaker, status)) in [
            ("beta", 2, Status::Verified),
            ("alpha", 3, Status::Unchecked),
            ("Gamma rays", 2, Status::False),
        ]
        .into_iter()
        .enumerate()
        {
            p.claims.push(Claim {
                id: ClaimId(10 + i as u64),
                number: 1 + i as u64,
                article: ArticleId(1),
                content: content.into(),
                start: i,
                end: i + 1,
                kind: ClaimKind::Direct,
                cue: "said".into(),
                mention: None,
                mention_span: None,
                speaker: Some(SpeakerId(speaker)),
                antecedent: None,
                status,
                notes: String::new(),
                evidence: vec![],
                history: vec![],
                origin: ClaimOrigin::Extracted,
                rationale: String::new(),
                assignee: None,
                priority: Default::default(),
                in_progress: false,
                published: None,
                tags: vec![],
                worth: None,
                claim_type: None,
                match_verdicts: Vec::new(),
            });
        }
        p
    }

    #[test]
    fn filters_sorts_and_counts() {
        let p = project();
        let mut rows = Rows::default();
        let mut f = Filter::default();
        let sort = Sort {
            column: SortColumn::Speaker,
            ascending: true,
        };
        assert!(rows.refresh(&p, 1, &f, sort));
        assert_eq!(rows.rows, vec![1, 0, 2]);
        assert!(!rows.refresh(&p, 1, &f, sort), "cached");
        f.search = "GAMMA".into();
        rows.refresh(&p, 1, &f, sort);
        assert_eq!(rows.rows, vec![2]);
        f.search = "amy".into();
        rows.refresh(&p, 1, &f, sort);
        assert_eq!(rows.rows, vec![1], "search matches speaker names");
        f.search.clear();
        f.statuses = vec![Status::Verified];
        rows.refresh(&p, 1, &f, Sort::default());
        assert_eq!(rows.rows, vec![0]);
        assert_eq!(rows.counts.summary(), "1 claim · 1 verified");
        f.statuses.clear();
        f.search = "#3".into();
        rows.refresh(&p, 1, &f, Sort::default());
        assert_eq!(rows.rows, vec![2], "#3 finds claim number 3");
        f.search = "# 3x".into();
        rows.refresh(&p, 1, &f, Sort::default());
        assert!(rows.rows.is_empty(), "not a number: searched as text");
    }

    #[test]
    fn summary_lists_nonzero_statuses() {
        let mut c = StatusCounts::default();
        c.add(Status::Verified);
        c.add(Status::Unchecked);
        c.add(Status::Unchecked);
        assert_eq!(c.summary(), "3 claims · 1 verified · 2 unchecked");
    }

    #[test]
    fn folded_search_edge_cases() {
        assert!(contains_folded("Kirby said", "kirby"));
        assert!(contains_folded("said KIRBY", "kirby"));
        assert!(!contains_folded("Kir", "kirby"));
        assert!(contains_folded("", ""));
        assert!(contains_folded("Gaza Strip", "a s"));
        assert!(contains_folded("Ministère", "ministère"));
        assert!(!contains_folded("ab", "b c"));
    }

    #[test]
    fn text_sort_matches_plain_string_order() {
        let texts = [
            "“b",
            "“a",
            "“ab",
            "“",
            "z",
            "“a",
            "the talks #10",
            "the talks #9",
            "",
            "é",
        ];
        let mut rows: Vec<usize> = (0..texts.len()).collect();
        sort_by_text(&mut rows, |i| texts[i]);
        let mut expected: Vec<usize> = (0..texts.len()).collect();
        expected.sort_by(|&a, &b| texts[a].cmp(texts[b]).then(a.cmp(&b)));
        assert_eq!(rows, expected);
        let shared = ["“x2", "“x10", "“x1"];
        let mut rows = vec![0, 1, 2];
        sort_by_text(&mut rows, |i| shared[i]);
        assert_eq!(rows, vec![2, 1, 0]);
    }
}
