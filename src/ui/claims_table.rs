//! The claims table: virtualized (only visible rows are laid out), sortable by any column
//! (a click anywhere on its header), with click / Shift-click / Ctrl-click selection and a
//! context menu. Clicks become actions; the keys are read by `command.rs`.
//!
//! Column widths follow the window (`table_columns.rs`: the column list): the Claim column
//! takes what the others leave and never less than 45% of the table at any zoom; a column
//! no row shown fills (Role, Triage, Tags, Notes) shrinks to its header; the others are
//! narrowed alike, and left out (Cue first) when the window is too narrow for them. The
//! Article column is left out while one article is shown. The Notes column shows the
//! evidence count and the note's first words. The analyst resizes, moves and hides
//! columns from the header (`table_header.rs`); the layout is kept in the project.

use egui::{Align, Id, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::checks::Checks;
use super::command::{Pick, Queue, TriageAction, ViewAction};
use super::rows::SortColumn;
use super::state::ViewState;
use super::table_columns::{COLUMN_GAP, COLUMNS, column_widths, shown_columns};
use super::table_header;
use super::theme;
use crate::model::edit::Edit;
use crate::model::{ClaimId, Priority, Project, Status};

pub const ROW_HEIGHT: f32 = 22.0;
const HEADER_HEIGHT: f32 = 26.0;
/// The least height the table keeps below the filters (its header and four rows): the
/// reading panel beneath never takes it (a large zoom in a small window).
pub const MIN_TABLE_HEIGHT: f32 = HEADER_HEIGHT + 4.0 * ROW_HEIGHT + 16.0;

/// The id that holds keyboard focus while the table "has the keys".
pub fn table_focus_id() -> Id {
    Id::unique("claims_table_focus")
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
    let filled = view.rows.filled;
    // The project's layout of the columns, with a width being dragged now.
    let stored = &project.settings.table_layout;
    let layout = table_header::live(ui, stored);
    // Less the vertical scroll bar's room, which the table takes from the last column.
    let available = ui.available_width() - ui.spacing().scroll.allocated_width();
    let shown = shown_columns(available, show_article, filled, COLUMN_GAP, &layout);
    let widths = column_widths(available, &shown, filled, COLUMN_GAP, &layout);
    let columns: Vec<(SortColumn, &str)> = shown
        .iter()
        .map(|&i| (COLUMNS[i].sort, COLUMNS[i].header))
        .collect();

    let body_height =
        (outer.height() - HEADER_HEIGHT - 2.0 * ui.spacing().item_spacing.y).max(ROW_HEIGHT);
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        ui.spacing_mut().item_spacing.x = COLUMN_GAP;
        let mut table = TableBuilder::new(ui)
            .id_salt(("claims_table", show_article))
            .striped(true)
            .resizable(false)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            // The rows scroll inside the table's own area, never past it (under the
            // reading panel at a large zoom): the last row is reachable by scrolling.
            .min_scrolled_height(body_height.min(60.0))
            .max_scroll_height(body_height);
        for w in &widths {
            table = table.column(Column::exact(*w).clip(true));
        }
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(HEADER_HEIGHT, |mut header| {
                for (&i, (column, label)) in shown.iter().zip(&columns) {
                    let (_, response) = header.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(*label).strong()).truncate());
                        if view.sort.column == *column {
                            sort_arrow(ui, view.sort.ascending);
                        }
                        table_header::grip(ui, i, stored, queue);
                    });
                    // The whole header cell sorts, not only its label; a right-click
                    // offers the columns' layout.
                    let response =
                        response.on_hover_text(format!("Sort by {}", column_name(*column)));
                    if response.clicked() {
                        sort_by = Some(*column);
                    }
                    response.context_menu(|ui| table_header::menu(ui, i, &shown, stored, queue));
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
                    for (column, _) in &columns {
                        row.col(|ui| match column {
                            SortColumn::Number => {
                                ui.label(RichText::new(claim.number.to_string()).weak());
                            }
                            SortColumn::Speaker => {
                                let name = speaker.map_or("—", |s| s.name.as_str());
                                ui.add(egui::Label::new(name).truncate());
                            }
                            SortColumn::Role => {
                                let role = speaker.and_then(|s| s.role.as_deref()).unwrap_or("");
                                ui.add(egui::Label::new(RichText::new(role).weak()).truncate());
                            }
                            SortColumn::Claim => {
                                ui.add(egui::Label::new(&claim.content).truncate());
                            }
                            SortColumn::Cue => {
                                ui.add(egui::Label::new(&claim.cue).truncate());
                            }
                            SortColumn::Kind => {
                                ui.label(claim.kind.key());
                            }
                            SortColumn::Article => {
                                let title = view
                                    .index
                                    .article(project, claim.article)
                                    .map_or("", |a| a.title.as_str());
                                ui.add(egui::Label::new(RichText::new(title).weak()).truncate());
                            }
                            SortColumn::Status => {
                                theme::status_pill(ui, claim.status);
                            }
                            SortColumn::Triage => {
                                ui.horizontal(|ui| {
                                    publish_mark(ui, claim);
                                    triage_mark(ui, claim);
                                });
                            }
                            SortColumn::Tags => {
                                let tags = claim.tags.join(", ");
                                ui.add(egui::Label::new(RichText::new(tags).small()).truncate())
                                    .on_hover_text(claim.tags.join("\n"));
                            }
                            SortColumn::Marks => notes_mark(ui, claim, checks),
                            SortColumn::Worth => super::worth::cell(ui, claim),
                        });
                    }
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
    // The evidence count, then the note's first words (the whole note on hover).
    let mut mark = String::new();
    if !claim.evidence.is_empty() {
        mark.push_str(&format!("{} ev.", claim.evidence.len()));
    }
    let note = note_preview(&claim.notes);
    if !note.is_empty() {
        if !mark.is_empty() {
            mark.push_str(" · ");
        }
        mark.push_str(&note);
    }
    if !mark.is_empty() {
        let notes: String = claim.notes.trim().chars().take(600).collect();
        ui.add(egui::Label::new(RichText::new(mark).small()).truncate())
            .on_hover_text(format!(
                "{notes}{}{} evidence link(s)",
                if notes.is_empty() { "" } else { "\n\n" },
                claim.evidence.len()
            ));
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
        SortColumn::Tags => "tags",
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

/// A note's first line as a table cell shows it: white space made single spaces, at most
/// 80 characters (the cell truncates it to its width).
pub fn note_preview(notes: &str) -> String {
    let line = notes.trim().lines().next().unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut text: String = words.join(" ").chars().take(80).collect();
    if notes.trim().chars().count() > text.chars().count() && !text.is_empty() {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_preview_is_its_first_line() {
        assert_eq!(note_preview("  call   back\nsecond"), "call back…");
        assert_eq!(note_preview("short"), "short");
        assert_eq!(note_preview(""), "");
        assert_eq!(note_preview(&"é".repeat(200)).chars().count(), 81);
    }
}
