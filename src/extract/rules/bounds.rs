//! Where a phrase ends, read from the words and tags alone: a restrictive relative clause
//! after the speaker, a noun-phrase or infinitive content, a list, a second predicate; and
//! whether a span is a plausible subject. No frames: the rules above ask.

use super::super::complements;
use super::super::syntax::{MONTHS, Tag};
use super::lex;
use super::sentence::Sentence;

/// Content shorter than this many words is not worth a row ("denied it").
pub(super) const MIN_WORDS: usize = 3;

/// "Voters who say the economy matters most were divided": when the speaker is a
/// restrictive "who" (no comma before it), the relative clause ends where the main
/// clause's verb comes, and so does the content. A noun-phrase content (`np`) ends at the
/// first finite verb, a clause at its second one that no conjunction or relative word
/// introduces. Returns the end of the content in `i..n`.
pub(super) fn relative_clause_end(
    s: &Sentence,
    mention: (usize, usize),
    i: usize,
    n: usize,
    np: bool,
) -> usize {
    let (a, b) = mention;
    let who = b - 1;
    if b == a || !s.is(who, "who") || who == 0 {
        return n;
    }
    let hi = n.min(i + 30);
    let w = s.window(i, hi);
    let finite = |j: usize| {
        s.is_free_word(j)
            && !s.toks[j].quoted
            && (["is", "are", "was", "were"].iter().any(|x| s.is(j, x))
                || w.tag(j).is_some_and(|t| t.is_finite_verb() || t.is_modal()))
    };
    let auxiliary = |j: usize| {
        s.is_free_word(j)
            && (lex::is_be_form(s.word(j))
                || w.tag(j).is_some_and(|t| t.is_modal())
                || ["has", "have", "had", "do", "does", "did"]
                    .iter()
                    .any(|x| s.is(j, x)))
    };
    // "Jane Roe, who said the harbour was safe, left early": the clause set off by commas
    // ends at the comma before the main verb.
    if s.is_punct(who - 1, ",") {
        return (i + 1..hi)
            .find(|&j| s.is_punct(j, ",") && !s.toks[j].quoted && finite(j + 1))
            .unwrap_or(n);
    }
    if b != a + 1 {
        return n;
    }
    let mut seen = np;
    for j in i + 1..hi {
        if !finite(j) {
            continue;
        }
        // A verb with a subject of its own ("after he designed") is no main verb.
        let own_subject = s.is_free_word(j - 1) && lex::is_pronoun(s.word(j - 1));
        let introduced = own_subject
            || (j.saturating_sub(2)..j).any(|p| {
                p > i
                    && (s.is_comma_like(p)
                        || s.is_free_word(p) && lex::is_subordinator(s.word(p))
                        || [
                            "and", "or", "but", "that", "which", "who", "if", "when", "because",
                        ]
                        .iter()
                        .any(|x| s.is(p, x)))
            });
        // An auxiliary chain ("have been", "would be") is one verb.
        if j > i && auxiliary(j - 1) {
            continue;
        }
        if seen && !introduced {
            return j;
        }
        seen = true;
    }
    n
}

/// Where a noun-phrase content ("cited the figure", "condemned the launch") ends: before
/// an adjunct of the report itself rather than of the noun: a subordinate clause ("… as
/// the talks began", "… after she attacked …"), a relative clause set off by a comma
/// (", which …"), the medium ("in a statement", "in early-morning tweets") or the time
/// ("on Thursday", "Wednesday", "last week"; only if `times`). Returns the end in `i..n`.
pub(super) fn noun_phrase_end(s: &Sentence, i: usize, n: usize, times: bool) -> usize {
    let weekday = |j: usize| {
        s.is_free_word(j)
            && matches!(
                s.word(j).to_ascii_lowercase().as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "yesterday"
                    | "today"
                    | "tonight"
            )
    };
    // An infinitive or gerund content ("vowed not to … until …") keeps its adjuncts.
    let first = if s.is(i, "not") { i + 1 } else { i };
    if s.is(first, "to") || lex::is_gerund(s.word(first)) || lex::is_adjunct_preposition(s.word(i))
    {
        return n;
    }
    let hi = n.min(i + 40);
    let w = s.window(i, hi);
    let tags = &w;
    let mut j = i + 1;
    while j < hi {
        // A clause ("… a judge can't be relied on because …") is no noun phrase.
        if s.is_free_word(j) && w.tag(j).is_some_and(|t| t.is_finite_verb() || t.is_modal()) {
            return n;
        }
        if s.toks[j].quoted && !s.closes_quote(j) || !s.toks[j].word && !s.is_punct(j, ",") {
            j += 1;
            continue;
        }
        let at = if s.is_punct(j - 1, ",") { j - 1 } else { j };
        if s.is_free_word(j) {
            let w = s.word(j).to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "after"
                    | "when"
                    | "while"
                    | "because"
                    | "before"
                    | "until"
                    | "amid"
                    | "despite"
                    | "although"
                    | "though"
                    | "whereas"
                    | "since"
            ) {
                return at;
            }
            // A time ends the phrase when nothing but punctuation or another adjunct
            // follows it ("… Wednesday on the radio", not "… last year estimated").
            let time_len = if weekday(j) {
                1
            } else if w == "on" && weekday(j + 1)
                || w == "in"
                    && s.is_free_word(j + 1)
                    && s.capitalised(j + 1)
                    && MONTHS.iter().any(|m| s.word(j + 1).eq_ignore_ascii_case(m))
                || matches!(w.as_str(), "last" | "earlier")
                    && s.is_free_word(j + 1)
                    && matches!(
                        s.word(j + 1).to_ascii_lowercase().as_str(),
                        "week" | "month" | "year" | "weekend" | "night"
                    )
            {
                2
            } else {
                0
            };
            let after = j + time_len;
            let time_ends = times
                && time_len > 0
                && (after >= n
                    || !s.toks[after].word
                    || s.is_free_word(after)
                        && (lex::is_adjunct_preposition(s.word(after))
                            || lex::is_subordinator(s.word(after))));
            // "… a tightening race as the party rallies": "as" before a clause whose
            // subject (a pronoun, a name, "the" and a noun) is followed by its verb.
            let finite =
                |k: usize| s.is_free_word(k) && tags.tag(k).is_some_and(|t| t.is_finite_verb());
            let as_clause = w == "as"
                && s.is_free_word(j + 1)
                && (lex::is_pronoun(s.word(j + 1)) && finite(j + 2)
                    || s.capitalised(j + 1)
                        && (j + 2..n.min(j + 5))
                            .find(|&k| !s.capitalised(k))
                            .is_some_and(finite)
                    || s.is(j + 1, "the") && finite(j + 3));
            // "… even as he defended …"
            let even = w == "even" && (s.is(j + 1, "as") || s.is(j + 1, "though"));
            if (s.is_punct(j - 1, ",")
                && matches!(w.as_str(), "which" | "who")
                && relative_then_object(s, j - 1, n).is_none())
                || as_clause
                || even
                || time_ends
                || (w == "in"
                    && (j + 1..n.min(j + 4))
                        .any(|k| s.is_free_word(k) && complements::is_utterance_noun(s.word(k))))
            {
                return at;
            }
        }
        j += 1;
    }
    n
}

/// Where a noun-phrase or infinitive content ends: at a comma, dash or semicolon outside
/// quotes, or at an adjunct that opens a new phrase ("during a visit", "when he ran"),
/// once the content has its words (an infinitive keeps its adjuncts).
pub(super) fn phrase_end(s: &Sentence, start: usize, n: usize, infinitive: bool) -> usize {
    let mut words = 0;
    let mut i = start;
    while i < n {
        if s.toks[i].quoted {
            i += 1;
            continue;
        }
        // "the dangers of “owners of technology” who …": a quotation inside the phrase.
        let inner_quote = s.closes_quote(i) && s.is_free_word(i + 1);
        // "specifics — including the cost — of their plans": a parenthesis between dashes.
        if s.is_dash(i)
            && let Some(close) = (i + 2..n.min(i + 10)).find(|&j| s.is_dash(j))
            && s.is_free_word(close + 1)
        {
            i = close + 1;
            continue;
        }
        // "accuses one of the reporters, Jane Roe, of ignoring …", "saw Roe, then 44, as
        // …": a short apposition between commas, and the phrase goes on after it.
        if s.is_punct(i, ",")
            && let Some(close) = (i + 2..n.min(i + 6)).find(|&j| s.is_punct(j, ","))
            && (i + 1..close).all(|j| s.is_free_word(j))
            && ((i + 1..close).all(|j| s.capitalised(j))
                || s.is(i + 1, "then")
                || s.word(i + 1).chars().all(|c| c.is_ascii_digit()))
            && s.is_free_word(close + 1)
            && ["of", "as", "for", "to", "in", "on", "with"]
                .iter()
                .any(|w| s.is(close + 1, w))
        {
            i = close + 1;
            continue;
        }
        // "accused Jane Roe, who ran the port for a decade, of …": a relative clause
        // between commas, and the object's preposition after it.
        if let Some(close) = relative_then_object(s, i, n) {
            i = close + 1;
            continue;
        }
        // ", followed by …", ", including …": the phrase goes on.
        let goes_on = s.is_punct(i, ",")
            && s.is_free_word(i + 1)
            && ["including", "followed", "especially", "particularly"]
                .iter()
                .any(|w| s.is(i + 1, w));
        if s.is_comma_like(i)
            && !s.opens_quote(i)
            && !inner_quote
            && !goes_on
            && words >= MIN_WORDS
            && !list_goes_on(s, i, n)
        {
            return i;
        }
        if !s.toks[i].word {
            i += 1;
            continue;
        }
        if words >= MIN_WORDS
            && !infinitive
            && matches!(
                s.word(i).to_ascii_lowercase().as_str(),
                "during"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "although"
                    | "though"
                    | "amid"
                    | "despite"
                    | "whereas"
                    | "since"
            )
        {
            return i;
        }
        // "praised the work but also had to …": a second verb of the subject.
        if words >= MIN_WORDS && s.is(i, "but") {
            return i;
        }
        // "called the plan a disgrace and threatened to …": "and" before a finite verb
        // starts a second predicate of the subject, not part of the object.
        if words >= 2 && s.is(i, "and") && second_predicate(s, i + 1).is_some() {
            return if i > 0 && s.is_punct(i - 1, ",") {
                i - 1
            } else {
                i
            };
        }
        // "denied them permits until the work was done", "… as he left":
        // an adjunct of the verb after its object.
        if words >= 2 && !infinitive && adjunct_after_object(s, i) {
            return i;
        }
        words += 1;
        i += 1;
    }
    n
}

/// "accused Jane Roe, who ran the port, of …": at the comma `i`, a relative clause up
/// to a closing comma that the object's preposition follows. Returns that comma.
pub(super) fn relative_then_object(s: &Sentence, i: usize, n: usize) -> Option<usize> {
    if !s.is_punct(i, ",") || !(s.is(i + 1, "who") || s.is(i + 1, "which")) {
        return None;
    }
    let close = (i + 3..n.min(i + 16)).find(|&j| !s.is_free_word(j))?;
    (s.is_punct(close, ",")
        && s.is_free_word(close + 1)
        && ["of", "as", "for"].iter().any(|w| s.is(close + 1, w)))
    .then_some(close)
}

/// "problems in the Middle East, China and elsewhere", "to end the deferral, stop
/// inversions and remove loopholes": the comma at `i` sits inside a list whose last item
/// follows "and" or "or" a few words on, with no punctuation, pronoun or speech verb
/// between (which would start a clause of its own).
fn list_goes_on(s: &Sentence, i: usize, n: usize) -> bool {
    if !s.is_punct(i, ",") || s.is_free_word(i + 1) && lex::is_pronoun(s.word(i + 1)) {
        return false;
    }
    let Some(j) =
        (i + 2..n.min(i + 7)).find(|&j| !s.is_free_word(j) || s.is(j, "and") || s.is(j, "or"))
    else {
        return false;
    };
    (s.is(j, "and") || s.is(j, "or"))
        && s.is_free_word(j + 1)
        && (i + 1..j).all(|k| !lex::is_cue_verb(s.word(k)) || lex::needs_clause(s.word(k)))
}

/// The verb of a second predicate starting at token `p` (over one adverb): a finite
/// verb in the past or third person ("threatened", "ignores"), never a participle.
pub(super) fn second_predicate(s: &Sentence, p: usize) -> Option<usize> {
    let v = if s.is_free_word(p) && s.word(p).to_ascii_lowercase().ends_with("ly") {
        p + 1
    } else {
        p
    };
    if !s.is_free_word(v) || s.capitalised(v) {
        return None;
    }
    let tag = s.window(v, v + 1).tag(v)?;
    matches!(tag, Tag::VBD | Tag::VBZ).then_some(v)
}

/// Does token `i` open an adjunct of the verb rather than part of its object: "until …",
/// "as he left"?
fn adjunct_after_object(s: &Sentence, i: usize) -> bool {
    match s.word(i).to_ascii_lowercase().as_str() {
        "until" | "unless" => true,
        "as" => s.is_free_word(i + 1) && lex::is_pronoun(s.word(i + 1)),
        _ => false,
    }
}

/// Number of free words from `a` to `b`.
pub(super) fn words_between(s: &Sentence, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| s.toks[i].word).count()
}

/// A subject is a noun phrase: not a lone relative word, a number or a time phrase.
pub(super) fn plausible_subject(s: &Sentence, a: usize, b: usize) -> bool {
    let first = s.word(a).to_ascii_lowercase();
    if b == a + 1 && matches!(first.as_str(), "that" | "which" | "this" | "one" | "it") {
        return false;
    }
    let all_digits = (a..b).all(|i| {
        s.word(i)
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    });
    !(all_digits || lex::is_time_word(&first) || lex::is_adjunct_preposition(&first))
}
