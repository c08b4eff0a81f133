//! A speaker's page: the speaker's record (names, role, counts) and every claim they made,
//! by article, with its verdict; a click on a claim opens it in the Claims tab. Here too:
//! rename, the role (typed into a draft, committed when the field is left, like the
//! details pane), and merging, of this speaker into another or of all the selected ones.

use egui::{RichText, Sense, Ui};

use crate::model::edit::Edit;
use crate::model::{Claim, Project, Speaker, SpeakerId};
use crate::ui::command::{Action, Queue, Tab};
use crate::ui::drafts::Field;
use crate::ui::rows::Filter;
use crate::ui::state::ViewState;
use crate::ui::theme::{self, count_chips};

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    ui.add_space(6.0);
    if view.speakers.selection.ids.len() > 1 {
        merge_selected(ui, project, view, queue);
        ui.separator();
    }
    let Some(speaker) = view
        .speakers
        .selection
        .cursor
        .and_then(|s| project.speaker(s))
    else {
        ui.label(
            RichText::new(
                "Click a speaker to see their claims. Ctrl-click or Shift-click to select \
                 several and merge them.",
            )
            .weak(),
        );
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("speaker_page")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            record(ui, project, view, speaker, queue);
            ui.add_space(8.0);
            claims(ui, project, view, speaker.id, queue);
        });
}

/// Name, role, aliases, counts, rename and merge.
fn record(ui: &mut Ui, project: &Project, view: &mut ViewState, s: &Speaker, queue: &mut Queue) {
    let id = s.id;
    let title = if s.is_body {
        format!("{} (group)", s.name)
    } else {
        s.name.clone()
    };
    ui.heading(title);
    let counts = view.index.by_speaker.get(&id).copied().unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(counts.summary());
        count_chips(ui, &counts);
    });
    if !s.aliases.is_empty() {
        ui.label(RichText::new(format!("Also called: {}", s.aliases.join(", "))).weak());
    }
    ui.add_space(4.0);

    let speakers = &mut view.speakers;
    if speakers.name_for != Some(id) {
        speakers.name_edit = s.name.clone();
        speakers.name_for = Some(id);
        speakers.merge_into = None;
    }
    let revision = view.index.revision.unwrap_or(0);
    view.drafts.follow_speaker(s, revision);
    let field_w = (ui.available_width() - 150.0).max(120.0);
    egui::Grid::new("speaker_fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label("Name");
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut view.speakers.name_edit)
                        .id_salt("speaker_rename")
                        .desired_width(field_w),
                )
                .labelled_by(l.id);
                let typed = view.speakers.name_edit.trim();
                let changed = typed != s.name && !typed.is_empty();
                if ui
                    .add_enabled(changed, egui::Button::new("Rename"))
                    .clicked()
                {
                    queue.push(Action::Edit(Edit::RenameSpeaker {
                        speaker: id,
                        name: view.speakers.name_edit.clone(),
                    }));
                }
            });
            ui.end_row();

            let l = ui.label("Role");
            let drafts = &mut view.drafts;
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut drafts.speaker_role.role)
                        .id(Field::SpeakerRole.id())
                        .hint_text("e.g. Mayor of Springfield")
                        .desired_width(field_w + 60.0),
                )
                .labelled_by(l.id)
                .on_hover_text("Kept when you leave the field (Esc, Tab or a click elsewhere)");
            if r.changed() {
                drafts.dirty.insert(Field::SpeakerRole);
            }
            ui.end_row();

            ui.label("Merge into");
            ui.horizontal(|ui| {
                let target = view
                    .speakers
                    .merge_into
                    .and_then(|t| project.speaker(t))
                    .map_or("choose a speaker…", |t| t.name.as_str());
                let combo = egui::ComboBox::from_id_salt("merge_into")
                    .selected_text(target)
                    .width(field_w - 10.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for other in project.speakers.iter().filter(|o| o.id != id) {
                            ui.selectable_value(
                                &mut view.speakers.merge_into,
                                Some(other.id),
                                &other.name,
                            );
                        }
                    });
                theme::name_combo(&combo.response, "Merge into", target);
                let into = view.speakers.merge_into.filter(|t| *t != id);
                if ui
                    .add_enabled(into.is_some(), egui::Button::new("Merge"))
                    .on_hover_text(
                        "Move all of this speaker's claims to the other; its names become aliases",
                    )
                    .clicked()
                    && let Some(into) = into
                {
                    queue.push(Action::MergeSpeakers {
                        from: vec![id],
                        into,
                    });
                }
            });
            ui.end_row();
        });
    if ui.button("Show in the claims table").clicked() {
        queue.push(Action::SetFilter(Filter {
            speaker: Some(id),
            ..Default::default()
        }));
        queue.push(Action::ShowTab(Tab::Claims));
    }
}

/// "Merge 3 selected into [one of them]".
fn merge_selected(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    let selected: Vec<&Speaker> = view
        .speakers
        .selection
        .ids
        .iter()
        .filter_map(|s| project.speaker(*s))
        .collect();
    ui.strong(format!("{} speakers selected", selected.len()));
    let keep = view
        .speakers
        .merge_into
        .filter(|k| view.speakers.selection.contains(*k))
        .or(view.speakers.selection.cursor);
    let mut choice = keep;
    ui.horizontal(|ui| {
        ui.label("Keep");
        let name = keep
            .and_then(|k| project.speaker(k))
            .map_or("choose…", |s| s.name.as_str());
        let combo = egui::ComboBox::from_id_salt("merge_keep")
            .selected_text(name)
            .width(200.0)
            .truncate()
            .show_ui(ui, |ui| {
                for s in &selected {
                    ui.selectable_value(&mut choice, Some(s.id), &s.name);
                }
            });
        theme::name_combo(&combo.response, "Keep", name);
        if ui
            .button("Merge selected")
            .on_hover_text(
                "All their claims go to the one kept; the other names become its aliases",
            )
            .clicked()
            && let Some(into) = keep
        {
            let from: Vec<SpeakerId> = selected
                .iter()
                .map(|s| s.id)
                .filter(|s| *s != into)
                .collect();
            queue.push(Action::MergeSpeakers { from, into });
        }
    });
    if choice != keep {
        view.speakers.merge_into = choice;
    }
}

/// Every claim of the speaker, by article in project order, with its verdict.
fn claims(ui: &mut Ui, project: &Project, view: &ViewState, id: SpeakerId, queue: &mut Queue) {
    let mut theirs: Vec<&Claim> = project
        .claims
        .iter()
        .filter(|c| c.speaker == Some(id))
        .collect();
    let article_pos = |c: &Claim| view.index.article_index.get(&c.article).copied();
    theirs.sort_by_key(|c| (article_pos(c), c.start, c.number));
    let articles = {
        let mut a: Vec<_> = theirs.iter().map(|c| c.article).collect();
        a.dedup();
        a.len()
    };
    ui.strong(format!(
        "Claims ({}) in {articles} article{}",
        theirs.len(),
        if articles == 1 { "" } else { "s" }
    ));
    let mut current = None;
    for claim in theirs {
        if current != Some(claim.article) {
            current = Some(claim.article);
            let title = view
                .index
                .article(project, claim.article)
                .map_or("(article)", |a| a.title.as_str());
            ui.add_space(4.0);
            ui.add(egui::Label::new(RichText::new(title).weak().italics()).truncate());
        }
        ui.horizontal(|ui| {
            theme::status_pill(ui, claim.status);
            let text = format!("#{}  {}", claim.number, claim.content);
            let r = ui
                .add(egui::Label::new(text).truncate().sense(Sense::click()))
                .on_hover_text("Open this claim in the Claims tab");
            if r.clicked() {
                queue.push(Action::JumpToClaim(claim.id));
            }
        });
    }
}
