//! The claims table: virtualized (only visible rows are laid out), sortable by any column
//! (a click anywhere on its header), with click / Shift-click / Ctrl-click selection and a
//! context menu. Clicks become actions; the keys are read by `command.rs`.
//!
//! Column widths follow the window: the Claim column takes what the others leave, and the
//! others shrink to their minimum before any is pushed out of view, so every column stays
//! visible at 1280×800 from 80% to 150% zoom. The Article column is left out while one
//! article is shown.

use egui::{Align, Id, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::checks::Checks;
use super::command::{Pick, Queue, TriageAction, ViewAction};
use super::rows::SortColumn;
use super::state::ViewState;
use super::theme;
use crate::model::edit::Edit;
use crate::model::{ClaimId, Priority, Project, Status};

pub const ROW_HEIGHT: f32 = 22.0;

/// The id that holds keyboard focus while the table "has the keys".
pub fn table_focus_id() -> Id {
    Id::unique("claims_table_focus")
}

/// Each column: what it sorts by and its header.
const COLUMNS: [(SortColumn, &str); 11] = [
    (SortColumn::Number, "#"),
    (SortColumn::Speaker, "Speaker"),
    (SortColumn::Role, "Role"),
    (SortColumn::Claim, "Claim"),
    (SortColumn::Cue, "Cue"),
    (SortColumn::Kind, "Kind"),
    (SortColumn::Article, "Article"),
    (SortColumn::Status, "Status"),
    (SortColumn::Triage, "Triage"),
    (SortColumn::Marks, "Notes"),
    (SortColumn::Worth, "Worth"),
];

/// (min, max) widths of the columns other than Claim, in [`COLUMNS`] order.
const WIDTHS: [(f32, f32); 11] = [
    (34.0, 52.0),
    (70.0, 170.0),
    (50.0, 190.0),
    (0.0, 0.0),
    (38.0, 80.0),
    (58.0, 72.0),
    (60.0, 170.0),
    (92.0, 100.0),
    (36.0, 150.0),
    (46.0, 110.0),
    (84.0, 120.0),
];
const CLAIM_MIN: f32 = 100.0;
/// Space between columns (narrower than egui's default item spacing).
const COLUMN_GAP: f32 = 6.0;

/// Column widths for `available` points; `show_article`: whether the Article column is in.
/// Each column gets its minimum, then the spare width is shared out up to each maximum
/// (half of it kept for the Claim column), and the Claim column takes the rest.
pub fn column_widths(available: f32, show_article: bool, spacing: f32) -> Vec<f32> {
    let shown: Vec<usize> = (0..COLUMNS.len())
        .filter(|&i| show_article || COLUMNS[i].0 != SortColumn::Article)
        .collect();
    let gaps = spacing * shown.len() as f32;
    let mut widths: Vec<f32> = shown.iter().map(|&i| WIDTHS[i].0).collect();
    let fixed: f32 = widths.iter().sum();
    let spare = (available - gaps - fixed - CLAIM_MIN).max(0.0);
    let room: f32 = shown.iter().map(|&i| WIDTHS[i].1 - WIDTHS[i].0).sum();
    let share = (spare * 0.5).min(room);
    for (w, &i) in widths.iter_mut().zip(&shown) {
        let (lo, hi) = WIDTHS[i];
        if room > 0.0 {
            *w = lo + (hi - lo) * share / room;
        }
    }
    let used: f32 = widths.iter().sum();
    if let Some(claim) = shown
        .iter()
        .position(|&i| COLUMNS[i].0 == SortColumn::Claim)
    {
        widths[claim] = (available - gaps - used).max(CLAIM_MIN.min(available * 0.2));
    }
    widths
}

pub fn show(
    ui: &mut Ui,
    project: &Project,
    view: &mut ViewState,
    checks: &Checks,
    queue: &mut Queue,
) {
    let focus_id = table_focus_id();
    let has_focus = ui.memory(|m| m.has_focus(focus_id));
    let outer = ui.available_rect_before_wrap();

    if view.rows.rows.is_empty() {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            let msg = if project.claims.is_empty() {
                "No claims yet. Open articles with File > Open… (Ctrl+O) or drop them here."
            } else {
                "No claim matches the filters."
            };
            ui.label(RichText::new(msg).weak());
        });
        ui.interact(outer, focus_id, Sense::focusable_noninteractive());
        return;
    }

    let scroll_to = if std::mem::take(&mut view.scroll_table) {
        view.selection
            .cursor
            .and_then(|c| view.index.index_of(c))
            .and_then(|i| view.rows.position_of(i))
    } else {
        None
    };

    let mut clicked: Option<(ClaimId, Modifiers)> = None;
    let mut context_target: Option<ClaimId> = None;
    let mut sort_by: Option<SortColumn> = None;
    let modifiers = ui.input(|i| i.modifiers);
    // One article shown (picked in the sidebar, or the only one): its title in every row
    // would say nothing.
    let show_article = view.filter.article.is_none() && project.articles.len() > 1;
    let widths = column_widths(ui.available_width(), show_article, COLUMN_GAP);
    let columns: Vec<(SortColumn, &str)> = COLUMNS
        .into_iter()
        .filter(|(c, _)| show_article || *c != SortColumn::Article)
        .collect();

    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        ui.spacing_mut().item_spacing.x = COLUMN_GAP;
        let mut table = TableBuilder::new(ui)
            .id_salt(("claims_table", show_article))
            .striped(true)
            .resizable(false)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .min_scrolled_height(60.0);
        for w in &widths {
            table = table.column(Column::exact(*w).clip(true));
        }
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(26.0, |mut header| {
                for (column, label) in &columns {
                    let (_, response) = header.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(*label).strong()).truncate());
                        if view.sort.column == *column {
                            sort_arrow(ui, view.sort.ascending);
                        }
                    });
                    // The whole header cell sorts, not only its label.
                    if response
                        .on_hover_text(format!("Sort by {}", column_name(*column)))
                        .clicked()
                    {
                        sort_by = Some(*column);
                    }
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, view.rows.rows.len(), |mut row| {
                    let Some(claim) = view
                        .rows
                        .rows
                        .get(row.index())
                        .and_then(|&i| project.claims.get(i))
                    else {
                        return;
                    };
                    row.set_selected(view.selection.contains(claim.id));
                    let speaker = claim.speaker.and_then(|s| view.index.speaker(project, s));
                    row.col(|ui| {
                        ui.label(RichText::new(claim.number.to_string()).weak());
                    });
                    row.col(|ui| {
                        let name = speaker.map_or("—", |s| s.name.as_str());
                        ui.add(egui::Label::new(name).truncate());
                    });
                    row.col(|ui| {
                        let role = speaker.and_then(|s| s.role.as_deref()).unwrap_or("");
                        ui.add(egui::Label::new(RichText::new(role).weak()).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&claim.content).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&claim.cue).truncate());
                    });
                    row.col(|ui| {
                        ui.label(claim.kind.key());
                    });
                    if show_article {
                        row.col(|ui| {
                            let title = view
                                .index
                                .article(project, claim.article)
                                .map_or("", |a| a.title.as_str());
                            ui.add(egui::Label::new(RichText::new(title).weak()).truncate());
                        });
                    }
                    row.col(|ui| {
                        theme::status_pill(ui, claim.status);
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            publish_mark(ui, claim);
                            triage_mark(ui, claim);
                        });
                    });
                    row.col(|ui| notes_mark(ui, claim, checks));
                    row.col(|ui| super::worth::cell(ui, claim));
                    let response = row.response();
                    if response.clicked() {
                        clicked = Some((claim.id, modifiers));
                    }
                    if response.secondary_clicked() {
                        context_target = Some(claim.id);
                    }
                    // A right-click on a selected row acts on the whole selection.
                    response.context_menu(|ui| {
                        let ids = if view.selection.contains(claim.id) {
                            view.selection.sorted_ids(&view.index)
                        } else {
                            vec![claim.id]
                        };
                        context_menu(ui, &ids, &project.assignees, queue)
                    });
                });
            });
    });

    // The whole table area can hold focus; rows stay clickable above it.
    let focus = ui.interact(outer, focus_id, Sense::focusable_noninteractive());
    if std::mem::take(&mut view.focus_table) {
        focus.request_focus();
    }
    if has_focus {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                focus_id,
                egui::EventFilter {
                    vertical_arrows: true,
                    horizontal_arrows: true,
                    tab: false,
                    escape: false,
                },
            )
        });
        ui.painter().rect_stroke(
            outer.shrink(1.0),
            2.0,
            egui::Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
    }

    if let Some(column) = sort_by {
        queue.push(ViewAction::SortBy(column));
    }
    if let Some(id) = context_target
        && !view.selection.contains(id)
    {
        queue.push(TriageAction::Select {
            claim: id,
            pick: Pick::Only,
        });
    }
    if let Some((id, mods)) = clicked {
        let pick = if mods.shift {
            Pick::Extend
        } else if mods.command {
            Pick::Toggle
        } else {
            Pick::Only
        };
        queue.push(TriageAction::Select { claim: id, pick });
        ui.memory_mut(|m| m.request_focus(focus_id));
    }
}

/// "High · Ana · in progress": priority (unless normal), assignee, in progress.
/// "published" beside a published verdict (the Triage column), "published*" when it changed since (the public verdict is
/// the old one); the hover says what was published, when and by whom.
pub fn publish_mark(ui: &mut Ui, claim: &crate::model::Claim) {
    use crate::model::PublishState;
    let Some(p) = &claim.published else { return };
    let by = if p.by.is_empty() {
        String::new()
    } else {
        format!(" by {}", p.by)
    };
    let when = crate::model::time::date_time(p.at);
    let (mark, hover) = match claim.publish_state() {
        PublishState::ChangedSince => (
            RichText::new("published*")
                .small()
                .color(ui.visuals().warn_fg_color),
            format!(
                "Changed since published: the public verdict is still {} (published {when}{by}); \
                 publish again to make this one public",
                p.status.label()
            ),
        ),
        _ => (
            RichText::new("published").small().weak(),
            format!("Published {when}{by}: {}", p.status.label()),
        ),
    };
    ui.add(egui::Label::new(mark).truncate())
        .on_hover_text(hover);
}

fn triage_mark(ui: &mut Ui, claim: &crate::model::Claim) {
    let mut parts: Vec<&str> = Vec::new();
    if claim.priority != Priority::Normal {
        parts.push(claim.priority.label());
    }
    if let Some(who) = &claim.assignee {
        parts.push(who);
    }
    if claim.in_progress {
        parts.push("in progress");
    }
    if parts.is_empty() {
        return;
    }
    let text = parts.join(" · ");
    let rich = match claim.priority {
        Priority::High => RichText::new(&text).strong(),
        Priority::Low => RichText::new(&text).weak(),
        Priority::Normal => RichText::new(&text),
    };
    ui.add(egui::Label::new(rich.small()).truncate())
        .on_hover_text(format!(
            "Priority {} · {} · {}",
            claim.priority.label(),
            claim
                .assignee
                .as_deref()
                .map_or("assigned to no one".to_string(), |a| format!(
                    "assigned to {a}"
                )),
            if claim.in_progress {
                "in progress"
            } else {
                "not in progress"
            }
        ));
}

/// "before ×2 note + 2 ev.": checked before (a strong match in the claim library), in two
/// more articles, with notes and evidence.
fn notes_mark(ui: &mut Ui, claim: &crate::model::Claim, checks: &Checks) {
    let before = checks.has_strong_match(claim);
    let copies = checks.group_of(claim.id).map_or(0, |g| g.len());
    if before || copies > 1 {
        let mut text = String::new();
        let mut hover = Vec::new();
        if before {
            text.push_str("before");
            hover.push("Checked before: a strong match in the claim library".to_string());
        }
        if copies > 1 {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("×{copies}"));
            hover.push(format!("The same claim in {} other article(s)", copies - 1));
        }
        let rich = RichText::new(text)
            .small()
            .strong()
            .color(ui.visuals().hyperlink_color);
        ui.add(egui::Label::new(rich).extend())
            .on_hover_text(hover.join(" · "));
    }
    let mut mark = String::new();
    if !claim.notes.trim().is_empty() {
        mark.push_str("note");
    }
    if !claim.evidence.is_empty() {
        if !mark.is_empty() {
            mark.push_str(" + ");
        }
        mark.push_str(&format!("{} ev.", claim.evidence.len()));
    }
    if !mark.is_empty() {
        let notes = if claim.notes.trim().is_empty() {
            ""
        } else {
            "Has notes · "
        };
        ui.add(egui::Label::new(RichText::new(mark).small()).truncate())
            .on_hover_text(format!("{notes}{} evidence link(s)", claim.evidence.len()));
    }
}

/// A small painted triangle (the default fonts have no arrow glyphs).
fn sort_arrow(ui: &mut Ui, ascending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
    let c = rect.center();
    let (tip, base) = if ascending { (-4.0, 3.0) } else { (4.0, -3.0) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

fn column_name(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Number => "number",
        SortColumn::Speaker => "speaker",
        SortColumn::Role => "role",
        SortColumn::Claim => "claim",
        SortColumn::Cue => "cue",
        SortColumn::Kind => "kind",
        SortColumn::Article => "article",
        SortColumn::Status => "status",
        SortColumn::Triage => "priority, then in progress",
        SortColumn::Marks => "notes and evidence",
        SortColumn::Worth => "check-worthiness, most first",
    }
}

/// What a right-click offers for `ids` (the selection, or the row clicked): a verdict,
/// a speaker, a priority, an assignee, or delete; each one edit for all of them.
fn context_menu(ui: &mut Ui, ids: &[ClaimId], assignees: &[String], queue: &mut Queue) {
    let claims = ids.len();
    let (mark, delete) = if claims > 1 {
        (
            format!("Mark {claims} claims as"),
            format!("Delete {claims} claims"),
        )
    } else {
        ("Mark as".to_string(), "Delete claim".to_string())
    };
    ui.label(RichText::new(mark).weak());
    for status in Status::ALL {
        if theme::status_button(ui, status).clicked() {
            queue.push(TriageAction::Tag(status));
            ui.close();
        }
    }
    ui.separator();
    if ui.button("Assign speaker…").clicked() {
        queue.push(TriageAction::ShowAssignSpeaker);
        ui.close();
    }
    ui.menu_button("Set priority", |ui| {
        for priority in Priority::ALL {
            if ui.button(priority.label()).clicked() {
                queue.push(TriageAction::Edit(Edit::SetPriority {
                    claims: ids.to_vec(),
                    priority,
                }));
                ui.close();
            }
        }
    });
    ui.menu_button("Assign to", |ui| {
        let mut pick = |ui: &mut Ui, assignee: Option<&String>, label: &str| {
            if ui.button(label).clicked() {
                queue.push(TriageAction::Edit(Edit::SetAssignee {
                    claims: ids.to_vec(),
                    assignee: assignee.cloned(),
                }));
                ui.close();
            }
        };
        pick(ui, None, "No one");
        for name in assignees {
            pick(ui, Some(name), name);
        }
        if assignees.is_empty() {
            ui.label(RichText::new("Type a new name in the details pane").weak());
        }
    });
    ui.separator();
    if ui.button(delete).clicked() {
        queue.push(TriageAction::DeleteSelected);
        ui.close();
    }
}
