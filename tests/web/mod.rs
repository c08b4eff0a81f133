//! Shared by the tests that read web pages: the sample article as a news site serves it,
//! and a small HTTP server on 127.0.0.1 (never any other address), started by the test.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

pub const SAMPLE: &str = include_str!("../../assets/rafah-kirby-gallant.txt");

pub fn sample_lines() -> Vec<&'static str> {
    SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect()
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sample as a news site would serve it: navigation, a cookie banner, share bar,
/// "most read" list and comments with quotations of their own, footer, scripts, styles.
pub fn news_page() -> String {
    let lines = sample_lines();
    let (headline, standfirst, body) = (lines[0], lines[1], &lines[2..]);
    let mut paragraphs = String::new();
    for (i, p) in body.iter().enumerate() {
        if i == 4 {
            paragraphs.push_str(
                "<div class=\"share-bar\"><a href=\"#\">Share on X</a> <a href=\"#\">Facebook</a> <a href=\"#\">Copy link</a></div>\n\
                 <figure class=\"ad\"><div>Advertisement</div></figure>\n",
            );
        }
        // Inline markup inside paragraphs, as pages have it.
        let p = escape(p).replacen("Kirby", "<a href=\"/tags/kirby\">Kirby</a>", 1);
        paragraphs.push_str(&format!("<p>{p}</p>\n"));
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:description" content="{standfirst}">
<meta property="article:published_time" content="2024-02-13T10:15:00Z">
<meta name="author" content="Meta Author">
<link rel="canonical" href="https://news.example/world/us-rafah-kirby">
<style>body {{ font-family: serif; }} .cookie {{ position: fixed; }}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2024-02-13T10:15:00Z","author":[{{"@type":"Person","name":"Jane Reporter"}}],"publisher":{{"@type":"Organization","name":"The Daily Example"}}}}</script>
<script>window.dataLayer = []; var msg = "He said \"this is not a claim\""; track("view");</script>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. "We value your privacy," says our data team. <button>Accept all</button> <button>Manage settings</button></p></div>
<header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article class="article">
<header class="article-header"><h1>{title}</h1><p class="standfirst">{standfirst}</p>
<p class="byline">By <a href="/authors/jane">Jane Reporter</a> · 13 February 2024</p></header>
<div class="article-body">
{paragraphs}</div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">"Prices will keep falling," Finance Minister Olaf Bergmann said.</a></li>
<li><a href="/b">Mayor Lucia Ferrante said the bridge would reopen "within days"</a></li>
<li><a href="/c">"We will win the league," coach Tom Hale told fans</a></li>
</ol></aside>
<section class="comments" id="comments"><h2>Comments (3)</h2>
<div class="comment"><p class="comment-author">reader_42</p><p>"Nobody believes this," said my neighbour Bob Miles, and he is right.</p></div>
<div class="comment"><p class="comment-author">kate</p><p>Great reporting. "Keep it up," Kate Doe said.</p></div>
</section>
</main>
<footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li><li><a href="/contact">Contact us</a></li></ul>
<p>"Journalism you can trust," says our editor-in-chief Sam Carter.</p></footer>
<script>document.querySelectorAll("p").forEach(function (p) {{ p.dataset.x = "1"; }});</script>
</body></html>
"#,
        title = escape(headline),
        standfirst = escape(standfirst),
    )
}

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
pub enum Reply {
    /// These bytes, as the whole response (status line, headers, body).
    Raw(Vec<u8>),
    /// Nothing, for this long (then the connection closes).
    Hang(Duration),
    /// These bytes (a status line and headers), then this chunk again and again until
    /// the client hangs up (an endless body).
    Endless(Vec<u8>, Vec<u8>),
}

/// A whole HTTP/1.1 response with `Content-Length` and `Connection: close`.
pub fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Raw(bytes)
}

/// A server on 127.0.0.1 at a free port, answering each connection on its own thread
/// with `handler`; it lives as long as the test process.
pub struct Server {
    pub base: String,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let handler = Arc::new(handler);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                std::thread::spawn(move || serve(stream, &*handler));
            }
        });
        Server { base }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn serve(mut stream: TcpStream, handler: &(dyn Fn(&Request) -> Reply + Send + Sync)) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    // A TLS handshake (a client speaking https to this plain server): a plain answer
    // and the connection closed, as a misconfigured server would.
    if stream.peek(&mut byte).is_ok_and(|n| n == 1) && byte[0] == 0x16 {
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        return;
    }
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    match handler(&Request { path, headers }) {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
        }
        Reply::Hang(d) => std::thread::sleep(d),
        Reply::Endless(head, chunk) => {
            let _ = stream.write_all(&head);
            while stream.write_all(&chunk).is_ok() {}
        }
    }
}
