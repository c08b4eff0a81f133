//! Word documents (.docx): a zip of XML parts; the paragraphs of `word/document.xml`, and
//! title, author and date from `docProps/core.xml`. Zip bombs are refused: the archive may
//! hold at most [`MAX_ENTRIES`] entries, and no part is inflated past [`MAX_PART_BYTES`]
//! whatever its header claims.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Decoded, clean_field, tidy_lines};
use crate::model::ArticleMeta;

pub const MAX_ENTRIES: usize = 10_000;
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

pub fn read(bytes: &[u8]) -> Result<Decoded, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("is not a readable DOCX (zip) file: {e}"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "DOCX has {} entries (more than {MAX_ENTRIES}); not read",
            archive.len()
        ));
    }
    let document = part(&mut archive, "word/document.xml")?.ok_or_else(|| {
        "is a zip archive but not a Word document (no word/document.xml)".to_string()
    })?;
    let text = tidy_lines(&paragraphs(&document)?);
    if text.is_empty() {
        return Err("DOCX has no text".into());
    }
    let (title, meta) = match part(&mut archive, "docProps/core.xml") {
        Ok(Some(core)) => core_properties(&core),
        _ => (None, ArticleMeta::default()),
    };
    Ok(Decoded {
        text,
        title,
        meta,
        ..Decoded::default()
    })
}

/// One part of the archive, inflated up to the cap; `None` if the archive lacks it.
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(what)) => {
            return Err(format!("DOCX uses an unsupported zip feature ({what})"));
        }
        Err(e) => return Err(format!("DOCX is damaged: {e}")),
    };
    let mut out = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("DOCX is damaged ({name}): {e}"))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(format!(
            "DOCX part {name} inflates to more than {} MB (a zip bomb?); not read",
            MAX_PART_BYTES / (1024 * 1024)
        ));
    }
    Ok(Some(out))
}

/// The text of `w:p` paragraphs, one a line; tabs and breaks inside a paragraph kept as
/// space and line; deleted text (`w:delText`), field codes, footnote marks and the
/// `mc:Fallback` copies of text boxes left out.
fn paragraphs(xml: &[u8]) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut in_text = false;
    // Inside mc:Fallback, which repeats a text box's text for old readers.
    let mut fallback = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = fallback == 0,
                b"Fallback" => fallback += 1,
                _ => {}
            },
            Ok(Event::Empty(e)) if fallback == 0 => match e.local_name().as_ref() {
                b"tab" => out.push(' '),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" if fallback == 0 => out.push('\n'),
                b"Fallback" => fallback = fallback.saturating_sub(1),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .xml10_content()
                    .map_err(|e| format!("DOCX text is not valid: {e}"))?;
                out.push_str(&s);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name = String::from_utf8_lossy(&r);
                match r.resolve_char_ref() {
                    Ok(Some(c)) => out.push(c),
                    _ => match name.as_ref() {
                        "amp" => out.push('&'),
                        "lt" => out.push('<'),
                        "gt" => out.push('>'),
                        "quot" => out.push('"'),
                        "apos" => out.push('\''),
                        _ => {}
                    },
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "DOCX document.xml is not well-formed XML (at byte {}): {e}",
                    reader.error_position()
                ));
            }
        }
        buf.clear();
    }
    Ok(out)
}

/// `dc:title`, `dc:creator` and `dcterms:created` of docProps/core.xml.
fn core_properties(xml: &[u8]) -> (Option<String>, ArticleMeta) {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let (mut title, mut meta) = (None, ArticleMeta::default());
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => current = Some(e.local_name().as_ref().to_vec()),
            Ok(Event::End(_)) => current = None,
            Ok(Event::Text(t)) => {
                let value = t.xml10_content().ok().and_then(|s| clean_field(&s));
                match current.as_deref() {
                    Some(b"title") => title = value.or(title),
                    Some(b"creator") => meta.author = value.or(meta.author),
                    Some(b"created") => meta.published = value.or(meta.published),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    (title, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_without_deleted_text_or_fallback_copies() {
        let xml = br#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
<w:p><w:r><w:t>One &amp; </w:t></w:r><w:r><w:t xml:space="preserve">two</w:t><w:tab/><w:t>three</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>&#8220;Quoted&#8221;</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            tidy_lines(&paragraphs(xml).unwrap()),
            "One & two three\nBox\n\u{201c}Quoted\u{201d}"
        );
    }
}
