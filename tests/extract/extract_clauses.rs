//! Where a claim's content starts and ends inside a sentence of several clauses. One
//! sentence per construction, written for these tests (no evaluation text).

use claimdesk::extract::{Extraction, FoundClaim, extract};

const T: &str = "Harbour plan approved\n";

fn claims(body: &str) -> (Extraction, Vec<FoundClaim>) {
    let ex = extract(&format!("{T}{body}"));
    let c = ex.claims.clone();
    (ex, c)
}

fn contents(c: &[FoundClaim]) -> Vec<&str> {
    c.iter().map(|c| c.content.as_str()).collect()
}

#[test]
fn a_frame_inside_the_sentence_governs_both_sides() {
    let (_, c) = claims("The new bridge over the river, the mayor said, would open in May.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].content,
        "The new bridge over the river \u{2026} would open in May"
    );
    assert_eq!(c[0].mention.as_deref(), Some("the mayor"));
}

#[test]
fn clauses_joined_by_a_semicolon_are_read_one_by_one() {
    let (_, c) = claims(
        "The mayor spoke about the harbour works at the council meeting; the engineer said the cranes were idle.",
    );
    let got = contents(&c);
    assert!(
        got.contains(&"the harbour works at the council meeting"),
        "{got:?}"
    );
    assert!(got.contains(&"the cranes were idle"), "{got:?}");
}

#[test]
fn a_new_speakers_clause_ends_the_content() {
    let (_, c) =
        claims("The mayor said the budget was final, and the auditor noted that costs may rise.");
    let got = contents(&c);
    assert_eq!(got[0], "the budget was final", "{got:?}");
    assert!(got.contains(&"that costs may rise"), "{got:?}");
    assert_eq!(
        c.last().and_then(|c| c.mention.as_deref()),
        Some("the auditor")
    );
}

#[test]
fn but_that_is_a_second_part_of_the_report() {
    let (_, c) = claims(
        "The mayor said the tolls would rise next year, but that the ferry would stay free.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].content,
        "the tolls would rise next year, but that the ferry would stay free"
    );
    let (_, c) = claims(
        "The mayor said the cranes were paid for by the port, but that was not the whole story.",
    );
    assert_eq!(
        c[0].content, "the cranes were paid for by the port",
        "{c:?}"
    );
    let (_, c) =
        claims("The mayor said the tolls would rise next year, but the council voted them down.");
    assert_eq!(c[0].content, "the tolls would rise next year", "{c:?}");
}

#[test]
fn the_same_subject_going_on_does_not_end_it() {
    let (_, c) = claims(
        "The dock workers said they had doubts about the contract, but could not afford a strike.",
    );
    assert_eq!(
        c[0].content,
        "they had doubts about the contract, but could not afford a strike"
    );
}

#[test]
fn said_as_much_has_no_content() {
    let (_, c) = claims("The harbour master said as much in an interview on Monday.");
    assert!(c.is_empty(), "{c:?}");
    let (_, c) = claims("The harbour master said as he left that the cranes were idle.");
    assert!(c.iter().all(|c| !c.content.starts_with("as ")), "{c:?}");
}

#[test]
fn a_stage_direction_is_nobodys_claim() {
    let (_, c) =
        claims("HOST: (LAUGHTER.)\n\nHOST: Where does the money for the sea wall come from?");
    assert!(c.iter().all(|c| !c.content.contains("LAUGHTER")), "{c:?}");
}

#[test]
fn a_stance_clause_before_saying_is_a_claim_of_its_own() {
    let (_, c) = claims(
        "The union attacked the board for its handling of the contract talks, saying \"the crews deserve better.\"",
    );
    let got = contents(&c);
    assert!(
        got.iter()
            .any(|g| g.starts_with("the board for its handling")),
        "{got:?}"
    );
    assert!(got.contains(&"the crews deserve better."), "{got:?}");
}

#[test]
fn responded_by_saying_takes_the_clauses_subject() {
    let (_, c) = claims(
        "The mayor responded to the union on Tuesday by saying the cranes would be repaired.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "the cranes would be repaired");
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
}

#[test]
fn asked_whether_is_an_embedded_question() {
    let (_, c) = claims("Council members asked whether the new tolls would cover the repairs.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.contains("the new tolls would cover"), "{c:?}");
}

#[test]
fn a_postmodified_document_is_the_speaker() {
    let (_, c) =
        claims("A survey released in late May found that most residents backed the new bridge.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].mention.as_deref(),
        Some("A survey released in late May")
    );
}

#[test]
fn a_title_case_heading_names_no_speaker() {
    let ex =
        extract("Tolls Over Troubled Water: Bridge Plan Was Doomed From the Start\n\nBody text.");
    assert!(ex.claims.is_empty(), "{:?}", ex.claims);
}

#[test]
fn a_month_after_a_first_name_is_a_surname() {
    let (ex, c) = claims("Prime Minister Ann May said the bridge would open next year.");
    assert_eq!(c.len(), 1, "{c:?}");
    let speaker = ex.speaker_of(&c[0]).map(|s| s.name.clone());
    assert_eq!(speaker.as_deref(), Some("Ann May"));
    // A date is still no speaker.
    let (_, c) = claims("In late May, the mayor said the bridge was closed.");
    assert_eq!(c[0].mention.as_deref(), Some("the mayor"));
}

#[test]
fn a_figure_before_a_postmodifier_is_no_speaker() {
    let (_, c) = claims(
        "The attorney general filed a $40 million lawsuit in 2013 alleging that the school had misled students.",
    );
    assert!(
        c.iter()
            .all(|c| !c.mention.as_deref().unwrap_or("").starts_with("40")),
        "{c:?}"
    );
}

#[test]
fn a_stance_adjective_after_a_linking_verb_has_content() {
    let (_, c) = claims("The harbour union has been critical of the plan to sell the old docks.");
    assert_eq!(contents(&c), ["the plan to sell the old docks"], "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("The harbour union"));
    let (_, c) = claims("The treasurer remains confident that the bonds will sell by June.");
    assert_eq!(contents(&c), ["that the bonds will sell by June"], "{c:?}");
    // Not a stance: no linking verb before the adjective.
    let (_, c) = claims("A critical report of the harbour was filed by the clerks on Monday.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_second_predicate_of_the_subject_is_its_own_stance() {
    let (_, c) = claims(
        "The governor criticized the harbour deal as a costly mistake and threatened to veto the new budget.",
    );
    let got = contents(&c);
    assert_eq!(
        got,
        [
            "the harbour deal as a costly mistake",
            "to veto the new budget"
        ]
    );
    assert!(
        c.iter()
            .all(|c| c.mention.as_deref() == Some("The governor"))
    );
}

#[test]
fn a_stance_phrase_keeps_its_inner_quotation_and_parenthesis() {
    let (_, c) = claims(
        "The mayor warned of the dangers of \u{201c}quick money\u{201d} that could sink the harbour fund.",
    );
    assert_eq!(
        contents(&c),
        ["the dangers of \u{201c}quick money\u{201d} that could sink the harbour fund"]
    );
    let (_, c) = claims(
        "The council called for every bidder to publish its costs \u{2014} including the interest \u{2014} of the harbour plan.",
    );
    assert_eq!(
        contents(&c),
        [
            "every bidder to publish its costs \u{2014} including the interest \u{2014} of the harbour plan"
        ]
    );
}

#[test]
fn a_subject_with_several_appositions_is_the_phrase_that_opens_the_clause() {
    let (_, c) = claims(
        "But Jane Roe, acting director of the Harbour Trust, which organized the inquiry, said the cranes were unsafe.",
    );
    assert_eq!(contents(&c), ["the cranes were unsafe"], "{c:?}");
    assert!(
        c[0].mention
            .as_deref()
            .is_some_and(|m| m.starts_with("Jane Roe")),
        "{c:?}"
    );
    let (_, c) =
        claims("Sen. Tom Hart (D-Ohio), chair of the Harbour Committee, said the vote would wait.");
    assert_eq!(contents(&c), ["the vote would wait"], "{c:?}");
    let (_, c) = claims(
        "Four newspapers in Harbour County, including the Daily Tide, said the mayor should resign.",
    );
    assert_eq!(contents(&c), ["the mayor should resign"], "{c:?}");
}

#[test]
fn a_participle_after_though_and_a_short_apposition_keep_the_content_going() {
    let (_, c) = claims(
        "The clerks said they expect false figures, though mixed with enough truth to cause damage.",
    );
    assert_eq!(
        contents(&c),
        ["they expect false figures, though mixed with enough truth to cause damage"]
    );
    let (_, c) = claims(
        "The letter accuses one of the harbour pilots, Tom Hart, of ignoring the tide tables.",
    );
    assert_eq!(
        contents(&c),
        ["one of the harbour pilots, Tom Hart, of ignoring the tide tables"]
    );
}

#[test]
fn a_restrictive_relative_speaker_ends_the_content_at_the_main_verb() {
    let (_, c) = claims(
        "Voters who say the harbour is most important to them were evenly divided between the candidates.",
    );
    assert_eq!(
        contents(&c),
        ["the harbour is most important to them"],
        "{c:?}"
    );
    let (_, c) = claims(
        "Those who declined to state a party when they registered are eligible to vote in the primary.",
    );
    assert_eq!(
        contents(&c),
        ["to state a party when they registered"],
        "{c:?}"
    );
    // A relative clause set off by a comma has its antecedent as the speaker; the content
    // runs on.
    let (_, c) = claims("Jane Roe, who said the harbour was safe, left the meeting early.");
    assert!(
        c.iter().all(|c| !c.content.contains("left the meeting")) || c.is_empty(),
        "{c:?}"
    );
}

#[test]
fn a_quotation_after_a_conjunction_continues_the_previous_claim() {
    let (_, c) = claims(
        "\u{201c}The cranes are idle,\u{201d} the engineer said. But \u{201c}the tide tables are right and the pilots know it.\u{201d}",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.contains("tide tables"), "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("the engineer"));
}

#[test]
fn a_speaker_is_a_noun_phrase_never_a_clause_or_a_naming() {
    // The clause's own verb ends the subject scan.
    let (_, c) =
        claims("His office put out a statement saying the harbour tolls would not rise this year.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("His office"));
    // "called" naming a new thing, "called off", "pledged" before a noun: no speech.
    for sentence in [
        "The mayor now helps lead a program called Safe Harbour Promise.",
        "Several firms called off projects with the harbour board after the vote.",
        "The harbour board has 1,700 pledged members and many more supporters.",
    ] {
        let (_, c) = claims(sentence);
        assert!(c.is_empty(), "{sentence}: {c:?}");
    }
    // A relative clause inside the subject is part of it.
    let (_, c) =
        claims("One of the pilots who signed the letter called the plan a danger to shipping.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(
        c[0].mention
            .as_deref()
            .is_some_and(|m| m.contains("pilots who signed")),
        "{c:?}"
    );
}

#[test]
fn according_to_after_an_opener_or_a_single_word() {
    let (_, c) = claims("But, according to the harbour board, the cranes will run again in May.");
    assert_eq!(contents(&c), ["the cranes will run again in May"], "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("the harbour board"));
    let (_, c) = claims("Traffic, according to the harbour board, has doubled since the spring.");
    assert_eq!(
        contents(&c),
        ["Traffic \u{2026} has doubled since the spring"],
        "{c:?}"
    );
}

#[test]
fn a_headline_names_its_speaker_before_to_or_on() {
    let ex = extract("Mayor to Dockers: the strike must end this week\n\nThe talks resume today.");
    let c = &ex.claims;
    assert_eq!(contents(c), ["the strike must end this week"], "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("Mayor"));
    let ex = extract(
        "Hart on Harbour Tolls: \u{2018}They Will Not Rise.\u{2019}\n\nThe board meets today.",
    );
    assert_eq!(
        ex.claims[0].mention.as_deref(),
        Some("Hart"),
        "{:?}",
        ex.claims
    );
    // A title-case statement after the colon is no name.
    let ex = extract("Mayor To Dockers Worried About Jobs: It\u{2019}s Going To Be Fine\n\nText.");
    assert!(
        ex.claims
            .iter()
            .all(|c| c.mention.as_deref() != Some("It\u{2019}s Going To Be Fine")),
        "{:?}",
        ex.claims
    );
}

#[test]
fn a_case_name_is_not_the_end_of_a_sentence() {
    let (_, c) = claims("The governor said the court would overturn Roe v. Wade within a year.");
    assert_eq!(
        contents(&c),
        ["the court would overturn Roe v. Wade within a year"],
        "{c:?}"
    );
}

#[test]
fn an_apposition_between_dashes_and_a_share_of_a_poll() {
    let (ex, c) =
        claims("Jane Roe \u{2014} a pilot from Ashton \u{2014} says the channel is too shallow.");
    assert_eq!(contents(&c), ["the channel is too shallow"], "{c:?}");
    let speaker = ex.speaker_of(&c[0]).expect("a speaker");
    assert_eq!(speaker.name, "Jane Roe");
    assert_eq!(speaker.role.as_deref(), Some("pilot from Ashton"));
    // "Six in 10" is a figure: the claim stands, with no speaker.
    let (_, c) = claims("Six in 10 say the harbour should stay open at night.");
    assert_eq!(
        contents(&c),
        ["the harbour should stay open at night"],
        "{c:?}"
    );
    assert_eq!(c[0].speaker, None);
}

#[test]
fn a_quoted_infinitive_and_a_document_before_of() {
    let (_, c) = claims(
        "The mayor called on the harbour board to \u{201c}act now\u{201d} against the flooding.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.contains("act now"), "{c:?}");
    let (_, c) =
        claims("A review of the harbour accounts shows the tolls rose by a third last year.");
    assert_eq!(
        contents(&c),
        ["the tolls rose by a third last year"],
        "{c:?}"
    );
}

#[test]
fn a_gerund_after_a_dash_hangs_on_the_clause() {
    let (_, c) = claims(
        "The mayor changed her mind on the spot \u{2013} saying the harbour would stay open.",
    );
    assert_eq!(contents(&c), ["the harbour would stay open"], "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
}

#[test]
fn a_document_opening_the_sentence_is_its_source() {
    let (_, c) = claims(
        "In a harbour board survey released Monday, most pilots said the channel needed dredging.",
    );
    assert!(!c.is_empty(), "{c:?}");
    let (_, c) =
        claims("In a harbour board survey released Monday, 60 percent of pilots backed dredging.");
    assert_eq!(
        contents(&c),
        ["60 percent of pilots backed dredging"],
        "{c:?}"
    );
    assert_eq!(
        c[0].mention.as_deref(),
        Some("a harbour board survey released Monday")
    );
    let (_, c) = claims("In the morning, the pilots walked to the harbour to see the boats.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_noun_phrase_content_ends_before_the_reports_own_adjuncts() {
    for (body, want) in [
        (
            "The mayor condemned the new harbour fees after the council raised them again.",
            "the new harbour fees",
        ),
        (
            "The mayor cited the figure in a statement on Thursday.",
            "the figure",
        ),
        (
            "The engineer praised the bridge design, which won an award.",
            "the bridge design",
        ),
        (
            "The mayor announced a new ferry service last week, and the council approved it.",
            "a new ferry service",
        ),
    ] {
        let (_, c) = claims(body);
        assert_eq!(contents(&c), [want], "{body}");
    }
}

#[test]
fn an_infinitive_content_is_not_cut_at_a_relative_that() {
    let (_, c) = claims(
        "The mayor agreed to repair the old pier and reopen the market that had been closed.",
    );
    assert_eq!(
        contents(&c),
        ["to repair the old pier and reopen the market that had been closed"]
    );
}

#[test]
fn adjuncts_between_speaker_cue_and_clause_are_skipped() {
    let (_, c) = claims("The engineer said after the inspection she would sign the permit.");
    assert_eq!(contents(&c), ["she would sign the permit"]);
    let (_, c) = claims("The mayor on Tuesday said the ferry would run again.");
    assert_eq!(contents(&c), ["the ferry would run again"]);
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
    let (_, c) =
        claims("\u{201c}The pier is safe again,\u{201d} said one engineer at the harbour board.");
    assert_eq!(c[0].mention.as_deref(), Some("one engineer"));
}

#[test]
fn a_frame_between_a_short_subject_and_its_verb_keeps_the_subject() {
    let (_, c) =
        claims("The ferry, the mayor said, would run again by May, although the pier is closed.");
    assert_eq!(contents(&c), ["The ferry \u{2026} would run again by May"]);
}

#[test]
fn a_quotation_resumes_after_a_phrase_of_the_frame() {
    let (_, c) = claims(
        "\u{201c}Every toll we raise,\u{201d} the mayor said, turning to the council, \u{201c}drives a trader away.\u{201d}",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].content,
        "Every toll we raise \u{2026} drives a trader away."
    );
}

#[test]
fn a_stance_after_but_keeps_the_speaker() {
    let (_, c) =
        claims("The dockers said they want better pay, but pledged to keep the port open.");
    let got: Vec<_> = c
        .iter()
        .map(|c| (c.cue.as_str(), c.content.as_str()))
        .collect();
    assert!(
        got.contains(&("pledged", "to keep the port open")),
        "{got:?}"
    );
    assert!(
        c.iter()
            .all(|c| c.mention.as_deref() == Some("The dockers")),
        "{c:?}"
    );
}

#[test]
fn a_time_between_subject_and_verb_is_skipped() {
    let (_, c) =
        claims("The harbour board this month rejected a request from traders to cut the fees.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("The harbour board"));
}
