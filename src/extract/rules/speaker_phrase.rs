//! Is a phrase someone who can speak: a name, a description, a pronoun, a body or a
//! document, never a date, a figure, a preposition or a verb phrase.

use super::super::share;
use super::super::syntax;
use super::lex;
use super::sentence::{Sentence, Window};

/// Is tokens `a..b` a phrase that can name who spoke: a name, a description, a pronoun, a
/// body or a document, never a date, a figure, a preposition or a verb phrase? An
/// apposition or a party label after the head ("Jane Roe, a lawyer", "Roe (D-Ohio)") is
/// judged by the phrase before it.
pub(super) fn is_speaker_phrase(s: &Sentence, a: usize, b: usize) -> bool {
    use syntax::Tag;
    // "73 percent said", "Six in 10 say": a share of a poll's people, which the registry
    // completes from the text before ("… of registered voters") or drops.
    // (Read only when the phrase ends as a share does.)
    let last = (a..b).rev().find(|&i| s.toks[i].word).map(|i| s.word(i));
    if b - a <= 8
        && last.is_some_and(|w| {
            matches!(w, "percent" | "%" | "10" | "ten" | "cent") || w.ends_with('%')
        })
    {
        let words: Vec<&str> = (a..b)
            .filter(|&i| s.toks[i].word)
            .map(|i| s.word(i))
            .collect();
        if share::is_bare(&words) {
            return true;
        }
    }
    // "A poll released in late August", "observers in Virginia": a postmodifier after
    // the head is judged by the phrase before it too.
    let end = (a..b)
        .find(|&i| {
            s.is_punct(i, ",")
                || s.is_punct(i, "(")
                || s.is_dash(i)
                || i > a && s.is_free_word(i) && is_postmodifier_start(s.word(i))
        })
        .unwrap_or(b);
    let Some(head) = (a..end).rev().find(|&i| s.toks[i].word) else {
        return false;
    };
    // "Later, …", "However, …", "Initially, …": an adverb opening the sentence.
    let lower = s.word(head).to_ascii_lowercase();
    if head == a
        && (lex::is_time_word(&lower)
            || lex::is_filler(&lower)
            || lex::is_subordinator(&lower)
            || matches!(
                lower.as_str(),
                "however" | "meanwhile" | "instead" | "still" | "yet" | "having" | "being"
            ))
    {
        return false;
    }
    // "he", "they": a personal pronoun alone is a speaker, no tagging needed (the
    // commonest mention of all).
    if head == a && matches!(lower.as_str(), "he" | "she" | "they" | "we" | "i" | "you") {
        return true;
    }
    let w = s.window(a, head + 1);
    // "defending his early-morning", "around the country": a verb or a preposition opens
    // no noun phrase.
    if a < head && !s.capitalised(a) && opens_no_noun_phrase(s, &w, a) {
        return false;
    }
    // "Barden now helps lead a program": a finite verb inside makes a clause, not a noun
    // phrase (unless a relative word brings it: "those who voted"; right before the head
    // it is a modifier the tagger misread: "registered voters").
    let relative = (a..head).any(|i| ["who", "that", "which", "whose"].iter().any(|r| s.is(i, r)));
    if !relative
        && (a + 1..head.saturating_sub(1)).any(|i| {
            s.is_free_word(i)
                && !s.capitalised(i)
                && w.tag(i)
                    .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP))
        })
    {
        return false;
    }
    let Some(tag) = w.tag(head) else {
        return true;
    };
    let chunk_ok = || w.chunk_at(head).is_none_or(|c| c.can_be_speaker());
    // "He didn't", "Sanders hasn't": the negated auxiliary is not the head.
    if w.is_negated(head) && head > a {
        return is_speaker_phrase(s, a, head);
    }
    // A capitalised word is a name whatever the tagger made of it ("Hoover"), unless it
    // is a month or a day.
    // At the start of the sentence a capital says nothing: "Later, the nominee said".
    let first = head == 0 || !s.toks[head - 1].word && head == a && a == 0;
    let opener = matches!(
        tag,
        Tag::RB | Tag::IN | Tag::RBR | Tag::WRB | Tag::CC | Tag::VBG | Tag::VBN | Tag::VB
    );
    if s.capitalised(head) && (!first || !opener) {
        // "Theresa May": a month after a name is the name's.
        let in_name = head > a && s.is_free_word(head - 1) && s.capitalised(head - 1);
        return (in_name || !is_calendar_word(s.word(head))) && chunk_ok();
    }
    let nominal = tag.is_noun()
        || tag.is_pronoun()
        || w.is_possessive(head)
        || matches!(
            tag,
            Tag::WDT | Tag::DT | Tag::PDT | Tag::JJ | Tag::JJR | Tag::JJS | Tag::PRPS
        );
    nominal && chunk_ok()
}

/// Words that open a postmodifier of a noun: "a poll released …", "officials in …".
pub(super) fn is_postmodifier_start(word: &str) -> bool {
    matches!(word, "in" | "at" | "from" | "across" | "around") || lex::is_reporting_participle(word)
}

/// Does token `a` start something other than a noun phrase: a past verb ("included staff
/// members"), a verb with its object ("make his supporters", "defending his record"), a
/// preposition ("at the convention") or a manner adverb ("deeply")? Compound nouns the
/// tagger reads as verbs ("exit polls", "focus groups") are kept.
fn opens_no_noun_phrase(s: &Sentence, w: &Window, a: usize) -> bool {
    use syntax::Tag;
    let Some(tag) = w.tag(a) else {
        return false;
    };
    let object_follows = w
        .tag(a + 1)
        .is_some_and(|t| matches!(t, Tag::DT | Tag::PRP | Tag::PRPS | Tag::NNP) || t.is_pronoun());
    let lower = s.word(a).to_ascii_lowercase();
    match tag {
        Tag::VBD | Tag::VBN | Tag::MD => true,
        Tag::VB | Tag::VBG | Tag::VBP | Tag::VBZ => object_follows,
        Tag::IN | Tag::TO => !matches!(lower.as_str(), "about" | "over" | "under" | "nearly"),
        Tag::RB => lower.ends_with("ly") && !matches!(lower.as_str(), "only" | "nearly"),
        _ => false,
    }
}

/// Month and day names, with their abbreviations.
fn is_calendar_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        w.as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

/// Does a subject's phrase go on back over the preposition at `i`? "a spokesman for the
/// mayor", "the head of the agency"; "Officials in the capital", "Lawmakers on Capitol
/// Hill" (a place after people or a role, not after anything); "Her submission to the
/// court", "Roe's letter to the editor" (what was written to someone is its writer's).
pub(super) fn continues_over(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    if i == 0 || !s.is_free_word(i - 1) || lex::is_np_stop(s.word(i - 1)) {
        return false;
    }
    let before = s.word(i - 1);
    match w {
        "of" | "for" | "at" => true,
        "in" | "on" => lex::is_body_head(before) || lex::is_role_head(before),
        "to" => {
            // Only a statement with its owner before it ("an email to supporters" is
            // anyone's).
            let owned = |j: usize| {
                let w = s.word(j).to_lowercase();
                matches!(w.as_str(), "his" | "her" | "its" | "their")
                    || w.ends_with("'s")
                    || w.ends_with("\u{2019}s")
                    || s.is_punct(j, "'")
                    || s.is_punct(j, "\u{2019}")
            };
            lex::is_statement_noun(before) && (i.saturating_sub(4)..i - 1).any(owned)
        }
        _ => false,
    }
}
