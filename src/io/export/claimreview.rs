//! `--format claimreview`: schema.org ClaimReview as JSON-LD, one review per claim with a
//! verdict (every status but Unchecked; Not a claim only when asked for). The claim's
//! public rationale is the `reviewBody`; its private notes are never written. Shape and
//! rating scale: docs/exports.md.
//!
//! The output is meant to be pasted into `<script type="application/ld+json">`, so no
//! text in it can end the script: `<`, `>`, `&`, U+2028 and U+2029 are written as JSON
//! escapes (`\u003c` …) wherever they occur, which is only ever inside strings.

use serde_json::{Map, Value, json};

use super::{Options, Row, is_web_url, iso_date_prefix, rows, verdict_date};
use crate::model::{Project, Status};

/// The numeric scale of `reviewRating`: worst 1, best 5.
pub const WORST_RATING: u8 = 1;
pub const BEST_RATING: u8 = 5;

/// Where a verdict sits on the 1–5 scale: False 1, Misleading 2, Disputed 3 (the
/// evidence points both ways), Verified 5; 4 is not used. Unverifiable and Unchecked
/// have no place on a true–false scale, nor has Not a claim (only exported when asked
/// for): `None`, and the review carries only the label.
pub fn rating_value(status: Status) -> Option<u8> {
    match status {
        Status::False => Some(1),
        Status::Misleading => Some(2),
        Status::Disputed => Some(3),
        Status::Verified => Some(5),
        Status::Unverifiable | Status::Unchecked | Status::Rejected => None,
    }
}

/// The review address of a claim: the project's pattern with `{id}` replaced by the
/// claim's id, or `None` when the pattern is empty or not a [`valid_review_pattern`].
pub fn review_url(pattern: &str, claim_id: u64) -> Option<String> {
    if !valid_review_pattern(pattern) {
        return None;
    }
    let url = pattern.trim().replace("{id}", &claim_id.to_string());
    is_web_url(&url).then_some(url)
}

/// Characters that could end or confuse a `<script>` block (or an HTML attribute) the
/// reviews are pasted into.
const SCRIPT_UNSAFE: [char; 5] = ['<', '>', '&', '\u{2028}', '\u{2029}'];

/// A review address pattern is an http(s) address without spaces, control characters, or
/// `<`, `>`, `&`, U+2028, U+2029.
pub fn valid_review_pattern(pattern: &str) -> bool {
    let pattern = pattern.trim();
    is_web_url(pattern) && !pattern.contains(SCRIPT_UNSAFE)
}

/// JSON text with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes. These never
/// occur in JSON outside strings, so every one replaced is inside a string, and the text
/// parses back to the same value.
pub fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Every review as a JSON array of ClaimReview objects (pretty, ending with a newline),
/// with the default options (Not a claim left out).
pub fn to_string(project: &Project) -> String {
    to_string_with(project, &Options::default())
}

/// [`to_string`] of the claims `options` choose.
pub fn to_string_with(project: &Project, options: &Options) -> String {
    let reviews: Vec<Value> = rows(project, options)
        .iter()
        .filter(|r| r.claim.status != Status::Unchecked)
        .map(|r| review(project, r))
        .collect();
    let text = serde_json::to_string_pretty(&Value::Array(reviews)).unwrap_or_else(|_| "[]".into());
    let mut text = escape_for_script(&text);
    text.push('\n');
    text
}

/// One ClaimReview. Keys that would be empty are left out rather than written as null.
fn review(project: &Project, row: &Row<'_>) -> Value {
    let c = row.claim;
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    if let Some(url) = review_url(&project.settings.review_url_pattern, c.id.0) {
        review.insert("url".into(), json!(url));
    }
    review.insert("claimReviewed".into(), json!(c.statement()));
    if let Some(date) = verdict_date(c) {
        review.insert("datePublished".into(), json!(date));
    }
    let organisation = project.settings.organisation.trim();
    if !organisation.is_empty() {
        review.insert(
            "author".into(),
            json!({ "@type": "Organization", "name": organisation }),
        );
    }
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    if let Some(value) = rating_value(c.status) {
        rating.insert("ratingValue".into(), json!(value));
        rating.insert("bestRating".into(), json!(BEST_RATING));
        rating.insert("worstRating".into(), json!(WORST_RATING));
    }
    rating.insert("alternateName".into(), json!(c.status.label()));
    review.insert("reviewRating".into(), Value::Object(rating));
    let rationale = c.rationale.trim();
    if !rationale.is_empty() {
        review.insert("reviewBody".into(), json!(rationale));
    }

    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(s) = row.speaker {
        let mut author = Map::new();
        let kind = if s.is_body { "Organization" } else { "Person" };
        author.insert("@type".into(), json!(kind));
        author.insert("name".into(), json!(s.name));
        if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
            // jobTitle belongs to Person; an organisation's role is its description.
            let key = if s.is_body { "description" } else { "jobTitle" };
            author.insert(key.into(), json!(role));
        }
        item.insert("author".into(), Value::Object(author));
    }
    if let Some(article) = row.article {
        let meta = &article.meta;
        let published = meta.published.as_deref().and_then(iso_date_prefix);
        if let Some(date) = published {
            item.insert("datePublished".into(), json!(date));
        }
        let mut appearance = Map::new();
        appearance.insert("@type".into(), json!("CreativeWork"));
        if let Some(url) = meta.url.as_deref().filter(|u| is_web_url(u)) {
            appearance.insert("url".into(), json!(url.trim()));
        }
        appearance.insert("headline".into(), json!(article.title));
        if let Some(date) = published {
            appearance.insert("datePublished".into(), json!(date));
        }
        if let Some(outlet) = meta.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            appearance.insert(
                "publisher".into(),
                json!({ "@type": "Organization", "name": outlet }),
            );
        }
        if let Some(author) = meta.author.as_deref().filter(|a| !a.trim().is_empty()) {
            appearance.insert(
                "author".into(),
                json!({ "@type": "Person", "name": author }),
            );
        }
        item.insert("appearance".into(), Value::Object(appearance));
    }
    review.insert("itemReviewed".into(), Value::Object(item));
    Value::Object(review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_and_urls() {
        assert_eq!(rating_value(Status::False), Some(WORST_RATING));
        assert_eq!(rating_value(Status::Verified), Some(BEST_RATING));
        assert_eq!(rating_value(Status::Unverifiable), None);
        assert_eq!(
            review_url("https://example.org/checks/{id}", 7).as_deref(),
            Some("https://example.org/checks/7")
        );
        assert_eq!(review_url("", 7), None);
        assert_eq!(review_url("javascript:go({id})", 7), None);
        for bad in [
            "https://example.org/<script>/{id}",
            "https://example.org/a?b=1&c={id}",
            "https://example.org/{id}>",
            "https://example.org/\u{2028}{id}",
        ] {
            assert!(!valid_review_pattern(bad), "{bad}");
            assert_eq!(review_url(bad, 7), None, "{bad}");
        }
    }

    #[test]
    fn script_escaping_keeps_the_value() {
        let v = serde_json::json!({"a": "</script><script>alert(1)</script> & \u{2028}\u{2029}"});
        let text = escape_for_script(&serde_json::to_string(&v).unwrap());
        for c in SCRIPT_UNSAFE {
            assert!(!text.contains(c), "{text}");
        }
        assert!(text.contains("\\u003c/script\\u003e"), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
