//! View actions ([`ViewAction`]): which tab, article, filters and sort are shown, where the
//! keys go, the theme and the text size. None of them changes the project.

use super::ClaimdeskApp;
use crate::ui::command::{Tab, ThemeChoice, ViewAction};
use crate::ui::theme;

impl ClaimdeskApp {
    /// Run one view action.
    pub(super) fn view_action(&mut self, action: ViewAction) {
        match action {
            ViewAction::SetSpeakerQuery(query) => self.view.speakers.query = query,
            ViewAction::ShowArticle(article) => {
                self.view.filter.article = article;
                if article.is_some() {
                    self.view.article = article;
                }
            }
            ViewAction::ShowTab(tab) => self.view.tab = tab,
            ViewAction::SortBy(column) => {
                let sort = &mut self.view.sort;
                if sort.column == column {
                    sort.ascending = !sort.ascending;
                } else {
                    sort.column = column;
                    sort.ascending = true;
                }
            }
            ViewAction::SetFilter(filter) => self.view.filter = filter,
            ViewAction::ClearFilters => self.view.filter = Default::default(),
            ViewAction::FocusTable => {
                self.view.focus_table = true;
                self.view.focus_tags = false;
            }
            ViewAction::TypeSearch(text) => self.view.filter.search.push_str(&text),
            ViewAction::FocusSearch => {
                self.view.tab = Tab::Claims;
                self.view.focus_search = true;
            }
            ViewAction::SetTheme(choice) => self.set_theme(choice),
            ViewAction::SetAdvance(on) => {
                self.prefs.advance = on;
                self.message = Some(if on {
                    "A verdict now moves on to the next claim".into()
                } else {
                    "A verdict now keeps the selection".into()
                });
            }
            ViewAction::ZoomIn => self.zoom(self.prefs.zoom + 0.1),
            ViewAction::ZoomOut => self.zoom(self.prefs.zoom - 0.1),
            ViewAction::ZoomReset => self.zoom(1.0),
            ViewAction::ShowShortcuts => self.dialogs.shortcuts = true,
            ViewAction::FocusTags => {
                self.view.tab = Tab::Claims;
                self.view.focus_tags = true;
            }
            ViewAction::TypeTag(text) => self.view.tag_draft.push_str(&text),
            ViewAction::CompleteTag => {
                let claims = self.view.selection.sorted_ids(&self.view.index);
                let project = &self.doc.project;
                let has: Vec<String> = claims
                    .iter()
                    .take(1)
                    .filter_map(|id| project.claim(*id))
                    .flat_map(|c| c.tags.clone())
                    .collect();
                let found = crate::model::tags::completions(project, &self.view.tag_draft, &has);
                if let Some(first) = found.into_iter().next() {
                    self.view.tag_draft = first;
                }
            }
        }
    }

    fn set_theme(&mut self, choice: ThemeChoice) {
        self.prefs.theme = choice;
        if let Some(ctx) = &self.ctx {
            theme::apply_theme(ctx, choice.preference());
        }
    }

    fn zoom(&mut self, zoom: f32) {
        let zoom = (zoom * 10.0).round() / 10.0;
        self.prefs.zoom = zoom.clamp(super::MIN_ZOOM, super::MAX_ZOOM);
        if let Some(ctx) = &self.ctx {
            ctx.set_zoom_factor(self.prefs.zoom);
        }
        self.message = Some(format!("Text size {:.0}%", self.prefs.zoom * 100.0));
        // Rows move under a new text size: keep the selected claim in view.
        self.view.scroll_table = true;
        self.view.scroll_text = true;
    }
}
