//! Where a reported content starts and ends once the rules have found it:
//! - "said that \"…\"", "said that, if elected, …": a content that opens with a quotation
//!   or an interrupting phrase right after its complementizer takes "that" in, as the
//!   clause's own span does (a plain "that …" gets it when the claim is built).

use super::Frame;
use super::sentence::Sentence;

/// Widens or cuts every one-piece content of `out` to the clause it reports.
pub(super) fn trim_contents(s: &Sentence, out: &mut [Frame]) {
    for f in out.iter_mut() {
        let [span] = f.content[..] else {
            continue;
        };
        if let Some(with) = with_that(s, span) {
            f.content[0] = with;
        }
    }
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
    fn a_quotation_after_the_frame_alone_is_left_as_it_is() {
        let c = claims("The mayor said: \"The port is safe for every ship.\"");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].content, "The port is safe for every ship.");
    }
}
