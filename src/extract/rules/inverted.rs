//! The speaker after an inverted cue: "\"…,\" said John Smith, a spokesman."

use super::lex;
use super::sentence::Sentence;

/// The speaker after an inverted cue: "\"…,\" said John Smith, a spokesman."
pub(super) fn subject_after(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let n = s.toks.len();
    let a = k + 1;
    let mut b = a;
    while b < n && s.is_free_word(b) && b - a < 14 {
        b += 1;
    }
    // "said a longtime port expert who has worked for …": a relative clause after the
    // speaker is no part of the mention.
    // "said Jane Roe as she left the stage", "said Roe when asked about …": a clause of
    // time or manner after the speaker is no part of it either.
    // (Only after a name: "said the days when …" is reported speech.)
    let relative = (a + 1..b).find(|&i| {
        i > a + 1 && (s.is(i, "who") || s.is(i, "whose"))
            || (a..i).any(|j| s.capitalised(j))
                && [
                    "as", "when", "while", "after", "before", "because", "since", "though",
                ]
                .iter()
                .any(|w| s.is(i, w))
    });
    if let Some(r) = relative {
        b = r;
    }
    // "said Jane Roe of the consulting firm Harbour": a long "of" phrase after a name.
    if b - a > 6
        && s.capitalised(a)
        && let Some(o) = (a + 2..b).find(|&i| s.is(i, "of"))
    {
        b = o;
    }
    let first = s.word(a).to_ascii_lowercase();
    let starts_np = s.capitalised(a)
        || matches!(
            first.as_str(),
            "he" | "she" | "they" | "the" | "a" | "an" | "one"
        )
        || bare_noun_phrase(s, a, b);
    // The speaker closes the sentence or is followed by an apposition or a time.
    let closes = b == n
        || relative == Some(b)
        || s.is(b, "of")
        || s.is_punct(b, ",")
        || s.is_punct(b, ".")
        || s.is_punct(b, ";")
        || (b < n && !s.toks[b].word && !s.toks[b].quoted);
    let pronoun = matches!(first.as_str(), "he" | "she" | "they");
    // "said the ruling was wrong" is reported speech, not an inverted speaker.
    if (a..b).any(|i| lex::is_be_form(s.word(i))) {
        return None;
    }
    // "said one source on the panel.": the mention ends before the place.
    let stop = (a..b).find(|&i| lex::is_np_stop(s.word(i)) && !s.is(i, "of"));
    let place = stop.is_some_and(|p| {
        p > a + 1
            && ["on", "at", "in", "for", "with", "from"]
                .iter()
                .any(|w| s.is(p, w))
            && (s.is(p + 1, "the") || s.capitalised(p + 1))
    });
    if stop.is_some() && !place {
        return None;
    }
    if b == a
        || !starts_np
        || !closes
        || b - a > if place { 8 } else { 6 }
        || (pronoun && b - a > 1)
        || matches!(first.as_str(), "that" | "which" | "who")
    {
        return None;
    }
    if place {
        return stop.map(|p| (a, p));
    }
    // "said John Smith, the union's chief negotiator." keeps the apposition (the role).
    if s.is_punct(b, ",") && s.capitalised(a) {
        let last = (b + 1..n).rev().find(|&i| s.toks[i].word);
        let opener = s.word(b + 1).to_ascii_lowercase();
        if let Some(last) = last
            && last - b <= 12
            && (b + 1..=last).all(|i| s.is_free_word(i) || s.word(i) == "'")
            && (matches!(
                opener.as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their"
            ) || opener.ends_with("'s")
                || lex::is_role_head(&opener)
                // "insisted Lee's spokesman, Tom Hart."
                || (lex::is_role_head(s.word(b - 1))
                    && last - b <= 4
                    && (b + 1..=last).all(|i| s.capitalised(i))))
        {
            return Some((a, last + 1));
        }
    }
    Some((a, b))
}

/// "said former adviser Jane Roe", "said retired judge Tom Hart", "said several
/// observers", "said his lawyer": a speaker without an article, opened by a lower-case
/// premodifier, a quantifier or a possessive, and holding a name or a role.
fn bare_noun_phrase(s: &Sentence, a: usize, b: usize) -> bool {
    let first = s.word(a).to_ascii_lowercase();
    let opener = matches!(
        first.as_str(),
        "several"
            | "some"
            | "many"
            | "most"
            | "both"
            | "two"
            | "three"
            | "four"
            | "his"
            | "her"
            | "their"
            | "its"
            | "another"
            | "other"
    );
    let named = (a + 1..b).any(|i| s.capitalised(i) || lex::is_role_head(s.word(i)));
    let plural_people = b > a + 1 && {
        let last = s.word(b - 1).to_ascii_lowercase();
        [
            "observers",
            "officials",
            "analysts",
            "experts",
            "aides",
            "sources",
            "people",
        ]
        .contains(&last.as_str())
            || lex::is_role_head(last.trim_end_matches('s'))
    };
    if opener {
        return named || plural_people;
    }
    // A lower-case premodifier of a role or a name: "former", "retired", "longtime".
    b > a + 1
        && !lex::is_time_word(&first)
        && !first.ends_with("ly")
        && !lex::is_np_stop(&first)
        && (a + 1..b).any(|i| s.capitalised(i))
        && (a..b).any(|i| {
            lex::is_role_head(s.word(i)) || s.capitalised(i) && i + 1 < b && s.capitalised(i + 1)
        })
}
