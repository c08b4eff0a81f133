//! Is it the same claim? (docs/library.md): `library search` prints each result's
//! probability and level, duplicate reviews are one result, fragments assert nothing, and
//! `library check LIB PROJECT` prints one JSON object per claim of a project.

use crate::common;

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

/// `claimdesk export --checked LEVEL,… --library LIB`: the claims the window's "checked
/// before" filter shows; a bad level or a missing library is one line, exit 1.
#[test]
fn export_keeps_the_claims_checked_before_at_the_levels_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let file = d.join("spent.json");
    let reviews = json!([
        review(
            "https://c.example/1",
            "The city spent 40 million dollars on the new bridge",
            "Example Checks"
        ),
        review(
            "https://c.example/2",
            "The moon landing was filmed in a studio",
            "Other Checks"
        ),
    ]);
    fs::write(&file, reviews.to_string()).unwrap();
    let lib = d.join("lib");
    let out = claimdesk(&[&"library", &"add", &lib, &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = d.join("bridge.txt");
    fs::write(
        &article,
        "Bridge costs questioned\n\nMayor Jane Roe said the new bridge over the Elm River \
         cost 40 million dollars. \"The city spent 40 million dollars on the new bridge,\" \
         the treasurer said.\n",
    )
    .unwrap();
    let project = d.join("p.claimdesk");
    let out = claimdesk(&[&"import", &project, &article]);
    assert!(out.status.success(), "{}", stderr(&out));
    let contents = |levels: &str| -> Vec<String> {
        let out = claimdesk(&[
            &"export",
            &project,
            &"--format",
            &"json",
            &"--checked",
            &levels,
            &"--library",
            &lib,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["content"].as_str().unwrap().to_owned())
            .collect()
    };
    let checked = contents("strong,possible");
    assert!(
        !checked.is_empty() && checked.iter().all(|c| c.starts_with("The city spent")),
        "{checked:?}"
    );
    let none = contents("none");
    assert!(
        !none.is_empty() && none.iter().all(|c| !checked.contains(c)),
        "{none:?}"
    );
    // The analyst rejects that match (written into the project file as the window keeps
    // it): `library check` no longer shows it, and the claim is no longer checked before.
    let mut doc: Value = serde_json::from_str(&fs::read_to_string(&project).unwrap()).unwrap();
    for c in doc["project"]["claims"].as_array_mut().unwrap() {
        if c["content"].as_str().unwrap().starts_with("The city spent") {
            c["match_verdicts"] = json!([{"url": "https://c.example/1", "confirmed": false,
                                          "by": "anna", "at": 1_767_225_000}]);
        }
    }
    fs::write(&project, doc.to_string()).unwrap();
    assert!(
        contents("strong,possible").is_empty(),
        "rejected: not checked before"
    );
    assert!(
        contents("none")
            .iter()
            .any(|c| c.starts_with("The city spent"))
    );
    let out = claimdesk(&[&"library", &"check", &lib, &project]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .filter(|l| l.contains("The city spent"))
            .all(|l| l.contains("\"matches\":[]")),
        "{text}"
    );
    for (args, expected) in [
        (
            vec!["--checked", "sure", "--library"],
            "--checked: unknown level \"sure\"; valid levels: strong, possible, none",
        ),
        (
            vec!["--checked", "strong"],
            "--checked needs --library LIB (the claim library to match in)",
        ),
    ] {
        let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"export", &project];
        all.extend(args.iter().map(|a| a as &dyn AsRef<std::ffi::OsStr>));
        if args.last() == Some(&"--library") {
            all.push(&lib);
        }
        let out = claimdesk(&all);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        assert_eq!(stderr(&out).trim(), format!("claimdesk: {expected}"));
    }
}

/// A short claim that shares its one term with a short review restates nothing: not
/// strong ("Now that I got that over with" against a "Got you" hoax was, on news).
#[test]
fn a_short_claim_sharing_one_word_is_no_restatement() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let file = d.join("got.json");
    let reviews = json!([
        review("https://g.example/1", "Got you.", "Example Checks"),
        review(
            "https://g.example/2",
            "The city spent 40 million dollars on the new bridge",
            "Example Checks"
        ),
    ]);
    fs::write(&file, reviews.to_string()).unwrap();
    let lib = d.join("lib");
    claimdesk::io::library::add_files(&lib, &[file]).expect("library made");
    let lib = Library::open(&lib).unwrap();
    let short = "Now that I got that over with...";
    let claim = Claim::of(short, None);
    assert!(
        lib.check(&claim, short, 3).is_empty(),
        "{:?}",
        lib.search_scored(short, 3)
    );
    // A restatement of five terms or more still is one.
    let long = "The city spent 40 million dollars on the new bridge";
    let found = lib.check(&Claim::of(long, None), long, 3);
    assert_eq!(found.first().map(|c| c.level), Some(Level::Strong));
}
