//! A feed's bytes to its items, by feed-rs (RSS, Atom, JSON Feed): the GUID (or the id
//! feed-rs derives from link and title), the link resolved against the feed's address and
//! kept only if http(s), the title and the date. Newest first where the feed dates its
//! items; at most [`MAX_ITEMS_READ`] are kept. An error is the reason alone.

use super::MAX_ITEMS_READ;

/// An item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub guid: Option<String>,
    /// The article's address (absolute, http or https).
    pub link: Option<String>,
    pub title: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// How many entries the document had (more than `items` when capped).
    pub total: usize,
}

/// Read `bytes` as a feed served from `url`.
pub fn parse_feed(bytes: &[u8], url: &str) -> Result<ParsedFeed, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty, not a feed".into());
    }
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .sanitize_content(false)
        .build();
    let feed = parser.parse(bytes).map_err(|e| match e {
        feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        ) => "is not a feed (no RSS, Atom or JSON Feed document)".to_string(),
        other => format!("is not a readable feed: {}", one_line(&other.to_string())),
    })?;
    let base = url::Url::parse(url).ok();
    let total = feed.entries.len();
    let mut items: Vec<(Option<i64>, Item)> = feed
        .entries
        .into_iter()
        .take(MAX_ITEMS_READ)
        .map(|e| {
            let date = e.published.or(e.updated);
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .and_then(|l| absolute_http(base.as_ref(), l.href.trim()));
            let guid = Some(e.id.trim().to_string()).filter(|g| !g.is_empty());
            let item = Item {
                guid: guid.map(|g| clip(&g, 2048)),
                link,
                title: e.title.map(|t| clip(&one_line(&t.content), 500)),
                published: date.map(|d| d.to_rfc3339()),
            };
            (date.map(|d| d.timestamp()), item)
        })
        .collect();
    // Newest first; undated items keep the feed's order, after the dated ones.
    items.sort_by_key(|(date, _)| std::cmp::Reverse(date.unwrap_or(i64::MIN)));
    Ok(ParsedFeed {
        title: feed
            .title
            .map(|t| clip(&one_line(&t.content), 300))
            .filter(|t| !t.is_empty()),
        items: items.into_iter().map(|(_, i)| i).collect(),
        total,
    })
}

/// `href` resolved against the feed's address, if the result is an http(s) URL.
fn absolute_http(base: Option<&url::Url>, href: &str) -> Option<String> {
    let parsed = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_atom_and_json_feed() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            <item><title>Old</title><link>/a</link><guid>g-a</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
            <item><title>New</title><link>https://news.example/b</link><guid>g-b</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
            <item><title>Mail</title><link>mailto:x@y</link></item>
            </channel></rss>"#;
        let f = parse_feed(rss, "http://feeds.example/rss").expect("rss");
        assert_eq!(f.title.as_deref(), Some("Wire"));
        assert_eq!(f.total, 3);
        assert_eq!(f.items[0].guid.as_deref(), Some("g-b"));
        assert_eq!(f.items[1].link.as_deref(), Some("http://feeds.example/a"));
        assert_eq!(f.items[2].link, None);
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>f</id>
            <entry><id>tag:1</id><title>One</title><link href="https://x.example/1"/><updated>2024-01-01T00:00:00Z</updated></entry></feed>"#;
        let f = parse_feed(atom, "https://x.example/atom").expect("atom");
        assert_eq!(f.items[0].link.as_deref(), Some("https://x.example/1"));
        assert_eq!(f.items[0].guid.as_deref(), Some("tag:1"));
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"7","url":"https://j.example/7","title":"Seven"}]}"#;
        let f = parse_feed(json, "https://j.example/feed.json").expect("json");
        assert_eq!(f.items[0].link.as_deref(), Some("https://j.example/7"));
        assert_eq!(f.items[0].guid.as_deref(), Some("7"));
    }

    /// Deep nesting (inside an item, and as the whole document) neither overflows the
    /// stack nor takes long.
    #[test]
    fn deep_nesting_is_read_in_bounded_time() {
        let depth = 200_000;
        let mut doc = String::from("<rss version=\"2.0\"><channel><item><title>T</title>");
        doc.push_str(&"<x>".repeat(depth));
        doc.push_str(&"</x>".repeat(depth));
        doc.push_str("<link>https://x.example/1</link></item></channel></rss>");
        let started = std::time::Instant::now();
        let _ = parse_feed(doc.as_bytes(), "https://x.example/rss");
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse_feed(json.as_bytes(), "https://x.example/feed.json").is_err());
        let nested_json = format!(
            "{{\"version\":\"https://jsonfeed.org/version/1\",\"title\":{}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(parse_feed(nested_json.as_bytes(), "https://x.example/feed.json").is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn refuses_what_is_no_feed() {
        assert!(parse_feed(b"", "http://x/").unwrap_err().contains("empty"));
        let e = parse_feed(b"<html><body>hi</body></html>", "http://x/").unwrap_err();
        assert!(e.contains("not a feed"), "{e}");
        let e = parse_feed(b"<rss version=\"2.0\"><channel><item><title>x", "http://x/");
        assert!(e.is_err() || e.is_ok_and(|f| f.items.len() <= 1));
    }
}
