//! Exports of a project's claims for other tools. Each format has its own module and
//! documented shape (docs/export-json.md for JSON); `claimdesk export` picks one.

pub mod json;

use std::io::{self, Write};
use std::path::Path;

/// Write an export to `output` (atomically, so a reader never sees half a file) or to
/// stdout when `output` is `None`.
pub fn deliver(output: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    match output {
        Some(path) => super::atomic::write_atomic(path, bytes, None),
        None => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            out.write_all(bytes)?;
            out.flush()
        }
    }
}
