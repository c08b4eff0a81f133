//! `claimdesk import` and `claimdesk export`, run as the real binary.

use crate::common;

use common::{claimdesk, stderr};

use std::fs;
use std::path::Path;

use claimdesk::io::import::sha256_hex;
use claimdesk::io::project_file::{backup_path, load_project};
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/project-v1.claimdesk"
);

const KIRBY: &str = "Ceasefire talks resume in Cairo\n\n\
“We are closer than we have been in weeks,” said John Kirby, the National Security \
Council spokesperson. Kirby added that the talks would continue on Monday.\n\
Hamas said it had not received a new proposal.\n";

const MAYOR: &str = "Bridge to reopen in spring\n\n\
“We will rebuild the bridge by April,” Mayor Jane Smith told reporters on Tuesday.\n\
According to the transport ministry, the repairs will cost 4 million euros.\n";

/// How many claims `claimdesk extract` finds in these files: import must add the same.
fn extracted_claims(files: &[&Path]) -> usize {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"extract", &"--format", &"json"];
    for f in files {
        args.push(f);
    }
    let out = claimdesk(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["claims"].as_array().unwrap().len())
        .sum()
}

#[test]
fn import_creates_then_extends_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let kirby = dir.path().join("kirby.txt");
    let mayor = dir.path().join("mayor.txt");
    fs::write(&kirby, KIRBY).unwrap();
    fs::write(&mayor, MAYOR.replace('\n', "\r\n")).unwrap();
    let project = dir.path().join("case.claimdesk");

    let out = claimdesk(&[&"import", &project, &kirby]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let p = load_project(&project).unwrap();
    assert_eq!(p.name, "case");
    assert_eq!(p.articles.len(), 1);
    let a = &p.articles[0];
    assert_eq!(a.title, "Ceasefire talks resume in Cairo");
    assert_eq!(a.text, KIRBY);
    assert_eq!(a.source_path.as_deref(), Some(kirby.to_str().unwrap()));
    assert_eq!(
        a.sha256.as_deref(),
        Some(sha256_hex(KIRBY.as_bytes()).as_str())
    );
    assert!(a.imported_at.unwrap() > 1_700_000_000);
    assert_eq!(p.claims.len(), extracted_claims(&[&kirby]));
    assert!(!backup_path(&project).exists());

    // Same file again: refused, nothing done, the project is untouched.
    let before = fs::read(&project).unwrap();
    let out = claimdesk(&[&"import", &project, &kirby]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("kirby.txt: already in the project"), "{err}");
    assert_eq!(fs::read(&project).unwrap(), before);

    // One good file, one missing: exit 2, the good one is in, the previous file is the .bak.
    let missing = dir.path().join("missing.txt");
    let out = claimdesk(&[&"import", &project, &mayor, &missing]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing.txt: no such file"),
        "{}",
        stderr(&out)
    );
    let p = load_project(&project).unwrap();
    assert_eq!(p.articles.len(), 2);
    // The original bytes (CRLF) are hashed; the text is normalised.
    assert_eq!(
        p.articles[1].sha256.as_deref(),
        Some(sha256_hex(MAYOR.replace('\n', "\r\n").as_bytes()).as_str())
    );
    assert_eq!(p.articles[1].text, MAYOR);
    assert_eq!(p.claims.len(), extracted_claims(&[&kirby, &mayor]));
    assert!(p.claims.iter().any(|c| c.article == p.articles[1].id));
    assert_eq!(fs::read(backup_path(&project)).unwrap(), before);
}

#[test]
fn import_never_overwrites_what_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("kirby.txt");
    fs::write(&article, KIRBY).unwrap();
    // The analyst swapped the arguments: the "project" is an article.
    let out = claimdesk(&[&"import", &article, &article]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("kirby.txt: is not a claimdesk project"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&article).unwrap(), KIRBY);

    // A newer project: refused with the reason, unchanged.
    let newer = dir.path().join("newer.claimdesk");
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 2");
    fs::write(&newer, &text).unwrap();
    let out = claimdesk(&[&"import", &newer, &article]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("made by a newer claimdesk"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&newer).unwrap(), text);

    // Nothing readable: no project is created.
    let project = dir.path().join("new.claimdesk");
    let out = claimdesk(&[&"import", &project, &dir.path().join("nope.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!project.exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn export_json_of_the_fixture() {
    let out = claimdesk(&[&"export", &FIXTURE, &"--format", &"json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("export is JSON");
    assert_eq!(doc["format"], "claimdesk-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["project"], "Ceasefire coverage");
    assert_eq!(doc["organisation"], "Example Checks");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["claim_count"], 3);
    assert_eq!(articles[0]["outlet"], "Example News");
    assert!(
        articles[0].get("text").is_none(),
        "exports carry no article text"
    );
    assert_eq!(doc["speakers"].as_array().unwrap().len(), 2);
    let claims = doc["claims"].as_array().unwrap();
    let ids: Vec<u64> = claims.iter().map(|c| c["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [4, 5, 6, 8], "article order, then position");
    let c = &claims[0];
    assert_eq!(c["content"], "We are closer than we have been in weeks");
    assert_eq!(c["article"], 1);
    assert_eq!(c["article_title"], "Ceasefire talks resume in Cairo");
    assert_eq!(c["speaker"], 2);
    assert_eq!(c["speaker_name"], "John Kirby");
    assert_eq!(c["speaker_role"], "National Security Council spokesperson");
    assert_eq!(c["status"], "verified");
    assert_eq!(c["kind"], "direct");
    assert_eq!(c["start"], 36);
    assert_eq!(c["end"], 76);
    assert_eq!(c["evidence"][0]["description"], "Press briefing transcript");
    assert_eq!(c["history"][1]["to"], "verified");
    assert_eq!(c["origin"], "extracted");
    let unresolved = &claims[3];
    assert_eq!(unresolved["speaker"], Value::Null);
    assert_eq!(unresolved["speaker_name"], Value::Null);
    assert_eq!(unresolved["mention"], "The mayor’s office");
}

#[test]
fn export_to_a_file_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("claims.json");
    let out = claimdesk(&[&"export", &FIXTURE, &"-o", &target]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
    assert_eq!(doc["claims"].as_array().unwrap().len(), 4);

    let missing = dir.path().join("gone.claimdesk");
    let out = claimdesk(&[&"export", &missing, &"--format", &"json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("gone.claimdesk: no such file"),
        "{}",
        stderr(&out)
    );

    let broken = dir.path().join("broken.claimdesk");
    let text = fs::read_to_string(FIXTURE).unwrap();
    fs::write(&broken, &text[..text.len() / 3]).unwrap();
    let out = claimdesk(&[&"export", &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("broken.claimdesk: is truncated"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let nowhere = dir.path().join("no-dir").join("out.json");
    let out = claimdesk(&[&"export", &FIXTURE, &"-o", &nowhere]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("out.json: cannot write the export"),
        "{}",
        stderr(&out)
    );
}
