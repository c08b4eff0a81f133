//! Reading an article from disk into normalised text, with a clear error for bad input.

use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory.
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

/// An article's text as read from a file, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSource {
    pub path: PathBuf,
    pub title: String,
    /// UTF-8, `\n` line ends, no BOM.
    pub text: String,
    /// The file's bytes as read, for the SHA-256 recorded in projects.
    pub original: Vec<u8>,
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

/// Read an article file.
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
    let bytes = std::fs::read(path).map_err(|e| fail(path, format!("cannot read: {e}")))?;
    let text = decode_text(&bytes).map_err(|reason| fail(path, reason))?;
    Ok(ArticleSource {
        path: path.to_path_buf(),
        title: crate::extract::title_of(&text),
        text,
        original: bytes,
    })
}

/// Bytes → normalised article text, or the reason they are not a text article.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("file is empty".into());
    }
    if looks_binary(bytes) {
        return Err("looks like a binary file, not text".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "is not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    Ok(normalise_line_ends(text))
}

/// NUL bytes or many control characters in the first 8 KiB mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// CRLF and lone CR become `\n`, so that offsets mean the same on every platform.
pub fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
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
        assert!(
            decode_text(b"caf\xe9 au lait")
                .unwrap_err()
                .contains("UTF-8")
        );
    }
}
