//! Who speaks: the subject noun phrase of a cue, before it ("X said"), after it
//! ("said X"), through an apposition ("X, a spokesman, said") or a clause ("…, saying").

use super::super::syntax::Tag;
use super::catenative::chain_start;
use super::lex;
use super::prep_object::{glued_name, is_number_word, opens_object};
use super::sentence::Sentence;
pub(super) use super::speaker_phrase::is_speaker_phrase;
use super::speaker_phrase::{continues_over, is_postmodifier_start};

#[path = "subject_times.rs"]
mod times;

/// The noun phrase that is the subject of the verb at `k`: scanning back over fillers
/// ("also", "has"), then over the phrase to a clause boundary. Returns a token range.
pub(super) fn subject_before(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    subject_scan(s, k).map(|r| before_inner_verb(s, r))
}

/// The scan behind [`subject_before`], before an inner verb is cut off.
fn subject_scan(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    // "He went on to say that …", "she continued to insist …", "was quick to note …"
    let mut j = chain_start(s, k);
    // ("late May found": a capitalised "May" inside the sentence is the month.)
    while j > 0
        && s.is_free_word(j - 1)
        && lex::is_filler(s.word(j - 1))
        && !(j > 1 && s.capitalised(j - 1))
    {
        j -= 1;
    }
    let j = times::before_time_adjunct(s, j);
    let end = j;
    if end == 0 {
        return None;
    }
    // "Rep. Jane Roe (D-Ohio) said": the party label stays in the mention.
    if s.is_punct(end - 1, ")")
        && let Some(open) = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&i| s.is_punct(i, "("))
        && open > 0
        && s.is_free_word(open - 1)
        && s.capitalised(open - 1)
        && let Some((a, _)) = subject_before(s, open)
    {
        return Some((a, end));
    }
    // "Jane Roe — a teacher from Ashton — says": an apposition between dashes.
    if s.is_dash(end - 1)
        && let Some(open) = (end.saturating_sub(30)..end - 1)
            .rev()
            .find(|&i| s.is_dash(i))
        && open > 0
        && !(open + 1..end - 1).any(|i| s.toks[i].quoted)
        && let Some((a, _)) = subject_scan(s, open)
    {
        return Some((a, end - 1));
    }
    // "Six in 10 say …", "about 4 in 10 said": a share of a poll (a figure, so the claim
    // keeps no speaker, but it is a subject).
    if end >= 3
        && s.is(end - 2, "in")
        && is_number_word(s.word(end - 1))
        && is_number_word(s.word(end - 3))
    {
        let a = if end >= 4 && s.is_free_word(end - 4) && lex::is_filler(s.word(end - 4)) {
            end - 4
        } else {
            end - 3
        };
        return Some((a, end));
    }
    // "X verbed … and said …": the subject is the clause's.
    if s.is_free_word(end - 1) && (s.is(end - 1, "and") || s.is(end - 1, "but")) {
        return clause_subject(s, end - 1);
    }
    // "John Smith, 39, a spokesman for the mayor, said" / "Smith, who …, said".
    if s.is_punct(end - 1, ",") {
        return appositive_subject(s, end - 1).or_else(|| leading_subject(s, end - 1));
    }
    // A relative or personal pronoun right before the verb is the whole subject; a
    // relative one keeps its antecedent ("Jane Roe, who said …" → "Jane Roe, who").
    if s.is_free_word(end - 1) && lex::is_pronoun(s.word(end - 1)) {
        let relative = s.is(end - 1, "who") || s.is(end - 1, "which");
        if relative && end >= 3 && s.is_punct(end - 2, ",") {
            let mut a = end - 2;
            while a > 0
                && s.is_free_word(a - 1)
                && (s.capitalised(a - 1) || s.word(a - 1).ends_with('.'))
                && end - 2 - a < 6
            {
                a -= 1;
            }
            // "Democrats on Capitol Hill, who": a place after people or a role is theirs
            // ("records in July, which": a time is not).
            if a >= 2
                && a < end - 2
                && (s.is(a - 1, "on") || s.is(a - 1, "in"))
                && s.is_free_word(a - 2)
                && (lex::is_body_head(s.word(a - 2)) || lex::is_role_head(s.word(a - 2)))
                && !(a..end - 2).any(|i| {
                    let w = s.word(i).trim_end_matches('.');
                    lex::is_time_word(w)
                        || super::super::syntax::MONTHS
                            .iter()
                            .any(|m| m.eq_ignore_ascii_case(w))
                })
            {
                a -= 2;
            }
            if a < end - 2 {
                return Some((a, end));
            }
        }
        return Some((end - 1, end));
    }
    let mut a = end;
    while a > 0 && end - a < 10 {
        let i = a - 1;
        let t = &s.toks[i];
        if t.quoted {
            break;
        }
        // "Pacific Gas & Electric Co.": an ampersand between capitalised words joins a name.
        if s.word(i) == "&" && a < end && s.capitalised(a) && i > 0 && s.capitalised(i - 1) {
            a = i;
            continue;
        }
        if !t.word {
            // A possessive apostrophe ("the protesters' spokesman") stays inside.
            if (s.word(i) == "'" || s.word(i) == "\u{2019}") && i > 0 && s.toks[i - 1].word {
                a = i;
                continue;
            }
            break;
        }
        let w = s.word(i);
        if w == "and" && a < end && s.capitalised(a) && i > 0 && s.capitalised(i - 1) {
            a = i;
            continue;
        }
        if a < end && continues_over(s, i) {
            a = i;
            continue;
        }
        // Stop words, and time words, which belong to an adjunct ("on Wednesday").
        // ("Theresa May said": a capitalised time word after a name is part of it.)
        let in_name = i > 0 && s.is_free_word(i - 1) && s.capitalised(i - 1);
        let name_part = in_name && s.capitalised(i);
        if lex::is_np_stop(w) && !name_part
            || (lex::is_time_word(w) && s.capitalised(i) && !in_name)
        {
            break;
        }
        a = i;
    }
    while a < end && (s.is(a, "of") || s.is(a, "for")) {
        a += 1;
    }
    let a = times::past_opening_time(s, a, end);
    // "A survey released in late May found": the scan stopped inside a postmodifier.
    // "An average of polls taken over the past two weeks shows": or inside an adjunct of
    // the postmodifier.
    if a == end
        || a > 1
            && s.is_free_word(a - 1)
            && (is_postmodifier_start(s.word(a - 1))
                || ["over", "during", "since", "through"]
                    .iter()
                    .any(|w| s.is(a - 1, w)))
    {
        if let Some(found) =
            postmodified_subject(s, end).filter(|&(x, y)| is_speaker_phrase(s, x, y))
        {
            return Some(found);
        }
        if a == end {
            return None;
        }
    }
    if let Some(name) = glued_name(s, a, end) {
        return Some((name, end));
    }
    // "judges handling lawsuits about her tenure as secretary of state have cited": the
    // phrase after a preposition is its object, never the verb's subject (which lies
    // further back than the scan reaches).
    // ("seizing upon a New York Times report that": a noun's cue has its owner there.)
    let verb_cue = || s.window(k, k + 1).tag(k).is_none_or(|t| !t.is_noun());
    if a > 0 && s.is_free_word(a - 1) && opens_object(s, a - 1, end) && verb_cue() {
        return None;
    }
    let first = s.word(a).to_ascii_lowercase();
    if matches!(
        first.as_str(),
        "the" | "a" | "an" | "this" | "his" | "her" | "their"
    ) && end - a == 1
    {
        return None;
    }
    // Apposition: "John Smith, a spokesman for the mayor, said".
    if a >= 2
        && s.is_punct(a - 1, ",")
        && matches!(first.as_str(), "a" | "an" | "the")
        && s.capitalised(a - 2)
    {
        let mut b = a - 1;
        while b > 0
            && s.is_free_word(b - 1)
            && (s.capitalised(b - 1) || s.word(b - 1).ends_with('.'))
        {
            b -= 1;
        }
        if b == 0 || s.is_comma_like(b - 1) {
            return Some((b, end));
        }
    }
    Some((a, end))
}

/// The subject of the clause that token `k` is in: the noun phrase after the last clause
/// boundary (sentence start, comma, dash) before `k`, if a verb follows it.
pub(super) fn clause_subject(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let lo = k.saturating_sub(60);
    let boundary = |i: usize| i == 0 || s.is_comma_like(i - 1) || s.is_punct(i - 1, ":");
    (lo..k)
        .filter(|&i| boundary(i) && s.is_free_word(i))
        .find_map(|p| noun_phrase_at(s, p, k))
        .map(|r| before_inner_verb(s, r))
        .or_else(|| {
            // "Jane Roe, president of the institute, tied the scores to …, saying …": the
            // subject before an apposition, whose closing comma comes before the verb.
            (lo..k)
                .filter(|&c| {
                    s.is_punct(c, ",")
                        && s.is_free_word(c + 1)
                        && !s.capitalised(c + 1)
                        && s.window(c + 1, c + 2)
                            .tag(c + 1)
                            .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ))
                })
                .find_map(|c| appositive_subject(s, c))
        })
}

/// "His office put out a statement, saying …", "The group backed a PAC called …": a
/// subject scan that ran over the clause's own verb stops before it. A finite verb right
/// before the last word is a modifier the tagger misread ("registered voters"), and one
/// that a relative word brings ("those who voted") belongs to the phrase.
fn before_inner_verb(s: &Sentence, (a, b): (usize, usize)) -> (usize, usize) {
    if b < a + 3 {
        return (a, b);
    }
    let w = s.window(a, b);
    for i in a + 1..b.saturating_sub(2) {
        if !s.is_free_word(i) {
            continue;
        }
        if ["who", "that", "which", "whose"].iter().any(|r| s.is(i, r)) {
            return (a, b);
        }
        if !s.capitalised(i)
            && w.tag(i)
                .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP))
        {
            return (a, i);
        }
    }
    (a, b)
}

/// A subject noun phrase starting at token `p` and followed by a lower-case word (its
/// verb), before token `limit`: a pronoun, "the/a …", or a run of capitalised words.
pub(super) fn noun_phrase_at(s: &Sentence, p: usize, limit: usize) -> Option<(usize, usize)> {
    let first = s.word(p);
    // "That's", "It's": a pronoun and a verb, not a subject phrase.
    let contraction = first
        .strip_suffix("'s")
        .or_else(|| first.strip_suffix("\u{2019}s"))
        .is_some_and(|w| {
            lex::is_pronoun(w)
                || matches!(w.to_ascii_lowercase().as_str(), "there" | "here" | "what")
        });
    if contraction
        || lex::is_time_word(first)
        || lex::is_adjunct_preposition(first)
        || lex::is_gerund(first)
        || lex::is_np_stop(first) && !lex::is_pronoun(first)
    {
        return None;
    }
    if lex::is_pronoun(first) {
        return matches!(
            first.to_ascii_lowercase().as_str(),
            "he" | "she" | "they" | "it" | "we" | "i"
        )
        .then_some((p, p + 1));
    }
    let mut b = p;
    if s.is(b, "the") || s.is(b, "a") || s.is(b, "an") {
        b += 1;
        while b < limit && s.is_free_word(b) && !lex::is_np_stop(s.word(b)) && b - p < 5 {
            b += 1;
            if !s.capitalised(b - 1) && !s.capitalised(b) {
                break;
            }
        }
    } else {
        while b < limit
            && s.is_free_word(b)
            && (s.capitalised(b) || s.word(b).ends_with('.'))
            && b - p < 6
        {
            b += 1;
        }
    }
    // "Democrats are drawing …", "The senator did give …": an auxiliary is a verb too.
    let verb_follows = s.is_free_word(b)
        && !s.capitalised(b)
        && (!lex::is_np_stop(s.word(b)) || is_auxiliary(s.word(b)))
        || s.is_punct(b, "(");
    (b > p && b < limit && verb_follows).then_some((p, b))
}

/// The subject of a verb preceded by a comma that closes an apposition or a relative
/// clause: "Jane Roe, 39, a teacher from Ohio, said". The mention is "Jane Roe, … Ohio".
pub(super) fn appositive_subject(s: &Sentence, comma: usize) -> Option<(usize, usize)> {
    let lo = comma.saturating_sub(40);
    for c in (lo..comma).rev() {
        if s.toks[c].quoted || s.is_punct(c, ".") {
            return None;
        }
        if !s.is_punct(c, ",") {
            continue;
        }
        let opener = s.word(c + 1).to_ascii_lowercase();
        let appositive = matches!(
            opener.as_str(),
            "a" | "an"
                | "the"
                | "who"
                | "whose"
                | "which"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "former"
                | "then"
                | "now"
                | "also"
                | "himself"
                | "herself"
        ) || opener.chars().all(|ch| ch.is_ascii_digit())
            || opener.ends_with("'s")
            || opener.ends_with("\u{2019}s")
            || s.word(c + 2) == "'"
            || lex::is_role_head(&opener)
            || (opener.ends_with("ed") && opener.len() > 4)
            || opener == "including"
            || (s.capitalised(c + 1) && (c + 1..comma).any(|i| s.is(i, "of") || s.is(i, "for")));
        // "the dockers' spokeswoman, Jane Roe, said": the name is the apposition.
        // "A lawyer for the news outlets, David Schulz, said": a description with a role
        // before the name.
        let name_apposition = (c + 1..comma).all(|i| s.is_free_word(i) && s.capitalised(i))
            && comma - c <= 5
            && c > 0
            && (lex::is_role_head(s.word(c - 1))
                || (c.saturating_sub(8)..c).any(|i| {
                    s.is_free_word(i) && lex::is_role_head(s.word(i)) && !s.capitalised(i)
                }));
        if name_apposition {
            let mut a = c;
            let inside = |i: usize| {
                !lex::is_np_stop(s.word(i))
                    || (s.is(i, "for") || s.is(i, "of") || s.is(i, "at"))
                        && i > 0
                        && s.is_free_word(i - 1)
            };
            while a > 0 && s.is_free_word(a - 1) && inside(a - 1) && c - a < 8 {
                a -= 1;
            }
            if a > 0 && (s.word(a - 1) == "'" || s.word(a - 1) == "\u{2019}") {
                a -= 1;
                while a > 0 && s.is_free_word(a - 1) && !lex::is_np_stop(s.word(a - 1)) && c - a < 8
                {
                    a -= 1;
                }
            }
            return (a == 0 || !s.is_free_word(a - 1)).then_some((a, comma));
        }
        if !appositive || c == 0 {
            continue;
        }
        // The name before the apposition; an age apposition may come first ("Smith, 54, who").
        let c = if c >= 2
            && s.is_punct(c - 2, ",")
            && s.word(c - 1).chars().all(|ch| ch.is_ascii_digit())
        {
            c - 2
        } else {
            c
        };
        let mut a = c;
        // A party or state label after the name: "Jane Roe (D-Ohio), a …".
        if a >= 3
            && s.is_punct(a - 1, ")")
            && let Some(open) = (a.saturating_sub(6)..a - 1)
                .rev()
                .find(|&i| s.is_punct(i, "("))
        {
            a = open;
        }
        let name_end = a;
        while a > 0
            && s.is_free_word(a - 1)
            && (s.capitalised(a - 1)
                || s.word(a - 1).ends_with('.')
                || matches!(s.word(a - 1), "de" | "van" | "von" | "al" | "bin"))
            && c - a < 6
        {
            a -= 1;
        }
        if a == name_end && name_end != c {
            return None;
        }
        if a == c {
            // A lower-case head: "the group's leader, a …" or a pronoun.
            if s.is_free_word(c - 1) && lex::is_pronoun(s.word(c - 1)) {
                a = c - 1;
            } else {
                // "The report, published on Tuesday by …, found": a determiner and up to
                // three words.
                let det = (c.saturating_sub(4)..c).rev().find(|&d| {
                    s.is_free_word(d)
                        && matches!(
                            s.word(d).to_ascii_lowercase().as_str(),
                            "the" | "a" | "an" | "its" | "his" | "her" | "their"
                        )
                })?;
                if (det + 1..c).any(|i| !s.is_free_word(i) || lex::is_np_stop(s.word(i))) {
                    return None;
                }
                a = det;
            }
        }
        if a > 0 && (s.is(a - 1, "the") || s.is(a - 1, "The")) {
            a -= 1;
        }
        let ok_start = a == 0
            || s.is_comma_like(a - 1)
            || s.is_punct(a - 1, ":")
            || !s.toks[a - 1].word
            || s.is_free_word(a - 1)
                && matches!(
                    s.word(a - 1).to_ascii_lowercase().as_str(),
                    "but" | "and" | "while" | "as" | "when"
                );
        return ok_start.then_some((a, comma));
    }
    None
}

/// "Jane Roe, 59, of Ashton, who watched from the Mall, said": when the appositions are
/// too many to walk, the subject is the noun phrase that opens the clause, up to its first
/// comma. The mention runs from it to the comma before the verb.
fn leading_subject(s: &Sentence, comma: usize) -> Option<(usize, usize)> {
    // The clause opens at the sentence start or after a closing quotation and its comma.
    let lo = comma.saturating_sub(45);
    let open = (lo..comma)
        .rev()
        .find(|&i| s.closes_quote(i) || s.is_punct(i, ":") || s.is_punct(i, ";"))
        .map_or(0, |i| i + 1);
    let mut open = (open..comma).find(|&i| s.is_free_word(i) || s.is_punct(i, ","))?;
    if open < lo || !s.is_free_word(open) {
        return None;
    }
    // "But Jane Roe, …, said": a conjunction opening the sentence is no part of it.
    if ["but", "and", "yet", "so"]
        .iter()
        .any(|w| s.word(open).eq_ignore_ascii_case(w))
    {
        open += 1;
    }
    let first_comma = (open..comma).find(|&i| s.is_punct(i, ","))?;
    if first_comma == open || first_comma - open > 9 {
        return None;
    }
    let starts = s.capitalised(open)
        || matches!(
            s.word(open).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        );
    // A party label ("Rep. Jane Roe (D-Ohio)") and a possessive ("the city's mayor") stay
    // inside the phrase, and so do "of that report" and "in New Jersey".
    let label = |i: usize| {
        s.is_punct(i, "(")
            && (i + 1..first_comma.min(i + 6)).any(|j| s.is_punct(j, ")"))
            && i > open
            && s.capitalised(i - 1)
    };
    let mut in_label = false;
    let head_ok = (open..first_comma).all(|i| {
        if label(i) {
            in_label = true;
        }
        if in_label {
            if s.is_punct(i, ")") {
                in_label = false;
            }
            return true;
        }
        if (s.word(i) == "'" || s.word(i) == "\u{2019}") && i > open && s.toks[i - 1].word {
            return true;
        }
        s.is_free_word(i)
            && (!lex::is_np_stop(s.word(i))
                || s.is(i, "of")
                || s.is(i, "for")
                || s.is(i, "at")
                || s.is(i, "in") && s.capitalised(i + 1)
                || ["that", "this", "these", "those"]
                    .iter()
                    .any(|w| s.is(i, w))
                    && i > open
                    && s.is(i - 1, "of")
                || s.is(i, "and") && i > open && s.capitalised(i - 1))
            && !lex::is_cue_verb(s.word(i))
    });
    let names_someone = (open..first_comma).any(|i| {
        s.capitalised(i) && i > open || lex::is_role_head(s.word(i)) || lex::is_body_head(s.word(i))
    }) || s.capitalised(open) && !lex::is_subordinator(s.word(open));
    (starts && head_ok && names_someone && !lex::is_time_word(s.word(open)))
        .then_some((open, comma))
}

/// "A poll released in late August found": the noun phrase before a postmodifier whose
/// own words ("late August") end no subject. The mention keeps the postmodifier.
fn postmodified_subject(s: &Sentence, end: usize) -> Option<(usize, usize)> {
    let p = (end.saturating_sub(8)..end)
        .rev()
        .take_while(|&i| s.is_free_word(i))
        .find(|&i| i > 0 && is_postmodifier_start(s.word(i)))?;
    if !s.is_free_word(p - 1) || lex::is_np_stop(s.word(p - 1)) {
        return None;
    }
    let (a, _) = subject_before(s, p)?;
    // "filed a $40 million lawsuit in 2013 alleging": a figure opens no speaker.
    if s.word(a).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((a, end))
}

/// The noun phrase that ends right before token `k` ("a group" in "a group backing
/// Ruiz", "This proposal" in "This proposal was rejected"): determiners, possessives,
/// numbers, adjectives and nouns, at most six words, ending in a noun.
pub(super) fn noun_phrase_before(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let w = s.window(k.saturating_sub(6), k);
    let noun = |i: usize| {
        w.tag(i)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS))
    };
    if k == 0 || !s.is_free_word(k - 1) || !noun(k - 1) {
        return None;
    }
    let mut a = k - 1;
    while a > 0
        && k - a < 6
        && s.is_free_word(a - 1)
        && (noun(a - 1)
            || w.tag(a - 1)
                .is_some_and(|t| matches!(t, Tag::JJ | Tag::DT | Tag::PRPS | Tag::CD)))
    {
        a -= 1;
    }
    Some((a, k))
}

/// "is", "has", "did", "would": an auxiliary after a subject.
fn is_auxiliary(w: &str) -> bool {
    lex::is_be_form(w)
        || [
            "has", "had", "have", "did", "does", "do", "would", "could", "should", "will", "can",
            "may", "might", "must",
        ]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a))
}
