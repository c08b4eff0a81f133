//! Every claim carries its check-worthiness; check-worthy sentences no one is quoted saying
//! become statements in the article's own voice; older projects still load and export.

use claimdesk::extract::{ClaimKind, ClaimType, extract};
use claimdesk::io::import::{ARTICLE_BYLINE, ARTICLE_OUTLET, add_statements};
use claimdesk::model::ArticleMeta;

const TEXT: &str = "Bridge costs double\n\
    The city spent $4.2 million on the bridge in 2023, twice the first estimate.\n\
    \u{201c}We will finish it by June,\u{201d} the mayor said.\n\
    Thank you for reading.\n";

fn outlet(name: &str) -> ArticleMeta {
    ArticleMeta {
        outlet: Some(name.into()),
        ..ArticleMeta::default()
    }
}

#[test]
fn every_claim_has_a_score_in_range() {
    let ex = extract(include_str!("../../assets/rafah-kirby-gallant.txt"));
    assert!(!ex.claims.is_empty());
    for c in &ex.claims {
        assert!((0.0..=1.0).contains(&c.worth.get()), "{}", c.content);
        assert_eq!(
            c.claim_type == ClaimType::None,
            c.worth.get() < 0.5,
            "{}",
            c.content
        );
    }
}

#[test]
fn a_check_worthy_sentence_no_one_says_is_the_outlets_statement() {
    let mut ex = extract(TEXT);
    let quoted = ex.claims.len();
    assert_eq!(quoted, 1, "{:?}", ex.claims);
    add_statements(TEXT, &mut ex, &outlet("Daily Example"), 0.75);
    let statements: Vec<_> = ex
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Statement)
        .collect();
    assert_eq!(statements.len(), 1, "{:?}", ex.claims);
    let s = statements[0];
    assert!(s.content.starts_with("The city spent $4.2 million"));
    assert_eq!(&TEXT[s.start..s.end], s.content);
    assert!(s.worth.get() >= 0.75);
    assert_eq!(s.claim_type, ClaimType::Quantity);
    let speaker = ex.speaker_of(s).expect("the outlet");
    assert_eq!(speaker.name, "Daily Example");
    assert_eq!(speaker.role.as_deref(), Some(ARTICLE_OUTLET));
    // In reading order: the statement comes before the mayor's quotation.
    assert_eq!(ex.claims[0].kind, ClaimKind::Statement);
    // A byline when there is no outlet; nobody when neither.
    let mut by = extract(TEXT);
    let meta = ArticleMeta {
        author: Some("Jo Writer".into()),
        ..ArticleMeta::default()
    };
    add_statements(TEXT, &mut by, &meta, 0.75);
    let s = by.claims.iter().find(|c| c.kind == ClaimKind::Statement);
    let role = s
        .and_then(|s| by.speaker_of(s))
        .and_then(|p| p.role.clone());
    assert_eq!(role.as_deref(), Some(ARTICLE_BYLINE));
    let mut none = extract(TEXT);
    add_statements(TEXT, &mut none, &ArticleMeta::default(), 0.75);
    let s = none.claims.iter().find(|c| c.kind == ClaimKind::Statement);
    assert!(s.is_some_and(|s| s.speaker.is_none()));
    // A threshold above every score adds nothing.
    let mut strict = extract(TEXT);
    add_statements(TEXT, &mut strict, &outlet("Daily Example"), 1.1);
    assert_eq!(strict.claims.len(), quoted);
}

#[test]
fn an_old_project_loads_and_exports_scores() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/project-v1.claimdesk"
    );
    let project = claimdesk::io::project_file::load_project(std::path::Path::new(path))
        .expect("an old project loads");
    assert!(project.claims.iter().all(|c| c.worth.is_none()));
    let json = claimdesk::io::export::json::to_string(&project).expect("exports");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let claims = doc["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    for c in claims {
        let w = c["worth"].as_f64().expect("a score");
        assert!((0.0..=1.0).contains(&w));
        assert!(ClaimType::from_key(c["claim_type"].as_str().expect("a type")).is_some());
    }
}

/// A sentence a claim touches (its content, or its speaker's mention) is never also a
/// statement, however check-worthy; the others around it still are, in reading order.
#[test]
fn sentences_with_claims_in_them_are_not_statements() {
    let text = "Jobs report\n\
        The city's unemployment rate fell to 3.5% last year, the labour minister said.\n\
        Property taxes rose by 12 percent over the past five years, faster than wages.\n\
        The minister said that crime in the district dropped by 20% since 2021.\n\
        The council approved a $40 million loan for the new stadium in March.\n";
    let mut ex = extract(text);
    let claims: Vec<(usize, usize)> = ex.claims.iter().map(|c| (c.start, c.end)).collect();
    assert_eq!(claims.len(), 2, "{:?}", ex.claims);
    add_statements(text, &mut ex, &outlet("Daily Example"), 0.75);
    let kinds: Vec<ClaimKind> = ex.claims.iter().map(|c| c.kind).collect();
    assert_eq!(ex.claims.len(), 4, "{:?}", ex.claims);
    assert_eq!(kinds[1], ClaimKind::Statement);
    assert_eq!(kinds[3], ClaimKind::Statement);
    assert!(ex.claims[1].content.starts_with("Property taxes"));
    assert!(ex.claims[3].content.starts_with("The council approved"));
    let starts: Vec<usize> = ex.claims.iter().map(|c| c.start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
}
