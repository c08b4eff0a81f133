//! A shared project's address: a PostgreSQL connection URL with a `project` parameter,
//! `postgres://anna@db.desk.example:5432/newsroom?project=Elections&sslmode=prefer`.
//!
//! `project` is taken out before connecting; everything else goes to the driver. The
//! password (in the URL, `PGPASSWORD` or `~/.pgpass`) is held only in the driver's
//! configuration: [`Address`]'s `Display` and `Debug` never show it, so it cannot reach a
//! message, a log, a recent-files list or a project file. The shown address is made from
//! the URL's parts (`url.rs`), the same parts the connection is made from, so a password
//! holding `/`, `?`, `@` or `&` never spills into it.

use std::fmt;
use std::str::FromStr;

use super::url;

/// Does `s` name a shared project (a `postgres://` or `postgresql://` URL)? Everything
/// else (paths, and the `http(s)://` article addresses) is not one.
pub fn is_shared_address(s: &str) -> bool {
    let lower = s.get(..13).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A parsed shared-project address.
#[derive(Clone)]
pub struct Address {
    /// The project's name inside the database (the `project` parameter, decoded).
    pub project: String,
    /// The address as shown: password replaced by `***`, `project` kept.
    shown: String,
    pub(super) config: postgres::Config,
    pub(super) tls: Tls,
}

/// What TLS checks, as libpq's `sslmode`: `prefer` and `require` encrypt without checking
/// the server's certificate (unless `sslrootcert` is given: then as `verify-ca`),
/// `verify-ca` checks that a trusted authority signed it, `verify-full` also that it names
/// the host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Tls {
    pub verify_chain: bool,
    pub verify_host: bool,
    /// `sslrootcert`: a PEM file of authorities trusted besides the system's.
    pub root_cert: Option<std::path::PathBuf>,
}

impl Address {
    /// Parse a `postgres://` / `postgresql://` URL with a `project` parameter. A URL
    /// without a password gets one from `PGPASSWORD` or the password file (`PGPASSFILE`,
    /// else `~/.pgpass`), as libpq does.
    pub fn parse(url: &str) -> Result<Address, AddressError> {
        let shown = redact(url);
        let fail = |reason: String| AddressError {
            shown: shown.clone(),
            reason,
        };
        let parts = url::split(url).filter(|_| is_shared_address(url));
        let Some(parts) = parts else {
            return Err(fail(
                "not a shared-project address (postgres://… or postgresql://…)".into(),
            ));
        };
        if parts.path.contains('@') {
            return Err(fail(
                "an “@” after the host: write an “@” in a password or database name as %40".into(),
            ));
        }
        let mut project = None;
        let mut rest = Vec::new();
        let mut tls = Tls::default();
        for pair in parts
            .query
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
        {
            match pair.split_once('=') {
                Some(("project", value)) => {
                    let name = percent_decode(value)
                        .ok_or_else(|| fail("the project name is not valid UTF-8".into()))?;
                    project = Some(name);
                }
                // The driver knows disable, prefer and require; the checks are ours.
                Some(("sslmode", mode @ ("verify-ca" | "verify-full"))) => {
                    tls.verify_chain = true;
                    tls.verify_host = mode == "verify-full";
                    rest.push("sslmode=require");
                }
                Some(("sslrootcert", value)) => {
                    let path = percent_decode(value)
                        .ok_or_else(|| fail("sslrootcert is not valid UTF-8".into()))?;
                    tls.root_cert = Some(path.into());
                    tls.verify_chain = true;
                }
                Some(_) => rest.push(pair),
                // Possibly the tail of a password holding a raw "&": never shown, never
                // given to the driver (whose message would name it).
                None => {
                    return Err(fail(
                        "a parameter without “=”: write an “&” in a value as %26".into(),
                    ));
                }
            }
        }
        let project = project
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .ok_or_else(|| fail("no project named: add ?project=NAME to the address".into()))?;
        // The user info is given to the driver decoded, never in its URL: the driver
        // reads it differently (up to the first "@").
        let mut driver_url = format!("{}{}{}", parts.scheme, parts.hosts, parts.path);
        if !rest.is_empty() {
            driver_url.push('?');
            driver_url.push_str(&rest.join("&"));
        }
        let mut config = postgres::Config::from_str(&driver_url)
            .map_err(|e| fail(format!("not a valid PostgreSQL address: {e}")))?;
        if let Some(user) = parts.user.filter(|u| !u.is_empty()) {
            let user = String::from_utf8(url::percent_decode_bytes(user))
                .map_err(|_| fail("the user name is not valid UTF-8".into()))?;
            config.user(&user);
        }
        if let Some(password) = parts.password {
            config.password(url::percent_decode_bytes(password));
        }
        if config.get_password().is_none()
            && let Some(password) = password_from_environment(&config)
        {
            config.password(password);
        }
        if config.get_application_name().is_none() {
            config.application_name("claimdesk");
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        Ok(Address {
            project,
            shown,
            config,
            tls,
        })
    }

    /// The TLS connector `sslmode` and `sslrootcert` ask for.
    pub(super) fn tls_connector(&self) -> Result<native_tls::TlsConnector, String> {
        let mut builder = native_tls::TlsConnector::builder();
        if let Some(path) = &self.tls.root_cert {
            let pem = std::fs::read(path).map_err(|e| {
                format!(
                    "{}: cannot read the root certificate (sslrootcert): {e}",
                    path.display()
                )
            })?;
            let cert = native_tls::Certificate::from_pem(&pem).map_err(|e| {
                format!(
                    "{}: not a PEM certificate (sslrootcert): {e}",
                    path.display()
                )
            })?;
            builder.add_root_certificate(cert);
        }
        builder.danger_accept_invalid_certs(!self.tls.verify_chain);
        builder.danger_accept_invalid_hostnames(!self.tls.verify_host);
        builder
            .build()
            .map_err(|e| format!("cannot set up TLS: {e}"))
    }

    /// The database user the connection logs in as (the author of this session's edits).
    pub fn user(&self) -> Option<&str> {
        self.config.get_user()
    }

    /// The server's host as shown in the window's status bar ("db.desk.example").
    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address({})", self.shown)
    }
}

/// A bad address, shown without its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressError {
    pub shown: String,
    pub reason: String,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.shown, self.reason)
    }
}

impl std::error::Error for AddressError {}

/// `url` as shown: made from its parts ([`url::split`]) with the password, and any
/// `password=` parameter, as `***`. An address whose parts are unclear (an `@` after the
/// host) shows nothing before its last `@`.
pub fn redact(url: &str) -> String {
    match url::split(url) {
        Some(parts) if !parts.path.contains('@') => parts.shown(),
        _ => {
            let (scheme, rest) = url.split_at(url.find("://").map_or(0, |i| i + 3));
            match rest.rfind('@') {
                Some(at) => format!("{scheme}***@{}", &rest[at + 1..]),
                None => url.to_string(),
            }
        }
    }
}

/// `%XX` escapes (and `+` as a space, as in form-encoded queries) decoded.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if let Some(byte) = hex_byte(bytes.get(i + 1..i + 3)) => {
                out.push(byte);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn hex_byte(pair: Option<&[u8]>) -> Option<u8> {
    let pair = pair.filter(|p| p.iter().all(u8::is_ascii_hexdigit))?;
    u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()
}

/// The password libpq would use when the URL has none: `PGPASSWORD`, else the first
/// matching line of the password file (`PGPASSFILE`, else `~/.pgpass`).
fn password_from_environment(config: &postgres::Config) -> Option<Vec<u8>> {
    if let Some(p) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty()) {
        return Some(p.into_encoded_bytes());
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))?;
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let database = config.get_dbname().unwrap_or("").to_string();
    let user = config.get_user().unwrap_or("").to_string();
    pgpass_lookup(&text, [&host, &port, &database, &user]).map(String::into_bytes)
}

/// The password of the first line of a `.pgpass` text matching host, port, database and
/// user (`*` matches anything; `\:` and `\\` are escapes).
pub fn pgpass_lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = pgpass_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = fields[..4]
            .iter()
            .zip(wanted)
            .all(|(f, w)| f == "*" || f == w);
        if matches {
            return Some(fields[4].clone());
        }
    }
    None
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_is_taken_out_and_the_password_never_shown() {
        let a = Address::parse(
            "postgres://anna:s3cr%40t@db.example:5433/newsroom?project=Elections%202026&sslmode=disable",
        )
        .unwrap();
        assert_eq!(a.project, "Elections 2026");
        assert_eq!(a.config.get_dbname(), Some("newsroom"));
        assert_eq!(a.config.get_user(), Some("anna"));
        assert_eq!(a.config.get_password(), Some(&b"s3cr@t"[..]));
        assert_eq!(a.config.get_ports(), &[5433]);
        let shown = a.to_string();
        assert_eq!(
            shown,
            "postgres://anna:***@db.example:5433/newsroom?project=Elections%202026&sslmode=disable"
        );
        assert!(!format!("{a:?}").contains("s3cr"));
        assert_eq!(a.tls, Tls::default());
        let v = Address::parse("postgres://db/x?sslmode=verify-full&project=p&sslrootcert=/ca.pem")
            .unwrap();
        assert_eq!(v.config.get_ssl_mode(), postgres::config::SslMode::Require);
        assert!(v.tls.verify_chain && v.tls.verify_host);
        assert_eq!(
            v.tls.root_cert.as_deref(),
            Some(std::path::Path::new("/ca.pem"))
        );
        let ca = Address::parse("postgres://db/x?sslmode=verify-ca&project=p").unwrap();
        assert!(ca.tls.verify_chain && !ca.tls.verify_host);
        let q = redact("postgresql://db/x?password=hunter2&project=p");
        assert_eq!(q, "postgresql://db/x?password=***&project=p");
    }

    #[test]
    fn bad_addresses_are_refused_with_a_reason_and_no_password() {
        let e = Address::parse("postgres://bob:pw@db/news").unwrap_err();
        assert!(e.to_string().contains("?project=NAME"), "{e}");
        assert!(!e.to_string().contains("pw@"), "{e}");
        let e = Address::parse("https://example.org/a?project=x").unwrap_err();
        assert!(e.reason.contains("not a shared-project address"), "{e}");
        let e = Address::parse("postgres://db/news?project=x&sslmode=bogus").unwrap_err();
        assert!(e.reason.contains("not a valid PostgreSQL address"), "{e}");
        assert!(Address::parse("postgres://db/news?project=%FF").is_err());
        assert!(Address::parse("postgres://db/news?project=%4").is_ok_and(|a| a.project == "%4"));
    }

    /// Issue 31 (M3): a password holding `/`, `?`, `@`, `:` or `&` is used as given and
    /// never shown, in any spelling, whatever else is wrong with the address.
    #[test]
    fn a_password_with_url_delimiters_is_never_shown_in_any_spelling() {
        let secret = "p/ss?w@rd:&Z9";
        let encoded = "p%2Fss%3Fw%40rd%3A%26Z9";
        let fragments = [
            secret, encoded, "p/ss", "ss?w", "w@rd", "rd:&", "&Z9", "%2Fss",
        ];
        let hidden = |text: &str| {
            for f in fragments {
                assert!(!text.contains(f), "{f:?} shown in {text:?}");
            }
        };
        for user_info in [format!("anna:{secret}"), format!("anna:{encoded}")] {
            for tail in [
                "?project=Desk&sslmode=disable",
                "?sslmode=disable",
                "?project=Desk&sslmode=bogus",
                "?project=%FF",
                "",
            ] {
                let url = format!("postgres://{user_info}@db.example:5433/news{tail}");
                hidden(&redact(&url));
                match Address::parse(&url) {
                    Ok(a) => {
                        hidden(&a.to_string());
                        hidden(&format!("{a:?}"));
                        hidden(&a.host());
                        assert_eq!(a.user(), Some("anna"));
                        assert_eq!(a.config.get_password(), Some(secret.as_bytes()), "{url}");
                        assert_eq!(a.config.get_dbname(), Some("news"));
                        assert_eq!(
                            a.to_string(),
                            format!("postgres://anna:***@db.example:5433/news{tail}")
                        );
                    }
                    Err(e) => {
                        hidden(&e.to_string());
                        hidden(&format!("{e:?}"));
                    }
                }
            }
        }
        // As a parameter, and after a host the address does not make clear.
        for url in [
            format!("postgres://db/news?project=p&password={encoded}"),
            format!("postgres://db/news?password={secret}&project=p"),
            format!("postgres://anna:{secret}/x@db/news?project=p"),
            format!("postgresql:/anna:{secret}@db/news?project=p"),
        ] {
            hidden(&redact(&url));
            match Address::parse(&url) {
                Ok(a) => hidden(&format!("{a} {a:?} {}", a.host())),
                Err(e) => hidden(&format!("{e} {e:?}")),
            }
        }
        // An "@" in the project name (no user info) stays the project's.
        let a = Address::parse("postgres://db/news?project=desk@home").unwrap();
        assert_eq!((a.project.as_str(), a.host().as_str()), ("desk@home", "db"));
    }

    #[test]
    fn only_postgres_urls_are_shared_addresses() {
        assert!(is_shared_address("postgres://x/y?project=p"));
        assert!(is_shared_address("PostgreSQL://x/y?project=p"));
        assert!(!is_shared_address("http://example.org/article"));
        assert!(!is_shared_address("https://example.org/article"));
        assert!(!is_shared_address("postgres.claimdesk"));
        assert!(!is_shared_address("ü"));
    }

    #[test]
    fn pgpass_lines_match_field_by_field_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:anna:no\ndb:*:news:anna:pa\\:ss\n*:*:*:*:any\n";
        assert_eq!(
            pgpass_lookup(text, ["db", "5432", "news", "anna"]).as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_lookup(text, ["x", "1", "y", "z"]).as_deref(),
            Some("any")
        );
        assert_eq!(pgpass_lookup("a:b:c", ["a", "b", "c", "d"]), None);
    }
}
