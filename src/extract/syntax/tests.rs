//! The syntactic layer on real sentences, with the shipped model.

use super::*;

/// The one sentence of `s`, analysed.
fn one(s: &str) -> Analysis {
    let mut all = analyse(s, false);
    assert_eq!(all.len(), 1, "one sentence expected in {s:?}");
    all.remove(0)
}

fn word<'a>(s: &'a str, a: &Analysis, i: usize) -> &'a str {
    &s[a.tokens[i].0..a.tokens[i].1]
}

fn tag_of(s: &str, a: &Analysis, w: &str) -> Tag {
    let i = (0..a.tokens.len())
        .find(|&i| word(s, a, i) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"));
    a.tagged.tags[i]
}

fn phrase<'a>(s: &'a str, a: &Analysis, c: &Chunk) -> &'a str {
    &s[a.tokens[c.start].0..a.tokens[c.end - 1].1]
}

fn np<'a>(s: &'a str, a: &'a Analysis, text: &str) -> &'a Chunk {
    a.noun_phrases
        .iter()
        .find(|c| phrase(s, a, c) == text)
        .unwrap_or_else(|| {
            let all: Vec<&str> = a.noun_phrases.iter().map(|c| phrase(s, a, c)).collect();
            panic!("no noun phrase {text:?} in {all:?}")
        })
}

#[test]
fn shipped_model_loads_and_tags_a_sentence() {
    assert!(tagger::tagger().model.feature_count() > 10_000);
    let s = "The minister said on Monday that the talks would resume.";
    let a = one(s);
    let tags: Vec<&str> = a.tagged.tags.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        tags,
        [
            "DT", "NN", "VBD", "IN", "NNP", "IN", "DT", "NNS", "MD", "VB", "."
        ]
    );
}

#[test]
fn a_titled_name_is_one_phrase_and_said_is_past() {
    let s = "Rep. Jane Doe (D-Wis.) said the bill was dead.";
    let a = one(s);
    let c = np(s, &a, "Rep. Jane Doe");
    assert_eq!(c.kind, NpKind::Name);
    assert!(c.can_be_speaker());
    assert_eq!(tag_of(s, &a, "said"), Tag::VBD);
}

#[test]
fn a_month_after_a_preposition_is_a_date_not_a_speaker() {
    let s = "In July the senator said the deal was off.";
    let a = one(s);
    assert_eq!(tag_of(s, &a, "In"), Tag::IN);
    let c = np(s, &a, "July");
    assert_eq!(c.kind, NpKind::DateTime);
    assert!(!c.can_be_speaker());
    assert_eq!(np(s, &a, "the senator").kind, NpKind::Description);
}

#[test]
fn a_time_after_the_subject_is_a_phrase_of_its_own() {
    let s = "The board last week said the deal was off.";
    let a = one(s);
    let c = np(s, &a, "The board");
    assert_eq!(c.kind, NpKind::Description);
    assert!(c.can_be_speaker());
    assert_eq!(np(s, &a, "last week").kind, NpKind::DateTime);
}

#[test]
fn figures_and_years_are_not_people() {
    let s = "Twelve percent of voters in 2008 gave $5 million to 5,000 candidates.";
    let a = one(s);
    assert_eq!(np(s, &a, "Twelve percent").kind, NpKind::Number);
    assert_eq!(np(s, &a, "2008").kind, NpKind::DateTime);
    assert_eq!(np(s, &a, "$5 million").kind, NpKind::Number);
    let c = np(s, &a, "5,000 candidates");
    assert_eq!(c.kind, NpKind::Description);
    assert_eq!(word(s, &a, c.head), "candidates");
}

#[test]
fn a_role_before_a_name_and_a_possessor_stay_in_the_phrase() {
    let s = "Israel's defense minister Yoav Gallant said the operation would go on.";
    let a = one(s);
    let c = np(s, &a, "Israel's defense minister Yoav Gallant");
    assert_eq!(c.kind, NpKind::Name);
    assert_eq!(c.possessor, Some((0, 1)));
    assert_eq!(c.name_start.map(|i| word(s, &a, i)), Some("Yoav"));
    assert!(a.tagged.is_possessive(0));
    assert_eq!(a.tagged.tags[0], Tag::NNP);
}

#[test]
fn pronouns_are_pronoun_phrases() {
    let s = "She told reporters they had won.";
    let a = one(s);
    assert_eq!(np(s, &a, "She").kind, NpKind::Pronoun);
    assert_eq!(np(s, &a, "they").kind, NpKind::Pronoun);
}

fn group<'a>(s: &str, a: &'a Analysis, text: &str) -> &'a VerbGroup {
    a.verb_groups
        .iter()
        .find(|g| &s[a.tokens[g.start].0..a.tokens[g.end - 1].1] == text)
        .unwrap_or_else(|| {
            let all: Vec<&str> = a
                .verb_groups
                .iter()
                .map(|g| &s[a.tokens[g.start].0..a.tokens[g.end - 1].1])
                .collect();
            panic!("no verb group {text:?} in {all:?}")
        })
}

#[test]
fn verb_groups_carry_tense_voice_and_form() {
    let s = "He was told to push for a vote, and aides have been asked not to comment.";
    let a = one(s);
    let g = group(s, &a, "was told");
    assert_eq!(
        (g.voice, g.tense, g.form),
        (Voice::Passive, Tense::Past, VerbForm::Finite)
    );
    let g = group(s, &a, "to push");
    assert_eq!((g.form, g.voice), (VerbForm::Infinitive, Voice::Active));
    let g = group(s, &a, "have been asked");
    assert!(g.perfect && g.voice == Voice::Passive && g.tense == Tense::Present);
    let g = group(s, &a, "to comment");
    assert!(g.form == VerbForm::Infinitive && g.negated);
}

#[test]
fn clitics_modals_gerunds_and_negation() {
    let s = "She didn't say whether the army will keep fighting, adding that talks are continuing.";
    let a = one(s);
    let i = (0..a.tokens.len())
        .find(|&i| word(s, &a, i) == "didn't")
        .expect("didn't");
    assert_eq!(a.tagged.tags[i], Tag::VBD);
    assert!(a.tagged.is_negated(i));
    let g = group(s, &a, "didn't say");
    assert!(g.negated && g.tense == Tense::Past);
    assert_eq!(group(s, &a, "will keep").tense, Tense::Modal);
    assert_eq!(group(s, &a, "adding").form, VerbForm::Gerund);
    assert!(group(s, &a, "are continuing").progressive);
}

#[test]
fn a_participle_after_an_auxiliary_is_a_verb_not_a_phrase() {
    let s = "Clinton had told police officials that she was leaving.";
    let a = one(s);
    np(s, &a, "police officials");
    assert!(group(s, &a, "had told").perfect);
    let s = "Leading experts said the plan would fail.";
    let a = one(s);
    assert_eq!(np(s, &a, "Leading experts").kind, NpKind::Description);
}
