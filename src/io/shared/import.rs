//! `claimdesk import ADDRESS FILE...`: each article read and analysed here, then added in
//! its own transaction. An article is reported added only once its transaction has
//! committed; when the connection is lost during the commit itself, the file is reported
//! as one that *may* have been added (tests/shared/shared_faults.rs kills the server under
//! running imports).

use super::EditReceipt;
use super::{SharedError, SharedErrorKind, SharedProject};
use crate::io::article::shown_path;
use crate::io::import::analyse_file;
use crate::model::edit::Edit;

/// Read, analyse and add each file to the shared project, each in its own transaction
/// (an article added is committed before the next file is read). Returns a receipt per
/// article added and a one-line error per file that was not (naming the file).
pub fn import_files(
    shared: &mut SharedProject,
    files: &[std::path::PathBuf],
) -> (Vec<EditReceipt>, Vec<String>) {
    import_files_with(shared, files, &mut |_| {})
}

/// [`import_files`], telling `warn` what a cap cut of an article read (one line naming
/// the file).
pub fn import_files_with(
    shared: &mut SharedProject,
    files: &[std::path::PathBuf],
    warn: &mut dyn FnMut(String),
) -> (Vec<EditReceipt>, Vec<String>) {
    let mut added = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        // The speakers as they are now: a new article's mentions resolve to them.
        let known = match shared.known_speakers() {
            Ok(known) => known,
            Err(e) => {
                errors.push(format!("{}: not imported: {e}", shown_path(path)));
                continue;
            }
        };
        let analysed = match analyse_file(path, &known) {
            Ok(a) => a,
            Err(e) => {
                errors.push(e.to_string());
                continue;
            }
        };
        analysed.warnings.iter().cloned().for_each(&mut *warn);
        let edit = Edit::AddArticle {
            article: Box::new(analysed.article),
            extraction: analysed.extraction,
        };
        match shared.apply(&edit) {
            Ok(receipt) => added.push(receipt),
            Err(SharedError {
                kind: SharedErrorKind::Duplicate { id, title },
                ..
            }) => errors.push(format!(
                "{}: already in the project as article {id} (“{title}”)",
                shown_path(path)
            )),
            Err(
                e @ SharedError {
                    kind: SharedErrorKind::CommitUnknown(_),
                    ..
                },
            ) => errors.push(format!(
                "{}: may have been added: {e} (import it again: an article already there is \
                 refused as a duplicate)",
                shown_path(path)
            )),
            Err(e) => errors.push(format!("{}: not imported: {e}", shown_path(path))),
        }
    }
    (added, errors)
}
