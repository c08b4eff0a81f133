//! Issue 29: following feeds. Every feed and page is served by a server on 127.0.0.1 that
//! the test starts (`tests/web`).

use crate::common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use claimdesk::io::feeds::{Event, Options, Sink, is_taken, poll_feeds};
use claimdesk::io::fetch::Limits;
use claimdesk::io::project_file::load_project;
use claimdesk::model::{Feed, FeedWatch};
use common::{claimdesk, stderr};

use crate::web;

use web::{Reply, Server, news_page, response};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The sample page with another headline (another article, another text).
fn page_titled(title: &str) -> String {
    news_page().replace(
        "US to closely monitor Israeli military actions in Rafah: White House",
        title,
    )
}

fn rss(items: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire</title>",
    );
    for (guid, link, title) in items {
        out.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>\
             <pubDate>Tue, 13 Feb 2024 10:15:00 GMT</pubDate></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

/// A news site with a feed (answering 304 to its own ETag), two stories, a copy of the
/// first under another address (other bytes, same text), an Atom feed repeating a link
/// under another id and a JSON Feed pointing at the copy. Counts requests per path.
/// The requests a server saw: each path, with its `If-None-Match`.
type Log = Arc<Mutex<Vec<(String, Option<String>)>>>;

fn site() -> (Server, Log) {
    let log: Log = Arc::default();
    let seen = Arc::clone(&log);
    let server =
        Server::start(move |req| {
            seen.lock().unwrap().push((
                req.path.clone(),
                req.header("if-none-match").map(str::to_string),
            ));
            let html = [("Content-Type", "text/html; charset=utf-8")];
            match req.path.as_str() {
            "/rss" if req.header("if-none-match") == Some("\"v1\"") => {
                response("304 Not Modified", &[("ETag", "\"v1\"")], b"")
            }
            "/rss" => response(
                "200 OK",
                &[("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")],
                rss(&[
                    ("story-1", "/one", "One"),
                    ("story-2", "/two", "Two"),
                    ("no-link", "mailto:desk@news.example", "Mail us"),
                ])
                .as_bytes(),
            ),
            "/atom" => response(
                "200 OK",
                &[("Content-Type", "application/atom+xml")],
                br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>a</id>
                  <entry><id>tag:other-id</id><title>One again</title><link href="/one"/>
                  <updated>2024-02-13T10:15:00Z</updated></entry></feed>"#,
            ),
            "/feed.json" => response(
                "200 OK",
                &[("Content-Type", "application/feed+json")],
                br#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON Desk",
                    "items":[{"id":"copy","url":"/copy-of-one","title":"Copy"}]}"#,
            ),
            "/one" => response("200 OK", &html, page_titled("Kirby hopeful on talks").as_bytes()),
            "/copy-of-one" => response(
                "200 OK",
                &html,
                format!("<!-- mirror -->{}", page_titled("Kirby hopeful on talks")).as_bytes(),
            ),
            "/two" => response("200 OK", &html, page_titled("Second story of the day").as_bytes()),
            _ => response("404 Not Found", &[], b"no such page"),
        }
        });
    (server, log)
}

/// Points 1, 3, 4: `watch --once` adds each item's page through the Open URL pipeline,
/// with its feed, link and time; remembers the feed; never adds an item twice (GUID,
/// link, text); asks again with the ETag it was given; flags watched speakers.
#[test]
fn watch_once_adds_each_new_item_once() {
    let (server, log) = site();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("desk.claimdesk");
    let feed = server.url("/rss");
    let out = claimdesk(&[
        &"watch",
        &project,
        &"--feed",
        &feed,
        &"--once",
        &"--speaker",
        &"john kirby",
    ]);
    let (text, err) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{text}\n{err}");
    assert_eq!(text.matches("added “").count(), 2, "{text}");
    assert!(text.contains("ALERT #"), "{text}");
    assert!(text.contains("(speaker John Kirby)"), "{text}");
    assert!(err.contains("has no http(s) link"), "{err}");
    let p = load_project(&project).expect("saved project");
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.feeds.feeds.len(), 1, "the feed is remembered");
    let f = &p.feeds.feeds[0];
    assert_eq!(f.url, feed);
    assert_eq!(f.title.as_deref(), Some("Test Wire"));
    assert_eq!(f.etag.as_deref(), Some("\"v1\""));
    assert!(f.last_checked.is_some() && f.last_error.is_none());
    let one = p
        .articles
        .iter()
        .find(|a| a.title == "Kirby hopeful on talks")
        .unwrap();
    assert_eq!(one.meta.url.as_deref(), Some(server.url("/one").as_str()));
    assert_eq!(one.meta.outlet.as_deref(), Some("The Daily Example"));
    let item = p
        .feeds
        .items
        .iter()
        .find(|i| i.article == Some(one.id))
        .unwrap();
    assert_eq!(item.feed, feed);
    assert_eq!(item.guid.as_deref(), Some("story-1"));
    assert_eq!(item.link.as_deref(), Some(server.url("/one").as_str()));
    assert!(
        item.published
            .as_deref()
            .unwrap()
            .starts_with("2024-02-13T10:15:00")
    );
    assert!(item.added_at > 0);
    assert!(p.claims.iter().any(|c| c.article == one.id));
    assert!(!p.feeds.flagged.is_empty());
    assert!(p.feeds.flagged.iter().all(|f| p.claim(f.claim).is_some()));

    // Again, now: a conditional GET, answered 304; nothing added.
    let out = claimdesk(&[&"watch", &project, &"--once", &"--now"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("added"), "{}", stdout(&out));
    let asked: Vec<_> = log.lock().unwrap().clone();
    let rss_asks: Vec<_> = asked.iter().filter(|(p, _)| p == "/rss").collect();
    assert_eq!(rss_asks.len(), 2);
    assert_eq!(rss_asks[1].1.as_deref(), Some("\"v1\""));
    // The pages were fetched once each.
    assert_eq!(asked.iter().filter(|(p, _)| p == "/one").count(), 1);

    // Without --now, a feed asked a moment ago is not due: nothing is asked.
    let before = log.lock().unwrap().len();
    let out = claimdesk(&[&"watch", &project, &"--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(log.lock().unwrap().len(), before);
    assert!(
        stderr(&out).contains("note: no feed is due; the next is due at "),
        "{}",
        stderr(&out)
    );

    // The same story under another id (Atom), and the same text under another address
    // (JSON Feed): neither is added again.
    let out = claimdesk(&[
        &"watch",
        &project,
        &"--feed",
        &server.url("/atom"),
        &"--feed",
        &server.url("/feed.json"),
        &"--once",
    ]);
    assert!(!stdout(&out).contains("added"), "{}", stdout(&out));
    let p = load_project(&project).unwrap();
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.feeds.feeds.len(), 3);
    assert!(
        stderr(&out).contains("the same text as an article taken before"),
        "{}",
        stderr(&out)
    );
}

/// Point 3: feeds given on the command line (or in a file) are remembered in an old
/// project file, which keeps everything else, unknown keys included.
#[test]
fn feeds_are_remembered_in_an_old_project_file() {
    let (server, _) = site();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("old.claimdesk");
    let original = std::fs::read_to_string(FIXTURE).unwrap();
    let with_unknown = original.replacen(
        "\"project\": {",
        "\"project\": {\n    \"from_the_future\": {\"x\": [1, 2]},",
        1,
    );
    assert_ne!(with_unknown, original, "the fixture has a project object");
    std::fs::write(&project, &with_unknown).unwrap();
    let list = dir.path().join("feeds.txt");
    std::fs::write(&list, format!("# wires\n\n{}\n", server.url("/rss"))).unwrap();
    let before = load_project(&project).unwrap();
    let out = claimdesk(&[&"watch", &project, &"--feeds", &list, &"--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = load_project(&project).unwrap();
    assert_eq!(after.feeds.feeds[0].url, server.url("/rss"));
    assert_eq!(after.articles.len(), before.articles.len() + 2);
    assert_eq!(after.articles[..before.articles.len()], before.articles[..]);
    // Claims keep everything (numbers are given to an old file's claims when it is first
    // saved, as by any save).
    let unnumbered = |c: &claimdesk::model::Claim| claimdesk::model::Claim {
        number: 0,
        ..c.clone()
    };
    let kept: Vec<_> = after.claims[..before.claims.len()]
        .iter()
        .map(unnumbered)
        .collect();
    let was: Vec<_> = before.claims.iter().map(unnumbered).collect();
    assert_eq!(kept, was);
    let saved = std::fs::read_to_string(&project).unwrap();
    assert!(
        saved.contains("\"from_the_future\": {\"x\": [1, 2]}"),
        "unknown key kept"
    );
}

/// Point 3: without --once, watch runs until stopped, and an article reported added is
/// in the project file when the process is killed.
#[test]
fn a_killed_watch_loses_nothing_reported() {
    use std::io::{BufRead, BufReader};
    let (server, _) = site();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("live.claimdesk");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["watch".as_ref(), project.as_os_str(), "--feed".as_ref()])
        .arg(server.url("/rss"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("added “"), "{first}");
    child.kill().unwrap();
    let _ = child.wait();
    let p = load_project(&project).expect("a whole project file");
    assert!(!p.articles.is_empty(), "the reported article was saved");
}

/// A sink that keeps everything in memory (the library's own poll, as the window uses it).
#[derive(Default)]
struct Memory {
    watch: FeedWatch,
    lines: Vec<String>,
    added: Vec<String>,
}

impl Sink for Memory {
    fn seen(&mut self, guid: Option<&str>, link: Option<&str>, sha: Option<&str>) -> bool {
        is_taken(&self.watch, guid, link, sha)
    }
    fn event(&mut self, event: Event) {
        match event {
            Event::Checked { outcome, .. } => {
                if let Err(line) = outcome {
                    self.lines.push(line);
                }
            }
            Event::Article {
                mut item, analysed, ..
            } => {
                item.article = Some(claimdesk::model::ArticleId(1));
                self.watch.items.push(item);
                self.added.push(analysed.article.title);
            }
            Event::ItemFailed { item, .. } => self.lines.push(item.error.unwrap_or_default()),
            Event::Note(line) => self.lines.push(line),
        }
    }
}

/// Point 5: hostile feeds give one line each, naming the feed, in bounded time; the good
/// feed after them is still read.
#[test]
fn hostile_feeds_give_one_line_each_and_the_others_go_on() {
    let endless_asks = Arc::new(AtomicUsize::new(0));
    let asks = Arc::clone(&endless_asks);
    let server = Server::start(move |req| {
        let xml = [("Content-Type", "application/rss+xml")];
        match req.path.as_str() {
            "/malformed" => response(
                "200 OK",
                &xml,
                b"<rss version=\"2.0\"><channel><item><title>x</titl></rss",
            ),
            "/laughs" => {
                let mut doc = String::from(
                    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">",
                );
                for n in 1..10 {
                    let prev = (b'a' + n - 1) as char;
                    let this = (b'a' + n) as char;
                    doc.push_str(&format!(
                        "<!ENTITY {this} \"{}\">",
                        format!("&{prev};").repeat(10)
                    ));
                }
                doc.push_str("]><rss version=\"2.0\"><channel><title>&j;</title></channel></rss>");
                response("200 OK", &xml, doc.as_bytes())
            }
            "/huge" => response("200 OK", &xml, &vec![b' '; 3_000_000]),
            "/endless" => {
                asks.fetch_add(1, Ordering::SeqCst);
                Reply::Endless(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n<rss version=\"2.0\"><channel>".to_vec(),
                    b"<item><title>again</title></item>".repeat(100),
                )
            }
            "/thousands" => {
                let items: Vec<(String, String, String)> = (0..5000)
                    .map(|i| (format!("g{i}"), format!("/missing/{i}"), format!("T{i}")))
                    .collect();
                let refs: Vec<(&str, &str, &str)> = items
                    .iter()
                    .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
                    .collect();
                response("200 OK", &xml, rss(&refs).as_bytes())
            }
            "/to-file" => response("302 Found", &[("Location", "file:///etc/passwd")], b""),
            "/html" => response(
                "200 OK",
                &[("Content-Type", "text/html")],
                b"<html><body>hello</body></html>",
            ),
            "/good" => response("200 OK", &xml, rss(&[("g", "/story", "Story")]).as_bytes()),
            "/story" => response(
                "200 OK",
                &[("Content-Type", "text/html; charset=utf-8")],
                news_page().as_bytes(),
            ),
            _ => response("404 Not Found", &[], b""),
        }
    });
    let names = [
        "/malformed",
        "/laughs",
        "/huge",
        "/endless",
        "/thousands",
        "/to-file",
        "/html",
        "/good",
    ];
    let feeds: Vec<Feed> = names.iter().map(|p| Feed::new(server.url(p))).collect();
    let options = Options {
        feed_limits: Limits {
            max_bytes: 2 * 1024 * 1024,
            total_timeout: Duration::from_secs(5),
            ..Limits::default()
        },
        page_limits: Limits {
            total_timeout: Duration::from_secs(5),
            ..Limits::default()
        },
        host_gap: Duration::ZERO,
        max_new_items: 3,
        cancel: None,
    };
    let mut sink = Memory::default();
    let started = Instant::now();
    let asked = poll_feeds(&feeds, &[], &|| 1_700_000_000, false, &options, &mut sink);
    assert_eq!(asked, names.len());
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        sink.added,
        vec!["US to closely monitor Israeli military actions in Rafah: White House".to_string()]
    );
    let lines = sink.lines.join("\n");
    for bad in ["/malformed", "/huge", "/endless", "/to-file", "/html"] {
        let url = server.url(bad);
        let n = sink
            .lines
            .iter()
            .filter(|l| l.starts_with(&format!("feed {url}: ")))
            .count();
        assert_eq!(n, 1, "{bad}: {lines}");
    }
    assert!(lines.contains("only http and https"), "{lines}");
    for big in ["/huge", "/endless"] {
        let want = format!(
            "feed {}: is over 2 MB; larger feeds are not read",
            server.url(big)
        );
        assert!(sink.lines.contains(&want), "{lines}");
    }
    assert!(lines.contains("not a feed"), "{lines}");
    // Entities are never expanded: the title is not a hundred million letters.
    assert!(!lines.contains("aaaaaaaaaaaaaaaaaaaa"), "{lines}");
    // Thousands of items: only the first thousand read, three taken (each a 404 here).
    let thousands = server.url("/thousands");
    assert!(
        lines.contains(&format!(
            "feed {thousands}: has 5000 items; only the first 1000"
        )),
        "{lines}"
    );
    assert!(lines.contains("the newest 3 are taken now"), "{lines}");
    assert_eq!(lines.matches("HTTP 404").count(), 3, "{lines}");
    assert_eq!(endless_asks.load(Ordering::SeqCst), 1);
}

/// Bad arguments: one line each, exit code 1, and the project untouched.
#[test]
fn watch_refuses_what_it_cannot_follow_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.claimdesk");
    let out = claimdesk(&[&"watch", &project, &"--once"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("follows no feeds; give them with --feed URL"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = claimdesk(&[&"watch", &project, &"--feed", &"ftp://feeds.example/rss"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "claimdesk: feed ftp://feeds.example/rss: only http and https feeds are followed"
    );
    let out = claimdesk(&[
        &"watch",
        &project,
        &"--feeds",
        &dir.path().join("missing.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("missing.txt: cannot read"),
        "{}",
        stderr(&out)
    );
    // Nothing was written: a refused watch creates no project.
    assert!(!project.exists());
}

/// Point 4: with `--library`, a new claim with a strong "checked before" match is flagged
/// and gets an ALERT line: exactly the claims `library check` calls strong.
#[test]
fn watch_flags_claims_checked_before_in_a_library() {
    let (server, _log) = site();
    let dir = tempfile::tempdir().unwrap();
    let feed = server.url("/rss");
    // A first project, to learn the claims the feed's articles hold.
    let first = dir.path().join("first.claimdesk");
    let out = claimdesk(&[&"watch", &first, &"--feed", &feed, &"--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let p = load_project(&first).expect("saved project");
    // Earlier fact-checks of every claim, word for word: a strong match for those that
    // assert something.
    let reviews: Vec<serde_json::Value> = p
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            serde_json::json!({
                "@context": "https://schema.org", "@type": "ClaimReview",
                "url": format!("https://factcheck.example/review/{i}"),
                "claimReviewed": c.content,
                "author": {"@type": "Organization", "name": "Example Checks"},
                "reviewRating": {"@type": "Rating", "alternateName": "True"}
            })
        })
        .collect();
    let file = dir.path().join("reviews.json");
    std::fs::write(&file, serde_json::to_string(&reviews).unwrap()).unwrap();
    let lib = dir.path().join("lib");
    let out = claimdesk(&[&"library", &"add", &lib, &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = claimdesk(&[&"library", &"check", &lib, &first]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let strong: usize = stdout(&out)
        .lines()
        .filter(|l| l.contains("\"level\":\"strong\""))
        .count();
    assert!(strong > 0, "{}", stdout(&out));

    // The same feed into a new project, with the library: each strong claim flagged once.
    let second = dir.path().join("second.claimdesk");
    let out = claimdesk(&[
        &"watch",
        &second,
        &"--feed",
        &feed,
        &"--once",
        &"--library",
        &lib,
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert_eq!(
        text.matches("(checked before: https://factcheck.example/review/")
            .count(),
        strong,
        "{text}"
    );
    let p = load_project(&second).expect("saved project");
    assert_eq!(p.feeds.flagged.len(), strong);

    // A library that is not one: one line naming it, nothing done.
    let third = dir.path().join("third.claimdesk");
    let out = claimdesk(&[
        &"watch",
        &third,
        &"--feed",
        &feed,
        &"--once",
        &"--library",
        &file,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("library "), "{}", stderr(&out));
    assert!(!third.exists(), "nothing written");
}
