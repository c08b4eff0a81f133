//! Recovery files for the window's autosave. One test in this binary: it sets
//! `XDG_DATA_HOME`, which no other test may race with.

mod common;

use std::path::Path;

use claimdesk::io::project_file::{
    discard_recovery, list_recoveries, load_recovery, recovery_dir, recovery_path, save_project,
    save_recovery,
};
use claimdesk::model::Status;

#[test]
fn autosave_recover_discard() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // SAFETY: the only test of this binary; no other thread reads the environment.
    unsafe { std::env::set_var("XDG_DATA_HOME", data.path()) };
    if cfg!(all(unix, not(target_os = "macos"))) {
        assert_eq!(
            recovery_dir(),
            data.path().join("claimdesk").join("recovery")
        );
    }

    let project_path = work.path().join("case.claimdesk");
    let mut project = common::big_project(3, 4, "saved");
    save_project(&project_path, &project).unwrap();
    let on_disk = std::fs::read(&project_path).unwrap();

    // Nothing to recover yet.
    assert_eq!(load_recovery(Some(&project_path)).unwrap(), None);
    assert!(list_recoveries().is_empty());

    // Unsaved edits go to the recovery file, never to the project file.
    project.claims[2].status = Status::False;
    project.claims[2].notes = "unsaved edit".into();
    let file = save_recovery(Some(&project_path), &project).unwrap();
    assert_eq!(file, recovery_path(Some(&project_path)));
    assert!(file.starts_with(recovery_dir()));
    assert_eq!(std::fs::read(&project_path).unwrap(), on_disk);
    // A second autosave replaces the first.
    project.claims[3].notes = "second autosave".into();
    save_recovery(Some(&project_path), &project).unwrap();

    // An untitled project has its own recovery file.
    let untitled = common::big_project(1, 1, "untitled");
    let untitled_file = save_recovery(None, &untitled).unwrap();
    assert_ne!(untitled_file, file);

    // After a crash: the next start finds both, and knows which project each belongs to.
    let found = list_recoveries();
    assert_eq!(found.len(), 2, "{found:?}");
    let of_case = found.iter().find(|r| r.file == file).unwrap();
    assert_eq!(
        of_case.project_path.as_deref(),
        Some(std::path::absolute(&project_path).unwrap().as_path())
    );
    let of_untitled = found.iter().find(|r| r.file == untitled_file).unwrap();
    assert_eq!(of_untitled.project_path, None);

    assert_eq!(load_recovery(Some(&project_path)).unwrap(), Some(project));
    assert_eq!(load_recovery(None).unwrap(), Some(untitled));

    // Two projects with the same name in different folders do not share a recovery file.
    let other = work.path().join("sub").join("case.claimdesk");
    assert_ne!(recovery_path(Some(&other)), file);
    assert_eq!(
        recovery_path(Some(Path::new("relative.claimdesk"))),
        recovery_path(Some(&std::path::absolute("relative.claimdesk").unwrap()))
    );

    // Saved or discarded: gone, and discarding twice is fine.
    discard_recovery(Some(&project_path)).unwrap();
    discard_recovery(Some(&project_path)).unwrap();
    assert_eq!(load_recovery(Some(&project_path)).unwrap(), None);
    discard_recovery(None).unwrap();
    assert!(list_recoveries().is_empty());
    assert_eq!(std::fs::read(&project_path).unwrap(), on_disk);

    // A damaged recovery file is reported, not taken for "nothing to recover".
    std::fs::write(recovery_path(None), b"{\"format\": \"claimdesk-pro").unwrap();
    let e = load_recovery(None).unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
}
