//! Text → claims. Pure, deterministic functions over `&str`: no egui, no I/O.
//!
//! The pipeline is linear in the text:
//! 1. `text`: split into lines (paragraphs) and sentences, with byte offsets;
//! 2. `quotes`: find quotation spans, recovering locally from unbalanced marks;
//! 3. `rules`: match attribution frames (quotes around a cue, reported speech,
//!    "according to", nominal cues, headlines) and cut out content and speaker mention;
//! 4. `speakers`: build the article's speaker registry and resolve mentions
//!    ("he", "the spokesperson", "Kirby") to canonical speakers with roles.

use crate::model::ClaimKind;

/// A claim as the extractor finds it, before it joins a project.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// A speaker of one article's registry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoundSpeaker {
    pub name: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub is_body: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
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

/// Find every claim in `text` and who made it.
pub fn extract(text: &str) -> Extraction {
    let _ = text;
    Extraction::default()
}

/// An article's title for plain text: its first non-empty line, trimmed.
pub fn title_of(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}
