//! Is it the same claim? The pair scorer: what a claim asserts ([`Claim`]: its names, its
//! predicate, its numbers and dates, its negation, its kind, whether it asserts anything at
//! all) against one earlier fact-check, as features beyond shared words ([`features`]),
//! and those features calibrated into a probability that the fact-check examines the same
//! assertion ([`probability`], coefficients in `calibration.rs`, fitted offline on half of
//! a labelled set of news pairs: docs/library.md, "Is it the same claim?").
//!
//! The first stage of the library (`index.rs`) finds candidates by shared words; this
//! module decides what the window and `claimdesk library check` may call a match.

use std::collections::{HashMap, HashSet};

use crate::extract::ClaimKind;
use crate::extract::syntax::{self, NpKind, VerbForm};

use super::Review;
use super::calibration;
use super::lemma::canonical;
use super::normalise::{is_stop_word, stem, terms};
use super::quote::quote_found;
use super::runs::{common_runs, phrase_words, words};

/// A match at this probability or more is strong ("checked before").
pub const STRONG: f32 = 0.8;
/// A match at this probability or more is possible; under it, not shown.
pub const POSSIBLE: f32 = 0.4;

/// How sure a match is: the filter's "checked before" level (`strong`, `possible`,
/// `none`, as the JSON of `library search` and `library check` writes it).
pub type Level = crate::model::CheckedLevel;

impl Level {
    pub fn of(probability: f32) -> Level {
        if probability >= STRONG {
            Level::Strong
        } else if probability >= POSSIBLE {
            Level::Possible
        } else {
            Level::None
        }
    }
}

/// Words that turn an assertion into its opposite.
const NEGATIONS: &[&str] = &[
    "cannot", "didn't", "doesn't", "don't", "isn't", "n't", "never", "no", "nobody", "none", "nor",
    "not", "nothing", "wasn't", "weren't", "without", "won't",
];

/// Verbs that say nothing about the subject by themselves.
const LIGHT_VERBS: &[&str] = &[
    "am", "are", "be", "been", "being", "did", "do", "does", "get", "got", "had", "has", "have",
    "is", "said", "say", "says", "tell", "told", "was", "were",
];

/// Personal pronouns that need the article to know who they are.
const OPEN_PRONOUNS: &[&str] = &["he", "her", "him", "it", "she", "their", "them", "they"];

/// The open pronouns that are a clause's subject.
const SUBJECT_PRONOUNS: &[&str] = &["he", "it", "she", "they"];

/// What one claim asserts, worked out once per claim.
#[derive(Debug, Clone, Default)]
pub struct Claim {
    /// Its search terms (stemmed, no stop words).
    pub terms: Vec<String>,
    /// Names in it (terms of proper nouns).
    pub names: HashSet<String>,
    /// The main verbs of what it says (terms), light verbs left out.
    pub verbs: HashSet<String>,
    /// Numbers and years as written, normalised ("2,000" → "2000").
    pub numbers: HashSet<String>,
    pub negated: bool,
    pub kind: Option<ClaimKind>,
    /// Each term as first written in the claim ("monitor" → "monitoring"), to show why a
    /// match matched in the claim's own words.
    pub written: HashMap<String, String>,
    /// It asserts something: a finite verb, and a subject that is not an unresolved
    /// pronoun. A fragment ("Black Lives Matter", "to endorse Trump") is not searched.
    pub asserts: bool,
    /// The claim's words, lowercased, at most `runs::PHRASE_SCAN` (for [`shared_phrase`]).
    pub phrase_words: Vec<String>,
    /// The terms of its speaker's name, when the article says who asserts it
    /// ([`Claim::spoken_by`]): a quote's subject is often its speaker ("we didn't lose a
    /// single person", said by the review's subject).
    pub speaker: HashSet<String>,
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn term_of(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower)
        .to_owned();
    (!lower.is_empty() && !is_stop_word(&lower)).then(|| stem(&lower))
}

/// A number as written, without thousands separators; `None` if the word is no number.
fn number_of(word: &str) -> Option<String> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    let digits = digits.trim_end_matches(['.']);
    if digits.is_empty() || !digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(digits.len());
    let n = &digits[..end];
    (!n.is_empty()).then(|| n.trim_end_matches(".0").to_owned())
}

fn numbers_in(text: &str) -> HashSet<String> {
    words(text)
        .iter()
        .filter_map(|(w, _)| number_of(w))
        .collect()
}

fn negated(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase().replace('’', "'");
            NEGATIONS.binary_search(&w.as_str()).is_ok() || w.ends_with("n't")
        })
}

impl Claim {
    /// What `text` asserts. `kind` is the extractor's, when the text is an extracted claim.
    pub fn of(text: &str, kind: Option<ClaimKind>) -> Claim {
        let mut names = HashSet::new();
        let mut verbs = HashSet::new();
        let mut asserts = false;
        for a in syntax::analyse(text, false) {
            let word = |i: usize| &text[a.tokens[i].0..a.tokens[i].1];
            for (i, tag) in a.tagged.tags.iter().enumerate() {
                if tag.is_proper_noun() && is_capitalised(word(i)) {
                    names.extend(term_of(word(i)));
                }
            }
            for np in &a.noun_phrases {
                if np.kind == NpKind::Name {
                    for i in np.name_start.unwrap_or(np.start)..np.end {
                        if is_capitalised(word(i)) {
                            names.extend(term_of(word(i)));
                        }
                    }
                }
            }
            for g in &a.verb_groups {
                let head = word(g.head).to_lowercase();
                if LIGHT_VERBS.binary_search(&head.as_str()).is_err() {
                    verbs.extend(term_of(&head));
                }
                if g.form != VerbForm::Finite || asserts {
                    continue;
                }
                // The subject: the last noun phrase before the verb group, if any.
                let subject = a.noun_phrases.iter().rev().find(|np| np.end <= g.start);
                let open = subject.is_some_and(|np| {
                    np.kind == NpKind::Pronoun
                        && OPEN_PRONOUNS
                            .binary_search(&word(np.head).to_lowercase().as_str())
                            .is_ok()
                });
                asserts = !open;
            }
        }
        // A claim that opens with a subject pronoun is about whoever that is, whatever
        // its later clauses' subjects: "he qualifies because his mother was born there".
        let first = text.split_whitespace().next().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        if first.is_some_and(|w| SUBJECT_PRONOUNS.contains(&w.as_str())) {
            asserts = false;
        }
        // A short run of capitalised words is a name, a slogan or a title ("Black Lives
        // Matter"), whatever the tagger makes of its last word.
        let all = words(text);
        if all.len() <= 3 && all.iter().all(|(w, _)| is_capitalised(w)) {
            asserts = false;
        }
        // Capitalised words inside a sentence are names too (the tagger may call a name
        // in a headline something else).
        for (w, initial) in all {
            if !initial && is_capitalised(w) && number_of(w).is_none() {
                names.extend(term_of(w));
            }
        }
        let mut written = HashMap::new();
        for (w, _) in words(text) {
            for t in terms(w) {
                written.entry(t).or_insert_with(|| w.to_owned());
            }
        }
        Claim {
            phrase_words: phrase_words(text),
            written,
            terms: terms(text),
            names,
            verbs,
            numbers: numbers_in(text),
            negated: negated(text),
            kind,
            asserts,
            speaker: HashSet::new(),
        }
    }

    /// The claim as said by `speaker` (its resolved name: "Hillary Clinton", "the White
    /// House"): the name's capitalised words count as naming the review's subject and its
    /// names. `None` or an empty name changes nothing.
    pub fn spoken_by(mut self, speaker: Option<&str>) -> Claim {
        for (w, _) in words(speaker.unwrap_or_default()) {
            if is_capitalised(w) && number_of(w).is_none() {
                self.speaker.extend(term_of(w));
            }
        }
        self
    }
}

/// The names of a review: capitalised words not beginning a sentence, as terms.
fn review_names(text: &str) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|(w, initial)| !initial && is_capitalised(w) && number_of(w).is_none())
        .filter_map(|(w, _)| term_of(w))
        .collect()
}

/// The subject of a review's claim: the terms of its first run of capitalised words
/// ("Virginia Governor Terry McAuliffe restored…", "Senator Ted Cruz and…"), after a
/// leading "The"/"A". A run of one word counts only when the claim writes it capitalised
/// again inside a sentence (so that "Photographs show…" has no subject). Empty when none.
fn review_subject(text: &str) -> Vec<String> {
    let all = words(text);
    let mut run = Vec::new();
    for (w, _) in all
        .iter()
        .skip_while(|(w, _)| is_capitalised(w) && is_stop_word(&w.to_lowercase()))
    {
        if !is_capitalised(w) || number_of(w).is_some() {
            break;
        }
        run.extend(term_of(w));
    }
    if run.len() == 1 && !review_names(text).contains(&run[0]) {
        run.clear();
    }
    run
}

/// The idf mass of a review's predicate found in a claim that counts as all of it (about
/// three rare words).
const PREDICATE_MASS: f32 = 20.0;

/// The longest run of words the claim and the review's claim share word for word (case and
/// punctuation aside, stop words kept, at least two other words in it), in words, up to
/// [`PHRASE_WORDS`]: a quotation checked ("didn't lose a single person"), a named thing
/// ("the gold standard"). Quadratic in the two lengths; a review's claim is at most 4,000
/// characters and only a claim's first `runs::PHRASE_SCAN` words are compared.
fn shared_phrase(a: &[String], review: &str) -> usize {
    let b = phrase_words(review);
    let content = |w: &String| !is_stop_word(w);
    let mut best = 0;
    common_runs(a, &b, |i, n| {
        if n > best && a[i - n..i].iter().filter(|w| content(w)).count() >= 2 {
            best = n;
        }
    });
    best.min(PHRASE_WORDS)
}

/// A shared run of this many words counts as a whole quotation.
const PHRASE_WORDS: usize = 5;

/// How many features [`features`] gives.
pub const FEATURES: usize = 20;

/// The features' names, in order (for the fitting example and docs).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "cover_claim",
    "cover_review",
    "predicate",
    "verbs",
    "names_shared",
    "claim_names_missing",
    "review_names_missing",
    "numbers_agree",
    "numbers_clash",
    "negation_differs",
    "short_claim",
    "kind_direct",
    "kind_headline",
    "retrieval",
    "review_predicate",
    "subject_named",
    "subject_missing",
    "phrase",
    "quote_found",
    "quote_said",
];

/// What the claim and the review share, for "why it matched".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    /// Names in both (terms).
    pub names: Vec<String>,
    /// Other words in both (terms).
    pub words: Vec<String>,
    /// Numbers in both.
    pub numbers: Vec<String>,
}

/// Where `text` (the claim, or the review's claim) holds what the pair shares: the byte
/// ranges of its words whose term is a shared name or word (any form: "monitoring" for
/// "monitor"), and of its shared numbers ("1,200" for "1200"). For "why it matched".
pub fn highlights(text: &str, shared: &Shared) -> Vec<(usize, usize)> {
    let stems: HashSet<String> = shared
        .names
        .iter()
        .chain(&shared.words)
        .flat_map(|w| terms(w))
        .collect();
    let numbers: HashSet<&str> = shared.numbers.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || c == '—' || c == '/') {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let hit = match number_of(w) {
            Some(n) => numbers.contains(n.as_str()),
            None => terms(w).iter().any(|t| stems.contains(t)),
        };
        if hit {
            // `w` is a slice of `text`: its offset is where it starts in memory.
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            out.push((start, start + w.len()));
        }
    }
    out
}

/// The features of one (claim, review) pair; `idf` gives a term's weight in the library and
/// `retrieval` is the first stage's score of the review for this claim.
pub fn features(
    claim: &Claim,
    review: &Review,
    retrieval: f32,
    idf: impl Fn(&str) -> f32,
) -> ([f32; FEATURES], Shared) {
    let text = format!("{}\n{}", review.claim_reviewed, review.title);
    let r_terms: HashSet<String> = terms(&text).into_iter().collect();
    let rc_terms: HashSet<String> = terms(&review.claim_reviewed).into_iter().collect();
    let c_terms: HashSet<&str> = claim.terms.iter().map(String::as_str).collect();
    // The claim's terms and its speaker's: who it names, or who says it.
    let c_known = |t: &str| c_terms.contains(t) || claim.speaker.contains(t);
    let mass = |ts: &mut dyn Iterator<Item = &str>| ts.map(&idf).sum::<f32>();
    let share = |all: f32, shared: f32| if all > 0.0 { shared / all } else { 0.0 };
    let cover_claim = share(
        mass(&mut c_terms.iter().copied()),
        mass(&mut c_terms.iter().copied().filter(|t| r_terms.contains(*t))),
    );
    let cover_review = share(
        mass(&mut rc_terms.iter().map(String::as_str)),
        mass(
            &mut rc_terms
                .iter()
                .map(String::as_str)
                .filter(|t| c_terms.contains(t)),
        ),
    );
    let predicate: Vec<&str> = c_terms
        .iter()
        .copied()
        .filter(|t| !claim.names.contains(*t) && number_of(t).is_none())
        .collect();
    let predicate_share = share(
        mass(&mut predicate.iter().copied()),
        mass(&mut predicate.iter().copied().filter(|t| r_terms.contains(*t))),
    );
    let verbs_shared = claim.verbs.iter().filter(|v| r_terms.contains(*v)).count();
    let verbs = share(claim.verbs.len() as f32, verbs_shared as f32);
    let mut names: Vec<String> = claim
        .names
        .iter()
        .filter(|n| r_terms.contains(*n))
        .cloned()
        .collect();
    names.sort();
    let claim_missing = share(
        claim.names.len() as f32,
        (claim.names.len() - names.len()) as f32,
    );
    let r_names = review_names(&review.claim_reviewed);
    let review_missing = share(
        r_names.len() as f32,
        r_names.iter().filter(|n| !c_known(n)).count() as f32,
    );
    let r_numbers = numbers_in(&text);
    let mut numbers: Vec<String> = claim.numbers.intersection(&r_numbers).cloned().collect();
    numbers.sort();
    let both = !claim.numbers.is_empty() && !r_numbers.is_empty();
    let mut words: Vec<String> = predicate
        .iter()
        .filter(|t| r_terms.contains(**t))
        .map(|t| (*t).to_owned())
        .collect();
    words.sort();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let as_written = |items: &mut Vec<String>| {
        for t in items.iter_mut() {
            if let Some(w) = claim.written.get(t.as_str()) {
                t.clone_from(w);
            }
        }
    };
    as_written(&mut names);
    as_written(&mut words);
    // What the review says about its subject, in the claim in other forms or words: its
    // claim's terms that are not names or numbers, each as its canonical term
    // ("won" = "win", "murdered" = "kill").
    let subject = review_subject(&review.claim_reviewed);
    let c_canon: HashSet<&str> = claim.terms.iter().map(|t| canonical(t)).collect();
    let r_predicate: Vec<&str> = rc_terms
        .iter()
        .map(String::as_str)
        .filter(|t| !r_names.contains(*t) && !subject.iter().any(|s| s == t))
        .filter(|t| number_of(t).is_none())
        .collect();
    // The idf mass found, not its share: one common word ("endorse") found is a whole
    // short predicate, but says little; rare words found ("punished", "coin toss") do.
    let review_predicate = mass(
        &mut r_predicate
            .iter()
            .copied()
            .filter(|t| c_canon.contains(canonical(t))),
    )
    .min(PREDICATE_MASS)
        / PREDICATE_MASS;
    // Who the review is about: its subject's last word (a surname, a body's name) in the
    // claim or its speaker's name, or missing from both.
    let named = subject.last().is_some_and(|s| c_known(s));
    // The words the review quotes, in the claim: what a fact-check rules on.
    let quoted = quote_found(&review.claim_reviewed, &claim.phrase_words, &idf);
    let f = [
        cover_claim,
        cover_review,
        predicate_share,
        verbs,
        names.len().min(3) as f32 / 3.0,
        claim_missing,
        review_missing,
        flag(!numbers.is_empty()),
        flag(both && numbers.is_empty()),
        flag(claim.negated != negated(&review.claim_reviewed)),
        flag(c_terms.len() <= 4),
        flag(claim.kind == Some(ClaimKind::Direct)),
        flag(claim.kind == Some(ClaimKind::Headline)),
        (retrieval - 1.0).clamp(0.0, 1.5),
        review_predicate,
        flag(named),
        flag(!subject.is_empty() && !named),
        shared_phrase(&claim.phrase_words, &review.claim_reviewed) as f32 / PHRASE_WORDS as f32,
        quoted,
        // Both: the review's subject, and the words it quotes (who said what).
        quoted * flag(named),
    ];
    (
        f,
        Shared {
            names,
            words,
            numbers,
        },
    )
}

/// A restatement: the claim and the review's claim share all their terms (idf-weighted,
/// both ways), five terms or more, with no clash of numbers and the same polarity. Same subject, same
/// predicate, same numbers and negation: the same assertion by the judging rules
/// (docs/library-judging.md), whatever the calibration, which saw no such pair in news.
const RESTATED: f32 = 0.95;
/// The probability given to a restatement.
pub const RESTATEMENT: f32 = 0.95;

/// The probability that the review examines the claim's assertion: the calibrated
/// logistic model over [`features`]; 0 for a claim that asserts nothing, and at least
/// [`RESTATEMENT`] for a restatement.
pub fn probability(claim: &Claim, features: &[f32; FEATURES]) -> f32 {
    if !claim.asserts {
        return 0.0;
    }
    let p = logistic(&calibration::WEIGHTS, calibration::BIAS, features);
    if restated(features) {
        p.max(RESTATEMENT)
    } else {
        p
    }
}

/// Whether the pair is a restatement (see [`RESTATED`]), from its features.
pub fn restated(features: &[f32; FEATURES]) -> bool {
    // Five terms or more ("short claim" off): "Now that I got that over with" shares its
    // one term with a review "Got you", which restates nothing.
    features[0] >= RESTATED
        && features[1] >= RESTATED
        && features[8] == 0.0
        && features[9] == 0.0
        && features[10] == 0.0
}

/// The logistic model: 1 / (1 + e^-(bias + w·x)).
pub fn logistic(weights: &[f32; FEATURES], bias: f32, x: &[f32; FEATURES]) -> f32 {
    1.0 / (1.0 + (-logit(weights, bias, x)).exp())
}

/// The model's score before the logistic: bias + w·x.
pub fn logit(weights: &[f32; FEATURES], bias: f32, x: &[f32; FEATURES]) -> f32 {
    bias + weights.iter().zip(x).map(|(w, x)| w * x).sum::<f32>()
}

#[cfg(test)]
#[path = "pair_tests.rs"]
mod tests;
