//! Exports of a project's claims for other tools and for newsrooms. Each format is a pure
//! function in its own module (Project → text); `render` picks one, `deliver` writes it.
//! Shapes: docs/export-json.md (JSON) and docs/exports.md (CSV, ClaimReview, reports).

pub mod claimreview;
pub mod csv;
pub mod json;
pub mod report;

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::Path;

use crate::model::{Article, ArticleId, Claim, ClaimId, Project, Speaker, SpeakerId};

/// Every export format, for the command line and the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    ClaimReview,
    Html,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Csv,
        Format::Json,
        Format::ClaimReview,
        Format::Html,
        Format::Markdown,
    ];

    /// The name on the command line (`--format csv`).
    pub fn key(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "claimreview",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    /// A human name for menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV spreadsheet",
            Format::Json => "JSON (claimdesk export)",
            Format::ClaimReview => "ClaimReview JSON-LD",
            Format::Html => "HTML report",
            Format::Markdown => "Markdown report",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "jsonld",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        let key = key.trim();
        if key.eq_ignore_ascii_case("markdown") {
            return Some(Format::Markdown);
        }
        Format::ALL
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(key))
    }
}

/// Choices that change an export's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Start a CSV file with a UTF-8 byte-order mark, so that spreadsheets detect UTF-8.
    /// Only CSV takes one (JSON must not start with a BOM).
    pub bom: bool,
    /// Also export the claims marked Not a claim (`--include-rejected`); left out
    /// otherwise, from every format.
    pub include_rejected: bool,
    /// Export only these claims (the window's "only the claims shown"); `None`: all.
    /// Not a claim is still left out of them unless `include_rejected`.
    pub only_claims: Option<BTreeSet<ClaimId>>,
}

impl Options {
    /// Export only the claims the table shows with `filter` (the window's "only the claims
    /// shown" and `claimdesk export --status …`: one filter code for both). A filter that
    /// shows claims marked Not a claim exports them.
    pub fn restrict_to(&mut self, project: &Project, filter: &crate::model::Filter) {
        self.restrict_to_checked(project, filter, &Default::default());
    }

    /// [`Options::restrict_to`], the claims' "checked before" levels read from `checked`.
    pub fn restrict_to_checked(
        &mut self,
        project: &Project,
        filter: &crate::model::Filter,
        checked: &crate::model::CheckedLevels,
    ) {
        let shown = crate::model::filter::filtered_with(project, filter, checked);
        self.only_claims = Some(shown.iter().map(|&i| project.claims[i].id).collect());
        self.include_rejected |= filter.shows_rejected();
    }

    /// Whether `claim` is in the export these options describe.
    pub fn includes(&self, claim: &Claim) -> bool {
        (self.include_rejected || claim.status.is_claim())
            && self
                .only_claims
                .as_ref()
                .is_none_or(|only| only.contains(&claim.id))
    }
}

/// The export of `project` in `format`. Fails only if `options` do not fit the format.
/// Article addresses go out without credentials ([`without_credentials`]).
pub fn render(project: &Project, format: Format, options: Options) -> Result<Vec<u8>, String> {
    if options.bom && format != Format::Csv {
        return Err(format!(
            "a byte-order mark is only for CSV, not for --format {}",
            format.key()
        ));
    }
    let cleaned = without_credentials(project);
    let project: &Project = &cleaned;
    let text = match format {
        Format::Csv => return csv::to_bytes(project, &options).map_err(|e| e.to_string()),
        Format::Json => json::to_string_with(project, &options).map_err(|e| e.to_string())?,
        Format::ClaimReview => claimreview::to_string_with(project, &options),
        Format::Html => report::to_html_with(project, &options),
        Format::Markdown => report::to_markdown_with(project, &options),
    };
    Ok(text.into_bytes())
}

/// The project as exported: its articles' addresses (source and url) without the
/// `user:password@` a project saved before claimdesk took them out at import may hold.
/// Copied only when some article has one.
fn without_credentials(project: &Project) -> std::borrow::Cow<'_, Project> {
    use super::web_address::{has_credentials, strip_credentials};
    let has = |a: &Article| {
        a.source_path.as_deref().is_some_and(has_credentials)
            || a.meta.url.as_deref().is_some_and(has_credentials)
    };
    if !project.articles.iter().any(has) {
        return std::borrow::Cow::Borrowed(project);
    }
    let mut project = project.clone();
    for article in &mut project.articles {
        strip_credentials(&mut article.source_path);
        strip_credentials(&mut article.meta.url);
    }
    std::borrow::Cow::Owned(project)
}

/// Warnings about missing project settings that make an export less useful
/// (ClaimReview without an organisation or a review address).
pub fn warnings(project: &Project, format: Format) -> Vec<String> {
    let mut out = Vec::new();
    if format == Format::ClaimReview {
        if project.settings.organisation.trim().is_empty() {
            out.push("no organisation in the project settings: the reviews have no author".into());
        }
        let pattern = project.settings.review_url_pattern.trim();
        if pattern.is_empty() {
            out.push(
                "no review address pattern in the project settings: the reviews have no url".into(),
            );
        } else if !claimreview::valid_review_pattern(pattern) {
            out.push(
                "the review address pattern is not an http(s) address without spaces, <, >, & \
                 or line separators: the reviews have no url"
                    .into(),
            );
        }
    }
    out
}

/// Write an export to `output`, or to stdout when `output` is `None`. A regular file (or a
/// new one) is replaced atomically, so a reader never sees half a file. A FIFO, a device
/// (`/dev/null`) or the process's own standard output or error (`/dev/stdout`,
/// `/dev/fd/1`…) is written into as it is, never replaced by a file. An export never
/// replaces a project: `output` named `.claimdesk` (or its `.bak` or `.lock`), or holding
/// a project file (the loader's header check, wherever its `"format"` key stands), is
/// refused with an [`io::ErrorKind::AlreadyExists`] error that says so.
pub fn deliver(output: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    let Some(path) = output else {
        return write_to(&mut io::stdout().lock(), bytes);
    };
    match stream_of(path) {
        Some(Stream::Stdout) => return write_to(&mut io::stdout().lock(), bytes),
        Some(Stream::Stderr) => return write_to(&mut io::stderr().lock(), bytes),
        None => {}
    }
    // Following links: what the export would land in.
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder; give a file name for the export",
        )),
        Ok(meta) if !meta.is_file() => {
            // A FIFO or a device: opened for writing as a shell's `>` would (waiting for a
            // FIFO's reader), never created, truncated or renamed over.
            let mut target = std::fs::OpenOptions::new().write(true).open(path)?;
            if !target.metadata()?.file_type().is_file() {
                return write_to(&mut target, bytes);
            }
            // It became a regular file meanwhile: replace it as one.
            refuse_project(path)?;
            super::atomic::write_atomic(path, bytes, None)
        }
        _ => {
            refuse_project(path)?;
            super::atomic::write_atomic(path, bytes, None)
        }
    }
}

fn write_to(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(bytes)?;
    out.flush()
}

/// This process's standard output or error, by one of the names that stand for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdout,
    Stderr,
}

/// Opening `/dev/stdout` anew would start a redirected file over at its first byte (and
/// `O_APPEND` would be lost): the process's own handle is written instead.
fn stream_of(path: &Path) -> Option<Stream> {
    let name = path.to_str()?;
    match name {
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => Some(Stream::Stdout),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => Some(Stream::Stderr),
        _ if cfg!(unix) && name == format!("/proc/{}/fd/1", std::process::id()) => {
            Some(Stream::Stdout)
        }
        _ => None,
    }
}

/// Refuse an export target that is, or is named like, a claimdesk project.
fn refuse_project(path: &Path) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let ext = format!(".{}", super::project_file::EXTENSION);
    let named_like_one = [ext.clone(), format!("{ext}.bak"), format!("{ext}.lock")]
        .iter()
        .any(|end| name.ends_with(end.as_str()));
    if named_like_one || super::project_file::is_project_file(path) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "is a claimdesk project (or named like one); an export never replaces a \
             project, nothing was written: choose another file name",
        ));
    }
    Ok(())
}

/// One claim with what the exports show beside it.
pub(crate) struct Row<'a> {
    pub claim: &'a Claim,
    pub article: Option<&'a Article>,
    pub speaker: Option<&'a Speaker>,
}

/// The claims `options` choose, in export order: article order, then position, then id
/// (the order of the JSON export).
pub(crate) fn rows<'a>(project: &'a Project, options: &Options) -> Vec<Row<'a>> {
    let order: HashMap<ArticleId, (usize, &Article)> = project
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, (i, a)))
        .collect();
    let speakers: HashMap<SpeakerId, &Speaker> =
        project.speakers.iter().map(|s| (s.id, s)).collect();
    let mut rows: Vec<Row<'_>> = project
        .claims
        .iter()
        .filter(|c| options.includes(c))
        .map(|claim| Row {
            claim,
            article: order.get(&claim.article).map(|(_, a)| *a),
            speaker: claim.speaker.and_then(|id| speakers.get(&id).copied()),
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            order.get(&r.claim.article).map_or(usize::MAX, |(i, _)| *i),
            r.claim.start,
            r.claim.id,
        )
    });
    rows
}

/// The bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): invisible, they reverse or reorder the text around them, so that a
/// report could show a claim other than the one recorded. (The marks U+200E, U+200F and
/// U+061C only nudge neutral characters, and right-to-left text needs them: kept.)
pub fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each bidi control ([`is_bidi_control`]) shown as its code, `[U+202E]`:
/// reports and spreadsheets show what is there, in its order.
pub fn bidi_visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        if is_bidi_control(ch) {
            out.push_str(&format!("[U+{:04X}]", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `url` is an http or https address (the only ones that become links).
pub fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c))
}

/// "2024-03-02" (UTC) from seconds since the Unix epoch.
pub fn iso_date(at: i64) -> String {
    crate::model::time::iso_date(at)
}

/// The ISO 8601 date (`YYYY-MM-DD`) at the start of a date as given ("2024-03-02",
/// "2024-03-02T10:00:00Z"), or `None` when it does not start with one ("March 2, 2024").
pub fn iso_date_prefix(date: &str) -> Option<&str> {
    let date = date.trim();
    let head = date.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    let rest_ok = date.len() == 10 || matches!(date.as_bytes()[10], b'T' | b't' | b' ');
    ((1..=12).contains(&month) && (1..=31).contains(&day) && rest_ok).then_some(head)
}

/// The date of a claim's latest status change (its verdict's date), if it has one.
pub fn verdict_date(claim: &Claim) -> Option<String> {
    claim.history.iter().map(|h| h.at).max().map(iso_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_709_400_000), "2024-03-02");
        assert_eq!(iso_date(-1), "1969-12-31");
        assert_eq!(iso_date(i64::MAX), "9999-12-31");
        assert_eq!(iso_date(i64::MIN), "0000-01-01");
        assert_eq!(iso_date(253_402_300_799), "9999-12-31");
        assert_eq!(iso_date_prefix("2024-03-02"), Some("2024-03-02"));
        assert_eq!(iso_date_prefix(" 2024-03-02T10:00Z"), Some("2024-03-02"));
        assert_eq!(iso_date_prefix("2024-13-02"), None);
        assert_eq!(iso_date_prefix("2024-03-021"), None);
        assert_eq!(iso_date_prefix("March 2, 2024"), None);
        assert_eq!(iso_date_prefix("2024-03-"), None);
        assert_eq!(iso_date_prefix("２０２４-03-02"), None);
    }

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://example.org/a?b=c"));
        assert!(is_web_url("HTTP://EXAMPLE.ORG"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://exa mple.org"));
        assert!(!is_web_url("data:text/html,<b>"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("héllo"));
    }

    #[test]
    fn formats_round_trip_their_keys() {
        for f in Format::ALL {
            assert_eq!(Format::from_key(f.key()), Some(f));
        }
        assert_eq!(Format::from_key("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_key("xlsx"), None);
    }
}
