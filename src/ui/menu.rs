//! The menu bar. It reads a few facts ([`MenuFacts`]) and only pushes actions.

use std::path::PathBuf;

use egui::Ui;

use super::command::{
    FileAction, LibraryAction, Queue, SharedAction, Tab, ThemeChoice, TriageAction, ViewAction,
};
use super::shortcuts;
use super::theme;
use crate::model::{ArticleId, Status};

/// What the menus need to know.
pub struct MenuFacts<'a> {
    pub recent: &'a [PathBuf],
    pub undo: Option<&'static str>,
    pub redo: Option<&'static str>,
    /// The article shown (Article → Re-run extraction).
    pub article: Option<ArticleId>,
    pub theme: ThemeChoice,
    /// A verdict moves the selection on (Edit → Move on after a verdict).
    pub advance: bool,
    /// Whether Publish verdicts may be used here, else why not (shown on the greyed item).
    pub publish: Result<(), String>,
    /// Flagged claims new since the analyst last looked (the Feeds button's badge).
    pub feeds_new: usize,
}

fn item(ui: &mut Ui, label: &str, shortcut: Option<&egui::KeyboardShortcut>) -> bool {
    let mut b = egui::Button::new(label);
    if let Some(s) = shortcut {
        b = b.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add(b).clicked()
}

pub fn show(ui: &mut Ui, facts: &MenuFacts<'_>, queue: &mut Queue) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, facts, queue));
        ui.menu_button("Edit", |ui| edit_menu(ui, facts, queue));
        ui.menu_button("View", |ui| view_menu(ui, facts, queue));
        ui.menu_button("Article", |ui| {
            let article = facts.article;
            if ui
                .add_enabled(article.is_some(), egui::Button::new("Re-run extraction"))
                .on_hover_text("Finds claims again; your tags, edits and added claims are kept")
                .clicked()
                && let Some(a) = article
            {
                queue.push(FileAction::Reextract(a));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                queue.push(ViewAction::ShowShortcuts);
            }
        });
        super::feeds_panel::badge(ui, facts.feeds_new, queue);
    });
}

fn file_menu(ui: &mut Ui, facts: &MenuFacts<'_>, queue: &mut Queue) {
    if item(ui, "New project", None) {
        queue.push(FileAction::NewProject);
    }
    if item(ui, "Open…", Some(&shortcuts::OPEN)) {
        queue.push(FileAction::OpenDialog);
    }
    if item(ui, "Open URL…", Some(&shortcuts::OPEN_URL)) {
        queue.push(FileAction::ShowOpenUrl);
    }
    if item(ui, "Open path…", None) {
        queue.push(FileAction::ShowOpenPath);
    }
    if ui
        .add(
            egui::Button::new("Paste article")
                .shortcut_text(ui.ctx().format_shortcut(&shortcuts::PASTE)),
        )
        .on_hover_text("An article from the clipboard: HTML copied from a browser, or text")
        .clicked()
    {
        queue.push(FileAction::PasteArticle(None));
    }
    if ui
        .button("Open shared project…")
        .on_hover_text("A project on the desk's PostgreSQL server (postgres://…?project=NAME)")
        .clicked()
    {
        queue.push(SharedAction::ShowOpenShared);
    }
    ui.menu_button("Open Recent", |ui| {
        if facts.recent.is_empty() {
            ui.label("No recent projects");
        }
        for path in facts.recent {
            if ui.button(path.display().to_string()).clicked() {
                queue.push(FileAction::OpenPaths(vec![path.clone()]));
            }
        }
    });
    ui.separator();
    if item(ui, "Save", Some(&shortcuts::SAVE)) {
        queue.push(FileAction::Save);
    }
    if item(ui, "Save As…", Some(&shortcuts::SAVE_AS)) {
        queue.push(FileAction::SaveAs);
    }
    if ui
        .button("Save to path…")
        .on_hover_text("Type where to save (when no file dialog can be shown)")
        .clicked()
    {
        queue.push(FileAction::ShowSavePath);
    }
    ui.separator();
    if item(ui, "Export…", None) {
        queue.push(FileAction::ShowExport);
    }
    if ui
        .button("Claim library…")
        .on_hover_text("Earlier fact-checks, matched to every claim (Checked before)")
        .clicked()
    {
        queue.push(LibraryAction::ShowLibrary);
    }
    ui.separator();
    if item(ui, "Quit", None) {
        queue.push(FileAction::Quit);
    }
}

fn edit_menu(ui: &mut Ui, facts: &MenuFacts<'_>, queue: &mut Queue) {
    let undo = facts.undo.map_or("Undo".into(), |w| format!("Undo {w}"));
    let b = egui::Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&shortcuts::UNDO));
    if ui.add_enabled(facts.undo.is_some(), b).clicked() {
        queue.push(TriageAction::Undo);
    }
    let redo = facts.redo.map_or("Redo".into(), |w| format!("Redo {w}"));
    let b = egui::Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&shortcuts::REDO));
    if ui.add_enabled(facts.redo.is_some(), b).clicked() {
        queue.push(TriageAction::Redo);
    }
    ui.separator();
    ui.menu_button("Mark selected as", |ui| {
        for status in Status::ALL {
            if theme::status_button(ui, status).clicked() {
                queue.push(TriageAction::Tag(status));
            }
        }
    });
    if item(ui, "Delete selected claims", None) {
        queue.push(TriageAction::DeleteSelected);
    }
    ui.separator();
    let b = egui::Button::new("Publish verdicts of selected")
        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::PUBLISH));
    let why = facts.publish.as_ref().err();
    let r = ui.add_enabled(why.is_none(), b);
    let r = match why {
        Some(why) => r.on_disabled_hover_text(why.as_str()),
        None => r.on_hover_text("Their status and rationale as they are now become public"),
    };
    if r.clicked() {
        queue.push(TriageAction::Publish);
    }
    if ui
        .add_enabled(why.is_none(), egui::Button::new("Withdraw publication"))
        .clicked()
    {
        queue.push(TriageAction::Unpublish);
    }
    let mut advance = facts.advance;
    if ui
        .checkbox(&mut advance, "Move on after a verdict")
        .on_hover_text("V, D, F, M, N and U select the next claim shown once they have marked")
        .clicked()
    {
        queue.push(ViewAction::SetAdvance(advance));
    }
    ui.separator();
    let b = egui::Button::new("Select all shown")
        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::SELECT_ALL));
    if ui
        .add(b)
        .on_hover_text("Every claim the filters show")
        .clicked()
    {
        queue.push(TriageAction::SelectAll);
    }
    if item(ui, "Next unchecked claim", Some(&shortcuts::NEXT_UNCHECKED)) {
        queue.push(TriageAction::NextUnchecked);
    }
    ui.separator();
    if item(ui, "Find…", Some(&shortcuts::FIND)) {
        queue.push(ViewAction::FocusSearch);
    }
}

fn view_menu(ui: &mut Ui, facts: &MenuFacts<'_>, queue: &mut Queue) {
    if item(ui, "Claims", None) {
        queue.push(ViewAction::ShowTab(Tab::Claims));
    }
    if item(ui, "Speakers", None) {
        queue.push(ViewAction::ShowTab(Tab::Speakers));
    }
    if item(ui, "Clear filters", None) {
        queue.push(ViewAction::ClearFilters);
    }
    ui.separator();
    ui.menu_button("Theme", |ui| {
        for (choice, label) in [
            (ThemeChoice::Dark, "Dark"),
            (ThemeChoice::Light, "Light"),
            (ThemeChoice::System, "Follow the system"),
        ] {
            if ui.radio(facts.theme == choice, label).clicked() {
                queue.push(ViewAction::SetTheme(choice));
            }
        }
    });
    if item(ui, "Larger text", Some(&shortcuts::ZOOM_IN)) {
        queue.push(ViewAction::ZoomIn);
    }
    if item(ui, "Smaller text", Some(&shortcuts::ZOOM_OUT)) {
        queue.push(ViewAction::ZoomOut);
    }
    if item(ui, "Text at usual size", Some(&shortcuts::ZOOM_RESET)) {
        queue.push(ViewAction::ZoomReset);
    }
}
