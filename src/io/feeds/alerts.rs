//! The watch list: a new claim is flagged when its speaker is one the analyst watches
//! (by name or alias, any case) or it has a watched word (a whole word, any case). The
//! command line prints one line per flag ([`alert_line`]); the window shows a badge and
//! the flagged claims new since the analyst last looked (`ui::feeds_panel`).

use crate::model::{ClaimId, Flag, Project};

/// The flags the project's watch list raises for `claims` (new ones), dated `at`.
pub fn flags_for(project: &Project, claims: &[ClaimId], at: i64) -> Vec<Flag> {
    let watch = &project.feeds;
    let speakers: Vec<String> = watch
        .watch_speakers
        .iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    let words: Vec<String> = watch
        .watch_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut flags = Vec::new();
    for &id in claims {
        let Some(claim) = project.claim(id) else {
            continue;
        };
        let speaker = claim.speaker.and_then(|s| project.speaker(s));
        let watched_speaker = speaker.filter(|s| {
            std::iter::once(&s.name)
                .chain(&s.aliases)
                .any(|n| speakers.contains(&n.trim().to_lowercase()))
        });
        let reason = if let Some(s) = watched_speaker {
            Some(format!("speaker {}", s.name))
        } else {
            let content = claim.content.to_lowercase();
            words
                .iter()
                .find(|w| has_word(&content, w))
                .map(|w| format!("word “{w}”"))
        };
        if let Some(reason) = reason {
            flags.push(Flag {
                claim: id,
                reason,
                at,
            });
        }
    }
    flags
}

/// Does `text` have `word` with no letter or digit right before or after it?
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// One line for a flag: `ALERT #12 John Kirby: “…” (speaker John Kirby) in “Title”`.
pub fn alert_line(project: &Project, flag: &Flag) -> String {
    let Some(claim) = project.claim(flag.claim) else {
        return format!("ALERT claim {} ({})", flag.claim.0, flag.reason);
    };
    let speaker = claim
        .speaker
        .and_then(|s| project.speaker(s))
        .map_or("(no speaker)", |s| s.name.as_str());
    let title = project
        .article(claim.article)
        .map_or("", |a| a.title.as_str());
    let content: String = claim
        .content
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let content: String = if content.chars().count() > 200 {
        content.chars().take(199).chain(['…']).collect()
    } else {
        content
    };
    format!(
        "ALERT #{} {speaker}: “{content}” ({}) in “{title}”",
        claim.number, flag.reason
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(has_word("a ceasefire now", "ceasefire"));
        assert!(has_word("ceasefire.", "ceasefire"));
        assert!(!has_word("ceasefires", "ceasefire"));
        assert!(!has_word("preceasefire", "ceasefire"));
        assert!(has_word("the 4% rise", "4%"));
    }
}
