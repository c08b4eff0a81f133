//! Attributions read from the dependency parse, for sentences the rules over tags leave
//! without a frame: a passive without an agent.
//! One sentence per construction, written for these tests (no evaluation text).

use claimdesk::extract::{FoundClaim, Options, extract, extract_with_options};

const T: &str = "Harbour plan approved\n";

fn claims(body: &str) -> Vec<FoundClaim> {
    extract_with_options(
        &format!("{T}{body}"),
        Options {
            parse: true,
            ..Options::default()
        },
    )
    .claims
}

#[test]
fn the_parse_is_read_only_when_asked() {
    // A passive without an agent: only the parse sees its content.
    let text = format!(
        "{T}Last week it was reported that the cranes at the port had been idle for months.\n"
    );
    assert!(extract(&text).claims.is_empty());
    assert_eq!(
        extract_with_options(
            &text,
            Options {
                parse: true,
                ..Options::default()
            }
        )
        .claims
        .len(),
        1
    );
}

fn one(body: &str) -> FoundClaim {
    let c = claims(body);
    assert_eq!(c.len(), 1, "{body}: {c:?}");
    c.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn a_passive_without_an_agent_has_content_and_no_speaker() {
    let c = one("Last week it was reported that the cranes at the port had been idle for months.");
    assert_eq!(
        c.content,
        "that the cranes at the port had been idle for months"
    );
    assert_eq!(c.mention, None);
}

#[test]
fn a_cue_nouns_clause_is_its_owners_claim() {
    let c = one("At the meeting, the union made the assertion that the cranes were unsafe.");
    assert_eq!(c.content, "that the cranes were unsafe");
    assert_eq!(c.mention.as_deref(), Some("the union"));
}

#[test]
fn sentences_without_a_cue_give_nothing() {
    assert!(claims("The river rose overnight and the buses ran late.").is_empty());
}

#[test]
fn the_same_claims_on_every_run() {
    let body = "Last week it was reported that the cranes at the port had been idle for months. \
                The river rose overnight and the buses ran late.";
    let first = claims(body);
    for _ in 0..3 {
        assert_eq!(claims(body), first);
    }
}

#[test]
fn a_stance_adjectives_content_may_be_one_name() {
    let c = one("For years the dockers' union has been critical of Ruiz.");
    assert_eq!(c.content, "Ruiz");
    assert_eq!(c.mention.as_deref(), Some("the dockers' union"));
}
