//! A participle that closes a frame and names what the speaker pointed at: "\"…,\" Roe
//! said, citing the budget figures", "…, he said, referring to the mayor". Its content is
//! the noun phrase after it, a list with its commas included, up to a clause of its own
//! (", who …", ", saying …", a dash, a semicolon); its speaker is the frame's. A
//! participle of speech ("…, Roe said, adding that …", "noting", "saying") takes the
//! clause or quotation after it, to the sentence's end.

use super::sentence::{Sentence, strip_quotes};
use super::{Frame, insert_in_order};

/// Participles whose object is what the speaker cited, with the preposition they take.
const PARTICIPLES: &[(&str, Option<&str>)] = &[
    ("citing", None),
    ("referring", Some("to")),
    ("pointing", Some("to")),
];

/// Participles whose content is a clause or a quotation: "…,\" Roe said, adding that …".
const CLAUSE_PARTICIPLES: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "arguing",
    "explaining",
    "insisting",
    "stressing",
    "warning",
];

/// Is `word` one of the participles above, which hang on a frame ("…, citing", "…,
/// adding")? A reported clause ends before one (`clause_end`).
pub(super) fn is_frame_participle(word: &str) -> bool {
    PARTICIPLES
        .iter()
        .any(|(w, _)| w.eq_ignore_ascii_case(word))
        || CLAUSE_PARTICIPLES
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// Frames of the participles after a comma that follow a frame of `out` in `s`, each
/// with that frame's speaker; none inside a content found already.
pub(super) fn trailing_frames(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for i in 1..n {
        if !s.is_free_word(i) || !s.is_punct(i - 1, ",") {
            continue;
        }
        let clause = CLAUSE_PARTICIPLES.iter().find(|w| s.is(i, w));
        let Some((cue, prep)) = PARTICIPLES
            .iter()
            .copied()
            .find(|(w, _)| s.is(i, w))
            .or(clause.map(|w| (*w, None)))
        else {
            continue;
        };
        let a = match prep {
            Some(p) if s.is_free_word(i + 1) && s.is(i + 1, p) => i + 2,
            Some(_) => continue,
            None => i + 1,
        };
        let (a, b) = if clause.is_some() {
            // "…,\" Roe said, adding that …": the clause runs to the sentence's end.
            let a = if s.is_free_word(a) && s.is(a, "that") {
                a + 1
            } else {
                a
            };
            let Some((a, b)) = s.trim(a, n) else { continue };
            if (a..b).filter(|&j| s.toks[j].word).count() < 3 {
                continue;
            }
            (a, b)
        } else {
            let b = (a + 1..n).find(|&j| ends_phrase(s, j)).unwrap_or(n);
            let Some((a, b)) = s.trim(a, b) else { continue };
            (a, b)
        };
        let span = strip_quotes(s, a, b);
        let at = s.toks[i].start;
        // The frame this participle closes: the last one wholly before it, with a speaker.
        let Some(owner) = out
            .iter()
            .filter(|f| !f.headline && f.mention.is_some_and(|m| m.1 <= at))
            .filter(|f| f.content.iter().all(|c| c.1 <= at))
            .max_by_key(|f| f.mention.map_or(0, |m| m.1))
        else {
            continue;
        };
        if out
            .iter()
            .any(|f| f.content.iter().any(|c| c.0 < span.1 && span.0 < c.1))
        {
            continue;
        }
        let cue = match prep {
            Some(p) => format!("{cue} {p}"),
            None => (*cue).to_string(),
        };
        let frame = Frame {
            content: vec![span],
            cue,
            mention: owner.mention,
            headline: false,
            continues: false,
            announces: false,
        };
        insert_in_order(out, frame);
    }
}

/// Words after a comma that open a clause of their own, not the next item of a list.
const CLAUSE_OPENERS: &[&str] = &[
    "who", "which", "whose", "where", "when", "while", "as", "but", "although", "though",
    "because", "since", "so", "and", "or", "even", "only", "just",
];

/// Does the noun phrase after a participle end before token `j`: a semicolon or dash, or
/// a comma before a clause opener or a participle ("…, standing at the back")?
fn ends_phrase(s: &Sentence, j: usize) -> bool {
    if s.toks[j].quoted {
        return false;
    }
    if s.is_punct(j, ";") || s.is_dash(j) {
        return true;
    }
    if !s.is_punct(j, ",") || !s.is_free_word(j + 1) {
        return false;
    }
    let next = s.word(j + 1);
    let lower = next.to_ascii_lowercase();
    // "…, and he …": "and" opens a clause when a pronoun or verb follows, an item else.
    if lower == "and" || lower == "or" {
        return s.is_free_word(j + 2)
            && ["he", "she", "they", "it", "we", "i", "then"]
                .iter()
                .any(|p| s.is(j + 2, p));
    }
    CLAUSE_OPENERS.iter().any(|w| lower == *w) || (lower.len() > 4 && lower.ends_with("ing"))
}

#[cfg(test)]
mod tests {
    //! One sentence per construction, written for these tests (no evaluation text).
    use crate::extract::{FoundClaim, extract};

    fn claims(body: &str) -> Vec<FoundClaim> {
        extract(&format!("Harbour plan approved\n{body}\n")).claims
    }

    #[test]
    fn citing_after_a_frame_is_a_claim_of_its_speaker() {
        let c = claims(
            "\"The port is losing money,\" the mayor said, citing the falling toll revenue.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        let cited = c
            .iter()
            .find(|c| c.cue == "citing")
            .expect("a citing claim");
        assert_eq!(cited.content, "the falling toll revenue");
        assert_eq!(cited.mention.as_deref(), Some("the mayor"));
    }

    #[test]
    fn referring_to_ends_at_the_next_comma() {
        let c = claims(
            "\"He knew all along,\" Ruiz said, referring to the harbour master, who resigned in May.",
        );
        let r = c
            .iter()
            .find(|c| c.cue == "referring to")
            .expect("a referring claim");
        assert_eq!(r.content, "the harbour master");
        assert_eq!(r.mention.as_deref(), Some("Ruiz"));
    }

    #[test]
    fn a_cited_list_keeps_its_commas() {
        let c = claims(
            "\"The port is losing money,\" the mayor said, citing falling tolls, idle cranes and the strikes.",
        );
        let cited = c
            .iter()
            .find(|c| c.cue == "citing")
            .expect("a citing claim");
        assert_eq!(cited.content, "falling tolls, idle cranes and the strikes");
    }

    #[test]
    fn adding_after_a_quotations_frame_is_a_clause_of_its_speaker() {
        let c = claims(
            "\"We will finish the wall,\" Roe said in a statement, adding that the money was in the budget.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].cue, "adding");
        assert_eq!(c[1].content, "that the money was in the budget");
        assert_eq!(c[1].mention.as_deref(), Some("Roe"));
        let c = claims("\"It is done,\" the mayor said, adding, \"The cranes are ours.\"");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].content, "The cranes are ours.");
    }

    #[test]
    fn a_participle_before_any_frame_is_left_alone() {
        let c = claims("The council, citing the falling toll revenue, closed the port.");
        assert!(c.iter().all(|c| c.cue != "citing"), "{c:?}");
    }
}
