//! The HTML report: one self-contained page, every piece of text escaped, only http(s)
//! addresses linked.

use std::fmt::Write;

use super::{Report, article_facts, record_line};
use crate::io::export::{Options, Row, bidi_visible, is_web_url, verdict_date};
use crate::model::{Project, Status};

/// Escape text for HTML content and attribute values; bidi controls are shown as their
/// codes ([`bidi_visible`]).
pub fn html_escape(text: &str) -> String {
    let text = bidi_visible(text);
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
.rationale{white-space:pre-wrap;margin:.3rem 0}
.record{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#333;margin:.2rem 0}
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

/// The report as one self-contained HTML page (no scripts, no outside resources), with
/// the default options (Not a claim left out).
pub fn to_html(project: &Project) -> String {
    to_html_with(project, &Options::default())
}

/// [`to_html`] of the claims `options` choose.
pub fn to_html_with(project: &Project, options: &Options) -> String {
    let report = Report::new(project, options);
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
        let _ = writeln!(
            h,
            "<p class=\"record\">{}</p>",
            html_escape(&record_line(&claims))
        );
        h.push_str("<ul class=\"speaker-claims\">\n");
        for row in claims {
            let c = row.claim;
            let _ = writeln!(
                h,
                "<li class=\"st-{}\">{}<span class=\"pill\">{}</span> <a href=\"#claim-{}\">“{}”</a>{}</li>",
                c.status.key(),
                number_span(c),
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
        "<div class=\"claim st-{}\" id=\"claim-{}\">\n<blockquote>{}{}</blockquote>",
        c.status.key(),
        c.id.0,
        number_span(c),
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
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| html_escape(t)).collect();
        let _ = writeln!(h, "<p class=\"tags\">Tags: {}</p>", tags.join(", "));
    }
    // The public rationale; the private notes are never written.
    if !c.rationale.trim().is_empty() {
        let _ = writeln!(
            h,
            "<div class=\"rationale\">{}</div>",
            html_escape(c.rationale.trim())
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

/// "#12 " as the claims table numbers the claim (nothing for a claim without a number).
fn number_span(c: &crate::model::Claim) -> String {
    if c.number == 0 {
        String::new()
    } else {
        format!("<span class=\"num\">#{}</span> ", c.number)
    }
}
