//! The claim library's actions and job reports: choosing and opening the library, adding
//! to it, matching the project's claims (started here whenever the project or the library
//! changed, run by the jobs; so are the groups of near-identical claims), taking an earlier fact-check over, and the groups of
//! near-identical claims (select them, mark them all in one edit).

use std::path::PathBuf;

use super::ClaimdeskApp;
use crate::model::edit::Edit;
use crate::model::{ClaimId, Status};
use crate::ui::command::LibraryAction;
use crate::ui::jobs::JobMsg;

impl ClaimdeskApp {
    /// Run one of the library's actions.
    pub(super) fn library_action(&mut self, action: LibraryAction) {
        match action {
            LibraryAction::ShowLibrary => {
                let w = &mut self.checks.window;
                w.open = true;
                w.folder = self
                    .checks
                    .dir
                    .as_ref()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                self.browse_library();
            }
            LibraryAction::CloseLibrary => self.checks.window.open = false,
            LibraryAction::OpenLibrary(dir) => self.open_library(dir),
            LibraryAction::PickLibraryFolder => {
                let start = self.checks.dir.clone();
                self.jobs.library_folder_dialog(start);
            }
            LibraryAction::PickLibraryFiles => self.jobs.library_files_dialog(),
            LibraryAction::AddToLibrary(files) => self.add_to_library(files),
            LibraryAction::SearchLibrary(query) => {
                self.checks.window.query = query;
                self.browse_library();
            }
            LibraryAction::ApplyBestMatch => self.apply_best_match(),
            LibraryAction::ApplyMatch { claim, url } => {
                self.apply_match(claim, Some(&url));
            }
            LibraryAction::JudgeMatch {
                claim,
                url,
                confirmed,
            } => self.judge_match(claim, url, confirmed),
            LibraryAction::TagGroup { claim, status } => self.tag_group(claim, status),
            LibraryAction::SelectGroup(claim) => self.select_group(claim),
        }
    }

    /// Use the library in `dir` (remembered); it is read off the UI thread.
    pub(super) fn open_library(&mut self, dir: PathBuf) {
        self.checks.window.folder = dir.display().to_string();
        self.checks.dir = Some(dir.clone());
        self.checks.library = None;
        self.checks.opening = true;
        self.checks.error = None;
        self.checks.window.report = None;
        self.checks.window.failed.clear();
        self.jobs.open_library(dir);
    }

    fn add_to_library(&mut self, files: Vec<PathBuf>) {
        let Some(dir) = self.checks.dir.clone() else {
            self.message = Some("Choose the claim library's folder first".into());
            return;
        };
        if files.is_empty() || self.checks.adding {
            return;
        }
        self.checks.adding = true;
        self.checks.window.report = None;
        self.checks.window.failed.clear();
        self.jobs.add_to_library(dir, files);
    }

    /// Ask for the library window's list (the search typed, or the latest added).
    fn browse_library(&mut self) {
        if let (true, Some(lib)) = (self.checks.window.open, &self.checks.library) {
            let query = self.checks.window.query.clone();
            self.jobs
                .browse_library(lib.clone(), self.checks.generation, query);
        }
    }

    /// Start matching the claims whose matches are missing or out of date (after every
    /// action; cheap when neither the project nor the library changed).
    pub(super) fn library_tick(&mut self) {
        let revision = self.doc.history.revision();
        if let Some((epoch, claims)) = self.checks.to_group(&self.doc.project, revision) {
            self.jobs.group_claims(epoch, revision, claims);
        }
        if let Some(claims) = self.checks.to_match(&self.doc.project, revision)
            && let Some(lib) = &self.checks.library
        {
            self.jobs
                .match_claims(lib.clone(), self.checks.generation, claims);
        }
    }

    pub(super) fn library_job(&mut self, msg: JobMsg) {
        match msg {
            JobMsg::LibraryOpened { dir, result } => {
                if self.checks.dir.as_ref() != Some(&dir) {
                    return; // another folder was chosen meanwhile
                }
                match result {
                    Ok(library) => {
                        self.checks.loaded(dir, library);
                        self.browse_library();
                    }
                    Err(e) => {
                        self.checks.opening = false;
                        self.checks.library = None;
                        self.checks.error = Some(e.clone());
                        self.message = Some(format!("Claim library not opened: {e}"));
                    }
                }
            }
            JobMsg::LibraryAdded { dir, result } => {
                self.checks.adding = false;
                match result {
                    Ok((report, library)) => {
                        self.checks.added(&report);
                        let failed = report.failed.len();
                        self.message = Some(format!(
                            "Claim library: {} added, {} in all{}",
                            report.added,
                            report.total,
                            if failed > 0 {
                                format!("; {failed} file(s) could not be read")
                            } else {
                                String::new()
                            }
                        ));
                        if self.checks.dir.as_ref() == Some(&dir)
                            && (report.added > 0 || report.updated > 0 || library.is_some())
                        {
                            self.checks.loaded(dir, library);
                            self.browse_library();
                        }
                    }
                    Err(e) => {
                        self.checks.error = Some(e.clone());
                        self.message = Some(format!("Nothing added to the claim library: {e}"));
                    }
                }
            }
            JobMsg::Matched {
                generation,
                found,
                done,
            } => self.checks.matched(generation, found, done),
            JobMsg::Grouped {
                epoch,
                revision,
                groups,
            } => self.checks.grouped(epoch, revision, groups),
            JobMsg::LibraryBrowsed {
                generation,
                query,
                rows,
            } => {
                let w = &mut self.checks.window;
                if generation == self.checks.generation && query == w.query {
                    w.rows = rows;
                    w.rows_for = Some((generation, query));
                }
            }
            _ => {}
        }
    }

    /// The key: the best match of the claim under the cursor, then on to the next claim
    /// (as a verdict key, when the preference says so).
    fn apply_best_match(&mut self) {
        let Some(id) = self.view.selection.cursor else {
            self.message = Some("Select a claim first".into());
            return;
        };
        let next = self.next_to_move_on();
        if self.apply_match(id, None)
            && let Some(next) = next
        {
            self.move_on(next);
        }
    }

    /// Take over the match of `claim` at `url` (`None`: its best), as one edit. False when
    /// there is none or the edit was refused.
    fn apply_match(&mut self, claim: ClaimId, url: Option<&str>) -> bool {
        let Some(c) = self.doc.project.claim(claim) else {
            return false;
        };
        let number = c.number;
        let found = match (self.checks.matches_of(c), url) {
            (None, _) if self.checks.library.is_none() => {
                self.message =
                    Some("No claim library open: choose one in File > Claim library…".into());
                return false;
            }
            (None, _) => {
                self.message = Some(format!("#{number}: still looking in the claim library"));
                return false;
            }
            (Some(_), None) => self.checks.best(c),
            (Some(found), Some(url)) => found.iter().find(|m| m.url == url),
        };
        let Some(m) = found.cloned() else {
            self.message = Some(format!("#{number}: nothing like it in the claim library"));
            return false;
        };
        let status = m.status();
        let done = self.apply_edit(Edit::ApplyCheck {
            claim,
            status,
            evidence: m.evidence(),
            at: crate::io::import::now_seconds(),
        });
        if done {
            self.message = Some(match status {
                Some(s) => format!(
                    "#{number}: {} as checked before ({}), review added as evidence",
                    s.label(),
                    if m.author.is_empty() {
                        "no outlet named"
                    } else {
                        &m.author
                    }
                ),
                None => format!(
                    "#{number}: review added as evidence; its rating “{}” is no verdict claimdesk knows, so the verdict is left to you",
                    m.rating
                ),
            });
        }
        done
    }

    /// The analyst confirms or rejects a match (or takes the word back): one edit, with
    /// who (as a publication names them) and when.
    fn judge_match(&mut self, claim: ClaimId, url: String, confirmed: Option<bool>) {
        let Some(number) = self.doc.project.claim(claim).map(|c| c.number) else {
            return;
        };
        let done = self.apply_edit(Edit::JudgeMatch {
            claim,
            url,
            confirmed,
            by: self.publisher(),
            at: crate::io::import::now_seconds(),
        });
        if done {
            self.message = Some(match confirmed {
                Some(true) => format!("#{number}: match confirmed, shown first"),
                Some(false) => {
                    format!("#{number}: match rejected, not shown again (Ctrl+Z brings it back)")
                }
                None => format!("#{number}: your word on the match taken back"),
            });
        }
    }

    fn group_ids(&self, claim: ClaimId) -> Vec<ClaimId> {
        self.checks
            .group_of(claim)
            .map_or_else(|| vec![claim], <[ClaimId]>::to_vec)
    }

    fn tag_group(&mut self, claim: ClaimId, status: Status) {
        let claims = self.group_ids(claim);
        let n = claims.len();
        if self.apply_edit(Edit::SetStatus {
            claims,
            status,
            at: crate::io::import::now_seconds(),
        }) {
            self.message = Some(format!(
                "{n} near-identical claims marked {}",
                status.label()
            ));
        }
    }

    /// Select the group (filters that hide one of them are cleared).
    fn select_group(&mut self, claim: ClaimId) {
        let ids = self.group_ids(claim);
        self.reveal(&ids);
        self.view.select_claim(&self.doc.project, claim);
        for id in &ids {
            if *id != claim && !self.view.selection.contains(*id) {
                self.view.selection.toggle(*id);
            }
        }
        // The cursor stays on the claim the group was selected from.
        self.view.selection.cursor = Some(claim);
        self.view.focus_table = true;
    }
}
