//! Paragraph-level attributions: transcript turns ("WALLACE: …", the speaker carried to
//! the end of the turn) and signed quotations ("“…” ― Jane Roe").

use super::Frame;
use super::lex;

/// A frame covering a whole paragraph, if the paragraph is a transcript turn or a signed
/// quotation. `turn` is the speaker of the transcript turn before this paragraph, if any;
/// it is updated as turns open.
pub fn paragraph_frame(
    text: &str,
    para: (usize, usize),
    turn: &mut Option<(usize, usize)>,
) -> Option<Frame> {
    let line = &text[para.0..para.1];
    if let Some(f) = signed_quotation(text, para) {
        *turn = None;
        return Some(f);
    }
    // A leading quotation mark opens a quoted transcript block: `"WALLACE: …`.
    let lead = line.len() - line.trim_start_matches(lex::is_open_quote).len();
    let body = &line[lead..];
    if let Some(colon) = body.find(':').filter(|&c| c > 1 && c <= 40)
        && is_turn_label(&body[..colon])
    {
        let label = (para.0 + lead, para.0 + lead + colon);
        let content = trimmed(text, label.1 + 1, para.1)?;
        *turn = Some(label);
        return words(&text[content.0..content.1]).then(|| frame(content, label));
    }
    // A quoted paragraph with no label goes on with the open turn.
    let speaker = (*turn)?;
    if lead == 0 || line[lead..].starts_with('(') {
        *turn = None;
        return None;
    }
    let content = trimmed(text, para.0 + lead, para.1)?;
    words(&text[content.0..content.1]).then(|| frame(content, speaker))
}

fn frame(content: (usize, usize), mention: (usize, usize)) -> Frame {
    Frame {
        content: vec![content],
        cue: ":".into(),
        mention: Some(mention),
        headline: false,
        continues: false,
        announces: false,
    }
}

/// "WALLACE", "SEN. JANE ROE": one to four words in capitals, no lower-case letter.
fn is_turn_label(label: &str) -> bool {
    let parts: Vec<&str> = label.split_whitespace().collect();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    (1..=4).contains(&parts.len())
        && letters >= 2
        && !label.chars().any(char::is_lowercase)
        && !parts.iter().any(|w| lex::is_headline_label(w))
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}'))
}

/// At least three words: a turn of "Yes." is not a claim.
fn words(s: &str) -> bool {
    s.split_whitespace().nth(2).is_some()
}

/// Bytes `a..b` without surrounding white space and an unmatched quotation mark at the end.
fn trimmed(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let mut body = s.trim();
    let opens = body.chars().filter(|&c| lex::is_open_quote(c)).count();
    let marks = body.chars().filter(|&c| lex::is_quote_mark(c)).count();
    if marks % 2 == 1 && opens * 2 < marks {
        body = body.trim_end_matches(lex::is_quote_mark).trim_end();
    }
    (!body.is_empty()).then_some((a + lead, a + lead + body.len()))
}

/// "“…” ― Jane Roe": a paragraph that is one quotation signed by a name after a dash.
fn signed_quotation(text: &str, para: (usize, usize)) -> Option<Frame> {
    let line = &text[para.0..para.1];
    let dash = line.rfind(['―', '—', '–'])?;
    let dash_len = line[dash..].chars().next()?.len_utf8();
    let name = line[dash + dash_len..].trim().trim_end_matches('.');
    let quote = line[..dash].trim_end();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let signed = (1..=5).contains(&name_words.len())
        && name_words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "de" | "van"))
        && quote.starts_with(lex::is_open_quote)
        && quote.ends_with(lex::is_quote_mark);
    if !signed {
        return None;
    }
    let open_len = quote.chars().next()?.len_utf8();
    let close_len = quote.chars().next_back()?.len_utf8();
    let inner = (para.0 + open_len, para.0 + quote.len() - close_len);
    let content = trimmed(text, inner.0, inner.1)?;
    let name_start = para.0
        + dash
        + dash_len
        + (line[dash + dash_len..].len() - line[dash + dash_len..].trim_start().len());
    words(&text[content.0..content.1])
        .then(|| frame(content, (name_start, name_start + name.len())))
}
