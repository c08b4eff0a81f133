//! One line for each way a fetch fails: too large, timed out, and every request error
//! ureq reports (DNS, connection, TLS, HTTP protocol, decompression).

use super::Limits;

pub(super) fn too_large(bytes: u64, limits: &Limits) -> String {
    let mb = |b: u64| b / (1024 * 1024);
    if limits.max_bytes >= 1024 * 1024 {
        format!(
            "page is over {} MB; articles larger than {} MB are not read",
            mb(bytes).max(mb(limits.max_bytes)),
            mb(limits.max_bytes)
        )
    } else {
        format!(
            "page is over {} bytes; larger articles are not read",
            limits.max_bytes
        )
    }
}

pub(super) fn timed_out(limits: &Limits) -> String {
    format!(
        "timed out: no complete answer within {} s",
        limits.total_timeout.as_secs_f32()
    )
}

/// One line for a failed request (`https`: the request spoke TLS, so garbled data is a
/// TLS failure).
pub(super) fn describe(e: &ureq::Error, limits: &Limits, https: bool) -> String {
    use ureq::Error as E;
    match e {
        E::HostNotFound => "host not found (DNS lookup failed)".into(),
        E::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => format!(
            "could not connect within {} s",
            limits.connect_timeout.as_secs_f32()
        ),
        E::Timeout(_) => timed_out(limits),
        E::Tls(reason) => format!("TLS failure: {reason}"),
        E::Rustls(inner) => format!("TLS failure: {inner}"),
        E::Pem(_) => "TLS failure: bad certificate data".into(),
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "cannot connect: connection refused".into(),
            std::io::ErrorKind::TimedOut => timed_out(limits),
            std::io::ErrorKind::InvalidData if https || looks_like_tls(io) => {
                format!("TLS failure: {io}")
            }
            _ => format!("cannot fetch: {io}"),
        },
        E::ConnectionFailed => "cannot connect".into(),
        E::BadUri(reason) => format!("is not a valid URL ({reason})"),
        E::Protocol(p) => format!("the server's answer is not valid HTTP ({p})"),
        E::Decompress(kind, inner) => format!("the {kind} body could not be unpacked: {inner}"),
        E::LargeResponseHeader(..) => "the server's headers are too large".into(),
        other => format!("cannot fetch: {other}"),
    }
}

fn looks_like_tls(io: &std::io::Error) -> bool {
    let text = io.to_string().to_ascii_lowercase();
    ["tls", "certificate", "handshake", "alert"]
        .iter()
        .any(|w| text.contains(w))
}
