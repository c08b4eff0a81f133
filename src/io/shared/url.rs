//! A `postgres://` URL taken apart once, into the parts both the connection and the shown
//! address are made from, so that the password part is never copied into what is shown,
//! however it is spelled (raw `/`, `?`, `@` or `:` in it, percent-encoded or not).
//!
//! The user info runs to the first `@` (as the driver reads it), unless the user name
//! before it would hold a `/` or `?` (then that `@` belongs to the path or the query, as in
//! `postgres://db/news?project=a@b`); a host list cannot hold an `@`, so a raw `@` in the
//! password moves the end of the user info to the last `@` before the host list ends. The
//! host list then runs to the first `/` or `?`, the path to the first `?`.

/// The parts of a `scheme://[user[:password]@]hosts[/path][?query]` URL, as written
/// (percent-encoded where the text was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parts<'a> {
    /// `postgres://` or `postgresql://` (as written).
    pub scheme: &'a str,
    pub user: Option<&'a str>,
    pub password: Option<&'a str>,
    pub hosts: &'a str,
    /// `/dbname`, or empty.
    pub path: &'a str,
    /// The text after the first `?` of the rest, if any.
    pub query: Option<&'a str>,
}

/// `url` taken apart; `None` when it has no `scheme://`.
pub(super) fn split(url: &str) -> Option<Parts<'_>> {
    let scheme_end = url.find("://")? + 3;
    let (scheme, rest) = url.split_at(scheme_end);
    let host_end = |from: usize| {
        rest[from..]
            .find(['/', '?'])
            .map_or(rest.len(), |j| from + j)
    };
    let mut user_info = None;
    let mut start = 0;
    if let Some(first) = rest.find('@') {
        let user = rest[..first].split(':').next().unwrap_or("");
        if !user.contains(['/', '?']) {
            let mut at = first;
            while let Some(j) = rest[at + 1..host_end(at + 1)].find('@') {
                at += 1 + j;
            }
            user_info = Some(&rest[..at]);
            start = at + 1;
        }
    }
    let (user, password) = match user_info.map(|u| u.split_once(':').unwrap_or((u, ""))) {
        Some((user, password)) => {
            let has_password = user_info.is_some_and(|u| u.contains(':'));
            (Some(user), has_password.then_some(password))
        }
        None => (None, None),
    };
    let hosts_end = host_end(start);
    let hosts = &rest[start..hosts_end];
    let after = &rest[hosts_end..];
    let (path, query) = match after.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (after, None),
    };
    Some(Parts {
        scheme,
        user,
        password,
        hosts,
        path,
        query,
    })
}

impl Parts<'_> {
    /// The URL as shown: the password, a `password=` parameter's value and any parameter
    /// without `=` (it could be the tail of a password holding a raw `&`) as `***`.
    pub fn shown(&self) -> String {
        let mut out = String::from(self.scheme);
        if let Some(user) = self.user {
            out.push_str(user);
            if self.password.is_some() {
                out.push_str(":***");
            }
            out.push('@');
        }
        out.push_str(self.hosts);
        out.push_str(self.path);
        if let Some(query) = self.query {
            let pairs: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    Some(_) => pair.to_string(),
                    None if pair.is_empty() => String::new(),
                    None => "***".to_string(),
                })
                .collect();
            out.push('?');
            out.push_str(&pairs.join("&"));
        }
        out
    }
}

/// `%XX` escapes decoded, nothing else (a `+` stays a `+`, as the driver reads user names
/// and passwords).
pub(super) fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let pair = bytes
            .get(i + 1..i + 3)
            .filter(|p| bytes[i] == b'%' && p.iter().all(u8::is_ascii_hexdigit));
        match pair.and_then(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok()) {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(url: &str) -> (Option<&str>, Option<&str>, &str, &str, Option<&str>) {
        let p = split(url).unwrap();
        (p.user, p.password, p.hosts, p.path, p.query)
    }

    #[test]
    fn the_user_info_holds_any_password_and_the_query_any_at_sign() {
        let q = Some("project=p");
        assert_eq!(
            parts("postgres://anna:pa/ss@db:5432/news?project=p"),
            (Some("anna"), Some("pa/ss"), "db:5432", "/news", q)
        );
        assert_eq!(
            parts("postgres://anna:pa?ss@db/news?project=p"),
            (Some("anna"), Some("pa?ss"), "db", "/news", q)
        );
        assert_eq!(
            parts("postgres://anna:p@ss:w@rd@db/news?project=p"),
            (Some("anna"), Some("p@ss:w@rd"), "db", "/news", q)
        );
        assert_eq!(
            parts("postgres://anna@db/news?project=a@b"),
            (Some("anna"), None, "db", "/news", Some("project=a@b"))
        );
        assert_eq!(
            parts("postgres://db/news?project=a@b"),
            (None, None, "db", "/news", Some("project=a@b"))
        );
        assert_eq!(
            parts("postgresql://anna:@db"),
            (Some("anna"), Some(""), "db", "", None)
        );
        assert_eq!(split("db/news"), None);
        let shown = split("postgres://anna:pa/ss@db/n?password=x/y&sslmode=disable&tail")
            .unwrap()
            .shown();
        assert_eq!(
            shown,
            "postgres://anna:***@db/n?password=***&sslmode=disable&***"
        );
        assert_eq!(percent_decode_bytes("a%2Fb+%zz%4"), b"a/b+%zz%4");
    }
}
