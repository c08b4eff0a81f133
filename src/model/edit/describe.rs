//! What an edit did, for the status bar's undo and redo messages: the claim it changed by
//! its number and first words (`"Verified" on #12 "Plan will…"`), or how many claims;
//! and which claims an edit names ([`Edit::claim_ids`], also the rows a shared project
//! locks for it).

use super::Edit;
use crate::model::{ClaimId, Project};

impl Edit {
    /// The claims an edit names and changes the fields of (its claim list, or its one
    /// claim); `None` for an edit that names none (it adds, removes or changes articles,
    /// speakers or project lists, or it is an undo). The undo messages name these claims,
    /// and a shared project locks their rows.
    pub fn claim_ids(&self) -> Option<&[ClaimId]> {
        match self {
            Edit::SetStatus { claims, .. }
            | Edit::SetAssignee { claims, .. }
            | Edit::SetPriority { claims, .. }
            | Edit::SetInProgress { claims, .. }
            | Edit::AssignSpeaker { claims, .. }
            | Edit::DeleteClaims { claims }
            | Edit::Publish { claims, .. }
            | Edit::Unpublish { claims }
            | Edit::AddTag { claims, .. }
            | Edit::RemoveTag { claims, .. }
            | Edit::RenameTag { claims, .. } => Some(claims),
            Edit::SetContent { claim, .. }
            | Edit::SetSpeakerName { claim, .. }
            | Edit::SetNotes { claim, .. }
            | Edit::SetRationale { claim, .. }
            | Edit::AddEvidence { claim, .. }
            | Edit::RemoveEvidence { claim, .. }
            | Edit::ApplyCheck { claim, .. }
            | Edit::JudgeMatch { claim, .. } => Some(std::slice::from_ref(claim)),
            // Named one by one, so that a new kind of edit does not compile until it is
            // decided here.
            Edit::SetRole { .. }
            | Edit::SetAssignees { .. }
            | Edit::SetArticleMemo { .. }
            | Edit::SetProjectMemo { .. }
            | Edit::AddClaim { .. }
            | Edit::RenameSpeaker { .. }
            | Edit::MergeSpeakers { .. }
            | Edit::MergeSpeakersInto { .. }
            | Edit::SplitSpeaker { .. }
            | Edit::RemoveAlias { .. }
            | Edit::DismissSpeaker { .. }
            | Edit::DismissSpeakers { .. }
            | Edit::SetNotSpeakers { .. }
            | Edit::ReExtract { .. }
            | Edit::AddArticle { .. }
            | Edit::SetSettings { .. }
            | Edit::SetTableLayout { .. }
            | Edit::SetArticleMeta { .. }
            | Edit::SetViews { .. }
            | Edit::Revert(_) => None,
        }
    }

    /// The edit with the claims it names, as found in `project` ("Undid …" follows).
    pub fn describe_in(&self, project: &Project) -> String {
        let what = match self {
            Edit::SetStatus { status, .. } => format!("\"{}\"", status.label()),
            Edit::AddTag { tag, .. } => format!("tag \"{tag}\""),
            Edit::RemoveTag { tag, .. } => format!("remove tag \"{tag}\""),
            Edit::RenameTag { from, to, .. } => format!("rename tag \"{from}\" to \"{to}\""),
            other => other.describe().to_string(),
        };
        let Some(claims) = self.claim_ids() else {
            return what;
        };
        match claims {
            [one] => match project.claim(*one) {
                Some(c) => format!("{what} on #{} \"{}\"", c.number, first_words(&c.content)),
                None => what,
            },
            many => format!("{what} on {} claims", many.len()),
        }
    }
}

/// The first words of a claim, at most about 24 characters, "…" when cut.
fn first_words(text: &str) -> String {
    const MAX: usize = 24;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MAX / 2 => cut[..space].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ids, project};
    use super::*;
    use crate::model::Status;

    #[test]
    fn undo_messages_name_the_claim_or_count_the_claims() {
        let (mut p, _, _) = project();
        let id = ids(&p)[0];
        p.claims[0].content = "Plan will cut emissions by half before 2030".into();
        let n = p.claims[0].number;
        let one = Edit::SetStatus {
            claims: vec![id],
            status: Status::Verified,
            at: 0,
        };
        assert_eq!(
            one.describe_in(&p),
            format!("\"Verified\" on #{n} \"Plan will cut emissions…\"")
        );
        let two = Edit::SetPriority {
            claims: ids(&p),
            priority: Default::default(),
        };
        assert_eq!(two.describe_in(&p), "set priority on 2 claims");
        let notes = Edit::SetNotes {
            claim: id,
            notes: String::new(),
        };
        assert!(
            notes
                .describe_in(&p)
                .starts_with(&format!("edit notes on #{n} \"Plan"))
        );
        assert_eq!(first_words("short"), "short");
    }
}
