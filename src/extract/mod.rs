//! Text → claims. Pure, deterministic functions over `&str`: no egui, no I/O.
//!
//! The pipeline is linear in the text:
//! 1. `text`: split into lines (paragraphs) and sentences, with byte offsets;
//! 2. `quotes`: find quotation spans, recovering locally from unbalanced marks;
//! 3. `rules`: match attribution frames (quotes around a cue, reported speech,
//!    "according to", nominal cues, headlines) and cut out content and speaker mention;
//! 4. `speakers`: build the article's speaker registry and resolve mentions
//!    ("he", "the spokesperson", "Kirby") to canonical speakers with roles;
//! 5. `worth`: every claim's check-worthiness and type; [`add_statements`] turns the
//!    check-worthy sentences no one is quoted saying into claims of the article's own voice.
//!
//! Steps 1-3 depend on each sentence alone: `ahead` reads them in batches, on a second
//! thread when [`Options::threads`] asks, for the one pass of steps 4-5 to take in order.

mod ahead;
mod complements;
mod given_names;
mod kind;
mod lexicon;
mod mention;
mod quotes;
mod rules;
mod share;
mod speakers;
pub mod syntax;
mod text;
mod word_table;
pub mod worth;

pub use kind::ClaimKind;
use rules::{Frame, Sentence};
pub use worth::{ClaimType, Score};

/// A claim as the extractor finds it, before it joins a project.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FoundClaim {
    pub content: String,
    /// Byte offsets of `content` in the text.
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub cue: String,
    /// The speaker as written, with its byte span in the text.
    pub mention: Option<String>,
    pub mention_span: Option<(usize, usize)>,
    /// Index into [`Extraction::speakers`].
    pub speaker: Option<usize>,
    /// How worth checking the content is, and what kind of claim it makes.
    #[serde(default)]
    pub worth: Score,
    #[serde(default)]
    pub claim_type: ClaimType,
    /// How a pronoun or description ("he", "the paper") found its speaker: the words that
    /// named it before. `None` when the mention is a name itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<Antecedent>,
}

/// The words a pronoun or description was resolved to, where the text has them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Antecedent {
    /// As written: "Josh Earnest", "The New York Times".
    pub words: String,
    /// Byte span of `words` in the article's text.
    pub span: Option<(usize, usize)>,
    /// How many sentences before the claim's mention (0: the same sentence).
    pub sentences_before: usize,
}

/// A speaker of one article's registry.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct FoundSpeaker {
    pub name: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub is_body: bool,
    /// A description the article ties to no one ("a senior official"): its own speaker,
    /// never merged with another article's.
    #[serde(default)]
    pub unresolved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub claims: Vec<FoundClaim>,
    pub speakers: Vec<FoundSpeaker>,
}

impl Extraction {
    /// The resolved speaker of a claim, if any.
    pub fn speaker_of(&self, claim: &FoundClaim) -> Option<&FoundSpeaker> {
        claim.speaker.and_then(|i| self.speakers.get(i))
    }
}

/// Claims taken from one article at most, so that the window, a project and its exports
/// stay workable (a 55 MB article of quotations gave 1.1 million). Extraction stops at
/// the claim that reaches it: the text after it is not searched.
pub const MAX_CLAIMS: usize = 20_000;

/// Find every claim in `text` and who made it (the first [`MAX_CLAIMS`]). Each article has
/// its own speaker registry.
pub fn extract(text: &str) -> Extraction {
    extract_with_known(text, &[])
}

/// Like [`extract`], with speakers already known to the project: a mention of one of them
/// by name or surname ("Kirby" in a second article) resolves to it, role included, and a
/// later description ("the spokesperson") can then resolve to it too. Known speakers come
/// first in the returned registry.
pub fn extract_with_known(text: &str, known: &[FoundSpeaker]) -> Extraction {
    extract_up_to(text, known, MAX_CLAIMS, &mut |_| {})
}

/// [`extract_with_known`] stopping at `max_claims` claims (tests show the cap with a
/// small one), telling `read` how far it has read (a byte offset of `text`, growing)
/// before each paragraph: the window's progress bar counts what is analysed.
pub fn extract_up_to(
    text: &str,
    known: &[FoundSpeaker],
    max_claims: usize,
    read: &mut dyn FnMut(usize),
) -> Extraction {
    extract_up_to_with(text, known, max_claims, read, Options::default())
}

/// How the extractor reads. The default is the fast reading every caller uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Also read a dependency parse of the sentences the rules over tags leave without a
    /// frame and that hold a cue word in a context that licenses a content
    /// (`rules::parsed`): a little more reported speech found (PolNeAR dev content F1
    /// 0.701 -> 0.714) for about twice the time. Off by default; `claimdesk extract
    /// --parse` turns it on.
    pub parse: bool,
    /// Threads to read one text on (0 and 1: the calling thread only): with two, a
    /// second thread reads the sentences' frames (and parses) ahead of the pass
    /// (`ahead`). The same claims whatever the number; for one long text when cores are
    /// free (`claimdesk extract` of a single article).
    pub threads: usize,
}

/// [`extract`] read as `options` say.
pub fn extract_with_options(text: &str, options: Options) -> Extraction {
    extract_up_to_with(text, &[], MAX_CLAIMS, &mut |_| {}, options)
}

/// [`extract_up_to`] read as `options` say.
pub fn extract_up_to_with(
    text: &str,
    known: &[FoundSpeaker],
    max_claims: usize,
    read: &mut dyn FnMut(usize),
    options: Options,
) -> Extraction {
    let paras = text::paragraphs(text);
    let batches = ahead::Batches::new(text, &paras, options.parse);
    // The helper, if any, returns once the pass is over, even when it panics.
    struct Finish<'b, 't>(&'b ahead::Batches<'t>);
    impl Drop for Finish<'_, '_> {
        fn drop(&mut self) {
            self.0.finish();
        }
    }
    std::thread::scope(|scope| {
        if options.threads > 1 {
            scope.spawn(|| batches.help());
        }
        let _finish = Finish(&batches);
        pass(
            text,
            &paras,
            known,
            max_claims,
            read,
            ahead::Taker::new(&batches, options.threads > 1),
        )
    })
}

/// The extractor's one pass over the paragraphs `paras` of `text`, their sentences read by
/// `taker`.
fn pass(
    text: &str,
    paras: &[(usize, usize)],
    known: &[FoundSpeaker],
    max_claims: usize,
    read: &mut dyn FnMut(usize),
    mut taker: ahead::Taker,
) -> Extraction {
    let mut registry = speakers::Registry::with_known(known);
    let mut claims: Vec<FoundClaim> = Vec::new();
    // The previous sentence's claim, for a quotation that continues after its frame.
    let mut previous: Option<FoundClaim> = None;
    // A frame ending in a colon ("the ministry said:") waiting for the sentence it announces.
    let mut announced: Option<Frame> = None;
    // The speaker of an open transcript turn ("WALLACE: …").
    let mut turn: Option<(usize, usize)> = None;
    'paragraphs: for (n, &para) in paras.iter().enumerate() {
        if claims.len() >= max_claims {
            break 'paragraphs;
        }
        read(para.0);
        let line = &text[para.0..para.1];
        if lexicon::is_navigation_line(line) {
            previous = None;
            continue;
        }
        // Transcript turns and signed quotations take the whole paragraph.
        if n > 0
            && let Some(frame) = rules::paragraph_frame(text, para, &mut turn)
        {
            if let Some(claim) = build_claim(text, &frame, &mut registry, previous.as_ref()) {
                previous = Some(claim.clone());
                claims.push(claim);
            }
            continue;
        }
        let headline_line = n == 0 || is_heading(line);
        // Tokens and frames, read ahead (`ahead`).
        let ahead::Paragraph { quotes, sentences } = taker.paragraph(n);
        for ahead::ReadSentence {
            span: sent,
            quotes: (lo, hi),
            toks,
            mut frames,
        } in sentences
        {
            let s = Sentence::new(text, toks, &quotes[lo..hi]);
            registry.observe(&text[sent.0..sent.1], sent.0, headline_line);
            let waiting = announced.take();
            if frames.is_empty() {
                if let Some(f) = waiting.and_then(|w| rules::announced_content(&s, &w)) {
                    frames.push(f);
                } else if previous.is_some()
                    && let Some(f) = rules::continuation(&s)
                {
                    frames.push(f);
                }
            }
            for frame in frames {
                if frame.announces {
                    announced = Some(frame);
                    continue;
                }
                // A quotation that goes on after its frame in the same paragraph
                // ("\"…,\" she said. \"…\"") is one claim in two pieces.
                // It joins the paragraph's latest quotation (not a gerund's claim that came
                // after it: "\"…,\" he said, referring to X. \"…\"").
                if frame.continues
                    && previous.as_ref().is_some_and(|p| p.start >= para.0)
                    && let Some(last) = latest_quotation(&mut claims, para.0)
                    && let Some(&(a, b)) = frame.content.first()
                {
                    last.content = format!("{} \u{2026} {}", last.content, &text[a..b]);
                    last.end = b;
                    let assessed = worth::assess(&last.content);
                    last.worth = Score::new(assessed.score);
                    last.claim_type = assessed.claim_type;
                    previous = Some(last.clone());
                    continue;
                }
                let claim = build_claim(text, &frame, &mut registry, previous.as_ref());
                if let Some(claim) = claim {
                    previous = Some(claim.clone());
                    claims.push(claim);
                    if claims.len() >= max_claims {
                        break 'paragraphs;
                    }
                }
            }
        }
    }
    let speakers = registry.finish(&mut claims, known.len());
    Extraction { claims, speakers }
}

/// Every non-empty line of `text`, trimmed, as byte ranges (the extractor's paragraphs).
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    text::paragraphs(text)
}

/// Every sentence of `text`, in order, as byte ranges: the paragraphs and sentences the
/// extractor reads (a quotation is never split).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for para in text::paragraphs(text) {
        let quotes = quotes::find_quotes(text, para);
        out.extend(text::sentences(text, para, &quotes));
    }
    out
}

/// The default score from which a sentence no one is quoted saying becomes a statement:
/// a typical news article gets at most about 10 (docs/worth.md).
pub const STATEMENT_THRESHOLD: f32 = 0.75;

/// Add the check-worthy sentences (score ≥ `threshold`) that no claim covers as claims of
/// kind [`ClaimKind::Statement`], in the article's own voice: `voice` (its outlet or
/// byline, with a role that says so) is their speaker, or none. Headings, navigation lines
/// and the title are left out. Claims already found keep their order; each statement goes
/// before the first of them that starts after it. No more than [`MAX_CLAIMS`] in all.
pub fn add_statements(
    text: &str,
    ex: &mut Extraction,
    threshold: f32,
    voice: Option<FoundSpeaker>,
) {
    // Each claim's reach (its content and its speaker's mention), by start: the sentences
    // come in text order, so one pass tells which of them a claim touches.
    let mut reach: Vec<(usize, usize)> = ex
        .claims
        .iter()
        .map(|c| {
            c.mention_span.map_or((c.start, c.end), |(ms, me)| {
                (c.start.min(ms), c.end.max(me))
            })
        })
        .collect();
    reach.sort_unstable();
    let (mut next, mut reach_end) = (0usize, 0usize);
    let room = MAX_CLAIMS.saturating_sub(ex.claims.len());
    let mut scorer = worth::Scorer::default();
    let mut found: Vec<FoundClaim> = Vec::new();
    'paragraphs: for (n, para) in text::paragraphs(text).into_iter().enumerate() {
        let line = &text[para.0..para.1];
        if n == 0 || is_heading(line) || lexicon::is_navigation_line(line) {
            continue;
        }
        let quotes = quotes::find_quotes(text, para);
        for (a, b) in text::sentences(text, para, &quotes) {
            // The furthest end of the claims starting before this sentence ends: past
            // its start, some claim overlaps it.
            while let Some(&(s, e)) = reach.get(next).filter(|r| r.0 < b) {
                reach_end = reach_end.max(e);
                next += 1;
                debug_assert!(s < b);
            }
            if reach_end > a {
                continue;
            }
            let assessed = scorer.assess(&text[a..b]);
            if assessed.score < threshold {
                continue;
            }
            if found.len() >= room {
                break 'paragraphs;
            }
            found.push(FoundClaim {
                content: text[a..b].to_string(),
                start: a,
                end: b,
                kind: ClaimKind::Statement,
                cue: String::new(),
                mention: None,
                mention_span: None,
                speaker: None,
                worth: Score::new(assessed.score),
                claim_type: assessed.claim_type,
                antecedent: None,
            });
        }
    }
    if found.is_empty() {
        return;
    }
    if let Some(voice) = voice {
        let at = match ex.speakers.iter().position(|s| s.name == voice.name) {
            Some(i) => i,
            None => {
                ex.speakers.push(voice);
                ex.speakers.len() - 1
            }
        };
        found.iter_mut().for_each(|c| c.speaker = Some(at));
    }
    let old = std::mem::take(&mut ex.claims);
    let mut found = found.into_iter().peekable();
    for claim in old {
        while let Some(s) = found.next_if(|s| s.start < claim.start) {
            ex.claims.push(s);
        }
        ex.claims.push(claim);
    }
    ex.claims.extend(found);
}

/// How far around a mention, in bytes, the text is searched for the full names of the
/// people a bare surname could mean (more than any one article).
const SURNAME_REACH: usize = 64 * 1024;

/// `text` from `reach` bytes before `span` to `reach` bytes after it, at character
/// boundaries.
fn around(text: &str, (a, b): (usize, usize), reach: usize) -> &str {
    let mut lo = a.saturating_sub(reach).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = b.saturating_add(reach).min(text.len()).max(lo);
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    &text[lo..hi]
}

/// The latest claim from `since` on that is a quotation, else the latest claim from `since`.
fn latest_quotation(claims: &mut [FoundClaim], since: usize) -> Option<&mut FoundClaim> {
    let recent = claims
        .iter()
        .rposition(|c| c.start < since)
        .map_or(0, |i| i + 1);
    let pick = claims[recent..]
        .iter()
        .rposition(|c| c.kind == ClaimKind::Direct)
        .map(|i| recent + i)
        .or_else(|| (recent < claims.len()).then(|| claims.len() - 1))?;
    claims.get_mut(pick)
}

/// A heading or subheading: a short line that does not end like a sentence.
fn is_heading(line: &str) -> bool {
    let ends_sentence = line
        .trim_end_matches(|c: char| lexicon::is_quote_mark(c) || c == ')')
        .ends_with(['.', '!', '?']);
    !ends_sentence && line.split_whitespace().count() <= 25
}

fn build_claim(
    text: &str,
    frame: &Frame,
    registry: &mut speakers::Registry,
    previous: Option<&FoundClaim>,
) -> Option<FoundClaim> {
    let (start, end) = (frame.content.first()?.0, frame.content.last()?.1);
    let content = if frame.content.len() == 1 {
        text[start..end].to_string()
    } else {
        frame
            .content
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect::<Vec<_>>()
            .join(" \u{2026} ")
    };
    // "(CROSSTALK.)", "(Laughter)": a transcript's stage direction is nobody's claim.
    let bare = content.trim_end_matches(['.', ' ']);
    if bare.starts_with('(') && bare.ends_with(')') && bare.split_whitespace().count() <= 3 {
        return None;
    }
    let (mention, mention_span, speaker, cue, antecedent) = if frame.continues {
        let p = previous?;
        let a = p.antecedent.clone();
        (
            p.mention.clone(),
            p.mention_span,
            p.speaker,
            p.cue.clone(),
            a,
        )
    } else {
        // "Civic/Pulse poll" cut at its slash: the whole of it.
        let span = frame
            .mention
            .map(|(a, b)| (mention::joined_start(text, a), b))
            .and_then(|s| mention::to_head(text, s, &frame.cue));
        let mention = span.map(|(a, b)| text[a..b].to_string());
        let speaker = mention.as_deref().and_then(|m| {
            // The text around the mention, not all of it: a surname is looked for once
            // per article, and a long text must not make each look a long one.
            let near = span.map_or(text, |s| around(text, s, SURNAME_REACH));
            registry.tie_surname(near, m);
            registry.resolve_at(m, span)
        });
        let antecedent = speaker.and(registry.link.take());
        // "Twelve percent said" with no people or poll before it: a figure, no one.
        let (mention, span) = match &mention {
            Some(m)
                if speaker.is_none()
                    && share::is_bare(&m.split_whitespace().collect::<Vec<_>>()) =>
            {
                (None, None)
            }
            _ => (mention, span),
        };
        (mention, span, speaker, frame.cue.clone(), antecedent)
    };
    let kind = if frame.headline {
        ClaimKind::Headline
    } else {
        kind_of(text, &frame.content)
    };
    let assessed = worth::assess(&content);
    // "said that the deck is safe": a reported clause with its complementizer, as the
    // clause's own span (its subtree) and attribution corpora mark it.
    let at = match kind {
        ClaimKind::Indirect | ClaimKind::Mixed => with_complementizer(text, start),
        _ => start,
    };
    let content = if at < start {
        format!("{}{content}", &text[at..start])
    } else {
        content
    };
    let start = at;
    Some(FoundClaim {
        content,
        start,
        end,
        kind,
        cue,
        mention,
        mention_span,
        speaker,
        worth: Score::new(assessed.score),
        claim_type: assessed.claim_type,
        antecedent,
    })
}

/// Where a content starting at `start` starts with the "that " right before it (a
/// lower-case word of its own), else `start`.
fn with_complementizer(text: &str, start: usize) -> usize {
    let before = &text[..start];
    match before.strip_suffix("that ") {
        Some(rest) if !rest.chars().next_back().is_some_and(char::is_alphanumeric) => rest.len(),
        _ => start,
    }
}

/// Direct when the content was cut from inside quotation marks, mixed when it carries a
/// quoted phrase (not a lone capitalised word in scare quotes), else indirect.
fn kind_of(text: &str, content: &[(usize, usize)]) -> ClaimKind {
    let inside_quotes = content.iter().all(|&(a, b)| {
        let before = text[..a].chars().next_back();
        let after = text[b..].chars().next();
        before.is_some_and(lexicon::is_open_quote)
            || after.is_some_and(|c| lexicon::is_quote_mark(c) || c == ',')
                && before.is_some_and(lexicon::is_open_quote)
    });
    if inside_quotes {
        return ClaimKind::Direct;
    }
    let (a, b) = (content[0].0, content[content.len() - 1].1);
    let quotes = quotes::find_quotes(text, (a, b));
    let real_quote = quotes.iter().any(|q| {
        let inner = text[q.inner_start..q.inner_end].trim();
        let words = inner.split_whitespace().count();
        // A short run of capitalised words in quotes is a name ("Blue Line"), not a quotation.
        let name = words <= 3
            && inner
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        !name && words > 0
    });
    if real_quote {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// An article's title for plain text: its first non-empty line, trimmed.
pub fn title_of(text: &str) -> String {
    const MAX_CHARS: usize = 300;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(MAX_CHARS) {
        // A "title" this long is a paragraph or garbage: keep its start.
        Some((cut, _)) => format!("{}\u{2026}", &line[..cut]),
        None => line.to_string(),
    }
}
