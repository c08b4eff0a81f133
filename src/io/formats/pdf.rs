//! PDF articles: the text layer, page by page (lopdf), its visual lines joined back into
//! paragraphs. Encrypted PDFs and PDFs without a text layer (scans) are refused with a
//! message that says so.
//!
//! The work is capped, not only the bytes ([`Limits`]): the pages read, the bytes page
//! contents inflate to (refused past it: a decompression bomb), and the drawing operators
//! decoded on a page and in all (counted on the bytes before lopdf builds them, see
//! [`ops`]). What a cap cuts is said in one line among the article's warnings.

mod ops;

use super::{Decoded, clean_field, tidy_lines};
use crate::model::ArticleMeta;

/// At most this many pages are read.
pub const MAX_PAGES: usize = 2_000;
/// No stream inflates past this, and page contents together neither.
pub const MAX_INFLATED: usize = 64 * 1024 * 1024;
/// Drawing operators read on one page (a dense real page has a few thousand).
pub const MAX_PAGE_OPERATORS: usize = 100_000;
/// Drawing operators read in the whole document.
pub const MAX_OPERATORS: usize = 2_000_000;

/// The caps of one read. [`Default`] is what claimdesk uses; tests lower them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_pages: usize,
    pub max_inflated: usize,
    pub max_page_operators: usize,
    pub max_operators: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: MAX_PAGES,
            max_inflated: MAX_INFLATED,
            max_page_operators: MAX_PAGE_OPERATORS,
            max_operators: MAX_OPERATORS,
        }
    }
}

/// The work done so far, against [`Limits`].
#[derive(Default)]
struct Work {
    inflated: usize,
    operators: usize,
    /// Pages (numbered from 1) cut at the per-page operator cap.
    cut_pages: Vec<usize>,
    /// The page on which the operators of the whole document ran out.
    stopped_on: Option<usize>,
}

pub fn read(bytes: &[u8]) -> Result<Decoded, String> {
    read_with(bytes, Limits::default())
}

/// [`read`] within `limits`.
pub fn read_with(bytes: &[u8], limits: Limits) -> Result<Decoded, String> {
    // lopdf may panic on hostile files; a panic must not take the import down. Its parser
    // recurses into nested objects, so it gets a roomy stack of its own.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("pdf-reader".into())
            .stack_size(64 * 1024 * 1024)
            .spawn_scoped(scope, || read_pdf(bytes, limits))
            .map_err(|e| format!("cannot start the PDF reader: {e}"))?
            .join()
            .map_err(|_| "PDF is damaged: it could not be parsed".to_string())?
    })
}

fn read_pdf(bytes: &[u8], limits: Limits) -> Result<Decoded, String> {
    if has_encrypt_entry(bytes) {
        return Err("PDF is encrypted (password-protected); save an unprotected copy".into());
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_inflated),
        ..lopdf::LoadOptions::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| {
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
    let page_count = doc.page_iter().count();
    if page_count == 0 {
        return Err("PDF has no pages".into());
    }
    let mut warnings = Vec::new();
    if page_count > limits.max_pages {
        warnings.push(format!(
            "PDF has {page_count} pages; only the first {} were read",
            limits.max_pages
        ));
    }
    let mut lines = Vec::new();
    let mut work = Work::default();
    for (i, page) in doc.page_iter().take(limits.max_pages).enumerate() {
        if work.stopped_on.is_some() {
            break;
        }
        page_lines(&doc, page, &mut lines, &mut work, limits, i + 1)?;
    }
    if let Some(page) = work.stopped_on {
        warnings.push(format!(
            "PDF has more than {} drawing operators in all; reading stopped on page {page} of \
             {page_count}",
            limits.max_operators
        ));
    }
    if let Some(first) = work.cut_pages.first() {
        warnings.push(format!(
            "{} PDF page(s) have more than {} drawing operators; only the first {} of each \
             were read (page {first}{})",
            work.cut_pages.len(),
            limits.max_page_operators,
            limits.max_page_operators,
            if work.cut_pages.len() > 1 {
                " and more"
            } else {
                ""
            }
        ));
    }
    let text = tidy_lines(&reflow(&lines));
    if text.is_empty() && !ends_like_a_pdf(bytes) {
        // lopdf recovers what it can of a cut file; an empty result is the cut, not a scan.
        return Err(
            "PDF is damaged or truncated (it does not end with %%EOF, as a whole PDF does); \
             its text could not be read"
                .into(),
        );
    }
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
        clean_field(&s).filter(|v| !is_placeholder(v))
    };
    Ok(Decoded {
        text,
        title: info(b"Title"),
        meta: ArticleMeta {
            author: info(b"Author"),
            ..ArticleMeta::default()
        },
        standfirst: None,
        warnings,
    })
}

/// Whole PDFs end with `%%EOF` (perhaps followed by a line end or a little padding).
fn ends_like_a_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// One visual line of a page: its text and the height of its baseline (`None` for a
/// page's first line, whose distance to the line before is not known).
struct Line {
    text: String,
    gap: Option<f32>,
}

/// The lines a page shows. Like lopdf's `extract_text`, but a move to a new line (`Td`/`TD`
/// down, a `Tm` at another height, `T*`, `'`, `"`) ends the line, so that lines placed one
/// by one do not run together, and each line keeps its distance to the line above, from
/// which [`reflow`] tells paragraph spacing. Fonts or content that cannot be decoded give
/// no text, not an error.
fn page_lines(
    doc: &lopdf::Document,
    page: lopdf::ObjectId,
    lines: &mut Vec<Line>,
    work: &mut Work,
    limits: Limits,
    number: usize,
) -> Result<(), String> {
    use lopdf::Object;
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return Ok(());
    };
    let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> = fonts
        .into_iter()
        .filter_map(|(name, font)| {
            font.get_font_encoding_with_limit(doc, limits.max_inflated)
                .ok()
                .map(|e| (name, e))
        })
        .collect();
    let budget = limits.max_inflated.saturating_sub(work.inflated);
    let data = match doc.get_page_content_with_limit(page, budget) {
        Ok(data) => data,
        Err(lopdf::Error::Decompress(_)) => {
            return Err(format!(
                "PDF page contents inflate to more than {} MB (a decompression bomb?); not read",
                limits.max_inflated / (1024 * 1024)
            ));
        }
        Err(_) => return Ok(()),
    };
    work.inflated = work.inflated.saturating_add(data.len());
    // Only the operators within the caps are decoded (lopdf builds them all at once).
    let left = limits.max_operators.saturating_sub(work.operators);
    let span = ops::first_operators(&data, limits.max_page_operators.min(left));
    work.operators += span.ops;
    if span.cut && left > limits.max_page_operators {
        work.cut_pages.push(number);
    } else if span.cut {
        work.stopped_on = Some(number);
    }
    let Ok(content) = lopdf::content::Content::decode(&data[..span.end]) else {
        return Ok(());
    };
    drop(data);
    let number = |o: Option<&Object>| match o {
        Some(Object::Integer(i)) => *i as f32,
        Some(Object::Real(r)) => *r,
        _ => 0.0,
    };
    let decode = |enc: &lopdf::Encoding, bytes: &[u8], out: &mut String| {
        if let Ok(t) = lopdf::Document::decode_text(enc, bytes) {
            out.push_str(&t);
        }
    };
    let mut encoding = None;
    let (mut y, mut leading) = (0.0f32, 0.0f32);
    // The line being collected and the baseline it started on.
    let mut text = String::new();
    let mut text_y: Option<f32> = None;
    let mut last_y: Option<f32> = None;
    let mut first_on_page = true;
    let mut end_line = |text: &mut String, text_y: &mut Option<f32>| {
        if !text.trim().is_empty() {
            let gap = match (first_on_page, last_y, *text_y) {
                (false, Some(above), Some(here)) => Some(above - here),
                _ => None,
            };
            lines.push(Line {
                text: std::mem::take(text),
                gap,
            });
            last_y = *text_y;
            first_on_page = false;
        }
        text.clear();
        *text_y = None;
    };
    for op in &content.operations {
        let operands = op.operands.as_slice();
        let shown: &[Object] = match op.operator.as_str() {
            "Tj" | "TJ" | "'" => operands,
            "\"" => operands.get(2..).unwrap_or(&[]),
            _ => &[],
        };
        match op.operator.as_str() {
            "Tf" => {
                encoding = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
            }
            "BT" => y = 0.0,
            "TL" => leading = number(operands.first()),
            "Td" | "TD" => {
                let ty = number(operands.get(1));
                if ty.abs() > 0.01 {
                    end_line(&mut text, &mut text_y);
                } else if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                y += ty;
                if op.operator == "TD" {
                    leading = -ty;
                }
            }
            "Tm" => {
                let new_y = number(operands.get(5));
                if (new_y - y).abs() > 0.01 {
                    end_line(&mut text, &mut text_y);
                } else if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                y = new_y;
            }
            "T*" | "'" | "\"" => {
                end_line(&mut text, &mut text_y);
                y -= leading;
            }
            "ET" => end_line(&mut text, &mut text_y),
            _ => {}
        }
        let Some(enc) = encoding else { continue };
        for operand in shown {
            if text.is_empty() {
                text_y = Some(y);
            }
            match operand {
                Object::String(bytes, _) => decode(enc, bytes, &mut text),
                Object::Array(items) => {
                    for item in items {
                        match item {
                            Object::String(bytes, _) => decode(enc, bytes, &mut text),
                            // A wide negative adjustment is a space between words.
                            other if number(Some(other)) < -200.0 && !text.ends_with(' ') => {
                                text.push(' ');
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    end_line(&mut text, &mut text_y);
    Ok(())
}

/// Values PDF writers put in Info when the author left it empty.
fn is_placeholder(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    matches!(
        v.as_str(),
        "(anonymous)" | "anonymous" | "untitled" | "(unspecified)" | "unknown"
    ) || v.starts_with("microsoft word - ")
}

/// Words that do not end a headline or a paragraph: a line ending in one goes on.
const RUN_ON: [&str; 16] = [
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "that", "as",
];

/// A PDF's text layer has the page's visual lines; the article needs paragraphs. Where the
/// document spaces its paragraphs (some gaps between lines clearly wider than the usual
/// line distance), a wide gap ends a paragraph and a usual one does not (but a line ending
/// in a word like "of" always goes on, as headlines in a larger type do). Otherwise (and at
/// the top of a page) the words decide: a line nearly as long as the full lines goes on into
/// the next line, and so does a line ending in a comma, hyphen or a word like "of", or
/// followed by a lower-case start; other lines end their paragraph. Lines that are only a
/// page number are dropped.
fn reflow(lines: &[Line]) -> String {
    let lines: Vec<&Line> = lines
        .iter()
        .map(|l| (l, l.text.trim()))
        .filter(|(_, t)| !t.chars().all(|c| c.is_ascii_digit()))
        .map(|(l, _)| l)
        .collect();
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.text.trim().chars().count())
        .collect();
    lengths.sort_unstable();
    let full = lengths.get(lengths.len() * 4 / 5).copied().unwrap_or(0);
    let mut gaps: Vec<f32> = lines
        .iter()
        .filter_map(|l| l.gap)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_unstable_by(f32::total_cmp);
    let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
    let wide = usual * 1.3;
    let spaced = usual > 0.0 && gaps.iter().filter(|g| **g > wide).count() >= 1;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        out.push_str(text);
        let Some(next) = lines.get(i + 1) else { break };
        let next_text = next.text.trim();
        let last_word = text.rsplit(' ').next().unwrap_or("").to_lowercase();
        let run_on = RUN_ON.contains(&last_word.as_str()) || text.ends_with([',', ';']);
        let starts_lower = next_text.chars().next().is_some_and(char::is_lowercase);
        let ends_sentence = text
            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
            .ends_with(['.', '?', '!', ':']);
        // A line that ends a sentence must be all but full to go on into the next one.
        let percent = if ends_sentence { 95 } else { 85 };
        let long = full >= 40 && text.chars().count() * 100 >= full * percent;
        let goes_on = run_on
            || match next.gap {
                Some(gap) if spaced && gap > 0.0 => gap <= wide,
                _ => long || starts_lower,
            };
        if text.ends_with('-') && starts_lower {
            // A word broken at a hyphen: keep the hyphen, no space.
        } else if goes_on {
            out.push(' ');
        } else {
            out.push('\n');
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, gaps: &[Option<f32>]) -> Vec<Line> {
        text.lines()
            .zip(gaps.iter().chain(std::iter::repeat(&None)))
            .map(|(t, g)| Line {
                text: t.to_string(),
                gap: *g,
            })
            .collect()
    }

    #[test]
    fn reflows_visual_lines_into_paragraphs() {
        let page = "A headline that wraps in\nTwo Lines\nThe first paragraph runs across the whole width of the page and\ngoes on to a second line, then ends here.\n3\nA second paragraph, full width again, which breaks at a hyphen-\nated word and ends on this line.";
        let want = "A headline that wraps in Two Lines\nThe first paragraph runs across the whole width of the page and goes on to a second line, then ends here.\nA second paragraph, full width again, which breaks at a hyphen-ated word and ends on this line.";
        // No positions: the words decide.
        assert_eq!(reflow(&lines(page, &[])), want);
        // Paragraph spacing decides where there is some.
        let spaced = "Short head\nLine one of a paragraph.\nIts second line.\nIts third.\nIts last.\nNext paragraph.";
        let gaps = [
            None,
            Some(20.0),
            Some(12.0),
            Some(12.0),
            Some(12.0),
            Some(20.0),
        ];
        assert_eq!(
            reflow(&lines(spaced, &gaps)),
            "Short head\nLine one of a paragraph. Its second line. Its third. Its last.\nNext paragraph."
        );
        assert!(is_placeholder("(anonymous)"));
    }
}
