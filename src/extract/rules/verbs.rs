//! Speech-verb frames: a cue verb with its subject, and content before, around or after it.

use super::super::complements;
use super::super::syntax::Tag;
use super::Frame;
use super::bounds::{noun_phrase_end, relative_clause_end};
use super::content::{reported, second_cue_at, second_cues};
use super::cue_content::{adjunct_start, content_start};
use super::cue_words::{cue_at, passive_with_agent, used_as_speech_verb};
use super::inverted::subject_after;
use super::lex;
use super::sentence::{Sentence, content_span, strip_quotes};
use super::stance::{STANCE, stance_frames};
use super::stance_adjective::adjective_frames;
use super::subjects::{clause_subject, subject_before};

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
        // "Keeps saying she opposed …" (a list's item with no subject): a verb of
        // continuing before a gerund cue is nobody.
        let aspect = k == 1
            && lex::is_gerund(&cue_word)
            && matches!(
                s.word(0).to_ascii_lowercase().as_str(),
                "keeps" | "kept" | "continues" | "continued" | "starts" | "started" | "stops"
            );
        let subject = subject_before(s, k).filter(|_| !aspect);
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
                reported(s, i, n, cue, Some(s.span(a, b)), STANCE, out);
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
                let interposed_to = s.is_punct(cue_end + 1, ",");
                let before = before.filter(|&(x, y)| {
                    // "To understand X, Roberts said, …": a purpose clause opens the
                    // content, not the frame.
                    let purpose = interposed_to && s.is(x, "to") && !s.capitalised(x + 1);
                    // "Later, in remarks at the party's headquarters, Esper said, “…”":
                    // before a quotation, an opening adjunct sets the scene, however long.
                    if adjunct_start(s, x)
                        && !purpose
                        && after.is_some_and(|(i, _)| s.opens_quote(i))
                    {
                        return false;
                    }
                    let min_words = if adjunct_start(s, x) && !purpose {
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
                        second_cues(s, i, n, mention, STANCE, out);
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
                    reported(s, i, end, cue, mention, STANCE, out);
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
