//! Where a reported content starts and ends once the rules have found it:
//! - "said that \"…\"", "said that, if elected, …": a content that opens with a quotation
//!   or an interrupting phrase right after its complementizer takes "that" in, as the
//!   clause's own span does (a plain "that …" gets it when the claim is built);
//! - a reported clause ends before a participle of speech that hangs on its frame: "Roe
//!   said the port was safe, citing the figures" (`trailing` reads the participle's own
//!   claim); a participle of the content's own event stays ("…, bringing the total to …").
//! - the content of a gerund cue ends before a second gerund of speech or stance:
//!   "calling the plan a disgrace and vowing to …".
//!
//! Only contents that open outside a quotation are cut, and only at a comma outside one.

use super::Frame;
use super::bounds::MIN_WORDS;
use super::sentence::{Sentence, content_span};
use super::{complements, lex, trailing};

/// Widens or cuts every one-piece content of `out` to the clause it reports.
pub(super) fn trim_contents(s: &Sentence, out: &mut [Frame]) {
    for f in out.iter_mut() {
        let [span] = f.content[..] else {
            continue;
        };
        if let Some(with) = with_that(s, span) {
            f.content[0] = with;
            continue;
        }
        let (a, b) = s.tokens_of(span);
        if a >= b || s.toks[a].quoted || s.opens_quote(a) {
            continue;
        }
        let cut = frame_participle(s, a, b).or_else(|| {
            lex::is_gerund(&f.cue)
                .then(|| second_gerund(s, a, b))
                .flatten()
        });
        if let Some(cut) = cut
            && let Some((x, y)) = s.trim(a, cut)
        {
            f.content[0] = content_span(s, x, y);
        }
    }
}

/// Where content `a..b` ends before a comma and a participle of speech that hangs on the
/// reporting clause, not on its content ("Roe said the port was safe, citing the
/// figures"; `trailing` reads its own claim), once it has its words.
fn frame_participle(s: &Sentence, a: usize, b: usize) -> Option<usize> {
    let mut words = 0;
    for j in a..b.saturating_sub(1) {
        if s.toks[j].word {
            words += 1;
        } else if words >= MIN_WORDS
            && !s.toks[j].quoted
            && s.is_punct(j, ",")
            && s.is_free_word(j + 1)
            && trailing::is_frame_participle(s.word(j + 1))
        {
            return Some(j);
        }
    }
    None
}

/// "calling them liars and vowing to …": a second gerund of speech or stance.
fn second_gerund(s: &Sentence, a: usize, b: usize) -> Option<usize> {
    (a + 2..b.saturating_sub(1)).find(|&j| {
        s.is_free_word(j)
            && s.is(j, "and")
            && s.is_free_word(j + 1)
            && lex::is_gerund(s.word(j + 1))
            && (lex::is_cue_verb(s.word(j + 1)) || complements::takes(s.word(j + 1)).is_some())
    })
}

/// The span of a content with the "that" before it, when a quotation or a comma stands
/// between them; with the quotation's closing mark when only a comma or spaces stood
/// between it and the content's end.
fn with_that(s: &Sentence, span: (usize, usize)) -> Option<(usize, usize)> {
    let (a, _) = s.tokens_of(span);
    if a < 2 || a >= s.toks.len() {
        return None;
    }
    if s.is_punct(a - 1, ",") && s.is(a - 2, "that") && s.is_free_word(a - 2) {
        return Some((s.toks[a - 2].start, span.1));
    }
    let open = if s.opens_quote(a) { a } else { a - 1 };
    if open == 0 || !s.opens_quote(open) || !s.is(open - 1, "that") || !s.is_free_word(open - 1) {
        return None;
    }
    let q = s.quote_opening_at(s.toks[open].start)?;
    let end = if q.closed
        && span.1 <= q.inner_end
        && s.text[span.1..q.inner_end]
            .trim_matches([',', ' '])
            .is_empty()
    {
        q.end
    } else {
        span.1
    };
    Some((s.toks[open - 1].start, end))
}

#[cfg(test)]
mod tests {
    //! One sentence per construction, written for these tests (no evaluation text).
    use crate::extract::{FoundClaim, extract};

    fn claims(body: &str) -> Vec<FoundClaim> {
        extract(&format!("Harbour plan approved\n{body}\n")).claims
    }

    #[test]
    fn that_before_a_quotation_or_a_comma_opens_the_content() {
        let c = claims("The mayor said that \"the port is safe for every ship.\"");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].content, "that \"the port is safe for every ship.\"");
        let c = claims("The mayor said that, if elected, she would close the old port.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            c[0].content,
            "that, if elected, she would close the old port"
        );
    }

    #[test]
    fn a_participle_of_speech_after_a_reported_clause_is_a_claim_of_its_own() {
        let c =
            claims("The mayor said the port was safe for ships, citing the falling toll revenue.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].content, "the port was safe for ships");
        assert_eq!(c[1].cue, "citing");
        assert_eq!(c[1].content, "the falling toll revenue");
        assert_eq!(c[1].mention.as_deref(), Some("The mayor"));
        let c = claims(
            "Roe argued the harbour needed new cranes, noting that the old ones were rusting.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].content, "the harbour needed new cranes");
        assert_eq!(c[1].content, "that the old ones were rusting");
    }

    #[test]
    fn a_participle_of_the_contents_own_event_stays() {
        let c = claims("The council said the port had grown, bringing its total to ten ships.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            c[0].content,
            "the port had grown, bringing its total to ten ships"
        );
    }

    #[test]
    fn a_second_gerund_of_speech_ends_a_gerunds_content() {
        let c = claims(
            "The mayor spoke for an hour, calling the new tolls a disgrace and vowing to scrap them.",
        );
        let calling = c
            .iter()
            .find(|c| c.cue == "calling")
            .expect("a calling claim");
        assert_eq!(calling.content, "the new tolls a disgrace");
    }

    #[test]
    fn a_quotation_after_the_frame_alone_is_left_as_it_is() {
        let c = claims("The mayor said: \"The port is safe for every ship.\"");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].content, "The port is safe for every ship.");
    }
}
