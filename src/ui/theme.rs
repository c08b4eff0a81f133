//! Colours, text sizes and small shared widgets. A status is always shown as its label on
//! its colour, and that text reads at 4.5:1 or better in both themes (tested below).

use egui::{Color32, RichText, Ui};

use super::rows::StatusCounts;
use crate::model::Status;

/// Smallest text the window draws, in points at 100% (chips, counts, notes marks).
pub const SMALL_TEXT: f32 = 12.0;

/// Text sizes for both themes: nothing under [`SMALL_TEXT`].
pub fn apply_text_sizes(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(SMALL_TEXT, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(13.5, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(13.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(12.5, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(18.0, FontFamily::Proportional),
            ),
        ]
        .into();
    });
}

/// Colours that read at 4.5:1 (WCAG AA) or better on every background the window draws
/// text on, in both themes: egui's weak text (roles, article titles, hints) is otherwise
/// its text colour at reduced alpha, 2.7:1 on the light panel.
pub fn apply_contrast(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| legible(&mut style.visuals));
}

/// The visuals with the text colours [`apply_contrast`] sets.
pub fn legible(visuals: &mut egui::Visuals) {
    if visuals.dark_mode {
        visuals.weak_text_color = Some(Color32::from_gray(165));
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(210);
        visuals.hyperlink_color = Color32::from_rgb(120, 180, 255);
        visuals.warn_fg_color = Color32::from_rgb(255, 170, 60);
        visuals.error_fg_color = Color32::from_rgb(255, 120, 120);
        visuals.selection.bg_fill = Color32::from_rgb(0, 55, 105);
    } else {
        visuals.weak_text_color = Some(Color32::from_gray(80));
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(30);
        visuals.hyperlink_color = Color32::from_rgb(0, 85, 170);
        visuals.warn_fg_color = Color32::from_rgb(130, 65, 0);
        visuals.error_fg_color = Color32::from_rgb(170, 0, 0);
        visuals.selection.bg_fill = Color32::from_rgb(190, 220, 250);
    }
}

/// The (name, text, background) colour pairs the window draws text with, for `visuals`:
/// each must read at 4.5:1 or better (tested).
pub fn text_pairs(visuals: &egui::Visuals) -> Vec<(String, Color32, Color32)> {
    // A translucent fill (the stripes) as it shows over the panel.
    let over_panel = |c: Color32| {
        let a = 1.0 - f32::from(c.a()) / 255.0;
        let p = visuals.panel_fill;
        let mix = |x: u8, y: u8| (f32::from(x) + f32::from(y) * a).round().min(255.0) as u8;
        Color32::from_rgb(mix(c.r(), p.r()), mix(c.g(), p.g()), mix(c.b(), p.b()))
    };
    let backgrounds = [
        ("panel", visuals.panel_fill),
        ("window", visuals.window_fill),
        ("striped row", over_panel(visuals.faint_bg_color)),
        ("text field", visuals.extreme_bg_color),
        ("selected row", visuals.selection.bg_fill),
        ("button", visuals.widgets.inactive.weak_bg_fill),
    ];
    let texts = [
        ("text", visuals.text_color()),
        ("weak text", visuals.weak_text_color()),
        ("strong text", visuals.strong_text_color()),
        ("button text", visuals.widgets.inactive.text_color()),
        ("link", visuals.hyperlink_color),
        ("warning", visuals.warn_fg_color),
        ("error", visuals.error_fg_color),
    ];
    let mut pairs = Vec::new();
    for (t, tc) in texts {
        for (b, bc) in backgrounds {
            pairs.push((format!("{t} on {b}"), tc, bc));
        }
    }
    for status in Status::ALL {
        pairs.push((
            format!("{status:?} chip"),
            status_text_color(status),
            status_color(status),
        ));
    }
    pairs
}

pub fn apply_theme(ctx: &egui::Context, choice: egui::ThemePreference) {
    ctx.set_theme(choice);
}

/// The status colour, the same in both themes and in the reports.
pub fn status_color(status: Status) -> Color32 {
    let [r, g, b] = status.rgb();
    Color32::from_rgb(r, g, b)
}

/// Text drawn on the status colour.
pub fn status_text_color(_status: Status) -> Color32 {
    Color32::WHITE
}

/// A light tint of the status colour for highlighting article text.
pub fn highlight_color(status: Status, dark_mode: bool, selected: bool) -> Color32 {
    let c = status_color(status);
    let alpha = match (selected, dark_mode) {
        (true, _) => 255,
        (false, true) => 70,
        (false, false) => 45,
    };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// WCAG relative luminance of an opaque colour.
pub fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A label on a status colour, as a rounded chip: one widget of a known size, so that a
/// wrapping row moves it to the next line whole (a frame or scope would not wrap).
fn chip(ui: &mut Ui, status: Status, text: String) -> egui::Response {
    let rich = RichText::new(text.as_str())
        .color(status_text_color(status))
        .small()
        .strong();
    let galley = egui::WidgetText::from(rich).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let pad = egui::vec2(6.0, 2.0);
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * pad, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 6.0, status_color(status));
        ui.painter()
            .galley(rect.min + pad, galley, status_text_color(status));
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    response
}

/// The status as a coloured pill with its label.
pub fn status_pill(ui: &mut Ui, status: Status) -> egui::Response {
    chip(ui, status, status.label().to_string())
}

/// "3 verified" chips for the statuses with claims, wrapping onto more lines rather than
/// widening the panel they are in.
pub fn count_chips(ui: &mut Ui, counts: &StatusCounts) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(4.0, 2.0);
        for status in Status::ALL {
            let n = counts.get(status);
            if n > 0 {
                chip(ui, status, format!("{n} {}", chip_name(status)));
            }
        }
    });
}

/// The texts of the chips `count_chips` draws, in order (for working out their room).
pub fn count_chip_texts(counts: &StatusCounts) -> impl Iterator<Item = String> + '_ {
    Status::ALL.into_iter().filter_map(|status| {
        let n = counts.get(status);
        (n > 0).then(|| format!("{n} {}", chip_name(status)))
    })
}

/// The width of a chip's text (without its padding), laid out as `chip` lays it out.
pub fn chip_text_width(ui: &Ui, text: &str) -> f32 {
    let rich = RichText::new(text).small().strong();
    egui::WidgetText::from(rich)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Small,
        )
        .size()
        .x
}

/// The same chips on one line, for a table cell (clipped there, never wrapped).
pub fn count_chips_line(ui: &mut Ui, counts: &StatusCounts) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(4.0, 2.0);
        for status in Status::ALL {
            let n = counts.get(status);
            if n > 0 {
                chip(ui, status, format!("{n} {}", chip_name(status)));
            }
        }
    });
}

/// A status's name in a count chip ("3 verified", "2 not a claim").
fn chip_name(status: Status) -> &'static str {
    match status {
        Status::Rejected => "not a claim",
        s => s.key(),
    }
}

/// A status button: its label and key on its colour.
pub fn status_button(ui: &mut Ui, status: Status) -> egui::Response {
    let label = match super::shortcuts::tag_key(status) {
        Some(key) => format!("{} ({})", status.label(), key.name()),
        None => status.label().to_string(),
    };
    let button = egui::Button::new(
        RichText::new(label)
            .color(status_text_color(status))
            .strong(),
    )
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

/// A review's address as a link, on one line truncated to the width (a long address must
/// not widen the pane; the whole address on hover). A click opens it in the browser.
pub fn link(ui: &mut Ui, url: &str) {
    if url.starts_with("http://") || url.starts_with("https://") {
        let text = RichText::new(url)
            .small()
            .color(ui.visuals().hyperlink_color)
            .underline();
        let label = egui::Label::new(text)
            .truncate()
            .sense(egui::Sense::click());
        let r = ui
            .add(label)
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text(url);
        if r.clicked() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
    } else {
        ui.add(egui::Label::new(RichText::new(url).small().weak()).truncate());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chip_text_reads_at_4_5_to_1_in_both_themes() {
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            for status in Status::ALL {
                let ratio = contrast(status_text_color(status), status_color(status));
                assert!(
                    ratio >= 4.5,
                    "{status:?} chip: {ratio:.2}:1 (dark mode: {})",
                    visuals.dark_mode
                );
                // The selected claim's highlight in the article text is the same pair.
                let selected = highlight_color(status, visuals.dark_mode, true);
                assert!(contrast(status_text_color(status), selected) >= 4.5);
                // Unselected highlights are a tint under the theme's own text colour.
                let panel = visuals.panel_fill;
                let tint = highlight_color(status, visuals.dark_mode, false);
                let under = blend(panel, tint);
                let text = visuals.strong_text_color();
                let ratio = contrast(text, under);
                assert!(ratio >= 4.5, "{status:?} highlight: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn report_colours_read_on_white() {
        for status in Status::ALL {
            assert!(contrast(status_color(status), Color32::WHITE) >= 4.5);
        }
    }

    /// `over` (unmultiplied alpha) painted on the opaque `base`.
    fn blend(base: Color32, over: Color32) -> Color32 {
        let [r, g, b, a] = over.to_srgba_unmultiplied();
        let a = f32::from(a) / 255.0;
        let mix = |x: u8, y: u8| (f32::from(x) * (1.0 - a) + f32::from(y) * a).round() as u8;
        Color32::from_rgb(mix(base.r(), r), mix(base.g(), g), mix(base.b(), b))
    }

    /// Every text colour on every background the window uses, chips included, in the light
    /// and the dark theme, as the window sets them up.
    #[test]
    fn every_text_and_chip_reads_at_aa_contrast_in_both_themes() {
        let mut failures = Vec::new();
        for mut visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            legible(&mut visuals);
            for (name, text, background) in text_pairs(&visuals) {
                let ratio = contrast(text, background);
                if ratio < 4.5 {
                    failures.push(format!(
                        "{name} ({}): {ratio:.2}:1",
                        if visuals.dark_mode { "dark" } else { "light" }
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        // egui's own weak text, before: the 2.7:1 the role column was drawn at.
        let light = egui::Visuals::light();
        let (w, p) = (light.weak_text_color(), light.panel_fill);
        let a = 1.0 - f32::from(w.a()) / 255.0;
        let mix = |x: u8, y: u8| (f32::from(x) + f32::from(y) * a).round() as u8;
        let shown = Color32::from_rgb(mix(w.r(), p.r()), mix(w.g(), p.g()), mix(w.b(), p.b()));
        let before = contrast(shown, p);
        assert!(before < 4.5, "egui's weak text: {before:.2}:1");
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
