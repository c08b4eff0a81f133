//! Verb chains that hand their subject on to a cue ("tried to argue that …", "was quick
//! to point out …"), cues that close a sentence, speakers after an inverted cue without
//! an article ("said former adviser Jane Roe"), and second speakers that must open a
//! clause of their own. Sentences written for these tests (no evaluation text).

use crate::extract_rules::{T, claims};

/// The (mention, cue, content) of the one claim of `text` under a title line.
fn only(text: &str) -> (String, String, String) {
    let mut c = found(text);
    assert_eq!(c.len(), 1, "{text}: {c:?}");
    c.remove(0)
}

/// The (mention, cue, content) of every claim of `text` under a title line.
fn found(text: &str) -> Vec<(String, String, String)> {
    let (_, c) = claims(&format!("{T}\n{text}\n"));
    c.iter()
        .map(|c| {
            (
                c.mention.clone().unwrap_or_default(),
                c.cue.clone(),
                c.content.clone(),
            )
        })
        .collect()
}

#[test]
fn a_verb_chain_hands_its_subject_to_the_cue() {
    for (text, cue) in [
        (
            "The harbour master tried to argue that the new tolls would pay for the cranes.",
            "argue",
        ),
        (
            "The harbour master is continuing to insist the new tolls would pay for the cranes.",
            "insist",
        ),
        (
            "The harbour master was quick to point out that the new tolls would pay for the cranes.",
            "point out",
        ),
        (
            "The harbour master chose not to deny that the new tolls would pay for the cranes.",
            "deny",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.0, "The harbour master", "{text}: {c:?}");
        assert_eq!(c.1, cue, "{text}: {c:?}");
        assert!(
            c.2.ends_with("the new tolls would pay for the cranes"),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn a_chain_with_be_and_a_degree_word_keeps_its_subject_whole() {
    let c = found(
        "Dock workers in the northern district were more likely to say the tolls had hurt their pay.",
    );
    let say = c.iter().find(|c| c.1 == "say").expect("the workers' claim");
    assert_eq!(say.0, "Dock workers in the northern district", "{c:?}");
    assert_eq!(say.2, "the tolls had hurt their pay");
}

#[test]
fn a_stance_verb_in_a_chain_is_read_with_its_object() {
    let c =
        only("The harbour master has tried to portray the toll plan as a burden on fishing crews.");
    assert_eq!(c.0, "The harbour master");
    assert_eq!(c.1, "portray");
    assert_eq!(c.2, "the toll plan as a burden on fishing crews");
}

#[test]
fn a_participle_chain_after_a_noun_is_not_the_clause_subjects() {
    // "trying" hangs on "a pilot", not on the sentence's subject: no claim of the council.
    let c = found(
        "The council showed reporters a video of a harbour pilot awkwardly trying to defend the toll plan.",
    );
    assert!(
        c.iter().all(|c| c.0 != "The council"),
        "the council did not defend the plan: {c:?}"
    );
}

#[test]
fn stated_closes_a_sentence_like_said() {
    let c = only(
        "The toll plan will fail within a year and the cranes will rust, the harbour master stated.",
    );
    assert_eq!(c.0, "the harbour master");
    assert_eq!(c.1, "stated");
    assert_eq!(
        c.2,
        "The toll plan will fail within a year and the cranes will rust"
    );
}

#[test]
fn a_second_speaker_must_open_a_clause_of_its_own() {
    // Words in the middle of a phrase ("a later interview" after "in", "a host on the TV"
    // before "show") are no speaker.
    for text in [
        "The harbour master first said she did not recall the vote, but in a later interview said she had opposed the toll plan.",
        "\u{201c}It is too early to tell,\u{201d} said Roe, who is also a host on the TV show \u{201c}Harbour Watch.\u{201d}",
    ] {
        let c = found(text);
        assert!(
            c.iter()
                .all(|c| ["Roe", "The harbour master", "she"].contains(&c.0.as_str())),
            "{text}: {c:?}"
        );
    }
    // After a conjunction a second speaker is read.
    let c = found(
        "\u{201c}The tolls will rise,\u{201d} Roe said on Monday, while the union opposed the plan.",
    );
    assert!(c.iter().any(|c| c.0 == "the union"), "{c:?}");
}

#[test]
fn an_inverted_speaker_may_open_without_an_article() {
    for (text, who) in [
        (
            "\u{201c}The cranes are idle,\u{201d} said former harbour adviser Jane Roe.",
            "former harbour adviser Jane Roe",
        ),
        (
            "\u{201c}The cranes are idle,\u{201d} said several observers.",
            "several observers",
        ),
        (
            "The port fund is $9 million short, said former Ashton governor Tom Hart, who chairs the board.",
            "former Ashton governor Tom Hart",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.0, who, "{text}: {c:?}");
        assert_eq!(c.1, "said");
    }
    // A time or an adverb after the cue is no speaker.
    let c = found("\u{201c}The cranes are idle,\u{201d} said Roe, who spoke later Monday.");
    assert!(c.iter().all(|c| c.0 == "Roe"), "{c:?}");
}

#[test]
fn shouts_chants_and_retorts_frame_a_quotation() {
    for (text, who, cue) in [
        (
            "\u{201c}The cranes are idle,\u{201d} Roe shot back.",
            "Roe",
            "shot back",
        ),
        (
            "\u{201c}The cranes are idle,\u{201d} Roe yelled.",
            "Roe",
            "yelled",
        ),
        (
            "The dock workers chanted, \u{201c}Fix the cranes now.\u{201d}",
            "The dock workers",
            "chanted",
        ),
    ] {
        let c = only(text);
        assert_eq!((c.0.as_str(), c.1.as_str()), (who, cue), "{text}: {c:?}");
    }
    // "shot" alone is no cue.
    assert!(found("The guard shot the lock off the gate on Monday.").is_empty());
}

#[test]
fn a_long_inverted_speaker_ends_before_its_relative_clause_or_of_phrase() {
    for (text, who) in [
        (
            "\u{201c}The cranes are idle,\u{201d} said a longtime port engineer who has worked for two rival firms.",
            "a longtime port engineer",
        ),
        (
            "\u{201c}The cranes are idle,\u{201d} said Jane Roe of the consulting firm Harbour Works.",
            "Jane Roe",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.0, who, "{text}: {c:?}");
    }
}

#[test]
fn a_participle_after_a_clause_with_an_auxiliary_takes_its_subject() {
    for (text, who) in [
        (
            "The council did give the mayor some credit at the meeting, saying she had rescued the cranes.",
            "The council",
        ),
        (
            "The unions are drawing up plans for a strike at the port, saying the tolls are key to their pay.",
            "The unions",
        ),
    ] {
        let c = found(text);
        let saying = c.iter().find(|c| c.1 == "saying").expect(text);
        assert_eq!(saying.0, who, "{text}: {c:?}");
    }
}

#[test]
fn a_participle_after_an_apposition_takes_the_subject_before_it() {
    let c = found(
        "Jane Roe, president of the harbour institute, tied the toll to the idle cranes, saying the port had lost its trade.",
    );
    let saying = c.iter().find(|c| c.1 == "saying").expect("Roe's claim");
    assert!(saying.0.starts_with("Jane Roe"), "{c:?}");
    assert_eq!(saying.2, "the port had lost its trade");
}

#[test]
fn a_capitalised_cue_word_inside_a_name_is_no_cue() {
    let c = only("The Harbour Post reports the cranes were idle for months.");
    assert_eq!(c.0, "The Harbour Post");
    assert_eq!(c.1, "reports");
}

#[test]
fn a_headline_verb_after_a_plural_subject_has_no_s() {
    let (_, c) = claims("Dock Workers Blast Port Toll Plan\n\nThe council met on Tuesday.\n");
    let blast = c
        .iter()
        .find(|c| c.cue == "Blast")
        .expect("the headline's stance");
    assert_eq!(blast.mention.as_deref(), Some("Dock Workers"));
    assert_eq!(blast.content, "Port Toll Plan");
}

#[test]
fn a_question_asked_by_someone_names_the_asker() {
    let c = found("Roe was asked by host Tom Hart whether the cranes would be repaired by May.");
    let q = c.iter().find(|c| c.1 == "asked").expect("the question");
    assert_eq!(q.0, "host Tom Hart", "{c:?}");
    assert_eq!(q.2, "whether the cranes would be repaired by May");
}

#[test]
fn an_inverted_speaker_ends_before_a_clause_of_time() {
    let c = only(
        "\u{201c}The cranes are idle,\u{201d} said harbour pilot Tom Hart as he left the quay.",
    );
    assert_eq!(c.0, "harbour pilot Tom Hart");
    // "said the days when …" after a comma is reported speech, not a speaker.
    let c = found(
        "Roe, the author of a book about the port, said the days when the cranes were busy are gone.",
    );
    assert!(c.iter().all(|c| c.0 != "the days"), "{c:?}");
}

#[test]
fn a_quotation_beside_a_subject_and_any_verb_is_that_subjects() {
    for (text, who, cue) in [
        (
            "\u{201c}The cranes will rust before May,\u{201d} Roe deadpanned.",
            "Roe",
            "deadpanned",
        ),
        (
            "And the harbour master cracked, \u{201c}The cranes will rust before May.\u{201d}",
            "the harbour master",
            "cracked",
        ),
        (
            "Roe asks at the harbour school, \u{201c}Any questions about the cranes?\u{201d}",
            "Roe",
            "asks",
        ),
    ] {
        let c = only(text);
        assert_eq!((c.0.as_str(), c.1.as_str()), (who, cue), "{text}: {c:?}");
    }
    // An adjunct or a clause opening the sentence is no subject.
    let c = found(
        "At the bottom of the page it reads, \u{201c}The cranes will rust before May.\u{201d}",
    );
    assert!(c.iter().all(|c| !c.0.starts_with("At ")), "{c:?}");
}

#[test]
fn studies_have_shown_closes_a_sentence() {
    let c =
        only("The harbour lost half its trade after the tolls rose, several studies have shown.");
    assert_eq!(c.0, "several studies");
    assert_eq!(c.2, "The harbour lost half its trade after the tolls rose");
}

#[test]
fn said_opening_the_sentence_frames_the_quotation_after_its_speaker() {
    let c = only(
        "Said Jane Roe, who grew up by the port, \u{201c}We were all so proud of the cranes.\u{201d}",
    );
    assert_eq!(c.0, "Jane Roe");
    assert_eq!(c.2, "We were all so proud of the cranes.");
}
