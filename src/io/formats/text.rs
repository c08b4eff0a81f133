//! Plain text in any common encoding: UTF-8 (with or without BOM), UTF-16 with BOM, and
//! legacy single-byte encodings such as Windows-1252 and Latin-1, guessed by chardetng.
//! UTF-16 of mostly ASCII text without a BOM is recognised by its NUL bytes.

use encoding_rs::{Encoding, UTF_8};

/// Bytes → normalised article text, or the reason they are not a text article.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = to_utf8(bytes, None)?;
    if text.trim().is_empty() {
        return Err("file is empty".into());
    }
    Ok(normalise_line_ends(&text))
}

/// [`decode`] with a charset declared outside the bytes (HTTP), used when there is no BOM
/// and the bytes are not UTF-8.
pub fn decode_declared(bytes: &[u8], declared: &str) -> Result<String, String> {
    let text = to_utf8(bytes, Some(declared))?;
    if text.trim().is_empty() {
        return Err("file is empty".into());
    }
    Ok(normalise_line_ends(&text))
}

/// [`decode`], reusing the buffer when the bytes are UTF-8 already (no copy of a large
/// file; line ends are normalised in place).
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, String> {
    let bom = usize::from(bytes.starts_with(b"\xEF\xBB\xBF")) * 3;
    let plain_utf8 = (bom > 0
        || (Encoding::for_bom(&bytes).is_none()
            && utf16_without_bom(&bytes).is_none()
            && !looks_binary(&bytes)))
        && std::str::from_utf8(&bytes[bom..]).is_ok();
    if !plain_utf8 {
        return decode(&bytes);
    }
    bytes.drain(..bom);
    normalise_in_place(&mut bytes);
    let text = String::from_utf8(bytes).map_err(|_| "is not valid UTF-8 text".to_string())?;
    if text.trim().is_empty() {
        return Err("file is empty".into());
    }
    Ok(text)
}

/// CRLF and lone CR become `\n` within the buffer (both are ASCII, so UTF-8 stays valid).
fn normalise_in_place(bytes: &mut Vec<u8>) {
    if !bytes.contains(&b'\r') {
        return;
    }
    let mut write = 0;
    let mut read = 0;
    while read < bytes.len() {
        let b = bytes[read];
        if b == b'\r' {
            bytes[write] = b'\n';
            if bytes.get(read + 1) == Some(&b'\n') {
                read += 1;
            }
        } else {
            bytes[write] = b;
        }
        write += 1;
        read += 1;
    }
    bytes.truncate(write);
}

/// Decode `bytes` to a string: a BOM decides; else UTF-8 if the bytes are valid UTF-8;
/// else `declared` (an HTML charset, say) if it is a known label; else chardetng's guess.
pub fn to_utf8(bytes: &[u8], declared: Option<&str>) -> Result<String, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && encoding != UTF_8 {
            return Err(format!("is not valid {} text", encoding.name()));
        }
        return Ok(text.into_owned());
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("file is empty".into());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && !looks_binary(text.as_bytes()) {
            return Ok(text.into_owned());
        }
    }
    if looks_binary(bytes) {
        return Err("looks like a binary file, not text".into());
    }
    // Valid UTF-8 is UTF-8, whatever a page declares: browsers save pages as UTF-8 and
    // keep the original `<meta charset>`, and legacy text is almost never valid UTF-8.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        // A page that says UTF-16 but has no BOM is really ASCII-compatible (HTML spec).
        .map(|e| e.output_encoding());
    if let Some(encoding) = declared {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(format!(
            "is not valid UTF-8 and not valid {} either",
            encoding.name()
        ));
    }
    Ok(text.into_owned())
}

/// UTF-16 saved without a BOM: mostly ASCII text, so nearly every other byte is NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    // No NUL at all (nearly every text file): no need to count them by position.
    if head.len() < 8 || !head.contains(&0) {
        return None;
    }
    let pairs = head.len() / 2;
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Are these first bytes of a file binary, not text in any encoding we read?
pub fn is_binary_head(head: &[u8]) -> bool {
    Encoding::for_bom(head).is_none() && utf16_without_bom(head).is_none() && looks_binary(head)
}

/// NUL bytes or many control characters in the first 8 KiB mean a binary file.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control: usize = head
        .iter()
        .map(|&b| usize::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .sum();
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
    fn decodes_boms_and_legacy_encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("“Hi” – café".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16le).unwrap(), "“Hi” – café");
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("“Hi”".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&utf16be).unwrap(), "“Hi”");
        let no_bom: Vec<u8> = "He said “yes”."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&no_bom).unwrap(), "He said “yes”.");
        // Windows-1252 typographic quotes and Latin-1 accents.
        assert_eq!(
            decode(b"\x93Caf\xe9 au lait,\x94 she said.\r\n").unwrap(),
            "“Café au lait,” she said.\n"
        );
    }

    #[test]
    fn owned_decoding_matches_borrowed_decoding() {
        for bytes in [
            &b"\xEF\xBB\xBFa\r\nb\rc\r"[..],
            b"plain words\n",
            b"\x93Caf\xe9\x94 au lait",
            b"",
            b" \r\n ",
            b"\x00\x01binary",
            b"\xFF\xFEh\x00i\x00",
        ] {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn rejects_bad_bytes() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b" \n ").unwrap_err().contains("empty"));
        assert!(decode(b"\x00\x01\x02abc").unwrap_err().contains("binary"));
    }
}
