//! A speaker's aliases on their page: each can be removed, or chosen and split off with
//! its claims as a new speaker (a wrong merge undone: "Mrs. Roe" and "Ivy Roe" taken off
//! "Donald Roe"). Both are edits on the queue, undoable, and kept on re-extraction.

use egui::{RichText, Ui};

use crate::model::Speaker;
use crate::model::edit::Edit;
use crate::ui::command::{Queue, TriageAction};
use crate::ui::speaker_list::SpeakerView;

pub fn show(ui: &mut Ui, s: &Speaker, view: &mut SpeakerView, queue: &mut Queue) {
    if s.aliases.is_empty() {
        return;
    }
    view.split_chosen.retain(|a| s.aliases.contains(a));
    ui.label(
        RichText::new("Also called (tick the names of someone else to split them off):").weak(),
    );
    for alias in &s.aliases {
        ui.horizontal(|ui| {
            let mut chosen = view.split_chosen.contains(alias);
            if ui.checkbox(&mut chosen, alias).changed() {
                if chosen {
                    view.split_chosen.insert(alias.clone());
                } else {
                    view.split_chosen.remove(alias);
                }
            }
            if ui
                .small_button("Remove")
                .on_hover_text("Take this alias off the speaker (extraction will not give it back)")
                .clicked()
            {
                queue.push(TriageAction::Edit(Edit::RemoveAlias {
                    speaker: s.id,
                    alias: alias.clone(),
                }));
            }
        });
    }
    if view.split_chosen.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let l = ui.label("Split off as");
        if view.split_name.trim().is_empty() {
            // The longest chosen name is the likeliest full name.
            if let Some(a) = view.split_chosen.iter().max_by_key(|a| a.len()) {
                view.split_name = a.clone();
            }
        }
        ui.add(
            egui::TextEdit::singleline(&mut view.split_name)
                .id_salt("split_name")
                .desired_width(180.0),
        )
        .labelled_by(l.id);
        let name = view.split_name.trim().to_string();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Split"))
            .on_hover_text("A new speaker with the ticked names and the claims that used them")
            .clicked()
        {
            queue.push(TriageAction::Edit(Edit::SplitSpeaker {
                speaker: s.id,
                aliases: view.split_chosen.iter().cloned().collect(),
                name,
            }));
            view.split_chosen.clear();
            view.split_name.clear();
        }
    });
}
