//! Issue 31: secrets in article addresses are never stored, printed or exported (M2);
//! redirects from a public address to this machine or a private network are refused (M9);
//! reports show bidi controls instead of obeying them; numbers from a file never wrap.

use crate::common;

use std::path::Path;

use claimdesk::io::export::{self, Format, Options};
use claimdesk::io::fetch::{Limits, Watch, read_url, read_url_with};
use claimdesk::io::import::{analyse_source, import_articles};
use claimdesk::io::project_file::{load_project, save_project};
use claimdesk::model::{Project, Status};
use common::{claimdesk, stderr};

use crate::web;

use web::{Server, news_page, response};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn page_server() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/story" => response(
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            news_page()
                .replace(
                    "https://news.example/world/us-rafah-kirby",
                    "https://editor:canonical-secret@news.example/world/us-rafah-kirby",
                )
                .as_bytes(),
        ),
        "/to-story" => response("302 Found", &[("Location", "/story")], b""),
        "/to-v6" => response("302 Found", &[("Location", "http://[::1]:9/x")], b""),
        _ => response("404 Not Found", &[], b"no such page"),
    })
}

/// `http://user:pass@127.0.0.1:port/path` for the server's `path`.
fn with_credentials(server: &Server, path: &str) -> String {
    server
        .url(path)
        .replacen("http://", "http://analyst:hunter2@", 1)
}

/// M2: credentials in an article's URL (and in the page's own canonical address) are
/// neither in an error, nor in the article's source or url, nor in any export.
#[test]
fn credentials_in_article_urls_are_never_stored_printed_or_exported() {
    let server = page_server();
    let missing = with_credentials(&server, "/missing");
    let e = read_url(&missing).unwrap_err().to_string();
    assert_eq!(e, format!("{}: HTTP 404 Not Found", server.url("/missing")));
    // The command line prints the same.
    let out = claimdesk(&[&"extract", &missing]);
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&server.url("/missing")),
        "{}",
        stderr(&out)
    );

    let source = read_url(&with_credentials(&server, "/to-story")).unwrap();
    assert_eq!(source.path, Path::new(&server.url("/story")));
    assert_eq!(
        source.meta.url.as_deref(),
        Some(server.url("/story").as_str())
    );
    let mut project = Project::new("p");
    let analysed = analyse_source(source, &[]);
    assert_eq!(
        analysed.article.source_path.as_deref(),
        Some(server.url("/story").as_str())
    );
    project
        .add_extracted_article(analysed.article, analysed.extraction)
        .unwrap();
    for c in &mut project.claims {
        c.status = Status::False;
    }
    project.settings.organisation = "Checkers".into();
    project.settings.review_url_pattern = "https://checkers.example/{id}".into();
    for format in Format::ALL {
        let bytes = export::render(&project, format, Options::default()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("hunter2"), "{format:?}");
        assert!(!text.contains("analyst"), "{format:?}");
    }
    // A page's own canonical address loses its credentials too (a file read from disk).
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("story.html");
    std::fs::write(
        &saved,
        news_page().replace(
            "https://news.example/",
            "https://editor:canonical-secret@news.example/",
        ),
    )
    .unwrap();
    let read = claimdesk::io::article::read_article(&saved).unwrap();
    assert_eq!(
        read.meta.url.as_deref(),
        Some("https://news.example/world/us-rafah-kirby")
    );
}

/// M2: a project saved before credentials were taken out is exported without them, in
/// every format, and is left as it was.
#[test]
fn old_projects_are_exported_without_credentials() {
    let mut project = load_project(Path::new(FIXTURE)).unwrap();
    for c in &mut project.claims {
        c.status = Status::False;
    }
    project.settings.organisation = "Checkers".into();
    project.settings.review_url_pattern = "https://checkers.example/{id}".into();
    let article = &mut project.articles[0];
    article.meta.url = Some("https://user:s3cret@news.example/a?x=1".into());
    article.source_path = Some("https://user:s3cret@news.example/a".into());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.claimdesk");
    save_project(&path, &project).unwrap();
    let before = std::fs::read(&path).unwrap();
    for format in Format::ALL {
        let out = claimdesk(&[&"export", &path, &"--format", &format.key()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("s3cret"), "{format:?}: {text}");
        assert!(text.contains("news.example/a"), "{format:?}");
    }
    // The file itself is not changed by exporting.
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// M9, end to end: a redirect to an internal address is refused when the first address
/// was public (the test's server is on 127.0.0.1, so the rule is told to judge it so),
/// and followed within internal addresses (the analyst's intranet, a test server).
#[test]
fn redirects_from_a_public_address_to_an_internal_one_are_refused() {
    let server = page_server();
    let public_first = Limits {
        first_address_public: true,
        ..Limits::default()
    };
    let e = read_url_with(&server.url("/to-story"), &public_first, Watch::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        format!(
            "{}: redirected to {} (127.0.0.1), an address of this machine or a private \
             network; not followed from a public address",
            server.url("/to-story"),
            server.url("/story")
        )
    );
    // An IPv6 literal is judged too (refused before any connection is tried).
    let e = read_url_with(&server.url("/to-v6"), &public_first, Watch::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.ends_with(
            ": redirected to http://[::1]:9/x (::1), an address of this machine or a \
             private network; not followed from a public address"
        ),
        "{e}"
    );
    // Within internal addresses a redirect is followed, as before.
    let read = read_url(&server.url("/to-story")).unwrap();
    assert_eq!(read.path, Path::new(&server.url("/story")));
    // With no redirect, the first address is the analyst's choice, internal or not.
    assert!(read_url_with(&server.url("/story"), &public_first, Watch::default()).is_ok());
}

/// Low: bidi controls (U+202E and the others) are shown as their codes in the HTML and
/// Markdown reports and the CSV, so that no report shows a claim reordered; JSON keeps
/// the analyst's text as it is.
#[test]
fn reports_show_bidi_controls_instead_of_obeying_them() {
    let mut project = load_project(Path::new(FIXTURE)).unwrap();
    let hostile = "Taxes fell \u{202E}%02 yb\u{202C} \u{2066}x\u{2069}";
    project.claims[0].content = hostile.into();
    project.claims[0].rationale = format!("Said {hostile}");
    project.speakers[0].name = "\u{202E}enoJ".into();
    for format in [Format::Html, Format::Markdown, Format::Csv] {
        let bytes = export::render(&project, format, Options::default()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        for ch in ['\u{202E}', '\u{202C}', '\u{2066}', '\u{2069}'] {
            assert!(!text.contains(ch), "{format:?} holds {ch:?}");
        }
        assert!(text.contains("U+202E"), "{format:?}");
        assert!(text.contains("U+2069"), "{format:?}");
    }
    let json = export::render(&project, Format::Json, Options::default()).unwrap();
    assert!(String::from_utf8(json).unwrap().contains(hostile));
}

/// Low: numbers read from a file never wrap (a claim numbered 2^64 - 1 used to overflow
/// the next number: a panic, or in release a wrap to 0): importing into such a project
/// works and numbers the new claims without wrapping.
#[test]
fn claim_numbers_from_a_file_never_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.claimdesk");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(FIXTURE).unwrap()).unwrap();
    doc["project"]["claims"][0]["number"] = serde_json::json!(u64::MAX);
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    let mut project = load_project(&path).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Bridge to reopen\n\n\u{201c}We will rebuild it by April,\u{201d} the mayor said.\n",
    )
    .unwrap();
    assert!(import_articles(&mut project, &[article]).is_empty());
    let new = project.claims.last().unwrap();
    assert_eq!(new.number, u64::MAX);
    assert!(project.claims.iter().all(|c| c.number >= 1));
}
