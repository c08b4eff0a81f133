//! Speech-verb frames: a cue verb with its subject, and content before, around or after it.

use super::super::complements;
use super::super::syntax::Tag;
use super::Frame;
use super::content::{noun_phrase_end, relative_clause_end, reported, second_cue_at, second_cues};
use super::cue_content::{adjunct_start, content_start};
use super::inverted::subject_after;
use super::lex;
use super::sentence::{Sentence, content_span, strip_quotes};
use super::stance::stance_frames;
use super::stance_adjective::adjective_frames;
use super::subjects::{clause_subject, subject_before};

/// The cue at token `k` if it is one: its last token index and its text.
pub(super) fn cue_at(s: &Sentence, k: usize) -> Option<(usize, String)> {
    if !s.is_free_word(k) || !lex::is_cue_verb(s.word(k)) {
        return None;
    }
    let w = s.word(k);
    if lex::needs_particle(w) {
        // "pointed out", "made it clear", "made clear", "was quoted as saying"
        let end = if s.is(k + 1, "as") && s.is(k + 2, "saying") {
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
    if naming_participle(s, k) {
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

/// Speech-verb frames. Returns true when the sentence had one.
pub(super) fn verb_frames(s: &Sentence, out: &mut Vec<Frame>) -> bool {
    let n = s.toks.len();
    // "Asked if she believed …, Clinton said …": the cue of an opening subordinate clause
    // is not the sentence's frame.
    let first = if lex::is_subordinator(s.word(0)) {
        (1..n)
            .find(|&i| s.is_punct(i, ",") && !s.toks[i].quoted)
            .unwrap_or(0)
    } else {
        0
    };
    // "…, and he finds that in his work, he said.": a frame closing the sentence governs
    // everything before it, whatever cues that contains.
    let closing = (first.max(n.saturating_sub(10))..n)
        .rev()
        .find(|&k| s.is_free_word(k) && cue_at(s, k).is_some());
    let mut closing_frames = Vec::new();
    if let Some(k) = closing
        && k > first
        && !s.toks[..k].iter().any(|t| t.quoted)
        && verb_frames_from(s, k, &mut closing_frames)
        && closing_frames
            .first()
            .and_then(|f| f.content.first())
            .is_some_and(|c| c.0 == s.toks[0].start)
    {
        out.append(&mut closing_frames);
        return true;
    }
    if verb_frames_from(s, first, out) {
        earlier_stance(s, first, out);
        return true;
    }
    if stance_frames(s, first, out) || adjective_frames(s, first, out) {
        return true;
    }
    // No frame in the main clause: the opening clause may have one ("When Ruiz said the
    // works were late, the council met"), its content ending with the clause.
    if first > 1 {
        let opening = s.prefix(first);
        return verb_frames_from(&opening, 0, out);
    }
    false
}

/// "Trump accused Holt of being a Democrat, though records show …": a clause of its own
/// before the one whose frame was found may hold a stance frame of another speaker.
fn earlier_stance(s: &Sentence, first: usize, out: &mut Vec<Frame>) {
    let Some(m0) = out
        .iter()
        .filter_map(|f| f.mention)
        .map(|m| s.tokens_of(m).0)
        .min()
    else {
        return;
    };
    let Some(boundary) = (first + 3..m0).rev().find(|&b| {
        !s.toks[b].quoted
            && s.is_punct(b, ",")
            && ["though", "although", "but", "while", "whereas"]
                .iter()
                .any(|w| s.is(b + 1, w))
    }) else {
        return;
    };
    let head = s.prefix(boundary);
    let mut more = Vec::new();
    if stance_frames(&head, first, &mut more) {
        more.append(out);
        *out = more;
    }
}

/// Speech-verb frames with the cue at token `from` or later.
pub(super) fn verb_frames_from(s: &Sentence, from: usize, out: &mut Vec<Frame>) -> bool {
    let n = s.toks.len();
    for k in from..n {
        let Some((cue_end, cue)) = cue_at(s, k) else {
            continue;
        };
        let cue_word = s.word(k).to_string();
        if let Some(frame) = passive_with_agent(s, k, cue_end, &cue) {
            out.push(frame);
            return true;
        }
        if !used_as_speech_verb(s, k) {
            continue;
        }
        // "called for an inquiry", "spoke about the deal": a stance frame, tried later.
        let next = s.word(cue_end + 1).to_ascii_lowercase();
        if s.is_free_word(cue_end + 1)
            && complements::takes(&cue_word).is_some_and(|t| {
                t.preps.contains(&next.as_str()) || next == "on" && t.preps.contains(&"for")
            })
        {
            continue;
        }
        let subject = subject_before(s, k);
        let after = content_start(s, &cue_word, cue_end);
        let needs_clause = lex::needs_clause(&cue_word);
        // ", saying …": the speaker is the subject of the clause the gerund hangs on.
        // "responded by saying …", "after saying …" hang on the clause the same way.
        // "…, saying", "… – saying", "… “New York values,” saying".
        let after_comma = k > 0
            && (s.is_punct(k - 1, ",")
                || s.is_dash(k - 1)
                || k >= 2 && s.closes_quote(k - 1) && s.is_punct(k - 2, ","));
        let hangs = k > 0
            && (after_comma
                || s.is_free_word(k - 1)
                    && (["by", "after", "while", "before"]
                        .iter()
                        .any(|w| s.is(k - 1, w))
                        || complements::is_utterance_noun(s.word(k - 1)) && s.is(k + 1, "that")));
        if lex::is_gerund(&cue_word) && hangs {
            if let Some((a, b)) = clause_subject(s, k - 1)
                && let Some((i, clause)) = after
                && (clause || !needs_clause)
            {
                // "Trump attacked Clinton for X, saying …": the clause the gerund hangs on
                // may be a claim of its own.
                if s.is_punct(k - 1, ",") && k - 1 > from {
                    stance_frames(&s.prefix(k - 1), from, out);
                }
                reported(s, i, n, cue, Some(s.span(a, b)), out);
                return true;
            }
            continue;
        }
        match subject {
            Some((a, b)) => {
                let mention = Some(s.span(a, b));
                // "In a statement, the ministry said:" and the quotation follows.
                if after.is_none() && s.is_punct(n - 1, ":") && n - 1 <= cue_end + 8 {
                    out.push(Frame {
                        content: Vec::new(),
                        cue,
                        mention,
                        headline: false,
                        continues: false,
                        announces: true,
                    });
                    return true;
                }
                let preceded = a > 0 && s.is_comma_like(a - 1);
                let before = if preceded { s.trim(0, a - 1) } else { None };
                let before_quoted = before.is_some_and(|(x, _)| s.opens_quote(x));
                // Unquoted content before the frame must look like a clause, and the verb
                // must be one that can close a sentence.
                // An opening adjunct ("In a speech last July, he said:") is no content.
                // "The museum, Mr. Obama said, would make …": the frame splits the
                // subject from its verb, so a short subject is enough.
                let split_subject = s.is_punct(cue_end + 1, ",")
                    && s.is_free_word(cue_end + 2)
                    && s.window(cue_end + 1, n.min(cue_end + 4))
                        .tag(cue_end + 2)
                        .is_some_and(|t| {
                            t.is_modal() || matches!(t, Tag::VBZ | Tag::VBD | Tag::VBP)
                        });
                let before = before.filter(|&(x, y)| {
                    let min_words = if adjunct_start(s, x) {
                        8
                    } else if split_subject {
                        1
                    } else {
                        4
                    };
                    // "…, the study found." A verb that needs a clause closes the
                    // sentence ("leaders found little unity" is no frame).
                    let closes = !needs_clause || cue_end + 2 >= n;
                    before_quoted
                        || (lex::is_postposable(&cue_word)
                            && closes
                            && s.toks[x..y]
                                .iter()
                                .filter(|t| t.word)
                                .nth(min_words - 1)
                                .is_some())
                });
                let after_clause = after.filter(|&(i, clause)| {
                    (clause || !needs_clause) && !(preceded && adjunct_start(s, i))
                });
                // "To understand X, Roberts said, one should visit": a frame set off by
                // commas inside the sentence governs both sides.
                let interposed = preceded
                    && !before_quoted
                    && s.is_punct(cue_end + 1, ",")
                    && after_clause.is_some_and(|(i, _)| i == cue_end + 2)
                    && !lex::is_gerund(s.word(cue_end + 2));
                if let Some((x, y)) =
                    before.filter(|_| before_quoted || interposed || after_clause.is_none())
                {
                    // "\"…,\" X said" — and maybe ", \"…\"" after the frame.
                    let mut content = vec![strip_quotes(s, x, y)];
                    // "“…,” Roe said, turning to the crowd, “…”": the quotation goes on
                    // after a phrase of the frame.
                    // A quotation resumed in lower case ("…,” Roe said at a rally in
                    // Ashton, “but …”, "he said, but “…”") goes on whatever the frame holds.
                    let opens_after = |q: usize| {
                        s.opens_quote(q)
                            && (s.is_punct(q - 1, ",")
                                || s.is(q - 1, "but") && s.is_punct(q - 2, ","))
                    };
                    let resumed = before_quoted
                        .then(|| {
                            (cue_end + 2..n.min(cue_end + 16))
                                .take_while(|&q| s.is_free_word(q - 1) || s.is_punct(q - 1, ","))
                                .find(|&q| opens_after(q))
                        })
                        .flatten()
                        .filter(|&i| {
                            let lower =
                                s.toks.get(i + 1).is_some_and(|t| t.word) && !s.capitalised(i + 1);
                            let plain = s.is_punct(cue_end + 1, ",")
                                && i > cue_end + 2
                                && !s.capitalised(cue_end + 2)
                                && (cue_end + 2..i).all(|j| !s.toks[j].word || !s.capitalised(j));
                            (lower || plain)
                                && (cue_end + 1..i)
                                    .all(|j| !s.toks[j].word || !lex::is_cue_verb(s.word(j)))
                        });
                    if let Some((i, _)) = after.filter(|&(i, _)| s.opens_quote(i))
                        && let Some((p, q)) = s.trim(i, n)
                    {
                        content.push(strip_quotes(s, p, q));
                    } else if let Some(i) = resumed
                        && (i..n).all(|j| !s.is_free_word(j) || !lex::is_cue_verb(s.word(j)))
                        && let Some((p, q)) = s.trim(i, n)
                    {
                        content.push(strip_quotes(s, p, q));
                    } else if interposed
                        && let Some((p, q)) = s.trim(
                            cue_end + 2,
                            second_cue_at(s, cue_end + 2, n).map_or(n, |(end, _)| end),
                        )
                    {
                        content.push(content_span(s, p, q));
                    } else if let Some((i, _)) = after {
                        second_cues(s, i, n, mention, out);
                    } else if !before_quoted
                        && s.is_punct(cue_end + 1, ",")
                        && !lex::is_gerund(s.word(cue_end + 2))
                        && let Some((p, q)) = s.trim(cue_end + 2, n)
                    {
                        // "In 1990, she said, a boss invited her …": the frame sits inside.
                        content.push(content_span(s, p, q));
                    }
                    out.insert(
                        0,
                        Frame {
                            content,
                            cue,
                            mention,
                            headline: false,
                            continues: false,
                            announces: false,
                        },
                    );
                    return true;
                }
                if let Some((i, clause)) = after_clause {
                    let np = !clause && complements::takes(&cue_word).is_some_and(|t| t.np);
                    let mut end = relative_clause_end(s, (a, b), i, n, np);
                    if np {
                        end = end.min(noun_phrase_end(s, i, end, true));
                    }
                    reported(s, i, end, cue, mention, out);
                    return true;
                }
            }
            None => {
                // Inverted: "\"…,\" said X."
                if k > 0
                    && s.is_comma_like(k - 1)
                    && lex::is_postposable(&cue_word)
                    && !needs_clause
                    && let Some((a, b)) = subject_after(s, cue_end)
                    && let Some((x, y)) = s.trim(0, k - 1)
                {
                    out.push(Frame {
                        content: vec![strip_quotes(s, x, y)],
                        cue,
                        mention: Some(s.span(a, b)),
                        headline: false,
                        continues: false,
                        announces: false,
                    });
                    return true;
                }
            }
        }
    }
    false
}
