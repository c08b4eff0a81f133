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
    assert_eq!(c[0].content, "the cranes are safe to use");
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
