//! The app shell: owns the document and the view state and draws the frame from the views.
//! Every input becomes an [`Action`] in one queue, drained in order by the dispatcher
//! (`dispatch.rs`), which hands each area to its module: `file_actions.rs` (with
//! `files.rs`, the shell's side of `ui::document_flow`), `triage_actions.rs`,
//! `view_actions.rs`, `library_actions.rs`, `shared_actions.rs` (+ `speaker_actions.rs`,
//! `publish_actions.rs`), `feeds_actions.rs`, and background job results in `job_results.rs`.
//!
//! A frame: `logic` turns job results, dropped files and close requests into actions and
//! runs them at once (eframe calls `logic` even while a dialog covers the window); `ui`
//! reads the keys in arrival order, draws the views (which push actions), notices a text
//! field being left, then runs the queue.

mod dispatch;
mod feeds_actions;
mod file_actions;
mod files;
mod job_results;
mod library_actions;
mod publish_actions;
mod shared_actions;
mod speaker_actions;
mod triage_actions;
mod view_actions;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::checks::Checks;
use super::claims_table::table_focus_id;
use super::command::{Action, FileAction, Queue, Tab, ThemeChoice, TriageAction};
use super::dialogs::Dialogs;
use super::document_flow::DocumentFlow;
use super::drafts::Drafts;
use super::export::ExportWindow;
use super::jobs::Jobs;
use super::menu::{self, MenuFacts};
use super::shortcuts::{self, KeyContext};
use super::state::{Document, ViewState};
use super::status_bar::{self, StatusFacts};
use super::{
    article_view, articles_list, assign_speaker, claims_table, details, feeds_panel, filters,
    library_window, speakers, theme,
};
use crate::model::Project;
pub use shared_actions::{SharedSession, apply_remote};

const RECENT_KEY: &str = "claimdesk.recent";
const PREFS_KEY: &str = "claimdesk.prefs";
const LIBRARY_KEY: &str = "claimdesk.library";
const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// How the app starts. The window uses the defaults; tests and benches turn off what
/// touches the analyst's machine (recovery files, the sample, remembered files).
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Articles or a project to open at start.
    pub files: Vec<PathBuf>,
    /// With no files and no recent project, show the bundled sample already analysed.
    pub sample_on_first_run: bool,
    /// Write recovery files every 30 s and offer to restore them at start.
    pub recovery: bool,
    /// Read the system clipboard for File → Paste article and Ctrl+V (tests paste the
    /// text of the frame's paste event only).
    pub system_clipboard: bool,
    /// Where shared projects' offline journals are kept (`None`: the app's data folder).
    pub journal_dir: Option<PathBuf>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            files: Vec::new(),
            sample_on_first_run: true,
            recovery: true,
            system_clipboard: true,
            journal_dir: None,
        }
    }
}

/// Preferences remembered across runs (eframe storage), apart from the project file.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub theme: ThemeChoice,
    /// Text size, as egui's zoom factor (Ctrl + / − / 0).
    pub zoom: f32,
    /// A verdict key moves the selection to the next claim shown ("verdict and move on").
    /// Missing in preferences stored before it existed: on.
    #[serde(default = "yes")]
    pub advance: bool,
}

fn yes() -> bool {
    true
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: ThemeChoice::System,
            zoom: 1.0,
            advance: true,
        }
    }
}

impl Prefs {
    /// Stored values are clamped when read: a bad settings file cannot make text unreadable.
    fn clamped(self) -> Self {
        Prefs {
            theme: self.theme,
            advance: self.advance,
            zoom: if self.zoom.is_finite() {
                self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
            } else {
                1.0
            },
        }
    }
}

pub const MIN_ZOOM: f32 = 0.8;
pub const MAX_ZOOM: f32 = 2.0;

pub struct ClaimdeskApp {
    pub doc: Document,
    pub view: ViewState,
    pub dialogs: Dialogs,
    /// File → Export…
    pub export: ExportWindow,
    pub jobs: Jobs,
    /// The claim library and each claim's earlier fact-checks (File → Claim library…).
    pub checks: Checks,
    /// The Feeds window (`feeds_panel.rs`, `feeds_actions.rs`).
    pub feeds: feeds_panel::FeedsWindow,
    last_feed_tick: Instant,
    /// The shared project open in the window, if any (`shared_actions.rs`).
    pub shared: Option<SharedSession>,
    /// A shared project being opened to replace the document (it becomes `shared` once
    /// it has loaded; a failure drops it and changes nothing).
    opening_shared: Option<SharedSession>,
    next_link: u64,
    /// Project files opened or saved lately, newest first; remembered across runs.
    pub recent: Vec<PathBuf>,
    pub prefs: Prefs,
    options: AppOptions,
    queue: Queue,
    /// A one-line message in the status bar ("Saved …", "Nothing to undo").
    pub message: Option<String>,
    /// Select the first claim of the next opened article and focus the table.
    select_next_import: bool,
    /// The document's life: open, save, discard, close, autosave, recovery.
    pub flow: DocumentFlow,
    last_recovery: Instant,
    /// A text field had the keys at the end of the last frame.
    typing_last_frame: bool,
    /// The window has had its real size once: panels remember their widths, so none is
    /// laid out in a first frame drawn before the window was mapped at its size.
    sized: bool,
    ctx: Option<egui::Context>,
    title: String,
    /// Frame times, when the environment asks for them (measuring; off otherwise).
    frame_log: crate::ui::frame_log::FrameLog,
}

impl ClaimdeskApp {
    /// The app as the window starts it: remembered files and preferences from eframe's
    /// storage.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let recent: Vec<PathBuf> = cc
            .storage
            .and_then(|s| eframe::get_value(s, RECENT_KEY))
            .unwrap_or_default();
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        // Stored as an `Option` (no library chosen is remembered too).
        let library: Option<PathBuf> = cc
            .storage
            .and_then(|s| eframe::get_value::<Option<PathBuf>>(s, LIBRARY_KEY))
            .flatten();
        let mut app = Self::headless(options, recent);
        app.prefs = prefs.clamped();
        app.attach(&cc.egui_ctx);
        if let Some(dir) = library {
            app.open_library(dir);
        }
        app
    }

    /// The app without a window (tests, benches): same state and logic.
    pub fn headless(options: AppOptions, recent: Vec<PathBuf>) -> Self {
        let mut app = ClaimdeskApp {
            doc: Document::new(Project::new("")),
            view: ViewState::default(),
            dialogs: Dialogs::default(),
            export: ExportWindow::default(),
            jobs: Jobs::default(),
            checks: Checks::default(),
            feeds: Default::default(),
            last_feed_tick: Instant::now(),
            shared: None,
            opening_shared: None,
            next_link: 0,
            recent: recent.into_iter().filter(|p| p.exists()).collect(),
            prefs: Prefs::default(),
            options,
            queue: Queue::default(),
            message: None,
            select_next_import: false,
            flow: DocumentFlow::default(),
            last_recovery: Instant::now(),
            typing_last_frame: false,
            sized: false,
            ctx: None,
            title: String::new(),
            frame_log: crate::ui::frame_log::FrameLog::from_env(),
        };
        app.start();
        app
    }

    /// Apply text sizes, theme and zoom to the window's context (once).
    fn attach(&mut self, ctx: &egui::Context) {
        if self.ctx.is_some() {
            return;
        }
        self.ctx = Some(ctx.clone());
        self.jobs.set_context(ctx);
        // Ctrl + / − / 0 are ours (in the shortcut table), remembered with the preferences.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        theme::apply_text_sizes(ctx);
        theme::apply_contrast(ctx);
        theme::apply_theme(ctx, self.prefs.theme.preference());
        ctx.set_zoom_factor(self.prefs.zoom);
    }

    fn start(&mut self) {
        let files = std::mem::take(&mut self.options.files);
        if !files.is_empty() {
            self.open_paths(files);
        } else if let Some(last) = self.recent.first().cloned() {
            self.open_project(last);
        } else if self.options.sample_on_first_run {
            self.load_sample();
        }
        if self.options.recovery {
            self.jobs.find_recoveries();
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// Wait for background jobs and handle their messages (tests and benches).
    pub fn finish_jobs(&mut self) {
        loop {
            let msgs = self.jobs.wait();
            if msgs.is_empty() {
                break;
            }
            for m in msgs {
                self.dispatch(Action::Job(m));
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let unsaved = files::facts(&self.doc, &self.view, self.shared.is_some()).dirty;
        let mark = if unsaved { " •" } else { "" };
        let title = format!("claimdesk — {}{mark}", self.doc.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Where the keys go this frame.
    fn key_context(&self, ctx: &egui::Context) -> KeyContext {
        // A search asked for (Ctrl+F) and not yet drawn with the keys counts as typing.
        let typing = self.view.focus_search
            || self.view.focus_tags
            || ctx
                .memory(|m| m.focused())
                .is_some_and(|id| id != table_focus_id());
        let modal = self.dialogs.is_modal() || self.export.is_open() || self.checks.window.open;
        KeyContext {
            typing,
            // A dialog's own field: its Esc is the dialog's (one Esc closes it).
            left_field: self.typing_last_frame && !typing && !modal,
            modal,
            table: self.view.tab == Tab::Claims,
            speakers: self.view.tab == Tab::Speakers,
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let publish = self.publish_right();
        let revision = self.doc.history.revision();
        (self.feeds.flags).refresh(&self.doc.project, revision, &self.checks);
        let (undo, redo) = self
            .shared_labels()
            .unwrap_or((self.doc.history.undo_label(), self.doc.history.redo_label()));
        let queue = &mut self.queue;
        egui::Panel::top("menu").show(ui, |ui| {
            let facts = MenuFacts {
                recent: &self.recent,
                undo,
                redo,
                article: self.view.article,
                theme: self.prefs.theme,
                advance: self.prefs.advance,
                publish,
                feeds_new: self.feeds.flags.new,
            };
            menu::show(ui, &facts, queue);
        });
        if let Some(s) = self.shared.as_ref().filter(|s| s.read_only()) {
            egui::Panel::top("read_only").show(ui, |ui| status_bar::read_only_banner(ui, &s.name));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let facts = StatusFacts {
                summary: self.view.rows.counts.summary(),
                of_total: self
                    .view
                    .filter
                    .is_active()
                    .then_some(self.view.index.all.total()),
                selected: self.view.selection.ids.len(),
                import: self.jobs.import.as_ref(),
                saving: self.flow.saving(),
                message: self.message.as_deref(),
                dirty: files::facts(&self.doc, &self.view, false).dirty,
                on_disk: self.doc.path.is_some(),
                shared: self.shared.as_ref().map(|s| (s.describe(), s.read_only())),
            };
            status_bar::show(ui, &facts, queue);
        });
        let project = &self.doc.project;
        let view = &mut self.view;
        let checks = &self.checks;
        // Narrower at large text sizes, so that the table keeps every column.
        let window = ui.available_width();
        egui::Panel::left("articles")
            .resizable(true)
            .default_size((window * 0.18).clamp(150.0, 230.0))
            .size_range(150.0..=(window * 0.25).clamp(200.0, 320.0))
            .show(ui, |ui| {
                let (index, drafts) = (&view.index, &mut view.drafts);
                articles_list::show(ui, project, index, view.filter.article, drafts, queue);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            filters::show(ui, project, view, queue);
            match view.tab {
                Tab::Claims => {
                    // The reading panel never takes the table's least height (its
                    // header and four rows), also at 200% in a small window.
                    let height = ui.available_height();
                    let most = (height - claims_table::MIN_TABLE_HEIGHT)
                        .min((height * 0.55).max(140.0))
                        .max(80.0);
                    egui::Panel::bottom("reading")
                        .resizable(true)
                        .default_size((height * 0.42).max(140.0).min(most))
                        .size_range(80.0_f32.min(most)..=most)
                        .show(ui, |ui| {
                            // A fixed range: a first frame drawn before the window has
                            // its size must not clamp the width it then keeps. Narrow
                            // enough that the article keeps some room at 200%.
                            egui::Panel::right("details")
                                .resizable(true)
                                .default_size(360.0)
                                .size_range(250.0..=480.0)
                                .show(ui, |ui| details::show(ui, project, view, checks, queue));
                            egui::CentralPanel::default()
                                .show(ui, |ui| article_view::show(ui, project, view, queue));
                        });
                    claims_table::show(ui, project, view, checks, queue);
                }
                Tab::Speakers => speakers::show(ui, project, view, queue),
            }
        });
        let ctx = ui.ctx().clone();
        self.dialogs.show(&ctx, queue);
        assign_speaker::show(&ctx, project, &mut self.dialogs.assign_speaker, queue);
        self.export.show(&ctx, queue);
        library_window::show(&ctx, &mut self.checks, queue);
        feeds_panel::show(&ctx, project, &mut self.feeds, queue);
    }
}

impl eframe::App for ClaimdeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.frame_log.begin(ctx, true);
        self.attach(ctx);
        for msg in self.jobs.poll() {
            self.dispatch(Action::Job(msg));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.dispatch(FileAction::OpenPaths(dropped));
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.dispatch(FileAction::CloseRequested);
        }
        self.autosave();
        self.feeds_tick();
        self.update_title(ctx);
        if self.jobs.is_busy() || self.jobs.import.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        } else if self.options.recovery && self.doc.is_dirty() {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        } else if !self.doc.project.feeds.feeds.is_empty() {
            ctx.request_repaint_after(feeds_actions::TICK);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frame_log.begin(&ctx, false);
        self.attach(&ctx);
        if !self.sized {
            if ctx.content_rect().width() < 600.0 {
                ctx.request_repaint_after(Duration::from_millis(50));
                return;
            }
            self.sized = true;
        }
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        // Esc closes what is on top first: an open menu or popup, then Help; only then is
        // it the table's (clear the selection) or a field's.
        let escape = |ctx: &egui::Context| {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        };
        if egui::Popup::is_any_open(&ctx) && escape(&ctx) {
            egui::Popup::close_all(&ctx);
        } else if self.dialogs.shortcuts && escape(&ctx) {
            self.dialogs.shortcuts = false;
        }
        let keys = self.key_context(&ctx);
        shortcuts::read_keys(&ctx, keys, &mut self.queue);

        self.draw(ui);

        // A details field left this frame (Esc, Tab, a click, not drawn): commit it.
        let now = Drafts::field_with_focus(&ctx);
        if self.view.drafts.focused.is_some() && now != self.view.drafts.focused {
            self.queue.push(TriageAction::CommitDrafts);
        }
        self.view.drafts.focused = now;
        self.typing_last_frame = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| id != table_focus_id());

        let actions = self.queue.take();
        if !actions.is_empty() {
            for action in actions {
                self.dispatch(action);
            }
            ctx.request_repaint();
        }
        self.update_title(&ctx);
        self.frame_log.end(self.view.rows.rows.len());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
        eframe::set_value(storage, LIBRARY_KEY, &self.checks.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_size_is_clamped_when_read() {
        let wild = Prefs {
            theme: ThemeChoice::Dark,
            zoom: 7.0,
            advance: false,
        };
        assert_eq!(wild.clamped().zoom, MAX_ZOOM);
        let nan = Prefs {
            zoom: f32::NAN,
            ..wild
        };
        assert_eq!(nan.clamped().zoom, 1.0);
        assert_eq!(Prefs { zoom: 0.1, ..wild }.clamped().zoom, MIN_ZOOM);
        assert!(!wild.clamped().advance, "kept as stored");
    }

    #[test]
    fn preferences_stored_before_moving_on_existed_keep_theme_and_move_on() {
        let old: Prefs = serde_json::from_str(r#"{"theme":"Dark","zoom":1.2}"#)
            .expect("old preferences still read");
        assert_eq!(old.theme, ThemeChoice::Dark);
        assert!(old.advance, "on by default");
    }
}
