//! The window's one command boundary: every input becomes an [`Action`] in one ordered
//! queue, and the app's dispatcher (`app/dispatch.rs`) alone decides what each does (an
//! edit of the project, a change of view, or a side effect run off the UI thread).
//! Actions come by area ([`FileAction`], [`TriageAction`], [`ViewAction`],
//! [`LibraryAction`], [`SharedAction`], and job reports), each handled in its own module
//! of `app/` by an exhaustive match; views push any of them (`Queue::push` takes each).
//!
//! The keys that become actions, and the order they are read in, are in `shortcuts.rs`.

use std::path::PathBuf;

use super::jobs::{JobMsg, Pasted};
use super::rows::{Filter, SortColumn};
use super::speaker_list::SpeakerQuery;
use crate::io::export::{Format, Options};
use crate::model::edit::Edit;
use crate::model::{ArticleId, ClaimId, Project, SpeakerId, Status};

pub use super::document_flow::{Prompt, PromptAnswer, Then};

/// How a click on a claim changes the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Only this claim (plain click).
    Only,
    /// Add or remove it (Ctrl-click).
    Toggle,
    /// From the anchor to it (Shift-click).
    Extend,
}

/// Which claims view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Claims,
    Speakers,
}

/// The window's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    Dark,
    Light,
    #[default]
    System,
}

impl ThemeChoice {
    /// The theme preference egui takes.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::Dark => egui::ThemePreference::Dark,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::System => egui::ThemePreference::System,
        }
    }
}

/// An export the analyst asked for: settings as typed in the window, where to write.
/// "Only the claims shown" and "include Not a claim" are in `options`.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub format: Format,
    pub options: Options,
    pub settings: crate::model::ProjectSettings,
    pub path: PathBuf,
}

/// Everything the window can be asked to do, by area. Each area is handled in its own
/// module with no catch-all arm: the compiler checks that every action is handled.
#[derive(Debug)]
pub enum Action {
    File(FileAction),
    Triage(TriageAction),
    View(ViewAction),
    Library(LibraryAction),
    Shared(SharedAction),
    /// A background job reported (`app/job_results.rs`).
    Job(JobMsg),
    /// The Feeds window (`app/feeds_actions.rs`).
    Feeds(FeedsAction),
}

macro_rules! action_area {
    ($($area:ident($ty:ty)),*) => {
        $(impl From<$ty> for Action {
            fn from(action: $ty) -> Self {
                Action::$area(action)
            }
        })*
    };
}
action_area!(
    File(FileAction),
    Triage(TriageAction),
    View(ViewAction),
    Library(LibraryAction),
    Shared(SharedAction),
    Job(JobMsg),
    Feeds(FeedsAction)
);

/// Files and the document's life: open, import, paste, save, export, quit, the prompts'
/// answers (handled in `app/file_actions.rs`, through `document_flow`).
#[derive(Debug)]
pub enum FileAction {
    ShowOpenPath,
    /// File → Open URL…: ask for the addresses of articles.
    ShowOpenUrl,
    ShowSavePath,
    ShowExport,
    OpenDialog,
    /// Open these files (articles are added, a project replaces the current one).
    OpenPaths(Vec<PathBuf>),
    /// Fetch these http(s) addresses and add them as articles.
    OpenUrls(Vec<String>),
    /// Make an article of the clipboard (File → Paste article, Ctrl+V outside text
    /// fields): its HTML if it has some, else its text. The text is what came with the
    /// frame's paste event, if any.
    PasteArticle(Option<String>),
    /// Add the pasted article, with the title the analyst typed (empty: its first line).
    AddPasted {
        pasted: Box<Pasted>,
        title: String,
    },
    NewProject,
    Save,
    SaveAs,
    /// Save to this path (typed by the analyst), then do what was waiting for the save.
    SaveTo(PathBuf),
    Quit,
    /// The window's close button (or the system) asks to close.
    CloseRequested,
    Reextract(ArticleId),
    /// A new statement threshold for the project (an undoable settings edit); every
    /// article's statements are then found again from it, in the background.
    StatementThreshold(f32),
    CancelImport,
    Export(Box<ExportRequest>),
    /// Pick the export's file with the native save dialog.
    BrowseExport {
        format: Format,
        current: PathBuf,
    },
    Answer(Prompt, PromptAnswer),
}

/// Edits of the project (through the undo history), verdicts, and the selection they act
/// on (handled in `app/triage_actions.rs`).
#[derive(Debug)]
pub enum TriageAction {
    Edit(Edit),
    /// Tag the selected claims with what was typed in the tag field (then empty it).
    AddTypedTag,
    /// Merge every speaker of `from` into `into` (their claims move, their names become
    /// aliases of `into`).
    MergeSpeakers {
        from: Vec<SpeakerId>,
        into: SpeakerId,
    },
    /// "Not a speaker" for all of `speakers` (one edit), their claims as `claims` says.
    DismissSpeakers {
        speakers: Vec<SpeakerId>,
        claims: crate::model::edit::DismissClaims,
    },
    /// Set a status on the selected claims (then, if the preference says so, select the
    /// claim shown after them).
    Tag(Status),
    DeleteSelected,
    /// Publish the selected claims' verdicts as they are now (Edit → Publish verdicts;
    /// in a shared project only with the publish right).
    Publish,
    /// Withdraw the publication of the selected claims' verdicts.
    Unpublish,
    Undo,
    Redo,
    /// Commit what was typed in the details fields (a field was left).
    CommitDrafts,
    Move {
        rows: isize,
        extend: bool,
    },
    First {
        extend: bool,
    },
    Last {
        extend: bool,
    },
    SelectAll,
    /// The next claim shown that is still unchecked (from the cursor on, wrapping round).
    NextUnchecked,
    ClearSelection,
    Select {
        claim: ClaimId,
        pick: Pick,
    },
    /// Open a claim in the Claims tab (the filters are cleared if they hide it).
    JumpToClaim(ClaimId),
    /// A click on a speaker in the Speakers tab.
    PickSpeaker {
        speaker: SpeakerId,
        pick: Pick,
    },
    /// Ask for a speaker for the selected claims ("Assign speaker…").
    ShowAssignSpeaker,
}

/// How the window shows the project: tabs, filters, sort, focus, theme, text size (handled
/// in `app/view_actions.rs`).
#[derive(Debug)]
pub enum ViewAction {
    /// Show one article's claims and text (`None`: all articles).
    ShowArticle(Option<ArticleId>),
    ShowTab(Tab),
    SortBy(SortColumn),
    /// The filter row changed (search text, status, speaker or kind).
    SetFilter(Filter),
    ClearFilters,
    /// The Speakers tab's search or sort changed.
    SetSpeakerQuery(SpeakerQuery),
    /// Hand the keys back to the table (Enter in the search field).
    FocusTable,
    FocusSearch,
    /// Text typed in the same frame as Ctrl+F, before the search field had the keys: it
    /// goes on the end of the search.
    TypeSearch(String),
    /// Give the keys to the tag field of the details pane (T in the table).
    FocusTags,
    /// Text typed in the same frame as T, before the tag field had the keys.
    TypeTag(String),
    /// Tab in the tag field: the first of the project's tags that fits what was typed.
    CompleteTag,
    SetTheme(ThemeChoice),
    /// Whether a verdict key moves the selection on to the next claim (a preference).
    SetAdvance(bool),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ShowShortcuts,
}

/// The claim library (File → Claim library…) and what it found (handled in
/// `app/library_actions.rs`).
#[derive(Debug)]
pub enum LibraryAction {
    ShowLibrary,
    CloseLibrary,
    /// Use the library in this folder (remembered across runs; made by the first add).
    OpenLibrary(PathBuf),
    PickLibraryFolder,
    PickLibraryFiles,
    /// Add these fact-check files (ClaimReview JSON, projects) to the library.
    AddToLibrary(Vec<PathBuf>),
    /// The search of the library's list changed.
    SearchLibrary(String),
    /// Take over the best earlier fact-check of the claim under the cursor: its verdict
    /// and its review as evidence, one edit (then move on, as a verdict key does).
    ApplyBestMatch,
    /// Take over this earlier fact-check (by its address) for `claim`.
    ApplyMatch {
        claim: ClaimId,
        url: String,
    },
    /// The analyst's word on the match of `claim` with the review at `url`: confirmed
    /// (`Some(true)`), rejected (`Some(false)`, not shown again) or taken back (`None`).
    JudgeMatch {
        claim: ClaimId,
        url: String,
        confirmed: Option<bool>,
    },
    /// Set `status` on `claim` and every claim near-identical to it (one edit).
    TagGroup {
        claim: ClaimId,
        status: Status,
    },
    /// Select `claim` and the claims near-identical to it.
    SelectGroup(ClaimId),
}

/// A shared project (handled in `app/shared_actions.rs`).
#[derive(Debug)]
pub enum SharedAction {
    /// File → Open shared project…: ask for a `postgres://…?project=NAME` address.
    ShowOpenShared,
    /// The answer to a shared project's password prompt (`None`: cancelled). Kept in
    /// memory only, for that link.
    SharedPassword(Option<Secret>),
}

/// Actions in the order they arrived; drained once per frame by the dispatcher.
#[derive(Default, Debug)]
pub struct Queue(Vec<Action>);

impl Queue {
    pub fn push(&mut self, action: impl Into<Action>) {
        self.0.push(action.into());
    }

    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The project as it is now, for a background job (saving, autosaving, exporting), so
/// that the analyst can go on editing while the disk works. The project is shared, not
/// copied: taking a snapshot costs nothing whatever the project's size, and the document
/// is copied only if it is edited while a job still holds the snapshot (see
/// `Document::edit` in the state module).
pub fn snapshot(project: &std::sync::Arc<Project>) -> std::sync::Arc<Project> {
    std::sync::Arc::clone(project)
}

/// A password typed into the window: never shown, not even by `Debug` (actions may be
/// logged).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The Feeds window's requests (`feeds_panel.rs`; handled in `app/feeds_actions.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedsAction {
    Show,
    Close,
    /// Follow this http(s) feed.
    Add(String),
    Remove(String),
    /// Ask every feed now, whatever its interval.
    CheckNow,
    /// The watch list, as typed (comma-separated names, then words).
    SetWatchList {
        speakers: String,
        words: String,
    },
    /// Everything flagged so far has been seen: the badge goes back to zero.
    MarkLooked,
    /// Show only the flags new since the last look (or all of them).
    OnlyNew(bool),
}
