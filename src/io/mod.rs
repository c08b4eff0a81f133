//! Files and the network: reading articles (from disk or by URL), the project file, exports,
//! shared projects (PostgreSQL). The only room that touches the disk or the network.

pub mod article;
pub mod atomic;
pub mod export;
pub mod extract_output;
pub mod feeds;
pub mod fetch;
pub mod formats;
pub mod import;
pub mod in_order;
pub mod library;
pub mod project_file;
pub mod rank_output;
pub mod regular_file;
pub mod shared;
pub mod web_address;

use std::borrow::Cow;

/// A CSV cell that a spreadsheet will show as text, never run as a formula (OWASP's advice,
/// extended): a cell gets a leading apostrophe when it starts with tab or CR, or when its
/// first character after any leading whitespace (spaces, tabs, line breaks, no-break and
/// ideographic spaces, zero-width characters, a byte-order mark) is `=`, `+`, `-`, `@` or
/// one of their full-width or small forms (`＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫`), which spreadsheets
/// may read as the ASCII ones. See docs/exports.md.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['\t', '\r']) {
        return Cow::Owned(format!("'{cell}"));
    }
    let first_visible = cell.chars().find(|&c| !is_blank(c));
    match first_visible {
        Some(c) if FORMULA_STARTS.contains(&c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Characters that start a formula in one spreadsheet or another.
const FORMULA_STARTS: [char; 12] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}',
    '\u{FE63}', '\u{FE6B}',
];

/// Whitespace of any kind, and the invisible characters a cell may start with.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
        )
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formulas_after_any_whitespace_or_in_full_width_are_neutralised() {
        for cell in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "  =HYPERLINK(\"http://x\")",
            "\u{3000}=1",
            "\n=1",
            "\r\n+1",
            "\u{a0}-1",
            "\u{200b}@x",
            "\u{feff}=1",
            "＝1",
            "＋1",
            "－1",
            "＠x",
            " \u{3000}\n ＝1",
        ] {
            assert_eq!(spreadsheet_safe(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "",
            "plain",
            " a = b",
            "1-2",
            "email@example.org",
            "   ",
            "'=quoted",
        ] {
            assert_eq!(spreadsheet_safe(cell), cell, "{cell:?}");
        }
    }
}
