//! One sentence per construction, written for these tests (no evaluation text).

use claimdesk::extract::{Extraction, FoundClaim, extract};
use claimdesk::model::ClaimKind;

fn claims(text: &str) -> (Extraction, Vec<FoundClaim>) {
    let ex = extract(text);
    let c = ex.claims.clone();
    (ex, c)
}

fn speaker(ex: &Extraction, c: &FoundClaim) -> String {
    ex.speaker_of(c).map(|s| s.name.clone()).unwrap_or_default()
}

const T: &str = "Harbour plan approved\n";

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

// ---- Reported speech without a that-clause (issue 10) ----

fn one(text: &str) -> (String, String, String) {
    let (_, c) = claims(&format!("{T}{text}"));
    assert_eq!(c.len(), 1, "{text}: {c:?}");
    (
        c[0].mention.clone().unwrap_or_default(),
        c[0].cue.clone(),
        c[0].content.clone(),
    )
}

#[test]
fn stance_verb_with_noun_phrase_content() {
    let (m, cue, content) =
        one("The harbour master criticised the new toll plan as a burden on small fishing crews.");
    assert_eq!(m, "The harbour master");
    assert_eq!(cue, "criticised");
    assert_eq!(
        content,
        "the new toll plan as a burden on small fishing crews"
    );
    // The content stops before an adjunct that opens a new phrase.
    let (_, _, content) = one(
        "Councillor Ben Ode praised the rescue crews for their speed during a visit to the quay.",
    );
    assert_eq!(content, "the rescue crews for their speed");
}

#[test]
fn commitments_and_requests_take_a_to_infinitive() {
    let (m, cue, content) = one("The mayor pledged to reopen the ferry line before the winter.");
    assert_eq!((m.as_str(), cue.as_str()), ("The mayor", "pledged"));
    assert_eq!(content, "to reopen the ferry line before the winter");
    let (m, _, content) = one("Union leaders urged dock workers to reject the new contract.");
    assert_eq!(m, "Union leaders");
    assert_eq!(content, "dock workers to reject the new contract");
    let (_, cue, content) = one("The ministry called on the port authority to publish the audit.");
    assert_eq!(cue, "called on");
    assert_eq!(content, "the port authority to publish the audit");
}

#[test]
fn speech_about_something_takes_a_prepositional_phrase() {
    let (m, cue, content) = one("The engineers called for an independent review of the bridge.");
    assert_eq!((m.as_str(), cue.as_str()), ("The engineers", "called for"));
    assert_eq!(content, "an independent review of the bridge");
    let (_, cue, content) =
        one("Mayor Ana Ruiz spoke about the cost of the new sea wall at length.");
    assert_eq!(cue, "spoke about");
    assert!(content.starts_with("the cost of the new sea wall"));
}

#[test]
fn progressive_stance_keeps_its_subject() {
    let (m, cue, content) =
        one("The council is once again questioning the safety of the old pier.");
    assert_eq!((m.as_str(), cue.as_str()), ("The council", "questioning"));
    assert_eq!(content, "the safety of the old pier");
}

#[test]
fn narration_verbs_and_nouns_are_not_stance_claims() {
    let (_, c) = claims(&format!(
        "{T}The crews walked along the quay before dawn. The plan has broad support among fishermen."
    ));
    assert!(c.is_empty(), "{c:?}");
    // A finding verb needs a document as its subject.
    let (_, c) = claims(&format!(
        "{T}The diver found a rusted anchor near the pier."
    ));
    assert!(c.is_empty(), "{c:?}");
    let (m, _, _) = one("The latest survey shows a clear majority for the new bridge.");
    assert_eq!(m, "The latest survey");
}

#[test]
fn owned_stance_noun() {
    let (m, cue, content) =
        one("The crowd cheered his promise to rebuild the harbour wall within a year.");
    assert_eq!(m, "his");
    assert_eq!(cue, "promise to");
    assert_eq!(content, "rebuild the harbour wall within a year");
}

#[test]
fn content_ends_at_although_and_the_next_clause_is_its_own_claim() {
    let (_, c) = claims(&format!(
        "{T}He claimed the tender was rigged, although he again refused to name the bidders involved."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the tender was rigged");
    assert_eq!(c[1].cue, "refused");
    assert_eq!(c[1].content, "to name the bidders involved");
}

#[test]
fn party_label_and_long_appositions_before_the_verb() {
    let (m, _, content) = one("Rep. Jane Roe (D-Ohio) said the levy would pass next week.");
    assert_eq!(m, "Rep. Jane Roe (D-Ohio)");
    assert_eq!(content, "the levy would pass next week");
    let (m, _, _) = one(
        "Ana Pires, 59, of Porto, who watched the launch from the harbour, said the ship looked fine.",
    );
    assert!(m.starts_with("Ana Pires, 59, of Porto"), "{m}");
    let (m, _, _) = one("A lawyer for the two unions, Tom Hart, said the ruling was wrong.");
    assert_eq!(m, "A lawyer for the two unions, Tom Hart");
}

#[test]
fn bare_clause_after_a_finding_verb() {
    let (m, _, content) = one("An arbitration panel found the port was in breach of the lease.");
    assert_eq!(m, "An arbitration panel");
    assert_eq!(content, "the port was in breach of the lease");
}

#[test]
fn transcript_turns_and_signed_quotations() {
    let (ex, c) = claims(
        "Interview\n\nHOST: Where does the money for the sea wall come from, and when will it be built?\n\n\"RUIZ: The money is in the budget, and the work starts in May.\n\n“The wall saved our street last winter and I hope they finish it.” ― Rosa Lima\n",
    );
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("HOST"));
    assert_eq!(c[1].mention.as_deref(), Some("RUIZ"));
    assert_eq!(
        c[1].content,
        "The money is in the budget, and the work starts in May."
    );
    assert_eq!(c[2].mention.as_deref(), Some("Rosa Lima"));
    assert!(c[2].content.starts_with("The wall saved our street"));
    assert_eq!(speaker(&ex, &c[2]), "Rosa Lima");
}

#[test]
fn a_date_is_never_a_speaker_and_a_bare_share_names_no_one() {
    let (_, c) = claims(&format!(
        "{T}In July, the harbour board said the cranes would be replaced. Twelve percent said the fares were too high."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("the harbour board"));
    // A share of those asked is a claim of its own; with no population or poll named
    // before it, the bare share names no one, so the claim is left unattributed (a share
    // after "of registered voters" takes that population: the speakers' tests).
    assert!(c[1].content.starts_with("the fares were too high"), "{c:?}");
    assert_eq!(c[1].mention, None);
}

#[test]
fn a_stance_verbs_object_may_be_one_name() {
    let (_, c) = claims(&format!(
        "{T}The dockers' union endorsed Ruiz on Monday. The mayor criticized Lima."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "Ruiz");
    assert_eq!(c[0].mention.as_deref(), Some("The dockers' union"));
    assert_eq!(c[1].content, "Lima");
    // A time is no name: "praised Monday" says nothing.
    let (_, c) = claims(&format!("{T}The mayor criticized Monday."));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_refusal_to_comment_is_a_claim() {
    let (_, c) = claims(&format!("{T}A spokesman for the port declined to comment."));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "to comment");
    assert_eq!(c[0].mention.as_deref(), Some("A spokesman for the port"));
}

#[test]
fn a_stance_before_a_speech_frame_is_a_claim_of_its_own() {
    let (_, c) = claims(&format!(
        "{T}The dockers' union praised the new cranes on Monday, and the mayor said the port would reopen in May."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the new cranes");
    assert_eq!(c[0].mention.as_deref(), Some("The dockers' union"));
    assert_eq!(c[1].content, "the port would reopen in May");
    assert_eq!(c[1].mention.as_deref(), Some("the mayor"));
}

#[test]
fn a_stance_of_the_frames_own_speaker_before_its_cue_is_a_claim() {
    // The stance and the speech verb share their subject.
    let (_, c) = claims(&format!(
        "{T}The mayor praised the leadership of the dockers' union and said the port would reopen in May."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the leadership of the dockers' union");
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
    assert_eq!(c[1].content, "the port would reopen in May");
    // A participle of speech after the stance.
    let (_, c) = claims(&format!(
        "{T}The mayor defended the new tolls, calling the old ones \"a gift to the ferry owners.\""
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the new tolls");
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
}

#[test]
fn a_participle_of_stance_after_a_noun_takes_the_noun_as_speaker() {
    let (_, c) = claims(&format!(
        "{T}The council approved a resolution condemning the decision to close the port."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "the decision to close the port");
    assert_eq!(c[0].mention.as_deref(), Some("a resolution"));
}

#[test]
fn a_passive_stance_with_its_agent_is_the_agents_claim() {
    let (_, c) = claims(&format!(
        "{T}The new toll plan has long been opposed by the dockers' union."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "The new toll plan");
    assert_eq!(c[0].mention.as_deref(), Some("the dockers' union"));
    // Without an agent the passive names no one who takes the stance.
    let (_, c) = claims(&format!("{T}The new toll plan was rejected on Monday."));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_headline_stance_verb_read_from_its_form() {
    let (_, c) = claims(
        "Dockers' Union Endorses Jane Roe Amid Harbour Row\n\nThe vote was held on Monday in the port hall.\n",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "Jane Roe");
    assert_eq!(c[0].mention.as_deref(), Some("Dockers' Union"));
    assert_eq!(c[0].kind, ClaimKind::Headline);
    // A plural noun in a title is no verb.
    let (_, c) = claims("Harbour attacks test the port\n\nThe vote was held on Monday.\n");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn regret_and_what_a_speaker_brings_up_are_claims() {
    let (_, c) = claims(&format!(
        "{T}The mayor lamented the closure of the old ferry. The union invoked the harbour law."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the closure of the old ferry");
    assert_eq!(c[0].mention.as_deref(), Some("The mayor"));
    assert_eq!(c[1].content, "the harbour law");
}

#[test]
fn plans_put_forward_are_claims() {
    let (_, c) = claims(&format!(
        "{T}The governor unveiled a plan to rebuild the harbour. The court ordered a new count of the ballots."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "a plan to rebuild the harbour");
    assert_eq!(c[0].mention.as_deref(), Some("The governor"));
    assert_eq!(c[1].content, "a new count of the ballots");
    assert_eq!(c[1].mention.as_deref(), Some("The court"));
}

#[test]
fn a_purpose_clause_before_an_interposed_frame_opens_the_content() {
    let (_, c) = claims(&format!(
        "{T}To fix the harbour, Jane Roe said, the council must borrow."
    ));
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].content, "To fix the harbour … the council must borrow");
    assert_eq!(c[0].mention.as_deref(), Some("Jane Roe"));
}

#[test]
fn an_as_clause_frames_the_clause_it_comments_on() {
    let (_, c) = claims(&format!(
        "{T}As Jane Roe put it in a statement to reporters, the harbour is \"a drain on the city.\" The cranes are old, as the mayor noted on Monday. As an added bonus, the ferry is free."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].content, "the harbour is \"a drain on the city.\"");
    assert_eq!(c[0].mention.as_deref(), Some("Jane Roe"));
    assert_eq!(c[0].cue, "put it");
    assert_eq!(c[1].content, "The cranes are old");
    assert_eq!(c[1].mention.as_deref(), Some("the mayor"));
}
