//! Web pages saved from news sites: the article's own text and its bibliographic data.
//!
//! The article body is found by dom_smoothie, a port of Firefox's Reader View
//! (Readability): it scores the page's blocks and keeps the article, leaving out
//! navigation, cookie banners, "most read" lists, share bars, comments and footers. Scripts
//! and styles are never run and nothing is fetched. The headline and standfirst, which
//! Readability keeps apart from the body, are put back in front of it, one paragraph a line.

use dom_query::Document;

mod body;
mod limits;

pub use body::Reader;

use limits::{MAX_NODES_TIMES_DEPTH, check_tags, nesting_depth, too_deep, tree_shape};

use super::{Decoded, clean_field, text, tidy_lines};
use crate::model::ArticleMeta;

/// Pages larger than this are refused: the DOM of a page takes several times its size.
pub const MAX_HTML_BYTES: usize = 32 * 1024 * 1024;
/// Pages with more elements than this are refused rather than scored.
pub(super) const MAX_ELEMENTS: usize = 400_000;
/// Elements nested deeper than this are refused (a real page stays under a few hundred).
pub(super) const MAX_DEPTH: usize = 2_000;

/// Does this start like an HTML document (after a BOM and whitespace)?
pub fn looks_like_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<")
            && find(&lower, b"<head").is_some()
            && find(&lower, b"<meta").is_some())
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The charset a page declares in its first KiB (`<meta charset>` or http-equiv).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = find(&lower, b"charset=")? + b"charset=".len();
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?;
    (!label.is_empty()).then(|| label.to_string())
}

pub fn read(bytes: &[u8]) -> Result<Decoded, String> {
    read_declared(bytes, None)
}

/// [`read`] with the body picked by `reader` (claimdesk's own is [`Reader::Claimdesk`];
/// the others are measured alone by `examples/benchmark_bodies.rs`).
pub fn read_with(bytes: &[u8], reader: Reader) -> Result<Decoded, String> {
    read_page(bytes, None, reader)
}

/// HTML copied to the clipboard (a browser's copy of a selection): all of its visible
/// text, one paragraph a line. What the analyst selected is the article; no reader
/// second-guesses it (Readability would take a heading for the title and drop it).
pub fn read_fragment(html: &str) -> Result<Decoded, String> {
    if html.len() > MAX_HTML_BYTES {
        return Err(format!(
            "the clipboard's HTML is over {} MB; not read",
            MAX_HTML_BYTES / (1024 * 1024)
        ));
    }
    check_tags(html)?;
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(too_deep(depth));
    }
    let html = html.to_string();
    std::thread::Builder::new()
        .name("html-fragment".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let document = Document::from(html.as_str());
            let text = PageMeta::of(&document).body_text;
            if text.is_empty() {
                return Err("the clipboard's HTML has no text".to_string());
            }
            Ok(Decoded {
                text,
                ..Decoded::default()
            })
        })
        .map_err(|e| format!("cannot start the page reader: {e}"))?
        .join()
        .map_err(|_| "the clipboard's HTML could not be parsed".to_string())?
}

/// [`read`] with the charset an HTTP header declared, which wins over the page's own.
pub fn read_declared(bytes: &[u8], header_charset: Option<&str>) -> Result<Decoded, String> {
    read_page(bytes, header_charset, Reader::Claimdesk)
}

fn read_page(
    bytes: &[u8],
    header_charset: Option<&str>,
    reader: Reader,
) -> Result<Decoded, String> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(format!(
            "web page is {} MB; pages larger than {} MB are not read",
            bytes.len() / (1024 * 1024),
            MAX_HTML_BYTES / (1024 * 1024)
        ));
    }
    let declared = header_charset
        .map(str::to_string)
        .or_else(|| declared_charset(bytes));
    let html = text::to_utf8(bytes, declared.as_deref())?;
    check_tags(&html)?;
    let depth = nesting_depth(&html);
    if depth > MAX_DEPTH {
        return Err(too_deep(depth));
    }
    // The tree walk of a large page is deep in places; give it a roomy stack of its own.
    std::thread::Builder::new()
        .name("html-reader".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || read_html(&html, reader))
        .map_err(|e| format!("cannot start the page reader: {e}"))?
        .join()
        .map_err(|_| "the web page could not be parsed".to_string())?
}

fn read_html(html: &str, reader: Reader) -> Result<Decoded, String> {
    let document = Document::from(html);
    // The parser's own tree decides: what it nests (implied elements, misnested tags) is
    // what the reader below walks. Its html, head and body add three levels.
    let (depth, nodes) = tree_shape(&document);
    if depth > MAX_DEPTH + 3 {
        return Err(too_deep(depth.saturating_sub(3)));
    }
    if nodes.saturating_mul(depth) > MAX_NODES_TIMES_DEPTH {
        return Err(format!(
            "web page is too deeply nested for its size ({nodes} nodes, {depth} deep); not read"
        ));
    }
    let page = PageMeta::of(&document);
    let found = body::find(html, document, &page, reader, nodes)?;
    let (body, title, excerpt, byline, site, published) = (
        found.body,
        found.title,
        found.excerpt,
        found.byline,
        found.site,
        found.published,
    );
    let title = page
        .headline
        .clone()
        .or(title)
        .or_else(|| page.title.clone());
    let mut text = String::new();
    let starts_with =
        |body: &str, line: &str| body.lines().take(3).any(|l| l.trim() == line.trim());
    if let Some(t) = &title
        && !starts_with(&body, t)
    {
        text.push_str(t);
        text.push('\n');
    }
    // The standfirst: the page's description, when the page shows it and the body lacks it.
    let mut put_standfirst = None;
    if let Some(standfirst) = excerpt.or_else(|| page.description.clone())
        && !body.contains(standfirst.as_str())
        && page.visible_lines.contains(&standfirst)
    {
        text.push_str(&standfirst);
        text.push('\n');
        put_standfirst = Some(standfirst);
    }
    let author = page.author.clone().or_else(|| byline.clone());
    // After a "More stories" heading, the short lines that follow are links, up to the
    // next real paragraph.
    let mut in_links = false;
    for line in body.lines() {
        let words = line.split_whitespace().count();
        if is_links_heading(line) {
            in_links = true;
            continue;
        }
        // Link titles do not end a sentence; a paragraph does.
        let sentence = line.trim_end().ends_with(['.', '?', '!', '"', '”', '’']);
        if in_links && words < 20 && !sentence {
            continue;
        }
        in_links = false;
        if !is_chrome_line(line, author.as_deref()) {
            text.push_str(line);
            text.push('\n');
        }
    }
    let text = tidy_lines(&text);
    if text.is_empty() {
        return Err("web page has no article text".into());
    }
    let meta = ArticleMeta {
        outlet: page.outlet.or(site),
        author: page.author.or(byline),
        published: page.published.or(published),
        url: page.url,
    };
    Ok(Decoded {
        text,
        title,
        standfirst: put_standfirst,
        meta,
        warnings: Vec::new(),
    })
}

/// A heading over a list of links to other stories ("You may also like", "Don't miss").
fn is_links_heading(line: &str) -> bool {
    const HEADINGS: [&str; 12] = [
        "you may also like",
        "you might also like",
        "more stories",
        "more from",
        "don't miss",
        "don’t miss",
        "recommended for you",
        "related stories",
        "related articles",
        "most popular",
        "most read",
        "more great",
    ];
    // A label standing alone over the links ("More:", "Related", "Read more").
    const LABELS: [&str; 10] = [
        "more",
        "read more",
        "related",
        "related content",
        "related coverage",
        "see also",
        "also read",
        "read also",
        "more on this",
        "more on this story",
    ];
    let lower = line.trim().to_lowercase();
    let label = lower.trim_end_matches([':', '.', '…', ' ']);
    LABELS.contains(&label)
        || lower.split_whitespace().count() <= 6 && HEADINGS.iter().any(|h| lower.starts_with(h))
}

/// Lines that pages put between paragraphs and that are no part of the article: ad slots
/// ("Advertisement"), "continue reading" prompts, share bars, and the byline (which the
/// metadata keeps).
fn is_chrome_line(line: &str, author: Option<&str>) -> bool {
    const CHROME: [&str; 14] = [
        "advert",
        "advertisement",
        "advertisements",
        "this slideshow requires javascript",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading the main story",
        "continue reading below",
        "scroll to continue with content",
        "share",
        "share this article",
        "copy link",
        "sponsored",
    ];
    let lower = line.trim().trim_end_matches([':', '.']).to_lowercase();
    if CHROME.contains(&lower.as_str()) {
        return true;
    }
    let words = lower.split_whitespace().count();
    // Links to other stories set between paragraphs ("Related: …", "Read more: …"), wire
    // credits ("(Reporting by …; editing by …)") and copyright lines.
    const LINK_PREFIXES: [&str; 8] = [
        "related:",
        "related post:",
        "read more:",
        "see more:",
        "read also:",
        "see also:",
        "also read:",
        "more:",
    ];
    if LINK_PREFIXES.iter().any(|p| lower.starts_with(p)) && words <= 25 {
        return true;
    }
    if (lower.starts_with("(reporting by") || lower.starts_with("reporting by"))
        && lower.contains("editing by")
        || (lower.starts_with('©') || lower.starts_with("copyright")) && words <= 20
    {
        return true;
    }
    if let Some(author) = author
        && words <= 12
        && let Some(rest) = lower.strip_prefix("by ")
    {
        let first = author
            .split([',', '&'])
            .next()
            .unwrap_or(author)
            .trim()
            .to_lowercase();
        return !first.is_empty() && rest.starts_with(&first);
    }
    false
}

/// What the page says about itself in `<meta>`, `<link rel=canonical>` and JSON-LD.
#[derive(Default)]
pub(super) struct PageMeta {
    title: Option<String>,
    headline: Option<String>,
    description: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    published: Option<String>,
    url: Option<String>,
    /// The page's visible text lines (outside scripts and styles), to find the standfirst.
    visible_lines: Vec<String>,
    body_text: String,
}

impl PageMeta {
    fn of(doc: &Document) -> Self {
        let meta = |keys: &[&str]| -> Option<String> {
            for key in keys {
                for attr in ["property", "name", "itemprop"] {
                    let sel = format!("meta[{attr}=\"{key}\" i]");
                    if let Some(v) = doc
                        .select(&sel)
                        .nodes()
                        .iter()
                        .find_map(|n| n.attr("content").as_deref().and_then(clean_field))
                    {
                        return Some(v);
                    }
                }
            }
            None
        };
        let mut m = PageMeta {
            title: doc
                .select("title")
                .nodes()
                .first()
                .and_then(|n| clean_field(&n.text())),
            description: meta(&["og:description", "description", "twitter:description"]),
            outlet: meta(&["og:site_name", "application-name", "publisher"]),
            author: meta(&[
                "author",
                "article:author",
                "sailthru.author",
                "parsely-author",
                "dc.creator",
            ])
            .filter(|a| !a.starts_with("http")),
            published: meta(&[
                "article:published_time",
                "datePublished",
                "pubdate",
                "publishdate",
                "dc.date",
                "date",
                "sailthru.date",
                "parsely-pub-date",
            ]),
            url: doc
                .select("link[rel=\"canonical\" i]")
                .nodes()
                .iter()
                .find_map(|n| n.attr("href").as_deref().and_then(clean_field))
                .or_else(|| meta(&["og:url"])),
            headline: meta(&["og:title", "twitter:title"]),
            ..PageMeta::default()
        };
        for node in doc.select("script[type=\"application/ld+json\" i]").nodes() {
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&node.text()) {
                m.read_json_ld(&json, 0);
            }
        }
        let body = doc.select("body");
        let mut visible = String::new();
        for node in body.nodes() {
            visible.push_str(&node.formatted_text());
        }
        m.body_text = tidy_lines(&visible);
        m.visible_lines = m.body_text.lines().map(str::to_string).collect();
        m
    }

    /// Fill from a JSON-LD NewsArticle (or any *Article / Report), looking into @graph and
    /// arrays. JSON-LD is what the publisher states; it wins over `<meta>` guesses.
    fn read_json_ld(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.read_json_ld(i, depth + 1)),
            Value::Object(o) => {
                if let Some(graph) = o.get("@graph") {
                    self.read_json_ld(graph, depth + 1);
                }
                let types: Vec<&str> = match o.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                if !types
                    .iter()
                    .any(|t| t.ends_with("Article") || *t == "Report" || *t == "BlogPosting")
                {
                    return;
                }
                let s = |key: &str| o.get(key).and_then(Value::as_str).and_then(clean_field);
                let name_of = |v: &Value| -> Option<String> {
                    match v {
                        Value::String(s) => clean_field(s),
                        Value::Object(o) => {
                            o.get("name").and_then(Value::as_str).and_then(clean_field)
                        }
                        _ => None,
                    }
                };
                if let Some(h) = s("headline") {
                    self.headline = Some(h);
                }
                if let Some(d) = s("datePublished") {
                    self.published = Some(d);
                }
                if let Some(u) = s("url").or_else(|| s("mainEntityOfPage")) {
                    self.url.get_or_insert(u);
                }
                let author = match o.get("author") {
                    Some(Value::Array(a)) => {
                        let names: Vec<String> = a.iter().filter_map(name_of).collect();
                        (!names.is_empty()).then(|| names.join(", "))
                    }
                    Some(v) => name_of(v),
                    None => None,
                };
                if author.is_some() {
                    self.author = author;
                }
                if let Some(p) = o.get("publisher").and_then(name_of) {
                    self.outlet = Some(p);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_ad_slots_and_bylines() {
        assert!(is_chrome_line("ADVERTISEMENT", None));
        assert!(is_chrome_line(
            "By Jane Reporter · 13 February 2024",
            Some("Jane Reporter")
        ));
        assert!(!is_chrome_line(
            "By Tuesday the talks had stalled.",
            Some("Jane Reporter")
        ));
        assert!(!is_chrome_line("Share prices fell.", None));
        assert!(is_chrome_line("Read more: Talks stall in Cairo", None));
        assert!(is_chrome_line(
            "(Reporting by Ann Lee; editing by Bob Roe)",
            None
        ));
        assert!(is_chrome_line("© 2024 The Daily Example", None));
        assert!(!is_chrome_line(
            "Related talks will resume on Monday.",
            None
        ));
    }

    /// A bare "More:" over link titles (a list of other stories): the titles are no part
    /// of the article, and the paragraph after them is.
    #[test]
    fn a_bare_more_label_heads_a_list_of_links() {
        assert!(is_links_heading("More:"));
        assert!(is_links_heading("Related"));
        assert!(!is_links_heading(
            "More than 2,500 civilians have been killed."
        ));
        let filler = "<p>The council met on Monday evening to discuss the budget for the coming \
                      year, and members spoke for several hours about schools and roads.</p>"
            .repeat(4);
        let page = format!(
            "<!DOCTYPE html><html><head><title>Budget row</title></head><body><article>\
             <h1>Budget row</h1>{filler}<h4>More:</h4>\
             <ul><li><h4><a href=\"/a\">Mayor sees talks as only hope</a></h4></li></ul>\
             <ul><li><h4><a href=\"/b\">Critics must be heard: council</a></h4></li></ul>\
             <p>It did not say when the council would vote, and members left without a deal.</p>\
             {filler}</article></body></html>"
        );
        let d = read(page.as_bytes()).unwrap();
        assert!(!d.text.contains("only hope"), "{}", d.text);
        assert!(!d.text.contains("must be heard"), "{}", d.text);
        assert!(!d.text.contains("More:"), "{}", d.text);
        assert!(d.text.contains("It did not say when"), "{}", d.text);
    }

    /// A small article page in Windows-1252, metadata in a JSON-LD @graph.
    #[test]
    fn legacy_charset_and_json_ld_graph() {
        let body =
            "<p>The council met on Monday evening to discuss the budget for the coming year, \
                    and members spoke for several hours about schools and roads.</p>"
                .repeat(4);
        let page = format!(
            "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Budget row | Gazette</title>\
             <script type=\"application/ld+json\">{{\"@graph\":[{{\"@type\":\"WebSite\",\"name\":\"x\"}},\
             {{\"@type\":[\"NewsArticle\"],\"headline\":\"Budget row\",\"datePublished\":\"2024-05-01\",\
             \"author\":{{\"@type\":\"Person\",\"name\":\"Ann Lee\"}},\"publisher\":{{\"name\":\"Gazette\"}},\
             \"url\":\"https://gazette.example/budget\"}}]}}</script></head><body><article><h1>Budget row</h1>\
             <p>\u{93}We will not cut schools,\u{94} the mayor said.</p>{body}</article></body></html>"
        );
        // The page's bytes: every char below 256 as one byte, so the quotes are 0x93/0x94
        // (Windows-1252 “ and ”).
        let bytes: Vec<u8> = page.chars().map(|c| c as u32 as u8).collect();
        let d = read(&bytes).unwrap();
        assert_eq!(d.title.as_deref(), Some("Budget row"));
        assert!(
            d.text.starts_with(
                "Budget row\n\u{201c}We will not cut schools,\u{201d} the mayor said.\n"
            ),
            "{}",
            d.text
        );
        assert_eq!(d.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Gazette"));
        assert_eq!(d.meta.published.as_deref(), Some("2024-05-01"));
        assert_eq!(
            d.meta.url.as_deref(),
            Some("https://gazette.example/budget")
        );
    }

    #[test]
    fn counts_nesting_without_a_tree() {
        assert_eq!(nesting_depth("<div><p>a<p>b</div><br><img/>"), 1);
        assert_eq!(nesting_depth(&"<div>".repeat(50)), 50);
        // End tags of elements that are not open do not close anything, and the end tag
        // of an ordinary element does not close a special one opened inside it.
        assert_eq!(nesting_depth(&"<div></x>".repeat(50)), 50);
        assert_eq!(nesting_depth(&"<x><div></x>".repeat(50)), 100);
        assert_eq!(nesting_depth(&"<x><span></x>".repeat(50)), 2);
        assert_eq!(nesting_depth(&"<div><x></div>".repeat(50)), 2);
        assert_eq!(nesting_depth(&"<div></span></div>".repeat(50)), 1);
        // An end tag closes the elements left open inside its element.
        assert_eq!(nesting_depth("<div><span><b>x</div><div>"), 3);
        assert_eq!(nesting_depth(&"<table><tr><td>x".repeat(3)), 3);
        // Script text and comments are not markup.
        assert_eq!(
            nesting_depth("<div><script>if (a<b && c<d) {}</SCRIPT><!-- <div><div> --></div>"),
            1
        );
    }

    /// Unmatched end tags (`<div></x>` repeated) nest in the parser's tree; the page is
    /// refused for its depth rather than parsed and scored for minutes.
    #[test]
    fn unmatched_end_tags_are_refused_for_their_depth() {
        let page = format!("<html><body>{}</body></html>", "<div></x>".repeat(20_000));
        let e = read(page.as_bytes()).unwrap_err();
        assert!(e.contains("nests elements"), "{e}");
        let d = Document::from("<div><div><span>a</span></div></div>");
        // document > html > body > div > div > span > text
        assert_eq!(tree_shape(&d), (6, 8)); // and a head
        // The parsed tree decides even where the markup scan would not have refused.
        let e = read_html(&"<div>".repeat(MAX_DEPTH + 10), Reader::Claimdesk).unwrap_err();
        assert!(e.contains("nests elements"), "{e}");
        // Deep, and long under the depth: refused for the work it would take.
        let page = format!("{}{}", "<div>".repeat(1_900), "<p>Words.</p>".repeat(4_000));
        let e = read_html(&page, Reader::Claimdesk).unwrap_err();
        assert!(e.contains("too deeply nested for its size"), "{e}");
    }

    #[test]
    fn finds_the_declared_charset() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1252\">").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=content-type content='text/html; charset=ISO-8859-1'>"
            )
            .as_deref(),
            Some("iso-8859-1")
        );
    }
}
