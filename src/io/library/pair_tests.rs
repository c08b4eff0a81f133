//! Tests of the pair scorer (`pair.rs`).

use super::*;

#[test]
fn word_lists_are_sorted_for_binary_search() {
    for list in [NEGATIONS, LIGHT_VERBS, OPEN_PRONOUNS, SUBJECT_PRONOUNS] {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
    }
}

#[test]
fn fragments_and_open_pronouns_assert_nothing() {
    assert!(!Claim::of("Black Lives Matter", None).asserts);
    assert!(!Claim::of("to endorse Trump", None).asserts);
    assert!(!Claim::of("he would build a wall", None).asserts);
    // A claim opening with one is about that pronoun, whatever its later clauses say; one
    // in a reported clause does not decide.
    assert!(!Claim::of("he qualifies because his mother was born in Delaware", None).asserts);
    assert!(Claim::of("Roe said he would build a wall", None).asserts);
    assert!(Claim::of("Mexico will pay for the wall", None).asserts);
    assert!(Claim::of("I never met him", None).asserts);
}

#[test]
fn numbers_negation_and_names_are_read() {
    let c = Claim::of(
        "Senator Jane Roe did not vote for the $2,000 tax cut in 2015",
        None,
    );
    assert!(c.negated);
    assert!(c.numbers.contains("2000") && c.numbers.contains("2015"));
    assert!(
        c.names.contains("jane") && c.names.contains("roe"),
        "{:?}",
        c.names
    );
}

#[test]
fn shared_words_names_and_numbers_are_found_in_either_text_in_any_form() {
    let shared = Shared {
        names: vec!["Rafah".into()],
        words: vec!["monitoring".into()],
        numbers: vec!["1200".into()],
    };
    let text = "They will monitor Rafah's 1,200 troops, not 200.";
    let marked: Vec<&str> = highlights(text, &shared)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    assert_eq!(marked, ["monitor", "Rafah's", "1,200"]);
    assert!(highlights("nothing here", &shared).is_empty());
}

fn review(claim: &str) -> Review {
    Review {
        claim_reviewed: claim.into(),
        title: String::new(),
        url: "u".into(),
        rating: String::new(),
        author: String::new(),
        date: String::new(),
    }
}

fn index_of(name: &str) -> usize {
    FEATURE_NAMES.iter().position(|n| *n == name).unwrap()
}

#[test]
fn a_review_subject_is_its_first_run_of_capitals() {
    assert_eq!(
        review_subject("Virginia Governor Terry McAuliffe restored voting rights."),
        ["virginia", "governor", "terry", "mcauliff"]
    );
    assert_eq!(
        review_subject("The Senator Jane Roe said so."),
        ["senator", "jane", "roe"]
    );
    // One sentence-initial capital is no name unless the claim writes it so again.
    assert!(review_subject("Photographs show a wall.").is_empty());
    assert_eq!(
        review_subject("Acme cut wages, and Acme denied it."),
        ["acme"]
    );
}

#[test]
fn the_review_predicate_is_found_in_other_forms_and_words() {
    let idf = |_: &str| 8.0;
    let r = review("Governor Jane Roe won the vote after she murdered a rival.");
    let f = |text: &str| features(&Claim::of(text, None), &r, 1.0, idf).0;
    let p = index_of("review_predicate");
    // "victory" for "won", "killing" for "murdered", "voting" for "vote".
    let reworded = f("Roe's victory in the voting came after killing a rival");
    let other = f("Roe opened a new bridge over the river");
    assert!(reworded[p] > 0.9, "{}", reworded[p]);
    assert_eq!(other[p], 0.0);
}

#[test]
fn the_review_subject_is_named_in_the_claim_or_missing() {
    let idf = |_: &str| 8.0;
    let r = review("Senator Jane Roe voted against the bridge.");
    let f = |text: &str| features(&Claim::of(text, None), &r, 1.0, idf).0;
    let (named, missing) = (index_of("subject_named"), index_of("subject_missing"));
    let by_roe = f("Roe voted against the bridge in March");
    let by_doe = f("Doe voted against the bridge in March");
    assert_eq!((by_roe[named], by_roe[missing]), (1.0, 0.0));
    assert_eq!((by_doe[named], by_doe[missing]), (0.0, 1.0));
    // A review without a subject sets neither.
    let none = features(
        &Claim::of("Roe voted", None),
        &review("Photographs show a bridge."),
        1.0,
        idf,
    )
    .0;
    assert_eq!((none[named], none[missing]), (0.0, 0.0));
}

#[test]
fn a_quotation_shared_word_for_word_is_found() {
    let claim = |t: &str| Claim::of(t, None).phrase_words;
    let said = "Jane Roe said that 'we didn’t lose a single person' in Ruritania.";
    let quoted = claim("Yes, and we didn't lose a single person, Roe said.");
    assert_eq!(shared_phrase(&quoted, said), PHRASE_WORDS);
    // Runs of stop words alone ("that we", "in the") are no phrase.
    assert_eq!(shared_phrase(&claim("He said that we did it."), said), 0);
    let idf = |_: &str| 8.0;
    let x = features(
        &Claim::of("the gold standard of trade deals", None),
        &review("Roe called it the gold standard in trade."),
        1.0,
        idf,
    )
    .0;
    assert_eq!(x[index_of("phrase")], 3.0 / PHRASE_WORDS as f32);
}

#[test]
fn the_claims_speaker_names_the_reviews_subject() {
    let idf = |_: &str| 8.0;
    let r = review("Jane Roe said that 'we didn't lose a single person' in Ruritania.");
    let quote = "we didn't lose a single person in Ruritania";
    let f = |speaker: Option<&str>| {
        features(&Claim::of(quote, None).spoken_by(speaker), &r, 1.0, idf).0
    };
    let (named, missing) = (index_of("subject_named"), index_of("subject_missing"));
    let names_missing = index_of("review_names_missing");
    let by_roe = f(Some("Jane Roe"));
    let by_nobody = f(None);
    let by_doe = f(Some("John Doe"));
    assert_eq!((by_roe[named], by_roe[missing]), (1.0, 0.0));
    assert_eq!((by_nobody[named], by_nobody[missing]), (0.0, 1.0));
    assert_eq!((by_doe[named], by_doe[missing]), (0.0, 1.0));
    // Her names count as the claim's: only "Ruritania" is named in both.
    assert!(by_roe[names_missing] < by_nobody[names_missing]);
    // A speaker's lowercase words ("the spokesman") name nobody.
    assert!(
        Claim::of(quote, None)
            .spoken_by(Some("the spokesman"))
            .speaker
            .is_empty()
    );
}

#[test]
fn quoted_words_said_by_the_reviews_subject_are_both_features() {
    let idf = |_: &str| 8.0;
    let r = review("Jane Roe said there should be 'some form of reward' for voters.");
    let f = |text: &str, speaker: Option<&str>| {
        features(&Claim::of(text, None).spoken_by(speaker), &r, 1.0, idf).0
    };
    let (found, said) = (index_of("quote_found"), index_of("quote_said"));
    let by_roe = f("There has to be some form of reward", Some("Jane Roe"));
    let by_doe = f("There has to be some form of reward", Some("John Doe"));
    let reworded = f("voters should get a reward of some kind", Some("Jane Roe"));
    assert_eq!((by_roe[found], by_roe[said]), (1.0, 1.0));
    // Quoted, but by someone the review is not about: found, not said by its subject.
    assert_eq!((by_doe[found], by_doe[said]), (1.0, 0.0));
    // The same words, not the quotation: neither.
    assert_eq!((reworded[found], reworded[said]), (0.0, 0.0));
}
