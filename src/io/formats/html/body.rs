//! Which part of a page is the article's body: dom_smoothie (Readability) and
//! rs-trafilatura, alone or together (see docs/import.md for what each scores).

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::{MAX_ELEMENTS, PageMeta, clean_field, tidy_lines};

/// The readers a page's body can be found with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// claimdesk's own: the combination measured best.
    Claimdesk,
    /// dom_smoothie alone (Firefox's Reader View).
    Readability,
    /// rs-trafilatura alone.
    Trafilatura,
}

/// What a reader found: the body (one paragraph a line) and what it learnt on the way.
#[derive(Default)]
pub(super) struct Found {
    pub body: String,
    pub title: Option<String>,
    pub excerpt: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
}

/// Pages with more nodes than this are read by Readability alone: rs-trafilatura's pass
/// grows faster than the page (1.6 s on 10,000 nodes, 9 s on 47,000), and news pages
/// have a few thousand (the benchmark's largest, about 1,700 elements).
pub(super) const MAX_NODES_FOR_BOTH: usize = 20_000;

pub(super) fn find(
    html: &str,
    document: Document,
    page: &PageMeta,
    reader: Reader,
    nodes: usize,
) -> Result<Found, String> {
    let reader = match reader {
        Reader::Claimdesk if nodes > MAX_NODES_FOR_BOTH => Reader::Readability,
        r => r,
    };
    match reader {
        Reader::Readability => readability(document, page),
        Reader::Trafilatura => Ok(trafilatura(html).unwrap_or_else(|| fallback(page))),
        Reader::Claimdesk => {
            let read = readability(document, page)?;
            Ok(match trafilatura(html) {
                Some(other) => Found {
                    body: agreed(&read.body, &other.body),
                    ..read
                },
                None => read,
            })
        }
    }
}

/// The lines of `body` that `other` has too: at least half of a line's runs of four words
/// (the whole line when shorter) are found in `other`. Two readers that pick the article
/// by different means rarely keep the same chrome. When they disagree on most of the
/// article (each found another part of the page), `body` is kept whole.
fn agreed(body: &str, other: &str) -> String {
    // Every run of one to four words of `other`, hashed: each line is then checked in time
    // linear in its length, whatever the page's size.
    let other_words = words(other);
    let mut runs = std::collections::HashSet::new();
    for n in 1..=4 {
        runs.extend(other_words.windows(n).map(run_hash));
    }
    let mut kept = Vec::new();
    let (mut all, mut kept_words) = (0usize, 0usize);
    for line in body.lines() {
        let w = words(line);
        all += w.len();
        let keep = if w.len() < 4 {
            w.is_empty() || runs.contains(&run_hash(&w))
        } else {
            let total = w.len() - 3;
            let found = w.windows(4).filter(|r| runs.contains(&run_hash(r))).count();
            found * 2 >= total
        };
        if keep {
            kept_words += w.len();
            kept.push(line);
        }
    }
    if kept_words * 2 < all {
        return body.to_string();
    }
    kept.join("\n")
}

fn run_hash(run: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    run.hash(&mut h);
    h.finish()
}

/// Lower-case words (runs of letters, digits and `_`), as the benchmark counts them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn readability(document: Document, page: &PageMeta) -> Result<Found, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, None, Some(config))
        .map_err(|e| format!("cannot read the web page: {e}"))?;
    match readability.parse() {
        Ok(a) => Ok(Found {
            body: tidy_lines(&a.text_content),
            title: clean_field(&a.title),
            excerpt: a.excerpt.as_deref().and_then(clean_field),
            byline: a.byline.as_deref().and_then(clean_field),
            site: a.site_name.as_deref().and_then(clean_field),
            published: a.published_time.as_deref().and_then(clean_field),
        }),
        Err(dom_smoothie::ReadabilityError::TooManyElements(..)) => Err(format!(
            "web page has more than {MAX_ELEMENTS} elements; not read"
        )),
        Err(_) => Ok(fallback(page)),
    }
}

/// The page's visible text, when no reader finds an article in it.
fn fallback(page: &PageMeta) -> Found {
    Found {
        body: page.body_text.clone(),
        title: page.title.clone(),
        ..Found::default()
    }
}

/// rs-trafilatura's body, or `None` when it finds none (or fails).
fn trafilatura(html: &str) -> Option<Found> {
    let result = std::panic::catch_unwind(|| rs_trafilatura::extract(html)).ok()?;
    let result = result.ok()?;
    let body = tidy_lines(&result.content_text);
    if body.is_empty() {
        return None;
    }
    Some(Found {
        body,
        title: result.metadata.title.as_deref().and_then(clean_field),
        excerpt: None,
        byline: result.metadata.author.as_deref().and_then(clean_field),
        site: result.metadata.sitename.as_deref().and_then(clean_field),
        published: result.metadata.date.map(|d| d.to_rfc3339()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_lines_both_readers_have() {
        let body = "The council met on Monday to argue over the budget.\n\
                    Sign up for our daily newsletter and never miss a story\n\
                    \"We will not cut schools,\" the mayor said after the vote.\n\
                    Short line";
        let other = "The council met on Monday to argue over the budget. \
                     \"We will not cut schools,\" the mayor said after the vote. Short line";
        assert_eq!(
            agreed(body, other),
            "The council met on Monday to argue over the budget.\n\
             \"We will not cut schools,\" the mayor said after the vote.\n\
             Short line"
        );
        // The other reader found another part of the page: the body is kept whole.
        assert_eq!(agreed(body, "Most read: ten other stories"), body);
    }
}
