//! Check-worthiness in the window (docs/worth.md): the claims table's Worth cell (the score
//! as a small bar, the claim's type as a chip), and the one menu above the table that
//! filters by a minimum worth and sets the project's statement threshold (from which score
//! a sentence no one is quoted saying becomes a claim of kind `statement`).

use egui::{RichText, Sense, Ui};

use super::command::{FileAction, Queue};
use super::rows::Filter;
use super::theme;
use crate::extract::{ClaimType, STATEMENT_THRESHOLD, Score};
use crate::model::{Claim, Project};

/// The minimum worths the filter offers.
pub const MIN_WORTHS: [f32; 4] = [0.5, 0.75, 0.85, 0.9];
/// The statement thresholds the analyst can pick: the default keeps a typical news article
/// at about 10 statements at most; lower gives more, higher fewer.
pub const THRESHOLDS: [f32; 7] = [0.6, 0.7, STATEMENT_THRESHOLD, 0.8, 0.85, 0.9, 0.95];

/// The bar's colour from the score: grey below the model's boundary, then amber to red.
fn bar_color(ui: &Ui, score: f32) -> egui::Color32 {
    if score < crate::extract::worth::TYPE_FLOOR {
        ui.visuals().weak_text_color()
    } else if score < STATEMENT_THRESHOLD {
        egui::Color32::from_rgb(0xd9, 0x9a, 0x1e)
    } else {
        egui::Color32::from_rgb(0xc8, 0x3c, 0x2c)
    }
}

/// The Worth cell: the type as a chip in a few letters (none when the claim is not worth
/// checking) above a thin bar filled to the score, so both fit the narrow column at any
/// zoom. Hover: the score and type in words.
pub fn cell(ui: &mut Ui, claim: &Claim) {
    let (score, claim_type) = claim.worthiness();
    let value = score.get();
    // The chip above a thin bar: both fit the narrow column, one above the other.
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        if claim_type != ClaimType::None {
            type_chip(ui, claim_type);
        } else {
            // No chip: the bar stays on the line of the others.
            ui.add_space(ui.text_style_height(&egui::TextStyle::Small));
        }
        let width = ui.available_width().clamp(16.0, 44.0);
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 4.0), Sense::hover());
        if ui.is_rect_visible(rect) {
            let painter = ui.painter();
            painter.rect_filled(rect, 1.0, ui.visuals().widgets.inactive.weak_bg_fill);
            let mut filled = rect;
            filled.set_width(rect.width() * value.clamp(0.0, 1.0));
            painter.rect_filled(filled, 1.0, bar_color(ui, value));
        }
        let words = format!("Worth {:.2}", value);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
        let hover = match claim_type {
            ClaimType::None => format!("{words}: not worth checking"),
            t => format!("{words}: a {} claim", t.key()),
        };
        response.on_hover_text(hover);
    });
}

/// The type in a few letters, for the table's chip ("qty" for quantity).
pub fn short_type(t: ClaimType) -> &'static str {
    match t {
        ClaimType::Quantity => "qty",
        ClaimType::Comparison => "cmp",
        ClaimType::Prediction => "pred",
        ClaimType::Causal => "cause",
        ClaimType::Rule => "rule",
        ClaimType::Personal => "pers",
        ClaimType::Other => "fact",
        ClaimType::None => "",
    }
}

/// The type as a small chip ("qty"; the full type on hover).
fn type_chip(ui: &mut Ui, t: ClaimType) {
    let text = RichText::new(short_type(t)).small();
    let fill = ui.visuals().widgets.inactive.weak_bg_fill;
    egui::Frame::new()
        .fill(fill)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(3, 0))
        .show(ui, |ui| ui.add(egui::Label::new(text).truncate()))
        .inner
        .on_hover_text(format!("a {} claim", t.key()));
}

/// The Worth menu of the filter row: "Any worth" or a minimum, and the project's
/// statement threshold. A new threshold is an action (an undoable settings edit, then the
/// articles' statements found again in the background).
pub fn menu(ui: &mut Ui, project: &Project, filter: &mut Filter, queue: &mut Queue) {
    let text = filter.min_worth.map_or("Any worth".to_string(), |w| {
        format!("Worth ≥ {:.2}", w.get())
    });
    let threshold = project.settings.statement_threshold();
    let combo = egui::ComboBox::from_id_salt("filter_worth")
        .selected_text(&text)
        .height(420.0)
        .show_ui(ui, |ui| {
            ui.label(RichText::new("Show").strong());
            ui.selectable_value(&mut filter.min_worth, None, "Any worth");
            for w in MIN_WORTHS {
                let value = Some(Score::new(w));
                ui.selectable_value(&mut filter.min_worth, value, format!("Worth ≥ {w:.2}"));
            }
            ui.separator();
            ui.label(RichText::new("Statements from").strong())
                .on_hover_text(
                    "Check-worthy sentences no one is quoted saying become claims of kind \
                     statement, in the article's own voice, from this score",
                );
            for t in THRESHOLDS {
                let picked = Score::new(t) == Score::new(threshold);
                let label = if t == STATEMENT_THRESHOLD {
                    format!("{t:.2} (default)")
                } else {
                    format!("{t:.2}")
                };
                if ui.selectable_label(picked, label).clicked() && !picked {
                    queue.push(FileAction::StatementThreshold(t));
                }
            }
        });
    theme::name_combo(&combo.response, "Worth filter", &text);
}
