//! The window's offline journal for a shared project: every edit made in the window is
//! written here (one JSON line, fsync'd) before it is sent, and marked sent once the server
//! has it, so that edits made while the server is away survive a crash and are sent when
//! it is back (first thing on the next open of the same address).
//!
//! One file per address, named by a hash of the address as shown (never the password),
//! under the app's data folder (`…/claimdesk/journal/`). Lines are `{"seq":N,"edit":…}`
//! (serde's form of the `Edit`) and `{"sent":N}`; a torn last line (a crash while writing)
//! is ignored. Once every edit is sent the file is emptied. An open journal holds an
//! exclusive lock on its file (fs4), so two windows of one machine never share one.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;
use sha2::{Digest, Sha256};

use super::Address;
use crate::model::edit::Edit;

/// The folder of the journals: beside the recovery files.
pub fn journal_dir() -> PathBuf {
    let recovery = crate::io::project_file::recovery_dir();
    match recovery.parent() {
        Some(base) => base.join("journal"),
        None => recovery.join("journal"),
    }
}

/// The journal file of an address in `dir`.
pub fn journal_path(dir: &Path, address: &Address) -> PathBuf {
    let hash = Sha256::digest(address.to_string().as_bytes());
    let name: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{name}.jsonl"))
}

/// An open journal: the file, and the edits written and not yet sent, in order.
pub struct Journal {
    path: PathBuf,
    file: File,
    pending: Vec<(u64, Edit)>,
    next: u64,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Written {
    seq: u64,
    edit: Edit,
}

#[derive(serde::Deserialize)]
struct Sent {
    sent: u64,
}

impl Journal {
    /// Open (or create) the journal of `address` in `dir`, reading the edits not yet sent.
    pub fn open(dir: &Path, address: &Address) -> Result<Journal, String> {
        let path = journal_path(dir, address);
        let why = |e: std::io::Error| format!("{}: {e}", path.display());
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(why)?;
        // A window reopening the same address: its old link lets go within a moment.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        while !file.try_lock_exclusive().map_err(why)? {
            if std::time::Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_millis(50));
                continue;
            }
            return Err(format!(
                "{}: in use by another claimdesk window with this shared project open",
                path.display()
            ));
        }
        let mut pending: Vec<(u64, Edit)> = Vec::new();
        let mut next = 1;
        for line in BufReader::new(&file).lines() {
            let Ok(line) = line else { break };
            if let Ok(w) = serde_json::from_str::<Written>(&line) {
                next = next.max(w.seq + 1);
                pending.push((w.seq, w.edit));
            } else if let Ok(s) = serde_json::from_str::<Sent>(&line) {
                pending.retain(|(seq, _)| *seq != s.sent);
            }
        }
        Ok(Journal {
            path,
            file,
            pending,
            next,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The edits written and not yet sent, oldest first.
    pub fn pending(&self) -> &[(u64, Edit)] {
        &self.pending
    }

    /// Write an edit (fsync'd before returning); returns its number in the journal.
    pub fn append(&mut self, edit: &Edit) -> Result<u64, String> {
        let seq = self.next;
        let line = serde_json::to_string(&Written {
            seq,
            edit: edit.clone(),
        })
        .map_err(|e| format!("{}: {e}", self.path.display()))?;
        self.write_line(&line)?;
        self.next += 1;
        self.pending.push((seq, edit.clone()));
        Ok(seq)
    }

    /// The server has edit `seq`: mark it sent (fsync'd); empty the file once none is left.
    pub fn sent(&mut self, seq: u64) -> Result<(), String> {
        self.pending.retain(|(s, _)| *s != seq);
        if self.pending.is_empty() {
            let why = |e: std::io::Error| format!("{}: {e}", self.path.display());
            self.file.set_len(0).map_err(why)?;
            return self.file.sync_all().map_err(why);
        }
        self.write_line(&format!("{{\"sent\":{seq}}}"))
    }

    fn write_line(&mut self, line: &str) -> Result<(), String> {
        let why = |e: std::io::Error| format!("{}: {e}", self.path.display());
        self.file
            .write_all(format!("{line}\n").as_bytes())
            .map_err(why)?;
        self.file.sync_data().map_err(why)
    }
}
