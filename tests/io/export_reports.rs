//! The HTML and Markdown reports of the project of `export_formats.rs`, parsed back: user
//! text is text, links are web addresses only, an empty project reports nothing.

use crate::export_formats::*;

use claimdesk::io::export::{self, Format, report};
use claimdesk::model::{Claim, Project};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

/// The tag names in an HTML document; user text is escaped, so only the report's own
/// tags may appear.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").replace("&amp;", "&"))
        .collect()
}

#[test]
fn html_report_escapes_every_user_text_and_links_only_web_addresses() {
    let p = project();
    let html = String::from_utf8(render(&p, Format::Html)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    let allowed = [
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "nav",
        "a",
        "section",
        "div",
        "blockquote",
        "strong",
        "small",
        "span",
        "ul",
        "li",
    ];
    for tag in tags(&html) {
        assert!(allowed.contains(&tag.as_str()), "unexpected tag <{tag}>");
    }
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<i>"));
    // No outside resources and no event handlers: a self-contained page without scripts.
    for tag in html
        .split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(""))
    {
        let tag = tag.to_ascii_lowercase();
        assert!(!tag.contains("src=") && !tag.contains(" on"), "<{tag}>");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    for href in hrefs(&html) {
        assert!(
            href.starts_with('#') || export::is_web_url(&href),
            "link to {href}"
        );
    }
    let links = hrefs(&html);
    assert!(links.contains(&"https://ok.example/report?a=1&b=(2)".to_string()));
    assert!(links.contains(&"HTTP://UPPER.example/ok".to_string()));
    assert!(links.contains(&"https://news.example.com/a?x=1&y=&quot;2&quot;".to_string()));
    // The javascript: address is shown, escaped, and not linked.
    assert!(html.contains("javascript:alert(1)</span> <small>(not a web address, not linked)"));

    let text = |s: &str| report::html_escape(s);
    assert!(html.contains(&text(&p.name)));
    assert!(html.contains(&text(&p.settings.organisation)));
    for a in &p.articles {
        assert!(html.contains(&format!("<h3>{}</h3>", text(&a.title))));
        for v in [&a.meta.outlet, &a.meta.published].into_iter().flatten() {
            assert!(html.contains(&text(v)), "{v}");
        }
    }
    for s in &p.speakers {
        assert!(
            html.contains(&format!("<h3>{}</h3>", text(&s.name))),
            "{}",
            s.name
        );
    }
    for c in &p.claims {
        assert!(
            html.contains(&format!("<blockquote>{}</blockquote>", text(&c.content))),
            "claim {}",
            c.id.0
        );
        assert!(html.contains(&format!("id=\"claim-{}\"", c.id.0)));
        assert!(html.contains(&format!("href=\"#claim-{}\"", c.id.0)));
        if !c.rationale.is_empty() {
            let rationale = format!(
                "<div class=\"rationale\">{}</div>",
                text(c.rationale.trim())
            );
            assert!(html.contains(&rationale), "rationale of {}", c.id.0);
        }
        for e in &c.evidence {
            assert!(html.contains(&text(&e.url)), "{}", e.url);
            if !e.description.is_empty() {
                assert!(html.contains(&text(&e.description)), "{}", e.description);
            }
        }
        let verdict = format!("Verdict: <span class=\"pill\">{}</span>", c.status.label());
        assert!(html.contains(&verdict));
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("Verdict: <span class=\"pill\">Verified</span> <small>on 2024-03-03</small>")
    );
    assert!(html.contains("<h3>No speaker identified</h3>"));
}

/// What a Markdown renderer makes of the report, in the parts that matter here.
#[derive(Default)]
struct Rendered {
    /// The text of each block quote (the claims), hard breaks as "\n".
    quotes: Vec<String>,
    /// Each paragraph's text.
    paragraphs: Vec<String>,
    headings: Vec<String>,
    links: Vec<(String, String)>,
    /// Markup that user text must never produce.
    forbidden: Vec<String>,
}

fn render_markdown(md: &str) -> Rendered {
    let mut out = Rendered::default();
    let mut opts = MdOptions::empty();
    opts.insert(MdOptions::ENABLE_TABLES);
    opts.insert(MdOptions::ENABLE_STRIKETHROUGH);
    opts.insert(MdOptions::ENABLE_MATH);
    opts.insert(MdOptions::ENABLE_TASKLISTS);
    let mut quote: Option<String> = None;
    let mut text = String::new();
    let mut link: Option<(String, String)> = None;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => quote = Some(String::new()),
            Event::End(TagEnd::BlockQuote(_)) => out.quotes.extend(quote.take()),
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => text.clear(),
            Event::End(TagEnd::Paragraph) => out.paragraphs.push(std::mem::take(&mut text)),
            Event::End(TagEnd::Heading(_)) => out.headings.push(std::mem::take(&mut text)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Link) => out.links.extend(link.take()),
            Event::Text(t) => {
                text.push_str(&t);
                if let Some(q) = quote.as_mut() {
                    q.push_str(&t);
                }
                if let Some((_, l)) = link.as_mut() {
                    l.push_str(&t);
                }
            }
            Event::HardBreak | Event::SoftBreak => {
                text.push('\n');
                if let Some(q) = quote.as_mut() {
                    q.push('\n');
                }
            }
            Event::Start(Tag::Strong | Tag::List(_) | Tag::Item) | Event::End(TagEnd::Strong) => {}
            Event::End(TagEnd::List(_) | TagEnd::Item) | Event::Rule => {}
            other => out.forbidden.push(format!("{other:?}")),
        }
    }
    out
}

/// A text as the Markdown report shows it: each line trimmed, empty lines dropped.
fn lines(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn markdown_report_renders_user_text_as_text() {
    let p = project();
    let md = String::from_utf8(render(&p, Format::Markdown)).unwrap();
    let r = render_markdown(&md);
    assert!(r.forbidden.is_empty(), "{:#?}", r.forbidden);

    // Every claim is one block quote with its exact words.
    let contents: Vec<String> = export_order(&p).iter().map(|c| lines(&c.content)).collect();
    assert_eq!(r.quotes, contents);

    assert_eq!(r.headings[0], lines(&p.name).replace('\n', " "));
    for a in &p.articles {
        assert!(r.headings.contains(&a.title), "{}", a.title);
    }
    for s in &p.speakers {
        assert!(r.headings.contains(&s.name), "{}", s.name);
    }
    assert!(r.headings.contains(&"No speaker identified".to_string()));
    for c in &p.claims {
        if !c.rationale.is_empty() {
            let rationale = format!("Rationale: {}", lines(&c.rationale));
            assert!(r.paragraphs.contains(&rationale), "{rationale:?}");
        }
        let speaker = c.speaker.and_then(|s| p.speaker(s));
        let who = match speaker {
            Some(s) => match &s.role {
                Some(role) => format!("Speaker: {}, {role}", s.name),
                None => format!("Speaker: {}", s.name),
            },
            None => format!(
                "Speaker: {} (not identified)",
                c.mention.as_deref().unwrap_or("")
            ),
        };
        let expected = format!(
            "{who} · {} · {}\nVerdict: {}",
            c.cue,
            c.kind.key(),
            c.status.label()
        );
        assert!(
            r.paragraphs.iter().any(|para| para.starts_with(&expected)),
            "{expected:?}"
        );
        // Per speaker: the verdict and the claim on one line.
        let line = format!(
            "{}: “{}”",
            c.status.label(),
            c.content.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(
            r.paragraphs.iter().any(|para| para.starts_with(&line)) || md_items(&md, &line),
            "{line:?}"
        );
        for e in &c.evidence {
            if export::is_web_url(&e.url) {
                let shown = if e.description.is_empty() {
                    &e.url
                } else {
                    &e.description
                };
                assert!(
                    r.links.contains(&(e.url.clone(), shown.clone())),
                    "{:?} not in {:?}",
                    e.url,
                    r.links
                );
            }
        }
    }
    // Only web addresses became links.
    for (url, _) in &r.links {
        assert!(export::is_web_url(url), "{url}");
    }
    assert!(r.links.iter().all(|(url, _)| !url.contains("javascript")));
    assert!(md_items(
        &md,
        "click me: javascript:alert(1) (not a web address, not linked)"
    ));
}

/// The per-speaker lines are list items; their text is rendered the same way.
fn md_items(md: &str, line: &str) -> bool {
    let mut item = String::new();
    let mut in_item = false;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Item) => {
                in_item = true;
                item.clear();
            }
            Event::End(TagEnd::Item) => {
                if item.starts_with(line) {
                    return true;
                }
                in_item = false;
            }
            Event::Text(t) if in_item => item.push_str(&t),
            _ => {}
        }
    }
    false
}

fn export_order(p: &Project) -> Vec<&Claim> {
    let mut claims: Vec<&Claim> = p.claims.iter().collect();
    claims.sort_by_key(|c| (c.article, c.start, c.id));
    claims
}

#[test]
fn reports_of_an_empty_project() {
    let p = Project::new("");
    let html = String::from_utf8(render(&p, Format::Html)).unwrap();
    assert!(html.contains("<h1>Claims report</h1>"));
    assert!(html.contains("0 claims in 0 articles"));
    let md = String::from_utf8(render(&p, Format::Markdown)).unwrap();
    assert!(md.starts_with("# Claims report\n"));
    let csv = render(&p, Format::Csv);
    assert_eq!(
        csv.iter().filter(|&&b| b == b'\n').count(),
        1,
        "the header only"
    );
}
