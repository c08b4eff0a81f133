//! Attribution frames of one sentence: who said what, as token ranges.
//!
//! Each rule looks only at the sentence's own tokens, so the whole pass is linear in the
//! text. Rules, in the order they are tried:
//! - headline: "…: Speaker" on a title or subheading line;
//! - "according to X, …" / "…, according to X";
//! - a speech verb with its subject: reported speech ("X said (that) …"), quotes before
//!   the frame ("\"…,\" X said"), around it ("\"…,\" X said, \"…\"") or after it
//!   ("X said: \"…\""), and inverted frames ("\"…,\" said X");
//! - nominal cues: "X's announcement that …";
//!   and inside any content: a second cue of the same speaker (", adding that …",
//!   "but warned that …") and nested passive attribution ("was told by X that …").

use super::lexicon as lex;
use super::quotes::Quote;
use super::text::Token;

/// A claim frame before speakers are resolved. Spans are byte ranges in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Content fragments; two when a quote is split by its frame.
    pub content: Vec<(usize, usize)>,
    pub cue: String,
    pub mention: Option<(usize, usize)>,
    pub headline: bool,
    /// Takes its speaker from the frame before it (a quote continuing after its frame).
    pub continues: bool,
    /// "He said:" closing its sentence: the content is the next sentence.
    pub announces: bool,
}

/// One sentence with its tokens and the quotations that touch it.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub quotes: &'a [Quote],
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.word && t.text(self.text) == p)
    }

    fn is_free_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word && !t.quoted)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Is token `i` an opening quotation mark?
    fn opens_quote(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.quote_opening_at(t.start).is_some())
    }

    /// The quotation whose opening mark is at byte `at` (quotes are sorted, disjoint).
    fn quote_opening_at(&self, at: usize) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.open < at);
        self.quotes.get(i).filter(|q| q.open == at)
    }

    /// Is token `i` a closing quotation mark?
    fn closes_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let j = self.quotes.partition_point(|q| q.end <= t.start);
            self.quotes
                .get(j)
                .is_some_and(|q| q.closed && q.inner_end <= t.start && t.start < q.end)
        })
    }

    fn is_comma_like(&self, i: usize) -> bool {
        self.is_punct(i, ",") || self.is_punct(i, ";") || self.closes_quote(i) || self.is_dash(i)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "—" | "–" | "--")
    }

    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    /// Tokens `a..b` without trailing sentence punctuation and commas outside quotes, and
    /// without a leading comma or colon.
    fn trim(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b && !self.toks[a].word && !self.opens_quote(a) {
            a += 1;
        }
        while b > a {
            let t = &self.toks[b - 1];
            if t.word || self.closes_quote(b - 1) || t.quoted {
                break;
            }
            b -= 1;
        }
        let words = self.toks[a..b].iter().filter(|t| t.word).take(2).count();
        (words >= 2 || (words >= 1 && self.opens_quote(a))).then_some((a, b))
    }
}

/// Where a sentence stands: it decides which colon frames apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A title or subheading: "…: Speaker" and "Speaker: …".
    Heading,
    /// The first sentence of a paragraph: "Speaker: …" (interview transcripts).
    ParagraphStart,
    Body,
}

/// All frames of one sentence.
pub fn frames(s: &Sentence, place: Place) -> Vec<Frame> {
    let mut out = Vec::new();
    if s.toks.is_empty() {
        return out;
    }
    if place != Place::Body
        && let Some(f) = headline(s, place == Place::Heading)
    {
        out.push(f);
        return out;
    }
    if let Some(f) = according_to(s) {
        out.push(f);
        return out;
    }
    if verb_frames(s, &mut out) {
        return out;
    }
    nominal(s, &mut out);
    out
}

/// "Content: Speaker" or "Speaker: \"content\"" on a headline or subheading.
fn headline(s: &Sentence, heading: bool) -> Option<Frame> {
    let n = s.toks.len();
    let colon = (0..n)
        .rev()
        .find(|&i| s.is_punct(i, ":") && !s.toks[i].quoted)?;
    let right_words: Vec<usize> = (colon + 1..n).filter(|&i| s.toks[i].word).collect();
    let left = s.trim(0, colon);
    // "… : White House"
    if heading
        && !right_words.is_empty()
        && right_words.len() <= 5
        && (right_words.iter().all(|&i| s.capitalised(i))
            || right_words.len() <= 3
                && right_words
                    .last()
                    .is_some_and(|&i| lex::is_body_head(s.word(i))))
        && !(colon + 1..n).any(|i| s.toks[i].quoted)
        && let Some((a, b)) = left
    {
        let last = *right_words.last()?;
        return Some(Frame {
            content: vec![strip_quotes(s, a, b)],
            cue: ":".into(),
            mention: Some(s.span(right_words[0], last + 1)),
            headline: true,
            continues: false,
            announces: false,
        });
    }
    // "Speaker: \"…\""
    let left_words = (0..colon).filter(|&i| s.toks[i].word).count();
    // "Q:" and "A:" mark an interview's question and answer, not a named speaker.
    let single_letter = colon == 1 && s.word(0).chars().count() == 1;
    let left_is_name = !lex::is_gerund(s.word(0))
        && !single_letter
        && (heading || right_words.len() >= 3)
        && (0..colon).all(|i| s.toks[i].word && s.capitalised(i) && !s.toks[i].quoted)
        && !lex::is_headline_label(s.word(0));
    // Without a quotation on the right, "The Ninth Circle: …" is a title, not a speaker.
    // And a list of names ("Nevada: Adam Khan, Ana Ruiz, …") is not something said: a
    // statement has a lower-case word (a verb) somewhere.
    let says_something = (colon + 1..n).any(|i| s.is_free_word(i) && !s.capitalised(i));
    let short_name = left_words <= 3 && !s.is(0, "the") && (heading || says_something);
    if left_words > 0 && left_is_name && (s.opens_quote(colon + 1) || short_name) {
        let (a, b) = s.trim(colon + 1, n)?;
        return Some(Frame {
            content: vec![strip_quotes(s, a, b)],
            cue: ":".into(),
            mention: Some(s.span(0, colon)),
            headline: true,
            continues: false,
            announces: false,
        });
    }
    None
}

/// "According to X, …" and "…, according to X".
fn according_to(s: &Sentence) -> Option<Frame> {
    let n = s.toks.len();
    let k = (0..n.saturating_sub(1))
        .find(|&i| s.is_free_word(i) && s.is(i, "according") && s.is(i + 1, "to"))?;
    // The source runs to the next comma or the end.
    let src_end = (k + 2..n)
        .find(|&i| !s.toks[i].word && !s.word(i).starts_with('.') || s.toks[i].quoted)
        .unwrap_or(n);
    let src_end = (k + 2..src_end)
        .rev()
        .find(|&i| s.toks[i].word)
        .map(|i| i + 1)?;
    let mention = Some(s.span(k + 2, src_end));
    let cue_text = s.text[s.toks[k].start..s.toks[k + 1].end].to_string();
    let after = s.trim(src_end, n);
    let content = if k == 0 {
        vec![content_span(s, after?.0, after?.1)]
    } else {
        // "…, according to X." or "…, according to X, …": the words on both sides.
        let (a, b) = s.trim(0, k)?;
        let mut parts = vec![strip_quotes(s, a, b)];
        if s.is_punct(src_end, ",")
            && let Some((p, q)) = after
        {
            parts.push(content_span(s, p, q));
        }
        parts
    };
    Some(Frame {
        content,
        cue: cue_text,
        mention,
        headline: false,
        continues: false,
        announces: false,
    })
}

/// The cue at token `k` if it is one: its last token index and its text.
fn cue_at(s: &Sentence, k: usize) -> Option<(usize, String)> {
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

/// The noun phrase that is the subject of the verb at `k`: scanning back over fillers
/// ("also", "has"), then over the phrase to a clause boundary. Returns a token range.
fn subject_before(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    // "He went on to say that …", "she continued to insist …"
    if j >= 2 && s.is(j - 1, "to") {
        if j >= 3 && s.is(j - 2, "on") && matches!(s.word(j - 3), "went" | "goes" | "go" | "going")
        {
            j -= 3;
        } else if matches!(
            s.word(j - 2),
            "continued" | "continues" | "went" | "proceeded"
        ) {
            j -= 2;
        }
    }
    while j > 0 && s.is_free_word(j - 1) && lex::is_filler(s.word(j - 1)) {
        j -= 1;
    }
    let end = j;
    if end == 0 {
        return None;
    }
    // "X verbed … and said …": the subject is the clause's.
    if s.is_free_word(end - 1) && (s.is(end - 1, "and") || s.is(end - 1, "but")) {
        return clause_subject(s, end - 1);
    }
    // "John Smith, 39, a spokesman for the mayor, said" / "Smith, who …, said".
    if s.is_punct(end - 1, ",") {
        return appositive_subject(s, end - 1);
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
        if !t.word {
            // A possessive apostrophe ("the protesters' spokesman") stays inside.
            if (s.word(i) == "'" || s.word(i) == "\u{2019}") && i > 0 && s.toks[i - 1].word {
                a = i;
                continue;
            }
            break;
        }
        let w = s.word(i);
        if (w == "and" || w == "&") && a < end && s.capitalised(a) && i > 0 && s.capitalised(i - 1)
        {
            a = i;
            continue;
        }
        // "a spokesman for the mayor", "the head of the agency"
        // "Officials in the capital": a place after people or a role, not after anything.
        let place_after_people = w == "in"
            && i > 0
            && (lex::is_body_head(s.word(i - 1)) || lex::is_role_head(s.word(i - 1)));
        if (w == "of" || w == "for" || w == "at" || place_after_people)
            && a < end
            && i > 0
            && s.is_free_word(i - 1)
            && !lex::is_np_stop(s.word(i - 1))
        {
            a = i;
            continue;
        }
        // Stop words, and time words, which belong to an adjunct ("on Wednesday").
        if lex::is_np_stop(w) || (lex::is_time_word(w) && s.capitalised(i)) {
            break;
        }
        a = i;
    }
    while a < end && (s.is(a, "of") || s.is(a, "for")) {
        a += 1;
    }
    if a == end {
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
fn clause_subject(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let lo = k.saturating_sub(60);
    let boundary = |i: usize| i == 0 || s.is_comma_like(i - 1) || s.is_punct(i - 1, ":");
    (lo..k)
        .filter(|&i| boundary(i) && s.is_free_word(i))
        .find_map(|p| noun_phrase_at(s, p, k))
}

/// A subject noun phrase starting at token `p` and followed by a lower-case word (its
/// verb), before token `limit`: a pronoun, "the/a …", or a run of capitalised words.
fn noun_phrase_at(s: &Sentence, p: usize, limit: usize) -> Option<(usize, usize)> {
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
    let verb_follows =
        s.is_free_word(b) && !s.capitalised(b) && !lex::is_np_stop(s.word(b)) || s.is_punct(b, "(");
    (b > p && b < limit && verb_follows).then_some((p, b))
}

/// The subject of a verb preceded by a comma that closes an apposition or a relative
/// clause: "Jane Roe, 39, a teacher from Ohio, said". The mention is "Jane Roe, … Ohio".
fn appositive_subject(s: &Sentence, comma: usize) -> Option<(usize, usize)> {
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
        let name_apposition = (c + 1..comma).all(|i| s.is_free_word(i) && s.capitalised(i))
            && comma - c <= 5
            && c > 0
            && lex::is_role_head(s.word(c - 1));
        if name_apposition {
            let mut a = c;
            while a > 0 && s.is_free_word(a - 1) && !lex::is_np_stop(s.word(a - 1)) && c - a < 8 {
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

/// "The move was first reported by MSNBC": the agent after "by" is the speaker and the
/// subject before the verb the content.
fn passive_with_agent(s: &Sentence, k: usize, cue_end: usize, cue: &str) -> Option<Frame> {
    if !s.is(cue_end + 1, "by") || !lex::is_postposable(s.word(k)) {
        return None;
    }
    let mut be = k;
    while be > 0
        && s.is_free_word(be - 1)
        && lex::is_filler(s.word(be - 1))
        && !lex::is_be_form(s.word(be - 1))
    {
        be -= 1;
    }
    if be == 0 || !lex::is_be_form(s.word(be - 1)) {
        return None;
    }
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
fn used_as_speech_verb(s: &Sentence, k: usize) -> bool {
    if s.is(k + 1, "up") {
        return false;
    }
    let mut p = k;
    while p > 0
        && s.is_free_word(p - 1)
        && lex::is_filler(s.word(p - 1))
        && !lex::is_be_form(s.word(p - 1))
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
    !(possessive
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
        ))
}

/// The speaker after an inverted cue: "\"…,\" said John Smith, a spokesman."
fn subject_after(s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let n = s.toks.len();
    let a = k + 1;
    let mut b = a;
    while b < n && s.is_free_word(b) && b - a < 14 {
        b += 1;
    }
    let first = s.word(a).to_ascii_lowercase();
    let starts_np = s.capitalised(a)
        || matches!(
            first.as_str(),
            "he" | "she" | "they" | "the" | "a" | "an" | "one"
        );
    // The speaker closes the sentence or is followed by an apposition or a time.
    let closes = b == n
        || s.is_punct(b, ",")
        || s.is_punct(b, ".")
        || s.is_punct(b, ";")
        || (b < n && !s.toks[b].word && !s.toks[b].quoted);
    let pronoun = matches!(first.as_str(), "he" | "she" | "they");
    if b == a
        || !starts_np
        || !closes
        || b - a > 6
        || (pronoun && b - a > 1)
        || matches!(first.as_str(), "that" | "which" | "who")
    {
        return None;
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

/// Where the content starts after a cue ending at token `k`: past the hearer of "told",
/// time words, adjuncts ahead of "that", a colon or comma. `None` if nothing follows.
fn content_start(s: &Sentence, cue_word: &str, k: usize) -> Option<(usize, bool)> {
    let n = s.toks.len();
    let mut i = k + 1;
    let mut clause = false;
    let that_soon = (i..n.min(i + 9))
        .take_while(|&j| s.is_free_word(j))
        .find(|&j| s.is(j, "that"));
    if lex::takes_hearer(cue_word) && !s.is(i, "that") && s.is_free_word(i) {
        // "told reporters", "told The Associated Press", "told him"
        if let Some(t) = that_soon {
            // "told a local radio station on Monday that …"
            i = t;
        } else if s.is(i, "the") || s.capitalised(i) {
            i += 1;
            while i < n && s.is_free_word(i) && s.capitalised(i) {
                i += 1;
            }
            if s.is_free_word(i) && !s.capitalised(i) && s.is(i - 1, "the") {
                i += 1;
            }
        } else if s.is_free_word(i) && !s.is(i, "that") {
            i += 1;
        }
    }
    loop {
        if i >= n {
            return None;
        }
        if s.is_free_word(i) && lex::is_time_word(s.word(i)) {
            i += 1;
            continue;
        }
        if s.is_free_word(i) && lex::is_adjunct_preposition(s.word(i)) {
            // "said in a statement that …": jump to the "that" if it comes soon.
            let that = (i + 1..n.min(i + 10))
                .take_while(|&j| s.toks[j].word && !s.toks[j].quoted)
                .find(|&j| s.is(j, "that"));
            if let Some(t) = that {
                i = t;
                continue;
            }
            // "said in a statement: \"…\"" / "said in a statement, \"…\"".
            let colon = (i + 1..n.min(i + 10))
                .find(|&j| !s.toks[j].word)
                .filter(|&j| (s.is_punct(j, ":") || s.is_punct(j, ",")) && s.opens_quote(j + 1));
            if let Some(c) = colon {
                i = c;
                break;
            }
            // "told parliament on Monday the strike was …", "said in Paris the talks …":
            // a short phrase of time words or names, then the clause.
            let mut j = i + 1;
            while j < n
                && j - i <= 3
                && s.is_free_word(j)
                && (lex::is_time_word(s.word(j)) || s.capitalised(j))
            {
                j += 1;
            }
            if j > i + 1 && j < n && s.is_free_word(j) && !lex::is_adjunct_preposition(s.word(j)) {
                i = j;
                continue;
            }
            return None;
        }
        break;
    }
    if s.is(i, "that") && s.is_free_word(i) {
        i += 1;
        clause = true;
    }
    if s.is_punct(i, ":") || s.is_punct(i, ",") {
        i += 1;
    }
    s.trim(i, n)?;
    if s.opens_quote(i) {
        clause = true;
    }
    if s.is_free_word(i)
        && matches!(
            s.word(i).to_ascii_lowercase().as_str(),
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "there"
                | "whether"
                | "if"
                | "how"
                | "why"
                | "what"
        )
    {
        clause = true;
    }
    Some((i, clause))
}

/// Speech-verb frames. Returns true when the sentence had one.
fn verb_frames(s: &Sentence, out: &mut Vec<Frame>) -> bool {
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
        return true;
    }
    // No frame in the main clause: the opening clause may have one ("When Ruiz said the
    // works were late, the council met"), its content ending with the clause.
    if first > 1 {
        let opening = Sentence {
            text: s.text,
            toks: s.toks[..first].to_vec(),
            quotes: s.quotes,
        };
        return verb_frames_from(&opening, 0, out);
    }
    false
}

/// Speech-verb frames with the cue at token `from` or later.
fn verb_frames_from(s: &Sentence, from: usize, out: &mut Vec<Frame>) -> bool {
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
        let subject = subject_before(s, k);
        let after = content_start(s, &cue_word, cue_end);
        let needs_clause = lex::needs_clause(&cue_word);
        // ", saying …": the speaker is the subject of the clause the gerund hangs on.
        if lex::is_gerund(&cue_word) && k > 0 && s.is_punct(k - 1, ",") {
            if let Some((a, b)) = clause_subject(s, k - 1)
                && let Some((i, clause)) = after
                && (clause || !needs_clause)
            {
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
                let before = before.filter(|&(x, y)| {
                    let min_words = if adjunct_start(s, x) { 8 } else { 4 };
                    before_quoted
                        || (lex::is_postposable(&cue_word)
                            && s.toks[x..y]
                                .iter()
                                .filter(|t| t.word)
                                .nth(min_words - 1)
                                .is_some())
                });
                let after_clause = after.filter(|&(i, clause)| {
                    (clause || !needs_clause) && !(preceded && adjunct_start(s, i))
                });
                if let Some((x, y)) = before.filter(|_| before_quoted || after_clause.is_none()) {
                    // "\"…,\" X said" — and maybe ", \"…\"" after the frame.
                    let mut content = vec![strip_quotes(s, x, y)];
                    if let Some((i, _)) = after.filter(|&(i, _)| s.opens_quote(i))
                        && let Some((p, q)) = s.trim(i, n)
                    {
                        content.push(strip_quotes(s, p, q));
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
                if let Some((i, _)) = after_clause {
                    reported(s, i, n, cue, mention, out);
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

/// Does the content candidate at `i` start with an adjunct ("on Tuesday", "in a statement")
/// rather than a clause? Then a frame after a comma closes the sentence instead.
fn adjunct_start(s: &Sentence, i: usize) -> bool {
    s.is_free_word(i) && (lex::is_adjunct_preposition(s.word(i)) || lex::is_time_word(s.word(i)))
}

/// Reported content from token `i` to the sentence end, split at second cues.
fn reported(
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
fn second_cues(
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
            || s.is(k, "whereas"))
    {
        k += 1;
    }
    while k < n && lex::is_filler(s.word(k)) {
        k += 1;
    }
    let mut mention = mention;
    if cue_at(s, k).is_none() {
        // "…, but officials said …": a new speaker takes over.
        let Some(m) = (k + 1..n.min(k + 10)).find(|&m| cue_at(s, m).is_some()) else {
            return;
        };
        match subject_before(s, m) {
            Some((a, b)) if a == k => mention = Some(s.span(a, b)),
            _ => return,
        }
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
    }
}

/// A second cue of the same speaker inside content `i..n`: ", adding that", "but warned
/// that", "and said". Returns (where the first content ends, where the cue starts).
fn second_cue_at(s: &Sentence, i: usize, n: usize) -> Option<(usize, usize)> {
    for j in i + 2..n {
        // A semicolon, or ", but" before a clause that is no cue, ends the content.
        if !s.toks[j].quoted
            && (s.is_punct(j, ";")
                || s.is_punct(j, ",")
                    && s.is_free_word(j + 1)
                    && (s.is(j + 1, "but") || s.is(j + 1, "while") || s.is(j + 1, "whereas")))
        {
            return Some((j, j + 1));
        }
        if !s.is_free_word(j) {
            continue;
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

/// "… was told by X that …" inside content `a..b`: a claim of X.
fn nested_passive(s: &Sentence, a: usize, b: usize, out: &mut Vec<Frame>) {
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

/// "X's announcement that …".
fn nominal(s: &Sentence, out: &mut Vec<Frame>) {
    let n = s.toks.len();
    for k in 1..n.saturating_sub(2) {
        if !(s.is(k + 1, "that") && s.is_free_word(k) && lex::is_cue_noun(s.word(k))) {
            continue;
        }
        // Back over up to two modifiers to the possessor.
        let mut p = k;
        for _ in 0..3 {
            if p == 0 {
                break;
            }
            let w = s.word(p - 1);
            if w == "'" || w == "\u{2019}" || w.ends_with("'s") || w.ends_with("\u{2019}s") {
                break;
            }
            if !s.is_free_word(p - 1) || s.capitalised(p - 1) {
                break;
            }
            p -= 1;
        }
        if p == 0 {
            continue;
        }
        let (pos_end, owner_last) = if s.word(p - 1) == "'" || s.word(p - 1) == "\u{2019}" {
            (p, p.checked_sub(2))
        } else if s.word(p - 1).ends_with("'s") || s.word(p - 1).ends_with("\u{2019}s") {
            (p, Some(p - 1))
        } else {
            continue;
        };
        let Some(last) = owner_last else {
            continue;
        };
        if !s.capitalised(last) && (last == 0 || !s.is(last - 1, "the")) {
            continue;
        }
        let mut first = last;
        while first > 0
            && s.is_free_word(first - 1)
            && (s.capitalised(first - 1) || s.is(first - 1, "the"))
            && last - first < 5
        {
            first -= 1;
        }
        if let Some((a, b)) = s.trim(k + 2, n) {
            out.push(Frame {
                content: vec![content_span(s, a, b)],
                cue: s.word(k).to_string(),
                mention: Some(s.span(first, pos_end)),
                headline: false,
                continues: false,
                announces: false,
            });
            return;
        }
    }
}

/// Byte span of tokens `a..b`.
fn content_span(s: &Sentence, a: usize, b: usize) -> (usize, usize) {
    s.span(a, b)
}

/// Byte span of tokens `a..b`, without the outer quotation marks when one quotation is the
/// whole of it, and without a comma left inside the closing mark.
fn strip_quotes(s: &Sentence, a: usize, b: usize) -> (usize, usize) {
    let (start, end) = s.span(a, b);
    if let Some(q) = s.quote_opening_at(start)
        && q.inner_end <= end
        && end <= q.end
    {
        let inner = &s.text[q.inner_start..q.inner_end];
        let trimmed = inner.trim_end_matches([',', ' ']).trim_end();
        let lead = inner.len() - inner.trim_start().len();
        if trimmed.len() > lead {
            return (q.inner_start + lead, q.inner_start + trimmed.len());
        }
    }
    (start, end)
}

/// The sentence after an announcing frame ("he said:"), as that frame's content.
pub fn announced_content(s: &Sentence, announcer: &Frame) -> Option<Frame> {
    let (a, b) = s.trim(0, s.toks.len())?;
    Some(Frame {
        content: vec![strip_quotes(s, a, b)],
        announces: false,
        ..announcer.clone()
    })
}

/// A sentence that is mostly one quotation with no frame: it continues the previous claim.
pub fn continuation(s: &Sentence) -> Option<Frame> {
    if !s.opens_quote(0) {
        return None;
    }
    let q = s.quote_opening_at(s.toks[0].start)?;
    let last = s.toks.last()?;
    let sentence_len = last.end - s.toks[0].start;
    if (q.end - q.open) * 10 < sentence_len * 8 {
        return None;
    }
    let (a, b) = s.trim(0, s.toks.len())?;
    Some(Frame {
        content: vec![strip_quotes(s, a, b)],
        cue: String::new(),
        mention: None,
        headline: false,
        continues: true,
        announces: false,
    })
}
