//! Two sections of a claim's details: "Checked before" (its best matches in the claim
//! library, each with verdict, outlet, date, level and probability, the claim and the
//! review's claim with what they share highlighted, a link, a button that takes one over,
//! and the analyst's word on it: confirmed ones first and marked, rejected ones hidden)
//! and "Also in N articles" (the near-identical claims of other articles, a jump to each,
//! and a verdict for all of them at once).

use egui::text::{LayoutJob, TextFormat};
use egui::{RichText, Ui};

use super::super::checks::{Checks, FoundMatch};
use super::super::command::{LibraryAction, Queue, TriageAction};
use super::super::shortcuts;
use super::super::theme;
use crate::io::library::pair::highlights;
use crate::model::{Claim, MatchVerdict, Project, Status};

pub fn checked_before(ui: &mut Ui, claim: &Claim, checks: &Checks, queue: &mut Queue) {
    ui.label(RichText::new("Checked before").strong());
    let weak = |ui: &mut Ui, text: &str| {
        ui.label(RichText::new(text).weak());
    };
    let found = checks.shown(claim);
    // Confirmed matches the library does not list now (no library, another one, other
    // words): the analyst's word stays in view.
    for v in claim.match_verdicts.iter().filter(|v| v.confirmed) {
        if !found
            .as_ref()
            .is_some_and(|f| f.iter().any(|m| m.url == v.url))
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Confirmed {}", who_when(v))).strong());
                theme::link(ui, &v.url);
            });
        }
    }
    if checks.dir.is_none() {
        weak(
            ui,
            "No claim library chosen: File > Claim library… matches every claim with earlier fact-checks.",
        );
        return;
    }
    if checks.opening {
        weak(ui, "Opening the claim library…");
        return;
    }
    if checks.is_empty() {
        weak(
            ui,
            "The claim library is empty: add fact-checks in File > Claim library….",
        );
        return;
    }
    let Some(found) = found else {
        weak(ui, "Looking in the claim library…");
        return;
    };
    let rejected = claim.match_verdicts.iter().filter(|v| !v.confirmed).count();
    if found.is_empty() {
        weak(
            ui,
            &format!(
                "Nothing {}like it in the claim library ({} reviews).",
                if rejected > 0 { "else " } else { "" },
                checks.len()
            ),
        );
    }
    for (i, m) in found.iter().enumerate() {
        one_match(ui, claim, m, i == 0, queue);
    }
    if rejected > 0 {
        weak(
            ui,
            &format!(
                "{rejected} match{} you rejected not shown.",
                if rejected == 1 { "" } else { "es" }
            ),
        );
    }
}

/// "by anna · 2026-12-07": who gave their word on a match, and when (UTC date).
fn who_when(v: &MatchVerdict) -> String {
    let date = crate::model::time::iso_date(v.at);
    if v.by.is_empty() {
        date
    } else {
        format!("by {} · {date}", v.by)
    }
}

fn one_match(ui: &mut Ui, claim: &Claim, m: &FoundMatch, best: bool, queue: &mut Queue) {
    let confirmed = claim.match_verdict(&m.url).filter(|v| v.confirmed);
    ui.horizontal_wrapped(|ui| {
        if let Some(status) = m.status() {
            theme::status_pill(ui, status);
        }
        let rating = if m.rating.is_empty() {
            "no rating"
        } else {
            &m.rating
        };
        ui.label(RichText::new(rating).strong());
        let facts: Vec<&str> = [m.author.as_str(), m.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !facts.is_empty() {
            ui.label(RichText::new(facts.join(" · ")).weak());
        }
        let (strength, hover) = if m.is_strong() {
            ("strong match", "Very likely the same claim")
        } else {
            (
                "possible match",
                "May be the same claim: read before taking it over",
            )
        };
        ui.label(
            RichText::new(format!("{strength} · p {:.2}", m.probability))
                .small()
                .italics(),
        )
        .on_hover_text(format!(
            "{hover}: probability {:.2} that the review examines this claim's assertion \
             (search score {:.2})",
            m.probability, m.score
        ));
        if let Some(v) = confirmed {
            ui.label(
                RichText::new(format!("Confirmed {}", who_when(v)))
                    .small()
                    .strong()
                    .color(ui.visuals().strong_text_color()),
            );
        }
    });
    why_line(ui, m);
    let reviewed = if m.claim_reviewed.is_empty() {
        &m.title
    } else {
        &m.claim_reviewed
    };
    side_by_side(ui, &claim.content, reviewed, m);
    ui.horizontal_wrapped(|ui| {
        let take = match m.status() {
            Some(s) => format!("Take over: {} + evidence", s.label()),
            None => "Add as evidence".to_string(),
        };
        let key = if best {
            format!(" ({})", ui.ctx().format_shortcut(&shortcuts::APPLY_MATCH))
        } else {
            String::new()
        };
        let hover = match m.status() {
            Some(s) => format!(
                "Mark the claim {} and add the review as evidence, one undo step{key}",
                s.label()
            ),
            None => format!(
                "“{}” is no verdict claimdesk knows: the review is added as evidence, the verdict is yours{key}",
                m.rating
            ),
        };
        if ui.small_button(take).on_hover_text(hover).clicked() {
            queue.push(LibraryAction::ApplyMatch {
                claim: claim.id,
                url: m.url.clone(),
            });
        }
        let judge = |confirmed| LibraryAction::JudgeMatch {
            claim: claim.id,
            url: m.url.clone(),
            confirmed,
        };
        if confirmed.is_some() {
            if ui
                .small_button("Take back")
                .on_hover_text("Take back your confirmation of this match")
                .clicked()
            {
                queue.push(judge(None));
            }
        } else {
            if ui
                .small_button("Same claim")
                .on_hover_text(
                    "Confirm: this fact-check examines this claim (shown first and marked, \
                     kept in the project with your name and the date)",
                )
                .clicked()
            {
                queue.push(judge(Some(true)));
            }
            if ui
                .small_button("Not this claim")
                .on_hover_text(
                    "Reject: this fact-check is about something else; it is not shown for this \
                     claim again (kept in the project with your name and the date; undo brings it back)",
                )
                .clicked()
            {
                queue.push(judge(Some(false)));
            }
        }
    });
    theme::link(ui, &m.url);
    ui.add_space(4.0);
}

/// The claim and the review's claim one above the other, what they share highlighted in
/// both (why it matched).
fn side_by_side(ui: &mut Ui, claim: &str, reviewed: &str, m: &FoundMatch) {
    egui::Grid::new(("why", &m.url))
        .num_columns(2)
        .spacing([6.0, 2.0])
        .show(ui, |ui| {
            for (label, text, quote) in [("Claim", claim, false), ("Checked", reviewed, true)] {
                ui.label(RichText::new(label).small().weak());
                let marks = highlights(text, &m.shared);
                let job = highlighted(ui, text, &marks, quote);
                ui.add(egui::Label::new(job).wrap());
                ui.end_row();
            }
        });
}

/// `text` with the byte ranges `marks` on a highlight (in quotation marks when `quote`).
fn highlighted(ui: &Ui, text: &str, marks: &[(usize, usize)], quote: bool) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let marked = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        // Stronger on a light background, where the selection colour is pale already.
        background: ui
            .visuals()
            .selection
            .bg_fill
            .linear_multiply(if ui.visuals().dark_mode { 0.5 } else { 0.9 }),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    if quote {
        job.append("“", 0.0, plain.clone());
    }
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > text.len() {
            continue;
        }
        job.append(&text[at..a], 0.0, plain.clone());
        job.append(&text[a..b], 0.0, marked.clone());
        at = b;
    }
    job.append(&text[at..], 0.0, plain.clone());
    if quote {
        job.append("”", 0.0, plain);
    }
    job
}

/// Why it matched: the names, numbers and words the claim and the review share.
fn why_line(ui: &mut Ui, m: &FoundMatch) {
    let s = &m.shared;
    if s.names.is_empty() && s.numbers.is_empty() && s.words.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Why:").small().weak());
        for (label, items) in [
            ("names", &s.names),
            ("numbers", &s.numbers),
            ("words", &s.words),
        ] {
            if items.is_empty() {
                continue;
            }
            ui.label(RichText::new(format!("{label}:")).small().weak());
            for item in items.iter().take(8) {
                ui.label(
                    RichText::new(item)
                        .small()
                        .strong()
                        .background_color(ui.visuals().selection.bg_fill.linear_multiply(0.4)),
                );
            }
        }
    });
}

/// One line near the top of the details: the best earlier fact-check, when it is strong,
/// and the key that takes it over (the full list is under "Checked before").
pub fn best_line(ui: &mut Ui, claim: &Claim, checks: &Checks) {
    let Some(best) = checks.best(claim).filter(|m| m.is_strong()) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Checked before:").strong());
        if let Some(status) = best.status() {
            theme::status_pill(ui, status);
        }
        let who = [
            best.rating.as_str(),
            best.author.as_str(),
            best.date.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        ui.label(who);
        let key = ui.ctx().format_shortcut(&shortcuts::APPLY_MATCH);
        ui.label(RichText::new(format!("({key} takes it over)")).weak());
    });
    ui.add_space(4.0);
}

/// "Also in 2 other articles": the near-identical claims elsewhere in the project.
pub fn also_in(ui: &mut Ui, project: &Project, claim: &Claim, checks: &Checks, queue: &mut Queue) {
    let Some(group) = checks.group_of(claim.id) else {
        return;
    };
    let others: Vec<&Claim> = group
        .iter()
        .filter(|id| **id != claim.id)
        .filter_map(|id| project.claim(*id))
        .collect();
    if others.is_empty() {
        return;
    }
    let articles: std::collections::BTreeSet<_> = others.iter().map(|c| c.article).collect();
    let n = articles.len();
    ui.label(
        RichText::new(format!(
            "Also in {n} other article{}",
            if n == 1 { "" } else { "s" }
        ))
        .strong(),
    );
    for other in &others {
        ui.horizontal(|ui| {
            let title = project
                .article(other.article)
                .map_or("", |a| a.title.as_str());
            if ui
                .link(format!("#{}", other.number))
                .on_hover_text("Show this claim")
                .clicked()
            {
                queue.push(TriageAction::JumpToClaim(other.id));
            }
            theme::status_pill(ui, other.status);
            ui.add(egui::Label::new(RichText::new(title).weak()).truncate());
        });
    }
    let all = group.len();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("Select all {all}"))
            .on_hover_text(
                "Select the claim and its near-identical copies (the keys then act on all)",
            )
            .clicked()
        {
            queue.push(LibraryAction::SelectGroup(claim.id));
        }
        ui.menu_button(format!("Mark all {all} as"), |ui| {
            for status in Status::ALL {
                let b = egui::Button::new(
                    RichText::new(status.label())
                        .color(theme::status_text_color(status))
                        .strong(),
                )
                .fill(theme::status_color(status));
                if ui
                    .add(b)
                    .on_hover_text(format!("Mark all {all} {}, one undo step", status.label()))
                    .clicked()
                {
                    queue.push(LibraryAction::TagGroup {
                        claim: claim.id,
                        status,
                    });
                    ui.close();
                }
            }
        });
    });
    ui.add_space(6.0);
}
