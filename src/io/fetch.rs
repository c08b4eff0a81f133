//! Articles by URL: an `http://` or `https://` address fetched and read like a saved file.
//!
//! One GET with ureq (rustls, gzip): connect within 10 s, everything (redirects and the
//! body) within 30 s, at most 5 redirects, each one http or https, no cookies, nothing run.
//! A redirect from a public address to one of this machine or a private network (loopback,
//! private, link-local: [`web_address::is_internal`]) is refused, unless the first address
//! was itself such; the addresses are checked as ureq resolves them, so the check and the
//! connection see the same ones. (Behind an HTTP proxy the proxy resolves, and decides.)
//! Credentials in the URL (`user:pass@`) are sent, never stored or printed.
//! The body is read in chunks up to the article size cap ([`MAX_ARTICLE_BYTES`]) and never
//! past it, reporting progress and stopping when cancelled. The reader is picked by the
//! response's content type (then the bytes and the URL's name, as for files); the charset
//! comes from the `Content-Type` header, else the page's own declaration. The final URL
//! (after redirects) is the article's source and its `url`.
//!
//! Every failure is one line naming the URL that was asked for: `https://x/y: HTTP 404 Not
//! Found`, `…: host not found`, `…: timed out …`, `…: TLS failure …`, `…: over 128 MB …`,
//! `…: is image/png, not an article …`.

use std::io::Read;
use std::net::IpAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

use super::article::{ArticleSource, MAX_ARTICLE_BYTES, ReadError, decode_article};
use super::formats::{self, Format};
use super::web_address::{self, without_credentials};
// Which arguments are URLs is the web address's business; callers know it from here too.
pub use super::web_address::{is_url, url_of};

mod failures;
use failures::{describe, timed_out, too_large};

/// How long a connection (DNS, TCP and TLS) may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the whole fetch (redirects and body included) may take.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// What one chunk read is (progress is reported after each).
const CHUNK: usize = 64 * 1024;

/// Limits of one fetch. [`Default`] is what claimdesk uses; tests shorten them.
#[derive(Debug, Clone)]
pub struct Limits {
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    pub max_redirects: usize,
    pub max_bytes: u64,
    /// Judge redirects as if the first address had been public (tests, whose servers
    /// are all on 127.0.0.1, see the refusal of internal targets this way).
    pub first_address_public: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: CONNECT_TIMEOUT,
            total_timeout: TOTAL_TIMEOUT,
            max_redirects: MAX_REDIRECTS,
            max_bytes: MAX_ARTICLE_BYTES,
            first_address_public: false,
        }
    }
}

/// Watching a fetch: a flag that stops it, and a callback told the bytes received so far
/// and the size the server announced (if it did).
#[derive(Default, Clone, Copy)]
pub struct Watch<'a> {
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(u64, Option<u64>) + Sync)>,
}

impl Watch<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::SeqCst))
    }
}

/// A response body as fetched.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// The media type of `Content-Type`, lower case, without parameters.
    pub mime: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// The validators the server sent (`ETag`, `Last-Modified`), for a conditional GET.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The server answered `304 Not Modified` to a conditional GET: `bytes` is empty.
    pub not_modified: bool,
}

/// What one GET asks for beyond the URL: the media types it accepts, and the validators
/// of an earlier answer (`If-None-Match`, `If-Modified-Since`; feeds, `io::feeds`).
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    pub accept: &'a str,
    pub etag: Option<&'a str>,
    pub modified_since: Option<&'a str>,
}

/// What an article GET accepts.
const ARTICLE_ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,\
    text/markdown;q=0.9,application/pdf;q=0.8,*/*;q=0.5";

/// Fetch `url` and read it as an article, with the default limits and nobody watching
/// (the command line).
pub fn read_url(url: &str) -> Result<ArticleSource, ReadError> {
    read_url_with(url, &Limits::default(), Watch::default())
}

/// Fetch `url` and read it as an article. The article's `path` and `meta.url` are the
/// final URL; errors name `url` as given. Both are without credentials.
pub fn read_url_with(
    url: &str,
    limits: &Limits,
    watch: Watch<'_>,
) -> Result<ArticleSource, ReadError> {
    let shown = without_credentials(url.trim());
    let fail = |reason: String| ReadError {
        path: shown.clone().into(),
        reason,
    };
    let fetched = fetch(url, limits, watch).map_err(fail)?;
    let name = url_file_name(&fetched.url);
    let head = &fetched.bytes[..fetched.bytes.len().min(8192)];
    let format = format_of(fetched.mime.as_deref(), Path::new(&name), head).map_err(fail)?;
    let final_url = without_credentials(&fetched.url);
    let mut source = decode_article(
        Path::new(&shown),
        format,
        fetched.bytes,
        fetched.charset.as_deref(),
    )?;
    source.path = final_url.clone().into();
    source.meta.url = Some(final_url);
    Ok(source)
}

/// GET `url` within `limits`: redirects followed by hand (so that each target's scheme is
/// checked and counted), the body read in chunks up to the cap. The error is the reason
/// alone (the caller names the URL).
pub fn fetch(url: &str, limits: &Limits, watch: Watch<'_>) -> Result<Fetched, String> {
    let ask = Ask {
        accept: ARTICLE_ACCEPT,
        etag: None,
        modified_since: None,
    };
    fetch_asking(url, limits, watch, ask)
}

/// [`fetch`] asking as `ask` says; a `304 Not Modified` answer is a [`Fetched`] with
/// `not_modified` set and no bytes.
pub fn fetch_asking(
    url: &str,
    limits: &Limits,
    watch: Watch<'_>,
    ask: Ask<'_>,
) -> Result<Fetched, String> {
    let started = Instant::now();
    let mut current = parse_http_url(url.trim())?;
    let mut redirects = 0usize;
    // The addresses the first URL resolved to (none behind a proxy).
    let mut first: Option<Vec<IpAddr>> = None;
    loop {
        if watch.cancelled() {
            return Err("cancelled".into());
        }
        let left = limits
            .total_timeout
            .checked_sub(started.elapsed())
            .ok_or_else(|| timed_out(limits))?;
        let refuse_internal = first.as_ref().is_some_and(|ips| {
            limits.first_address_public || !ips.iter().any(|ip| web_address::is_internal(*ip))
        });
        let resolver = CheckedResolver {
            host: current.host_str().unwrap_or_default().to_ascii_lowercase(),
            refuse_internal,
            seen: Arc::default(),
        };
        let seen = Arc::clone(&resolver.seen);
        let agent = agent(&current, limits, left, resolver);
        let mut request = agent.get(current.as_str()).header("Accept", ask.accept);
        if let Some(etag) = ask.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(since) = ask.modified_since {
            request = request.header("If-Modified-Since", since);
        }
        let sent = request.call();
        let resolved = seen.lock().map(|s| s.clone()).unwrap_or_default();
        if refuse_internal && let Some(ip) = resolved.internal {
            return Err(format!(
                "redirected to {} ({ip}), an address of this machine or a private network; \
                 not followed from a public address",
                without_credentials(current.as_str())
            ));
        }
        first.get_or_insert(resolved.ips);
        let response = sent.map_err(|e| describe(&e, limits, current.scheme() == "https"))?;
        let status = response.status();
        if status.is_redirection()
            && let Some(location) = response.headers().get("location")
        {
            redirects += 1;
            if redirects > limits.max_redirects {
                return Err(format!(
                    "more than {} redirects; not followed further",
                    limits.max_redirects
                ));
            }
            let location = location
                .to_str()
                .map_err(|_| "redirected to an address that is not text".to_string())?;
            let next = current.join(location).map_err(|e| {
                let location = without_credentials(location);
                format!("redirected to a bad address ({location}): {e}")
            })?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(format!(
                    "redirected to {}; only http and https addresses are fetched",
                    without_credentials(next.as_str())
                ));
            }
            current = next;
            continue;
        }
        let header = |name: &str| {
            let value = response.headers().get(name)?.to_str().ok()?.trim();
            (!value.is_empty() && value.len() <= 1024).then(|| value.to_string())
        };
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        if status.as_u16() == 304 && (ask.etag.is_some() || ask.modified_since.is_some()) {
            return Ok(Fetched {
                url: current.to_string(),
                bytes: Vec::new(),
                mime: None,
                charset: None,
                etag: etag.or_else(|| ask.etag.map(str::to_string)),
                last_modified: last_modified.or_else(|| ask.modified_since.map(str::to_string)),
                not_modified: true,
            });
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(format!("HTTP {} {reason}", status.as_u16())
                .trim_end()
                .to_string());
        }
        let body = response.into_body();
        let mime = body.mime_type().map(str::to_ascii_lowercase);
        let charset = body.charset().map(str::to_ascii_lowercase);
        let announced = body.content_length();
        if let Some(len) = announced
            && len > limits.max_bytes
        {
            return Err(too_large(len, limits));
        }
        let https = current.scheme() == "https";
        let bytes = read_body(body.into_reader(), announced, limits, watch)
            .map_err(|e| e.unwrap_or_else(|e| describe(&e, limits, https)))?;
        return Ok(Fetched {
            url: current.to_string(),
            bytes,
            mime,
            charset,
            etag,
            last_modified,
            not_modified: false,
        });
    }
}

/// An absolute http(s) URL, or why `url` is not one.
fn parse_http_url(url: &str) -> Result<url::Url, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("is not a valid URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only http and https addresses are fetched".into());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("is not a valid URL (no host)".into());
    }
    Ok(parsed)
}

/// What [`CheckedResolver`] saw of the fetch's own host.
#[derive(Debug, Clone, Default)]
struct Resolved {
    ips: Vec<IpAddr>,
    /// An internal address it refused.
    internal: Option<IpAddr>,
}

/// ureq's resolver, which also records the addresses of the URL's own host (not those
/// of a proxy) and, when `refuse_internal`, refuses the host if any is internal.
#[derive(Debug)]
struct CheckedResolver {
    host: String,
    refuse_internal: bool,
    seen: Arc<Mutex<Resolved>>,
}

impl Resolver for CheckedResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = DefaultResolver::default().resolve(uri, config, timeout)?;
        // The URL's own host (an IPv6 one with or without its brackets), else a proxy's.
        let bare = |h: &str| h.trim_start_matches('[').trim_end_matches(']').to_string();
        if !uri
            .host()
            .is_some_and(|h| bare(h).eq_ignore_ascii_case(&bare(&self.host)))
        {
            return Ok(addrs);
        }
        let ips: Vec<IpAddr> = addrs.iter().map(|a| a.ip()).collect();
        let internal = ips.iter().copied().find(|ip| web_address::is_internal(*ip));
        let refused = self.refuse_internal && internal.is_some();
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Resolved {
                ips,
                internal: internal.filter(|_| refused),
            };
        }
        if refused {
            return Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "an internal address",
            )));
        }
        Ok(addrs)
    }
}

/// An agent for one request: no redirects of its own, status codes as responses, the
/// proxy of the environment (never for this machine's own addresses), no cookie store
/// (ureq keeps none without its `cookies` feature), addresses resolved by `resolver`.
fn agent(
    url: &url::Url,
    limits: &Limits,
    left: Duration,
    resolver: CheckedResolver,
) -> ureq::Agent {
    let local = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    let mut config = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect_timeout.min(left)))
        .timeout_global(Some(left))
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .user_agent(concat!(
            "claimdesk/",
            env!("CARGO_PKG_VERSION"),
            " (article import)"
        ));
    if local {
        config = config.proxy(None);
    }
    ureq::Agent::with_parts(config.build(), DefaultConnector::default(), resolver)
}

/// Read at most `limits.max_bytes` (one more byte says the body is larger), in chunks,
/// reporting progress and stopping when cancelled. The error is a reason, or the
/// client's error to describe.
fn read_body(
    mut reader: impl Read,
    announced: Option<u64>,
    limits: &Limits,
    watch: Watch<'_>,
) -> Result<Vec<u8>, Result<String, ureq::Error>> {
    let expected = announced.unwrap_or(0).min(limits.max_bytes);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    let mut chunk = vec![0u8; CHUNK];
    loop {
        if watch.cancelled() {
            return Err(Ok("cancelled".into()));
        }
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Err(ureq::Error::from(e))),
        };
        if (bytes.len() + n) as u64 > limits.max_bytes {
            return Err(Ok(too_large(bytes.len() as u64 + n as u64, limits)));
        }
        bytes.extend_from_slice(&chunk[..n]);
        if let Some(progress) = watch.progress {
            progress(bytes.len() as u64, announced);
        }
    }
    Ok(bytes)
}

/// The last segment of the URL's path, which may carry a file name (`report.pdf`).
fn url_file_name(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_string))
        })
        .unwrap_or_default()
}

/// The reader for a response: its content type decides where it names an article format;
/// where it says nothing useful (none, or `application/octet-stream`), the bytes and the
/// URL's file name decide as for a file. Media that are no article are refused.
pub fn format_of(mime: Option<&str>, name: &Path, head: &[u8]) -> Result<Format, String> {
    let by_bytes = || formats::detect(name, head);
    let Some(mime) = mime else {
        return by_bytes();
    };
    match mime {
        "text/html" | "application/xhtml+xml" => match by_bytes() {
            Ok(Format::Pdf) => Ok(Format::Pdf),
            _ => Ok(Format::Html),
        },
        "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
        "application/pdf" | "application/x-pdf" => Ok(Format::Pdf),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            Ok(Format::Docx)
        }
        "text/css" | "text/javascript" | "text/csv" | "text/calendar" | "text/vcard" => {
            Err(not_an_article(mime))
        }
        "application/octet-stream" | "binary/octet-stream" | "application/unknown" => by_bytes(),
        m if m.starts_with("text/") => by_bytes(),
        m => Err(not_an_article(m)),
    }
}

fn not_an_article(mime: &str) -> String {
    format!("is {mime}, not an article (claimdesk reads web pages, text, Markdown, PDF and DOCX)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_urls() {
        assert!(is_url("http://example.org/a"));
        assert!(is_url("HTTPS://example.org/a"));
        assert!(!is_url("ftp://example.org/a"));
        assert!(!is_url("postgres://db/x?project=p"));
        assert!(!is_url("file:///tmp/a.html"));
        assert!(!is_url("http:/a"));
        assert!(!is_url("notes/http-article.txt"));
        assert!(!is_url("ht"));
        assert!(url_of(Path::new("https://example.org/x")).is_some());
        assert!(url_of(Path::new("a.html")).is_none());
    }

    #[test]
    fn picks_the_reader_by_content_type() {
        let p = Path::new("story");
        assert_eq!(
            format_of(Some("text/html"), p, b"<div>hi"),
            Ok(Format::Html)
        );
        assert_eq!(format_of(Some("text/plain"), p, b"words"), Ok(Format::Text));
        assert_eq!(
            format_of(Some("text/plain"), Path::new("a.md"), b"# T"),
            Ok(Format::Markdown)
        );
        assert_eq!(
            format_of(Some("application/pdf"), p, b"%PDF-"),
            Ok(Format::Pdf)
        );
        assert_eq!(
            format_of(Some("application/octet-stream"), p, b"%PDF-1.7"),
            Ok(Format::Pdf)
        );
        assert_eq!(format_of(None, p, b"<!DOCTYPE html>"), Ok(Format::Html));
        let e = format_of(Some("image/png"), p, b"\x89PNG").unwrap_err();
        assert!(e.starts_with("is image/png, not an article"), "{e}");
        assert!(format_of(Some("application/json"), p, b"{}").is_err());
    }

    #[test]
    fn refuses_other_schemes_and_bad_urls() {
        assert!(
            parse_http_url("ftp://x/y")
                .unwrap_err()
                .contains("only http")
        );
        assert!(
            parse_http_url("http://")
                .unwrap_err()
                .contains("not a valid URL")
        );
        assert!(parse_http_url("https://example.org/a?b#c").is_ok());
    }

    #[test]
    fn describes_failures_in_one_line() {
        let limits = Limits::default();
        assert_eq!(
            describe(&ureq::Error::HostNotFound, &limits, false),
            "host not found (DNS lookup failed)"
        );
        assert_eq!(
            describe(
                &ureq::Error::Timeout(ureq::Timeout::Connect),
                &limits,
                false
            ),
            "could not connect within 10 s"
        );
        assert_eq!(
            describe(&ureq::Error::Timeout(ureq::Timeout::Global), &limits, false),
            "timed out: no complete answer within 30 s"
        );
        assert!(
            describe(&ureq::Error::Tls("bad cert"), &limits, true)
                .starts_with("TLS failure: bad cert")
        );
        assert_eq!(limits.max_redirects, 5);
        assert_eq!(limits.max_bytes, MAX_ARTICLE_BYTES);
    }
}
