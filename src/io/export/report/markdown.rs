//! The Markdown report: every piece of text escaped for CommonMark and GitHub's dialect,
//! only http(s) addresses linked.

use std::fmt::Write;

use super::{Report, article_facts, record_line};
use crate::io::export::{Options, Row, bidi_visible, is_web_url, verdict_date};
use crate::model::{Project, Status};

/// Escape one piece of text for Markdown (CommonMark and GitHub's dialect): characters
/// that start emphasis, code, links, raw HTML, entities, tables, strikethrough or math
/// are backslash-escaped everywhere; those that start a block (`#`, `-`, `+`, `=`, `>`,
/// `1.`) at the start of each line. Leading and trailing spaces of each line are
/// dropped (four spaces would start a code block); lines, split at LF or CR (both end a
/// Markdown line), are joined by `sep`. Bidi controls are shown as their codes
/// ([`bidi_visible`]).
pub fn md_escape(text: &str, sep: &str) -> String {
    let text = bidi_visible(text);
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
pub(super) fn md_destination(url: &str) -> String {
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
    to_markdown_with(project, &Options::default())
}

/// [`to_markdown`] of the claims `options` choose.
pub fn to_markdown_with(project: &Project, options: &Options) -> String {
    let report = Report::new(project, options);
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
        let _ = writeln!(m, "{}\n", md_inline(&record_line(&claims)));
        for row in claims {
            let c = row.claim;
            let _ = writeln!(
                m,
                "- {}**{}**: “{}”{}",
                number_prefix(c),
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
    let _ = writeln!(
        m,
        "> {}{}\n",
        number_prefix(c),
        md_escape(&c.content, "\\\n> ")
    );
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
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| md_inline(t)).collect();
        let _ = writeln!(m, "Tags: {}\n", tags.join(", "));
    }
    // The public rationale; the private notes are never written.
    if !c.rationale.trim().is_empty() {
        let _ = writeln!(m, "Rationale: {}\n", md_escape(&c.rationale, "\\\n"));
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

/// "#12 " as the claims table numbers the claim (nothing for a claim without a number).
fn number_prefix(c: &crate::model::Claim) -> String {
    if c.number == 0 {
        String::new()
    } else {
        format!("#{} ", c.number)
    }
}
