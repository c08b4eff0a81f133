//! The preferences file of the CPU-drawn window: the same `app.ron` (a RON map of keys to
//! strings) eframe reads and writes, so the recent projects, theme and library stay the
//! same whichever way the window is drawn. Written whole to a temporary file and renamed.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Keys and values as eframe keeps them.
pub struct RonStorage {
    path: Option<PathBuf>,
    kv: BTreeMap<String, String>,
    dirty: bool,
}

impl RonStorage {
    /// Reads `path` (a missing or unreadable file starts empty); `None` keeps nothing.
    pub fn open(path: Option<PathBuf>) -> Self {
        let kv = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        Self {
            path,
            kv,
            dirty: false,
        }
    }
}

impl eframe::Storage for RonStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.kv.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        if self.kv.get(key) != Some(&value) {
            self.kv.insert(key.to_owned(), value);
            self.dirty = true;
        }
    }

    fn remove_string(&mut self, key: &str) {
        if self.kv.remove(key).is_some() {
            self.dirty = true;
        }
    }

    fn flush(&mut self) {
        if !self.dirty {
            return;
        }
        let Some(path) = &self.path else { return };
        let Ok(text) = ron::ser::to_string_pretty(&self.kv, ron::ser::PrettyConfig::default())
        else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = path.with_extension("ron.tmp");
        if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, path).is_ok() {
            self.dirty = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;

    #[test]
    fn values_survive_a_flush_and_a_new_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("app.ron");
        let mut storage = RonStorage::open(Some(path.clone()));
        storage.set_string("recent", "[\"a.claimdesk\"]".into());
        storage.flush();
        let again = RonStorage::open(Some(path));
        assert_eq!(
            again.get_string("recent").as_deref(),
            Some("[\"a.claimdesk\"]")
        );
    }
}
