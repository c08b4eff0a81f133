//! Which words are cues and where a phrase-level content ends: nouns that look like speech
//! verbs, documents and data that close a sentence. One sentence per construction,
//! written for these tests (no evaluation text).

use claimdesk::extract::{FoundClaim, extract};

const T: &str = "Harbour plan approved\n";

fn claims(body: &str) -> Vec<FoundClaim> {
    extract(&format!("{T}{body}")).claims
}

#[test]
fn a_cue_word_read_as_a_noun_after_an_adjective_or_figure_is_no_verb() {
    for body in [
        "She has long been a tireless advocate for harbour workers and their families.",
        "The port will grow 2.5 percent, down 0.3 points from the council's last estimate.",
        "The clinic treats sailors with post-traumatic stress disorder and severe anxiety.",
    ] {
        let c = claims(body);
        assert!(c.is_empty(), "{body}: {c:?}");
    }
}

#[test]
fn a_verb_of_the_same_form_still_frames_its_clause() {
    let c = claims("Harbour officials stress that the cranes are safe to use.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "that the cranes are safe to use");
    // The tagger may read "show" as a noun after "return"; a clause follows, so a verb.
    let c = claims("Leaked pages from the 2015 tax return show he took a massive loss.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "he took a massive loss");
}

#[test]
fn a_document_closing_the_sentence_is_its_source() {
    let c = claims("Shipping through the harbour fell by a third last year, a new analysis shows.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].content,
        "Shipping through the harbour fell by a third last year"
    );
    assert_eq!(c[0].mention.as_deref(), Some("a new analysis"));
}

#[test]
fn a_verb_that_needs_a_clause_frames_what_precedes_it_only_at_the_end() {
    // "found little unity": narration, not a frame over the opening phrase.
    let c = claims(
        "Deeply divided over how to pay for the works, the councillors found little common ground on the budget.",
    );
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_list_inside_a_phrase_content_is_kept_whole() {
    let c = claims(
        "The mayor blamed delays in the north harbour, the ferry terminal and elsewhere on the contractor.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(
        c[0].content.contains("the ferry terminal and elsewhere"),
        "{c:?}"
    );
}

#[test]
fn a_quotation_resumed_in_lower_case_after_a_long_frame_goes_on() {
    let c = claims(
        "\"The cranes will be ready,\" the engineer said at a meeting in Ashton, Kent, \"but the ferries will have to wait for spring.\"",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].content,
        "The cranes will be ready \u{2026} but the ferries will have to wait for spring."
    );
    let c = claims(
        "\"I admire the engineer,\" she said, but \"the cranes have cost the town far too much.\"",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.ends_with("far too much."), "{c:?}");
}

#[test]
fn a_poll_or_a_video_shows_a_noun_phrase() {
    // The tagger reads "poll shows" as two nouns; the document subject decides.
    let c = claims("It rained. The latest poll shows the mayor leading her rival by four points.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "the mayor leading her rival by four points");
    assert_eq!(c[0].mention.as_deref(), Some("The latest poll"));
    let c = claims("It rained. The video shows him with his hands in the air at the gate.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.starts_with("him with his hands"), "{c:?}");
    // A person who "shows" something makes no claim.
    let c = claims("It rained. The mayor shows him the new cranes at the gate.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_document_keeps_its_postmodifier_and_the_month_may() {
    let c = claims(
        "It rained. An average of polls taken over the past two weeks shows the mayor ahead by three points.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].mention.as_deref(),
        Some("An average of polls taken over the past two weeks")
    );
    let c = claims("It rained. A survey released in May found that the ferries run late.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "that the ferries run late");
    assert_eq!(c[0].mention.as_deref(), Some("A survey released in May"));
}

#[test]
fn a_month_after_in_ends_a_phrase_content() {
    let c = claims("It rained. The mayor criticised the harbour budget in March, at a meeting.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "the harbour budget");
}

#[test]
fn a_relative_clause_between_commas_keeps_the_object_of_accuse() {
    let c = claims(
        "It rained. The mayor accused the engineer, who ran the port for a decade, of hiding the cost of the cranes.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(
        c[0].content.ends_with("of hiding the cost of the cranes"),
        "{c:?}"
    );
}
