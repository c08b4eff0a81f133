//! Speech and stance verbs whose content is a noun phrase, a to-infinitive or a
//! prepositional phrase: "X criticised the plan as reckless", "X pledged to cut taxes",
//! "X urged voters to stay home", "X called for an inquiry", ", accusing Y of Z".
//! Tried only when a sentence has no clause-taking frame, so a "said that" always wins.

use super::super::complements::{self, Takes};
use super::super::syntax::{MONTHS, Tag};
use super::Frame;
use super::bounds::{
    MIN_WORDS, noun_phrase_end, phrase_end, plausible_subject, relative_clause_end,
    second_predicate, words_between,
};
use super::catenative::in_chain;
use super::content::{Stance, reported, second_cues};
use super::cue_words::{cue_at, used_as_speech_verb};
use super::findings::document_subject;
use super::lex;
use super::sentence::Sentence;
use super::short_object::{pronoun_object, short_content_ok};
use super::subjects::{clause_subject, is_speaker_phrase, noun_phrase_before, subject_before};

/// These rules, for the content rules below that read a clause after a content.
pub(super) const STANCE: Stance = Stance {
    frames: stance_frames,
    second: second_stance,
};

/// Frames of stance verbs from token `from` on. Returns true when one was found.
pub(super) fn stance_frames(s: &Sentence, from: usize, out: &mut Vec<Frame>) -> bool {
    let n = s.toks.len();
    for k in from..n {
        if !s.is_free_word(k) {
            continue;
        }
        let Some(takes) = complements::takes(s.word(k)) else {
            continue;
        };
        // "wants to criticise": an infinitive is not the verb of the clause.
        // "tried to portray X as …": a chain hands its subject on to the infinitive.
        if k > 0 && s.is(k - 1, "to") && !in_chain(s, k) || !used_as_speech_verb(s, k) {
            continue;
        }
        let Some((cue_end, start, infinitive)) = content_after(s, k, takes) else {
            continue;
        };
        if words_between(s, start, n) < MIN_WORDS
            && !s.capitalised(start)
            && !infinitive
            && !short_content_ok(s, k)
        {
            continue;
        }
        if complements::needs_as(s.word(k))
            && !(start..n.min(start + 9)).any(|i| s.is_free_word(i) && s.is(i, "as"))
        {
            continue;
        }
        // ", accusing …", and "a series of tweets criticizing …": a gerund after a comma or
        // after what was said hangs on the clause's subject.
        let gerund = lex::is_gerund(s.word(k))
            && k > 0
            && (s.is_punct(k - 1, ",")
                || s.is_free_word(k - 1) && complements::is_utterance_noun(s.word(k - 1)));
        let subject = if gerund {
            clause_subject(s, k - 1)
        } else if lex::is_gerund(s.word(k)) {
            // "is calling for", "is once again questioning": a progressive keeps its subject.
            // "a group backing Ruiz": a participle right after a noun takes it as subject.
            s.be_before(k)
                .and_then(|be| subject_before(s, be))
                .or_else(|| {
                    after_noun(s, k, takes)
                        .then(|| noun_phrase_before(s, k))
                        .flatten()
                })
        } else {
            subject_before(s, k)
        };
        // With a noun-phrase content the tagger must read the cue as a verb ("support",
        // "attacks" are often nouns); "calls for", "pledged to" say it themselves.
        // A finding verb is checked against its subject instead: the tagger reads "the
        // poll shows Clinton leading" as a plural noun more often than not.
        let bare_np = start == k + 1 && !s.is(start, "to");
        if bare_np
            && !complements::needs_document(s.word(k))
            && !s.window(k, k + 1).tag(k).is_some_and(|t| t.is_verb())
        {
            continue;
        }
        // "The poll shows …", never "he found a job".
        let Some((a, b)) = (if complements::needs_document(s.word(k)) {
            subject
                .and_then(|(a, b)| document_subject(s, speaker_subject(s, a, b).unwrap_or((a, b))))
        } else {
            subject.and_then(|(a, b)| speaker_subject(s, a, b))
        }) else {
            continue;
        };
        let cue = s.text[s.toks[k].start..s.toks[cue_end].end].to_string();
        let mut end = phrase_end(s, start, n, infinitive);
        // "The review shows the tolls rose last year": a document's content is a clause
        // more often than not, whatever the tagger made of its verb; a time stays in it.
        if !infinitive {
            let times = !complements::needs_document(s.word(k));
            end = end.min(noun_phrase_end(s, start, end, times));
        }
        let end = relative_clause_end(s, (a, b), start, end, !infinitive);
        let mention = Some(s.span(a, b));
        if let Some(name) = lone_name(s, start, end).or_else(|| lone_pronoun(s, k, start, end)) {
            out.push(name_frame(s, name, cue, mention));
        } else {
            reported(s, start, end, cue, mention, STANCE, out);
        }
        // "called the plan a disgrace and threatened to …": the second predicate may be a
        // stance of the same speaker.
        let and = if s.is_punct(end, ",") { end + 1 } else { end };
        if end < n && s.is(and, "and") {
            second_stance(s, and + 1, mention, out);
        }
        // "rejected the request, saying the courts have no business …": the same speaker
        // goes on with a speech verb.
        if let Some(c) = (end..n.min(end + 12)).find(|&i| s.is_punct(i, ",") && !s.toks[i].quoted)
            && s.is_free_word(c + 1)
            && lex::is_gerund(s.word(c + 1))
            && cue_at(s, c + 1).is_some()
        {
            second_cues(s, c + 1, n, mention, STANCE, out);
        }
        return !out.is_empty();
    }
    false
}

/// A stance frame of a known speaker whose verb is the second predicate at `p`.
pub(super) fn second_stance(
    s: &Sentence,
    p: usize,
    mention: Option<(usize, usize)>,
    out: &mut Vec<Frame>,
) {
    let n = s.toks.len();
    let Some(k) = second_predicate(s, p) else {
        return;
    };
    let Some(takes) = complements::takes(s.word(k)) else {
        return;
    };
    let Some((cue_end, start, infinitive)) = content_after(s, k, takes) else {
        return;
    };
    if words_between(s, start, n) < MIN_WORDS
        && !s.capitalised(start)
        && !infinitive
        && !short_content_ok(s, k)
    {
        return;
    }
    let cue = s.text[s.toks[k].start..s.toks[cue_end].end].to_string();
    let mut end = phrase_end(s, start, n, infinitive);
    if !infinitive {
        end = end.min(noun_phrase_end(s, start, end, true));
    }
    if let Some(name) = lone_name(s, start, end).or_else(|| lone_pronoun(s, k, start, end)) {
        out.push(name_frame(s, name, cue, mention));
    } else {
        reported(s, start, end, cue, mention, STANCE, out);
    }
}

/// "criticized Trump", "endorsed Clinton on Monday": a content that is one name (a
/// capitalised word the tagger reads as a proper noun, no time word), too short for the
/// rules that want a phrase. Returns its token.
fn lone_name(s: &Sentence, start: usize, end: usize) -> Option<usize> {
    let mut words = (start..end).filter(|&i| s.toks[i].word);
    let w = words.next()?;
    if words.next().is_some()
        || !s.is_free_word(w)
        || !s.capitalised(w)
        || lex::is_time_word(s.word(w))
        || MONTHS.iter().any(|m| s.is(w, m))
        || s.is(w, "I")
    {
        return None;
    }
    s.window(w, w + 1)
        .tag(w)
        .is_some_and(|t| matches!(t, Tag::NNP | Tag::NNPS))
        .then_some(w)
}

/// "opposed it on Monday", "endorsed him": a content that is the stance verb's object
/// pronoun alone, too short for the rules that want a phrase. Returns its token.
fn lone_pronoun(s: &Sentence, k: usize, start: usize, end: usize) -> Option<usize> {
    (start == k + 1 && end == start + 1 && pronoun_object(s, k)).then_some(start)
}

/// The frame of a content that is one name (or object pronoun) at token `w`.
fn name_frame(s: &Sentence, w: usize, cue: String, mention: Option<(usize, usize)>) -> Frame {
    Frame {
        content: vec![s.span(w, w + 1)],
        cue,
        mention,
        headline: false,
        continues: false,
        announces: false,
    }
}

/// Where the content of the stance verb at `k` starts, the last token of the cue, and
/// whether the content is an infinitive (which keeps its own adjuncts: "pledged to act
/// before the vote").
fn content_after(s: &Sentence, k: usize, takes: Takes) -> Option<(usize, usize, bool)> {
    let next = k + 1;
    if !s.is_free_word(next) && !s.opens_quote(next) {
        return None;
    }
    let w = s.word(next).to_ascii_lowercase();
    // "vowed to fight", "declined to comment"; "pointed to the figures" is a preposition.
    if w == "to" && !takes.preps.contains(&"to") {
        return (takes.to && s.is_free_word(next + 1) && !s.capitalised(next + 1))
            .then_some((k, next, true));
    }
    // "called for an inquiry", "warned of a crisis"
    if takes.preps.contains(&w.as_str()) {
        return Some((next, next + 1, false));
    }
    // "asked whether the deals required …", "asked the mayor which roads …": an embedded
    // question, after at most a short object (a name, a pronoun, "our readers").
    if s.word(k).to_ascii_lowercase().starts_with("ask")
        && let Some(q) = (next..s.toks.len().min(next + 4))
            .take_while(|&i| s.is_free_word(i))
            .find(|&i| opens_question(s.word(i)))
        && (next..q).all(|i| !lex::is_np_stop(s.word(i)))
        && s.is_free_word(q + 1)
    {
        return Some((k, q, false));
    }
    // "called on Congress to act"
    if w == "on" && s.word(k).to_ascii_lowercase().starts_with("call") {
        return object_then_to(s, next + 1).map(|_| (next, next + 1, true));
    }
    // "expressed misgivings about the plan": the content is what the feeling is about.
    if (s.word(k).starts_with("express") || s.word(k).starts_with("voic"))
        && complements::is_concern_noun(&w)
    {
        let p = next + 1;
        return (s.is_free_word(p)
            && matches!(
                s.word(p).to_ascii_lowercase().as_str(),
                "about" | "over" | "for" | "with" | "at" | "of" | "in"
            ))
        .then_some((p, p + 1, false));
    }
    if takes.obj_to && object_then_to(s, next).is_some() {
        return Some((k, next, true));
    }
    // "The video shows him with his hands raised": a finding's object may be a pronoun.
    if takes.np
        && (starts_noun_phrase(s, next)
            || pronoun_object(s, k)
            || complements::needs_document(s.word(k))
                && ["him", "her", "them", "us"].iter().any(|p| s.is(next, p)))
    {
        return Some((k, next, false));
    }
    None
}

/// The subject `(a, b)` of a stance verb when it is a speaker. "In July, the union": one
/// the scan opened with an adjunct ("In July", "Later") and a comma is the noun phrase
/// after the comma, when that is a speaker.
fn speaker_subject(s: &Sentence, a: usize, b: usize) -> Option<(usize, usize)> {
    if plausible_subject(s, a, b) && is_speaker_phrase(s, a, b) {
        return Some((a, b));
    }
    (a..b)
        .find(|&c| s.is_punct(c, ",") && !s.toks[c].quoted)
        .filter(|&c| c + 1 < b && plausible_subject(s, c + 1, b) && is_speaker_phrase(s, c + 1, b))
        .map(|c| (c + 1, b))
}

/// Words that open an embedded question after "asked". "When" and "where" are left out:
/// "asked him when they met" is as often a time as a question.
fn opens_question(word: &str) -> bool {
    ["whether", "if", "why", "what", "how", "which", "who"]
        .iter()
        .any(|q| word.eq_ignore_ascii_case(q))
}

/// "voters to stay home": a short object, then "to" and a verb. Returns the "to".
fn object_then_to(s: &Sentence, p: usize) -> Option<usize> {
    let n = s.toks.len();
    let mut j = p;
    while j < n && j - p < 8 && s.is_free_word(j) && !s.is(j, "to") {
        if lex::is_np_stop(s.word(j)) && !s.is(j, "of") && !s.is(j, "for") {
            return None;
        }
        j += 1;
    }
    // "called on the council to \"act now\"": the infinitive may be quoted.
    let verb = j + 1 + usize::from(s.opens_quote(j + 1));
    (j > p && s.is(j, "to") && verb < n && s.toks[verb].word && !s.capitalised(verb)).then_some(j)
}

/// Can a noun phrase start at token `p`? Not a particle ("backed down", "called off"),
/// a clause opener or a preposition.
fn starts_noun_phrase(s: &Sentence, p: usize) -> bool {
    if s.opens_quote(p) {
        return true;
    }
    if !s.is_free_word(p) {
        return false;
    }
    let w = s.word(p).to_ascii_lowercase();
    if lex::is_np_stop(&w)
        || lex::is_time_word(&w)
        || lex::is_adjunct_preposition(&w)
        || matches!(
            w.as_str(),
            "up" | "down"
                | "off"
                | "out"
                | "away"
                | "back"
                | "it"
                | "them"
                | "him"
                | "herself"
                | "himself"
                | "themselves"
                | "itself"
                | "yet"
                | "so"
                | "too"
                | "very"
                | "well"
                | "being"
                | "having"
                | "doing"
                | "going"
                | "who"
                | "whom"
                | "where"
                | "whether"
                | "if"
                | "how"
                | "why"
                | "what"
                | "all"
                | "any"
                | "me"
                | "us"
                | "you"
        )
    {
        return false;
    }
    // A lower-case word ending in -ly is an adverb ("strongly").
    !(w.ends_with("ly") && !s.capitalised(p) && w.len() > 4)
}

/// "a group backing Ruiz", "a resolution condemning the tolls": the participle of a
/// stance verb with a noun-phrase content, right after a noun that is no time.
fn after_noun(s: &Sentence, k: usize, takes: Takes) -> bool {
    takes.np
        && k > 0
        && s.is_free_word(k - 1)
        && !lex::is_time_word(s.word(k - 1))
        && s.window(k - 1, k + 1)
            .tag(k - 1)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS))
}
