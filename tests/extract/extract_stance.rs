//! Reported speech without a that-clause (issue 10 and after): stance verbs with a noun
//! phrase, to-infinitives, prepositional phrases, stance nouns and participles, passives
//! of stance, headline stance verbs. One sentence per construction, written for these
//! tests (no evaluation text).

use crate::extract_rules::{T, claims, speaker};
use claimdesk::model::ClaimKind;

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
fn intentions_take_a_to_infinitive() {
    let (m, cue, content) = one("The ferry company plans to double its winter sailings.");
    assert_eq!((m.as_str(), cue.as_str()), ("The ferry company", "plans"));
    assert_eq!(content, "to double its winter sailings");
    let (m, cue, content) = one("The harbour board sought to calm the angry crab fishers.");
    assert_eq!((m.as_str(), cue.as_str()), ("The harbour board", "sought"));
    assert_eq!(content, "to calm the angry crab fishers");
    let (_, cue, content) =
        one("Councillor Ben Ode wants the port authority to publish the audit.");
    assert_eq!(cue, "wants");
    assert_eq!(content, "the port authority to publish the audit");
    let (_, cue, _) = one("The dockers decided to strike for a second week.");
    assert_eq!(cue, "decided");
    // "Plans" opening a sentence is a noun, no verb: no claim.
    let (_, c) = claims(&format!("{T}Plans to rebuild the old quay went nowhere."));
    assert!(c.iter().all(|x| x.cue != "plans"), "{c:?}");
}

#[test]
fn a_stance_verbs_content_may_be_short() {
    let (m, cue, content) = one("The dockers' union applauded the ruling.");
    assert_eq!(
        (m.as_str(), cue.as_str()),
        ("The dockers' union", "applauded")
    );
    assert_eq!(content, "the ruling");
    let (_, cue, content) = one("Both harbour pilots opposed the levy.");
    assert_eq!((cue.as_str(), content.as_str()), ("opposed", "the levy"));
    // A finding says nothing in two words: "the poll shows it" is no claim.
    let (_, c) = claims(&format!("{T}The new harbour survey shows it."));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn taking_a_side_and_offering_are_stances() {
    let (m, cue, content) = one("The ferry crews backed the new timetable on Monday.");
    assert_eq!((m.as_str(), cue.as_str()), ("The ferry crews", "backed"));
    assert!(content.starts_with("the new timetable"), "{content}");
    let (_, cue, content) = one("The harbour master echoed the warning of the pilots.");
    assert_eq!(
        (cue.as_str(), content.as_str()),
        ("echoed", "the warning of the pilots")
    );
    let (_, cue, content) = one("Two councillors pushed for a second public hearing.");
    assert_eq!(
        (cue.as_str(), content.as_str()),
        ("pushed for", "a second public hearing")
    );
    let (_, cue, content) = one("The mayor offered a plan to rebuild the quay.");
    assert_eq!(
        (cue.as_str(), content.as_str()),
        ("offered", "a plan to rebuild the quay")
    );
}

#[test]
fn a_stance_verbs_subject_after_an_opening_adjunct() {
    let (m, cue, content) = one("In July, the dockers' union called for a halt to the new tolls.");
    assert_eq!(
        (m.as_str(), cue.as_str()),
        ("the dockers' union", "called for")
    );
    assert_eq!(content, "a halt to the new tolls");
    let (m, _, content) = one("Later, the mayor praised the crews for their work.");
    assert_eq!(m, "the mayor");
    assert_eq!(content, "the crews for their work");
}

#[test]
fn an_embedded_question_after_asked_is_its_content() {
    let (m, cue, content) = one("The harbour master asked the crews which berths they would need.");
    assert_eq!((m.as_str(), cue.as_str()), ("The harbour master", "asked"));
    assert_eq!(content, "which berths they would need");
    let (_, _, content) = one("Councillor Ode asked them whether the ferry should run.");
    assert_eq!(content, "whether the ferry should run");
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
    let (_, c) = claims(&format!(
        "{T}The author of the harbour report found a new job in the capital."
    ));
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_finding_verbs_document_may_come_before_its_postmodifiers() {
    let (m, cue, content) =
        one("The most recent polling in the port towns shows the mayor well ahead of her rivals.");
    assert_eq!(
        (m.as_str(), cue.as_str()),
        ("The most recent polling in the port towns", "shows")
    );
    assert_eq!(content, "the mayor well ahead of her rivals");
    let (m, _, content) =
        one("A survey released on Monday by the harbour board shows most crews back the new toll.");
    assert!(m.starts_with("A survey released"), "{m}");
    assert_eq!(content, "most crews back the new toll");
    let (_, _, content) = one("Fresh polls that show the mayor trailing have worried her staff.");
    assert!(content.starts_with("the mayor trailing"), "{content}");
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
    assert!(c.is_empty(), "{c:?}"); // A clause before the verb: "… As He Recognizes …" has no subject of its own.
    let (_, c) = claims(
        "Mayor Seeks More Cranes As He Recognizes Harbour Day\n\nThe vote was held on Monday.\n",
    );
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

#[test]
fn a_relative_is_the_person_named_next_and_a_submission_its_owners() {
    let (ex, c) = claims(&format!(
        "{T}Lawyers for both Paul and Greta Lindqvist filed papers last week. His ex-wife agreed, but also contended that she should not have to give up her privacy. Her submission to the port board noted reports that the cranes had failed. However, Greta Lindqvist's brief said that was not her view."
    ));
    let of = |start: &str| {
        let claim = c.iter().find(|x| x.content.starts_with(start));
        claim.map(|x| speaker(&ex, x)).unwrap_or_default()
    };
    assert_eq!(of("that she should not"), "Greta Lindqvist", "{c:?}");
    assert_eq!(of("reports that"), "Greta Lindqvist", "{c:?}");
    let submission = c.iter().find(|x| x.content.starts_with("reports that"));
    assert_eq!(
        submission.and_then(|x| x.mention.as_deref()),
        Some("Her submission to the port board")
    );
    // A relative the next sentences do not name (a titled person is no one's wife)
    // names no one.
    let (ex, c) = claims(&format!(
        "{T}His wife said the cranes had failed. Mayor Ana Ruiz said they worked."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(speaker(&ex, &c[0]), "");
    assert_eq!(speaker(&ex, &c[1]), "Ana Ruiz");
}

/// A sentence adverb before the subject is no part of the speaker.
#[test]
fn perhaps_opens_no_speaker() {
    let (mention, _, _) = one("Perhaps the harbour pilots will demand more details.");
    assert_eq!(mention, "the harbour pilots");
}

/// A second speaker after a frame's content: its stance is a claim of its own, and the
/// first frame keeps its speaker.
#[test]
fn stance_after_a_frame_has_its_own_speaker() {
    let (_, c) = claims(&format!(
        "{T}\u{201c}The tolls are far too high for the crews,\u{201d} Roe said on Monday, while the dockers' union opposed the new toll plan."
    ));
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].mention.as_deref(), Some("Roe"));
    assert_eq!(c[0].content, "The tolls are far too high for the crews");
    assert_eq!(c[1].mention.as_deref(), Some("the dockers' union"));
    assert_eq!(c[1].cue, "opposed");
    assert_eq!(c[1].content, "the new toll plan");
}

#[test]
fn a_pronoun_with_its_auxiliary_speaks_as_the_pronoun() {
    let (_, c) = claims(&format!(
        "{T}Jane Roe said the ferry plan was sound, while he\u{2019}s sought to cut the harbour budget."
    ));
    let sought = c
        .iter()
        .find(|c| c.cue == "sought")
        .expect("the stance of the second speaker");
    assert_eq!(sought.mention.as_deref(), Some("he"), "{c:?}");
}

#[test]
fn an_object_pronoun_alone_is_a_stance_content() {
    let (_, c) = claims(&format!(
        "{T}The council met on Tuesday to vote on the harbour toll plan.\n\nThe mayor opposed it on Monday."
    ));
    let opposed = c
        .iter()
        .find(|c| c.cue == "opposed")
        .expect("the mayor's stance");
    assert_eq!(opposed.content, "it", "{c:?}");
    assert_eq!(opposed.mention.as_deref(), Some("The mayor"));
}
