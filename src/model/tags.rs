//! Free-form tags on claims ("for tomorrow", "economy"): what a tag may be, and the
//! project's tags with how many claims carry each. Tags compare case-insensitively; a
//! claim keeps each tag once, in the order it was given.

use super::Project;

/// The longest tag kept, in characters.
pub const MAX_TAG_CHARS: usize = 60;

/// A tag as kept: spaces trimmed and runs of white space made one space, no commas (a
/// comma separates tags where they are typed or given on the command line), no control
/// characters, at most [`MAX_TAG_CHARS`]. `None` if nothing is left.
pub fn clean_tag(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',' || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let tag: String = words.join(" ").chars().take(MAX_TAG_CHARS).collect();
    let tag = tag.trim_end().to_string();
    (!tag.is_empty()).then_some(tag)
}

/// Whether two names are the same in any case ("Économie" and "économie" too).
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Every tag of the project with how many claims carry it, sorted by name (any case); a
/// tag written in two cases is listed once, as first found.
pub fn tag_counts(project: &Project) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for claim in &project.claims {
        for tag in &claim.tags {
            let key = tag.to_lowercase();
            match index.get(&key) {
                Some(&i) => counts[i].2 += 1,
                None => {
                    index.insert(key.clone(), counts.len());
                    counts.push((key, tag.clone(), 1));
                }
            }
        }
    }
    counts.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    counts.into_iter().map(|(_, t, n)| (t, n)).collect()
}

/// Every tag of the project, sorted by name.
pub fn all_tags(project: &Project) -> Vec<String> {
    tag_counts(project).into_iter().map(|(t, _)| t).collect()
}

/// The project's tags that start with what was typed (any case), then those that contain
/// it, the typed tag itself and those a claim already has (`except`) left out.
pub fn completions(project: &Project, typed: &str, except: &[String]) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    let taken = |t: &String| except.iter().any(|e| same_name(e, t));
    let tags: Vec<String> = all_tags(project)
        .into_iter()
        .filter(|t| !taken(t))
        .collect();
    let (mut starts, mut inside) = (Vec::new(), Vec::new());
    for tag in tags {
        let lower = tag.to_lowercase();
        if lower == typed && !typed.is_empty() {
            continue;
        }
        if lower.starts_with(&typed) {
            starts.push(tag);
        } else if lower.contains(&typed) {
            inside.push(tag);
        }
    }
    starts.extend(inside);
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_cleaned() {
        assert_eq!(clean_tag("  for   tomorrow "), Some("for tomorrow".into()));
        assert_eq!(clean_tag("a,b"), Some("a b".into()));
        assert_eq!(clean_tag(" \t\n"), None);
        assert_eq!(clean_tag("x\u{0}y"), Some("x y".into()));
        assert_eq!(
            clean_tag(&"é".repeat(100)).unwrap().chars().count(),
            MAX_TAG_CHARS
        );
    }
}
