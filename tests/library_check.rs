//! Is it the same claim? (docs/library.md): `library search` prints each result's
//! probability and level, duplicate reviews are one result, fragments assert nothing, and
//! `library check LIB PROJECT` prints one JSON object per claim of a project.

mod common;

use common::{claimdesk, stderr};

use std::fs;
use std::path::Path;

use claimdesk::io::library::Library;
use claimdesk::io::library::pair::{Claim, Level};
use serde_json::{Value, json};

fn review(url: &str, claim: &str, author: &str) -> Value {
    json!({
        "@type": "ClaimReview", "url": url, "claimReviewed": claim,
        "author": {"@type": "Organization", "name": author},
        "reviewRating": {"@type": "Rating", "alternateName": "False"}
    })
}

/// A library in which the mayor's claim is reviewed twice by one publisher (a duplicate)
/// and once by another.
fn library(d: &Path) -> std::path::PathBuf {
    let file = d.join("reviews.json");
    let mayor = "Mayor Jane Roe said the new bridge over the Elm River cost 40 million dollars";
    let reviews = json!([
        review("https://a.example/1", mayor, "Example Checks"),
        review("https://a.example/2", mayor, "Example Checks"),
        review("https://b.example/1", mayor, "Other Checks"),
        review(
            "https://a.example/3",
            "Wombats herd animals into their burrows to escape fires",
            "Example Checks"
        ),
    ]);
    fs::write(&file, reviews.to_string()).unwrap();
    let lib = d.join("lib");
    let out = claimdesk(&[&"library", &"add", &lib, &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    lib
}

#[test]
fn search_prints_probability_and_level_and_duplicates_once() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let out = claimdesk(&[
        &"library",
        &"search",
        &lib,
        &"Jane Roe said the new bridge over the Elm River cost 40 million dollars",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    let matches = line["matches"].as_array().unwrap();
    let urls: Vec<&str> = matches.iter().map(|m| m["url"].as_str().unwrap()).collect();
    assert!(
        !(urls.contains(&"https://a.example/1") && urls.contains(&"https://a.example/2")),
        "the same review of one publisher is one result: {urls:?}"
    );
    assert!(urls.contains(&"https://b.example/1"), "{urls:?}");
    for m in matches {
        let p = m["probability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p), "{m}");
        let level = m["level"].as_str().unwrap();
        let expected = if p >= 0.8 {
            "strong"
        } else if p >= 0.4 {
            "possible"
        } else {
            "none"
        };
        assert_eq!(level, expected, "{m}");
        assert!(m["score"].as_f64().is_some());
    }
}

#[test]
fn fragments_and_open_pronouns_are_not_matched() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::open(&library(tmp.path())).unwrap();
    for fragment in [
        "the new bridge over the Elm River",
        "he cost 40 million dollars",
    ] {
        let claim = Claim::of(fragment, None);
        assert!(!claim.asserts, "{fragment}");
        assert!(lib.check(&claim, fragment, 3).is_empty(), "{fragment}");
    }
    // The same words said of someone: matched, the shared name and number found.
    let text = "Jane Roe said the new bridge over the Elm River cost 40 million dollars";
    let claim = Claim::of(text, None);
    assert!(claim.asserts);
    let found = lib.search_scored(text, 3);
    let best = &found[0];
    assert!(best.shared.names.contains(&"Roe".to_owned()), "{best:?}");
    assert!(best.shared.numbers.contains(&"40".to_owned()), "{best:?}");
    assert!(found.iter().all(|c| c.level == Level::of(c.probability)));
}

#[test]
fn check_prints_one_object_per_claim() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let lib = library(d);
    let article = d.join("bridge.txt");
    fs::write(
        &article,
        "Bridge costs questioned\n\nMayor Jane Roe said the new bridge over the Elm River \
         cost 40 million dollars. The council said it would publish the accounts.\n",
    )
    .unwrap();
    let project = d.join("p.claimdesk");
    let out = claimdesk(&[&"import", &project, &article]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = claimdesk(&[&"library", &"check", &lib, &project]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty(), "one object per claim");
    for line in &lines {
        assert!(line["claim_id"].as_u64().is_some(), "{line}");
        assert!(line["article"].as_str().unwrap().ends_with("bridge.txt"));
        assert!(line["claim"].as_str().is_some());
        for m in line["matches"].as_array().unwrap() {
            for key in ["url", "claim_reviewed", "score", "probability", "level"] {
                assert!(m.get(key).is_some(), "{key} missing: {m}");
            }
            assert_ne!(m["level"], "none", "only possible or strong matches: {m}");
        }
    }
    // A library that is not there: one line, exit 1, nothing on stdout.
    let out = claimdesk(&[&"library", &"check", &d.join("none"), &project]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
