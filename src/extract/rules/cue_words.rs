//! Is this word used as a speech verb here? The cue at a token (with its particle: "pointed
//! out"), the passive with an agent ("was first reported by X"), and the uses of a cue word
//! that are no speech (a noun in a compound, a naming participle: "an app called …").

use super::Frame;
use super::lex;
use super::sentence::{Sentence, strip_quotes};

/// The cue at token `k` if it is one: its last token index and its text.
pub(super) fn cue_at(s: &Sentence, k: usize) -> Option<(usize, String)> {
    if !s.is_free_word(k) || !lex::is_cue_verb(s.word(k)) {
        return None;
    }
    let w = s.word(k);
    if lex::needs_particle(w) {
        // "pointed out", "made it clear", "made clear", "was quoted as saying", "shot back"
        let back = matches!(w, "shot" | "fired");
        let end = if back {
            if !s.is(k + 1, "back") {
                return None;
            }
            k + 1
        } else if s.is(k + 1, "as") && s.is(k + 2, "saying") {
            k + 2
        } else if s.is(k + 1, "out") {
            k + 1
        } else if s.is(k + 1, "it") && s.is(k + 2, "clear") {
            k + 2
        } else if s.is(k + 1, "clear") {
            k + 1
        } else {
            return None;
        };
        return Some((end, s.text[s.toks[k].start..s.toks[end].end].to_string()));
    }
    Some((k, w.to_string()))
}

/// "The move was first reported by MSNBC": the agent after "by" is the speaker and the
/// subject before the verb the content.
pub(super) fn passive_with_agent(
    s: &Sentence,
    k: usize,
    cue_end: usize,
    cue: &str,
) -> Option<Frame> {
    if !s.is(cue_end + 1, "by") || !lex::is_postposable(s.word(k)) {
        return None;
    }
    let be = s.be_before(k)? + 1;
    let a = cue_end + 2;
    let mut b = a;
    while b < s.toks.len() && s.is_free_word(b) && b - a < 6 {
        b += 1;
    }
    if b == a || !(s.capitalised(a) || s.is(a, "the") || s.is(a, "a")) {
        return None;
    }
    let (x, y) = s.trim(0, be - 1)?;
    Some(Frame {
        content: vec![strip_quotes(s, x, y)],
        cue: cue.to_string(),
        mention: Some(s.span(a, b)),
        headline: false,
        continues: false,
        announces: false,
    })
}

/// Is the cue word at `k` used as an active speech verb? Not after a determiner, a
/// possessive or a preposition ("Clinton's claim", "the report", "of pledged delegates"), not in the passive ("is said to", "was written by"; "was quoted as saying"
/// excepted), and not "add up".
pub(super) fn used_as_speech_verb(s: &Sentence, k: usize) -> bool {
    // "called up", "called off the deal": a particle makes another verb.
    if s.is(k + 1, "up") || s.is(k + 1, "off") {
        return false;
    }
    if naming_participle(s, k) || in_a_name(s, k) {
        return false;
    }
    let mut p = k;
    // ("released in May found": a capitalised "May" inside the sentence is the month.)
    while p > 0
        && s.is_free_word(p - 1)
        && lex::is_filler(s.word(p - 1))
        && !lex::is_be_form(s.word(p - 1))
        && !(p > 1 && s.capitalised(p - 1))
    {
        p -= 1;
    }
    if p == 0 {
        return true;
    }
    let prev = s.word(p - 1);
    let lower = prev.to_ascii_lowercase();
    // "is calling", "was tweeting" are active; "is said", "was written" are passive.
    if lex::is_be_form(&lower) && !lex::is_gerund(s.word(k)) {
        return s.is(k, "quoted");
    }
    let apostrophe = (prev == "'" || prev == "\u{2019}") && !s.closes_quote(p - 1);
    // "he's said", "who's argued" are contractions of "has"/"is", not possessives.
    let stem = prev
        .strip_suffix("'s")
        .or_else(|| prev.strip_suffix("\u{2019}s"));
    let possessive = stem.is_some_and(|w| {
        !lex::is_pronoun(w) && !matches!(w.to_ascii_lowercase().as_str(), "there" | "here" | "what")
    }) || apostrophe;
    // "responded by saying …": a gerund after "by" is the verb of what was said.
    if lower == "by" && lex::is_gerund(s.word(k)) {
        return true;
    }
    // "1,700 pledged delegates": after a figure the participle modifies a noun.
    let year = prev.len() == 4 && (prev.starts_with("19") || prev.starts_with("20"));
    let before_noun = s.word(k).ends_with("ed")
        && s.is_free_word(k + 1)
        && !s.capitalised(k + 1)
        && !lex::is_pronoun(s.word(k + 1))
        && !["that", "to", "the", "a", "an"]
            .iter()
            .any(|w| s.is(k + 1, w));
    if !year
        && before_noun
        && prev.chars().any(|c| c.is_ascii_digit())
        && prev.chars().all(|c| c.is_ascii_digit() || c == ',')
    {
        return false;
    }
    let verb_context = !(possessive
        || matches!(
            lower.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "your"
                | "my"
                | "this"
                | "these"
                | "those"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "by"
                | "from"
                | "about"
                | "into"
                | "over"
                | "under"
                | "every"
        ));
    verb_context && !noun_in_compound(s, k)
}

/// "the IMF's last estimate", "percentage points to", "a persuasive advocate for",
/// "stress disorder", "Drudge Report": a cue word the tagger reads as a noun right after
/// an adjective, a noun or a figure is the head of a noun phrase, not a verb. Only the
/// forms a noun shares with a verb (base and -s); never before "that" or a pronoun, where
/// a clause follows and the tagger is least sure ("the city charges that …", "tax return
/// show he took …"), nor in title case.
fn noun_in_compound(s: &Sentence, k: usize) -> bool {
    let w = s.word(k);
    if k == 0 || w.ends_with("ed") || w.ends_with("ing") || !s.is_free_word(k - 1) {
        return false;
    }
    // Tagging costs: only words that can be nouns, after a lower-case word or a figure
    // (or the sentence's first word: "Criminal charges against …").
    let prev = s.word(k - 1);
    if matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "tell"
            | "wrote"
            | "writes"
            | "believes"
            | "believe"
            | "knew"
            | "knows"
            | "know"
            | "spoke"
            | "adds"
            | "asks"
            | "found"
            | "finds"
            | "argues"
            | "insists"
            | "warns"
            | "explains"
    ) || k > 1 && prev.starts_with(|c: char| c.is_uppercase())
        || lex::is_np_stop(prev)
    {
        return false;
    }
    if s.is(k + 1, "that")
        || s.capitalised(k)
        || lex::is_pronoun(s.word(k - 1))
        || lex::is_pronoun(s.word(k + 1))
    {
        return false;
    }
    let win = s.window(k - 1, k + 1);
    win.tag(k).is_some_and(|t| t.is_noun())
        && win
            .tag(k - 1)
            .is_some_and(|t| t.is_adjective() || t.is_number())
}

/// "a program called Sandy Hook Promise", "a group named …": a naming participle after a
/// noun, in a clause whose own verb came before it.
fn naming_participle(s: &Sentence, k: usize) -> bool {
    if k < 2
        || ![
            "called",
            "named",
            "dubbed",
            "nicknamed",
            "titled",
            "entitled",
        ]
        .iter()
        .any(|w| s.is(k, w))
        || !s.is_free_word(k - 1)
    {
        return false;
    }
    let lo = (0..k)
        .rev()
        .find(|&i| {
            s.is_comma_like(i)
                || ["who", "that", "which", "and", "but"]
                    .iter()
                    .any(|w| s.is(i, w))
        })
        .map_or(0, |i| i + 1);
    if k < lo + 2 {
        return false;
    }
    // A new thing is named: "a program called …", "an app named …".
    if !(k.saturating_sub(4).max(lo)..k - 1).any(|i| s.is(i, "a") || s.is(i, "an")) {
        return false;
    }
    let w = s.window(lo, k);
    w.tag(k - 1).is_some_and(|t| t.is_noun())
        && (lo..k - 1).any(|i| {
            s.is_free_word(i) && w.tag(i).is_some_and(|t| t.is_finite_verb() || t.is_modal())
        })
}

/// "the Washington Post fact checker", "a Roll Call reporter", "the TLC reality Show": a
/// capitalised cue word inside a sentence, next to another capitalised word, is part of a
/// name, unless the sentence is written in title case (a headline: "Senator Says …").
fn in_a_name(s: &Sentence, k: usize) -> bool {
    if k == 0 || !s.capitalised(k) || !(s.capitalised(k - 1) || s.capitalised(k + 1)) {
        return false;
    }
    let words = (0..s.toks.len()).filter(|&i| s.is_free_word(i));
    let (caps, all) = words.fold((0, 0), |(c, a), i| {
        (c + usize::from(s.capitalised(i)), a + 1)
    });
    caps * 2 < all
}
