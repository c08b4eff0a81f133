//! What the Speakers tab's actions do: picking speakers with the mouse or the list keys,
//! and merging several into one.

use super::ClaimdeskApp;
use crate::model::SpeakerId;
use crate::model::edit::{DismissClaims, Edit};
use crate::ui::command::Pick;

impl ClaimdeskApp {
    /// A click on a speaker: only it, add or remove it, or from the anchor to it.
    pub(super) fn pick_speaker(&mut self, speaker: SpeakerId, pick: Pick) {
        let speakers = &mut self.view.speakers;
        match pick {
            Pick::Only => speakers.selection.only(speaker),
            Pick::Toggle => speakers.selection.toggle(speaker),
            Pick::Extend => {
                let ordered = speakers.rows.ids(&self.doc.project);
                speakers.selection.extend(speaker, &ordered);
            }
        }
    }

    /// The list keys on the speakers list: move the cursor `rows` rows (`isize::MIN`: the
    /// first, `isize::MAX`: the last; `extend`: Shift), or with `None` select every
    /// speaker shown.
    pub(super) fn move_speaker(&mut self, rows: Option<isize>, extend: bool) {
        let ordered = self.view.speakers.rows.ids(&self.doc.project);
        let (Some(&first), Some(&last)) = (ordered.first(), ordered.last()) else {
            return;
        };
        let selection = &mut self.view.speakers.selection;
        let Some(rows) = rows else {
            selection.only(first);
            selection.extend(last, &ordered);
            return;
        };
        let n = ordered.len() as isize;
        let at = selection
            .cursor
            .and_then(|c| ordered.iter().position(|s| *s == c));
        let to = match (at, rows) {
            (_, isize::MIN) => 0,
            (_, isize::MAX) => n - 1,
            (None, _) => 0,
            (Some(at), rows) => (at as isize).saturating_add(rows).clamp(0, n - 1),
        };
        let id = ordered[to as usize];
        if extend {
            selection.extend(id, &ordered);
        } else {
            selection.only(id);
        }
        self.view.speakers.scroll = true;
    }

    /// Merge the speakers of `from` into `into` as one edit (one undo step), then select
    /// the one kept.
    pub(super) fn merge_speakers(&mut self, from: Vec<SpeakerId>, into: SpeakerId) {
        let from: Vec<SpeakerId> = from.into_iter().filter(|s| *s != into).collect();
        let n = from.len();
        let merged = if n > 0 && self.apply_edit(Edit::MergeSpeakersInto { from, into }) {
            n
        } else {
            0
        };
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        self.view.speakers.selection.only(into);
        if merged > 0
            && let Some(kept) = self.doc.project.speaker(into)
        {
            self.message = Some(format!(
                "Merged {merged} speaker{} into {}",
                if merged == 1 { "" } else { "s" },
                kept.name
            ));
        }
    }

    /// "Not a speaker" for every one of `speakers`, one edit (one undo step), their claims
    /// losing the speaker or marked Not a claim.
    pub(super) fn dismiss_speakers(&mut self, speakers: Vec<SpeakerId>, claims: DismissClaims) {
        let names: Vec<String> = speakers
            .iter()
            .filter_map(|s| self.doc.project.speaker(*s).map(|s| s.name.clone()))
            .collect();
        let at = crate::io::import::now_seconds();
        let edit = match speakers.as_slice() {
            [speaker] => Edit::DismissSpeaker {
                speaker: *speaker,
                claims,
                at,
            },
            _ => Edit::DismissSpeakers {
                speakers,
                claims,
                at,
            },
        };
        if !self.apply_edit(edit) {
            return;
        }
        self.view.refresh(
            &self.doc.project,
            self.doc.history.revision(),
            &self.checks.levels,
        );
        let what = match claims {
            DismissClaims::LoseSpeaker => "their claims have no speaker now",
            DismissClaims::NotAClaim => "their claims are marked Not a claim",
        };
        if !names.is_empty() {
            self.message = Some(format!("Not a speaker: {} ({what})", names.join(", ")));
        }
    }
}
