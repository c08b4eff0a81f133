//! The claim library (docs/library.md): every input shape added, de-duplication by review
//! address, the `library search` JSON Lines contract, bad files named while the others are
//! added, a newer library refused, and a half-written add never served.

use crate::common;

use common::{big_project, claimdesk, stderr};

use std::fs;
use std::path::{Path, PathBuf};

use claimdesk::io::export::claimreview;
use claimdesk::io::library::{self, Library};
use claimdesk::io::project_file::save_project;
use claimdesk::model::Status;
use serde_json::{Value, json};

fn review(url: &str, claim: &str, rating: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "name": format!("Fact check: {claim}"),
        "datePublished": "2024-05-01",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "alternateName": rating}
    })
}

fn write(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
    path
}

fn urls(lib: &Library) -> Vec<String> {
    let mut u: Vec<String> = lib.reviews().iter().map(|r| r.url.clone()).collect();
    u.sort();
    u
}

#[test]
fn every_shape_is_added_and_re_adding_adds_nothing_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let single = write(
        d,
        "single.json",
        &review(
            "https://a.example/1",
            "Sharks swim on flooded highways",
            "False",
        ),
    );
    let array = write(
        d,
        "array.json",
        &json!([
            review(
                "https://a.example/2",
                "The moon landing was staged",
                "False"
            ),
            review(
                "https://a.example/3",
                "Wombats shelter other animals in burrows",
                "Mostly false"
            ),
        ]),
    );
    let graph = write(
        d,
        "graph.json",
        &json!({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "not a review"},
            review("https://a.example/4", "Drinking bleach cures the flu", "False")
        ]}),
    );
    let feed = write(
        d,
        "feed.json",
        &json!({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review("https://a.example/5", "The bridge closed for good in March", "True")]},
            {"@type": "DataFeedItem", "item": [review("https://a.example/6", "Prices doubled in one year", "Misleading")]}
        ]}),
    );
    // claimdesk's own ClaimReview export, and the project itself.
    let mut project = big_project(1, 6, "lib");
    project.settings.review_url_pattern = "https://checks.example/{id}".into();
    let export = d.join("export.json");
    fs::write(&export, claimreview::to_string(&project)).unwrap();
    let mut own = project.clone();
    own.settings.review_url_pattern.clear();
    let project_path = d.join("desk.claimdesk");
    save_project(&project_path, &own).unwrap();
    let with_verdict = project
        .claims
        .iter()
        .filter(|c| !matches!(c.status, Status::Unchecked | Status::Rejected))
        .count();
    assert!(with_verdict > 0);

    let lib_dir = d.join("lib");
    let files = [
        single,
        array,
        graph,
        feed,
        export.clone(),
        project_path.clone(),
    ];
    let report = library::add_files(&lib_dir, &files).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.added, 6 + 2 * with_verdict);
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.len(), report.added);
    let found = urls(&lib);
    for i in 1..=6 {
        assert!(
            found.contains(&format!("https://a.example/{i}")),
            "{found:?}"
        );
    }
    assert!(
        found
            .iter()
            .any(|u| u.starts_with("https://checks.example/"))
    );
    assert!(
        found
            .iter()
            .any(|u| u.starts_with("claimdesk:desk.claimdesk#"))
    );
    let feed_review = lib
        .reviews()
        .iter()
        .find(|r| r.url == "https://a.example/6")
        .unwrap();
    assert_eq!(feed_review.rating, "Misleading");
    assert_eq!(feed_review.author, "Example Checks");
    assert_eq!(feed_review.date, "2024-05-01");

    // Again: nothing new, nothing written.
    let manifest = fs::read(lib_dir.join("library.json")).unwrap();
    let again = library::add_files(&lib_dir, &files).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(again.unchanged, report.added);
    assert_eq!(fs::read(lib_dir.join("library.json")).unwrap(), manifest);

    // A review whose verdict changed replaces the one with the same address.
    let changed = write(
        d,
        "changed.json",
        &review(
            "https://a.example/2",
            "The moon landing was staged",
            "Pants on fire",
        ),
    );
    let r = library::add_files(&lib_dir, &[changed]).unwrap();
    assert_eq!((r.added, r.updated), (0, 1));
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.len(), report.added);
    let moon = lib
        .reviews()
        .iter()
        .find(|r| r.url == "https://a.example/2")
        .unwrap();
    assert_eq!(moon.rating, "Pants on fire");
}

/// A library of a few reviews, through the real binary.
fn small_library(d: &Path) -> PathBuf {
    let file = write(
        d,
        "reviews.json",
        &json!([
            review(
                "https://a.example/shark",
                "A photograph shows a shark swimming on a flooded highway after a hurricane",
                "False"
            ),
            review(
                "https://a.example/moon",
                "The moon landing was staged in a studio",
                "False"
            ),
            review(
                "https://a.example/wombat",
                "Wombats are herding animals into their burrows to escape the wildfires",
                "Mostly false"
            ),
        ]),
    );
    let lib = d.join("lib");
    let out = claimdesk(&[&"library", &"add", &lib, &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    lib
}

#[test]
fn search_prints_one_json_line_per_query_in_order_best_first() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = small_library(tmp.path());
    let queries = tmp.path().join("queries.txt");
    fs::write(
        &queries,
        "Wombats herding animals into burrows 🔥 #AustralianFires pic.twitter.com/x — Jo (@jo) January 14, 2020\n\
         \n\
         shark on the flooded highway!! https://t.co/abc\n\
         nothing matches this zzzz\n",
    )
    .unwrap();
    let out = claimdesk(&[
        &"library",
        &"search",
        &lib,
        &"--queries",
        &queries,
        &"--limit",
        &"2",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        4,
        "one object per query line, the empty one included"
    );
    assert!(
        lines[0]["query"]
            .as_str()
            .unwrap()
            .starts_with("Wombats herding")
    );
    assert_eq!(lines[1]["query"], "");
    assert_eq!(lines[1]["matches"], json!([]));
    assert_eq!(lines[3]["matches"], json!([]));
    let first = &lines[0]["matches"][0];
    assert_eq!(first["url"], "https://a.example/wombat");
    assert_eq!(lines[2]["matches"][0]["url"], "https://a.example/shark");
    // Every documented key, and scores best first.
    for key in ["claim_reviewed", "url", "rating", "author", "date", "score"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!(first["rating"], "Mostly false");
    assert_eq!(first["author"], "Example Checks");
    for line in &lines {
        let scores: Vec<f64> = line["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["score"].as_f64().unwrap())
            .collect();
        assert!(scores.len() <= 2);
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }
    // A query given as TEXT.
    let out = claimdesk(&[&"library", &"search", &lib, &"was the moon landing staged?"]);
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["matches"][0]["url"], "https://a.example/moon");
}

#[test]
fn a_malformed_file_is_named_while_the_others_are_added() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let good = write(
        d,
        "good.json",
        &review("https://a.example/1", "Sharks swim on highways", "False"),
    );
    let broken = d.join("broken.json");
    fs::write(&broken, "[{\"@type\": \"ClaimReview\", \"url\": ").unwrap();
    let not_reviews = write(d, "other.json", &json!({"@type": "NewsArticle"}));
    let missing = d.join("missing.json");
    let lib = d.join("lib");
    let out = claimdesk(&[
        &"library",
        &"add",
        &lib,
        &broken,
        &good,
        &not_reviews,
        &missing,
    ]);
    assert_eq!(out.status.code(), Some(2), "some failed, some added");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("broken.json") && lines[0].contains("not JSON"),
        "{err}"
    );
    assert!(
        lines[1].contains("other.json") && lines[1].contains("no ClaimReview"),
        "{err}"
    );
    assert!(lines[2].contains("missing.json"), "{err}");
    assert_eq!(Library::open(&lib).unwrap().len(), 1);
    // Nothing readable at all: exit code 1, the library unchanged.
    let out = claimdesk(&[&"library", &"add", &lib, &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(Library::open(&lib).unwrap().len(), 1);
}

#[test]
fn a_library_from_a_newer_claimdesk_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = small_library(tmp.path());
    let manifest = lib.join("library.json");
    let mut m: Value = serde_json::from_slice(&fs::read(&manifest).unwrap()).unwrap();
    m["version"] = json!(library::VERSION + 1);
    m["something_new"] = json!({"a": 1});
    let text = serde_json::to_vec_pretty(&m).unwrap();
    fs::write(&manifest, &text).unwrap();
    let extra = write(
        tmp.path(),
        "x.json",
        &review("https://a.example/x", "x", "False"),
    );
    let search = claimdesk(&[&"library", &"search", &lib, &"moon"]);
    let add = claimdesk(&[&"library", &"add", &lib, &extra]);
    for out in [search, add] {
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("newer claimdesk"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(
        fs::read(&manifest).unwrap(),
        text,
        "nothing changed on disk"
    );
}

#[test]
fn a_half_written_add_is_never_served() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = small_library(tmp.path());
    let before: Vec<String> = urls(&Library::open(&lib).unwrap());
    // A kill after the next generation's files were (partly) written, before the manifest
    // was replaced: the manifest still names the old generation, which is served.
    fs::write(lib.join("reviews-2.jsonl"), "{\"claim_reviewed\": \"half").unwrap();
    fs::write(lib.join("index-2.bin"), b"CDLIBIDX\x01").unwrap();
    assert_eq!(urls(&Library::open(&lib).unwrap()), before);
    // The next add clears the leftovers and writes a whole new generation.
    let more = write(
        tmp.path(),
        "more.json",
        &review("https://a.example/new", "A new claim", "True"),
    );
    library::add_files(&lib, &[more]).unwrap();
    let lib_now = Library::open(&lib).unwrap();
    assert_eq!(lib_now.len(), before.len() + 1);
    let names: Vec<String> = fs::read_dir(&lib)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(names.len(), 3, "manifest, reviews, index: {names:?}");

    // A data file damaged behind the manifest's back is refused, never half-read.
    let m: Value = serde_json::from_slice(&fs::read(lib.join("library.json")).unwrap()).unwrap();
    let reviews = lib.join(m["reviews"]["file"].as_str().unwrap());
    let bytes = fs::read(&reviews).unwrap();
    fs::write(&reviews, &bytes[..bytes.len() / 2]).unwrap();
    let err = Library::open(&lib).unwrap_err().to_string();
    assert!(err.contains("damaged"), "{err}");
    let out = claimdesk(&[&"library", &"search", &lib, &"moon"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn two_adds_at_once_keep_every_review() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().to_path_buf();
    let lib = d.join("lib");
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let d = d.clone();
            let lib = lib.clone();
            std::thread::spawn(move || {
                let reviews: Vec<Value> = (0..20)
                    .map(|i| {
                        review(
                            &format!("https://a.example/{t}/{i}"),
                            &format!("claim {t} {i}"),
                            "False",
                        )
                    })
                    .collect();
                let file = write(&d, &format!("t{t}.json"), &Value::Array(reviews));
                library::add_files(&lib, &[file]).unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap().added, 20);
    }
    assert_eq!(Library::open(&lib).unwrap().len(), 80);
}

#[test]
fn adding_in_steps_searches_like_adding_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let first: Vec<Value> = (0..30)
        .map(|i| {
            review(
                &format!("https://a.example/1/{i}"),
                &format!("the mayor said taxes rose {i} percent in town {i}"),
                "False",
            )
        })
        .collect();
    let second: Vec<Value> = (0..30)
        .map(|i| {
            review(
                &format!("https://a.example/2/{i}"),
                &format!("a photo shows flooding in town {i} after taxes rose"),
                "True",
            )
        })
        .collect();
    let a = write(d, "a.json", &Value::Array(first));
    let b = write(d, "b.json", &Value::Array(second));
    let (steps, once) = (d.join("steps"), d.join("once"));
    library::add_files(&steps, std::slice::from_ref(&a)).unwrap();
    library::add_files(&steps, std::slice::from_ref(&b)).unwrap();
    library::add_files(&once, &[a, b]).unwrap();
    let (steps, once) = (
        Library::open(&steps).unwrap(),
        Library::open(&once).unwrap(),
    );
    assert_eq!(steps.reviews(), once.reviews());
    for q in [
        "taxes rose 7 percent in town 7",
        "photo of flooding in town 12",
        "mayor",
    ] {
        let s: Vec<(&str, f32)> = steps
            .search(q, 5)
            .iter()
            .map(|m| (m.review.url.as_str(), m.score))
            .collect();
        let o: Vec<(&str, f32)> = once
            .search(q, 5)
            .iter()
            .map(|m| (m.review.url.as_str(), m.score))
            .collect();
        // The same matches in the same order; scores agree to float rounding (the two
        // indexes sum the same terms in another order).
        let urls = |v: &[(&str, f32)]| v.iter().map(|m| m.0.to_string()).collect::<Vec<_>>();
        assert_eq!(urls(&s), urls(&o), "{q}");
        for ((_, a), (_, b)) in s.iter().zip(&o) {
            assert!((a - b).abs() <= 1e-4 * a.abs().max(1.0), "{q}: {a} vs {b}");
        }
        assert!(!s.is_empty());
    }
}
