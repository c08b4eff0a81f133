//! A speaker's page: the speaker's record (names, role, counts) and every claim they made,
//! by article, with its verdict; a click on a claim opens it in the Claims tab. Here too:
//! rename, the role (typed into a draft, committed when the field is left, like the
//! details pane), aliases (removed, or split off as a new speaker: `aliases.rs`), merging,
//! of this speaker into another or of all the selected ones, and "Not a speaker" (their
//! claims lose the speaker, or are marked Not a claim).

use egui::{RichText, Sense, Ui};

use crate::model::edit::{DismissClaims, Edit};
use crate::model::{Claim, Project, Speaker, SpeakerId};
use crate::ui::command::{Queue, Tab, TriageAction, ViewAction};
use crate::ui::drafts::Field;
use crate::ui::rows::Filter;
use crate::ui::state::ViewState;
use crate::ui::theme;

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, queue: &mut Queue) {
    ui.add_space(6.0);
    if view.speakers.selection.ids.len() > 1 {
        merge_selected(ui, project, view, queue);
        let ids: Vec<SpeakerId> = view.speakers.selection.ids.iter().copied().collect();
        not_a_speaker(ui, &ids, queue);
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
    ui.add(egui::Label::new(RichText::new(title).heading()).wrap());
    let counts = view.index.by_speaker.get(&id).copied().unwrap_or_default();
    ui.label(counts.summary());
    let speakers = &mut view.speakers;
    if speakers.name_for != Some(id) {
        speakers.name_edit = s.name.clone();
        speakers.name_for = Some(id);
        speakers.merge_into = None;
        speakers.split_chosen.clear();
        speakers.split_name.clear();
    }
    if s.unresolved {
        ui.label(RichText::new("A description: the article names no one.").weak());
    }
    super::aliases::show(ui, s, &mut view.speakers, queue);
    ui.add_space(4.0);
    let revision = view.index.revision.unwrap_or(0);
    view.drafts.follow_speaker(s, revision);
    // Within the page at any text size: a label column, then the field and its button,
    // both measured (content wider than a side panel would push it past its edge).
    let spacing = ui.spacing().item_spacing.x;
    let pad = ui.spacing().button_padding.x * 2.0;
    let text_w = |ui: &Ui, text: &str, style: egui::TextStyle| {
        let font = style.resolve(ui.style());
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.into(), font, egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let label_w = text_w(ui, "Merge into", egui::TextStyle::Body) + 4.0;
    let button = |t| text_w(ui, t, egui::TextStyle::Button);
    let button_w = button("Rename").max(button("Merge")) + pad;
    // Room for a field beside its button: the frame's margins and the spacing taken off.
    let beside = |ui: &Ui| (ui.available_width() - button_w - spacing - 12.0).max(60.0);
    let label = |ui: &mut Ui, text: &str| {
        let size = egui::vec2(label_w, ui.spacing().interact_size.y);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            ui.set_min_width(label_w);
            ui.label(text)
        })
        .inner
    };

    ui.horizontal(|ui| {
        let l = label(ui, "Name");
        let w = beside(ui);
        ui.add(
            egui::TextEdit::singleline(&mut view.speakers.name_edit)
                .id_salt("speaker_rename")
                .desired_width(w),
        )
        .labelled_by(l.id);
        let typed = view.speakers.name_edit.trim();
        let changed = typed != s.name && !typed.is_empty();
        if ui
            .add_enabled(changed, egui::Button::new("Rename"))
            .clicked()
        {
            queue.push(TriageAction::Edit(Edit::RenameSpeaker {
                speaker: id,
                name: view.speakers.name_edit.clone(),
            }));
        }
    });

    ui.horizontal(|ui| {
        let l = label(ui, "Role");
        let w = (ui.available_width() - 12.0).max(60.0);
        let drafts = &mut view.drafts;
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut drafts.speaker_role.role)
                    .id(Field::SpeakerRole.id())
                    .hint_text("e.g. Mayor of Springfield")
                    .desired_width(w),
            )
            .labelled_by(l.id)
            .on_hover_text("Kept when you leave the field (Esc, Tab or a click elsewhere)");
        if r.changed() {
            drafts.dirty.insert(Field::SpeakerRole);
        }
    });

    ui.horizontal(|ui| {
        label(ui, "Merge into");
        let target = view
            .speakers
            .merge_into
            .and_then(|t| project.speaker(t))
            .map_or("choose a speaker…", |t| t.name.as_str());
        // A combo box grows to its text within what the row has left: give it its width.
        let w = beside(ui);
        let size = egui::vec2(w, ui.spacing().interact_size.y);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            let combo = egui::ComboBox::from_id_salt("merge_into")
                .selected_text(target)
                .width(w)
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
        });
        let into = view.speakers.merge_into.filter(|t| *t != id);
        if ui
            .add_enabled(into.is_some(), egui::Button::new("Merge"))
            .on_hover_text(
                "Move all of this speaker's claims to the other; its names become aliases",
            )
            .clicked()
            && let Some(into) = into
        {
            queue.push(TriageAction::MergeSpeakers {
                from: vec![id],
                into,
            });
        }
    });
    if view.speakers.selection.ids.len() <= 1 {
        not_a_speaker(ui, &[id], queue);
    }
    if ui.button("Show in the claims table").clicked() {
        queue.push(ViewAction::SetFilter(Filter {
            speaker: Some(id),
            ..Default::default()
        }));
        queue.push(ViewAction::ShowTab(Tab::Claims));
    }
}

/// "Not a speaker" for `ids`, with the choice of what becomes of their claims.
fn not_a_speaker(ui: &mut Ui, ids: &[SpeakerId], queue: &mut Queue) {
    let title = if ids.len() > 1 {
        format!("Mark {} as not speakers…", ids.len())
    } else {
        "Not a speaker…".to_string()
    };
    ui.menu_button(title, |ui| {
        ui.label(
            RichText::new("Removed, and never made a speaker again by extraction. Their claims:")
                .weak(),
        );
        let choices = [
            (DismissClaims::LoseSpeaker, "Keep them, without a speaker"),
            (DismissClaims::NotAClaim, "Mark them Not a claim"),
        ];
        for (claims, label) in choices {
            if ui.button(label).clicked() {
                queue.push(TriageAction::DismissSpeakers {
                    speakers: ids.to_vec(),
                    claims,
                });
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("For junk speakers (\"the statement\", \"officials\")");
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
        let pad = ui.spacing().button_padding.x * 2.0 + ui.spacing().item_spacing.x;
        let font = egui::TextStyle::Button.resolve(ui.style());
        let button_w = ui.fonts_mut(|f| {
            f.layout_no_wrap("Merge selected".into(), font, egui::Color32::WHITE)
                .size()
                .x
        }) + pad;
        let w = (ui.available_width() - button_w - 12.0).clamp(60.0, 240.0);
        let size = egui::vec2(w, ui.spacing().interact_size.y);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            let combo = egui::ComboBox::from_id_salt("merge_keep")
                .selected_text(name)
                .width(w)
                .truncate()
                .show_ui(ui, |ui| {
                    for s in &selected {
                        ui.selectable_value(&mut choice, Some(s.id), &s.name);
                    }
                });
            theme::name_combo(&combo.response, "Keep", name);
        });
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
            queue.push(TriageAction::MergeSpeakers { from, into });
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
    let rejected = theirs.iter().filter(|c| !c.status.is_claim()).count();
    let and_rejected = if rejected > 0 {
        format!(", and {rejected} marked Not a claim")
    } else {
        String::new()
    };
    ui.strong(format!(
        "Claims ({}{and_rejected}) in {articles} article{}",
        theirs.len() - rejected,
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
                queue.push(TriageAction::JumpToClaim(claim.id));
            }
        });
    }
}
