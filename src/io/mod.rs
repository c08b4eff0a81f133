//! Files: reading articles, the project file, exports. The only room that touches the disk.

pub mod article;
pub mod atomic;
pub mod export;
pub mod extract_output;
pub mod formats;
pub mod import;
pub mod project_file;

use std::borrow::Cow;

/// A CSV cell that a spreadsheet will show as text, never run as a formula: cells starting
/// with `=`, `+`, `-`, `@`, tab or CR get a leading apostrophe (OWASP's advice).
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}
