//! The document flow, transition by transition, failures included.

use std::path::{Path, PathBuf};

use super::*;

fn p(s: &str) -> PathBuf {
    PathBuf::from(s)
}

fn doc(dirty: bool, revision: u64, path: Option<&Path>) -> Doc<'_> {
    Doc {
        dirty,
        revision,
        path,
        shared: false,
    }
}

fn found(file: &str, of: Option<&str>) -> Recovery {
    Recovery {
        file: p(file),
        project_path: of.map(p),
        saved_at: None,
    }
}

/// A flow whose document (at `path`, revision 3, dirty) has its copy written.
fn with_copy(path: &Path) -> DocumentFlow {
    let mut f = DocumentFlow::default();
    let ticket = match f.autosave_due(doc(true, 3, Some(path)))[..] {
        [Effect::WriteRecovery(t)] => t,
        ref other => panic!("{other:?}"),
    };
    assert_eq!(f.recovery_written(ticket, Ok(())), vec![]);
    f
}

#[test]
fn open_of_a_clean_document_loads_then_shows() {
    let mut f = DocumentFlow::default();
    let e = f.replace(Then::OpenProject(p("b.claimdesk")), doc(false, 0, None));
    assert_eq!(e, vec![Effect::Load(p("b.claimdesk"))]);
    assert!(matches!(f.stage(), Stage::Opening { discard: false, .. }));
    assert_eq!(f.loaded(Ok(())), vec![Effect::Show]);
    assert_eq!(f.stage(), &Stage::Idle);
}

#[test]
fn open_of_a_dirty_document_asks_first() {
    let mut f = DocumentFlow::default();
    let then = Then::OpenProject(p("b.claimdesk"));
    let e = f.replace(then.clone(), doc(true, 2, None));
    assert_eq!(e, vec![Effect::Ask(Prompt::Unsaved(then.clone()))]);
    assert_eq!(f.stage(), &Stage::Asking(then.clone()));
    // Cancel: nothing happens.
    let e = f.answer(
        Prompt::Unsaved(then),
        PromptAnswer::Cancel,
        doc(true, 2, None),
    );
    assert_eq!(e, vec![]);
    assert_eq!(f.stage(), &Stage::Idle);
}

#[test]
fn discard_then_a_failed_open_changes_nothing() {
    let path = p("/w/a.claimdesk");
    let mut f = with_copy(&path);
    let then = Then::OpenProject(p("/w/moved.claimdesk"));
    let d = doc(true, 3, Some(&path));
    f.replace(then.clone(), d);
    let e = f.answer(Prompt::Unsaved(then), PromptAnswer::Discard, d);
    // Nothing deleted, nothing marked: the load is asked for, that is all.
    assert_eq!(e, vec![Effect::Load(p("/w/moved.claimdesk"))]);
    assert!(matches!(f.stage(), Stage::Opening { discard: true, .. }));
    let e = f.loaded(Err("gone".into()));
    assert_eq!(
        e,
        vec![Effect::Ask(Prompt::Error("Could not open. gone".into()))]
    );
    assert_eq!(f.stage(), &Stage::Idle);
    // The copy is still the document's: a later save drops it, quitting asks.
    let e = f.close_requested(d);
    assert_eq!(
        e,
        vec![Effect::HoldClose, Effect::Ask(Prompt::Unsaved(Then::Quit))]
    );
}

#[test]
fn discard_then_a_successful_open_drops_the_old_copy_after_showing() {
    let path = p("/w/a.claimdesk");
    let mut f = with_copy(&path);
    let then = Then::OpenProject(p("/w/b.claimdesk"));
    let d = doc(true, 3, Some(&path));
    f.replace(then.clone(), d);
    f.answer(Prompt::Unsaved(then), PromptAnswer::Discard, d);
    let e = f.loaded(Ok(()));
    assert_eq!(
        e,
        vec![Effect::Show, Effect::DeleteRecovery(Some(path.clone()))]
    );
    // The new document has no copy of its own yet.
    assert_eq!(
        f.autosave_due(doc(false, 0, Some(Path::new("/w/b.claimdesk")))),
        vec![]
    );
}

#[test]
fn a_discarded_copy_still_being_written_goes_once_the_write_reports() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    let d = doc(true, 5, Some(&path));
    let [Effect::WriteRecovery(ticket)] = f.autosave_due(d)[..] else {
        panic!()
    };
    let then = Then::OpenProject(p("/w/b.claimdesk"));
    f.replace(then.clone(), d);
    f.answer(Prompt::Unsaved(then), PromptAnswer::Discard, d);
    assert_eq!(
        f.loaded(Ok(())),
        vec![Effect::Show],
        "not while it is written"
    );
    assert_eq!(
        f.recovery_written(ticket, Ok(())),
        vec![Effect::DeleteRecovery(Some(path))]
    );
}

#[test]
fn discard_before_new_and_before_quit() {
    let path = p("/w/a.claimdesk");
    let d = doc(true, 3, Some(&path));
    let mut f = with_copy(&path);
    f.replace(Then::NewProject, d);
    let e = f.answer(Prompt::Unsaved(Then::NewProject), PromptAnswer::Discard, d);
    assert_eq!(
        e,
        vec![Effect::ShowNew, Effect::DeleteRecovery(Some(path.clone()))]
    );
    let mut f = with_copy(&path);
    f.close_requested(d);
    let e = f.answer(Prompt::Unsaved(Then::Quit), PromptAnswer::Discard, d);
    assert_eq!(e, vec![Effect::DeleteRecovery(Some(path)), Effect::Close]);
    assert!(f.closing());
}

#[test]
fn save_before_quit_closes_once_saved() {
    let path = p("/w/a.claimdesk");
    let mut f = with_copy(&path);
    let d = doc(true, 3, Some(&path));
    f.close_requested(d);
    let e = f.answer(Prompt::Unsaved(Then::Quit), PromptAnswer::Save, d);
    assert_eq!(
        e,
        vec![Effect::Write {
            path: path.clone(),
            check: true
        }]
    );
    assert_eq!(f.saving(), Some(path.as_path()));
    let e = f.saved(Ok(()), doc(false, 3, Some(&path)));
    assert_eq!(
        e,
        vec![
            Effect::Say("Saved /w/a.claimdesk".into()),
            Effect::DeleteRecovery(Some(path)),
            Effect::Close
        ]
    );
    assert!(f.closing());
}

#[test]
fn a_save_that_fails_after_quit_was_asked_keeps_the_window_and_the_copy() {
    let path = p("/w/a.claimdesk");
    let mut f = with_copy(&path);
    let d = doc(true, 3, Some(&path));
    f.close_requested(d);
    f.answer(Prompt::Unsaved(Then::Quit), PromptAnswer::Save, d);
    let e = f.saved(Err("disk full".into()), d);
    assert_eq!(
        e,
        vec![
            Effect::Ask(Prompt::Error("Could not save. disk full".into())),
            Effect::Say("Not saved, so the window stays open".into())
        ]
    );
    assert_eq!(f.stage(), &Stage::Idle);
    assert!(!f.closing());
    // The copy is kept: the next close asks again.
    assert_eq!(
        f.close_requested(d),
        vec![Effect::HoldClose, Effect::Ask(Prompt::Unsaved(Then::Quit))]
    );
}

#[test]
fn quit_while_a_save_runs_waits_and_asks_if_edited_meanwhile() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    f.save(None, doc(true, 3, Some(&path)));
    let e = f.close_requested(doc(true, 4, Some(&path)));
    assert_eq!(e[0], Effect::HoldClose);
    // Saved revision 3, but the analyst made revision 4 meanwhile: no silent close.
    let e = f.saved(Ok(()), doc(true, 4, Some(&path)));
    assert_eq!(
        e,
        vec![
            Effect::Say("Saved /w/a.claimdesk".into()),
            Effect::Ask(Prompt::Unsaved(Then::Quit))
        ]
    );
    assert!(!f.closing());
}

#[test]
fn a_copy_newer_than_the_save_is_kept() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    f.save(None, doc(true, 3, Some(&path)));
    let [Effect::WriteRecovery(t)] = f.autosave_due(doc(true, 4, Some(&path)))[..] else {
        panic!()
    };
    f.recovery_written(t, Ok(()));
    let e = f.saved(Ok(()), doc(true, 4, Some(&path)));
    assert_eq!(e, vec![Effect::Say("Saved /w/a.claimdesk".into())]);
}

#[test]
fn a_copy_written_while_the_same_revision_was_saved_goes_when_it_lands() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    let d = doc(true, 3, Some(&path));
    let [Effect::WriteRecovery(t)] = f.autosave_due(d)[..] else {
        panic!()
    };
    f.save(None, d);
    f.saved(Ok(()), doc(false, 3, Some(&path)));
    assert_eq!(
        f.recovery_written(t, Ok(())),
        vec![Effect::DeleteRecovery(Some(path))]
    );
}

#[test]
fn a_second_save_waits_for_the_first() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    f.save(None, doc(true, 3, Some(&path)));
    assert_eq!(f.save(None, doc(true, 4, Some(&path))), vec![]);
    let e = f.saved(Ok(()), doc(true, 4, Some(&path)));
    assert_eq!(
        e,
        vec![
            Effect::Say("Saved /w/a.claimdesk".into()),
            Effect::Write { path, check: true }
        ]
    );
}

#[test]
fn a_second_open_while_a_job_runs_is_refused() {
    let mut f = DocumentFlow::default();
    f.replace(Then::OpenProject(p("b.claimdesk")), doc(false, 0, None));
    let e = f.replace(Then::OpenProject(p("c.claimdesk")), doc(false, 0, None));
    assert_eq!(
        e,
        vec![Effect::Say(
            "Still opening b.claimdesk; try again when done".into()
        )]
    );
    let mut f = DocumentFlow::default();
    f.save(None, doc(true, 1, Some(Path::new("a.claimdesk"))));
    let e = f.replace(Then::NewProject, doc(true, 1, None));
    assert!(matches!(&e[..], [Effect::Say(s)] if s.starts_with("Still saving")));
}

#[test]
fn a_cancelled_save_dialog_calls_off_what_waited() {
    let mut f = DocumentFlow::default();
    let d = doc(true, 1, None);
    f.close_requested(d);
    let e = f.answer(Prompt::Unsaved(Then::Quit), PromptAnswer::Save, d);
    assert_eq!(e, vec![Effect::PickPath]);
    assert_eq!(f.picked(None, d), vec![]);
    assert_eq!(f.stage(), &Stage::Idle);
    assert!(!f.closing());
    // A path picked writes there, unchecked, and then quits.
    f.save_as(Some(Then::Quit));
    let e = f.picked(Some(p("/w/new.claimdesk")), d);
    assert_eq!(
        e,
        vec![Effect::Write {
            path: p("/w/new.claimdesk"),
            check: false
        }]
    );
    let e = f.saved(Ok(()), doc(false, 1, Some(Path::new("/w/new.claimdesk"))));
    assert_eq!(e.last(), Some(&Effect::Close));
}

#[test]
fn a_conflict_asks_and_overwrite_writes_unchecked() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    let d = doc(true, 2, Some(&path));
    f.save(Some(Then::Quit), d);
    let e = f.conflict();
    let prompt = Prompt::Overwrite {
        path: path.clone(),
        then: Some(Then::Quit),
    };
    assert_eq!(e, vec![Effect::Ask(prompt.clone())]);
    let e = f.answer(prompt.clone(), PromptAnswer::Save, d);
    assert_eq!(
        e,
        vec![Effect::Write {
            path: path.clone(),
            check: false
        }]
    );
    f.conflict();
    assert_eq!(
        f.answer(prompt, PromptAnswer::Discard, d),
        vec![Effect::PickPath]
    );
}

#[test]
fn a_recovery_write_that_fails_keeps_trying_and_says_so() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    let d = doc(true, 3, Some(&path));
    let [Effect::WriteRecovery(t)] = f.autosave_due(d)[..] else {
        panic!()
    };
    // One write at a time.
    assert_eq!(f.autosave_due(d), vec![]);
    let e = f.recovery_written(t, Err("no space".into()));
    assert!(matches!(&e[..], [Effect::Say(s)] if s.starts_with("Autosave failed: no space")));
    // Not taken as written: the next tick tries again.
    assert_eq!(f.autosave_due(d), vec![Effect::WriteRecovery(t)]);
}

#[test]
fn autosave_writes_only_new_revisions_and_drops_the_copy_when_undone_to_the_file() {
    let path = p("/w/a.claimdesk");
    let mut f = with_copy(&path);
    assert_eq!(f.autosave_due(doc(true, 3, Some(&path))), vec![]);
    assert_eq!(
        f.autosave_due(doc(false, 4, Some(&path))),
        vec![Effect::DeleteRecovery(Some(path))]
    );
}

#[test]
fn every_recovery_copy_found_is_offered_in_turn() {
    let mut f = DocumentFlow::default();
    // Start: a project opening, then the copies found.
    f.replace(Then::OpenProject(p("a.claimdesk")), doc(false, 0, None));
    let (one, two) = (found("/r/1", Some("/w/a")), found("/r/2", None));
    assert_eq!(f.found(vec![one.clone(), two.clone()]), vec![]);
    // The open fails: its error first, then each copy.
    let e = f.loaded(Err("missing".into()));
    assert_eq!(e.len(), 1);
    let e = f.answer(
        Prompt::Error("x".into()),
        PromptAnswer::Cancel,
        doc(false, 0, None),
    );
    assert_eq!(e, vec![Effect::Ask(Prompt::Restore(one.clone()))]);
    let e = f.answer(
        Prompt::Restore(one),
        PromptAnswer::Cancel,
        doc(false, 0, None),
    );
    assert_eq!(e, vec![Effect::Ask(Prompt::Restore(two.clone()))]);
    let e = f.answer(
        Prompt::Restore(two),
        PromptAnswer::Discard,
        doc(false, 0, None),
    );
    assert_eq!(e, vec![Effect::RemoveFile(p("/r/2"))]);
    assert!(!f.has_offers());
}

#[test]
fn restore_over_unsaved_work_asks_and_the_copy_then_protects_the_restored_work() {
    let mut f = DocumentFlow::default();
    let one = found("/r/1", Some("/w/a.claimdesk"));
    let d = doc(true, 2, None);
    let e = f.answer(Prompt::Restore(one.clone()), PromptAnswer::Save, d);
    assert_eq!(
        e,
        vec![Effect::Ask(Prompt::Unsaved(Then::Restore(one.clone())))]
    );
    let e = f.answer(
        Prompt::Unsaved(Then::Restore(one.clone())),
        PromptAnswer::Discard,
        d,
    );
    assert_eq!(e, vec![Effect::ReadRecovery(one)]);
    assert_eq!(f.loaded(Ok(())), vec![Effect::Show]);
    // Saved: the copy it came from goes.
    let path = p("/w/a.claimdesk");
    f.save(None, doc(true, 0, Some(&path)));
    let e = f.saved(Ok(()), doc(false, 0, Some(&path)));
    assert_eq!(e[1], Effect::DeleteRecovery(Some(path)));
}

#[test]
fn autosave_never_writes_over_a_copy_still_to_be_offered() {
    let path = p("/w/a.claimdesk");
    let mut f = DocumentFlow::default();
    f.replace(Then::OpenProject(path.clone()), doc(false, 0, None));
    f.found(vec![found("/r/1", Some("/w/a.claimdesk"))]);
    assert_eq!(f.autosave_due(doc(true, 1, Some(&path))), vec![]);
}

#[test]
fn a_load_nobody_waits_for_is_dropped() {
    let mut f = DocumentFlow::default();
    f.replace(Then::OpenProject(p("b.claimdesk")), doc(false, 0, None));
    // Quit while it loads, with unsaved work: the question is about the work on screen.
    let e = f.close_requested(doc(true, 1, None));
    assert_eq!(e[0], Effect::HoldClose);
    assert_eq!(f.loaded(Ok(())), vec![]);
}

#[test]
fn a_shared_project_is_not_saved_by_save() {
    let mut f = DocumentFlow::default();
    let d = Doc {
        shared: true,
        ..doc(false, 0, None)
    };
    assert!(matches!(&f.save(None, d)[..], [Effect::Say(_)]));
    assert_eq!(f.save_as(None), vec![Effect::PickPath]);
}
