//! Web addresses of articles: which arguments are URLs, the credentials a URL may carry (`https://user:pass@host/`)
//! taken out before the address is stored, printed or exported, and the kinds of IP
//! address a redirect from a public one may not lead to (see [`redirect_allowed`]).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;

/// Is this argument an article URL (`http://…` or `https://…`, any case) rather than a
/// path? Other schemes are not URLs here: they stay paths (or whatever else they name).
pub fn is_url(arg: &str) -> bool {
    let lower = |n: usize| arg.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

/// The URL a command-line or window argument names, if it is one (see [`is_url`]).
pub fn url_of(arg: &Path) -> Option<&str> {
    arg.to_str().map(str::trim).filter(|s| is_url(s))
}

/// The `user:password@` part of an absolute URL's authority, as a byte range, if any.
fn credentials_range(url: &str) -> Option<std::ops::Range<usize>> {
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    {
        return None;
    }
    let start = scheme_end + 3;
    let rest = &url[start..];
    // The authority ends at the path, query or fragment (a backslash is a slash to
    // browsers and to the URL parser for http and https).
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let at = rest[..end].rfind('@')?;
    Some(start..start + at + 1)
}

/// Does `url` carry credentials (`user@` or `user:password@`)?
pub fn has_credentials(url: &str) -> bool {
    credentials_range(url).is_some()
}

/// `url` without its credentials; anything else is left exactly as written (an address
/// without credentials comes back unchanged, whatever its form).
pub fn without_credentials(url: &str) -> String {
    match credentials_range(url) {
        Some(range) => format!("{}{}", &url[..range.start], &url[range.end..]),
        None => url.to_string(),
    }
}

/// [`without_credentials`] of an optional address, in place.
pub fn strip_credentials(url: &mut Option<String>) {
    if let Some(u) = url.as_mut()
        && has_credentials(u)
    {
        *u = without_credentials(u);
    }
}

/// Is `ip` an address of this machine or of a private network: loopback, private
/// (RFC 1918, unique local), link-local, shared (carrier NAT), unspecified, or an IPv6
/// form of one of these IPv4 addresses?
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => is_internal_v6(v6),
    }
}

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        // 0.0.0.0/8 ("this network") and 100.64.0.0/10 (shared address space).
        || a == 0
        || (a == 100 && (64..128).contains(&b))
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    let segments = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_internal_v4(v4);
    }
    // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms.
    let embedded = Ipv4Addr::new(
        (segments[6] >> 8) as u8,
        segments[6] as u8,
        (segments[7] >> 8) as u8,
        segments[7] as u8,
    );
    if segments[..6] == [0; 6] && !ip.is_loopback() && !ip.is_unspecified() {
        return is_internal_v4(embedded);
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_internal_v4(embedded);
    }
    ip.is_loopback()
        || ip.is_unspecified()
        // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 old site-local.
        || (segments[0] & 0xfe00) == 0xfc00
        || (segments[0] & 0xffc0) == 0xfe80
        || (segments[0] & 0xffc0) == 0xfec0
}

/// May a redirect lead to `next` (the addresses its host resolved to), given the
/// addresses the first URL of the fetch resolved to? A fetch that began at an internal
/// address (the analyst's own intranet, a test server) may go on to others; one that
/// began at a public address may not be led to an internal one (a server on the
/// internet must not make claimdesk read this machine or its network).
pub fn redirect_allowed(first: &[IpAddr], next: &[IpAddr]) -> bool {
    first.iter().any(|ip| is_internal(*ip)) || !next.iter().any(|ip| is_internal(*ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_taken_out_and_nothing_else() {
        for (given, want) in [
            (
                "https://user:pass@example.org/a?b#c",
                "https://example.org/a?b#c",
            ),
            ("http://user@example.org", "http://example.org"),
            (
                "HTTPS://u:p@w@example.org:8080/x",
                "HTTPS://example.org:8080/x",
            ),
            ("https://u:p@example.org\\x@y", "https://example.org\\x@y"),
            ("https://example.org/a@b", "https://example.org/a@b"),
            (
                "https://example.org/?mail=a@b",
                "https://example.org/?mail=a@b",
            ),
            ("https://example.org", "https://example.org"),
            ("not a url @ all", "not a url @ all"),
            ("mailto:a@b", "mailto:a@b"),
        ] {
            assert_eq!(without_credentials(given), want, "{given}");
            assert_eq!(has_credentials(given), given != want, "{given}");
        }
        let mut url = Some("https://a:b@example.org/".to_string());
        strip_credentials(&mut url);
        assert_eq!(url.as_deref(), Some("https://example.org/"));
    }

    #[test]
    fn internal_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::10.0.0.1",
            "64:ff9b::192.168.0.1",
        ] {
            assert!(is_internal(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "100.128.0.1",
            "2606:2800:220:1::1",
            "::ffff:8.8.8.8",
        ] {
            assert!(!is_internal(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn redirects_from_public_to_internal_are_refused() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let public = [ip("93.184.216.34")];
        let loopback = [ip("127.0.0.1")];
        let private = [ip("10.0.0.5")];
        assert!(!redirect_allowed(&public, &loopback));
        assert!(!redirect_allowed(&public, &private));
        assert!(!redirect_allowed(
            &public,
            &[ip("8.8.8.8"), ip("169.254.169.254")]
        ));
        assert!(redirect_allowed(&public, &[ip("8.8.8.8")]));
        assert!(redirect_allowed(&loopback, &loopback));
        assert!(redirect_allowed(&private, &loopback));
        assert!(redirect_allowed(&loopback, &public));
    }
}
