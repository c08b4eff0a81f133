//! "Views": the filters saved in the project under a name. Picking one sets the table's
//! filter; saving the current filters (a new name, or one already there to replace it) and
//! deleting a view are edits (`Edit::SetViews`), saved with the project and undoable.

use egui::{RichText, Ui};

use super::command::{Queue, TriageAction, ViewAction};
use super::state::ViewState;
use crate::model::edit::Edit;
use crate::model::{NamedView, Project};

/// The id of the view name being typed (tests type into it).
pub fn name_field_id() -> egui::Id {
    egui::Id::unique("save_view_name")
}

pub fn show(ui: &mut Ui, project: &Project, view: &ViewState, queue: &mut Queue) {
    let current = project
        .views
        .iter()
        .find(|v| v.filter == view.filter && view.filter.is_active());
    let label = current.map_or("Views".to_string(), |v| format!("View: {}", v.name));
    ui.menu_button(label, |ui| {
        if project.views.is_empty() {
            ui.label(RichText::new("No saved views yet").weak());
        }
        for (i, saved) in project.views.iter().enumerate() {
            ui.horizontal(|ui| {
                let on = current.is_some_and(|c| c.name == saved.name);
                if ui.selectable_label(on, &saved.name).clicked() {
                    queue.push(ViewAction::SetFilter(saved.filter.clone()));
                    ui.close();
                }
                if ui
                    .small_button("Delete")
                    .on_hover_text(format!("Delete the view \"{}\"", saved.name))
                    .clicked()
                {
                    let mut views = project.views.clone();
                    views.remove(i);
                    queue.push(TriageAction::Edit(Edit::SetViews { views }));
                }
            });
        }
        ui.separator();
        let id = name_field_id();
        let mut name: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let l = ui.label("Save these filters as");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .id(id)
                    .hint_text("a name: For tomorrow")
                    .desired_width(170.0),
            )
            .labelled_by(l.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let can_save = view.filter.is_active() && !name.trim().is_empty();
        let clicked = ui
            .add_enabled(can_save, egui::Button::new("Save current filters"))
            .on_disabled_hover_text("Set some filters and type a name")
            .clicked();
        if can_save && (clicked || enter) {
            queue.push(TriageAction::Edit(Edit::SetViews {
                views: with_view(&project.views, name.trim(), &view.filter),
            }));
            name.clear();
            ui.close();
        }
        ui.data_mut(|d| d.insert_temp(id, name));
    });
}

/// The views with `filter` saved as `name`: a view of that name (any case) is replaced in
/// its place, otherwise the new one goes last.
pub fn with_view(views: &[NamedView], name: &str, filter: &crate::model::Filter) -> Vec<NamedView> {
    let mut views = views.to_vec();
    let new = NamedView {
        name: name.to_string(),
        filter: filter.clone(),
    };
    match views
        .iter_mut()
        .find(|v| crate::model::tags::same_name(&v.name, name))
    {
        Some(slot) => *slot = new,
        None => views.push(new),
    }
    views
}
