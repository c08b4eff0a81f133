//! Tags on claims (add, remove, rename and merge across the project) and saved views: each
//! one undoable step; the shared project's undo (`revert_of`) puts views back too.

use super::tests::{ids, project};
use super::*;
use crate::model::filter::{Filter, filtered};
use crate::model::tags::{completions, tag_counts};

fn tag(h: &mut History, p: &mut Project, claims: Vec<ClaimId>, tag: &str) {
    h.apply(
        p,
        Edit::AddTag {
            claims,
            tag: tag.into(),
        },
    )
    .expect("tags");
}

#[test]
fn tags_are_added_once_in_the_projects_spelling_and_undone_in_one_step() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    let before = p.clone();
    tag(&mut h, &mut p, all[..1].to_vec(), "  For   tomorrow ");
    assert_eq!(p.claim(all[0]).unwrap().tags, vec!["For tomorrow"]);
    // Another case joins the same tag; claims that have it are passed over.
    tag(&mut h, &mut p, all.clone(), "for TOMORROW");
    assert!(p.claims.iter().all(|c| c.tags == vec!["For tomorrow"]));
    assert_eq!(
        tag_counts(&p),
        vec![("For tomorrow".to_string(), all.len())]
    );
    assert_eq!(
        apply(
            &mut p,
            &Edit::AddTag {
                claims: all.clone(),
                tag: "for tomorrow".into()
            }
        ),
        Err(EditError::NoChange)
    );
    assert!(matches!(
        apply(
            &mut p,
            &Edit::AddTag {
                claims: all.clone(),
                tag: " , ".into()
            }
        ),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(h.undo_label(), Some("tag"));
    h.undo(&mut p);
    h.undo(&mut p);
    assert_eq!(p, before);
}

#[test]
fn renaming_a_tag_merges_it_into_an_existing_one_and_undo_splits_them_again() {
    let (mut p, mut h, _) = project();
    let all = ids(&p);
    tag(&mut h, &mut p, vec![all[0], all[1]], "econ");
    tag(&mut h, &mut p, vec![all[1]], "economy");
    let before = p.clone();
    let tagged: Vec<ClaimId> = p
        .claims
        .iter()
        .filter(|c| c.tags.contains(&"econ".to_string()))
        .map(|c| c.id)
        .collect();
    h.apply(
        &mut p,
        Edit::RenameTag {
            claims: tagged,
            from: "econ".into(),
            to: "Economy".into(),
        },
    )
    .expect("renames");
    assert_eq!(
        p.claim(all[0]).unwrap().tags,
        vec!["economy"],
        "renamed, in the spelling the project has"
    );
    assert_eq!(
        p.claim(all[1]).unwrap().tags,
        vec!["economy"],
        "merged: the claim keeps one tag"
    );
    let mut f = Filter {
        tags: vec!["ECONOMY".into()],
        ..Filter::default()
    };
    assert_eq!(filtered(&p, &f).len(), 2, "the filter ignores case");
    f.tags = vec!["econ".into()];
    assert!(filtered(&p, &f).is_empty());
    h.undo(&mut p);
    assert_eq!(p, before, "one undo");
    // Completion: what starts with the typed text first, the claim's own tags left out.
    assert_eq!(
        completions(&p, "ECO", &["econ".to_string()]),
        vec!["economy".to_string()]
    );
    assert_eq!(completions(&p, "nom", &[]), vec!["economy".to_string()]);
    h.apply(
        &mut p,
        Edit::RemoveTag {
            claims: all.clone(),
            tag: "ECON".into(),
        },
    )
    .expect("removes");
    assert!(p.claims.iter().all(|c| !c.tags.contains(&"econ".into())));
}

#[test]
fn views_are_saved_in_the_project_and_undone_locally_and_in_a_shared_project() {
    let (mut p, mut h, _) = project();
    let view = NamedView {
        name: " Tomorrow ".into(),
        filter: Filter {
            statuses: vec![Status::Verified, Status::Disputed],
            tags: vec!["x".into()],
            ..Filter::default()
        },
    };
    let before = p.clone();
    h.apply(
        &mut p,
        Edit::SetViews {
            views: vec![view.clone()],
        },
    )
    .expect("saves");
    assert_eq!(p.views[0].name, "Tomorrow");
    let twice = vec![view.clone(), view.clone()];
    assert!(matches!(
        apply(&mut p.clone(), &Edit::SetViews { views: twice }),
        Err(EditError::Invalid(_))
    ));
    // The shared project's undo: the revert built from the patch puts the views back.
    let (_, patch) = h.last_undo().expect("recorded");
    let revert = revert_of(patch, &p, 9, false);
    let mut shared = p.clone();
    apply(&mut shared, &Edit::Revert(Box::new(revert))).expect("reverts");
    assert!(shared.views.is_empty());
    h.undo(&mut p);
    assert_eq!(p, before);
}
