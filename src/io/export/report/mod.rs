//! `--format html|md`: a readable report of a project's claims, per article and per
//! speaker (each speaker's record: their claims with verdicts), with verdicts, public
//! rationales and evidence (docs/exports.md). The analyst's private notes and memos are
//! never in a report. Claims marked Not a claim are left out unless the options ask.
//!
//! Rooms: this file gathers what both renderings show; `html.rs` and `markdown.rs` write
//! it out.
//!
//! Every piece of the analyst's or an article's text is escaped: HTML special characters
//! in the HTML report, Markdown syntax in the Markdown one. Only http(s) addresses become
//! links; any other address (`javascript:`, `data:`) is shown as text.

mod html;
mod markdown;

pub use html::{html_escape, to_html, to_html_with};
pub use markdown::{md_escape, to_markdown, to_markdown_with};

use super::{Options, Row, rows};
use crate::model::{Article, Project, Speaker, Status, StatusTally};

/// The report's content, shared by the two renderings.
struct Report<'a> {
    project: &'a Project,
    rows: Vec<Row<'a>>,
}

impl<'a> Report<'a> {
    fn new(project: &'a Project, options: &Options) -> Self {
        Report {
            project,
            rows: rows(project, options),
        }
    }

    /// "12 claims in 3 articles: 4 verified, 1 false, 7 unchecked" (and "; 2 marked not
    /// a claim" when those are asked for: they are not counted as claims).
    fn summary(&self) -> String {
        let tally = tally(self.rows.iter());
        let mut text = format!(
            "{} in {}",
            count(tally.claims(), "claim", "claims"),
            count(self.project.articles.len(), "article", "articles")
        );
        push_verdicts(&mut text, &tally);
        text
    }

    /// The article's claims, in export order.
    fn claims_of_article(&self, article: &Article) -> impl Iterator<Item = &Row<'a>> {
        self.rows
            .iter()
            .filter(move |r| r.claim.article == article.id)
    }

    /// Speakers with at least one claim, in project order, with their claims; then the
    /// claims without a resolved speaker under `None`.
    fn by_speaker(&self) -> Vec<(Option<&'a Speaker>, Vec<&Row<'a>>)> {
        let mut groups: Vec<(Option<&'a Speaker>, Vec<&Row<'a>>)> = self
            .project
            .speakers
            .iter()
            .map(|s| {
                let claims: Vec<&Row<'a>> = self
                    .rows
                    .iter()
                    .filter(|r| r.speaker.is_some_and(|rs| rs.id == s.id))
                    .collect();
                (Some(s), claims)
            })
            .filter(|(_, claims)| !claims.is_empty())
            .collect();
        let unattributed: Vec<&Row<'a>> =
            self.rows.iter().filter(|r| r.speaker.is_none()).collect();
        if !unattributed.is_empty() {
            groups.push((None, unattributed));
        }
        groups
    }

    /// Claims whose article is missing from the project (a damaged project; shown so
    /// that nothing is silently left out).
    fn orphans(&self) -> impl Iterator<Item = &Row<'a>> {
        self.rows.iter().filter(|r| r.article.is_none())
    }
}

/// The statuses of some rows, counted.
fn tally<'r, 'a: 'r>(rows: impl Iterator<Item = &'r Row<'a>>) -> StatusTally {
    let mut tally = StatusTally::default();
    for r in rows {
        tally.add(r.claim.status);
    }
    tally
}

/// "4 verified, 1 false, 7 unchecked": the statuses that claims have (Not a claim aside).
fn verdict_counts(tally: &StatusTally) -> String {
    Status::ALL
        .into_iter()
        .filter(|s| s.is_claim())
        .filter_map(|s| {
            let n = tally.get(s);
            (n > 0).then(|| format!("{n} {}", s.key()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A speaker's record in one line: "3 claims: 1 verified, 2 false".
fn record_line(rows: &[&Row<'_>]) -> String {
    let tally = tally(rows.iter().copied());
    let mut text = count(tally.claims(), "claim", "claims");
    push_verdicts(&mut text, &tally);
    text
}

/// ": 1 verified, 2 false; 1 marked not a claim" after a count of claims.
fn push_verdicts(text: &mut String, tally: &StatusTally) {
    let counts = verdict_counts(tally);
    if !counts.is_empty() {
        text.push_str(": ");
        text.push_str(&counts);
    }
    let rejected = tally.get(Status::Rejected);
    if rejected > 0 {
        text.push_str(&format!("; {rejected} marked not a claim"));
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Outlet, author and date of an article, those that are known.
fn article_facts(article: &Article) -> Vec<&str> {
    let m = &article.meta;
    [&m.outlet, &m.author, &m.published]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::markdown::md_destination;
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            html_escape("<a href='x'>\"&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(
            md_escape("*a* [b](c) <i>", " "),
            "\\*a\\* \\[b\\](c) \\<i\\>"
        );
        assert_eq!(
            md_escape("# h\n- item\n1. one\n  =x", "|"),
            "\\# h|\\- item|1\\. one|\\=x"
        );
        assert_eq!(md_escape("well-known 3.5", " "), "well-known 3.5");
        assert_eq!(md_escape("a\r# b\r\n", "|"), "a|\\# b");
        assert_eq!(
            md_destination("https://x.org/a_(b)"),
            "https://x.org/a_\\(b\\)"
        );
    }
}
