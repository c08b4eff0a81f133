//! Reading an article from disk into normalised text, with a clear error for bad input.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::formats::{self, Format};
use crate::model::ArticleMeta;

/// Files larger than this are refused rather than read into memory.
/// (A 200-page PDF with images stays well under it; no text article comes near it.)
pub const MAX_ARTICLE_BYTES: u64 = 128 * 1024 * 1024;

/// An article's text as read from a file, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSource {
    pub path: PathBuf,
    pub title: String,
    /// UTF-8, `\n` line ends, no BOM.
    pub text: String,
    /// The file's bytes as read, for the SHA-256 recorded in projects.
    pub original: Vec<u8>,
    /// Outlet, author, date and URL where the file states them (web pages, DOCX, PDF).
    pub meta: ArticleMeta,
}

/// Why a file could not be read as an article. Displays as one line naming the file.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for ReadError {}

fn fail(path: &Path, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Read an article file: plain text in any common encoding, a saved web page, Markdown,
/// PDF (text layer) or DOCX. The reader is picked by the file's first bytes, then its name
/// (see [`formats::detect`]).
pub fn read_article(path: &Path) -> Result<ArticleSource, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => fail(path, "no such file"),
        std::io::ErrorKind::PermissionDenied => fail(path, "permission denied"),
        _ => fail(path, format!("cannot read: {e}")),
    })?;
    if meta.is_dir() {
        return Err(fail(path, "is a directory, not an article file"));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(fail(
            path,
            format!(
                "file is {} MB; articles larger than {} MB are not read",
                meta.len() / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let mut file =
        std::fs::File::open(path).map_err(|e| fail(path, format!("cannot read: {e}")))?;
    // Decide the format on the first bytes before reading the rest.
    let mut head = Vec::with_capacity(8192);
    (&mut file)
        .take(8192)
        .read_to_end(&mut head)
        .map_err(|e| fail(path, format!("cannot read: {e}")))?;
    let format = formats::detect(path, &head).map_err(|reason| fail(path, reason))?;
    if format == Format::Text || format == Format::Markdown || format == Format::Html {
        // Refuse binary files before reading all of them (UTF-16 has a BOM and NULs).
        if formats::text::is_binary_head(&head) {
            return Err(fail(path, binary_reason(path)));
        }
    }
    let mut bytes = head;
    bytes.reserve(
        usize::try_from(meta.len())
            .unwrap_or(0)
            .saturating_sub(bytes.len()),
    );
    file.read_to_end(&mut bytes)
        .map_err(|e| fail(path, format!("cannot read: {e}")))?;
    let decoded = formats::decode(format, &bytes).map_err(|reason| fail(path, reason))?;
    let title = decoded
        .title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| crate::extract::title_of(&decoded.text));
    Ok(ArticleSource {
        path: path.to_path_buf(),
        title,
        text: decoded.text,
        original: bytes,
        meta: decoded.meta,
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
