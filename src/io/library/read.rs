//! Fact-checks in: ClaimReview JSON-LD in every shape it is published in, and claimdesk
//! projects.
//!
//! A ClaimReview file may hold one review object, an array of them, a JSON-LD `@graph`,
//! or a schema.org `DataFeed` whose `dataFeedElement[]` each carry an `item[]` (Google's
//! Fact Check Markup feed); shapes nest (an array of graphs, a feed of arrays). Any
//! object whose `@type` is or includes `ClaimReview` is taken; everything else is passed
//! over. claimdesk's own `export --format claimreview` is such a file. A `.claimdesk`
//! project gives its claims with a verdict (every status but Unchecked and Not a claim).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use serde_json::value::RawValue;

use super::Review;
use crate::io::export::claimreview::review_url;
use crate::io::export::verdict_date;
use crate::io::project_file;
use crate::io::regular_file::read_regular;
use crate::model::{Project, Status};

/// What a file gave: its reviews, and how many of its ClaimReview objects were passed
/// over for having no address or no claim.
#[derive(Debug, Default)]
pub struct FileReviews {
    pub reviews: Vec<Review>,
    pub skipped: usize,
}

/// The largest file read (a library file of 300,000 reviews is about 130 MB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// Read one file of fact-checks. The error is one line and names the file.
pub fn read_file(path: &Path) -> Result<FileReviews, String> {
    let name = path.display();
    let is_project = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("claimdesk"));
    if is_project {
        let project = project_file::load_project(path).map_err(|e| e.to_string())?;
        return Ok(from_project(&project, path));
    }
    // Opened without waiting on a FIFO, its type and size checked from the open file, and
    // never read past the limit.
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|e| format!("{name}: {e}"))?;
    if project_file::looks_like_project(&bytes) {
        let project = project_file::load_project(path).map_err(|e| e.to_string())?;
        return Ok(from_project(&project, path));
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    // The whole file is checked as JSON first, then taken apart without building one tree
    // of it: each review is parsed on its own (a 300,000-review file stays small in memory).
    let raw: &RawValue = serde_json::from_slice(text).map_err(|e| {
        format!(
            "{name}: not JSON ClaimReview (line {}, column {}: {e})",
            e.line(),
            e.column()
        )
    })?;
    let mut out = FileReviews::default();
    let mut found = 0usize;
    collect(raw, 0, &mut out, &mut found).map_err(|e| format!("{name}: not ClaimReview: {e}"))?;
    if found == 0 {
        return Err(format!("{name}: no ClaimReview in this JSON"));
    }
    Ok(out)
}

/// How deep shapes may nest before the rest is ignored (serde_json stops at 128 anyway).
const MAX_DEPTH: usize = 16;

fn collect(
    raw: &RawValue,
    depth: usize,
    out: &mut FileReviews,
    found: &mut usize,
) -> Result<(), serde_json::Error> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    match raw.get().as_bytes().first() {
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(raw.get())?;
            for item in items {
                collect(item, depth + 1, out, found)?;
            }
        }
        Some(b'{') => {
            let map: HashMap<String, &RawValue> = serde_json::from_str(raw.get())?;
            let typed = match map.get("@type") {
                Some(t) => has_type(&serde_json::from_str(t.get())?, "ClaimReview"),
                None => false,
            };
            if typed {
                *found += 1;
                let value: Value = serde_json::from_str(raw.get())?;
                match review_of(&value) {
                    Some(r) => out.reviews.push(r),
                    None => out.skipped += 1,
                }
                return Ok(());
            }
            for key in ["@graph", "dataFeedElement", "item", "itemListElement"] {
                if let Some(v) = map.get(key) {
                    collect(v, depth + 1, out, found)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Is `types` (a `@type` value: a string or an array of them) or does it include `wanted`
/// (also as a full address, `https://schema.org/ClaimReview`)?
fn has_type(types: &Value, wanted: &str) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|s| s == wanted || s.rsplit(['/', ':', '#']).next() == Some(wanted))
    };
    match types {
        Value::Array(types) => types.iter().any(is),
        t => is(t),
    }
}

/// A string, or the `name` of an object, or the first of an array of either.
fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Object(m)) => text_of(m.get("name")),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| text_of(Some(v)))
            .find(|s| !s.is_empty())
            .unwrap_or_default(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn review_of(v: &Value) -> Option<Review> {
    let url = text_of(v.get("url"));
    let url = if url.is_empty() {
        text_of(v.get("@id"))
    } else {
        url
    };
    let mut claim = text_of(v.get("claimReviewed"));
    if claim.is_empty() {
        claim = v
            .get("itemReviewed")
            .map(|i| text_of(i.get("name")))
            .unwrap_or_default();
    }
    let mut title = text_of(v.get("name"));
    if title.is_empty() {
        title = text_of(v.get("headline"));
    }
    if url.is_empty() || (claim.is_empty() && title.is_empty()) {
        return None;
    }
    Some(Review {
        claim_reviewed: claim,
        title,
        url,
        rating: v.get("reviewRating").map(rating_of).unwrap_or_default(),
        author: text_of(v.get("author")),
        date: text_of(v.get("datePublished")),
    })
}

/// The rating's words (`alternateName`), else "value/best".
fn rating_of(r: &Value) -> String {
    let words = text_of(r.get("alternateName"));
    if !words.is_empty() {
        return words;
    }
    let value = text_of(r.get("ratingValue"));
    let best = text_of(r.get("bestRating"));
    match (value.is_empty(), best.is_empty()) {
        (true, _) => String::new(),
        (false, true) => value,
        (false, false) => format!("{value}/{best}"),
    }
}

/// A project's claims with a verdict. A claim's address is the project's review address
/// (Settings → review URL pattern) or, without one, `claimdesk:FILE#ID`, so that adding
/// the project again replaces nothing and adds nothing twice.
pub fn from_project(project: &Project, path: &Path) -> FileReviews {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reviews = project
        .claims
        .iter()
        .filter(|c| !matches!(c.status, Status::Unchecked | Status::Rejected))
        .filter(|c| !c.content.trim().is_empty())
        .map(|c| Review {
            claim_reviewed: c.content.trim().to_owned(),
            title: String::new(),
            url: review_url(&project.settings.review_url_pattern, c.id.0)
                .unwrap_or_else(|| format!("claimdesk:{file}#{}", c.id.0)),
            rating: c.status.label().to_owned(),
            author: project.settings.organisation.trim().to_owned(),
            date: verdict_date(c).unwrap_or_default(),
        })
        .collect();
    FileReviews {
        reviews,
        skipped: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<FileReviews, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("r.json");
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        read_file(&path)
    }

    #[test]
    fn types_addresses_and_missing_fields() {
        let got = read(
            "\u{feff}[{\"@type\": [\"Thing\", \"https://schema.org/ClaimReview\"], \"@id\": \"https://x.example/1\",
               \"itemReviewed\": {\"@type\": \"Claim\", \"name\": \"Tides are caused by wind\"},
               \"author\": [{\"name\": \"\"}, {\"name\": \"Desk\"}],
               \"reviewRating\": {\"ratingValue\": 2, \"bestRating\": 5}},
              {\"@type\": \"ClaimReview\", \"claimReviewed\": \"no address\"},
              {\"@type\": \"ClaimReview\", \"url\": \"https://x.example/2\"}]",
        )
        .unwrap();
        assert_eq!(got.reviews.len(), 1);
        assert_eq!(got.skipped, 2, "no url; no claim and no title");
        let r = &got.reviews[0];
        assert_eq!(r.url, "https://x.example/1");
        assert_eq!(r.claim_reviewed, "Tides are caused by wind");
        assert_eq!(r.author, "Desk");
        assert_eq!(r.rating, "2/5");
    }

    #[test]
    fn bad_files_give_one_line_naming_the_file() {
        for (text, says) in [
            ("", "not JSON"),
            ("{\"@type\": \"ClaimReview\", \"url\": \"x\"", "not JSON"),
            ("{\"@type\": \"Article\"}", "no ClaimReview"),
            ("[1, 2, \"three\"]", "no ClaimReview"),
        ] {
            let e = read(text).unwrap_err();
            assert!(e.contains("r.json") && e.contains(says), "{text:?}: {e}");
            assert_eq!(e.lines().count(), 1, "{e}");
        }
    }
}
