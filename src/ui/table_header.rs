//! The claims table's header cells beyond sorting: the analyst's layout of the columns.
//! A column's right edge drags its width (the width follows the pointer while dragged,
//! kept in egui's memory; released, it is one `Edit::SetTableLayout`); a right-click on
//! a header offers move left / right, hide, show a hidden column, and reset. The layout
//! is the project's (`model::table_layout`): saved with it, restored on open, undoable.

use egui::{CursorIcon, Id, Rect, Sense, Ui};

use super::command::{Queue, TriageAction};
use super::rows::SortColumn;
use super::table_columns::{COLUMNS, key, keys};
use crate::model::TableLayout;
use crate::model::edit::Edit;

/// The width of the grip at a column's right edge.
const GRIP: f32 = 6.0;

fn drag_id() -> Id {
    Id::unique("claims_table_column_drag")
}

/// The project's layout with the width being dragged now, if any.
pub fn live(ui: &Ui, stored: &TableLayout) -> TableLayout {
    match ui.data(|d| d.get_temp::<(usize, f32)>(drag_id())) {
        Some((i, width)) if i < COLUMNS.len() => stored.with_width(key(COLUMNS[i].sort), width),
        _ => stored.clone(),
    }
}

/// The grip at the right edge of column `i`'s header cell (drawn inside the cell `ui`):
/// dragging it sets the column's width; released, the new layout is queued as an edit.
pub fn grip(ui: &mut Ui, i: usize, stored: &TableLayout, queue: &mut Queue) {
    if COLUMNS[i].sort == SortColumn::Claim {
        return; // the Claim column takes what the others leave
    }
    let cell = ui.max_rect();
    let rect = Rect::from_x_y_ranges(cell.right() - GRIP..=cell.right(), cell.y_range());
    let id = Id::unique(("claims_table_column_grip", i));
    let response = ui
        .interact(rect, id, Sense::drag())
        .on_hover_text("Drag to resize; right-click for the columns");
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeColumn);
        let stroke = ui.visuals().widgets.hovered.bg_stroke;
        ui.painter()
            .vline(rect.right() - 1.0, cell.y_range(), stroke);
    }
    if response.dragged()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let width = (pointer.x - cell.left()).max(crate::model::table_layout::WIDTH_RANGE.0 as f32);
        ui.data_mut(|d| d.insert_temp(drag_id(), (i, width)));
    }
    if response.drag_stopped() {
        let dragged = ui.data_mut(|d| d.remove_temp::<(usize, f32)>(drag_id()));
        if let Some((j, width)) = dragged
            && j == i
        {
            let layout = stored.with_width(key(COLUMNS[i].sort), width);
            queue.push(TriageAction::Edit(Edit::SetTableLayout { layout }));
        }
    }
}

/// A header's context menu for column `i`; `shown` are the columns drawn, in order.
pub fn menu(ui: &mut Ui, i: usize, shown: &[usize], stored: &TableLayout, queue: &mut Queue) {
    let all = keys();
    let shown_keys: Vec<&str> = shown.iter().map(|&j| all[j]).collect();
    let this = all[i];
    let at = shown.iter().position(|&j| j == i).unwrap_or(0);
    let mut pick = |layout: TableLayout, ui: &mut Ui| {
        queue.push(TriageAction::Edit(Edit::SetTableLayout { layout }));
        ui.close();
    };
    if ui
        .add_enabled(at > 0, egui::Button::new("Move left"))
        .clicked()
    {
        pick(stored.moved(&all, &shown_keys, this, true), ui);
    }
    if ui
        .add_enabled(at + 1 < shown.len(), egui::Button::new("Move right"))
        .clicked()
    {
        pick(stored.moved(&all, &shown_keys, this, false), ui);
    }
    let claim = COLUMNS[i].sort == SortColumn::Claim;
    if ui
        .add_enabled(
            !claim,
            egui::Button::new(format!("Hide {}", COLUMNS[i].header)),
        )
        .clicked()
    {
        pick(stored.with_hidden(this, true), ui);
    }
    let hidden: Vec<usize> = (0..COLUMNS.len())
        .filter(|&j| stored.is_hidden(all[j]) && COLUMNS[j].sort != SortColumn::Claim)
        .collect();
    if !hidden.is_empty() {
        ui.menu_button("Show column", |ui| {
            for j in hidden {
                if ui.button(COLUMNS[j].header).clicked() {
                    pick(stored.with_hidden(all[j], false), ui);
                }
            }
        });
    }
    ui.separator();
    if ui
        .add_enabled(!stored.is_default(), egui::Button::new("Reset columns"))
        .on_hover_text("Every column in its first place and width, none hidden")
        .clicked()
    {
        pick(stored.reset(), ui);
    }
}
