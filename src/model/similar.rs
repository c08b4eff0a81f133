//! The same claim in several articles: groups of near-identical claims ("also in 3
//! articles"), so that the window can show them together and tag them in one edit.
//!
//! Two claims are near-identical when the sets of their words (lowercased, letters and
//! digits only, words of one or two letters left out) overlap by at least
//! [`NEAR_IDENTICAL`] (Jaccard), ignoring case, punctuation and quotation marks. Only
//! claims of different articles are grouped; the grouping is transitive (if A matches B
//! and B matches C, all three are one group). Linear in practice: candidate pairs come
//! from an inverted index over each claim's words, and words that occur in more than
//! [`COMMON_WORD`] claims are not used to find candidates (they are still counted in the
//! overlap).

use std::collections::{BTreeSet, HashMap};

use super::{ArticleId, ClaimId, Project};

/// Smallest word overlap (Jaccard) of two near-identical claims.
pub const NEAR_IDENTICAL: f32 = 0.8;
/// A word in more claims than this does not propose candidates.
const COMMON_WORD: usize = 200;

/// The words of a claim, as compared: each distinct word (lowercased) numbered once in
/// `vocabulary`, a claim's words a sorted list of those numbers. 20,000 claims' words cost
/// about 1 MB so, where a set of strings per claim cost 17 MB.
fn words(text: &str, vocabulary: &mut HashMap<String, u32>) -> Vec<u32> {
    let mut out: Vec<u32> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(|w| {
            let w = w.to_lowercase();
            let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
            *vocabulary.entry(w).or_insert(next)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out.shrink_to_fit();
    out
}

/// Overlap of two sorted, repeat-free word lists.
fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups of two or more near-identical claims from different articles, each in project
/// order, the groups in the order of their first claim.
pub fn near_identical_claims(project: &Project) -> Vec<Vec<ClaimId>> {
    near_identical(
        project
            .claims
            .iter()
            .map(|c| (c.id, c.article, c.content.as_str())),
    )
}

/// [`near_identical_claims`] over (claim, article, words) in project order: what the
/// window hands to a background job instead of the whole project.
pub fn near_identical<'a>(
    claims: impl IntoIterator<Item = (ClaimId, ArticleId, &'a str)>,
) -> Vec<Vec<ClaimId>> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let claims: Vec<(ClaimId, ArticleId, Vec<u32>)> = claims
        .into_iter()
        .map(|(id, article, content)| (id, article, words(content, &mut vocabulary)))
        .filter(|(_, _, w)| w.len() >= 3)
        .collect();
    // Claims of one article are never grouped: nothing to compare.
    if claims.windows(2).all(|pair| pair[0].1 == pair[1].1) {
        return Vec::new();
    }
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocabulary.len()];
    drop(vocabulary);
    for (i, (_, _, w)) in claims.iter().enumerate() {
        for &word in w {
            postings[word as usize].push(i);
        }
    }
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    for (i, (_, article, w)) in claims.iter().enumerate() {
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for &word in w {
            let list = &postings[word as usize];
            if list.len() > COMMON_WORD {
                continue;
            }
            for &j in list.iter().filter(|&&j| j > i) {
                if claims[j].1 != *article && seen.insert(j) {
                    // Sizes alone can rule a pair out.
                    let (a, b) = (w.len() as f32, claims[j].2.len() as f32);
                    if a.min(b) / a.max(b) < NEAR_IDENTICAL {
                        continue;
                    }
                    if jaccard(w, &claims[j].2) >= NEAR_IDENTICAL {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        parent[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
    }
    let mut groups: Vec<Vec<ClaimId>> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, (id, _, _)) in claims.iter().enumerate() {
        let root = find(&mut parent, i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(*id);
    }
    groups.retain(|g| g.len() >= 2);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, ClaimOrigin, Status};

    fn claim(id: u64, article: u64, content: &str) -> Claim {
        Claim {
            id: ClaimId(id),
            number: id,
            article: ArticleId(article),
            content: content.into(),
            start: 0,
            end: content.len(),
            kind: ClaimKind::Direct,
            cue: "said".into(),
            mention: None,
            mention_span: None,
            speaker: None,
            antecedent: None,
            status: Status::Unchecked,
            notes: String::new(),
            evidence: Vec::new(),
            history: Vec::new(),
            origin: ClaimOrigin::Extracted,
            rationale: String::new(),
            assignee: None,
            priority: Default::default(),
            in_progress: false,
            published: None,
            tags: Vec::new(),
            worth: None,
            claim_type: None,
            match_verdicts: Vec::new(),
        }
    }

    #[test]
    fn the_same_claim_in_three_articles_is_one_group() {
        let mut p = Project::new("t");
        p.claims = vec![
            claim(
                1,
                10,
                "Unemployment fell to 3.5 percent last month, the lowest in decades.",
            ),
            claim(2, 10, "The bridge will reopen in March after repairs."),
            claim(
                3,
                11,
                "“Unemployment fell to 3.5 percent last month — the lowest in decades”",
            ),
            claim(
                4,
                12,
                "unemployment FELL to 3.5 percent last month, the lowest in decades",
            ),
            claim(
                5,
                12,
                "The bridge will never reopen, whatever they say about repairs.",
            ),
            // Same article as claim 2: never grouped with it.
            claim(6, 10, "The bridge will reopen in March after repairs."),
        ];
        let groups = near_identical_claims(&p);
        assert_eq!(groups, vec![vec![ClaimId(1), ClaimId(3), ClaimId(4)]]);
    }

    #[test]
    fn different_claims_and_short_ones_stay_apart() {
        let mut p = Project::new("t");
        p.claims = vec![
            claim(1, 1, "Prices rose by ten percent in the capital this year."),
            claim(2, 2, "Prices fell by ten percent in the north last year."),
            claim(3, 1, "Yes."),
            claim(4, 2, "Yes."),
        ];
        assert!(near_identical_claims(&p).is_empty());
    }
}
