//! Article file formats: which reader a file needs (by its bytes first, then its name) and
//! the readers themselves. Each reader turns bytes into article text (UTF-8, `\n` line
//! ends, one paragraph a line) plus whatever title and bibliographic data the file carries.
//! Readers never run scripts, never fetch anything, and refuse input past their limits with
//! a one-line reason.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod text;

use std::path::Path;

use crate::model::ArticleMeta;

/// File name extensions of the article formats, for open dialogs' filters. (Reading does
/// not depend on them: the bytes decide first.)
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx",
];

/// The kinds of article file claimdesk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
    Pdf,
    Docx,
}

/// What a reader found in a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    /// UTF-8, `\n` line ends, no BOM.
    pub text: String,
    /// The headline the file declares (HTML `<title>`/og:title, DOCX core title), if any.
    pub title: Option<String>,
    /// The standfirst a web page's reader put after the headline (from the page's
    /// description), if it did; the benchmark example leaves it out of the body.
    pub standfirst: Option<String>,
    pub meta: ArticleMeta,
    /// What a reader's caps cut, one line each ("PDF has 2,400 pages; only the first
    /// 2,000 were read"); the caller shows them with the file's name.
    pub warnings: Vec<String>,
}

impl Decoded {
    fn text_only(text: String) -> Self {
        Decoded {
            text,
            ..Decoded::default()
        }
    }
}

/// The lower-case extension of `path`, if any.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// Pick the reader for a file from its first bytes (`head`, up to a few KiB) and its name.
/// The bytes win where they are unambiguous (a PDF or zip signature, an HTML document);
/// a name that promises a binary format the bytes do not have is an error.
pub fn detect(path: &Path, head: &[u8]) -> Result<Format, String> {
    let ext = extension(path);
    let ext = ext.as_deref();
    if ext == Some(crate::io::project_file::EXTENSION)
        || crate::io::project_file::looks_like_project(head)
    {
        return Err(
            "is a claimdesk project, not an article; open it in the window, or \
                    give it as the project to `claimdesk import PROJECT ARTICLES`"
                .into(),
        );
    }
    if head.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(
            "is an old binary Word (.doc) or Office file; save it as .docx, .pdf or text".into(),
        );
    }
    match ext {
        Some("pdf") => return Err("is named .pdf but is not a PDF file (no %PDF header)".into()),
        Some("docx") => {
            return Err("is named .docx but is not a DOCX file (not a zip archive)".into());
        }
        Some("doc") => return Err("old Word .doc files are not read; save as .docx".into()),
        Some("html" | "htm" | "xhtml" | "shtml") => return Ok(Format::Html),
        Some("md" | "markdown" | "mdown" | "mkd") => return Ok(Format::Markdown),
        _ => {}
    }
    if html::looks_like_html(head) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// Run the reader for `format` on a whole file.
pub fn decode(format: Format, bytes: &[u8]) -> Result<Decoded, String> {
    match format {
        Format::Text => text::decode(bytes).map(Decoded::text_only),
        Format::Html => html::read(bytes),
        Format::Markdown => markdown::read(bytes),
        Format::Pdf => pdf::read(bytes),
        Format::Docx => docx::read(bytes),
    }
}

/// [`decode`] of bytes the caller gives up: plain UTF-8 text becomes the article text
/// without being copied, so a large text file takes about its size in memory once.
pub fn decode_owned(format: Format, bytes: Vec<u8>) -> Result<Decoded, String> {
    match format {
        Format::Text => text::decode_owned(bytes).map(Decoded::text_only),
        _ => decode(format, &bytes),
    }
}

/// [`decode_owned`] with a charset declared outside the bytes (an HTTP `Content-Type`),
/// for the readers of text formats: it is tried after a BOM and valid UTF-8, before the
/// page's own declaration and the guess.
pub fn decode_declared(
    format: Format,
    bytes: Vec<u8>,
    charset: Option<&str>,
) -> Result<Decoded, String> {
    match (format, charset) {
        (_, None) | (Format::Pdf | Format::Docx, _) => decode_owned(format, bytes),
        (Format::Html, Some(charset)) => html::read_declared(&bytes, Some(charset)),
        (Format::Text, Some(charset)) => {
            text::decode_declared(&bytes, charset).map(Decoded::text_only)
        }
        (Format::Markdown, Some(charset)) => {
            let text = text::decode_declared(&bytes, charset)?;
            markdown::read(text.as_bytes())
        }
    }
}

/// Lines trimmed, runs of spaces collapsed, empty lines dropped: one paragraph a line.
pub(crate) fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// `None` for an empty or blank value, else the value trimmed with inner whitespace collapsed.
pub(crate) fn clean_field(value: &str) -> Option<String> {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_bytes_then_name() {
        let p = Path::new;
        assert_eq!(detect(p("a.txt"), b"%PDF-1.4"), Ok(Format::Pdf));
        assert_eq!(detect(p("a"), b"PK\x03\x04rest"), Ok(Format::Docx));
        assert_eq!(detect(p("a.htm"), b"hello"), Ok(Format::Html));
        assert_eq!(
            detect(p("a.txt"), b"<!DOCTYPE html><html>"),
            Ok(Format::Html)
        );
        assert_eq!(detect(p("a.md"), b"# Title"), Ok(Format::Markdown));
        assert_eq!(detect(p("a.txt"), b"Plain words"), Ok(Format::Text));
        assert!(detect(p("a.pdf"), b"Plain").unwrap_err().contains(".pdf"));
        assert!(detect(p("a.docx"), b"Plain").unwrap_err().contains(".docx"));
        let project = b"{\n  \"format\": \"claimdesk-project\",\n  \"version\": 1";
        for name in ["p.claimdesk", "p.txt", "p"] {
            let e = detect(p(name), project).unwrap_err();
            assert!(e.contains("is a claimdesk project, not an article"), "{e}");
        }
        assert!(detect(p("x.claimdesk"), b"words").is_err());
    }

    #[test]
    fn tidies_lines() {
        assert_eq!(tidy_lines("  a  b \n\n\t c\n"), "a b\nc");
    }
}
