//! A shared project's address: a PostgreSQL connection URL with a `project` parameter,
//! `postgres://anna@db.desk.example:5432/newsroom?project=Elections&sslmode=prefer`.
//!
//! `project` is taken out before connecting; everything else goes to the driver. The
//! password (in the URL, `PGPASSWORD` or `~/.pgpass`) is held only in the driver's
//! configuration: [`Address`]'s `Display` and `Debug` never show it, so it cannot reach a
//! message, a log, a recent-files list or a project file.

use std::fmt;
use std::str::FromStr;

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
        if !is_shared_address(url) {
            return Err(fail(
                "not a shared-project address (postgres://… or postgresql://…)".into(),
            ));
        }
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut project = None;
        let mut rest = Vec::new();
        let mut tls = Tls::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
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
                _ => rest.push(pair),
            }
        }
        let project = project
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .ok_or_else(|| fail("no project named: add ?project=NAME to the address".into()))?;
        let driver_url = if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        let mut config = postgres::Config::from_str(&driver_url)
            .map_err(|e| fail(format!("not a valid PostgreSQL address: {e}")))?;
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

/// `url` with the password of its user part, and any `password=` parameter, shown as
/// `***`.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let (head, tail) = url.split_at(scheme_end);
    let authority_end = tail.find(['/', '?']).unwrap_or(tail.len());
    let (authority, path) = tail.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let path = match path.split_once('?') {
        Some((p, query)) => {
            let pairs: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{p}?{}", pairs.join("&"))
        }
        None => path.to_string(),
    };
    format!("{head}{authority}{path}")
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
