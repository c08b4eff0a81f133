use super::*;

#[test]
fn titles_surnames_descriptions_pronouns() {
    let mut r = Registry::default();
    let kirby = r
        .resolve("National Security Council Spokesperson John Kirby")
        .unwrap();
    assert_eq!(r.speakers[kirby].name, "John Kirby");
    assert_eq!(
        r.speakers[kirby].role.as_deref(),
        Some("National Security Council Spokesperson")
    );
    assert_eq!(r.resolve("Kirby"), Some(kirby));
    assert_eq!(r.resolve("the spokesperson"), Some(kirby));
    let body = r.resolve("The White House").unwrap();
    assert_eq!(r.speakers[body].name, "White House");
    assert_eq!(r.resolve("he"), Some(kirby));
    let minister = r.resolve("Defence Minister Jane Roe").unwrap();
    assert_eq!(r.resolve("the minister"), Some(minister));
    assert!(
        r.speakers
            .iter()
            .all(|s| s.aliases.iter().all(|a| a != "he")),
        "a pronoun is never an alias"
    );
}

#[test]
fn known_speakers_resolve_by_surname_then_by_description() {
    let known = [FoundSpeaker {
        name: "Ana Ruiz".into(),
        role: Some("Mayor".into()),
        aliases: vec!["Ruiz".into(), "the mayor".into(), "she".into()],
        is_body: false,
        unresolved: false,
    }];
    let mut r = Registry::with_known(&known);
    assert_eq!(r.resolve("she"), None, "not mentioned in this text yet");
    assert_eq!(r.resolve("Ruiz"), Some(0));
    assert_eq!(r.resolve("the mayor"), Some(0));
    assert_eq!(r.resolve("she"), Some(0));
}

#[test]
fn surname_first_then_full_name() {
    let mut r = Registry::default();
    let a = r.resolve("Moreau").unwrap();
    let b = r.resolve("Interior Minister Claire Moreau").unwrap();
    assert_eq!(a, b);
    assert_eq!(r.speakers[a].name, "Claire Moreau");
    assert!(r.speakers[a].aliases.contains(&"Moreau".to_string()));
}

#[test]
fn people_merge_only_on_identity() {
    let mut r = Registry::default();
    let don = r.resolve("Donald Roe").unwrap();
    let ivy = r.resolve("Ivy Roe").unwrap();
    assert_ne!(don, ivy, "a different given name is another person");
    assert_eq!(r.resolve("Mr. Roe"), Some(don));
    // Ivy's sex is unknown from her given name: "Mrs. Roe" is not Donald.
    assert_ne!(r.resolve("Mrs. Roe"), Some(don));
    let body = r.resolve("Roe Institute").unwrap();
    assert!(r.speakers[body].is_body);
    assert_ne!(body, don);
}

#[test]
fn pronouns_follow_subjects_and_agreement() {
    let mut r = Registry::default();
    r.observe("Jane Smith said the plan would fail.", 0);
    let jane = r.resolve("Jane Smith").unwrap();
    r.observe("Robert Brown has criticised the plan for months.", 40);
    let he = r.resolve_at("he", Some((100, 102))).unwrap();
    assert_eq!(
        r.speakers[he].name, "Robert Brown",
        "the subject just named"
    );
    let link = r.link.clone().unwrap();
    assert_eq!(link.words, "Robert Brown");
    assert_eq!(link.sentences_before, 0);
    assert_eq!(r.resolve("she"), Some(jane), "agreement skips the man");
}

#[test]
fn descriptions_resolve_or_stay_descriptions() {
    let mut r = Registry::default();
    let times = r.resolve("The New York Times").unwrap();
    assert_eq!(r.resolve("the newspaper"), Some(times));
    assert_eq!(
        r.resolve("CNN's Jane Roe")
            .map(|i| r.speakers[i].name.clone())
            .as_deref(),
        Some("Jane Roe")
    );
    let official = r.resolve("a senior official").unwrap();
    assert!(r.speakers[official].unresolved);
    assert_eq!(r.resolve("official"), None, "a bare role noun names no one");
    assert_eq!(r.resolve("the spokeswoman"), None);
    assert_eq!(r.resolve("Washington (AFP)"), None);
    assert_eq!(r.resolve("\u{2014}"), None);
}

#[test]
fn acronyms_name_the_body_spelt_out() {
    let mut r = Registry::default();
    let cns = r.resolve("Christian News Service").unwrap();
    assert_eq!(r.resolve("CNS"), Some(cns));
}
