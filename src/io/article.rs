//! Reading an article from disk into normalised text, with a clear error for bad input.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::formats::{self, Format};
use crate::model::ArticleMeta;

/// Files larger than this are refused rather than read into memory.
/// (A 200-page PDF with images stays well under it; no text article comes near it.)
pub const MAX_ARTICLE_BYTES: u64 = 128 * 1024 * 1024;

/// How much of a file is read to decide its format (and refuse binary files) before the
/// rest is read.
const HEAD_BYTES: usize = 8192;

/// An article's text as read from a file, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSource {
    pub path: PathBuf,
    pub title: String,
    /// UTF-8, `\n` line ends, no BOM.
    pub text: String,
    /// Lowercase hex SHA-256 of the file's bytes as read, recorded in projects.
    pub sha256: String,
    /// Outlet, author, date and URL where the file states them (web pages, DOCX, PDF).
    pub meta: ArticleMeta,
    /// What a reader's caps (or the claims cap) cut, one line each, without the file's
    /// name (see [`ArticleSource::warning_lines`]).
    pub warnings: Vec<String>,
}

impl ArticleSource {
    /// The warnings as lines naming the file (or URL).
    pub fn warning_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.warnings
            .iter()
            .map(|w| format!("{}: {w}", shown_path(&self.path)))
    }
}

/// A path or URL as printed: standard input for `-`, and a URL without its credentials.
pub fn shown_path(path: &Path) -> String {
    if is_stdin(path) {
        return "standard input".into();
    }
    let shown = path.display().to_string();
    match super::web_address::url_of(path) {
        Some(url) => super::web_address::without_credentials(url),
        None => shown,
    }
}

/// Why a file could not be read as an article. Displays as one line naming the file.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", shown_path(&self.path), self.reason)
    }
}

impl std::error::Error for ReadError {}

fn fail(path: &Path, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// `-` stands for standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Lowercase hex SHA-256 of `bytes`, as recorded in `Article::sha256`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// Read an article file: plain text in any common encoding, a saved web page, Markdown,
/// PDF (text layer) or DOCX. The reader is picked by the file's first bytes, then its name
/// (see [`formats::detect`]). `-` reads standard input.
///
/// Only regular files are read (a FIFO, a device or a socket is refused before it is
/// opened, and opening never waits for a writer), at most [`MAX_ARTICLE_BYTES`] whatever
/// the file says its size is, and a binary file is refused from its first bytes.
pub fn read_article(path: &Path) -> Result<ArticleSource, ReadError> {
    if is_stdin(path) {
        let stdin = std::io::stdin();
        return read_from(path, stdin.lock(), 0);
    }
    let file = open_regular(path)?;
    let len = file.metadata().map_or(0, |m| m.len());
    read_from(path, file, len)
}

fn cannot_read(path: &Path, e: &std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => fail(path, "no such file"),
        std::io::ErrorKind::PermissionDenied => fail(path, "permission denied"),
        _ => fail(path, format!("cannot read: {e}")),
    }
}

const NOT_REGULAR: &str = "is not a regular file (a pipe, device or socket); give an \
                           article file, or `-` to read standard input";

fn too_large(path: &Path, bytes: u64) -> ReadError {
    fail(
        path,
        format!(
            "file is {} MB; articles larger than {} MB are not read",
            bytes / (1024 * 1024),
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ),
    )
}

/// Open `path` for reading if it is a regular file (links followed) within the size limit.
fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
    if meta.is_dir() {
        return Err(fail(path, "is a directory, not an article file"));
    }
    if !meta.is_file() {
        return Err(fail(path, NOT_REGULAR));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file have become a FIFO since, opening it must not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| cannot_read(path, &e))?;
    // What was opened decides, not what was looked at before.
    match file.metadata() {
        Ok(m) if m.is_file() => Ok(file),
        Ok(_) => Err(fail(path, NOT_REGULAR)),
        Err(e) => Err(cannot_read(path, &e)),
    }
}

/// Read an article from `reader`: its head first (format, binary check), then the rest,
/// never more than the size limit. `len` is the size the file reports (0 if unknown), a
/// hint for the buffer only.
fn read_from(path: &Path, reader: impl Read, len: u64) -> Result<ArticleSource, ReadError> {
    let mut reader = reader.take(MAX_ARTICLE_BYTES + 1);
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut reader)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| cannot_read(path, &e))?;
    let format = formats::detect(path, &head).map_err(|reason| fail(path, reason))?;
    if matches!(format, Format::Text | Format::Markdown | Format::Html)
        && formats::text::is_binary_head(&head)
    {
        // Refused from its first bytes: a huge binary file is not read (UTF-16 has a BOM
        // or its NUL pattern and passes).
        return Err(fail(path, binary_reason(path)));
    }
    let mut bytes = head;
    let expected = usize::try_from(len.min(MAX_ARTICLE_BYTES)).unwrap_or(0);
    bytes.reserve(expected.saturating_sub(bytes.len()));
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, &e))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    decode_article(path, format, bytes, None)
}

/// Whole article bytes (a file's or a fetched body's) → the article, by the reader for
/// `format`. `charset` is one declared outside the bytes (an HTTP `Content-Type`): it wins
/// over the page's own declaration, never over a BOM or valid UTF-8. Errors name `path`.
pub(crate) fn decode_article(
    path: &Path,
    format: Format,
    bytes: Vec<u8>,
    charset: Option<&str>,
) -> Result<ArticleSource, ReadError> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    if matches!(format, Format::Text | Format::Markdown | Format::Html)
        && formats::text::is_binary_head(head)
    {
        return Err(fail(path, binary_reason(path)));
    }
    let sha256 = sha256_hex(&bytes);
    let mut decoded =
        formats::decode_declared(format, bytes, charset).map_err(|reason| fail(path, reason))?;
    // A page's own address (its canonical link) is stored and exported: no credentials.
    super::web_address::strip_credentials(&mut decoded.meta.url);
    let title = decoded
        .title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| crate::extract::title_of(&decoded.text));
    Ok(ArticleSource {
        path: path.to_path_buf(),
        title,
        text: decoded.text,
        sha256,
        meta: decoded.meta,
        warnings: decoded.warnings,
    })
}

fn binary_reason(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        // A format claimdesk reads, but these bytes are not one (a renamed binary file).
        Some(ext)
            if formats::ARTICLE_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext)) =>
        {
            format!("looks like a binary file, not the text a .{ext} file holds")
        }
        Some(ext) => format!(
            "looks like a binary file, not text (.{ext} is not an article format claimdesk reads: \
             text, HTML, Markdown, PDF, DOCX)"
        ),
        None => "looks like a binary file, not text".into(),
    }
}

/// Bytes → normalised article text, or the reason they are not a text article.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    formats::text::decode(bytes)
}

/// CRLF and lone CR become `\n`, so that offsets mean the same on every platform.
pub fn normalise_line_ends(text: &str) -> String {
    formats::text::normalise_line_ends(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_normalises() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    /// An endless input (standard input fed by `yes`, say) ends at the size cap: at most
    /// the limit and one byte are read, whatever the source.
    #[test]
    fn endless_input_stops_at_the_cap() {
        let endless = std::io::repeat(b'y');
        let e = read_from(Path::new("-"), endless, 0).unwrap_err();
        assert!(
            e.to_string().starts_with("standard input: file is 128 MB"),
            "{e}"
        );
        // The same cap holds when a file reports a small size but keeps growing.
        let e = read_from(Path::new("grows.txt"), std::io::repeat(b'y'), 10).unwrap_err();
        assert!(e.to_string().contains("are not read"), "{e}");
    }

    #[test]
    fn rejects_bad_bytes() {
        assert!(decode_text(b"").unwrap_err().contains("empty"));
        assert!(decode_text(b" \n ").unwrap_err().contains("empty"));
        assert!(
            decode_text(b"\x00\x01\x02abc")
                .unwrap_err()
                .contains("binary")
        );
        // Not UTF-8: read as the legacy encoding it most likely is.
        assert_eq!(decode_text(b"caf\xe9 au lait").unwrap(), "café au lait");
    }
}
