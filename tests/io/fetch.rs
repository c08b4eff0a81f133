//! Articles by URL (issue 14): a page served by a server on 127.0.0.1 inside the test gives
//! the same claims and metadata as the same page read from disk, the final URL after
//! redirects is the article's source and url, and every failure (404, TLS, timeout, body
//! over the cap, too many redirects, another scheme, content that is no article) is one
//! line naming the URL.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use claimdesk::io::fetch::{Limits, Watch, read_url, read_url_with};
use claimdesk::io::import::analyse_file;
use claimdesk::model::ArticleMeta;

use crate::web;

use web::{Reply, Server, news_page, response};

fn html(body: &[u8]) -> Reply {
    response(
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        body,
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// The news page at /world/rafah, reached through a redirect from /r/rafah; gzipped when
/// the client asks for it (it must).
fn news_server() -> (Server, &'static Mutex<Vec<String>>) {
    let seen: &'static Mutex<Vec<String>> = Box::leak(Box::new(Mutex::new(Vec::new())));
    let server = Server::start(move |req| {
        let ask = format!(
            "{} accept-encoding={} cookie={}",
            req.path,
            req.header("accept-encoding").unwrap_or(""),
            req.header("cookie").unwrap_or("")
        );
        seen.lock().expect("lock").push(ask);
        match req.path.as_str() {
            "/r/rafah" => response(
                "302 Found",
                &[
                    ("Location", "/world/rafah?ref=x"),
                    ("Set-Cookie", "session=1"),
                ],
                b"",
            ),
            "/world/rafah?ref=x"
                if req.header("accept-encoding").unwrap_or("").contains("gzip") =>
            {
                response(
                    "200 OK",
                    &[
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Content-Encoding", "gzip"),
                    ],
                    &gzip(news_page().as_bytes()),
                )
            }
            "/world/rafah?ref=x" => html(news_page().as_bytes()),
            _ => response("404 Not Found", &[], b"no such page"),
        }
    });
    (server, seen)
}

#[test]
fn a_page_by_url_gives_the_same_claims_and_metadata_as_the_page_saved_to_disk() {
    let (server, seen) = news_server();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rafah.html");
    std::fs::write(&file, news_page()).expect("write");
    let url = server.url("/r/rafah");
    let final_url = server.url("/world/rafah?ref=x");

    let from_disk = analyse_file(&file, &[]).expect("reads the file");
    let by_url = analyse_file(Path::new(&url), &[]).expect("fetches the page");
    let (a, b) = (&from_disk.article, &by_url.article);
    assert_eq!(b.text, a.text);
    assert_eq!(b.title, a.title);
    assert_eq!(
        b.sha256, a.sha256,
        "the hash is of the page's bytes, unpacked"
    );
    assert_eq!(by_url.extraction, from_disk.extraction);
    assert!(by_url.extraction.claims.len() >= 8);
    // Metadata the same, apart from where the article came from.
    let without_url = |m: &ArticleMeta| ArticleMeta {
        url: None,
        ..m.clone()
    };
    assert_eq!(without_url(&b.meta), without_url(&a.meta));
    assert_eq!(a.meta.outlet.as_deref(), Some("The Daily Example"));
    // The final URL, after the redirect, is the source and the url.
    assert_eq!(b.source_path.as_deref(), Some(final_url.as_str()));
    assert_eq!(b.meta.url.as_deref(), Some(final_url.as_str()));

    let seen = seen.lock().expect("lock").clone();
    assert!(
        seen.iter()
            .all(|s| s.contains("accept-encoding=gzip") && s.ends_with("cookie=")),
        "gzip asked for, no cookie sent back: {seen:?}"
    );
}

/// `claimdesk extract URL` prints what `claimdesk extract FILE` prints, apart from the
/// path and url; `claimdesk import PROJECT URL` records the final URL.
#[test]
fn the_command_line_takes_urls_beside_paths() {
    let (server, _) = news_server();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rafah.html");
    std::fs::write(&file, news_page()).expect("write");
    let url = server.url("/r/rafah");
    let final_url = server.url("/world/rafah?ref=x");
    let bin = env!("CARGO_BIN_EXE_claimdesk");
    let json = |arg: &dyn AsRef<std::ffi::OsStr>| -> serde_json::Value {
        let out = Command::new(bin)
            .arg("extract")
            .arg(arg)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let mut by_url = json(&url);
    let mut from_disk = json(&file);
    let article = &mut by_url["articles"][0];
    assert_eq!(article["path"], final_url.as_str());
    assert_eq!(article["url"], final_url.as_str());
    for v in [&mut by_url, &mut from_disk] {
        v["articles"][0]["path"] = serde_json::Value::Null;
        v["articles"][0]["url"] = serde_json::Value::Null;
    }
    assert_eq!(by_url, from_disk);

    // A failing URL beside a good one: one line naming it, exit code 2.
    let missing = server.url("/gone");
    let out = Command::new(bin)
        .args(["extract", &url, &missing])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!("claimdesk: {missing}: HTTP 404 Not Found")
    );

    let project = dir.path().join("p.claimdesk");
    let out = Command::new(bin)
        .arg("import")
        .arg(&project)
        .arg(&url)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&project).expect("saved")).expect("json");
    let article = &saved["project"]["articles"][0];
    assert_eq!(article["source_path"], final_url.as_str(), "{article:#}");
    assert_eq!(article["meta"]["url"], final_url.as_str(), "{article:#}");
}

fn error_of(url: &str, limits: &Limits) -> String {
    read_url_with(url, limits, Watch::default())
        .map(|a| panic!("{url} should fail, read {:?}", a.title))
        .unwrap_err()
        .to_string()
}

#[test]
fn failures_are_one_line_naming_the_url() {
    let server = Server::start(|req| {
        let path = req.path.as_str();
        if let Some(n) = path.strip_prefix("/hop/") {
            let n: usize = n.parse().unwrap_or(0);
            if n == 0 {
                return html(news_page().as_bytes());
            }
            let next = format!("/hop/{}", n - 1);
            return response("301 Moved Permanently", &[("Location", &next)], b"");
        }
        match path {
            "/ftp" => response("302 Found", &[("Location", "ftp://127.0.0.1/x")], b""),
            "/file" => response("302 Found", &[("Location", "file:///etc/passwd")], b""),
            "/png" => response("200 OK", &[("Content-Type", "image/png")], b"\x89PNG\r\n"),
            "/empty" => html(b"<!DOCTYPE html><html><body><nav></nav></body></html>"),
            "/slow" => Reply::Hang(Duration::from_secs(5)),
            "/big" => html(&vec![b'a'; 5000]),
            "/big-unannounced" => {
                let mut raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".to_vec();
                raw.extend(vec![b'a'; 5000]);
                Reply::Raw(raw)
            }
            _ => response("404 Not Found", &[], b"nothing here"),
        }
    });
    let limits = Limits::default();
    let u = |p: &str| server.url(p);
    let cases = [
        (u("/missing"), "HTTP 404 Not Found".to_string()),
        (
            u("/hop/6"),
            "more than 5 redirects; not followed further".into(),
        ),
        (
            u("/ftp"),
            "redirected to ftp://127.0.0.1/x; only http and https addresses are fetched".into(),
        ),
        (
            u("/file"),
            "redirected to file:///etc/passwd; only http and https addresses are fetched".into(),
        ),
        (
            u("/png"),
            "is image/png, not an article (claimdesk reads web pages, text, Markdown, PDF and DOCX)"
                .into(),
        ),
        (u("/empty"), "web page has no article text".into()),
    ];
    for (url, reason) in cases {
        assert_eq!(error_of(&url, &limits), format!("{url}: {reason}"));
    }
    // Five redirects are followed; the final URL is the source.
    let five = read_url(&u("/hop/5")).expect("five redirects are fine");
    assert_eq!(five.path.to_str(), Some(u("/hop/0").as_str()));

    // The size cap, from the announced length and while reading a body that announces none.
    let small = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    for path in ["/big", "/big-unannounced"] {
        let e = error_of(&u(path), &small);
        assert_eq!(
            e,
            format!(
                "{}: page is over 1000 bytes; larger articles are not read",
                u(path)
            )
        );
    }
    // A server that never answers: the total time limit.
    let quick = Limits {
        total_timeout: Duration::from_millis(400),
        ..Limits::default()
    };
    let started = Instant::now();
    let e = error_of(&u("/slow"), &quick);
    assert!(started.elapsed() < Duration::from_secs(3), "{e}");
    assert_eq!(
        e,
        format!("{}: timed out: no complete answer within 0.4 s", u("/slow"))
    );
    // TLS spoken to a server that does not speak it.
    let https = server.base.replace("http://", "https://") + "/x";
    let e = error_of(&https, &quick);
    assert!(e.starts_with(&format!("{https}: TLS failure")), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
    // Nobody listening.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let closed = format!("http://127.0.0.1:{port}/a");
    assert_eq!(
        error_of(&closed, &limits),
        format!("{closed}: cannot connect: connection refused")
    );
    // Not http(s), or not a URL at all.
    assert_eq!(
        error_of("http://", &limits),
        "http://: is not a valid URL (empty host)"
    );
}

#[test]
fn charset_from_the_header_then_the_page() {
    // English text with one byte 0xE9: é in Windows-1252, ι in ISO-8859-7. The header
    // wins over the page's <meta>, the page's <meta> over the guess.
    let page = |meta: &str| {
        let mut p =
            format!("<!DOCTYPE html><html><head>{meta}<title>Budget</title></head><body><article>")
                .into_bytes();
        for _ in 0..4 {
            p.extend_from_slice(
                b"<p>The council met on Monday evening to discuss the caf\xe9 budget for the \
                  coming year, and members spoke for several hours about schools.</p>",
            );
        }
        p.extend_from_slice(b"</article></body></html>");
        p
    };
    let server = Server::start(move |req| match req.path.as_str() {
        "/header" => response(
            "200 OK",
            &[("Content-Type", "text/html; charset=ISO-8859-7")],
            &page("<meta charset=\"windows-1252\">"),
        ),
        "/meta" => response(
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("<meta charset=\"iso-8859-7\">"),
        ),
        "/guess" => response("200 OK", &[("Content-Type", "text/html")], &page("")),
        "/text" => response(
            "200 OK",
            &[("Content-Type", "text/plain; charset=iso-8859-7")],
            b"The caf\xe9 budget, the mayor said, \"will not be cut\".",
        ),
        _ => response("404 Not Found", &[], b""),
    });
    let text = |p: &str| read_url(&server.url(p)).expect("reads").text;
    assert!(text("/header").contains("the caf\u{3b9} budget"));
    assert!(text("/meta").contains("the caf\u{3b9} budget"));
    assert!(text("/guess").contains("the café budget"));
    assert!(text("/text").contains("The caf\u{3b9} budget"));
}

#[test]
fn progress_is_reported_and_cancel_stops_the_fetch() {
    let body = news_page().repeat(30).into_bytes();
    let len = body.len();
    let server = Server::start(move |_| html(&body));
    let url = server.url("/a");
    let seen = Mutex::new(Vec::new());
    let progress = |done: u64, total: Option<u64>| {
        seen.lock().expect("lock").push((done, total));
    };
    read_url_with(
        &url,
        &Limits::default(),
        Watch {
            cancel: None,
            progress: Some(&progress),
        },
    )
    .expect("reads");
    let seen = seen.into_inner().expect("lock");
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(seen.last(), Some(&(len as u64, Some(len as u64))));

    let cancel = AtomicBool::new(true);
    let e = read_url_with(
        &url,
        &Limits::default(),
        Watch {
            cancel: Some(&cancel),
            progress: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.to_string(), format!("{url}: cancelled"));
    cancel.store(false, Ordering::SeqCst);
}
