//! Colours and small shared widgets: a status is always shown as its label on its colour.

use egui::{Color32, RichText, Ui};

use crate::model::Status;

/// The status colour, strong enough to carry white or black text.
pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Unchecked => Color32::from_rgb(120, 124, 132),
        Status::Verified => Color32::from_rgb(46, 140, 72),
        Status::Disputed => Color32::from_rgb(214, 140, 20),
        Status::False => Color32::from_rgb(200, 50, 50),
        Status::Misleading => Color32::from_rgb(150, 80, 190),
        Status::Unverifiable => Color32::from_rgb(60, 110, 180),
    }
}

/// A light tint of the status colour for highlighting article text.
pub fn highlight_color(status: Status, dark_mode: bool, selected: bool) -> Color32 {
    let c = status_color(status);
    let alpha = match (selected, dark_mode) {
        (true, _) => 255,
        (false, true) => 60,
        (false, false) => 50,
    };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The key that sets a status on the selected claims.
pub fn status_key(status: Status) -> egui::Key {
    match status {
        Status::Unchecked => egui::Key::U,
        Status::Verified => egui::Key::V,
        Status::Disputed => egui::Key::D,
        Status::False => egui::Key::F,
        Status::Misleading => egui::Key::M,
        Status::Unverifiable => egui::Key::N,
    }
}

pub fn status_key_name(status: Status) -> &'static str {
    match status {
        Status::Unchecked => "U",
        Status::Verified => "V",
        Status::Disputed => "D",
        Status::False => "F",
        Status::Misleading => "M",
        Status::Unverifiable => "N",
    }
}

/// The status as a coloured pill with its label.
pub fn status_pill(ui: &mut Ui, status: Status) -> egui::Response {
    let text = RichText::new(status.label())
        .color(Color32::WHITE)
        .small()
        .strong();
    egui::Frame::new()
        .fill(status_color(status))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(text))
        .inner
}

/// A status button: its colour as a swatch, its label and its key.
pub fn status_button(ui: &mut Ui, status: Status) -> egui::Response {
    let label = format!("{} ({})", status.label(), status_key_name(status));
    let button = egui::Button::new(RichText::new(label).color(Color32::WHITE).strong())
        .fill(status_color(status));
    ui.add(button)
        .on_hover_text(format!("Mark the selected claims {}", status.label()))
}

/// Give a combo box an accessible name (screen readers, UI tests): its visible text is the
/// current choice ("Any status"), which says what it filters but is not a name.
pub fn name_combo(response: &egui::Response, name: &str, value: &str) {
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, name);
        info.current_text_value = Some(value.to_owned());
        info
    });
}
