//! The library folder on disk.
//!
//! ```text
//! LIB/library.json      the manifest: format, version, generation, and for each data file
//!                       its name, size and SHA-256
//! LIB/reviews-N.jsonl   the reviews, one JSON object a line, in the order they were added
//! LIB/index-N.bin       the full-text index of generation N (index.rs)
//! LIB/.lock             one writer at a time (locked through the OS, never removed)
//! ```
//!
//! An add writes generation N+1's data files (each through `io::atomic`: a temporary,
//! fsync, rename), then replaces the manifest the same way, and only then removes older
//! generations. A reader goes by the manifest alone and checks each file's size and
//! SHA-256 against it, so a kill at any moment leaves the previous library or the new one,
//! never a mixture; files of an unfinished add are removed by the next one.
//!
//! Readers never take the lock: they read the last committed generation while an add runs.
//! An add that commits between a reader's reading of the manifest and of the data files
//! removes the files that manifest named; the reader then finds a newer manifest and reads
//! that generation instead ([`super::Library::open`]).
//!
//! Every file is read as a regular file of bounded size (`io::regular_file`): a FIFO or
//! device put in the folder is refused at once, never waited on, and a data file whose
//! size on disk differs from the manifest's is refused before it is read.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{LibraryError, Review};
use crate::io::atomic::{Leftovers, replace_file, replace_file_with};
use crate::io::regular_file::{ReadRefused, open_regular, read_open, read_regular};

pub const MANIFEST: &str = "library.json";
pub const FORMAT_NAME: &str = "claimdesk-library";
/// The library format this claimdesk writes; it reads this one and older ones.
pub const VERSION: u32 = 1;
const LOCK_FILE: &str = ".lock";
/// How long an add waits for another add to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);
/// The largest manifest read (a real one is a few hundred bytes).
const MAX_MANIFEST_BYTES: u64 = 1 << 20;
/// The largest data file read (a library of 300,000 reviews has files of about 130 MB).
const MAX_DATA_BYTES: u64 = 4 << 30;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub generation: u64,
    pub reviews: DataFile,
    pub index: DataFile,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DataFile {
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    #[serde(default)]
    pub count: u64,
}

/// The manifest of the library in `dir`, `Ok(None)` when there is none yet.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>, LibraryError> {
    let path = dir.join(MANIFEST);
    let bytes = match read_regular(&path, MAX_MANIFEST_BYTES) {
        Ok(b) => b,
        Err(ReadRefused::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(LibraryError::at(&path, e.to_string())),
    };
    // The version first, so that a newer library is refused with that reason even when
    // the rest of its manifest is laid out differently.
    let head: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| LibraryError::at(&path, format!("damaged library manifest: {e}")))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(LibraryError::at(&path, "not a claimdesk library manifest"));
    }
    let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(LibraryError::at(
            dir,
            format!(
                "this library was made by a newer claimdesk (library version {version}; this \
                 claimdesk reads up to {VERSION}); update claimdesk to use it"
            ),
        ));
    }
    let manifest: Manifest = serde_json::from_value(head)
        .map_err(|e| LibraryError::at(&path, format!("damaged library manifest: {e}")))?;
    Ok(Some(manifest))
}

/// One data file, opened: its type, and its size on disk against the manifest (and the
/// limit), checked before anything is read.
pub fn open_data(dir: &Path, file: &DataFile) -> Result<OpenData, LibraryError> {
    if file.file.contains(['/', '\\']) || file.file.starts_with('.') {
        return Err(LibraryError::at(
            dir,
            format!("bad data file name {:?}", file.file),
        ));
    }
    let path = dir.join(&file.file);
    let (handle, meta) = open_regular(&path).map_err(|e| LibraryError::at(&path, e.to_string()))?;
    if file.bytes > MAX_DATA_BYTES {
        let too_large = ReadRefused::TooLarge {
            bytes: file.bytes,
            limit: MAX_DATA_BYTES,
        };
        return Err(LibraryError::at(&path, too_large.to_string()));
    }
    if meta.len() != file.bytes {
        return Err(damaged(&path));
    }
    Ok(OpenData {
        path,
        handle,
        meta,
        expected: file.clone(),
    })
}

/// A data file opened by [`open_data`], to be read by [`OpenData::read`].
pub struct OpenData {
    path: PathBuf,
    handle: File,
    meta: std::fs::Metadata,
    expected: DataFile,
}

impl OpenData {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its bytes, checked against the manifest's size and SHA-256; never more than the
    /// manifest's size plus one are read.
    pub fn read(self) -> Result<Vec<u8>, LibraryError> {
        let bytes = read_open(self.handle, &self.meta, self.expected.bytes)
            .map_err(|e| LibraryError::at(&self.path, e.to_string()))?;
        if bytes.len() as u64 != self.expected.bytes || sha256_hex(&bytes) != self.expected.sha256 {
            return Err(damaged(&self.path));
        }
        Ok(bytes)
    }
}

fn damaged(path: &Path) -> LibraryError {
    LibraryError::at(
        path,
        "damaged: its size or checksum differs from the library manifest",
    )
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// Write reviews as JSON Lines.
fn write_reviews(out: &mut dyn Write, reviews: &[Review]) -> std::io::Result<()> {
    for r in reviews {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A writer that passes bytes on and keeps their count and SHA-256.
struct Hashing<'a> {
    inner: &'a mut dyn Write,
    hash: Sha256,
    bytes: u64,
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub fn decode_reviews(path: &Path, bytes: &[u8]) -> Result<Vec<Review>, LibraryError> {
    let mut reviews = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let r: Review = serde_json::from_slice(line).map_err(|e| {
            LibraryError::at(path, format!("damaged review on line {}: {e}", i + 1))
        })?;
        reviews.push(r);
    }
    Ok(reviews)
}

/// Write generation `generation` (reviews and index), then the manifest pointing at it,
/// then remove every other generation's files. The caller holds the lock.
pub fn write_generation(
    dir: &Path,
    generation: u64,
    reviews: &[Review],
    index: &[u8],
) -> Result<Manifest, LibraryError> {
    let write = |name: &str,
                 content: &dyn Fn(&mut dyn Write) -> std::io::Result<()>|
     -> Result<DataFile, LibraryError> {
        let path = dir.join(name);
        let mut summary = (0u64, String::new());
        replace_file_with(&path, None, Leftovers::AllOfThem, |w| {
            let mut hashing = Hashing {
                inner: w,
                hash: Sha256::new(),
                bytes: 0,
            };
            content(&mut hashing)?;
            summary = (hashing.bytes, hex(&hashing.hash.finalize()));
            Ok(())
        })
        .map_err(|e| LibraryError::at(&path, format!("cannot write: {e}")))?;
        Ok(DataFile {
            file: name.to_owned(),
            bytes: summary.0,
            sha256: summary.1,
            count: reviews.len() as u64,
        })
    };
    let reviews_file = write(&format!("reviews-{generation}.jsonl"), &|w| {
        write_reviews(w, reviews)
    })?;
    let index_file = write(&format!("index-{generation}.bin"), &|w| w.write_all(index))?;
    let manifest = Manifest {
        format: FORMAT_NAME.to_owned(),
        version: VERSION,
        generation,
        reviews: reviews_file,
        index: index_file,
    };
    let mut text = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| LibraryError::at(dir, format!("cannot write the manifest: {e}")))?;
    text.push(b'\n');
    let path = dir.join(MANIFEST);
    replace_file(&path, &text, None, Leftovers::AllOfThem)
        .map_err(|e| LibraryError::at(&path, format!("cannot write: {e}")))?;
    remove_other_generations(dir, &manifest);
    Ok(manifest)
}

/// Data files no manifest points at: older generations, and those of a killed add.
fn remove_other_generations(dir: &Path, keep: &Manifest) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = (name.starts_with("reviews-") && name.ends_with(".jsonl"))
            || (name.starts_with("index-") && name.ends_with(".bin"));
        if ours && name != keep.reviews.file && name != keep.index.file {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An exclusive lock on a library folder, held until dropped (or the process ends).
#[derive(Debug)]
pub struct LibraryLock {
    _file: File,
}

impl LibraryLock {
    pub fn acquire(dir: &Path, wait: Duration) -> Result<LibraryLock, LibraryError> {
        let path: PathBuf = dir.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
        }
        let file = options
            .open(&path)
            .map_err(|e| LibraryError::at(&path, format!("cannot lock the library: {e}")))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock_exclusive() {
                Ok(true) => return Ok(LibraryLock { _file: file }),
                Ok(false) => {}
                Err(e) => {
                    return Err(LibraryError::at(
                        &path,
                        format!("cannot lock the library: {e}"),
                    ));
                }
            }
            if Instant::now() >= deadline {
                return Err(LibraryError::at(
                    dir,
                    format!(
                        "another claimdesk is adding to this library (waited {} s); try again",
                        wait.as_secs()
                    ),
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
