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

/// The words of a claim, as compared.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let shared = a.intersection(b).count();
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
    let claims: Vec<(ClaimId, ArticleId, BTreeSet<String>)> = claims
        .into_iter()
        .map(|(id, article, content)| (id, article, words(content)))
        .filter(|(_, _, w)| w.len() >= 3)
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, _, w)) in claims.iter().enumerate() {
        for word in w {
            postings.entry(word.as_str()).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    for (i, (_, article, w)) in claims.iter().enumerate() {
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for word in w {
            let Some(list) = postings.get(word.as_str()) else {
                continue;
            };
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
