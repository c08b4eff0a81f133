//! A share of the people a poll asked, as a speaker: "52 percent of registered voters",
//! "Nearly eight of 10 voters" say whom; a bare share ("73 percent said", "Another 19
//! percent said") names them only through the share before it ("… of registered voters")
//! or the poll the text just cited. The rules keep a bare share as a mention; the
//! registry completes it or leaves the claim without a speaker.

/// Words before a share's figure that do not change whose share it is: "Only 52
/// percent", "Another 19 percent", "A mere 9 percent", "Nearly eight in 10".
fn is_opener(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "only"
            | "another"
            | "just"
            | "nearly"
            | "about"
            | "some"
            | "almost"
            | "roughly"
            | "around"
            | "approximately"
            | "over"
            | "more"
            | "than"
            | "fewer"
            | "less"
            | "a"
            | "an"
            | "mere"
            | "additional"
            | "the"
            | "other"
            | "remaining"
    )
}

/// "73", "52.5", "19%", "Twelve", "Twenty-seven".
pub fn is_figure(w: &str) -> bool {
    let w = w.trim_end_matches('%');
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return w.starts_with(|c: char| c.is_ascii_digit());
    }
    !w.is_empty()
        && w.split('-').all(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
                    | "thirteen"
                    | "fourteen"
                    | "fifteen"
                    | "sixteen"
                    | "seventeen"
                    | "eighteen"
                    | "nineteen"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
                    | "sixty"
                    | "seventy"
                    | "eighty"
                    | "ninety"
            )
        })
}

/// How many of `ws` make the share ("Only 52 percent", "six in 10", "eight out of 10"),
/// and whether it is a percentage; `None` when the words open with no share.
fn share_len(ws: &[&str]) -> Option<(usize, bool)> {
    let n = ws.iter().take_while(|w| is_opener(w)).count();
    let figure = ws.get(n).filter(|w| is_figure(w))?;
    if figure.ends_with('%') && figure.len() > 1 {
        return Some((n + 1, true));
    }
    match ws.get(n + 1).map(|w| w.to_ascii_lowercase()).as_deref() {
        Some("percent" | "%" | "per") => {
            let cent = usize::from(ws.get(n + 1) == Some(&"per") && ws.get(n + 2) == Some(&"cent"));
            Some((n + 2 + cent, true))
        }
        Some("in" | "of") if ws.get(n + 2).is_some_and(|w| is_ten(w)) => Some((n + 3, false)),
        Some("out") if ws.get(n + 2) == Some(&"of") && ws.get(n + 3).is_some_and(|w| is_ten(w)) => {
            Some((n + 4, false))
        }
        _ => None,
    }
}

fn is_ten(w: &str) -> bool {
    w == "10" || w.eq_ignore_ascii_case("ten")
}

/// A share and nothing else: "73 percent", "Another 19 percent", "Six in 10".
pub fn is_bare(ws: &[&str]) -> bool {
    ws.len() < 8 && share_len(ws).is_some_and(|(k, _)| k == ws.len())
}

/// Whose share a speaker's name gives: "registered voters" of "Only 52 percent of
/// registered voters", "voters" of "Nearly eight of 10 voters".
pub fn group_of(name: &str) -> Option<String> {
    let ws: Vec<&str> = name.split_whitespace().collect();
    let (k, percent) = share_len(&ws)?;
    let rest = match ws.get(k..)? {
        ["of", rest @ ..] if percent => rest,
        rest if !percent => rest,
        _ => return None,
    };
    let group = rest.join(" ");
    (!rest.is_empty() && group.starts_with(char::is_lowercase)).then_some(group)
}

/// The share with its people: "73 percent" of "registered voters" is "73 percent of
/// registered voters", "Six in 10" of "voters" is "Six in 10 voters".
pub fn complete(share: &str, group: &str) -> String {
    let ws: Vec<&str> = share.split_whitespace().collect();
    match share_len(&ws) {
        Some((_, false)) if !group.starts_with("those ") => format!("{share} {group}"),
        _ => format!("{share} of {group}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_read_with_its_people() {
        let ws = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        assert!(is_bare(&ws("73 percent")));
        assert!(is_bare(&ws("Another 19 percent")));
        assert!(is_bare(&ws("Six in 10")));
        assert!(is_bare(&ws("Twelve percent")));
        assert!(is_bare(&ws("A mere 9%")));
        assert!(!is_bare(&ws("52 percent of voters")));
        assert!(!is_bare(&ws("the agency")));
        assert!(!is_bare(&ws("10 people")));
        assert_eq!(
            group_of("Only 52 percent of registered voters").as_deref(),
            Some("registered voters")
        );
        assert_eq!(
            group_of("Nearly eight of 10 voters").as_deref(),
            Some("voters")
        );
        assert_eq!(group_of("73 percent"), None);
        assert_eq!(group_of("the agency"), None);
        assert_eq!(
            complete("73 percent", "registered voters"),
            "73 percent of registered voters"
        );
        assert_eq!(complete("Six in 10", "voters"), "Six in 10 voters");
        assert_eq!(
            complete("four in 10", "those polled"),
            "four in 10 of those polled"
        );
    }
}
