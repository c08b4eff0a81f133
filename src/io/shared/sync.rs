//! What a window needs to follow a shared project: the project with the last edit it
//! includes (one snapshot), and the edits of others as [`Edit`]s to apply locally.

use postgres::IsolationLevel;

use super::{EditRecord, SharedError, SharedErrorKind, SharedProject, read_all};
use crate::model::Project;
use crate::model::edit::Edit;

impl SharedProject {
    /// The whole project and the id of the last edit it includes (0: none logged), read in
    /// one consistent snapshot: a window then fetches [`SharedProject::edits_since`] that id.
    pub fn load_at(&mut self) -> Result<(Project, i64), SharedError> {
        let id = self.id;
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| SharedError {
                address: self.address.to_string(),
                kind: SharedErrorKind::Database(super::db_message(&e)),
            })?;
        let last = tx.query_one(
            "SELECT coalesce(max(id), 0) FROM claimdesk.edits WHERE project = $1",
            &[&id],
        );
        let loaded = read_all(&mut tx, id);
        let published = super::publications::read(&mut tx, id, None);
        drop(tx);
        let last: i64 = last.map_err(|e| self.db(&e))?.get(0);
        let text = loaded.map_err(|e| self.db(&e))?;
        let published = published.map_err(|e| self.db(&e))?;
        let text = text.map_err(|e| self.error(SharedErrorKind::Damaged(e)))?;
        let mut project = crate::io::project_file::project_from_str(&text)
            .map_err(|e| self.error(SharedErrorKind::Stored(e.kind.to_string())))?;
        super::publications::overlay(&mut project, published);
        Ok((project, last))
    }

    /// Start listening on the project's channel (NOTIFY after every edit).
    pub fn listen(&mut self) -> Result<(), SharedError> {
        let sql = format!("LISTEN {}", self.channel());
        let done = self.client.batch_execute(&sql);
        done.map_err(|e| self.db(&e))
    }

    /// Wait up to `timeout` for a NOTIFY on the channel (returns at the first one, and
    /// takes any others already there). An error means the connection is gone.
    pub fn wait_notified(&mut self, timeout: std::time::Duration) -> Result<bool, SharedError> {
        use postgres::fallible_iterator::FallibleIterator;
        let mut any = false;
        let mut failed = None;
        {
            let mut notes = self.client.notifications();
            match notes.timeout_iter(timeout).next() {
                Ok(Some(_)) => any = true,
                Ok(None) => {}
                Err(e) => failed = Some(e),
            }
            while failed.is_none() && any {
                match notes.iter().next() {
                    Ok(Some(_)) => {}
                    Ok(None) => break,
                    Err(e) => failed = Some(e),
                }
            }
        }
        match failed {
            Some(e) => Err(self.db(&e)),
            None => Ok(any),
        }
    }

    /// Whether the connection to the server is gone (after an error: the server went away,
    /// rather than refused the edit).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

impl EditRecord {
    /// The logged edit as an [`Edit`] to replay on a local copy of the project, if the log
    /// holds all of it: an added or re-extracted article is logged as a summary (the
    /// window loads the project again instead), and so is an upload (`share`).
    pub fn replayable(&self) -> Option<Edit> {
        match serde_json::from_str::<Edit>(&self.edit) {
            Ok(Edit::AddArticle { .. } | Edit::ReExtract { .. }) | Err(_) => None,
            Ok(edit) => Some(edit),
        }
    }
}
