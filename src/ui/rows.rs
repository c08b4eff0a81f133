//! What the claims table shows: the filtered, sorted list of claim indices, and the
//! per-article and per-speaker counts the side views show. Computed only when the project
//! (its history revision), the filter or the sort changes, never every frame.

use std::collections::HashMap;

use crate::model::{Article, ArticleId, ClaimId, ClaimKind, Project, Speaker, SpeakerId, Status};

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

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// "23 claims · 5 verified · 2 disputed · 16 unchecked" (statuses with no claim left out).
    pub fn summary(&self) -> String {
        let total = self.total();
        let mut s = format!("{total} claim{}", if total == 1 { "" } else { "s" });
        for status in STATUS_SUMMARY_ORDER {
            let n = self.get(status);
            if n > 0 {
                s.push_str(&format!(" · {n} {}", status.key()));
            }
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
    Marks,
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

/// Which claims the table shows. Empty search and `None`s mean "all".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub status: Option<Status>,
    pub speaker: Option<SpeakerId>,
    pub article: Option<ArticleId>,
    pub kind: Option<ClaimKind>,
    /// Case-insensitive text found in the claim, its speaker, mention, role or notes;
    /// "#17" finds claim number 17.
    pub search: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.status.is_some()
            || self.speaker.is_some()
            || self.article.is_some()
            || self.kind.is_some()
            || !self.search.trim().is_empty()
    }
}

/// Facts about the project that every view needs, recomputed when the project changes.
#[derive(Default)]
pub struct ProjectIndex {
    pub revision: Option<u64>,
    pub claim_index: HashMap<ClaimId, usize>,
    pub article_index: HashMap<ArticleId, usize>,
    pub speaker_index: HashMap<SpeakerId, usize>,
    pub by_article: HashMap<ArticleId, StatusCounts>,
    pub by_speaker: HashMap<SpeakerId, StatusCounts>,
    pub all: StatusCounts,
}

impl ProjectIndex {
    pub fn refresh(&mut self, project: &Project, revision: u64) -> bool {
        if self.revision == Some(revision) {
            return false;
        }
        self.revision = Some(revision);
        self.claim_index.clear();
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
        for (i, c) in project.claims.iter().enumerate() {
            self.claim_index.insert(c.id, i);
            self.by_article.entry(c.article).or_default().add(c.status);
            if let Some(s) = c.speaker {
                self.by_speaker.entry(s).or_default().add(c.status);
            }
            self.all.add(c.status);
        }
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

/// The table's visible rows (indices into `project.claims`), cached.
#[derive(Default)]
pub struct Rows {
    key: Option<(u64, Filter, Sort)>,
    pub rows: Vec<usize>,
    pub counts: StatusCounts,
}

impl Rows {
    /// Whether the rows are those of this project revision, filter and sort.
    pub fn is_current(&self, revision: u64, filter: &Filter, sort: Sort) -> bool {
        matches!(&self.key, Some((r, f, s)) if *r == revision && f == filter && *s == sort)
    }

    /// Recompute if the project, filter or sort changed. Returns whether it did.
    pub fn refresh(
        &mut self,
        project: &Project,
        revision: u64,
        filter: &Filter,
        sort: Sort,
    ) -> bool {
        if self.is_current(revision, filter, sort) {
            return false;
        }
        self.rows = filtered(project, filter);
        sort_rows(project, &mut self.rows, sort);
        self.counts = StatusCounts::default();
        for &i in &self.rows {
            self.counts.add(project.claims[i].status);
        }
        self.key = Some((revision, filter.clone(), sort));
        true
    }

    /// Forget the cache (a different project was loaded).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    pub fn position_of(&self, claim_index: usize) -> Option<usize> {
        self.rows.iter().position(|&i| i == claim_index)
    }
}

/// Case-insensitive substring test without allocating for ASCII needles: scan for the
/// needle's first byte (either case), then compare the rest.
fn contains_folded(haystack: &str, needle_lower: &str) -> bool {
    if needle_lower.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
        let Some((&first, rest)) = n.split_first() else {
            return true;
        };
        if h.len() < n.len() {
            return false;
        }
        let upper = first.to_ascii_uppercase();
        (0..=h.len() - n.len()).any(|i| {
            (h[i] == first || h[i] == upper) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest)
        })
    } else {
        haystack.to_lowercase().contains(needle_lower)
    }
}

/// The claim number a search asks for: "#17" (spaces allowed after the #).
fn number_search(search: &str) -> Option<u64> {
    search.trim().strip_prefix('#')?.trim().parse().ok()
}

pub fn filtered(project: &Project, filter: &Filter) -> Vec<usize> {
    let number = number_search(&filter.search);
    let needle = if number.is_some() {
        String::new()
    } else {
        filter.search.trim().to_lowercase()
    };
    // Speakers whose name, alias or role matches the search match all their claims.
    let speaker_hits: Vec<SpeakerId> = if needle.is_empty() {
        Vec::new()
    } else {
        project
            .speakers
            .iter()
            .filter(|s| {
                contains_folded(&s.name, &needle)
                    || s.role
                        .as_deref()
                        .is_some_and(|r| contains_folded(r, &needle))
                    || s.aliases.iter().any(|a| contains_folded(a, &needle))
            })
            .map(|s| s.id)
            .collect()
    };
    project
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            filter.status.is_none_or(|s| c.status == s)
                && filter.speaker.is_none_or(|s| c.speaker == Some(s))
                && filter.article.is_none_or(|a| c.article == a)
                && filter.kind.is_none_or(|k| c.kind == k)
                && number.is_none_or(|n| c.number == n)
                && (needle.is_empty()
                    || contains_folded(&c.content, &needle)
                    || c.speaker.is_some_and(|s| speaker_hits.contains(&s))
                    || c.mention
                        .as_deref()
                        .is_some_and(|m| contains_folded(m, &needle))
                    || contains_folded(&c.notes, &needle))
        })
        .map(|(i, _)| i)
        .collect()
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
fn sort_by_text<'a>(rows: &mut [usize], text: impl Fn(usize) -> &'a str) {
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
        SortColumn::Marks => sort_by_rank(rows, |i| {
            let marks = claims[i].evidence.len() + usize::from(!claims[i].notes.is_empty());
            u32::MAX - marks.min(u32::MAX as usize) as u32
        }),
    }
    if !sort.ascending {
        rows.reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleMeta, Claim, ClaimOrigin, Speaker};

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
                status,
                notes: String::new(),
                evidence: vec![],
                history: vec![],
                origin: ClaimOrigin::Extracted,
                rationale: String::new(),
                assignee: None,
                priority: Default::default(),
                in_progress: false,
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
        f.status = Some(Status::Verified);
        rows.refresh(&p, 1, &f, Sort::default());
        assert_eq!(rows.rows, vec![0]);
        assert_eq!(rows.counts.summary(), "1 claim · 1 verified");
        f.status = None;
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
