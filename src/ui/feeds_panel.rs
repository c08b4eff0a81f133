//! The Feeds window (the menu bar's “Feeds” button, which carries the badge of new
//! alerts): follow a feed, stop following one, see when each was last checked and its
//! last error, check now; the watch list of speakers and words; the claims it flagged,
//! all of them or only those new since the analyst last looked. It only draws and types:
//! every change is a `FeedsAction` (`command.rs`, handled in `app/feeds_actions.rs`),
//! the network runs in the jobs (`jobs/feeds.rs`).

use egui::{Context, RichText, Ui};

use super::checks::Checks;
use super::command::{FeedsAction, Queue, TriageAction};
use crate::model::{ClaimId, Project};

/// The window's own state: what is typed, whether a poll runs.
#[derive(Debug, Default)]
pub struct FeedsWindow {
    pub open: bool,
    pub url: String,
    pub speakers: String,
    pub words: String,
    pub only_new: bool,
    /// A poll is running (its job reports as it goes).
    pub polling: bool,
    /// Why the window cannot follow feeds here (a shared project), if so.
    pub unavailable: Option<String>,
    /// The flags as listed, and the badge's count.
    pub flags: FlagRows,
}

/// The width of the feeds table's first column (title, address, last error).
const FEED_COLUMN: f32 = 340.0;

/// One flag as listed: its claim (and where it stands in the project's claims), why,
/// and whether it is new since the analyst last looked.
#[derive(Debug, Clone)]
struct FlagRow {
    claim: ClaimId,
    index: usize,
    reason: String,
    is_new: bool,
}

/// The flags of claims still in the project, newest first, and how many are new: worked
/// out again only when the project or the library's matches changed, never per frame.
/// Besides the watch list's flags, a claim of an article a feed brought since the last
/// look is listed when the claim library has a strong match for it ("checked before").
#[derive(Debug, Default)]
pub struct FlagRows {
    /// The history's revision, the number of flags and claims, the last look, the
    /// library's generation and whether it is matching.
    key: Option<(u64, usize, usize, Option<i64>, u64, bool)>,
    rows: Vec<FlagRow>,
    /// Flags new since the analyst last looked (the badge).
    pub new: usize,
}

impl FlagRows {
    pub fn refresh(&mut self, project: &Project, revision: u64, checks: &Checks) {
        let watch = &project.feeds;
        let key = (
            revision,
            watch.flagged.len(),
            project.claims.len(),
            watch.last_looked,
            checks.generation,
            checks.matching,
        );
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let index: std::collections::HashMap<ClaimId, usize> = project
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let since = watch.last_looked.unwrap_or(i64::MIN);
        self.rows = watch
            .flagged
            .iter()
            .rev()
            .filter_map(|f| {
                Some(FlagRow {
                    claim: f.claim,
                    index: *index.get(&f.claim)?,
                    reason: f.reason.clone(),
                    is_new: f.at > since,
                })
            })
            .collect();
        // Claims of articles new from the feeds that were checked before.
        let new_articles: std::collections::HashSet<_> = watch
            .items
            .iter()
            .filter(|i| i.added_at > since)
            .filter_map(|i| i.article)
            .collect();
        if !new_articles.is_empty() && checks.library.is_some() {
            let flagged: std::collections::HashSet<ClaimId> =
                self.rows.iter().map(|r| r.claim).collect();
            let checked: Vec<FlagRow> = project
                .claims
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, c)| new_articles.contains(&c.article) && !flagged.contains(&c.id))
                .filter(|(_, c)| checks.has_strong_match(c))
                .map(|(index, c)| FlagRow {
                    claim: c.id,
                    index,
                    reason: "checked before".into(),
                    is_new: true,
                })
                .collect();
            self.rows.splice(0..0, checked);
        }
        self.new = self.rows.iter().filter(|r| r.is_new).count();
    }
}

/// The menu bar's button, with the badge of `n` new flagged claims.
pub fn badge(ui: &mut Ui, n: usize, queue: &mut Queue) {
    let label = if n > 0 {
        RichText::new(format!("Feeds • {n} new")).strong()
    } else {
        RichText::new("Feeds")
    };
    let hover = if n > 0 {
        format!("{n} flagged claims new since you last looked")
    } else {
        "Follow news feeds; new claims of watched speakers are flagged".to_string()
    };
    if ui.button(label).on_hover_text(hover).clicked() {
        queue.push(FeedsAction::Show);
    }
}

pub fn show(ctx: &Context, project: &Project, window: &mut FeedsWindow, queue: &mut Queue) {
    if !window.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Feeds")
        .open(&mut open)
        .default_width(720.0)
        .default_height(560.0)
        .default_pos([240.0, 40.0])
        .vscroll(true)
        .resizable(true)
        .show(ctx, |ui| {
            if let Some(why) = &window.unavailable {
                ui.label(why.as_str());
                return;
            }
            add_row(ui, window, queue);
            ui.add_space(4.0);
            feed_table(ui, project, queue);
            ui.separator();
            watch_list(ui, window, queue);
            ui.separator();
            alerts(ui, project, window, queue);
        });
    if !open {
        queue.push(FeedsAction::Close);
    }
}

fn add_row(ui: &mut Ui, window: &mut FeedsWindow, queue: &mut Queue) {
    ui.horizontal(|ui| {
        let l = ui.label("Feed address");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut window.url)
                    .hint_text("https://news.example/rss")
                    .desired_width(380.0),
            )
            .labelled_by(l.id);
        let typed = window.url.trim().to_string();
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui
            .add_enabled(!typed.is_empty(), egui::Button::new("Follow"))
            .clicked()
            || entered)
            && !typed.is_empty()
        {
            queue.push(FeedsAction::Add(typed));
        }
        let check = egui::Button::new(if window.polling {
            "Checking…"
        } else {
            "Check now"
        });
        if ui
            .add_enabled(!window.polling, check)
            .on_hover_text("Ask every feed now, whatever its interval")
            .clicked()
        {
            queue.push(FeedsAction::CheckNow);
        }
        if window.polling {
            ui.spinner();
        }
    });
}

fn feed_table(ui: &mut Ui, project: &Project, queue: &mut Queue) {
    let feeds = &project.feeds;
    if feeds.feeds.is_empty() {
        ui.label(
            RichText::new("No feeds followed yet: add an RSS, Atom or JSON Feed address.").weak(),
        );
        return;
    }
    egui::Grid::new("feeds_grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for head in ["Feed", "Every", "Last checked", "Articles", ""] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for feed in &feeds.feeds {
                ui.vertical(|ui| {
                    // A fixed width: a grid would squeeze the column to its narrowest.
                    ui.set_width(FEED_COLUMN);
                    ui.label(feed.title.as_deref().unwrap_or(&feed.url));
                    if feed.title.is_some() {
                        ui.label(RichText::new(&feed.url).weak().small());
                    }
                    if let Some(e) = &feed.last_error {
                        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                    }
                });
                ui.label(format!("{} min", feed.interval_minutes));
                ui.label(
                    feed.last_checked
                        .map_or("never".into(), crate::model::time::date_time),
                );
                let taken = feeds
                    .items
                    .iter()
                    .filter(|i| i.feed == feed.url && i.article.is_some())
                    .count();
                ui.label(taken.to_string());
                if ui.button("Remove").clicked() {
                    queue.push(FeedsAction::Remove(feed.url.clone()));
                }
                ui.end_row();
            }
        });
}

fn watch_list(ui: &mut Ui, window: &mut FeedsWindow, queue: &mut Queue) {
    ui.label(RichText::new("Watch list").strong());
    egui::Grid::new("watch_grid").num_columns(2).show(ui, |ui| {
        let l = ui.label("Speakers");
        ui.add(
            egui::TextEdit::singleline(&mut window.speakers)
                .hint_text("John Kirby, White House")
                .desired_width(420.0),
        )
        .labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Words");
        ui.add(
            egui::TextEdit::singleline(&mut window.words)
                .hint_text("ceasefire, inflation")
                .desired_width(420.0),
        )
        .labelled_by(l.id);
        ui.end_row();
    });
    if ui.button("Apply watch list").clicked() {
        queue.push(FeedsAction::SetWatchList {
            speakers: window.speakers.clone(),
            words: window.words.clone(),
        });
    }
}

fn alerts(ui: &mut Ui, project: &Project, window: &FeedsWindow, queue: &mut Queue) {
    let new = window.flags.new;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Flagged claims ({new} new)")).strong());
        let mut only_new = window.only_new;
        if ui
            .checkbox(&mut only_new, "New since I last looked")
            .changed()
        {
            queue.push(FeedsAction::OnlyNew(only_new));
        }
        if ui
            .add_enabled(new > 0, egui::Button::new("Mark all as looked at"))
            .clicked()
        {
            queue.push(FeedsAction::MarkLooked);
        }
    });
    let all = &window.flags.rows;
    let shown = if window.only_new { new } else { all.len() };
    if shown == 0 {
        ui.label(RichText::new("Nothing flagged.").weak());
        return;
    }
    // Flags are stamped when their article arrives, so the new ones come first.
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .id_salt("feed_alerts")
        .show_rows(ui, 18.0, shown, |ui, range| {
            for row in &all[range] {
                let Some(claim) = project.claims.get(row.index).filter(|c| c.id == row.claim)
                else {
                    continue;
                };
                let speaker = claim
                    .speaker
                    .and_then(|s| project.speaker(s))
                    .map_or("—", |s| s.name.as_str());
                let mark = if row.is_new { "• " } else { "" };
                let text = format!(
                    "{mark}#{} — {} — {speaker}: “{}”",
                    claim.number, row.reason, claim.content
                );
                // One line each (the rows are virtualised at one height), the whole
                // claim on hover.
                let label = egui::Label::new(text)
                    .truncate()
                    .sense(egui::Sense::click());
                if ui
                    .add(label)
                    .on_hover_text(format!("{}\n\nClick to show this claim", claim.content))
                    .clicked()
                {
                    queue.push(TriageAction::JumpToClaim(row.claim));
                }
            }
        });
}
