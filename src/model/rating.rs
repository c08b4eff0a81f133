//! From a published verdict's words to claimdesk's [`Status`]: the inverse of the
//! ClaimReview export (`io::export::claimreview::rating_value`: False 1, Misleading 2,
//! Disputed 3, Verified 5 on a 1–5 scale), widened to the words fact-checkers publish
//! ("Pants on Fire!", "Mostly false", "Half true", "Missing context", "Unproven").
//!
//! Used when the analyst applies an earlier fact-check to a claim (the window's "Checked
//! before"). A rating with no clear place (a bare "See the review", satire, a number
//! without its scale) gives `None`: the verdict is then left to the analyst.

use super::Status;

/// Phrases in the order they are looked for (longer and negated ones first, so that
/// "mostly false" is not read as "false", nor "not true" as "true"). Matched as whole
/// words in the lowercased rating with punctuation taken out.
const PHRASES: &[(&str, Status)] = &[
    // Claimdesk's own labels, as its exports write them.
    ("not a claim", Status::Rejected),
    // Between true and false.
    ("mostly false", Status::Misleading),
    ("mostly true", Status::Verified),
    ("half true", Status::Disputed),
    ("partly true", Status::Disputed),
    ("partially true", Status::Disputed),
    ("partly false", Status::Misleading),
    ("partially false", Status::Misleading),
    ("half false", Status::Disputed),
    ("not true", Status::False),
    ("not correct", Status::False),
    ("no evidence", Status::Unverifiable),
    ("not proven", Status::Unverifiable),
    ("cannot be verified", Status::Unverifiable),
    ("can not be verified", Status::Unverifiable),
    ("research in progress", Status::Unverifiable),
    ("missing context", Status::Misleading),
    ("lacks context", Status::Misleading),
    ("needs context", Status::Misleading),
    ("out of context", Status::Misleading),
    ("cherry picks", Status::Misleading),
    ("pants on fire", Status::False),
    ("four pinocchios", Status::False),
    ("three pinocchios", Status::Misleading),
    ("two pinocchios", Status::Misleading),
    ("one pinocchio", Status::Disputed),
    ("correct attribution", Status::Verified),
    ("geppetto checkmark", Status::Verified),
    // Single words.
    ("misleading", Status::Misleading),
    ("exaggerated", Status::Misleading),
    ("exaggeration", Status::Misleading),
    ("distorts", Status::Misleading),
    ("distorted", Status::Misleading),
    ("manipulated", Status::Misleading),
    ("altered", Status::Misleading),
    ("miscaptioned", Status::Misleading),
    ("mixture", Status::Disputed),
    ("mixed", Status::Disputed),
    ("disputed", Status::Disputed),
    ("contested", Status::Disputed),
    ("unproven", Status::Unverifiable),
    ("unverified", Status::Unverifiable),
    ("unverifiable", Status::Unverifiable),
    ("unsupported", Status::Unverifiable),
    ("unsubstantiated", Status::Unverifiable),
    ("undetermined", Status::Unverifiable),
    ("false", Status::False),
    ("fake", Status::False),
    ("hoax", Status::False),
    ("fabricated", Status::False),
    ("incorrect", Status::False),
    ("untrue", Status::False),
    ("wrong", Status::False),
    ("debunked", Status::False),
    ("baseless", Status::False),
    ("scam", Status::False),
    ("true", Status::Verified),
    ("correct", Status::Verified),
    ("accurate", Status::Verified),
    ("verified", Status::Verified),
    ("confirmed", Status::Verified),
];

/// The status a published rating means, if it clearly means one. "Not a claim" is never
/// given (an earlier check says nothing about whether this text is a claim): `None`.
pub fn status_for_rating(rating: &str) -> Option<Status> {
    if let Some(status) = numeric(rating) {
        return Some(status);
    }
    let words: Vec<String> = rating
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let text = format!(" {} ", words.join(" "));
    PHRASES
        .iter()
        .find(|(phrase, _)| text.contains(&format!(" {phrase} ")))
        .map(|(_, status)| *status)
        .filter(|s| s.is_claim() && *s != Status::Unchecked)
}

/// "2/5", "1 / 5": the value on a scale from 1 to its best, placed on the export's 1–5
/// scale (rounded): 1 False, 2 Misleading, 3 Disputed, 4 and 5 Verified.
fn numeric(rating: &str) -> Option<Status> {
    let (value, best) = rating.trim().split_once('/')?;
    let value: f32 = value.trim().parse().ok()?;
    let best: f32 = best.trim().parse().ok()?;
    if !(value.is_finite() && best.is_finite()) || best <= 1.0 || value < 1.0 || value > best {
        return None;
    }
    let on_five = 1.0 + (value - 1.0) / (best - 1.0) * 4.0;
    Some(match on_five.round() as u8 {
        1 => Status::False,
        2 => Status::Misleading,
        3 => Status::Disputed,
        _ => Status::Verified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_words_map_to_a_status() {
        let cases = [
            ("False", Some(Status::False)),
            ("Pants on Fire!", Some(Status::False)),
            ("Mostly False", Some(Status::Misleading)),
            ("mostly-true", Some(Status::Verified)),
            ("Half True", Some(Status::Disputed)),
            ("Mixture", Some(Status::Disputed)),
            ("Missing context", Some(Status::Misleading)),
            ("Partly false", Some(Status::Misleading)),
            ("This is not true", Some(Status::False)),
            ("Unproven", Some(Status::Unverifiable)),
            ("Four Pinocchios", Some(Status::False)),
            ("TRUE", Some(Status::Verified)),
            ("Fake", Some(Status::False)),
            ("See the review", None),
            ("Satire", None),
            ("", None),
            ("Not a claim", None),
            ("Unchecked", None),
        ];
        for (rating, want) in cases {
            assert_eq!(status_for_rating(rating), want, "{rating}");
        }
    }

    /// The inverse of the ClaimReview export: every label and every 1–5 value it writes
    /// comes back as the status it was written for.
    #[test]
    fn claimdesk_exports_read_back_as_their_status() {
        for status in [
            Status::Verified,
            Status::Disputed,
            Status::False,
            Status::Misleading,
            Status::Unverifiable,
        ] {
            assert_eq!(status_for_rating(status.label()), Some(status), "{status}");
        }
        assert_eq!(status_for_rating("1/5"), Some(Status::False));
        assert_eq!(status_for_rating("2/5"), Some(Status::Misleading));
        assert_eq!(status_for_rating("3/5"), Some(Status::Disputed));
        assert_eq!(status_for_rating("5/5"), Some(Status::Verified));
        assert_eq!(status_for_rating("1 / 3"), Some(Status::False));
        assert_eq!(status_for_rating("6/5"), None);
        assert_eq!(status_for_rating("x/5"), None);
        assert_eq!(status_for_rating("1/1"), None);
    }
}
