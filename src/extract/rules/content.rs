//! Where reported content ends: second cues of the same speaker (", adding that …"), a new
//! speaker taking over (", but officials said …") and nested passives ("was told by X that").

use super::super::complements;
use super::super::syntax::{MONTHS, Tag};
use super::Frame;
use super::cue_content::content_start;
use super::lex;
use super::sentence::{Sentence, content_span, strip_quotes};
use super::stance::stance_frames;
use super::subjects::subject_before;
use super::verbs::cue_at;

/// Reported content from token `i` to the sentence end, split at second cues.
pub(super) fn reported(
    s: &Sentence,
    i: usize,
    n: usize,
    cue: String,
    mention: Option<(usize, usize)>,
    out: &mut Vec<Frame>,
) {
    let split = second_cue_at(s, i, n);
    let end = split.map_or(n, |(at, _)| at);
    if let Some((a, b)) = s.trim(i, end) {
        let content = strip_quotes(s, a, b);
        out.push(Frame {
            content: vec![content],
            cue,
            mention,
            headline: false,
            continues: false,
            announces: false,
        });
        nested_passive(s, a, b, out);
    }
    if let Some((_, next)) = split {
        second_cues(s, next, n, mention, out);
    }
}

/// Claims that start at a second cue at token `k` ("adding that …").
pub(super) fn second_cues(
    s: &Sentence,
    k: usize,
    n: usize,
    mention: Option<(usize, usize)>,
    out: &mut Vec<Frame>,
) {
    let mut k = k;
    while k < n
        && (!s.is_free_word(k)
            || s.is(k, "but")
            || s.is(k, "and")
            || s.is(k, "while")
            || s.is(k, "whereas")
            || s.is(k, "although")
            || s.is(k, "though"))
    {
        k += 1;
    }
    while k < n && lex::is_filler(s.word(k)) {
        k += 1;
    }
    let mut mention = mention;
    if cue_at(s, k).is_none() {
        // "…, but officials said …": a new speaker takes over.
        let found = (k + 1..n.min(k + 10))
            .find(|&m| cue_at(s, m).is_some())
            .and_then(|m| {
                subject_before(s, m)
                    .filter(|&(a, _)| a == k)
                    .map(|sub| (m, sub))
            });
        let Some((m, (a, b))) = found else {
            // "…, although he refused to pledge …": a stance verb of the new clause.
            let mut more = Vec::new();
            if stance_frames(s, k, &mut more)
                && more
                    .first()
                    .and_then(|f| f.mention)
                    .is_some_and(|m| m.0 >= s.toks[k].start)
            {
                out.append(&mut more);
            }
            return;
        };
        mention = Some(s.span(a, b));
        k = m;
    }
    let Some((cue_end, cue)) = cue_at(s, k) else {
        return;
    };
    let cue_word = s.word(k).to_string();
    if let Some((i, clause)) = content_start(s, &cue_word, cue_end)
        && (clause || !lex::needs_clause(&cue_word))
    {
        reported(s, i, n, cue, mention, out);
    } else {
        // "…, but pledged to stay calm": a stance of the same speaker.
        super::stance::second_stance(s, k, mention, out);
    }
}

/// A second cue of the same speaker inside content `i..n`: ", adding that", "but warned
/// that", "and said". Returns (where the first content ends, where the cue starts).
pub(super) fn second_cue_at(s: &Sentence, i: usize, n: usize) -> Option<(usize, usize)> {
    for j in i + 2..n {
        // A semicolon, or ", but" before a clause that is no cue, ends the content.
        if (!s.toks[j].quoted || s.closes_quote(j))
            && (s.is_punct(j, ";")
                || (s.is_punct(j, ",") || s.closes_quote(j))
                    && s.is_free_word(j + 1)
                    && !same_subject_goes_on(s, j + 2)
                    && (s.is(j + 1, "but")
                        || s.is(j + 1, "compared")
                        || s.is(j + 1, "while")
                        || s.is(j + 1, "whereas")
                        || s.is(j + 1, "although")
                        || s.is(j + 1, "though")))
        {
            // A closing quotation mark stays with the content it closes.
            let end = if s.closes_quote(j) { j + 1 } else { j };
            return Some((end, j + 1));
        }
        if !s.is_free_word(j) {
            continue;
        }
        if let Some(end) = new_speaker_at(s, i, j, n) {
            return Some((end, j));
        }
        let w = s.word(j);
        if !lex::is_cue_verb(w) || lex::needs_clause(w) && !s.is(j + 1, "that") {
            continue;
        }
        // ", adding that …", "- and arguing that …"
        if lex::is_gerund(w) {
            let before = if s.is(j - 1, "and") { j - 1 } else { j };
            if s.is_punct(before - 1, ",") || s.is_dash(before - 1) {
                return Some((before - 1, j));
            }
        }
        // "… but warned that …", "…, and added …"
        let mut c = j - 1;
        while c > i && s.is_free_word(c) && lex::is_filler(s.word(c)) && !s.is(c, "and") {
            c -= 1;
        }
        let conj = (s.is(c, "but") || s.is(c, "and")) && s.is_free_word(c);
        let strong = matches!(w, "said" | "told" | "wrote" | "says" | "tells" | "writes")
            || s.is(j + 1, "that")
            || s.opens_quote(j + 1)
            || w.ends_with("ed");
        if conj && !lex::is_gerund(w) && strong {
            let end = if c > 0 && s.is_punct(c - 1, ",") {
                c - 1
            } else {
                c
            };
            return Some((end, j));
        }
    }
    None
}

/// "they had misgivings, but could not bear to …": after the conjunction the content's
/// own subject goes on with an auxiliary, so the content does not end there.
/// So does a participle or adjective with no subject of its own ("…, though mixed with
/// enough truth to cause damage").
fn same_subject_goes_on(s: &Sentence, k: usize) -> bool {
    if !s.is_free_word(k) {
        return false;
    }
    if matches!(
        s.word(k).to_ascii_lowercase().as_str(),
        "could" | "would" | "can" | "will" | "should" | "might" | "must" | "may"
    ) {
        return true;
    }
    let w = s.word(k).to_ascii_lowercase();
    (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
        && !s.capitalised(k)
        && !lex::is_cue_verb(&w)
        && s.window(k, k + 1)
            .tag(k)
            .is_some_and(|t| matches!(t, Tag::VBN | Tag::VBG | Tag::JJ | Tag::RB))
}

/// "…, and he noted that …", "… and Democrats accused …": at conjunction `j` a clause
/// of its own speaker and speech or stance verb begins, ending the content before it.
/// Returns where the first content ends.
fn new_speaker_at(s: &Sentence, i: usize, j: usize, n: usize) -> Option<usize> {
    if !(s.is(j, "and") || s.is(j, "but")) || j < i + 3 {
        return None;
    }
    let m = (j + 2..n.min(j + 8)).find(|&m| {
        s.is_free_word(m)
            && (cue_at(s, m).is_some() || complements::takes(s.word(m)).is_some())
            && !s.is(m - 1, "to")
    })?;
    let (a, _) = subject_before(s, m)?;
    if a != j + 1 || !(s.capitalised(a) || lex::is_pronoun(s.word(a)) || s.is(a, "the")) {
        return None;
    }
    let before = j - 1;
    Some(if s.is_punct(before, ",") || s.is_dash(before) {
        before
    } else {
        j
    })
}

/// "… was told by X that …" inside content `a..b`: a claim of X.
pub(super) fn nested_passive(s: &Sentence, a: usize, b: usize, out: &mut Vec<Frame>) {
    for j in a..b.saturating_sub(3) {
        if !s.is_free_word(j)
            || !s.is(j + 1, "by")
            || !matches!(
                s.word(j).to_ascii_lowercase().as_str(),
                "told" | "informed" | "assured" | "warned" | "briefed"
            )
        {
            continue;
        }
        let Some(that) = (j + 2..b.min(j + 10)).find(|&t| s.is(t, "that")) else {
            continue;
        };
        if that == j + 2 || (j + 2..that).any(|t| !s.is_free_word(t)) {
            continue;
        }
        if let Some((x, y)) = s.trim(that + 1, b) {
            out.push(Frame {
                content: vec![content_span(s, x, y)],
                cue: s.word(j).to_string(),
                mention: Some(s.span(j + 2, that)),
                headline: false,
                continues: false,
                announces: false,
            });
        }
        return;
    }
}

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
                && super::stance::relative_then_object(s, j - 1, n).is_none())
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
