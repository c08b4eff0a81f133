//! Edits of articles and project settings: details, re-extraction, adding an article.

use std::collections::HashSet;

use super::{EditError, Patch, article_index, is_analyst_work};
use crate::extract::Extraction;
use crate::model::{Article, ArticleId, ArticleMeta, Claim, Project, ProjectSettings, Status};

pub(super) fn set_article_meta(
    project: &mut Project,
    patch: &mut Patch,
    article: &ArticleId,
    title: &str,
    meta: &ArticleMeta,
) -> Result<(), EditError> {
    let i = article_index(project, *article)?;
    let field = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let meta = ArticleMeta {
        outlet: field(&meta.outlet),
        author: field(&meta.author),
        published: field(&meta.published),
        url: field(&meta.url),
    };
    let current = &project.articles[i];
    let title = match title.trim() {
        "" => current.title.clone(),
        t => t.to_string(),
    };
    if current.title == title && current.meta == meta {
        return Err(EditError::NoChange);
    }
    patch.articles.push((*article, Some((i, current.clone()))));
    project.articles[i].title = title;
    project.articles[i].meta = meta;
    Ok(())
}

pub(super) fn set_settings(
    project: &mut Project,
    patch: &mut Patch,
    settings: &ProjectSettings,
) -> Result<(), EditError> {
    let settings = ProjectSettings {
        organisation: settings.organisation.trim().to_string(),
        review_url_pattern: settings.review_url_pattern.trim().to_string(),
        statement_threshold: settings.statement_threshold,
        table_layout: settings.table_layout.clone(),
    };
    if project.settings == settings {
        return Err(EditError::NoChange);
    }
    patch.settings = Some(std::mem::replace(&mut project.settings, settings));
    Ok(())
}

pub(super) fn re_extract(
    project: &mut Project,
    patch: &mut Patch,
    article: &ArticleId,
    extraction: &Extraction,
) -> Result<(), EditError> {
    if project.article(*article).is_none() {
        return Err(EditError::NoSuchArticle(*article));
    }
    patch.touch_speakers(project);
    let mut kept: Vec<(usize, usize)> = Vec::new();
    // The words of the article's claims marked Not a claim: never found again.
    let mut rejected: HashSet<String> = HashSet::new();
    let mut index = 0;
    while index < project.claims.len() {
        let c = &project.claims[index];
        if c.article != *article {
            index += 1;
        } else if is_analyst_work(c) {
            kept.push((c.start, c.end));
            if c.status == Status::Rejected {
                rejected.insert(words(&c.content));
            }
            index += 1;
        } else {
            patch.touch_claim(project, index);
            project.claims.remove(index);
        }
    }
    let found = project
        .claims_from_extraction(*article, extraction)
        .map_err(super::no_ids)?;
    let overlaps = |c: &Claim| kept.iter().any(|&(s, e)| c.start < e && s < c.end);
    let fresh: Vec<Claim> = found
        .into_iter()
        .filter(|c| !overlaps(c) && !rejected.contains(&words(&c.content)))
        .collect();
    for c in &fresh {
        patch.created_claim(c.id);
    }
    project.claims.extend(fresh);
    sort_article_claims(project, *article);
    Ok(())
}

/// Add the article (its text and the extraction's strings move into the project); returns
/// the id it was given.
pub(super) fn add_article(
    project: &mut Project,
    patch: &mut Patch,
    article: Article,
    extraction: Extraction,
) -> Result<ArticleId, EditError> {
    patch.touch_speakers(project);
    let id = project
        .add_extracted_article(article, extraction)
        .map_err(super::no_ids)?;
    patch.articles.push((id, None));
    for c in project.claims.iter().filter(|c| c.article == id) {
        patch.created_claim(c.id);
    }
    Ok(id)
}

/// A claim's words compared loosely: case and runs of whitespace do not matter.
fn words(content: &str) -> String {
    content
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Keep one article's claims in reading order, leaving every other claim where it is.
fn sort_article_claims(project: &mut Project, article: ArticleId) {
    let slots: Vec<usize> = (0..project.claims.len())
        .filter(|&i| project.claims[i].article == article)
        .collect();
    let mut mine: Vec<Claim> = slots.iter().map(|&i| project.claims[i].clone()).collect();
    mine.sort_by_key(|c| (c.start, c.end));
    for (slot, claim) in slots.into_iter().zip(mine) {
        project.claims[slot] = claim;
    }
}

/// The claims table's layout (`model::table_layout`): kept in the settings, so undo and
/// shared projects treat it as any settings edit.
pub(super) fn set_table_layout(
    project: &mut Project,
    patch: &mut Patch,
    layout: &crate::model::TableLayout,
) -> Result<(), EditError> {
    if project.settings.table_layout == *layout {
        return Err(EditError::NoChange);
    }
    let mut settings = project.settings.clone();
    settings.table_layout = layout.clone();
    patch.settings = Some(std::mem::replace(&mut project.settings, settings));
    Ok(())
}
