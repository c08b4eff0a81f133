//! Publishing verdicts in a file project (issue 15, point 5): kept in the project file as
//! an optional `published` object per claim (older files load unpublished and are written
//! back without it), and carried by the JSON export.

use std::path::Path;

use claimdesk::io::export::json;
use claimdesk::io::project_file::{load_project, project_from_str, project_to_string};
use claimdesk::model::edit::{Edit, History};
use claimdesk::model::{PublishState, Status};
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

fn claims_json(text: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).expect("JSON");
    doc["project"]["claims"].as_array().expect("claims").clone()
}

#[test]
fn a_publication_is_kept_in_the_file_and_older_files_load_unpublished() {
    let mut project = load_project(Path::new(FIXTURE)).expect("the v1 file loads");
    assert!(project.claims.iter().all(|c| c.published.is_none()));
    let text = project_to_string(&project);
    assert!(
        claims_json(&text)
            .iter()
            .all(|c| c.get("published").is_none()),
        "an unpublished claim writes no key"
    );
    let mut history = History::new();
    let (a, b) = (project.claims[0].id, project.claims[1].id);
    history
        .apply(
            &mut project,
            Edit::SetStatus {
                claims: vec![a, b],
                status: Status::Misleading,
                at: 100,
            },
        )
        .expect("status");
    history
        .apply(
            &mut project,
            Edit::Publish {
                claims: vec![a, b],
                at: 1_767_225_600,
                by: "Ana Ruiz".into(),
            },
        )
        .expect("publish");
    // b's verdict changes after publishing: its public verdict is still the old one.
    history
        .apply(
            &mut project,
            Edit::SetStatus {
                claims: vec![b],
                status: Status::False,
                at: 200,
            },
        )
        .expect("status");
    let text = project_to_string(&project);
    let back = project_from_str(&text).expect("reloads");
    assert_eq!(back, project, "the file round trip keeps publications");
    let claims = claims_json(&text);
    let published = &claims[0]["published"];
    assert_eq!(published["status"], "misleading");
    assert_eq!(published["at"], 1_767_225_600);
    assert_eq!(published["by"], "Ana Ruiz");
    assert_eq!(back.claims[0].publish_state(), PublishState::Published);
    assert_eq!(back.claims[1].publish_state(), PublishState::ChangedSince);

    // The JSON export carries it (null when unpublished), with "changed since".
    let export: Value = serde_json::from_str(&json::to_string(&back).expect("export")).unwrap();
    let out = export["claims"].as_array().expect("claims");
    let of = |id: u64| out.iter().find(|c| c["id"] == id).expect("exported");
    assert_eq!(of(a.0)["published"]["status"], "misleading");
    assert_eq!(of(a.0)["published"]["changed_since"], false);
    assert_eq!(of(b.0)["published"]["changed_since"], true);
    assert_eq!(of(b.0)["status"], "false");
    let unpublished = out
        .iter()
        .find(|c| c["id"] != a.0 && c["id"] != b.0)
        .expect("a third claim");
    assert!(unpublished["published"].is_null(), "{unpublished}");
}
