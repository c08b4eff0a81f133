//! PDF articles: the text layer, page by page (lopdf). Encrypted PDFs and PDFs without a
//! text layer (scans) are refused with a message that says so.

use super::{Decoded, clean_field, tidy_lines};
use crate::model::ArticleMeta;

/// At most this many pages are read.
const MAX_PAGES: usize = 2_000;

pub fn read(bytes: &[u8]) -> Result<Decoded, String> {
    // lopdf may panic on hostile files; a panic must not take the import down. Its parser
    // recurses into nested objects, so it gets a roomy stack of its own.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("pdf-reader".into())
            .stack_size(64 * 1024 * 1024)
            .spawn_scoped(scope, || read_pdf(bytes))
            .map_err(|e| format!("cannot start the PDF reader: {e}"))?
            .join()
            .map_err(|_| "PDF is damaged: it could not be parsed".to_string())?
    })
}

fn read_pdf(bytes: &[u8]) -> Result<Decoded, String> {
    if has_encrypt_entry(bytes) {
        return Err("PDF is encrypted (password-protected); save an unprotected copy".into());
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| {
        let e = e.to_string();
        if e.to_ascii_lowercase().contains("decrypt") || e.to_ascii_lowercase().contains("encrypt")
        {
            "PDF is encrypted (password-protected); save an unprotected copy".to_string()
        } else {
            format!("PDF is damaged: {e}")
        }
    })?;
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err("PDF is encrypted (password-protected); save an unprotected copy".into());
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().take(MAX_PAGES).collect();
    if pages.is_empty() {
        return Err("PDF has no pages".into());
    }
    let mut out = String::new();
    for page in &pages {
        // A page whose content cannot be decoded is skipped, not fatal.
        if let Ok(t) = doc.extract_text(&[*page]) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    let text = tidy_lines(&out);
    if text.is_empty() {
        return Err("PDF has no text layer (scanned or image-only?); run OCR on it first".into());
    }
    let info = |key: &[u8]| -> Option<String> {
        let dict = doc
            .trailer
            .get(b"Info")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|r| doc.get_dictionary(r).ok())?;
        let obj = dict.get(key).ok()?;
        let s = lopdf::decode_text_string(obj).ok()?;
        clean_field(&s)
    };
    Ok(Decoded {
        text,
        title: info(b"Title"),
        meta: ArticleMeta {
            author: info(b"Author"),
            ..ArticleMeta::default()
        },
    })
}

/// Does the trailer name an /Encrypt dictionary? (Checked on the bytes, before lopdf,
/// which would try an empty password and might give garbage.)
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
    [head, tail]
        .iter()
        .any(|part| part.windows(8).any(|w| w == b"/Encrypt"))
}
