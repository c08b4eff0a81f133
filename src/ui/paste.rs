//! The "Paste article" prompt: what the clipboard held, a title to type (empty: the
//! article's first line), Add article or Cancel.

use egui::{Context, Id, RichText};

use super::command::{FileAction, Queue};
use super::jobs::Pasted;

/// Lines of the pasted text shown in the prompt.
const PREVIEW_LINES: usize = 8;

/// A paste waiting for the analyst's title.
pub struct PasteDraft {
    pub pasted: Pasted,
    pub title: String,
    /// The title the article gets if none is typed.
    pub first_line: String,
    preview: String,
}

impl PasteDraft {
    pub fn new(pasted: Pasted) -> Self {
        let mut lines = pasted.text.lines().map(str::trim).filter(|l| !l.is_empty());
        let first_line = lines.next().unwrap_or_default();
        let first_line: String = first_line.chars().take(120).collect();
        let preview = pasted
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(PREVIEW_LINES)
            .map(|l| l.chars().take(200).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        PasteDraft {
            pasted,
            title: String::new(),
            first_line,
            preview,
        }
    }
}

/// Draw the prompt; Add article pushes [`Action::File(FileAction::AddPasted)`] and closes it.
pub fn show(ctx: &Context, draft: &mut Option<PasteDraft>, queue: &mut Queue) {
    let Some(d) = draft else {
        return;
    };
    let mut add = false;
    let mut close = false;
    egui::Modal::new(Id::unique("paste_article")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading("Paste article");
        let kind = if d.pasted.html.is_some() {
            "HTML from the clipboard: its text, one paragraph a line"
        } else {
            "Text from the clipboard"
        };
        ui.label(RichText::new(kind).weak());
        ui.add_space(4.0);
        ui.label("Title:");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut d.title)
                .desired_width(f32::INFINITY)
                .hint_text(format!("{} (the first line)", d.first_line)),
        );
        if !edit.has_focus() && d.title.is_empty() && !edit.lost_focus() {
            edit.request_focus();
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            add = true;
        }
        ui.add_space(4.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::ScrollArea::vertical()
                .max_height(180.0)
                .show(ui, |ui| ui.label(RichText::new(&d.preview).weak()));
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            add |= ui.button("Add article").clicked();
            close = ui.button("Cancel").clicked();
        });
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
    });
    if add && let Some(d) = draft.take() {
        queue.push(FileAction::AddPasted {
            pasted: Box::new(d.pasted),
            title: d.title,
        });
        return;
    }
    if close {
        *draft = None;
    }
}
