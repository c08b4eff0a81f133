//! The claims table: virtualized (only visible rows are laid out), sortable by any column,
//! with click / Shift-click / Ctrl-click selection, keyboard navigation and a context menu.

use egui::{Align, Id, Key, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::rows::SortColumn;
use super::state::{Action, ViewState};
use super::theme;
use crate::model::{ClaimId, Project, Status};

pub const ROW_HEIGHT: f32 = 22.0;

/// The id that holds keyboard focus while the table "has the keys".
pub fn table_focus_id() -> Id {
    Id::unique("claims_table_focus")
}

const COLUMNS: [(SortColumn, &str); 9] = [
    (SortColumn::Number, "#"),
    (SortColumn::Speaker, "Speaker"),
    (SortColumn::Role, "Role"),
    (SortColumn::Claim, "Claim"),
    (SortColumn::Cue, "Cue"),
    (SortColumn::Kind, "Kind"),
    (SortColumn::Article, "Article"),
    (SortColumn::Status, "Status"),
    (SortColumn::Marks, "Notes"),
];

pub fn show(ui: &mut Ui, project: &Project, view: &mut ViewState, actions: &mut Vec<Action>) {
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

    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("claims_table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(40.0))
            .column(Column::initial(130.0).at_least(60.0).clip(true))
            .column(Column::initial(150.0).at_least(40.0).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(60.0).at_least(30.0).clip(true))
            .column(Column::initial(66.0).at_least(30.0).clip(true))
            .column(Column::initial(120.0).at_least(40.0).clip(true))
            .column(Column::exact(96.0))
            .column(Column::exact(64.0))
            .min_scrolled_height(60.0);
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(24.0, |mut header| {
                for (column, label) in COLUMNS {
                    header.col(|ui| {
                        let b = egui::Button::new(RichText::new(label).strong()).frame(false);
                        let r = ui.add(b);
                        if view.sort.column == column {
                            sort_arrow(ui, view.sort.ascending);
                        }
                        if r.on_hover_text(format!("Sort by {}", column_name(column)))
                            .clicked()
                        {
                            sort_by = Some(column);
                        }
                    });
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
                    let claim_index = view.rows.rows[row.index()];
                    row.set_selected(view.selection.contains(claim.id));
                    let speaker = claim.speaker.and_then(|s| view.index.speaker(project, s));
                    row.col(|ui| {
                        ui.label(RichText::new((claim_index + 1).to_string()).weak());
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
                    row.col(|ui| {
                        let title = view
                            .index
                            .article(project, claim.article)
                            .map_or("", |a| a.title.as_str());
                        ui.add(egui::Label::new(RichText::new(title).weak()).truncate());
                    });
                    row.col(|ui| {
                        theme::status_pill(ui, claim.status);
                    });
                    row.col(|ui| {
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
                            ui.label(RichText::new(mark).small()).on_hover_text(format!(
                                "{}{} evidence link(s)",
                                if claim.notes.trim().is_empty() {
                                    ""
                                } else {
                                    "Has notes · "
                                },
                                claim.evidence.len()
                            ));
                        }
                    });
                    let response = row.response();
                    if response.clicked() {
                        clicked = Some((claim.id, modifiers));
                    }
                    if response.secondary_clicked() {
                        context_target = Some(claim.id);
                    }
                    response.context_menu(|ui| context_menu(ui, actions));
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
        if view.sort.column == column {
            view.sort.ascending = !view.sort.ascending;
        } else {
            view.sort.column = column;
            view.sort.ascending = true;
        }
    }
    if let Some(id) = context_target
        && !view.selection.contains(id)
    {
        view.selection.only(id);
        view.article = view
            .index
            .index_of(id)
            .and_then(|i| project.claims.get(i))
            .map(|c| c.article)
            .or(view.article);
    }
    if let Some((id, mods)) = clicked {
        if mods.shift {
            let ordered = view.visible_ids(project);
            view.selection.extend(&ordered, id);
        } else if mods.command {
            view.selection.toggle(id);
        } else {
            view.selection.only(id);
        }
        if let Some(c) = view.index.index_of(id).and_then(|i| project.claims.get(i)) {
            view.article = Some(c.article);
        }
        view.scroll_text = true;
        ui.memory_mut(|m| m.request_focus(focus_id));
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
        SortColumn::Number => "project order",
        SortColumn::Speaker => "speaker",
        SortColumn::Role => "role",
        SortColumn::Claim => "claim",
        SortColumn::Cue => "cue",
        SortColumn::Kind => "kind",
        SortColumn::Article => "article",
        SortColumn::Status => "status",
        SortColumn::Marks => "notes and evidence",
    }
}

fn context_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Mark as").weak());
    for status in Status::ALL {
        if theme::status_button(ui, status).clicked() {
            actions.push(Action::Tag(status));
            ui.close();
        }
    }
    ui.separator();
    if ui.button("Delete claim").clicked() {
        actions.push(Action::DeleteSelected);
        ui.close();
    }
}

/// Up/Down/PageUp/PageDown/Home/End move the cursor row (Shift extends the selection).
pub fn handle_navigation_keys(ctx: &egui::Context, project: &Project, view: &mut ViewState) {
    let n = view.rows.rows.len();
    if n == 0 {
        return;
    }
    let page = 15usize;
    let current = view
        .selection
        .cursor
        .and_then(|c| view.index.index_of(c))
        .and_then(|i| view.rows.position_of(i));
    let mut target: Option<(usize, bool)> = None;
    ctx.input_mut(|i| {
        for (key, step) in [
            (Key::ArrowDown, 1isize),
            (Key::ArrowUp, -1),
            (Key::PageDown, page as isize),
            (Key::PageUp, -(page as isize)),
        ] {
            // Shift first: a pattern without Shift also matches Shift+key.
            for shift in [true, false] {
                let mods = if shift {
                    Modifiers::SHIFT
                } else {
                    Modifiers::NONE
                };
                if i.consume_key(mods, key) {
                    let pos = match current {
                        None => 0,
                        Some(p) => (p as isize + step).clamp(0, n as isize - 1) as usize,
                    };
                    target = Some((pos, shift));
                }
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Home) {
            target = Some((0, false));
        }
        if i.consume_key(Modifiers::NONE, Key::End) {
            target = Some((n - 1, false));
        }
    });
    let Some((pos, extend)) = target else {
        return;
    };
    let Some(id) = view
        .rows
        .rows
        .get(pos)
        .and_then(|&i| project.claims.get(i))
        .map(|c| c.id)
    else {
        return;
    };
    if extend {
        let ordered = view.visible_ids(project);
        view.selection.extend(&ordered, id);
    } else {
        view.selection.only(id);
    }
    if let Some(c) = view.index.index_of(id).and_then(|i| project.claims.get(i)) {
        view.article = Some(c.article);
    }
    view.scroll_table = true;
    view.scroll_text = true;
    view.focus_table = true;
}
