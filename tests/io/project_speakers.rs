//! Speakers are shared across a project's articles: a later article's "Kirby" and its
//! "the spokesperson" join the speaker an earlier article introduced.

use claimdesk::io::import::import_articles;
use claimdesk::model::Project;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/rafah-kirby-gallant.txt"
);

#[test]
fn a_second_article_resolves_to_the_projects_speakers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let second = dir.path().join("second.txt");
    std::fs::write(
        &second,
        "Talks resume in Cairo\n\
         Kirby said on Wednesday that a deal was still possible.\n\
         \"We are not there yet,\" the spokesperson told reporters.\n",
    )
    .expect("write");
    let mut project = Project::new("Two articles");
    let errors = import_articles(&mut project, &[SAMPLE.into(), second]);
    assert!(errors.is_empty(), "{errors:?}");
    let second_id = project.articles[1].id;
    let claims: Vec<_> = project
        .claims
        .iter()
        .filter(|c| c.article == second_id)
        .collect();
    assert_eq!(claims.len(), 2, "{claims:?}");
    for claim in claims {
        let speaker = claim
            .speaker
            .and_then(|id| project.speaker(id))
            .expect("resolved");
        assert_eq!(speaker.name, "John Kirby");
        assert_eq!(
            speaker.role.as_deref(),
            Some("National Security Council Spokesperson")
        );
    }
    assert_eq!(
        project
            .speakers
            .iter()
            .filter(|s| s.name.contains("Kirby"))
            .count(),
        1
    );
}
