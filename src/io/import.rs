//! Adding article files to a project: read, extract, record where they came from.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::article::{ArticleSource, ReadError, read_article};
use super::fetch;
use crate::extract::{Extraction, FoundSpeaker};
use crate::model::{Article, ArticleId, ArticleMeta, Project};

pub use super::article::sha256_hex;

/// Seconds since the Unix epoch, now (0 if the clock is before 1970).
pub fn now_seconds() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Read each file, extract its claims and add it to `project` with its source path,
/// SHA-256 and import time. A file whose bytes are already in the project (same SHA-256)
/// is not added twice. Returns one error per file that was not added; the others are in.
pub fn import_articles(project: &mut Project, paths: &[PathBuf]) -> Vec<ReadError> {
    import_articles_with(project, paths, &mut |_| {})
}

/// [`import_articles`], telling `warn` what a cap cut of an article that was added (one
/// line naming the file, see [`AnalysedArticle::warnings`]).
pub fn import_articles_with(
    project: &mut Project,
    paths: &[PathBuf],
    warn: &mut dyn FnMut(String),
) -> Vec<ReadError> {
    import_inputs(
        project,
        paths.iter().cloned().map(Input::Path).collect(),
        warn,
    )
}

/// An article to import: a path to read, or one already read (standard input, which
/// `claimdesk import` reads before it locks the project, so that a slow writer into the
/// pipe never holds the project's lock).
pub enum Input {
    Path(PathBuf),
    Read(PathBuf, Box<Result<ArticleSource, ReadError>>),
}

impl Input {
    /// `-` (standard input) read now; any other path to be read when imported.
    pub fn read_stdin_now(path: &Path) -> Input {
        if path.as_os_str() == "-" {
            Input::Read(path.to_path_buf(), Box::new(read_input(path)))
        } else {
            Input::Path(path.to_path_buf())
        }
    }
}

/// [`import_articles_with`] of inputs some of which are read already.
pub fn import_inputs(
    project: &mut Project,
    inputs: Vec<Input>,
    warn: &mut dyn FnMut(String),
) -> Vec<ReadError> {
    let mut errors = Vec::new();
    for input in inputs {
        if let Err(e) = import_one(project, input, warn) {
            errors.push(e);
        }
    }
    errors
}

fn import_one(
    project: &mut Project,
    input: Input,
    warn: &mut dyn FnMut(String),
) -> Result<ArticleId, ReadError> {
    let (path, source) = match input {
        Input::Path(path) => {
            let source = read_input(&path);
            (path, source)
        }
        Input::Read(path, source) => (path, *source),
    };
    let path = path.as_path();
    let threshold = project.settings.statement_threshold();
    let known = project.known_speakers();
    let analysed = analyse_source_watched(source?, &known, threshold, &mut |_| {});
    analysed.warnings.iter().cloned().for_each(&mut *warn);
    if let Some(existing) = project.duplicate_of(&analysed.article) {
        return Err(ReadError {
            path: path.to_path_buf(),
            reason: format!(
                "already in the project as article {} (“{}”)",
                existing.id.0, existing.title
            ),
        });
    }
    project
        .add_extracted_article(analysed.article, analysed.extraction)
        .map_err(|e| ReadError {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
}

/// An article read from disk and analysed, ready to join a project (which assigns its id).
#[derive(Debug)]
pub struct AnalysedArticle {
    pub article: Article,
    pub extraction: Extraction,
    /// What a cap cut (the reader's, or the claims cap), one line each naming the file.
    pub warnings: Vec<String>,
}

/// The line saying an extraction of `text` stopped at the claims cap `max_claims`
/// ([`crate::extract::MAX_CLAIMS`]), if it did.
pub fn claims_cap_warning(ex: &Extraction, text: &str, max_claims: usize) -> Option<String> {
    if ex.claims.len() < max_claims {
        return None;
    }
    let stopped = ex.claims.iter().map(|c| c.end).max().unwrap_or(0);
    Some(format!(
        "has more claims than claimdesk takes from one article: only the first {} were \
         taken, and the text after byte {stopped} of {} was not searched",
        ex.claims.len(),
        text.len()
    ))
}

/// Read an article named on the command line or in the window: an `http(s)://` URL is
/// fetched ([`fetch::read_url`]), anything else is a file (`-` standard input).
pub fn read_input(path: &Path) -> Result<ArticleSource, ReadError> {
    match fetch::url_of(path) {
        Some(url) => fetch::read_url(url),
        None => read_article(path),
    }
}

/// What a pasted article is recorded as coming from.
pub const PASTED_SOURCE: &str = "clipboard";

/// An article pasted from the clipboard: its HTML (as a browser copies a selection) when
/// there is some and it yields text, else the plain text. The title is the analyst's when
/// given, else the page's headline (HTML with a `<title>`), else the text's first line.
pub fn read_pasted(
    html: Option<&str>,
    text: &str,
    title: Option<&str>,
) -> Result<ArticleSource, ReadError> {
    let fail = |reason: String| ReadError {
        path: PASTED_SOURCE.into(),
        reason,
    };
    // The hash is of what was pasted (the HTML when it is what was read), so that the
    // same paste twice is found a duplicate.
    let from_html = html.and_then(|h| {
        crate::io::formats::html::read_fragment(h)
            .ok()
            .map(|d| (d, h.as_bytes()))
    });
    let (decoded, bytes) = match from_html {
        Some(read) => read,
        None => {
            let decoded = crate::io::formats::text::decode(text.as_bytes())
                .map_err(|_| fail("the clipboard holds no text".into()))?;
            let decoded = crate::io::formats::Decoded {
                text: decoded,
                ..Default::default()
            };
            (decoded, text.as_bytes())
        }
    };
    // A copied selection has no <title>: the reader's guess at one is no better than the
    // first line.
    let declared_title = html.is_some_and(|h| h.to_ascii_lowercase().contains("<title"));
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .or(decoded.title.filter(|t| !t.is_empty() && declared_title))
        .unwrap_or_else(|| crate::extract::title_of(&decoded.text));
    Ok(ArticleSource {
        path: PASTED_SOURCE.into(),
        title,
        sha256: super::article::sha256_hex(bytes),
        text: decoded.text,
        meta: decoded.meta,
        warnings: decoded.warnings,
    })
}

/// Read one article (a file or a URL, see [`read_input`]) and find its claims: the step the
/// CLI's import and the window's background import share. Records the source (the path, or
/// the final URL), SHA-256 of the bytes and import time. `known` are the project's
/// speakers (see [`crate::extract::extract_with_known`]).
pub fn analyse_file(path: &Path, known: &[FoundSpeaker]) -> Result<AnalysedArticle, ReadError> {
    Ok(analyse_source(read_input(path)?, known))
}

/// Find the claims of an article already read, and make it ready to join a project; its
/// statements from the default threshold ([`crate::extract::STATEMENT_THRESHOLD`]).
pub fn analyse_source(source: ArticleSource, known: &[FoundSpeaker]) -> AnalysedArticle {
    analyse_source_watched(
        source,
        known,
        crate::extract::STATEMENT_THRESHOLD,
        &mut |_| {},
    )
}

/// [`analyse_source`] with the project's statement threshold, telling `analysed` the share
/// of the text analysed so far (0 to 1, growing; the window's progress bar).
pub fn analyse_source_watched(
    source: ArticleSource,
    known: &[FoundSpeaker],
    threshold: f32,
    analysed: &mut dyn FnMut(f64),
) -> AnalysedArticle {
    analyse(
        source,
        known,
        crate::extract::MAX_CLAIMS,
        threshold,
        analysed,
    )
}

/// [`analyse_source`] taking at most `max_claims` claims (tests lower the cap).
pub fn analyse_source_up_to(
    source: ArticleSource,
    known: &[FoundSpeaker],
    max_claims: usize,
    analysed: &mut dyn FnMut(f64),
) -> AnalysedArticle {
    let threshold = crate::extract::STATEMENT_THRESHOLD;
    analyse(source, known, max_claims, threshold, analysed)
}

fn analyse(
    source: ArticleSource,
    known: &[FoundSpeaker],
    max_claims: usize,
    threshold: f32,
    analysed: &mut dyn FnMut(f64),
) -> AnalysedArticle {
    let path = source.path.clone();
    let len = source.text.len().max(1) as f64;
    let mut extraction =
        crate::extract::extract_up_to(&source.text, known, max_claims, &mut |at| {
            analysed(at as f64 / len)
        });
    let mut warnings: Vec<String> = source.warning_lines().collect();
    if let Some(cut) = claims_cap_warning(&extraction, &source.text, max_claims) {
        warnings.push(format!("{}: {cut}", super::article::shown_path(&path)));
    } else {
        // An article cut at the cap has its `max_claims` already: no statements past it.
        add_statements(&source.text, &mut extraction, &source.meta, threshold);
    }
    let article = Article {
        id: ArticleId(0),
        title: source.title,
        sha256: Some(source.sha256),
        text: source.text,
        source_path: Some(path.display().to_string()),
        imported_at: Some(now_seconds()),
        meta: source.meta,
        memo: String::new(),
    };
    AnalysedArticle {
        article,
        extraction,
        warnings,
    }
}

/// The article's own voice, to which its statements are attributed: its outlet, else its
/// byline, with a role that says which.
pub fn article_voice(meta: &ArticleMeta) -> Option<FoundSpeaker> {
    fn field(f: &Option<String>) -> Option<&str> {
        f.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    if let Some(outlet) = field(&meta.outlet) {
        return Some(FoundSpeaker {
            name: outlet.to_string(),
            role: Some(ARTICLE_OUTLET.into()),
            aliases: Vec::new(),
            is_body: true,
            unresolved: false,
        });
    }
    field(&meta.author).map(|author| FoundSpeaker {
        name: author.to_string(),
        role: Some(ARTICLE_BYLINE.into()),
        aliases: Vec::new(),
        is_body: false,
        unresolved: false,
    })
}

/// The role of a statement's speaker: the article's outlet, or its byline.
pub const ARTICLE_OUTLET: &str = "the article (outlet)";
pub const ARTICLE_BYLINE: &str = "the article (byline)";

/// Add the article's check-worthy statements (score ≥ `threshold`, said by no one quoted)
/// to `ex`, attributed to [`article_voice`].
pub fn add_statements(text: &str, ex: &mut Extraction, meta: &ArticleMeta, threshold: f32) {
    crate::extract::add_statements(text, ex, threshold, article_voice(meta));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clipboard's HTML is read as a page (its headline titles it); without HTML, the
    /// text's first line does, unless the analyst typed a title.
    #[test]
    fn pasted_html_or_text_becomes_an_article() {
        let html = "<meta charset='utf-8'><h1>Mayor defends the budget</h1>\
                    <p>\u{201c}We will not cut schools,\u{201d} the mayor said on Monday, as the \
                    council met for the third time this month to argue over the plan.</p>";
        let a = read_pasted(Some(html), "ignored", None).expect("reads");
        assert_eq!(a.title, "Mayor defends the budget");
        assert!(
            a.text
                .contains("\u{201c}We will not cut schools,\u{201d} the mayor said")
        );
        assert!(!a.text.contains('<'));
        assert_eq!(a.path, Path::new(PASTED_SOURCE));
        let t = read_pasted(None, "Budget row\r\nThe mayor said so.", None).expect("reads");
        assert_eq!(
            (t.title.as_str(), t.text.as_str()),
            ("Budget row", "Budget row\nThe mayor said so.")
        );
        let typed = read_pasted(None, "Budget row", Some(" Typed ")).expect("reads");
        assert_eq!(typed.title, "Typed");
        let e = read_pasted(None, "  \n ", None).unwrap_err();
        assert_eq!(e.to_string(), "clipboard: the clipboard holds no text");
    }

    #[test]
    fn sha256_hex_is_the_standard_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
