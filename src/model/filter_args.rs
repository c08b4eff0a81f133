//! The filters as the command line gives them (`claimdesk export P --status verified,disputed
//! --tag X --speaker NAME`), read into the window's [`Filter`] against a project: names
//! become the project's speakers and articles. A value that names nothing is refused with
//! one line naming the valid ones.

use super::filter::{AssigneeFilter, CheckedLevel, Filter};
use super::tags::{self, same_name};
use super::{Priority, Project, Status};

/// The filters as typed; `None` and empty mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterArgs {
    /// Status keys, comma-separated ("verified,disputed"); "rejected" is Not a claim.
    pub statuses: Vec<String>,
    /// Tags (each argument may hold several, comma-separated).
    pub tags: Vec<String>,
    /// A speaker's name or alias (any case).
    pub speaker: Option<String>,
    /// An article's title (any case).
    pub article: Option<String>,
    /// An assignee's name, or "none" for claims assigned to no one.
    pub assignee: Option<String>,
    /// "high", "normal" or "low".
    pub priority: Option<String>,
    /// Text searched as the window's search field does ("#17" finds claim 17).
    pub text: Option<String>,
    /// "Checked before" levels, comma-separated: strong, possible, none.
    pub checked: Vec<String>,
}

impl FilterArgs {
    /// The window's filter for these arguments in `project`, or one line saying which
    /// value is wrong and what the valid ones are.
    pub fn to_filter(&self, project: &Project) -> Result<Filter, String> {
        let mut filter = Filter::default();
        for key in split(&self.statuses) {
            let status = Status::from_key(&key).ok_or_else(|| {
                let valid: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
                format!(
                    "--status: unknown status \"{key}\"; valid statuses: {}",
                    valid.join(", ")
                )
            })?;
            filter.toggle_status(status, true);
        }
        for tag in split(&self.tags) {
            let Some(tag) = tags::clean_tag(&tag) else {
                continue;
            };
            let Some(known) = tags::all_tags(project)
                .into_iter()
                .find(|t| same_name(t, &tag))
            else {
                return Err(format!(
                    "--tag: no claim is tagged \"{tag}\"; tags in the project: {}",
                    listing(tags::all_tags(project))
                ));
            };
            if !filter.tags.contains(&known) {
                filter.tags.push(known);
            }
        }
        if let Some(name) = self.speaker.as_deref().map(str::trim) {
            let found = project
                .speakers
                .iter()
                .find(|s| same_name(&s.name, name))
                .or_else(|| {
                    project
                        .speakers
                        .iter()
                        .find(|s| s.aliases.iter().any(|a| same_name(a, name)))
                });
            let speaker = found.ok_or_else(|| {
                format!(
                    "--speaker: no speaker \"{name}\" in the project; speakers: {}",
                    listing(project.speakers.iter().map(|s| s.name.clone()).collect())
                )
            })?;
            filter.speaker = Some(speaker.id);
        }
        if let Some(title) = self.article.as_deref().map(str::trim) {
            let article = project
                .articles
                .iter()
                .find(|a| same_name(a.title.trim(), title))
                .ok_or_else(|| {
                    format!(
                        "--article: no article titled \"{title}\" in the project; articles: {}",
                        listing(project.articles.iter().map(|a| a.title.clone()).collect())
                    )
                })?;
            filter.article = Some(article.id);
        }
        if let Some(name) = self.assignee.as_deref().map(str::trim) {
            filter.assignee = Some(if same_name(name, "none") {
                AssigneeFilter::NoOne
            } else {
                let known = project
                    .assignees
                    .iter()
                    .chain(project.claims.iter().filter_map(|c| c.assignee.as_ref()))
                    .find(|a| same_name(a, name))
                    .ok_or_else(|| {
                        let mut names = project.assignees.clone();
                        names.push("none".into());
                        format!(
                            "--assignee: no one named \"{name}\" in the project; assignees: {}",
                            listing(names)
                        )
                    })?;
                AssigneeFilter::Named(known.clone())
            });
        }
        if let Some(key) = self.priority.as_deref() {
            let priority = Priority::from_key(key).ok_or_else(|| {
                let valid: Vec<&str> = Priority::ALL.iter().map(|p| p.key()).collect();
                format!(
                    "--priority: unknown priority \"{}\"; valid priorities: {}",
                    key.trim(),
                    valid.join(", ")
                )
            })?;
            filter.priority = Some(priority);
        }
        for key in split(&self.checked) {
            let level = CheckedLevel::from_key(&key).ok_or_else(|| {
                let valid: Vec<&str> = CheckedLevel::ALL.iter().map(|l| l.key()).collect();
                format!(
                    "--checked: unknown level \"{key}\"; valid levels: {}",
                    valid.join(", ")
                )
            })?;
            if !filter.checked.contains(&level) {
                filter.checked.push(level);
            }
        }
        if let Some(text) = &self.text {
            filter.search = text.clone();
        }
        Ok(filter)
    }
}

/// Every comma-separated part of the arguments, trimmed, blanks left out.
fn split(args: &[String]) -> Vec<String> {
    args.iter()
        .flat_map(|a| a.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Names quoted and joined on one line: at most 20, then how many more; "none" if none.
fn listing(mut names: Vec<String>) -> String {
    const SHOWN: usize = 20;
    if names.is_empty() {
        return "none".into();
    }
    names.dedup();
    let more = names.len().saturating_sub(SHOWN);
    let mut out: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{}\"", n.replace(['\n', '\r'], " ")))
        .collect();
    if more > 0 {
        out.push(format!("and {more} more"));
    }
    out.join(", ")
}
