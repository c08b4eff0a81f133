//! `--format html|md`: a readable report of a project's claims, per article and per
//! speaker, with verdicts, notes and evidence (docs/exports.md).
//!
//! Every piece of the analyst's or an article's text is escaped: HTML special characters
//! in the HTML report, Markdown syntax in the Markdown one. Only http(s) addresses become
//! links; any other address (`javascript:`, `data:`) is shown as text.

use std::fmt::Write;

use super::{Row, is_web_url, rows, verdict_date};
use crate::model::{Article, Project, Speaker, Status};

/// The report's content, shared by the two renderings.
struct Report<'a> {
    project: &'a Project,
    rows: Vec<Row<'a>>,
}

impl<'a> Report<'a> {
    fn new(project: &'a Project) -> Self {
        Report {
            project,
            rows: rows(project),
        }
    }

    /// "12 claims in 3 articles: 4 verified, 1 false, 7 unchecked".
    fn summary(&self) -> String {
        let mut text = format!(
            "{} in {}",
            count(self.rows.len(), "claim", "claims"),
            count(self.project.articles.len(), "article", "articles")
        );
        let counts: Vec<String> = Status::ALL
            .into_iter()
            .filter_map(|s| {
                let n = self.rows.iter().filter(|r| r.claim.status == s).count();
                (n > 0).then(|| format!("{n} {}", s.key()))
            })
            .collect();
        if !counts.is_empty() {
            text.push_str(": ");
            text.push_str(&counts.join(", "));
        }
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

// ---------------------------------------------------------------- HTML

/// Escape text for HTML content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A link for an http(s) address; any other address as escaped text, marked as not linked.
fn html_link(url: &str, text: &str) -> String {
    let text = if text.trim().is_empty() { url } else { text };
    if is_web_url(url) {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            html_escape(url.trim()),
            html_escape(text)
        )
    } else if text == url {
        format!(
            "<span class=\"unlinked\">{}</span> <small>(not a web address, not linked)</small>",
            html_escape(url)
        )
    } else {
        format!(
            "{} <span class=\"unlinked\">{}</span> <small>(not a web address, not linked)</small>",
            html_escape(text),
            html_escape(url)
        )
    }
}

const CSS: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1,h2,h3,.verdict,.meta,.who,nav{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}
h2{border-bottom:2px solid #1b1b1b;margin-top:2.5rem}
h3{margin-bottom:.2rem}
.meta{color:#555;margin-top:0}
.claim{border-left:4px solid #bbb;padding:.2rem 0 .2rem 1rem;margin:1.2rem 0;break-inside:avoid}
.claim blockquote{margin:0;font-size:1.1rem;white-space:pre-wrap}
.who{margin:.3rem 0;color:#333}
.verdict{font-weight:600}
.pill{display:inline-block;padding:0 .5rem;border-radius:.8rem;border:1px solid currentColor}
.notes{white-space:pre-wrap;margin:.3rem 0}
.unlinked{font-family:monospace;color:#8a1c1c}
.speaker-claims li{margin:.4rem 0}
@media print{body{margin:0;max-width:none;font-size:11pt}nav{display:none}a{color:inherit}
.evidence a[href]::after{content:' (' attr(href) ')';font-size:9pt;word-break:break-all}
#speakers>h2{break-before:page}h3{break-after:avoid}}
";

/// Each status in the window's own colour (`Status::rgb`): a claim's left border and its
/// verdict pill. The colours read at 4.5:1 or better on the white page.
fn status_css() -> String {
    let mut css = String::new();
    for status in Status::ALL {
        let (key, hex) = (status.key(), status.hex());
        if status == Status::Unchecked {
            let _ = writeln!(css, ".st-{key} .pill{{color:{hex}}}");
        } else {
            let _ = writeln!(
                css,
                ".st-{key}{{border-color:{hex}}}.st-{key} .pill{{color:{hex}}}"
            );
        }
    }
    css
}

/// The report as one self-contained HTML page (no scripts, no outside resources).
pub fn to_html(project: &Project) -> String {
    let report = Report::new(project);
    let mut h = String::new();
    let name = if project.name.trim().is_empty() {
        "Claims report"
    } else {
        project.name.as_str()
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        html_escape(name),
        status_css(),
        html_escape(name)
    );
    let organisation = project.settings.organisation.trim();
    if !organisation.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"meta\">Fact-checks by {}</p>",
            html_escape(organisation)
        );
    }
    let _ = writeln!(h, "<p>{}</p>", html_escape(&report.summary()));
    h.push_str(
        "<nav><a href=\"#articles\">By article</a> · <a href=\"#speakers\">By speaker</a></nav>\n</header>\n",
    );

    h.push_str("<section id=\"articles\">\n<h2>By article</h2>\n");
    for article in &project.articles {
        let _ = writeln!(
            h,
            "<section class=\"article\" id=\"article-{}\">\n<h3>{}</h3>",
            article.id.0,
            html_escape(&article.title)
        );
        let mut facts: Vec<String> = article_facts(article)
            .into_iter()
            .map(html_escape)
            .collect();
        if let Some(url) = article.meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
            facts.push(html_link(url, url));
        }
        if !facts.is_empty() {
            let _ = writeln!(h, "<p class=\"meta\">{}</p>", facts.join(" · "));
        }
        let mut any = false;
        for row in report.claims_of_article(article) {
            any = true;
            html_claim(&mut h, row);
        }
        if !any {
            h.push_str("<p class=\"meta\">No claims.</p>\n");
        }
        h.push_str("</section>\n");
    }
    let orphans: Vec<&Row<'_>> = report.orphans().collect();
    if !orphans.is_empty() {
        h.push_str("<section class=\"article\">\n<h3>Claims of a missing article</h3>\n");
        for row in orphans {
            html_claim(&mut h, row);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</section>\n");

    h.push_str("<section id=\"speakers\">\n<h2>By speaker</h2>\n");
    for (speaker, claims) in report.by_speaker() {
        match speaker {
            Some(s) => {
                let _ = writeln!(
                    h,
                    "<section class=\"speaker\">\n<h3>{}</h3>",
                    html_escape(&s.name)
                );
                let mut facts = Vec::new();
                if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    facts.push(html_escape(role));
                }
                if s.is_body {
                    facts.push("organisation or group".to_string());
                }
                if !facts.is_empty() {
                    let _ = writeln!(h, "<p class=\"meta\">{}</p>", facts.join(" · "));
                }
            }
            None => h.push_str("<section class=\"speaker\">\n<h3>No speaker identified</h3>\n"),
        }
        h.push_str("<ul class=\"speaker-claims\">\n");
        for row in claims {
            let c = row.claim;
            let _ = writeln!(
                h,
                "<li class=\"st-{}\"><span class=\"pill\">{}</span> <a href=\"#claim-{}\">“{}”</a>{}</li>",
                c.status.key(),
                c.status.label(),
                c.id.0,
                html_escape(&c.content),
                row.article
                    .map(|a| format!(" <small>in {}</small>", html_escape(&a.title)))
                    .unwrap_or_default()
            );
        }
        h.push_str("</ul>\n</section>\n");
    }
    h.push_str("</section>\n</body>\n</html>\n");
    h
}

fn html_claim(h: &mut String, row: &Row<'_>) {
    let c = row.claim;
    let _ = writeln!(
        h,
        "<div class=\"claim st-{}\" id=\"claim-{}\">\n<blockquote>{}</blockquote>",
        c.status.key(),
        c.id.0,
        html_escape(&c.content)
    );
    let who = match (row.speaker, c.mention.as_deref()) {
        (Some(s), _) => {
            let mut who = format!("<strong>{}</strong>", html_escape(&s.name));
            if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
                let _ = write!(who, ", {}", html_escape(role));
            }
            who
        }
        (None, Some(mention)) => {
            format!("{} <small>(not identified)</small>", html_escape(mention))
        }
        (None, None) => "<small>speaker not identified</small>".to_string(),
    };
    let cue = if c.cue.trim().is_empty() {
        String::new()
    } else {
        format!(" · {} · {}", html_escape(&c.cue), c.kind.key())
    };
    let _ = writeln!(h, "<p class=\"who\">— {who}{cue}</p>");
    let date = verdict_date(c)
        .filter(|_| c.status != Status::Unchecked)
        .map(|d| format!(" <small>on {d}</small>"))
        .unwrap_or_default();
    let _ = writeln!(
        h,
        "<p class=\"verdict\">Verdict: <span class=\"pill\">{}</span>{date}</p>",
        c.status.label()
    );
    if !c.notes.trim().is_empty() {
        let _ = writeln!(
            h,
            "<div class=\"notes\">{}</div>",
            html_escape(c.notes.trim())
        );
    }
    if !c.evidence.is_empty() {
        h.push_str("<ul class=\"evidence\">\n");
        for e in &c.evidence {
            let _ = writeln!(h, "<li>{}</li>", html_link(&e.url, &e.description));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</div>\n");
}

// ---------------------------------------------------------------- Markdown

/// Escape one piece of text for Markdown (CommonMark and GitHub's dialect): characters
/// that start emphasis, code, links, raw HTML, entities, tables, strikethrough or math
/// are backslash-escaped everywhere; those that start a block (`#`, `-`, `+`, `=`, `>`,
/// `1.`) at the start of each line. Leading and trailing spaces of each line are
/// dropped (four spaces would start a code block); lines, split at LF or CR (both end a
/// Markdown line), are joined by `sep`.
pub fn md_escape(text: &str, sep: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut first = true;
    for line in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !first {
            out.push_str(sep);
        }
        first = false;
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (i, ch) in line.char_indices() {
            let escape = match ch {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&' | '$'
                | '#' => true,
                '-' | '+' | '=' => i == 0,
                '.' | ')' => digits > 0 && i == digits,
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// Text on one line: line breaks become spaces.
fn md_inline(text: &str) -> String {
    md_escape(text, " ")
}

/// A link destination: an http(s) address with the characters that would end it escaped.
fn md_destination(url: &str) -> String {
    let mut out = String::new();
    for ch in url.trim().chars() {
        if matches!(ch, '\\' | '(' | ')' | '<' | '>') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A Markdown link for an http(s) address, escaped text otherwise.
fn md_link(url: &str, text: &str) -> String {
    let text = if text.trim().is_empty() { url } else { text };
    if is_web_url(url) {
        format!("[{}]({})", md_inline(text), md_destination(url))
    } else if text == url {
        format!("{} (not a web address, not linked)", md_inline(url))
    } else {
        format!(
            "{}: {} (not a web address, not linked)",
            md_inline(text),
            md_inline(url)
        )
    }
}

/// The report as Markdown.
pub fn to_markdown(project: &Project) -> String {
    let report = Report::new(project);
    let mut m = String::new();
    let name = if project.name.trim().is_empty() {
        "Claims report".to_string()
    } else {
        md_inline(&project.name)
    };
    let _ = writeln!(m, "# {name}\n");
    let organisation = project.settings.organisation.trim();
    if !organisation.is_empty() {
        let _ = writeln!(m, "Fact-checks by {}\n", md_inline(organisation));
    }
    let _ = writeln!(m, "{}\n", md_inline(&report.summary()));

    m.push_str("## By article\n\n");
    for article in &project.articles {
        let _ = writeln!(m, "### {}\n", md_inline(&article.title));
        let mut facts: Vec<String> = article_facts(article).into_iter().map(md_inline).collect();
        if let Some(url) = article.meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
            facts.push(md_link(url, url));
        }
        if !facts.is_empty() {
            let _ = writeln!(m, "{}\n", facts.join(" · "));
        }
        let mut any = false;
        for row in report.claims_of_article(article) {
            any = true;
            md_claim(&mut m, row);
        }
        if !any {
            m.push_str("No claims.\n\n");
        }
    }
    let orphans: Vec<&Row<'_>> = report.orphans().collect();
    if !orphans.is_empty() {
        m.push_str("### Claims of a missing article\n\n");
        for row in orphans {
            md_claim(&mut m, row);
        }
    }

    m.push_str("## By speaker\n\n");
    for (speaker, claims) in report.by_speaker() {
        match speaker {
            Some(s) => {
                let _ = writeln!(m, "### {}\n", md_inline(&s.name));
                let mut facts = Vec::new();
                if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    facts.push(md_inline(role));
                }
                if s.is_body {
                    facts.push("organisation or group".to_string());
                }
                if !facts.is_empty() {
                    let _ = writeln!(m, "{}\n", facts.join(" · "));
                }
            }
            None => m.push_str("### No speaker identified\n\n"),
        }
        for row in claims {
            let c = row.claim;
            let _ = writeln!(
                m,
                "- **{}**: “{}”{}",
                c.status.label(),
                md_inline(&c.content),
                row.article
                    .map(|a| format!(" (in {})", md_inline(&a.title)))
                    .unwrap_or_default()
            );
        }
        m.push('\n');
    }
    m
}

fn md_claim(m: &mut String, row: &Row<'_>) {
    let c = row.claim;
    let _ = writeln!(m, "> {}\n", md_escape(&c.content, "\\\n> "));
    let who = match (row.speaker, c.mention.as_deref()) {
        (Some(s), _) => {
            let mut who = format!("**{}**", md_inline(&s.name));
            if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
                let _ = write!(who, ", {}", md_inline(role));
            }
            who
        }
        (None, Some(mention)) => format!("{} (not identified)", md_inline(mention)),
        (None, None) => "speaker not identified".to_string(),
    };
    let cue = if c.cue.trim().is_empty() {
        String::new()
    } else {
        format!(" · {} · {}", md_inline(&c.cue), c.kind.key())
    };
    let date = verdict_date(c)
        .filter(|_| c.status != Status::Unchecked)
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    let _ = writeln!(
        m,
        "Speaker: {who}{cue}  \nVerdict: **{}**{date}\n",
        c.status.label()
    );
    if !c.notes.trim().is_empty() {
        let _ = writeln!(m, "Notes: {}\n", md_escape(&c.notes, "\\\n"));
    }
    if !c.evidence.is_empty() {
        m.push_str("Evidence:\n\n");
        for e in &c.evidence {
            let _ = writeln!(m, "- {}", md_link(&e.url, &e.description));
        }
        m.push('\n');
    }
    m.push_str("---\n\n");
}

#[cfg(test)]
mod tests {
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
