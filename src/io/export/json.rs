//! `claimdesk export --format json`: a contract other tools read (docs/export-json.md).
//! Extend it with new fields, never rename or remove one; a breaking change bumps `version`.

use std::collections::HashMap;

use serde::Serialize;

use super::Options;
use crate::extract::{ClaimType, Score};
use crate::model::{
    Article, ArticleId, ClaimKind, ClaimOrigin, Evidence, MatchVerdict, Priority, Project,
    Publication, PublishState, Speaker, SpeakerId, Status, StatusChange,
};

/// The `"format"` of the export document.
pub const FORMAT_NAME: &str = "claimdesk-export";
/// The version of the export shape.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    version: u64,
    project: &'a str,
    organisation: &'a str,
    articles: Vec<ArticleOut<'a>>,
    speakers: Vec<SpeakerOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: u64,
    title: &'a str,
    source_path: Option<&'a str>,
    sha256: Option<&'a str>,
    imported_at: Option<i64>,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    claim_count: usize,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    id: u64,
    name: &'a str,
    role: Option<&'a str>,
    aliases: &'a [String],
    is_body: bool,
    /// A description standing for someone the article does not name ("a senior official").
    unresolved: bool,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: u64,
    article: u64,
    article_title: &'a str,
    speaker: Option<u64>,
    speaker_name: Option<&'a str>,
    speaker_role: Option<&'a str>,
    mention: Option<&'a str>,
    content: &'a str,
    kind: ClaimKind,
    cue: &'a str,
    start: usize,
    end: usize,
    status: Status,
    notes: &'a str,
    evidence: &'a [Evidence],
    history: &'a [StatusChange],
    origin: ClaimOrigin,
    rationale: &'a str,
    assignee: Option<&'a str>,
    priority: Priority,
    in_progress: bool,
    /// The verdict as published (Edit::Publish): status, rationale, at, by, and whether
    /// the claim's verdict changed since; null when never published.
    published: Option<PublishedOut<'a>>,
    /// The claim's tags, in the order given ([] when none).
    tags: &'a [String],
    /// Check-worthiness in [0, 1] and the claim's type (docs/worth.md).
    worth: Score,
    claim_type: ClaimType,
    /// Why this speaker, when the mention is a pronoun or description: the antecedent's
    /// words, byte span and how many sentences before; null when the mention is a name.
    antecedent: Option<&'a crate::extract::Antecedent>,
    /// The analyst's word on the claim library's matches: `{url, confirmed, by, at}` each,
    /// in the order given ([] when none).
    match_verdicts: &'a [MatchVerdict],
}

#[derive(Serialize)]
struct PublishedOut<'a> {
    #[serde(flatten)]
    publication: &'a Publication,
    changed_since: bool,
}

/// The export document as pretty JSON ending with a newline, with the default options
/// (Not a claim left out). Claims come in article order, then by position in the article.
pub fn to_string(project: &Project) -> Result<String, serde_json::Error> {
    to_string_with(project, &Options::default())
}

/// [`to_string`] of the claims `options` choose; each article's `claim_count` counts
/// those. Every article and speaker is listed.
pub fn to_string_with(project: &Project, options: &Options) -> Result<String, serde_json::Error> {
    let order: HashMap<ArticleId, usize> = project
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let articles: HashMap<ArticleId, &Article> =
        project.articles.iter().map(|a| (a.id, a)).collect();
    let speakers: HashMap<SpeakerId, &Speaker> =
        project.speakers.iter().map(|s| (s.id, s)).collect();
    let chosen: Vec<_> = project
        .claims
        .iter()
        .filter(|c| options.includes(c))
        .collect();
    let mut counts: HashMap<ArticleId, usize> = HashMap::new();
    for c in &chosen {
        *counts.entry(c.article).or_default() += 1;
    }
    let mut claims = chosen;
    claims.sort_by_key(|c| {
        (
            order.get(&c.article).copied().unwrap_or(usize::MAX),
            c.start,
            c.id,
        )
    });
    let doc = Doc {
        format: FORMAT_NAME,
        version: VERSION,
        project: &project.name,
        organisation: &project.settings.organisation,
        articles: project
            .articles
            .iter()
            .map(|a| ArticleOut {
                id: a.id.0,
                title: &a.title,
                source_path: a.source_path.as_deref(),
                sha256: a.sha256.as_deref(),
                imported_at: a.imported_at,
                outlet: a.meta.outlet.as_deref(),
                author: a.meta.author.as_deref(),
                published: a.meta.published.as_deref(),
                url: a.meta.url.as_deref(),
                claim_count: counts.get(&a.id).copied().unwrap_or(0),
            })
            .collect(),
        speakers: project
            .speakers
            .iter()
            .map(|s| SpeakerOut {
                id: s.id.0,
                name: &s.name,
                role: s.role.as_deref(),
                aliases: &s.aliases,
                is_body: s.is_body,
                unresolved: s.unresolved,
            })
            .collect(),
        claims: claims
            .into_iter()
            .map(|c| {
                let speaker = c.speaker.and_then(|id| speakers.get(&id).copied());
                let (worth, claim_type) = c.worthiness();
                ClaimOut {
                    id: c.id.0,
                    article: c.article.0,
                    article_title: articles.get(&c.article).map_or("", |a| a.title.as_str()),
                    speaker: c.speaker.map(|s| s.0),
                    speaker_name: speaker.map(|s| s.name.as_str()),
                    speaker_role: speaker.and_then(|s| s.role.as_deref()),
                    mention: c.mention.as_deref(),
                    content: &c.content,
                    kind: c.kind,
                    cue: &c.cue,
                    start: c.start,
                    end: c.end,
                    status: c.status,
                    notes: &c.notes,
                    evidence: &c.evidence,
                    history: &c.history,
                    origin: c.origin,
                    rationale: &c.rationale,
                    assignee: c.assignee.as_deref(),
                    priority: c.priority,
                    in_progress: c.in_progress,
                    published: c.published.as_ref().map(|publication| PublishedOut {
                        publication,
                        changed_since: c.publish_state() == PublishState::ChangedSince,
                    }),
                    tags: &c.tags,
                    worth,
                    claim_type,
                    antecedent: c.antecedent.as_ref(),
                    match_verdicts: &c.match_verdicts,
                }
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}
