//! One sentence per construction, written for these tests (no evaluation text).

use claimdesk::extract::{Extraction, FoundClaim, extract};
use claimdesk::model::ClaimKind;

pub(crate) fn claims(text: &str) -> (Extraction, Vec<FoundClaim>) {
    let ex = extract(text);
    let c = ex.claims.clone();
    (ex, c)
}

pub(crate) fn speaker(ex: &Extraction, c: &FoundClaim) -> String {
    ex.speaker_of(c).map(|s| s.name.clone()).unwrap_or_default()
}

pub(crate) const T: &str = "Harbour plan approved\n";

#[test]
fn quote_before_frame() {
    let (ex, c) = claims(&format!(
        "{T}\"The bridge will open in May,\" Mayor Ana Ruiz said."
    ));
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].content, "The bridge will open in May");
    assert_eq!(c[0].kind, ClaimKind::Direct);
    assert_eq!(c[0].cue, "said");
    assert_eq!(speaker(&ex, &c[0]), "Ana Ruiz");
    assert_eq!(
        ex.speaker_of(&c[0]).and_then(|s| s.role.clone()).as_deref(),
        Some("Mayor")
    );
}

#[test]
fn quote_after_frame_with_colon_and_typographic_marks() {
    let (ex, c) = claims(&format!("{T}Ruiz told reporters: “We have the money.”"));
    assert_eq!(c[0].content, "We have the money.");
    assert_eq!(c[0].kind, ClaimKind::Direct);
    assert_eq!(c[0].mention.as_deref(), Some("Ruiz"));
    assert_eq!(speaker(&ex, &c[0]), "Ruiz");
}

#[test]
fn quote_around_frame_is_one_claim() {
    let (_, c) = claims(&format!(
        "{T}\"We waited,\" the engineer said, \"and it paid off.\""
    ));
    assert_eq!(c.len(), 1);
    assert!(c[0].content.starts_with("We waited"));
    assert!(c[0].content.ends_with("and it paid off."));
}

/// A long opening adjunct before "X said, “…”" sets the scene: the quotation alone is
/// the claim.
#[test]
fn long_opening_adjunct_before_a_quotation_is_no_content() {
    let (ex, c) = claims(&format!(
        "{T}Later, in remarks at the harbour authority's riverside headquarters, Ruiz said, \
         “We will not sell the docks to anyone.”"
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "We will not sell the docks to anyone.");
    assert_eq!(c[0].kind, ClaimKind::Direct);
    assert_eq!(speaker(&ex, &c[0]), "Ruiz");
}

/// An opening time expression is no part of the speaker's mention or role.
#[test]
fn an_opening_time_expression_is_not_in_the_mention() {
    let (ex, c) = claims(&format!(
        "{T}Last week harbour authority official Ana Ruiz revealed that the docks were sold."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(speaker(&ex, &c[0]), "Ana Ruiz");
    assert_eq!(
        c[0].mention.as_deref(),
        Some("harbour authority official Ana Ruiz")
    );
}

/// A list's item with no subject ("Keeps saying …") names no speaker "Keeps".
#[test]
fn a_verb_of_continuing_before_a_gerund_cue_is_nobody() {
    let (ex, c) = claims(&format!(
        "{T}Keeps saying the docks were never sold, when the records show the sale."
    ));
    assert!(ex.speakers.iter().all(|s| s.name != "Keeps"), "{c:?}");
}

#[test]
fn reported_speech_with_second_cue() {
    let (ex, c) = claims(&format!(
        "{T}Transport Minister Paul Okafor said the budget was final, adding that tolls would stay low."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the budget was final");
    assert_eq!(c[0].kind, ClaimKind::Indirect);
    assert_eq!(c[1].content, "that tolls would stay low");
    assert_eq!(c[1].cue, "adding");
    assert_eq!(speaker(&ex, &c[1]), "Paul Okafor");
}

#[test]
fn but_warned_that_gives_two_claims() {
    let (_, c) = claims(&format!(
        "{T}Okafor claimed the plan is \"fully funded\" but warned that \"costs may rise.\""
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].kind, ClaimKind::Mixed);
    assert_eq!(c[1].cue, "warned");
}

#[test]
fn according_to_before_and_after() {
    let (ex, c) = claims(&format!(
        "{T}According to the city auditor, the works are late. The works cost more than planned, according to Ruiz."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the works are late");
    assert_eq!(c[0].mention.as_deref(), Some("the city auditor"));
    assert_eq!(c[1].content, "The works cost more than planned");
    assert_eq!(speaker(&ex, &c[1]), "Ruiz");
}

#[test]
fn nominal_cue() {
    let (ex, c) = claims(&format!(
        "{T}Crews kept working despite the union's announcement that a strike would begin Monday."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].cue, "announcement");
    assert_eq!(c[0].content, "that a strike would begin Monday");
    assert!(speaker(&ex, &c[0]).is_empty() || c[0].mention.is_some());
}

#[test]
fn headline_attribution() {
    let (ex, c) = claims("Bridge to open in May: City Hall\nThe council met on Monday.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].kind, ClaimKind::Headline);
    assert_eq!(c[0].content, "Bridge to open in May");
    assert_eq!(speaker(&ex, &c[0]), "City Hall");
}

/// Page furniture of a web article: a picture's credit in brackets, the source line, the
/// kind of piece ("Column:", "Fact Check:") or a disclaimer before a colon.
#[test]
fn a_picture_credit_and_a_source_line_are_not_headlines() {
    let (_, c) = claims(&format!(
        "{T}Roughly 400 boats remain in the harbour, years after the strike [File: Harbour Times]\nThe council met on Monday.\nSOURCE: News agencies\nDisclaimer: The views in this column are the writers own\nColumn: Harbour merger bodes ill for local boats\nFact Check: Is the harbour selling fresh air for money"
    ));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn nested_passive_gives_two_claims() {
    let (ex, c) = claims(&format!(
        "{T}The spokeswoman said the council has been told by engineers that the deck is safe."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].content, "that the deck is safe");
    assert_eq!(speaker(&ex, &c[1]), "engineers");
}

/// A bare title names the one who holds it as a title, not the president of something
/// named more recently, and never a vice president.
#[test]
fn the_president_is_the_one_titled_so() {
    let (ex, c) = claims(&format!(
        "{T}President Lena Brandt said a deal was close. Ann Duvall, the president of the Farm Bureau, said farmers faced hardship. Vice President Tom Hale said talks would resume. The president has said her approach created leverage."
    ));
    assert_eq!(c.len(), 4, "{c:?}");
    assert_eq!(c[3].mention.as_deref(), Some("The president"));
    assert_eq!(speaker(&ex, &c[3]), "Lena Brandt");
    let (ex, c) = claims(&format!(
        "{T}Ann Duvall, the president of the Farm Bureau, said farmers faced hardship. The president said time was running out."
    ));
    assert_eq!(
        speaker(&ex, &c[1]),
        "Ann Duvall",
        "no one else holds the title"
    );
}

#[test]
fn pronouns_and_descriptions_resolve() {
    let (ex, c) = claims(&format!(
        "{T}Finance Minister Lena Brandt said taxes would not rise. She added that the deficit would shrink. \"We are on track,\" the minister said."
    ));
    assert_eq!(c.len(), 3, "{c:?}");
    for claim in &c {
        assert_eq!(speaker(&ex, claim), "Lena Brandt");
    }
    assert_eq!(c[1].mention.as_deref(), Some("She"));
}

#[test]
fn scare_quotes_are_not_claims_and_do_not_make_it_mixed() {
    let (_, c) = claims(&format!(
        "{T}The \"Blue Line\" opened in 2010. Ruiz said \"Blue Line\" trains were late."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, ClaimKind::Indirect);
}

#[test]
fn quotes_inside_quotes() {
    let (_, c) = claims(&format!("{T}\"They said 'no' twice,\" Ruiz said."));
    assert_eq!(c[0].content, "They said 'no' twice");
}

#[test]
fn unbalanced_quote_does_not_swallow_the_article() {
    let (_, c) = claims(&format!(
        "{T}Ruiz said \"the money is there.\n\nOkafor said the tolls would stay low."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].content, "the tolls would stay low");
}

#[test]
fn navigation_lines_are_not_claims() {
    let (_, c) = claims(&format!(
        "{T}Read more: Tolls will rise, says report\nRelated: Mayor says no"
    ));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn two_apostrophe_quotes() {
    let (_, c) = claims(&format!("{T}''We will build it,'' Mr. Okafor said."));
    assert_eq!(c[0].content, "We will build it");
    assert_eq!(c[0].mention.as_deref(), Some("Mr. Okafor"));
}

#[test]
fn appositive_speaker() {
    let (ex, c) = claims(&format!(
        "{T}Maria Lopes, a spokeswoman for the port authority, said the cranes were idle."
    ));
    assert_eq!(c[0].content, "the cranes were idle");
    assert_eq!(speaker(&ex, &c[0]), "Maria Lopes");
    assert_eq!(
        ex.speaker_of(&c[0]).and_then(|s| s.role.clone()).as_deref(),
        Some("spokeswoman for the port authority")
    );
}

#[test]
fn empty_and_plain_text_have_no_claims() {
    assert!(extract("").claims.is_empty());
    assert!(
        extract("The river rose overnight. Schools stayed closed.")
            .claims
            .is_empty()
    );
}

#[test]
fn transcript_lines_name_their_speaker() {
    let (ex, c) = claims(&format!(
        "{T}Lena Brandt: We will not raise taxes this year.\nThe Long Road: a history of the bridge."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "We will not raise taxes this year");
    assert_eq!(speaker(&ex, &c[0]), "Lena Brandt");
}

#[test]
fn according_to_in_the_middle_keeps_both_sides() {
    let (_, c) = claims(&format!(
        "{T}The tunnel, according to the engineers, will take four more years."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.contains("The tunnel") && c[0].content.contains("four more years"));
}

#[test]
fn inverted_frame_with_apposition() {
    let (ex, c) = claims(&format!(
        "{T}\"It is a good day for the city,\" said Omar Haddad, a councillor from the east side."
    ));
    assert_eq!(c[0].content, "It is a good day for the city");
    assert_eq!(speaker(&ex, &c[0]), "Omar Haddad");
}

#[test]
fn a_clause_after_the_cue_is_not_a_speaker() {
    // "suggested that …" after an unresolved apposition must not make "that …" the speaker.
    let (_, c) = claims(&format!(
        "{T}State Rep. Jo Park (R), a leader of the coalition, suggested that the plan had flaws."
    ));
    for claim in &c {
        assert!(
            !claim.mention.as_deref().unwrap_or("").starts_with("that"),
            "{c:?}"
        );
    }
}

#[test]
fn opening_clause_cue_yields_to_the_main_clause() {
    let (ex, c) = claims(&format!(
        "{T}Asked whether she believed the contractor, Ruiz said the contract would be reviewed."
    ));
    // The question put to Ruiz is a claim of its own, without a source.
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "whether she believed the contractor");
    assert_eq!(c[0].mention, None);
    assert_eq!(c[1].content, "the contract would be reviewed");
    assert_eq!(speaker(&ex, &c[1]), "Ruiz");
    // With no frame in the main clause, the opening clause's own frame counts.
    let (_, c) = claims(&format!(
        "{T}When Okafor said the budget was final, the council adjourned."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "the budget was final");
}

#[test]
fn appositions_give_names_and_roles() {
    let text = format!(
        "{T}The talks are stalled, said John Smith, the union's chief negotiator.\n\
         'We are not moving,' the dockers' spokeswoman, Jane Roe, said on Tuesday.\n\
         Smith, 54, who has led the union since 2015, warned that the strike could spread."
    );
    let (ex, c) = claims(&text);
    assert_eq!(c.len(), 3, "{c:?}");
    let role = |i: usize| ex.speaker_of(&c[i]).and_then(|s| s.role.clone());
    assert_eq!(speaker(&ex, &c[0]), "John Smith");
    assert_eq!(role(0).as_deref(), Some("union's chief negotiator"));
    assert_eq!(c[1].content, "We are not moving");
    assert_eq!(speaker(&ex, &c[1]), "Jane Roe");
    assert_eq!(role(1).as_deref(), Some("dockers' spokeswoman"));
    assert_eq!(speaker(&ex, &c[2]), "John Smith");
    assert_eq!(c[2].content, "that the strike could spread");
}

#[test]
fn a_contrasting_clause_is_a_second_speaker() {
    let (ex, c) = claims(&format!(
        "{T}Officials at the ministry say the strike has cost millions, while employers claim the figure is higher."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the strike has cost millions");
    assert_eq!(c[1].content, "the figure is higher");
    assert_eq!(speaker(&ex, &c[1]), "employers");
}

#[test]
fn wire_style_frames() {
    let text = format!(
        "{T}Hale was quoted as saying the government would not impose a settlement.\n\
         The Port Authority said in a statement: \"Operations are suspended.\""
    );
    let (ex, c) = claims(&text);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].cue, "quoted as saying");
    assert_eq!(c[0].content, "the government would not impose a settlement");
    assert_eq!(speaker(&ex, &c[1]), "Port Authority");
    assert_eq!(c[1].content, "Operations are suspended.");
    assert_eq!(c[1].kind, ClaimKind::Direct);
}

#[test]
fn headline_bodies_in_lower_case_and_titled_names_are_not_aliases() {
    let (ex, c) = claims(
        "Ceasefire talks resume in Cairo: officials\nForeign Minister Ana Lima said talks would go on.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].kind, ClaimKind::Headline);
    assert_eq!(speaker(&ex, &c[0]), "officials");
    let lima = ex.speaker_of(&c[1]).expect("a speaker");
    assert_eq!(lima.name, "Ana Lima");
    assert!(lima.aliases.is_empty(), "{:?}", lima.aliases);
}

#[test]
fn nouns_and_passives_are_not_speech_verbs() {
    let text = format!(
        "{T}Ruiz rejected the auditor's claim that costs had doubled.\n\
         The plan is said to cost more than expected.\n\
         Okafor's move was first reported by the Daily Courier.\n\
         He's said the bridge would open in May."
    );
    let (ex, c) = claims(&text);
    assert!(
        c.iter()
            .all(|c| c.cue != "claim" || c.mention.as_deref() == Some("the auditor's")),
        "{c:?}"
    );
    assert!(!c.iter().any(|c| c.content.starts_with("to cost")), "{c:?}");
    let reported = c
        .iter()
        .find(|c| c.cue == "reported")
        .expect("passive with agent");
    assert_eq!(reported.content, "Okafor's move");
    assert_eq!(speaker(&ex, reported), "Daily Courier");
    assert!(
        c.iter()
            .any(|c| c.content == "the bridge would open in May"),
        "{c:?}"
    );
}

#[test]
fn a_colon_frame_takes_the_next_sentence() {
    let (ex, c) = claims(&format!(
        "{T}In a statement on Friday, the port authority said:\n\"The port will reopen on Monday.\""
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "The port will reopen on Monday.");
    assert_eq!(speaker(&ex, &c[0]), "port authority");
}

#[test]
fn interview_labels_and_contractions_are_not_speakers() {
    let (_, c) = claims(&format!(
        "{T}Q: Health care, right? Single-payer?\nThat's the view of experts, saying such a move would set a new standard.\nOfficials in the capital said the talks went well."
    ));
    assert!(
        !c.iter().any(|c| c.mention.as_deref() == Some("Q")),
        "{c:?}"
    );
    assert!(
        !c.iter().any(|c| c.mention.as_deref() == Some("That's")),
        "{c:?}"
    );
    assert!(
        c.iter()
            .any(|c| c.mention.as_deref() == Some("Officials in the capital")),
        "{c:?}"
    );
}

#[test]
fn a_closing_frame_governs_the_sentence() {
    let (ex, c) = claims(&format!(
        "{T}Her father's death drives her, and she finds that purpose in public work, she said."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].content.starts_with("Her father's death"), "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("she"));
    let _ = ex;
}

#[test]
fn a_quote_after_a_gerund_claim_joins_the_quotation() {
    let (_, c) = claims(&format!(
        "{T}\"The market timing was key,\" Hedge said, adding that prices had doubled. \"They saw the market returning.\""
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    let quote = c.iter().find(|c| c.cue == "said").expect("the quotation");
    assert!(
        quote.content.ends_with("They saw the market returning."),
        "{c:?}"
    );
    let adding = c
        .iter()
        .find(|c| c.cue == "adding")
        .expect("the gerund claim");
    assert_eq!(adding.content, "that prices had doubled");
}

#[test]
fn relative_pronouns_resolve_to_their_antecedent() {
    let (ex, c) = claims(&format!(
        "{T}The mayor met Jane Roe, who said the bridge was safe."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("Jane Roe, who"));
    assert_eq!(speaker(&ex, &c[0]), "Jane Roe");
}

#[test]
fn hearers_times_and_reduced_relatives() {
    let text = format!(
        "{T}Prime Minister Lee told parliament on Monday the strike was \"unacceptable\", adding that the army could be deployed.\n\
         \"We never agreed to that,\" insisted Lee's spokesman, Tom Hart.\n\
         The report, published on Tuesday by the auditors, found that losses reached $2bn.\n\
         \"It's over,\" according to one union official."
    );
    let (ex, c) = claims(&text);
    let by_cue = |cue: &str| {
        c.iter()
            .find(|c| c.cue == cue)
            .unwrap_or_else(|| panic!("{cue}: {c:?}"))
    };
    assert_eq!(by_cue("told").content, "the strike was \"unacceptable\"");
    assert_eq!(speaker(&ex, by_cue("insisted")), "Tom Hart");
    assert_eq!(by_cue("found").content, "that losses reached $2bn");
    assert_eq!(by_cue("according to").content, "It's over");
    assert_eq!(by_cue("according to").kind, ClaimKind::Direct);
}

#[test]
fn went_on_to_say_and_including() {
    let (_, c) = claims(&format!(
        "{T}He went on to say that the strike would end soon.\nCritics, including several economists, say the plan will fail."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("He"));
    assert_eq!(c[0].content, "that the strike would end soon");
    assert_eq!(
        c[1].mention.as_deref(),
        Some("Critics, including several economists")
    );
}

#[test]
fn a_list_of_names_after_a_colon_is_not_a_claim() {
    let (_, c) = claims(&format!(
        "{T}Delegates.\nNevada: Adam Khan, Ana Ruiz, Bob Cavazos, Chip Evans."
    ));
    assert!(c.is_empty(), "{c:?}");
}
