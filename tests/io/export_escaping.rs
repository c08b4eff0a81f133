//! Issue 9: user text in exports is data. ClaimReview is safe to paste into a `<script>`
//! block; CSV neutralises formulas after any leading whitespace and in full width.

use std::path::Path;

use claimdesk::io::export::{self, Format, Options, claimreview};
use claimdesk::io::project_file::load_project;
use claimdesk::model::{Project, Status};
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn fixture() -> Project {
    load_project(Path::new(FIXTURE)).unwrap()
}

const HOSTILE: &str = "</script><script>alert('x')</script> & <!-- \u{2028}\u{2029} -->";

#[test]
fn claimreview_cannot_close_its_script_tag() {
    let mut p = fixture();
    for c in &mut p.claims {
        c.content = format!("{HOSTILE} {}", c.content);
        c.status = Status::False;
    }
    p.speakers[0].name = HOSTILE.into();
    p.articles[0].title = HOSTILE.into();
    p.articles[0].meta.outlet = Some(HOSTILE.into());
    p.settings.organisation = HOSTILE.into();
    let bytes = export::render(&p, Format::ClaimReview, Options::default()).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    for unsafe_char in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!text.contains(unsafe_char), "{unsafe_char:?} in {text}");
    }
    assert!(
        text.contains(r"\u003c/script\u003e\u003cscript\u003e"),
        "{text}"
    );
    // Parsed back, every string is the analyst's text, unchanged.
    let reviews: Value = serde_json::from_str(text).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), p.claims.len());
    for (review, claim) in reviews.iter().zip(export_order(&p)) {
        assert_eq!(review["claimReviewed"], claim);
    }
    assert_eq!(reviews[0]["author"]["name"], HOSTILE);
}

fn export_order(p: &Project) -> Vec<String> {
    let json = export::render(p, Format::Json, Options::default()).unwrap();
    let doc: Value = serde_json::from_slice(&json).unwrap();
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["content"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn review_address_patterns_must_be_plain_http_addresses() {
    let mut p = fixture();
    for c in &mut p.claims {
        c.status = Status::Verified;
    }
    for (pattern, ok) in [
        ("https://example.org/checks/{id}", true),
        ("http://example.org/c?id={id}", true),
        ("javascript:alert({id})", false),
        ("https://example.org/</script>{id}", false),
        ("https://example.org/a?x=1&id={id}", false),
        ("https://example.org/\u{2028}{id}", false),
    ] {
        assert_eq!(claimreview::valid_review_pattern(pattern), ok, "{pattern}");
        p.settings.review_url_pattern = pattern.into();
        let bytes = export::render(&p, Format::ClaimReview, Options::default()).unwrap();
        let reviews: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(reviews[0].get("url").is_some(), ok, "{pattern}");
        let warned = !export::warnings(&p, Format::ClaimReview).is_empty();
        assert_eq!(warned, !ok, "{pattern}");
    }
}

#[test]
fn csv_neutralises_formulas_behind_any_whitespace() {
    let mut p = fixture();
    let cells = [
        "  =HYPERLINK(\"http://evil\")",
        "\u{3000}=1+1",
        "\n+1",
        "\r\n-1",
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
    ];
    for (c, cell) in p.claims.iter_mut().zip(cells.iter().cycle()) {
        c.content = (*cell).into();
    }
    p.claims[0].notes = cells[4].into();
    let bytes = export::render(&p, Format::Csv, Options::default()).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().unwrap().clone();
    let claim_col = headers.iter().position(|h| h == "claim").unwrap();
    let notes_col = headers.iter().position(|h| h == "notes").unwrap();
    let mut seen = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let claim = &record[claim_col];
        assert!(claim.starts_with('\''), "{claim:?} is not neutralised");
        assert!(cells.contains(&&claim[1..]), "{claim:?}");
        seen += 1;
    }
    assert_eq!(seen, p.claims.len());
    let first = csv::Reader::from_reader(&bytes[..])
        .records()
        .next()
        .unwrap()
        .unwrap();
    assert!(first[notes_col].starts_with('\''));
}
